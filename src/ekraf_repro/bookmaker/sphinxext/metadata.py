"""Scholarly metadata in the head of every page, for reference managers and search engines, from the book's CSL
item: Highwire Press ``citation_*`` tags, Dublin Core ``DC.*``, schema.org JSON-LD (``Book``, ``Chapter`` or
``WebPage``). No address is invented: until ``ekraf_canonical_url``/``ekraf_doi`` are set, the only URL is the PDF's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import escape
from .. import settings


@dataclass(frozen=True)
class Page:
    name: str  # Sphinx's page name, e.g. "notebooks/04_hasil"
    title: str  # the page's own title, as text
    number: int | None = None  # the chapter's number, for a numbered chapter


@dataclass(frozen=True)
class Book:
    item: dict  # the book's CSL item
    paper: dict  # CITATION.cff's entry for the original paper
    pdf: bool  # the edition links a PDF of its own
    canonical_url: str = ""  # where the edition is published, ending in "/"; empty until then
    doi: str = ""

    @property
    def title(self) -> str:
        return self.item["title"]

    @property
    def date(self) -> str:
        return "-".join(f"{p:02d}" for p in self.item["issued"]["date-parts"][0])


def book(item: dict, meta: dict, pdf: bool, canonical_url: str = "", doi: str = "") -> Book:
    url = canonical_url.rstrip("/") + "/" if canonical_url else ""
    return Book(item, settings.original(meta), pdf, url, doi)


def _meta(name: str, content) -> str:
    return f'<meta name="{name}" content="{escape.html(content)}">'


def tags(b: Book, page: Page) -> str:
    """Everything this module puts in the page's head, one element per line."""
    chapter = page.name.startswith("notebooks/") and page.number is not None
    title, lang, version = page.title if chapter else b.title, b.item["language"], b.item["version"]
    authors = [a["literal"] for a in b.item["author"]]
    licence, url = settings.LICENCES.get(b.item.get("license", ""), ("", ""))[1], b.canonical_url
    highwire = [("citation_title", title), ("citation_inbook_title", b.title if chapter else None)]
    highwire += [("citation_author", a) for a in authors]
    highwire += [("citation_publication_date", b.date.replace("-", "/")), ("citation_language", lang)]
    pdf = b.pdf and f"{url or '../' * page.name.count('/')}book.pdf"
    highwire += [("citation_version", version), ("citation_pdf_url", pdf)]
    highwire += [("citation_doi", b.doi), ("citation_public_url", url and f"{url}{page.name}.html")]
    dc = [("DC.title", title), *[("DC.creator", a) for a in authors], ("DC.date", b.date), ("DC.language", lang)]
    dc += [("DC.type", "Text"), ("DC.source", b.paper["title"].strip("[]")), ("DC.relation", chapter and b.title)]
    dc += [("DC.rights", licence), ("DC.identifier", b.doi and f"https://doi.org/{b.doi}")]
    lines = [_meta(k, v) for k, v in highwire if v] + ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">']
    lines += [_meta(k, v) for k, v in dc if v]
    ld = escape.json(json_ld(b, page, chapter, authors, licence))
    return "\n".join([*lines, f'<script type="application/ld+json">{ld}</script>']) + "\n"


def json_ld(b: Book, page: Page, chapter: bool, authors: list[str], licence: str) -> dict:
    lang, paper = b.item["language"], b.paper
    the_book = {"@type": "Book", "name": b.title, "author": [{"@type": "Organization", "name": a} for a in authors],
                "datePublished": b.date, "inLanguage": lang, "version": b.item["version"],
                "bookEdition": b.item["version"],
                "isBasedOn": {"@type": "ScholarlyArticle", "name": paper["title"].strip("[]"),
                              "inLanguage": (paper.get("languages") or ["id"])[0]}}  # fmt: skip
    extra = {"license": licence, "url": b.canonical_url and f"{b.canonical_url}book/index.html"}
    the_book.update({k: v for k, v in {**extra, "identifier": b.doi and f"https://doi.org/{b.doi}"}.items() if v})
    if page.name == "book/index":
        data = the_book
    elif chapter:
        data = {"@type": "Chapter", "name": page.title, "position": page.number, "inLanguage": lang}
        data["isPartOf"] = the_book
    else:
        data = {"@type": "WebPage", "name": page.title, "inLanguage": lang, "isPartOf": the_book}
    if b.canonical_url and page.name != "book/index":
        data["url"] = f"{b.canonical_url}{page.name}.html"
    return {"@context": "https://schema.org", **data}
