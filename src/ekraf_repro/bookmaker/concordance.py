"""The concordance page: every paragraph of the paper, in our words, with the book sections that treat it."""

from .. import coded, labels
from . import generated
from .glossary import italic

PAGE = generated.FOLDER / "konkordansi.md"
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


def render() -> str:
    k = coded.table("konkordansi")
    unknown = sorted(set(k["id"].map(_key)) - set(ORDER))
    if unknown:
        raise ValueError(f"data/coded/konkordansi.csv: unknown section keys {unknown}")
    lines = [
        "(konkordansi)=",
        "# Konkordansi: paragraf makalah di buku ini",
        "",
        "% Generated from data/coded/konkordansi.csv by `ekraf pages`: edit the CSV, not this file.",
        "",
        ":::{div} lang-en",
        "*Concordance: every paragraph of the paper, described in our words, with the sections of this book that "
        "treat it.*",
        ":::",
        "",
        "Setiap paragraf makalah {cite:p}`makalah` tercantum di bawah menurut bagian dan nomor urutnya, dengan "
        "ringkasan isinya dalam kata-kata kami dan tautan ke bagian buku yang membahasnya. Tabel 1.1 dihitung "
        "sebagai satu paragraf. Nomor paragraf inilah yang dipakai buku ini untuk menunjuk tempat sebuah pernyataan "
        "di makalah, misalnya di tabel audit. Kolom terakhir menyebut pernyataan yang diaudit dari paragraf itu "
        "dan catatan bacaan tentang salah tulis atau peristilahan yang menyangkut paragraf itu.",
        "",
    ]
    for key in ORDER:
        rows = k[k["id"].map(_key) == key]
        if rows.empty:
            continue
        heading = labels.label(f"konkordansi_{key.lower()}", "id")
        lines += [f"(konkordansi-{key.lower()})=", f"## {heading}", ""]
        body = []
        for r in rows.itertuples(index=False):
            labels_ = r.dibahas.split() + (
                ["audit-catatan"] if noted(r.id) and "audit-catatan" not in r.dibahas else []
            )
            places = ", ".join(f"{{ref}}`{label}`" for label in labels_)
            marks = [f"{{ref}}`{cid} <audit-hasil>`" for cid in audited(r.id)]
            marks += [f"{{ref}}`{nid} <audit-catatan>`" for nid in noted(r.id)]
            body.append([f"**{r.id}**", italic(r.ringkasan), places, ", ".join(marks) or "–"])
        lines += generated.table(
            f"Paragraf {labels.section(key if key != 'Abs' else 'Abstrak')} dan tempat pembahasannya di buku ini",
            f"tbl-konkordansi-{key.lower()}",
            ["Paragraf", "Isi (ringkasan kami)", "Dibahas di", "Pernyataan dan catatan"],
            body,
        )
    return "\n".join(lines).rstrip() + "\n"


def write(page=PAGE) -> bool:
    return generated.write(page, render())
