"""The 17 official creative-economy subsectors and the spellings the paper uses.

The list follows Kemenparekraf/Baparekraf (Perpres 142/2018, Rencana Induk
Pengembangan Ekonomi Kreatif). The paper writes ``Fashion`` for *Fesyen*.
"""
import re

OFFICIAL = (
    "Aplikasi",
    "Arsitektur",
    "Desain Interior",
    "Desain Komunikasi Visual",
    "Desain Produk",
    "Fesyen",
    "Film, Animasi, dan Video",
    "Fotografi",
    "Kriya",
    "Kuliner",
    "Musik",
    "Penerbitan",
    "Pengembang Permainan",
    "Periklanan",
    "Seni Pertunjukan",
    "Seni Rupa",
    "Televisi dan Radio",
)

# Spellings found in the paper (or in common use) that name an official subsector.
ALIASES = {
    "fashion": "Fesyen",
    "film, animasi dan video": "Film, Animasi, dan Video",
    "film animasi dan video": "Film, Animasi, dan Video",
    "pengembangan permainan": "Pengembang Permainan",
}

_BY_KEY = {name.casefold(): name for name in OFFICIAL}


def official_name(name: str) -> str | None:
    """The official spelling for ``name`` (case and spacing ignored), or None."""
    key = " ".join(str(name).split()).casefold()
    return _BY_KEY.get(key) or ALIASES.get(key)


def valid_names() -> str:
    """All accepted spellings, for error messages."""
    return ", ".join(OFFICIAL) + " (also: Fashion)"


def slug(name: str) -> str:
    """A file-name form of a subsector: ``'Seni Rupa'`` -> ``'seni_rupa'``."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
