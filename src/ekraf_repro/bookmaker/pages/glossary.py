"""The glossary page: every abbreviation and technical term of the paper and the book, with English equivalents."""

import re

from ... import coded
from ..text import group

# Foreign terms that Indonesian text writes in italics (EYD V); the glossary's own entries for them too.
FOREIGN = ("sister city", "state-centric", "non-state", "brand", "handycraft", "handicraft", "et al.", "et alii",
           "Memorandum of Understanding", "Compound Annual Growth Rate", "Letter of Intent",
           "ASEAN Trade in Goods Agreement", "friendship city", "twin city", "Datuk Bandar", "Menteri Besar",
           "Perusahaan Kecil dan Sederhana")  # fmt: skip
# A MyST role such as {cite:t}`keohane1984`: notes cite the bibliography with these (never a bare key);
# they pass through to the page untouched.
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
# Text that italic() leaves alone: roles, and spans already in italics (the paper's own words, quoted).
_KEEP = re.compile(rf"({ROLE.pattern}|\*[^*\n]+\*)")


def italic(text: str) -> str:
    """Foreign terms in italics, unless they already are (alone or inside a quoted italic span); roles untouched."""
    pattern = re.compile(rf"(?<![*\w])({'|'.join(re.escape(t) for t in FOREIGN)})(?![*\w])")
    return "".join(part if _KEEP.fullmatch(part) else pattern.sub(r"*\1*", part) for part in _KEEP.split(text))


def _foreign(term: str) -> str:
    """An Indonesian headword in the English glossary: a common noun in italics; names and abbreviations
    (UMKM, Disdagin, Permendagri No. 3 Tahun 2008) upright."""
    return term if term[:1].isupper() else f"*{term}*"


def render(lang: str = "id") -> str:
    t = group("glossary", lang)
    g = coded.table("glosarium")
    g = g.assign(_sort=g["istilah"].str.casefold()).sort_values("_sort")
    generated = "% Generated from data/konteks/glosarium.csv by `ekraf pages`: edit the CSV, not this file."
    lines = ["(glosarium)=", f"# {t['title']}", "", generated, "", t["intro"], ""]
    letter = None
    for r in g.itertuples(index=False):
        initial = r.istilah[0].upper()
        if initial != letter:
            letter = initial
            lines += ["```{rubric} " + letter, "```", ""]
        if lang == "id":
            term = f"**{italic(r.istilah)}**" + (f" ({italic(r.kepanjangan)})" if r.kepanjangan else "")
            text = f"{t['equivalent']}: *{r.istilah_en}*. {italic(r.definisi)}"
            note = italic(r.catatan)
        else:
            # an English term (brand, sister city), as a whole word: "impor" is not the English "import"
            same = re.search(rf"(?<!\w){re.escape(r.istilah)}(?!\w)", r.istilah_en, flags=re.I) is not None
            term = f"**{r.istilah if same else _foreign(r.istilah)}**"
            english = r.kepanjangan.casefold() in r.istilah_en.casefold()  # an English expansion (MoU, CAGR)
            term += f" ({r.kepanjangan if english else '*' + r.kepanjangan + '*'})" if r.kepanjangan else ""
            text = ("" if same else f"{t['equivalent']}: {r.istilah_en}. ") + r.definisi_en
            note = r.catatan_en
        if r.sumber:
            text += " " + "{cite:p}`" + ",".join(r.sumber.split()) + "`"
        if note:
            text += f" *{t['note']}:* {note}"
        lines += [term, f": {text}", ""]
    return "\n".join(lines).rstrip() + "\n"


NAME = "glosarium.md"
