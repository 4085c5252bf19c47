"""What the student notebooks tests read: the book's executed notebooks, their glued values, the other language.

The book's executed notebooks (``notebooks/`` for Indonesian, ``notebooks/en/`` for English) are the source of
every number the book prints; a student notebook must show the same ones.
"""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.run import plan

PAGES = ["01_pendahuluan", "02_teori", "03_metode", "04_hasil", "05_audit", "06_penutup", "profil_kriya"]
MYST = re.compile(r"\{glue|\{cite|\{numref|\{ref\}|:::\{|^\([\w-]+\)=", re.M)
OTHER = {"id": "en", "en": "id"}


def executed_path(lang: str, page: str) -> Path:
    folder = settings.executed(lang)
    return folder / f"{page}.ipynb" if page[:2].isdigit() else folder / plan.APPENDIX / f"{page}.ipynb"


def executed(lang: str, page: str) -> dict:
    """The book's executed notebook of a page."""
    return json.loads(executed_path(lang, page).read_text(encoding="utf-8"))


def literal(text):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None


def glued_texts(nb: dict) -> dict[str, str]:
    """The text values a book notebook glued, by key."""
    out = {}
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            value = literal(o.get("data", {}).get("application/papermill.record/text/plain", ""))
            if name and isinstance(value, str):
                out[name] = value
    return out


def templates(student_nb: dict, shown_only: bool = True) -> list[str]:
    """The prose templates of a student notebook's ``bab.teks`` cells (those that showed something)."""
    out = []
    for cell in student_nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and source.startswith("bab.teks(") and (cell["outputs"] or not shown_only):
            out.append(ast.parse(source).body[0].value.args[0].value)
    return out


def shown_values(student_nb: dict, book_nb: dict) -> dict[str, str]:
    """Every value the student notebook's shown passages write, as the book glued it."""
    glued = glued_texts(book_nb)
    keys = {f.split(":")[0] for t in templates(student_nb) for _, f, _, _ in string.Formatter().parse(t) if f}
    return {k: glued[k] for k in keys if k in glued}


def other_language(book_nb: dict, lang: str) -> list[str]:
    """Sentences of the other language's passages (without MyST), each long enough to be telling."""
    tag = f"jika:bahasa_{OTHER[lang]}"
    out = []
    for cell in book_nb["cells"]:
        if tag in cell.get("metadata", {}).get("tags", []):
            text = re.sub(r"\{[\w:-]+\}`[^`]*`|\(\S+\)=|:::.*|```.*|^:\w+:.*", " ", "".join(cell["source"]), flags=re.M)
            out += [s.strip() for s in re.split(r"(?<=[.:;])\s+|\n", text) if len(s.strip()) >= 40]
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def everything(student_nb: dict) -> str:
    """Every source and every text output of a student notebook, joined."""
    parts = []
    for cell in student_nb["cells"]:
        parts.append("".join(cell["source"]))
        for o in cell.get("outputs", []):
            parts += [v for k, v in o.get("data", {}).items() if k.startswith("text/")]
    return "\n".join(parts)
