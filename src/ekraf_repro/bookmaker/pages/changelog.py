"""The page "Riwayat edisi" / "Edition history", from ``CHANGELOG.md`` and ``CHANGELOG.id.md`` (Keep a Changelog:
``## [x.y.z] - YYYY-MM-DD``, newest first, ``### Added``/``Ditambahkan``..., one bullet per change). The "Fixed"
entries are the book's own errata, listed again on the page.
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
    t, history, released = text.group("changelog", lang), releases(lang), str(settings.cff()["date-released"])
    # the intro holds a MyST role in braces: filled by replacement, not str.format
    intro = t["intro"].replace("{version}", history[0].version).replace("{date}", tanggal.show(released, lang))
    lines = ["(riwayat-edisi)=", f"# {t['title']}", "", intro, ""]
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
