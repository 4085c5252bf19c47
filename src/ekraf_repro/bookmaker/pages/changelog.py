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

from ... import paths, tanggal
from ...errors import InputError
from .. import settings, text
from . import table

NAME = "riwayat.md"
FILES = {"en": paths.ROOT / "CHANGELOG.md", "id": paths.ROOT / "CHANGELOG.id.md"}
KINDS = ("added", "changed", "removed", "fixed")  # Keep a Changelog's kinds, in the order shown
_VERSION = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$")


@dataclass
class Release:
    version: str
    date: str  # ISO, as the changelog writes it
    changes: dict[str, list[str]] = field(default_factory=dict)  # kind -> bullets


def parse(path: Path, lang: str) -> list[Release]:
    """The releases of a changelog, newest first; a line that breaks the format is an error naming it."""
    words = text.group("changelog", lang)
    kinds = {words[kind]: kind for kind in KINDS}
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




def render(lang: str = "id") -> str:
    t = text.group("changelog", lang)
    history = releases(lang)
    cff = settings.cff()
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
        for kind in KINDS:
            if release.changes.get(kind):
                lines += [f"### {t[kind]}", ""]
                lines += [f"- {change}" for change in release.changes[kind]] + [""]
    lines += ["(riwayat-edisi-ralat)=", f"## {t['errata']}", "", t["errata_intro"], ""]
    rows = [[r.version, fix] for r in history for fix in r.changes.get("fixed", [])]
    header = list(t["errata_header"])
    lines += table(t["errata_caption"], "tbl-ralat-buku", header, rows) if rows else [t["no_errata"], ""]
    return "\n".join(lines).rstrip() + "\n"
