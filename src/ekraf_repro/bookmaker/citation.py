"""How to cite: APA and BibTeX strings generated from ``CITATION.cff``.

The book's page "Cara mengutip" (``book/_generated/mengutip.md``) and the
PDF's title page are both written from here, so the citation is typed once.
"""

import json
import re
from pathlib import Path

import yaml

from .. import paths
from . import generated

CFF = paths.ROOT / "CITATION.cff"
PAGE = generated.FOLDER / "mengutip.md"
BIB = paths.BOOK / "references.bib"


def load(path: Path = CFF) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _authors(people: list[dict]) -> str:
    names = []
    for p in people:
        if "name" in p:
            names.append(p["name"])
        else:
            names.append(f"{p['family-names']}, {p.get('given-names', '')[:1]}.")
    return ", ".join(names)


def year(cff: dict) -> str:
    return str(cff["preferred-citation"].get("year") or cff["date-released"][:4])


def apa(cff: dict, part: str | None = None) -> str:
    """APA-style reference for the book, or for ``part`` of it (a chapter, figure or table)."""
    pc = cff["preferred-citation"]
    who, when, version = _authors(pc["authors"]), year(cff), pc.get("version", cff["version"])
    if part:
        return f"{who}. ({when}). {part}. Dalam *{pc['title']}* (Versi {version})."
    return f"{who}. ({when}). *{pc['title']}* (Versi {version}). Buku Jupyter yang dapat dijalankan ulang."


def bibtex(cff: dict, key: str = "edisi_reproduksi", chapter: str | None = None) -> str:
    pc = cff["preferred-citation"]
    kind = "incollection" if chapter else "book"
    fields = [
        ("author", "{" + _authors(pc["authors"]) + "}"),
        ("title", pc["title"]),
        ("year", year(cff)),
        ("edition", "Versi " + pc.get("version", cff["version"])),
        ("note", pc.get("notes", "")),
    ]
    if chapter:
        fields = [("author", fields[0][1]), ("title", chapter), ("booktitle", pc["title"])] + fields[2:]
    body = ",\n".join(f"  {k:<9} = {{{v}}}" for k, v in fields if v)
    return f"@{kind}{{{key},\n{body}\n}}"


def original(cff: dict) -> dict:
    """The reference entry for the original paper."""
    return next(r for r in cff["references"] if r["type"] == "article")


def apa_original(cff: dict) -> str:
    ref = original(cff)
    return (
        f"{_authors(ref['authors'])}. ({ref.get('year', 't.t.')}). {ref['title']}. "
        "Naskah tanpa keterangan judul, penulis, tahun, dan terbitan."
    )


def bib_entry(key: str, bib: Path = BIB) -> str:
    """The raw text of one entry of ``references.bib``."""
    text = bib.read_text(encoding="utf-8")
    m = re.search(r"@\w+\{" + re.escape(key) + r",.*?\n\}", text, flags=re.S)
    if not m:
        raise KeyError(f"{paths.display(bib)}: no entry '{key}'")
    return m.group(0)


_TABLE = re.compile(r"^:::\{table\} (?P<caption>.+)\n:name: (?P<label>\S+)$", flags=re.M)
_FIGURE = re.compile(
    r"^```\{glue:figure\} \S+\n:name: (?P<label>\S+)\n(?::[a-z]+:.*\n)*\n(?P<caption>.+?)\n```", flags=re.M
)


def numbered_items(nbdir: Path = paths.NOTEBOOKS) -> list[dict]:
    """Every figure and table label in the chapters, with its caption and chapter, in reading order.

    Tables and figures are placed by the Markdown cells (a ``table`` directive
    around ``{glue:md}``, a ``{glue:figure}`` directive), so their captions are read there.
    """
    from .pipeline import chapters, shown

    items = []
    for nb_path in chapters(nbdir):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        title = chapter_title(nb)
        for cell in nb["cells"]:
            if cell["cell_type"] != "markdown" or not shown(cell):
                continue
            text = "".join(cell["source"])
            found = [(m.start(), "tabel", m) for m in _TABLE.finditer(text)]
            found += [(m.start(), "gambar", m) for m in _FIGURE.finditer(text)]
            for _, kind, m in sorted(found, key=lambda f: f[0]):
                items.append(
                    {
                        "label": m["label"],
                        "jenis": kind,
                        "caption": m["caption"].strip(),
                        "bab": title,
                        "doc": nb_path.stem,
                    }
                )
    return items


def chapter_title(nb: dict) -> str:
    first = "".join(nb["cells"][0]["source"])
    return re.search(r"^# (.+)$", first, flags=re.M).group(1)


def chapter_titles(nbdir: Path = paths.NOTEBOOKS) -> list[tuple[str, str]]:
    """``(label, title)`` of each chapter, e.g. ``('bab-pendahuluan', 'Pendahuluan: ...')``."""
    from .pipeline import chapters

    out = []
    for nb_path in chapters(nbdir):
        first = "".join(json.loads(nb_path.read_text(encoding="utf-8"))["cells"][0]["source"])
        label = re.search(r"^\((\S+)\)=$", first, flags=re.M).group(1)
        title = re.search(r"^# (.+)$", first, flags=re.M).group(1)
        out.append((label, title))
    return out


def render(cff: dict, nbdir: Path = paths.NOTEBOOKS, variant=None) -> str:
    lines = [
        "(mengutip)=",
        "# Cara mengutip",
        "",
        "% Generated from CITATION.cff by `ekraf pages`: edit CITATION.cff, not this file.",
        "",
        ":::{div} lang-en",
        "*How to cite this book, a chapter, a figure or a table, and the original paper.*",
        ":::",
        "",
    ]
    if variant is not None:
        lines += [
            "## Varian ini",
            "",
            f"Buku ini adalah varian, bukan edisi asli. Kutiplah edisi asli dan tambahkan keterangan varian: "
            f"{apa(cff)} {variant.citation_suffix('id').capitalize()}.",
            "",
        ]
    lines += [
        "## Buku ini",
        "",
        apa(cff),
        "",
        "```bibtex",
        bibtex(cff),
        "```",
        "",
        f"Lisensi: teks dan data {cff['license']} (lihat `LICENSE-CONTENT.md`), kode MIT (lihat `LICENSE`). "
        "Metadata kutipan yang dapat dibaca mesin ada di `CITATION.cff`.",
        "",
        "## Sebuah bab",
        "",
        "Sebutkan nomor dan judul bab. Contoh untuk setiap bab:",
        "",
    ]
    for number, (label, title) in enumerate(chapter_titles(nbdir), start=1):
        lines.append(f"- {{ref}}`Bab {number} <{label}>`: " + apa(cff, f"Bab {number}: {title}"))
    lines += [
        "",
        "```bibtex",
        bibtex(cff, key="edisi_reproduksi_bab1", chapter="Bab 1: " + chapter_titles(nbdir)[0][1]),
        "```",
        "",
        "## Sebuah gambar atau tabel",
        "",
        "Gambar dan tabel diberi nomor per bab dan memiliki label tetap, sehingga nomor yang dikutip hari ini tetap "
        "menunjuk ke benda yang sama setelah buku dibangun ulang (sebuah pengujian menjaga penomoran ini). "
        "Kutiplah nomornya bersama keterangannya, misalnya:",
        "",
    ]
    items = numbered_items(nbdir)
    first = items[0]
    lines += [
        f"> {apa(cff, '{numref}`' + first['label'] + '`: ' + first['caption'].rstrip('.'))}",
        "",
        ":::{table} Gambar dan tabel bernomor di bab-bab buku ini, dengan labelnya yang tetap",
        ":name: tbl-daftar-gambar-tabel",
        "",
        "| Nomor | Label | Keterangan |",
        "|---|---|---|",
    ]
    for item in items:
        caption = item["caption"].replace("|", "\\|")
        lines.append(f"| {{numref}}`{item['label']}` | `{item['label']}` | {caption} |")
    lines += [
        ":::",
        "",
        "## Makalah aslinya",
        "",
        "Fakta dan angka di buku ini berasal dari makalah yang direproduksinya. Salinan yang kami terima tidak memuat "
        "judul, nama penulis, maupun keterangan terbitan; kutiplah dengan menyebut keterbatasan itu:",
        "",
        apa_original(cff),
        "",
        "```bibtex",
        bib_entry("makalah"),
        "```",
        "",
    ]
    return "\n".join(lines)


def write(page: Path = PAGE, nbdir: Path = paths.NOTEBOOKS, variant=None) -> bool:
    """Write the page; ``nbdir`` is where the executed chapters are (a variant's own for ``make rerun``),
    and a variant's page says first how to cite the variant."""
    return generated.write(page, render(load(), nbdir, variant))
