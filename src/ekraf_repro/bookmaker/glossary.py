"""The glossary page: every abbreviation and technical term of the paper and the book, with English equivalents."""

import re

from .. import coded
from . import generated

PAGE = generated.FOLDER / "glosarium.md"
# Foreign terms that Indonesian text writes in italics (EYD V); the glossary's own entries for them too.
FOREIGN = (
    "sister city",
    "state-centric",
    "non-state",
    "brand",
    "handycraft",
    "handicraft",
    "et al.",
    "et alii",
    "Memorandum of Understanding",
    "Compound Annual Growth Rate",
)
# A MyST role such as {cite:t}`keohane1984`: notes cite the bibliography with these (never a bare key);
# they pass through to the page untouched.
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
# Text that italic() leaves alone: roles, and spans already in italics (the paper's own words, quoted).
_KEEP = re.compile(rf"({ROLE.pattern}|\*[^*\n]+\*)")


def italic(text: str) -> str:
    """Foreign terms in italics, unless they already are (alone or inside a quoted italic span); roles untouched."""
    pattern = re.compile(rf"(?<![*\w])({'|'.join(re.escape(t) for t in FOREIGN)})(?![*\w])")
    return "".join(part if _KEEP.fullmatch(part) else pattern.sub(r"*\1*", part) for part in _KEEP.split(text))


def render() -> str:
    g = coded.table("glosarium")
    g = g.assign(_sort=g["istilah"].str.casefold()).sort_values("_sort")
    lines = [
        "(glosarium)=",
        "# Glosarium",
        "",
        "% Generated from data/konteks/glosarium.csv by `ekraf pages`: edit the CSV, not this file.",
        "",
        "*Glossary: the abbreviations and technical terms of the paper and of this book, with their English "
        "equivalents.*",
        "",
        "Glosarium ini menjelaskan setiap singkatan dan istilah teknis yang dipakai makalah atau buku ini, dengan "
        "padanannya dalam bahasa Inggris. Definisi ditulis dengan kata-kata kami. Untuk istilah hukum atau resmi, "
        "sumber publiknya disebut; catatan menyebut cara makalah memakai istilah itu bila berbeda dari yang lazim, "
        "dan menyebut bila sebuah definisi atau identifikasi merupakan rumusan kami sendiri tanpa sumber.",
        "",
    ]
    letter = None
    for r in g.itertuples(index=False):
        initial = r.istilah[0].upper()
        if initial != letter:
            letter = initial
            lines += ["```{rubric} " + letter, "```", ""]
        term = f"**{italic(r.istilah)}**" + (f" ({italic(r.kepanjangan)})" if r.kepanjangan else "")
        text = f"Inggris: *{r.istilah_en}*. {italic(r.definisi)}"
        if r.sumber:
            text += " " + "{cite:p}`" + ",".join(r.sumber.split()) + "`"
        if r.catatan:
            text += f" *Catatan:* {italic(r.catatan)}"
        lines += [term, f": {text}", ""]
    return "\n".join(lines).rstrip() + "\n"


def write(page=PAGE) -> bool:
    return generated.write(page, render())
