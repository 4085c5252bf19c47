"""A variant built from a file whose name carries HTML, a Markdown link, a MyST role, LaTeX, quotes and a
non-ASCII letter (issue 22): no page of its HTML has an element or attribute from the name, the page "Cara
mengutip" shows the name literally, and its citation files hold it."""

import json
import shutil

import pybtex.database
import pytest
import rispy
from bs4 import BeautifulSoup
from conftest import ROOT, run_cli

pytestmark = pytest.mark.slow

# "/" is the one character a POSIX name cannot hold, so the link points at x.html, not http://x
NAME = '<img src=x onerror=alert(1)>[l](x.html) {ref}`x` $\\input{x}$ "q" é.csv'


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    base = tmp_path_factory.mktemp("nama")
    shutil.copy(ROOT / "tests" / "data" / "varian" / "tahun_sedikit.csv", base / NAME)
    result = run_cli(["rerun", "--data", str(base / NAME), "--out", str(base / "keluaran")], ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return base / "keluaran" / "html"


def test_no_page_has_an_element_or_attribute_from_the_name(variant):
    pages = sorted(variant.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select('img[src="x"]') == [] and soup.select("[onerror]") == [], page.name
        assert soup.select('a[href="x.html"]') == [], page.name


def test_the_cite_page_and_the_banner_show_the_name_literally(variant):
    cite = BeautifulSoup((variant / "book" / "_generated" / "mengutip.html").read_text(), "html.parser")
    assert NAME in cite.select_one("main").get_text()  # the section "Varian ini"
    assert NAME in cite.select_one(".bd-header-announcement").get_text()
    chapter = BeautifulSoup((variant / "notebooks" / "01_pendahuluan.html").read_text(), "html.parser")
    assert NAME in [code.get_text() for code in chapter.select("main code")]  # the glued name, as code


def test_the_citation_files_hold_the_name(variant):
    folder = variant / "_kutipan"
    (record,) = rispy.loads((folder / "buku.ris").read_text(encoding="utf-8"))
    assert NAME in record["notes"][0]
    assert NAME in json.loads((folder / "buku.json").read_text(encoding="utf-8"))[0]["note"]
    note = pybtex.database.parse_file(str(folder / "buku.bib"), "bibtex").entries["buku"].fields["note"]
    assert "onerror" in note and "\\textbackslash{}input\\textbraceleft{}x\\textbraceright{}" in note
