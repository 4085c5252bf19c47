"""The concordance page: every paragraph of the paper, in our words, with the book sections that treat it."""

import re

from ... import coded, labels, paths
from .. import text
from . import table
from .glossary import italic

NAME = "konkordansi.md"
ORDER = ("Abs", "A", "B", "C", "D1", "D2", "D3", "D4", "E")


def _key(pid: str) -> str:
    return pid.split(".")[0]


def audited(pid: str) -> list[str]:
    claims = coded.table("klaim")
    return sorted(claims.loc[claims["paragraf"] == pid, "id"])


def noted(pid: str) -> list[str]:
    """Reading notes (slips of the pen, loose terminology) that concern paragraph ``pid``."""
    notes = coded.table("catatan")
    return [n.id for n in notes.itertuples(index=False) if pid in n.paragraf.split(", ")]


def unnumbered() -> set[str]:
    """The labels of the guide pages (``book/*.md``), whose sections carry no number."""
    pages = sorted(paths.BOOK.glob("*.md"))
    return {m for page in pages for m in re.findall(r"^\(([\w-]+)\)=$", page.read_text(encoding="utf-8"), re.M)}


def place(label: str, guides: set[str]) -> str:
    """A link to the section ``label``: with its number before its title where it has one, since two chapters
    share some section titles (chapter 4 reports what chapter 6 weighs)."""
    return f"{{ref}}`{label}`" if label in guides else f"{{numref}}`{{number}} {{name}} <{label}>`"


def render(lang: str = "id") -> str:
    t = text.group("concordance", lang)
    k = coded.table("konkordansi")
    unknown = sorted(set(k["id"].map(_key)) - set(ORDER))
    if unknown:
        raise ValueError(f"data/coded/konkordansi.csv: unknown section keys {unknown}")
    generated = "% Generated from data/coded/konkordansi.csv by `ekraf pages`: edit the CSV, not this file."
    lines = ["(konkordansi)=", f"# {t['title']}", "", generated, "", t["intro"], ""]
    guides = unnumbered()
    for key in ORDER:
        rows = k[k["id"].map(_key) == key]
        if rows.empty:
            continue
        heading = labels.label(f"konkordansi_{key.lower()}", lang)
        lines += [f"(konkordansi-{key.lower()})=", f"## {heading}", ""]
        body = []
        for r in rows.itertuples(index=False):
            labels_ = r.dibahas.split()
            labels_ += ["audit-catatan"] if noted(r.id) and "audit-catatan" not in r.dibahas else []
            places = ", ".join(place(label, guides) for label in labels_)
            marks = [f"{{ref}}`{cid} <audit-hasil>`" for cid in audited(r.id)]
            marks += [f"{{ref}}`{nid} <audit-catatan>`" for nid in noted(r.id)]
            summary = text.pick((italic(r.ringkasan), r.ringkasan_en), lang)
            body.append([f"**{r.id}**", summary, places, ", ".join(marks) or "–"])
        section = labels.section(key if key != "Abs" else "Abstrak", lang)
        lines += table(t["caption"].format(section=section), f"tbl-konkordansi-{key.lower()}", list(t["header"]), body)
    return "\n".join(lines).rstrip() + "\n"
