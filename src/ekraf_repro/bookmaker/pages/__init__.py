"""Pages of the book written by code, never by hand (``ekraf pages``: ``book/_generated/``,
``book/<lang>/_generated/``). Each module writes one: its ``NAME`` and ``render(code)``, MyST Markdown with every
sentence from ``bookmaker/text.py``; :func:`write_page` is where page text reaches the disk.
"""

import importlib
from pathlib import Path

from ... import paths
from .. import settings
from ..files import update

MODULES = ("datapage", "citing", "concordance", "glossary", "changelog")


def modules() -> list:
    return [importlib.import_module(f"{__name__}.{name}") for name in MODULES]


def folder(code: str = settings.DEFAULT, book: Path = paths.BOOK) -> Path:
    settings.lang(code)  # a language of the book, or an error naming the allowed ones
    return book / "_generated" if code == settings.DEFAULT else book / code / "_generated"


def page(name: str, code: str = settings.DEFAULT, book: Path = paths.BOOK) -> Path:
    return folder(code, book) / name


def write_page(module, code: str, book: Path = paths.BOOK) -> bool:  # True when the page changed
    return update(page(module.NAME, code, book), module.render(code).encode())


def cell(value) -> str:
    """A value as the cell of a Markdown table: its pipes escaped, on one line."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(caption: str, name: str, header: list[str], rows: list[list[str]]) -> list[str]:
    """A captioned MyST table (cells are already Markdown)."""
    lines = [f":::{{table}} {caption}", f":name: {name}", "", "| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    return lines + ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows] + [":::", ""]
