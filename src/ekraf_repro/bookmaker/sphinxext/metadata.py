"""Scholarly metadata in the head of every page, from ``CITATION.cff`` (issue 16, first part).

Three vocabularies, so that reference managers and search engines find the
citation without a reader copying it by hand:

- Highwire Press ``citation_*`` tags (Google Scholar, Zotero's embedded-metadata
  translator): title, authors, date, language, version, PDF; on a chapter page,
  the chapter's title with the book's title as ``citation_inbook_title``;
- Dublin Core ``DC.*`` tags;
- schema.org JSON-LD: a ``Book`` on the landing page, a ``Chapter`` that
  ``isPartOf`` the book on each chapter page, a ``WebPage`` that ``isPartOf``
  the book elsewhere; the original paper is the book's ``isBasedOn``.

No address is invented. ``ekraf_canonical_url`` and ``ekraf_doi`` (in
``_config.yml``) stay empty until the book is published; until then the tags
carry no URL but the PDF's, relative to the page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

LICENCE = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}
CHAPTERS = "notebooks/"  # the numbered chapters' pages: notebooks/NN_*.html


@dataclass(frozen=True)
class Page:
    name: str  # Sphinx's page name, e.g. "notebooks/04_hasil"
    title: str  # the page's own title, as text
    number: int | None = None  # the chapter's number, for a numbered chapter


@dataclass(frozen=True)
class Book:
    title: str
    authors: tuple[str, ...]
    date: str  # ISO, as in CITATION.cff
    version: str
    lang: str
    licence: str
    paper_title: str
    paper_lang: str
    pdf: bool  # the edition links a PDF of its own
    canonical_url: str = ""  # where the edition is published, ending in "/"; empty until then
    doi: str = ""


def book(cff: dict, title: str, author: str, lang: str, pdf: bool, canonical_url: str = "", doi: str = "") -> Book:
    """The edition as the tags describe it: its title and authors in its language, the rest from CITATION.cff."""
    paper = next(r for r in cff["references"] if r["type"] == "article")
    return Book(
        title=title,
        authors=(author,),
        date=str(cff["date-released"]),
        version=str(cff["version"]),
        lang=lang,
        licence=LICENCE.get(cff.get("license", ""), ""),
        paper_title=paper["title"].strip("[]"),
        paper_lang=(paper.get("languages") or ["id"])[0],
        pdf=pdf,
        canonical_url=canonical_url.rstrip("/") + "/" if canonical_url else "",
        doi=doi,
    )


def is_chapter(page: Page) -> bool:
    return page.name.startswith(CHAPTERS) and page.number is not None


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{escape(content, quote=True)}">'


def _up(page: Page) -> str:
    return "../" * page.name.count("/")


def highwire(b: Book, page: Page) -> list[str]:
    chapter = is_chapter(page)
    tags = [_meta("citation_title", page.title if chapter else b.title)]
    if chapter:
        tags.append(_meta("citation_inbook_title", b.title))
    tags += [_meta("citation_author", a) for a in b.authors]
    tags += [
        _meta("citation_publication_date", b.date.replace("-", "/")),
        _meta("citation_language", b.lang),
        _meta("citation_version", b.version),
    ]
    if b.pdf:
        tags.append(_meta("citation_pdf_url", f"{b.canonical_url or _up(page)}book.pdf"))
    if b.doi:
        tags.append(_meta("citation_doi", b.doi))
    if b.canonical_url:
        tags.append(_meta("citation_public_url", f"{b.canonical_url}{page.name}.html"))
    return tags


def dublin_core(b: Book, page: Page) -> list[str]:
    chapter = is_chapter(page)
    tags = ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">']
    tags.append(_meta("DC.title", page.title if chapter else b.title))
    tags += [_meta("DC.creator", a) for a in b.authors]
    tags += [
        _meta("DC.date", b.date),
        _meta("DC.language", b.lang),
        _meta("DC.type", "Text"),
        _meta("DC.source", b.paper_title),
    ]
    if chapter:
        tags.append(_meta("DC.relation", b.title))
    if b.licence:
        tags.append(_meta("DC.rights", b.licence))
    if b.doi:
        tags.append(_meta("DC.identifier", f"https://doi.org/{b.doi}"))
    return tags


def json_ld(b: Book, page: Page) -> dict:
    the_book = {
        "@type": "Book",
        "name": b.title,
        "author": [{"@type": "Organization", "name": a} for a in b.authors],
        "datePublished": b.date,
        "inLanguage": b.lang,
        "version": b.version,
        "bookEdition": b.version,
        "isBasedOn": {"@type": "ScholarlyArticle", "name": b.paper_title, "inLanguage": b.paper_lang},
    }
    if b.licence:
        the_book["license"] = b.licence
    if b.canonical_url:
        the_book["url"] = f"{b.canonical_url}book/index.html"
    if b.doi:
        the_book["identifier"] = f"https://doi.org/{b.doi}"
    if page.name == "book/index":
        data = the_book
    elif is_chapter(page):
        data = {
            "@type": "Chapter",
            "name": page.title,
            "position": page.number,
            "inLanguage": b.lang,
            "isPartOf": the_book,
        }
    else:
        data = {"@type": "WebPage", "name": page.title, "inLanguage": b.lang, "isPartOf": the_book}
    if b.canonical_url and page.name != "book/index":
        data["url"] = f"{b.canonical_url}{page.name}.html"
    return {"@context": "https://schema.org", **data}


def tags(b: Book, page: Page) -> str:
    """Everything this module puts in the page's head, one element per line."""
    ld = json.dumps(json_ld(b, page), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    lines = highwire(b, page) + dublin_core(b, page) + [f'<script type="application/ld+json">{ld}</script>']
    return "\n".join(lines) + "\n"
