"""A variant built from a file whose name carries HTML, a Markdown link, a MyST role, LaTeX, quotes and a
non-ASCII letter (issue 22): no page of its HTML has an element or attribute from the name, Chromium opens every
page without a dialog, the page "Cara mengutip" and the PDF's title page show the name literally, and its citation
files hold it."""

import json
import shutil

import pybtex.database
import pytest
import rispy
from bs4 import BeautifulSoup
from conftest import ROOT, not_here, run_cli

pytestmark = pytest.mark.slow

# "/" is the one character a POSIX name cannot hold, so the link points at x.html, not http://x
NAME = '<img src=x onerror=alert(1)>[l](x.html) {ref}`x` $\\input{x}$ "q" é.csv'


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    base = tmp_path_factory.mktemp("nama")
    shutil.copy(ROOT / "tests" / "data" / "varian" / "tahun_sedikit.csv", base / NAME)
    from ekraf_repro.bookmaker.build import book as bookbuild

    if not bookbuild.have_latex():
        not_here("VARIANT PDF TESTS", bookbuild.LATEX_MISSING)
    result = run_cli(["rerun", "--data", str(base / NAME), "--out", str(base / "keluaran"), "--pdf"], ROOT)
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


def test_chromium_opens_every_page_without_a_dialog(variant, tmp_path):
    """Every page of the variant in Chromium, with a listener for dialogs; a planted page that writes the name raw
    shows that the listener sees the dialog the name would open."""
    import browser_support as bs

    if missing := bs.missing_requirements():
        bs.skip_or_fail(missing)
    pages = sorted(p.relative_to(variant).as_posix() for p in variant.rglob("*.html"))
    (tmp_path / "planted.html").write_text(f"<html><body><p>{NAME}</p></body></html>", encoding="utf-8")
    chromium = bs.Browser()

    async def dialogs(folder, names: list[str]) -> list[str]:
        seen: list[str] = []

        async def record(dialog) -> None:
            seen.append(dialog.message)
            await dialog.dismiss()

        with bs.serve(folder) as base:
            context = await bs.new_context(chromium.browser)
            page = await context.new_page()
            page.on("dialog", record)
            for name in names:
                await page.goto(base + name, wait_until="load")
                await page.wait_for_timeout(50)
            await context.close()
        return seen

    try:
        assert chromium.run(dialogs(tmp_path, ["planted.html"])) == ["1"]
        assert len(pages) > 20 and chromium.run(dialogs(variant, pages)) == []
    finally:
        chromium.close()


def test_the_pdf_title_page_shows_the_name_literally(variant):
    import pypdf

    first = pypdf.PdfReader(variant / "book.pdf").pages[0].extract_text()
    shown = "".join(first.split()).replace("\u201d", '"').replace("\u201c", '"')
    assert "".join(NAME.split()) in shown, first
