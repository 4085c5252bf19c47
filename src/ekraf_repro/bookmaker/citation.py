"""How to cite: APA and BibTeX strings generated from ``CITATION.cff``.

The book's page "Cara mengutip" / "How to cite" (``_generated/mengutip.md`` of
each edition) and the PDF's title page are both written from here, so the
citation is typed once. The Indonesian edition is cited with the title and
authors of ``CITATION.cff``; the English edition with the title and author of
its configuration (``_config.en.yml``), the same version and year.
"""

import functools
import json
import re
from pathlib import Path

import yaml

from .. import paths
from . import generated

CFF = paths.ROOT / "CITATION.cff"
NAME = "mengutip.md"
NAME_IN_PROJECT = "book/_generated/mengutip.md"  # where the page sits in an edition's project
PAGE = generated.page(NAME)
BIB = paths.BOOK / "references.bib"

TEXT = {
    "version": ("Versi", "Version"),
    "manuscript": (
        "Naskah tanpa keterangan judul, penulis, tahun, dan terbitan.",
        "Manuscript with no title, author, year or venue given.",
    ),
    "chapter": ("Bab", "Chapter"),
}


def load(path: Path = CFF) -> dict:
    """CITATION.cff as a dict (a fresh copy: callers may change it)."""
    import copy

    return copy.deepcopy(_parsed(path.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=8)
def _parsed(text: str) -> dict:
    """YAML parsed once per content (the pages, the metadata and every citation read the same file)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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


def edition(cff: dict, lang: str = "id") -> tuple[str, str]:
    """The title and authors under which an edition is cited."""
    pc = cff["preferred-citation"]
    if lang == "id":
        return pc["title"], _authors(pc["authors"])
    from . import editions

    settings = editions.config(lang)
    return settings["title"], settings["author"]


def apa(cff: dict, part: str | None = None, lang: str = "id") -> str:
    """The APA reference (Markdown) of the edition, or of ``part`` of it (a chapter's numbered title), rendered
    by citeproc-py with the official APA style (:mod:`.cslcite`)."""
    from . import cslcite

    item = cslcite.book_item(cff, lang) if part is None else cslcite.part_item(cff, lang, "bagian", "bab", part)
    return cslcite.render([item], lang, "markdown")[0]


def bibtex(cff: dict, key: str = "edisi_reproduksi", chapter: str | None = None, lang: str = "id") -> str:
    pc = cff["preferred-citation"]
    kind = "incollection" if chapter else "book"
    title, who = edition(cff, lang)
    fields = [
        ("author", "{" + who + "}"),
        ("title", title),
        ("year", year(cff)),
        ("edition", generated.pick(TEXT["version"], lang) + " " + pc.get("version", cff["version"])),
        ("language", {"id": "indonesian", "en": "english"}[lang]),
        ("note", pc.get("notes", "")),
    ]
    if chapter:
        fields = [("author", fields[0][1]), ("title", chapter), ("booktitle", title)] + fields[2:]
    body = ",\n".join(f"  {k:<9} = {{{v}}}" for k, v in fields if v)
    return f"@{kind}{{{key},\n{body}\n}}"


def original(cff: dict) -> dict:
    """The reference entry for the original paper."""
    return next(r for r in cff["references"] if r["type"] == "article")


def apa_original(cff: dict, lang: str = "id") -> str:
    """The APA reference (Markdown) of the original paper, rendered by citeproc-py like the book's own."""
    from . import cslcite

    ref = original(cff)
    item = {
        "id": "makalah",
        "type": "manuscript",
        "title": ref["title"],
        "author": [{"literal": a["name"]} if "name" in a else {"family": a["family-names"]} for a in ref["authors"]],
        "language": "id",
        "genre": generated.pick(TEXT["manuscript"], lang).rstrip("."),
    }
    if ref.get("year"):
        item["issued"] = {"date-parts": [[int(ref["year"])]]}
    return cslcite.render([item], lang, "markdown")[0]


def bib_entry(key: str, bib: Path = BIB, lang: str = "id") -> str:
    """One entry of ``references.bib`` as a reader copies it: its note in the edition's language only."""
    text = bib.read_text(encoding="utf-8")
    m = re.search(r"@\w+\{" + re.escape(key) + r",.*?\n\}", text, flags=re.S)
    if not m:
        raise KeyError(f"{paths.display(bib)}: no entry '{key}'")
    lines = m.group(0).splitlines()
    drop, rename = ("note_en", None) if lang == "id" else ("note", "note_en")
    out = []
    for line in lines:
        name = line.strip().split("=")[0].strip()
        if name == drop:
            continue
        if rename and name == rename:
            line = line.replace("note_en", "note   ", 1)
        out.append(line)
    return "\n".join(out).replace(",\n}", "\n}")


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


def _first_shown(nb: dict) -> str:
    """The chapter's first Markdown cell that the book shows (its label and title)."""
    from .pipeline import shown

    return next("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown" and shown(c))


def chapter_title(nb: dict) -> str:
    return re.search(r"^# (.+)$", _first_shown(nb), flags=re.M).group(1)


def chapter_titles(nbdir: Path = paths.NOTEBOOKS) -> list[tuple[str, str]]:
    """``(label, title)`` of each chapter, e.g. ``('bab-pendahuluan', 'Pendahuluan: ...')``."""
    from .pipeline import chapters

    out = []
    for nb_path in chapters(nbdir):
        first = _first_shown(json.loads(nb_path.read_text(encoding="utf-8")))
        label = re.search(r"^\((\S+)\)=$", first, flags=re.M).group(1)
        title = re.search(r"^# (.+)$", first, flags=re.M).group(1)
        out.append((label, title))
    return out


PAGE_TEXT = {
    "title": ("Cara mengutip", "How to cite"),
    "variant": ("Varian ini", "This variant"),
    "variant_text": (
        "Buku ini adalah varian, bukan edisi asli. Kutiplah edisi asli dan tambahkan keterangan varian: "
        "{ref} {suffix}.",
        "This book is a variant, not the original edition. Cite the original edition and add what makes the variant: "
        "{ref} {suffix}.",
    ),
    "book": ("Buku ini", "This book"),
    "licence": (
        "Lisensi: teks dan data {lic} (lihat `LICENSE-CONTENT.md`), kode MIT (lihat `LICENSE`). "
        "Metadata kutipan yang dapat dibaca mesin ada di `CITATION.cff`.",
        "Licence: text and data {lic} (see `LICENSE-CONTENT.md`), code MIT (see `LICENSE`). "
        "Machine-readable citation metadata are in `CITATION.cff`.",
    ),
    "a_chapter": ("Sebuah bab", "A chapter"),
    "chapter_intro": (
        "Sebutkan nomor dan judul bab. Contoh untuk setiap bab:",
        "Give the chapter's number and title. An example for each chapter:",
    ),
    "an_item": ("Sebuah gambar atau tabel", "A figure or a table"),
    "item_intro": (
        "Gambar dan tabel diberi nomor per bab dan memiliki label tetap, sehingga nomor yang dikutip hari ini tetap "
        "menunjuk ke benda yang sama setelah buku dibangun ulang (sebuah pengujian menjaga penomoran ini). "
        "Kutiplah nomornya bersama keterangannya, misalnya:",
        "Figures and tables are numbered by chapter and have fixed labels, so a number cited today still points to "
        "the same figure or table after the book is rebuilt (a test guards the numbering). Cite the number together "
        "with the caption, for example:",
    ),
    "items_caption": (
        "Gambar dan tabel bernomor di bab-bab buku ini, dengan labelnya yang tetap",
        "The numbered figures and tables in the chapters of this book, with their fixed labels",
    ),
    "items_header": (("Nomor", "Label", "Keterangan", "Unduh kutipan"), ("Number", "Label", "Caption", "Download")),
    "downloads": (
        "Kutipan setiap gambar dan tabel, juga setiap bab dan buku ini, dapat diunduh sebagai BibTeX, RIS, atau "
        "CSL-JSON untuk diimpor ke pengelola referensi seperti Zotero; teks APA-nya dibuat dari berkas CSL-JSON "
        "yang sama dengan gaya APA resmi. Setiap bab dan halaman depan juga memuat kotak kutipannya sendiri.",
        "The citation of every figure and table, and of every chapter and of the book, can be downloaded as BibTeX, "
        "RIS or CSL-JSON to import into a reference manager such as Zotero; its APA text is made from the same "
        "CSL-JSON file with the official APA style. Every chapter and the front page also carry their own cite box.",
    ),
    "original": ("Makalah aslinya", "The original paper"),
    "original_intro": (
        "Fakta dan angka di buku ini berasal dari makalah yang direproduksinya. Salinan yang kami terima tidak memuat "
        "judul, nama penulis, maupun keterangan terbitan; kutiplah dengan menyebut keterbatasan itu:",
        "The facts and figures in this book come from the paper it reproduces. The copy we received carries no "
        "title, no author's name and no publication details; cite it with that limitation stated:",
    ),
}


def _paper_title_marked(text: str, cff: dict, lang: str) -> str:
    """The paper's (Indonesian) title marked as Indonesian in another edition's text."""
    title = original(cff)["title"]
    return text if lang == "id" else text.replace(title, "{lang-id}`" + title + "`")


def render(cff: dict, nbdir: Path = paths.NOTEBOOKS, variant=None, lang: str = "id") -> str:
    t = {k: generated.pick(v, lang) for k, v in PAGE_TEXT.items()}
    chapter_word = generated.pick(TEXT["chapter"], lang)
    lines = [
        "(mengutip)=",
        f"# {t['title']}",
        "",
        "% Generated from CITATION.cff by `ekraf pages`: edit CITATION.cff, not this file.",
        "",
    ]
    if variant is not None:
        suffix = variant.citation_suffix(lang)
        lines += [
            f"## {t['variant']}",
            "",
            t["variant_text"].format(ref=apa(cff, lang=lang), suffix=suffix[:1].upper() + suffix[1:]),
            "",
        ]
    lines += [
        f"## {t['book']}",
        "",
        apa(cff, lang=lang),
        "",
        "```bibtex",
        bibtex(cff, lang=lang),
        "```",
        "",
        t["licence"].format(lic=cff["license"].replace("-", " ")),  # the licence's name, CC BY 4.0
        "",
        f"## {t['a_chapter']}",
        "",
        t["chapter_intro"],
        "",
    ]
    from . import cslcite

    titles = chapter_titles(nbdir)
    items = numbered_items(nbdir)
    # only what the page shows in APA (each chapter, the first figure or table): citeproc is not fast
    shown = [i for i in cslcite.catalogue(cff, lang, nbdir) if i["type"] == "chapter" or i["id"] == items[0]["label"]]
    references = dict(zip([i["id"] for i in shown], cslcite.render(shown, lang, "markdown"), strict=True))
    for number, (label, _title) in enumerate(titles, start=1):
        lines.append(f"- {{ref}}`{chapter_word} {number} <{label}>`: " + references[label])
    lines += [
        "",
        "```bibtex",
        bibtex(cff, key="edisi_reproduksi_bab1", chapter=f"{chapter_word} 1: " + titles[0][1], lang=lang),
        "```",
        "",
        f"## {t['an_item']}",
        "",
        t["item_intro"],
        "",
    ]
    first = items[0]
    lines += [
        f"> {references[first['label']]}",
        "",
        t["downloads"],
        "",
        f":::{{table}} {t['items_caption']}",
        ":name: tbl-daftar-gambar-tabel",
        "",
        "| " + " | ".join(t["items_header"]) + " |",
        "|---|---|---|---|",
    ]
    up = "../" * (len(Path(NAME_IN_PROJECT).parts) - 1)
    for item in items:
        caption = item["caption"].replace("|", "\\|")
        links = " · ".join(
            f'<a href="{up}{cslcite.FOLDER}/{item["label"]}.{ext}" download>{name}</a>'
            for ext, (name, _) in cslcite.FORMATS.items()
        )
        lines.append(f"| {{numref}}`{item['label']}` | `{item['label']}` | {caption} | {links} |")
    lines += [
        ":::",
        "",
        f"## {t['original']}",
        "",
        t["original_intro"],
        "",
        _paper_title_marked(apa_original(cff, lang), cff, lang),
        "",
        "```bibtex",
        bib_entry("makalah", lang=lang),
        "```",
        "",
    ]
    return "\n".join(lines)


def write(page: Path | None = None, nbdir: Path | None = None, variant=None, lang: str = "id") -> bool:
    """Write the page; ``nbdir`` is where the executed chapters are (a variant's own for ``make rerun``),
    and a variant's page says first how to cite the variant."""
    from .editions import executed

    page = page or generated.page(NAME, lang)
    return generated.write(page, render(load(), nbdir or executed(lang), variant, lang))
