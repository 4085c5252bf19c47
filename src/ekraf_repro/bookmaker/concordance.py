"""The concordance page: every paragraph of the paper, in our words, with the book sections that treat it."""

from .. import coded, labels
from . import generated
from .glossary import italic

NAME = "konkordansi.md"
PAGE = generated.page(NAME)
ORDER = ("Abs", "A", "B", "C", "D1", "D2", "D3", "D4", "E")


def _key(pid: str) -> str:
    return pid.split(".")[0]


def audited(pid: str) -> list[str]:
    """Statements of the audit made in paragraph ``pid``."""
    claims = coded.table("klaim")
    return sorted(claims.loc[claims["paragraf"] == pid, "id"])


def noted(pid: str) -> list[str]:
    """Reading notes (slips of the pen, loose terminology) that concern paragraph ``pid``."""
    notes = coded.table("catatan")
    return [n.id for n in notes.itertuples(index=False) if pid in n.paragraf.split(", ")]


TEXT = {
    "title": ("Konkordansi: paragraf makalah di buku ini", "Concordance: the paper's paragraphs in this book"),
    "intro": (
        "Setiap paragraf makalah {cite:p}`makalah` tercantum di bawah menurut bagian dan nomor urutnya, dengan "
        "ringkasan isinya dalam kata-kata kami dan tautan ke bagian buku yang membahasnya. Tabel 1.1 dihitung "
        "sebagai satu paragraf. Nomor paragraf inilah yang dipakai buku ini untuk menunjuk tempat sebuah pernyataan "
        "di makalah, misalnya di tabel audit. Kolom terakhir menyebut pernyataan yang diaudit dari paragraf itu "
        "dan catatan bacaan tentang salah tulis atau peristilahan yang menyangkut paragraf itu.",
        "Every paragraph of the paper {cite:p}`makalah` is listed below by section and position, with a summary "
        "of its content in our own words and links to the parts of this book that discuss it. Table 1.1 counts "
        "as one paragraph. These paragraph numbers are how this book says where in the paper a statement is made, "
        "for example in the audit table. The last column names the statements audited from that paragraph and the "
        "reading notes on slips of the pen or terminology that concern it.",
    ),
    "caption": (
        "Paragraf {section} dan tempat pembahasannya di buku ini",
        "Paragraphs of {section} and where this book discusses them",
    ),
    "header": (
        ("Paragraf", "Isi (ringkasan kami)", "Dibahas di", "Pernyataan dan catatan"),
        ("Paragraph", "Content (our summary)", "Discussed in", "Statements and notes"),
    ),
}


def render(lang: str = "id") -> str:
    t = {k: generated.pick(v, lang) for k, v in TEXT.items()}
    k = coded.table("konkordansi")
    unknown = sorted(set(k["id"].map(_key)) - set(ORDER))
    if unknown:
        raise ValueError(f"data/coded/konkordansi.csv: unknown section keys {unknown}")
    lines = [
        "(konkordansi)=",
        f"# {t['title']}",
        "",
        "% Generated from data/coded/konkordansi.csv by `ekraf pages`: edit the CSV, not this file.",
        "",
    ]
    lines += [t["intro"], ""]
    for key in ORDER:
        rows = k[k["id"].map(_key) == key]
        if rows.empty:
            continue
        heading = labels.label(f"konkordansi_{key.lower()}", lang)
        lines += [f"(konkordansi-{key.lower()})=", f"## {heading}", ""]
        body = []
        for r in rows.itertuples(index=False):
            labels_ = r.dibahas.split() + (
                ["audit-catatan"] if noted(r.id) and "audit-catatan" not in r.dibahas else []
            )
            places = ", ".join(f"{{ref}}`{label}`" for label in labels_)
            marks = [f"{{ref}}`{cid} <audit-hasil>`" for cid in audited(r.id)]
            marks += [f"{{ref}}`{nid} <audit-catatan>`" for nid in noted(r.id)]
            summary = italic(r.ringkasan) if lang == "id" else r.ringkasan_en
            body.append([f"**{r.id}**", summary, places, ", ".join(marks) or "–"])
        section = labels.section(key if key != "Abs" else "Abstrak", lang)
        lines += generated.table(
            t["caption"].format(section=section), f"tbl-konkordansi-{key.lower()}", list(t["header"]), body
        )
    return "\n".join(lines).rstrip() + "\n"


def write(page=None, lang: str = "id") -> bool:
    return generated.write(page or generated.page(NAME, lang), render(lang))
