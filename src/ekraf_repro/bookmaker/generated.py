"""Pages of the book written by code: never edited by hand, rewritten by ``ekraf pages``.

Each edition has its own: ``book/_generated/`` (Indonesian) and ``book/<lang>/_generated/``, at the same
paths in the edition's project (:mod:`.editions`), so the table of contents names them once.
"""

from pathlib import Path

from .. import paths
from ..labels import LANGUAGES

FOLDER = paths.BOOK / "_generated"


def folder(lang: str = "id", book: Path = paths.BOOK) -> Path:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got '{lang}'")
    return book / "_generated" if lang == LANGUAGES[0] else book / lang / "_generated"


def page(name: str, lang: str = "id", book: Path = paths.BOOK) -> Path:
    """Where the generated page ``name`` (``mengutip.md``) of an edition is written."""
    return folder(lang, book) / name


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Indonesian or the English of a pair of texts written for a generated page."""
    return pair[LANGUAGES.index(lang)]


def write(page: Path, text: str) -> bool:
    """Write ``text`` to ``page`` when it differs; True when the page changed."""
    if page.exists() and page.read_text(encoding="utf-8") == text:
        return False
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return True


def table(caption: str, name: str, header: list[str], rows: list[list[str]]) -> list[str]:
    """A captioned MyST table (cells are already Markdown)."""
    lines = [
        f":::{{table}} {caption}",
        f":name: {name}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
    return lines + [":::", ""]
