"""Pages of the book written by code (``book/_generated/``): never edited by hand, rewritten by ``ekraf pages``."""

from pathlib import Path

from .. import paths

FOLDER = paths.BOOK / "_generated"


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
