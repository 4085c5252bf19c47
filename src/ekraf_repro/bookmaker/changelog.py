"""The page "Riwayat edisi" / "Edition history", written from the changelogs (issue 16).

``CHANGELOG.md`` (English) and ``CHANGELOG.id.md`` (Indonesian) follow Keep a
Changelog: ``## [x.y.z] - YYYY-MM-DD`` for each version, newest first, then
``### Added`` / ``### Changed`` / ``### Fixed`` / ``### Removed`` (Indonesian
``Ditambahkan`` / ``Diubah`` / ``Diperbaiki`` / ``Dihapus``) with one bullet
per change. The two are the same history entry for entry. The version itself
lives in one place, ``CITATION.cff``; the newest entry must carry it and its
release date. The "Fixed" entries are the book's own errata, listed again by
version on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths, tanggal
from ..errors import InputError
from . import generated

FILES = {"en": paths.ROOT / "CHANGELOG.md", "id": paths.ROOT / "CHANGELOG.id.md"}
# Keep a Changelog's kinds of change, in each language, in the order the page shows them.
KINDS = {
    "added": ("Ditambahkan", "Added"),
    "changed": ("Diubah", "Changed"),
    "removed": ("Dihapus", "Removed"),
    "fixed": ("Diperbaiki", "Fixed"),
}
_VERSION = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$")


@dataclass
class Release:
    version: str
    date: str  # ISO, as the changelog writes it
    changes: dict[str, list[str]] = field(default_factory=dict)  # kind -> bullets


def parse(path: Path, lang: str) -> list[Release]:
    """The releases of a changelog, newest first; a line that breaks the format is an error naming it."""
    kinds = {generated.pick(pair, lang): kind for kind, pair in KINDS.items()}
    releases: list[Release] = []
    kind = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}, line {n}"
        if line.startswith("## "):
            match = _VERSION.match(line)
            if not match:
                raise InputError(f"{where}: '{line}' is not a version heading '## [x.y.z] - YYYY-MM-DD'")
            releases.append(Release(*match.groups()))
            kind = None
        elif line.startswith("### "):
            name = line[4:].strip()
            if name not in kinds or not releases:
                raise InputError(f"{where}: '{name}' is not one of {', '.join(kinds)} under a version heading")
            kind = kinds[name]
            releases[-1].changes[kind] = []
        elif line.startswith("- ") and releases:
            if kind is None:
                raise InputError(f"{where}: a change before its kind ({', '.join(kinds)})")
            releases[-1].changes[kind].append(line[2:].strip())
        elif line.strip() and releases:
            raise InputError(f"{where}: '{line.strip()[:40]}' is neither a heading nor a '- ' bullet")
    if not releases:
        raise InputError(f"{path.name}: no version heading '## [x.y.z] - YYYY-MM-DD'")
    return releases


def releases(lang: str) -> list[Release]:
    return parse(FILES[lang], lang)


TEXT = {
    "title": ("Riwayat edisi", "Edition history"),
    "intro": (
        "Setiap rilis buku ini diberi nomor versi. Kutipan menyebut versi yang dipakai (lihat {ref}`mengutip`), "
        "sehingga pembaca tahu edisi mana yang dimaksud dan apa yang berubah sesudahnya. Versi sekarang adalah "
        "**{version}**, terbit {date}. Kesalahan di buku ini sendiri yang telah diperbaiki dicatat di bawah "
        "\u201cDiperbaiki\u201d dan dihimpun lagi sebagai ralat buku di akhir halaman; koreksi atas data makalah "
        "adalah hal lain, yang dicatat di erata data.",
        "Every release of this book has a version number. A citation names the version used (see {ref}`mengutip`), "
        "so that a reader knows which edition is meant and what has changed since. The current version is "
        "**{version}**, released on {date}. Errors in the book itself that have been corrected are listed under "
        "\u201cFixed\u201d and gathered again as the book's errata at the end of this page; corrections to the "
        "paper's data are another matter, recorded in the data errata.",
    ),
    "version": ("Versi {version} ({date})", "Version {version} ({date})"),
    "errata": ("Ralat buku", "The book's errata"),
    "errata_intro": (
        "Kesalahan yang ada di sebuah versi buku ini dan diperbaiki di versi berikutnya. Siapa pun yang mengutip "
        "versi sebelumnya sebaiknya memeriksa daftar ini.",
        "Errors present in one version of this book and corrected in a later one. Anyone who cited an earlier "
        "version should check this list.",
    ),
    "errata_caption": ("Ralat buku menurut versi perbaikannya", "The book's errata, by the version that fixed them"),
    "errata_header": (["Diperbaiki di versi", "Kesalahan"], ["Fixed in version", "Error"]),
    "no_errata": ("Belum ada ralat.", "No errata yet."),
}


def render(lang: str = "id") -> str:
    from . import citation

    t = {k: generated.pick(v, lang) for k, v in TEXT.items()}
    history = releases(lang)
    cff = citation.load()
    lines = [
        "(riwayat-edisi)=",
        f"# {t['title']}",
        "",
        t["intro"]  # holds a MyST role in braces: filled by replacement, not str.format
        .replace("{version}", history[0].version)
        .replace("{date}", tanggal.show(str(cff["date-released"]), lang)),
        "",
    ]
    for release in history:
        lines += [f"## {t['version'].format(version=release.version, date=tanggal.show(release.date, lang))}", ""]
        for kind, pair in KINDS.items():
            if release.changes.get(kind):
                lines += [f"### {generated.pick(pair, lang)}", ""]
                lines += [f"- {change}" for change in release.changes[kind]] + [""]
    lines += ["(riwayat-edisi-ralat)=", f"## {t['errata']}", "", t["errata_intro"], ""]
    rows = [[r.version, fix] for r in history for fix in r.changes.get("fixed", [])]
    header = list(t["errata_header"])
    lines += generated.table(t["errata_caption"], "tbl-ralat-buku", header, rows) if rows else [t["no_errata"], ""]
    return "\n".join(lines).rstrip() + "\n"


NAME = "riwayat.md"
PAGE = generated.page(NAME)


def write(page=None, lang: str = "id") -> bool:
    return generated.write(page or generated.page(NAME, lang), render(lang))
