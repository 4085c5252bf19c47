"""The PDFs (`make pdf`), one per edition: built with xelatex, their content checked, reproducible byte for byte."""

import os
import re
import unicodedata

import pytest
from conftest import ROOT, chapter_titles, cited

from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.build import book as bookbuild
from ekraf_repro.bookmaker.build import editions
from ekraf_repro.bookmaker.cite import items as csl

pytestmark = [pytest.mark.slow, pytest.mark.pdf]

INSTALL = bookbuild.LATEX_MISSING
GUIDES = {
    "id": ["Profil subsektor", "Menjalankan ulang", "Cara mengutip", "Daftar pustaka"],
    "en": ["Subsector profiles", "Rerunning the analysis", "How to cite", "Bibliography"],
}
NUMBERS = {"id": ["Gambar 1.1", "Tabel 5.2", "Tabel 7.1"], "en": ["Figure 1.1", "Table 5.2", "Table 7.1"]}


def squash(text: str) -> str:
    """Text without spaces or line breaks (PDF extraction drops or adds them), NFKC-normalised, lower case, with
    LaTeX's typographic apostrophe read as the straight one the captions are written with."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    return re.sub(r"[\s\u00ad-]+", "", text).casefold()


@pytest.fixture(scope="module")
def pdf_text(lang):
    if not bookbuild.have_latex():
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL)
        pytest.skip("PDF TESTS SKIPPED: " + INSTALL)
    pdf = editions.pdf(lang)  # incremental: does nothing when `make test` already built it
    assert pdf == ROOT / "_build" / "pdf" / editions.PDF_NAMES[lang]
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def test_page_count(pdf_text):
    assert 50 <= len(pdf_text) <= 200


def test_title_page_carries_the_citation_in_the_editions_language(pdf_text, lang):
    cff = settings.cff()
    first = squash(pdf_text[0])
    assert squash(settings.edition(cff, lang)[0]) in first
    assert squash(csl.render([csl.book(cff, lang)], lang)[0]) in first
    assert squash(csl.render([csl.paper(cff, lang)], lang)[0]) in first
    assert squash({"id": "Cara mengutip", "en": "How to cite"}[lang]) in first


def test_all_chapters_present(pdf_text, lang):
    body = squash("\n".join(pdf_text))
    for title in chapter_titles(lang):
        assert squash(title) in body, title
    for heading in GUIDES[lang]:
        assert squash(heading) in body, heading


def test_figure_and_table_captions_present(pdf_text, lang):
    body = squash("\n".join(pdf_text))
    items = [i for i in cited(settings.SITE / lang) if i["type"] in ("figure", "table")]
    assert sum(i["type"] == "figure" for i in items) >= 10
    missing = [i["id"] for i in items if squash(i["title"].split(": ", 1)[1][:60]) not in body]
    assert missing == []
    assert all(squash(number) in body for number in NUMBERS[lang])


def test_bibliography_present(pdf_text):
    body = squash("\n".join(pdf_text))
    for text in ["After Hegemony", "Princeton University Press", "Permendagri", "Anonim"]:
        assert squash(text) in body, text


def test_html_links_the_pdf(pdf_text, lang):
    html = ROOT / "_build" / "html" / lang
    assert (html / "book.pdf").read_bytes() == (ROOT / "_build" / "pdf" / editions.PDF_NAMES[lang]).read_bytes()
    assert 'href="../book.pdf"' in (html / "book" / "index.html").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(pdf_text, lang, tmp_path):
    source = editions.workdir(lang) / editions.PRINT_SOURCE
    again = bookbuild.pdf(root=source, out=tmp_path / "again", force=True)
    assert again.read_bytes() == (ROOT / "_build" / "pdf" / editions.PDF_NAMES[lang]).read_bytes()
