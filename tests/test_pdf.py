"""The PDF (`make pdf`): built with xelatex, its content checked, and reproducible byte for byte."""

import os
import re
import unicodedata

import pytest
from conftest import ROOT

from ekraf_repro.bookmaker import bookbuild, citation

pytestmark = [pytest.mark.slow, pytest.mark.pdf]

PDF = ROOT / "_build" / "pdf" / "book.pdf"
INSTALL = bookbuild.LATEX_MISSING


def squash(text: str) -> str:
    """Text without spaces or line breaks (PDF extraction drops or adds them), NFKC-normalised, lower case."""
    return re.sub(r"[\s\u00ad-]+", "", unicodedata.normalize("NFKC", text)).casefold()


@pytest.fixture(scope="module")
def pdf_text():
    if not bookbuild.have_latex():
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL)
        pytest.skip("PDF TESTS SKIPPED: " + INSTALL)
    bookbuild.pdf()  # incremental: does nothing when `make test` already built it
    from pypdf import PdfReader

    reader = PdfReader(str(PDF))
    return [page.extract_text() or "" for page in reader.pages]


def test_page_count(pdf_text):
    assert 50 <= len(pdf_text) <= 200


def test_title_page_carries_the_citation(pdf_text):
    cff = citation.load()
    first = squash(pdf_text[0])
    assert squash(cff["title"]) in first
    assert squash(citation.apa(cff).replace("*", "")) in first
    assert squash(citation.apa_original(cff)) in first


def test_all_chapters_present(pdf_text):
    body = squash("\n".join(pdf_text))
    for _label, title in citation.chapter_titles():
        assert squash(title) in body, title
    for heading in ["Lampiran: profil subsektor", "Menjalankan ulang", "Cara mengutip", "Daftar pustaka"]:
        assert squash(heading) in body, heading


def test_figure_and_table_captions_present(pdf_text):
    body = squash("\n".join(pdf_text))
    items = citation.numbered_items()
    assert sum(i["jenis"] == "gambar" for i in items) >= 10
    missing = [i["label"] for i in items if squash(i["caption"][:60]) not in body]
    assert missing == []
    assert squash("Gambar 1.1") in body and squash("Tabel 5.2") in body


def test_bibliography_present(pdf_text):
    body = squash("\n".join(pdf_text))
    for text in ["After Hegemony", "Princeton University Press", "Permendagri", "Anonim"]:
        assert squash(text) in body, text


def test_html_links_the_pdf(pdf_text):
    html = ROOT / "_build" / "html"
    assert (html / "book.pdf").read_bytes() == PDF.read_bytes()
    assert 'href="../book.pdf"' in (html / "book" / "index.html").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(pdf_text, tmp_path):
    again = bookbuild.pdf(out=tmp_path / "again", force=True)
    assert again.read_bytes() == PDF.read_bytes()
