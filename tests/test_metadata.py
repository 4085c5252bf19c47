"""Scholarly metadata in the head of every page (issue 16, first part), read with real parsers.

extruct reads the JSON-LD and the Dublin Core tags (as a search engine or a
repository harvester would); lxml reads the Highwire ``citation_*`` tags (as
Zotero's embedded-metadata translator does). The values must round-trip to
``CITATION.cff`` and to each edition's configuration.
"""

import json
import re

import extruct
import pytest
import yaml
from lxml import html as lxml_html

from ekraf_repro import paths
from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.cite import items
from ekraf_repro.bookmaker.sphinxext import metadata

pytestmark = pytest.mark.slow  # the site must be built

CFF = settings.cff()
PAPER = settings.original(CFF)["title"].strip("[]")


def read(page_html: str) -> dict:
    """What the parsers find: JSON-LD objects, Dublin Core terms and elements, citation_* tags (name -> values)."""
    found = extruct.extract(page_html, syntaxes=["json-ld", "dublincore"], uniform=True)
    tree = lxml_html.fromstring(page_html)
    highwire: dict[str, list[str]] = {}
    for meta in tree.xpath('//head/meta[starts-with(@name, "citation_")]'):
        highwire.setdefault(meta.get("name"), []).append(meta.get("content"))
    dc = {}
    for block in found["dublincore"]:
        for item in block.get("elements", []) + block.get("terms", []):
            dc.setdefault(item["URI"].rsplit("/", 1)[-1], []).append(item["content"])  # by its DC element
        if block.get("@type"):
            dc.setdefault("type", []).append(block["@type"])
    return {"ld": found["json-ld"], "dc": dc, "hw": highwire}


@pytest.fixture(scope="module")
def pages(edition_site) -> dict[str, dict]:
    site = edition_site
    return {
        p.relative_to(site).with_suffix("").as_posix(): read(p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
        if not p.relative_to(site).parts[0].startswith("_")
        and p.name not in ("genindex.html", "search.html")
        and p.relative_to(site).as_posix() != "index.html"
    }


def test_every_page_carries_all_three_vocabularies(pages, lang):
    assert len(pages) > 15
    for name, meta in pages.items():
        assert len(meta["ld"]) == 1, name
        assert meta["ld"][0]["@context"] in ("https://schema.org", "http://schema.org"), name
        assert meta["hw"]["citation_language"] == [lang] and meta["dc"]["language"] == [lang], name
        assert meta["hw"]["citation_version"] == [str(CFF["version"])], name
        assert meta["hw"]["citation_publication_date"] == [str(CFF["date-released"]).replace("-", "/")], name
        assert meta["dc"]["date"] == [str(CFF["date-released"])], name
        assert meta["dc"]["source"] == [PAPER] and meta["dc"]["type"] == ["Text"], name


def test_the_landing_page_describes_the_book(pages, lang):
    meta = pages["book/index"]
    title, author = settings.edition(CFF, lang)
    (book,) = meta["ld"]
    assert book["@type"] == "Book" and book["name"] == title and book["inLanguage"] == lang
    assert book["version"] == str(CFF["version"]) and book["datePublished"] == str(CFF["date-released"])
    assert book["author"] == [{"@type": "Organization", "name": author}]
    assert book["isBasedOn"] == {"@type": "ScholarlyArticle", "name": PAPER, "inLanguage": "id"}
    assert book["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert meta["hw"]["citation_title"] == [title] and meta["hw"]["citation_author"] == [author]
    assert "citation_inbook_title" not in meta["hw"]
    assert meta["dc"]["title"] == [title] and meta["dc"]["creator"] == [author]


def test_each_chapter_is_a_chapter_of_the_book(pages, lang):
    title, _ = settings.edition(CFF, lang)
    chapters = {name: meta for name, meta in pages.items() if re.match(r"notebooks/0\d_", name)}
    assert len(chapters) == 7
    for number, (name, meta) in enumerate(sorted(chapters.items()), start=1):
        (chapter,) = meta["ld"]
        assert chapter["@type"] == "Chapter" and chapter["position"] == number, name
        assert chapter["isPartOf"]["@type"] == "Book" and chapter["isPartOf"]["name"] == title, name
        assert chapter["isPartOf"]["isBasedOn"]["name"] == PAPER
        assert meta["hw"]["citation_title"] == [chapter["name"]] and meta["hw"]["citation_inbook_title"] == [title]
        assert meta["dc"]["relation"] == [title], name
    others = [name for name, meta in pages.items() if name not in chapters and name != "book/index"]
    assert others and all(pages[n]["ld"][0]["@type"] == "WebPage" for n in others)
    assert all("citation_inbook_title" not in pages[n]["hw"] for n in others)


def test_the_pdf_url_is_given_exactly_when_the_edition_links_a_pdf(pages, lang):
    site = settings.SITE / lang
    has_pdf = (site / "book.pdf").exists()
    for name, meta in pages.items():
        urls = meta["hw"].get("citation_pdf_url", [])
        assert len(urls) == int(has_pdf), name
        for url in urls:  # relative to the page until the book has an address of its own
            assert (site / name).parent.joinpath(url).resolve() == (site / "book.pdf").resolve(), (name, url)


def test_no_address_is_invented_while_the_settings_are_empty(pages):
    sphinx = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    assert sphinx["ekraf_canonical_url"] == "" and sphinx["ekraf_doi"] == ""
    for name, meta in pages.items():
        assert not {"citation_doi", "citation_public_url"} & set(meta["hw"]), name
        assert "url" not in meta["ld"][0] and "identifier" not in json.dumps(meta["ld"]), name


def test_a_published_book_gives_its_address_and_doi():
    """Filled in, the two settings reach every vocabulary (checked on the tags themselves, parsed)."""
    item = items.book(CFF, "id", "Judul", "Para editor")
    book = metadata.book(item, CFF, True, "https://contoh.example/buku", "10.1234/contoh")
    chapter = read(
        "<html><head>" + metadata.tags(book, metadata.Page("notebooks/04_hasil", "Bab", 4)) + "</head></html>"
    )
    assert chapter["hw"]["citation_pdf_url"] == ["https://contoh.example/buku/book.pdf"]
    assert chapter["hw"]["citation_public_url"] == ["https://contoh.example/buku/notebooks/04_hasil.html"]
    assert chapter["hw"]["citation_doi"] == ["10.1234/contoh"]
    assert chapter["dc"]["identifier"] == ["https://doi.org/10.1234/contoh"]
    (ld,) = chapter["ld"]
    assert ld["url"] == "https://contoh.example/buku/notebooks/04_hasil.html"
    assert ld["isPartOf"]["url"] == "https://contoh.example/buku/book/index.html"
    assert ld["isPartOf"]["identifier"] == "https://doi.org/10.1234/contoh"


def test_a_title_that_closes_a_script_cannot_break_the_json_ld():
    book = metadata.book(items.book(CFF, "id", "Judul </script><b>", "Para editor"), CFF, False)
    (ld,) = read("<html><head>" + metadata.tags(book, metadata.Page("book/index", "x")) + "</head></html>")["ld"]
    assert ld["name"] == "Judul </script><b>"
