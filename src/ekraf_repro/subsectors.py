"""The 17 official creative-economy subsectors and the spellings the paper uses.

These are the names the loader accepts; the book's glossary gives the public
sources on the official classification. The paper writes ``Fashion`` for *Fesyen*.
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

# The subsectors' names in English, for the English text (bahasa=en).
ENGLISH = {
    "Aplikasi": "Applications",
    "Arsitektur": "Architecture",
    "Desain Interior": "Interior design",
    "Desain Komunikasi Visual": "Visual communication design",
    "Desain Produk": "Product design",
    "Fesyen": "Fashion",
    "Film, Animasi, dan Video": "Film, animation and video",
    "Fotografi": "Photography",
    "Kriya": "Craft",
    "Kuliner": "Culinary",
    "Musik": "Music",
    "Penerbitan": "Publishing",
    "Pengembang Permainan": "Game development",
    "Periklanan": "Advertising",
    "Seni Pertunjukan": "Performing arts",
    "Seni Rupa": "Fine arts",
    "Televisi dan Radio": "Television and radio",
}


def official_name(name: str) -> str | None:
    """The official spelling for ``name`` (case and spacing ignored), or None."""
    key = " ".join(str(name).split()).casefold()
    return _BY_KEY.get(key) or ALIASES.get(key)


def display(name: str, lang: str = "id") -> str:
    """A subsector as the text names it: the official Indonesian name (the paper's ``Fashion`` reads
    *Fesyen*), or English."""
    official = official_name(name) or name
    return ENGLISH.get(official, official) if lang == "en" else official


def valid_names() -> str:
    """All accepted spellings, for error messages."""
    return ", ".join(OFFICIAL) + " (also: Fashion)"


def slug(name: str) -> str:
    """A file-name form of a subsector: ``'Seni Rupa'`` -> ``'seni_rupa'``."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def placeholders(name: str, lang: str = "id") -> dict[str, str]:
    """The values of the appendix template's ``{{name}}`` placeholders for one subsector of the data."""
    return {"subsektor": display(name, lang), "slug": slug(name)}
