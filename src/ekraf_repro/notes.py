"""Reading notes: places where the paper's wording slips or blurs, recorded beside the audit but not judged.

A typographical slip (a name spelt three ways, an abbreviation spelt out two
ways) or loose terminology is not a statement that contradicts another: both
wordings can be true at once, or one is plainly a slip. Each note in
``data/klaim/catatan.csv`` says what the paper writes and how this book reads
it; the facts some notes quote (the spellings of the firm's name) are taken
from the coded tables here, so the text never goes stale.
"""

import pandas as pd

from . import audit, coded, labels, show


def _facts() -> dict[str, dict]:
    names = spellings()
    rules = audit.central_involvement(audit._interview().year).facts
    return {
        "c1": {"ejaan": [f"\u201c{n}\u201d" for n in names], "n": len(names), "konteks": coded.context("c_gloya")},
        "c13": {k: rules[k] for k in ("n_wajib", "n_berlaku", "tahun")},
    }


def spellings() -> list[str]:
    """The ways the paper writes the firm's name, in the order of the coded table."""
    firm = coded.table("fakta_perusahaan")
    return firm.loc[firm["atribut"] == "nama", "nilai"].tolist()


def rows(lang: str = "id") -> pd.DataFrame:
    """One row per note: number and paragraphs, kind, what the paper writes, how this book reads it."""
    notes, facts = coded.table("catatan"), _facts()
    out = []
    for r in notes.itertuples(index=False):
        f = facts.get(r.id, {})
        out.append(
            {
                "id": f"{r.id} ({r.paragraf})",
                "jenis": labels.label(f"catatan_{r.jenis}", lang),
                "tertulis": show.fill(getattr(r, "tertulis" if lang == "id" else "tertulis_en"), f, lang),
                "catatan": show.fill(getattr(r, "catatan" if lang == "id" else "catatan_en"), f, lang),
            }
        )
    return pd.DataFrame(out, columns=["id", "jenis", "tertulis", "catatan"])
