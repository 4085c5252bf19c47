"""Each Sphinx extension of the book machine on a tiny project (``sphinx_fixture.py``), built with sphinx.testing.

Fast: one HTML, one EPUB and one LaTeX build of four pages, no notebook executed, no Jupyter Book.
"""

import json
from pathlib import Path

import pytest
import sphinx_fixture as fx
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from ekraf_repro.bookmaker import report
from ekraf_repro.bookmaker.cite import formats
from ekraf_repro.bookmaker.sphinxext import registry, reproducible


def build(tmp_path_factory, builder: str, **overrides) -> SphinxTestApp:
    src = fx.project(tmp_path_factory.mktemp(builder) / "src")
    app = SphinxTestApp(builder, srcdir=src, confoverrides=overrides or None)
    app.build()
    return app


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    target = tmp_path_factory.mktemp("report") / "sphinx.json"
    mp = pytest.MonkeyPatch()
    mp.setenv(report.SPHINX_REPORT, str(target))
    app = build(tmp_path_factory, "html")
    mp.undo()
    app.sphinx_report = json.loads(target.read_text(encoding="utf-8"))
    yield app
    app.cleanup()


def soup(app, name: str) -> BeautifulSoup:
    return BeautifulSoup(fx.page(app, name), "html.parser")


# --------------------------------------------------------------------------- registry.py


def test_the_registry_records_every_part_with_sphinxs_number(html):
    parts = {p["label"]: p for p in registry.parts(html.env)}
    assert parts["bab-uji"]["kind"] == "chapter" and parts["bab-uji"]["number"] == (1,)
    assert parts["tbl-uji"] == {**parts["tbl-uji"], "kind": "table", "number": (1, 1), "glue": "tbl-uji_glue"}
    assert parts["gbr-uji"]["number"] == (1, 1) and parts["gbr-uji"]["caption"] == "Gambar uji."
    assert parts["gbr-uji"]["data"] == "x,y\n1,2\n"
    # an unnumbered appendix chapter: its label and caption, no number
    assert parts["tbl-lampiran"]["number"] is None and parts["tbl-lampiran"]["caption"] == "Tabel uji lampiran-uji"
    assert parts["lampiran-uji"]["number"] is None
    assert registry.runs(html.env)["notebooks/01_bab"]["parameters"] == {"bahasa": "id"}
    page = soup(html, "notebooks/lampiran.html")
    assert page.select_one("table#tbl-lampiran .caption-number") is None  # Sphinx prints no number there either


# --------------------------------------------------------------------------- citations.py


def test_citeproc_renders_each_form_of_the_citations_once_a_build(tmp_path_factory, monkeypatch):
    """The APA texts of every citable part are rendered once per form (HTML, plain, Markdown), not once per page:
    rendered on each of the book's 22 pages, citeproc took half of a whole build."""
    from ekraf_repro.bookmaker.cite import items

    calls, render = [], items.render

    def counted(found, code, output="plain"):
        if len(found) > 1:  # the book's parts (the title page and the citing page render one item each)
            calls.append(output)
        return render(found, code, output)

    monkeypatch.setattr(items, "render", counted)
    app = build(tmp_path_factory, "html")
    pages = sorted(p.relative_to(app.outdir).as_posix() for p in Path(app.outdir).rglob("*.html"))
    app.cleanup()
    assert len([p for p in pages if not p.startswith(("genindex", "search"))]) >= 3
    assert sorted(calls) == ["html", "markdown", "plain"]


def test_a_chapter_ends_with_its_cite_box_and_each_part_links_its_data(html):
    page = soup(html, "notebooks/01_bab.html")
    box = page.select_one("aside.ekraf-cite")
    assert box.select_one(".ekraf-cite-title").get_text() == "Kutip bab ini"
    assert "Bab 1: Bab uji" in box.select_one(".ekraf-cite-apa").get_text()
    assert [a["href"] for a in box.select("a")] == [f"../_kutipan/bab-uji.{e}" for e in ("bib", "ris", "json")]
    links = [p.select("a")[0]["href"] for p in page.select("p.ekraf-data")]
    assert links == ["../_data/tbl-uji.csv", "../_data/gbr-uji.csv"]
    table = page.select_one("table#tbl-uji")
    assert table.find_parent("div").find_next_sibling("p")["class"] == ["ekraf-data"]
    appendix = soup(html, "notebooks/lampiran.html")
    assert appendix.select_one("aside.ekraf-cite") is None  # an unnumbered chapter is not a citable part
    assert [a.get_text() for a in appendix.select("p.ekraf-data a")] == ["Data (berkas CSV)", "Asal-usul data"]


def test_the_downloads_are_the_registrys_parts_in_the_one_writers_formats(html):
    files = fx.downloads(html)
    assert sorted(k for k in files if k.startswith("_kutipan/")) == sorted(
        f"_kutipan/{key}.{ext}" for key in ("buku", "bab-uji", "tbl-uji", "gbr-uji") for ext in ("bib", "ris", "json")
    )
    (item,) = json.loads(files["_kutipan/gbr-uji.json"])
    assert item["title"] == "Gambar 1.1: Gambar uji" and item["genre"] == "Gambar" and item["type"] == "figure"
    assert files["_kutipan/gbr-uji.bib"] == formats.bibtex(item) and files["_kutipan/gbr-uji.ris"] == formats.ris(item)
    provenance = json.loads(files["_data/tbl-uji.json"])
    assert (
        provenance["parameters"] == '# Parameters\nbahasa = "id"' and provenance["notebook"] == "notebooks/01_bab.ipynb"
    )
    assert provenance["inputs"][0]["path"] == "CITATION.cff" and len(provenance["inputs"][0]["sha256"]) == 64
    assert json.loads(files["_data/tbl-lampiran.json"])["parameters"] == "defaults: the notebook's parameters cell"
    assert files["_data/tbl-uji.csv"] == "a,b\n1,2\n"


def test_the_page_on_citing_is_filled_from_the_registry(html):
    page = soup(html, "mengutip.html")
    chapters = page.select("article.bd-article li")
    assert [li.select_one("a").get_text() for li in chapters] == ["Bab 1"]
    shown = [pre.get_text() for pre in page.select("div.highlight-bibtex pre")]
    files = fx.downloads(html)
    assert files["_kutipan/buku.bib"] in shown and files["_kutipan/bab-uji.bib"] in shown
    rows = page.select("table#tbl-daftar-gambar-tabel tbody tr")
    assert [r.select("td")[1].get_text() for r in rows] == ["tbl-uji", "gbr-uji"]
    assert [r.select_one("td a").get_text() for r in rows] == ["Tabel 1.1", "Gambar 1.1"]
    assert "Tabel 1.1: Tabel uji bab-uji" in page.select_one("blockquote").get_text()


def test_every_page_carries_its_citation_metadata(html):
    chapter = soup(html, "notebooks/01_bab.html")
    assert chapter.select_one('meta[name="citation_title"]')["content"] == "Bab uji"
    assert chapter.select_one('meta[name="citation_inbook_title"]')["content"] == fx.TITLE
    assert "Bab 1: Bab uji" in chapter.select_one('style[media="print"]').get_text()


# --------------------------------------------------------------------------- theme.py, i18n.py, editions.py


def test_the_themes_templates_are_rewritten_where_they_load(html):
    page = soup(html, "notebooks/01_bab.html")
    search = page.select_one("button.search-button-field")
    assert search is not None and not search.has_attr("aria-label")
    assert all(not i.has_attr("title") for i in page.select("button.theme-switch-button i"))
    assert page.select_one("button.theme-switch-button")["aria-label"] == "Mode warna"
    assert page.select_one("button.primary-toggle")["aria-label"] != "Toggle primary sidebar"
    assert page.select_one("a.ekraf-language")["hreflang"] == "en"
    assert page.select_one('link[rel="alternate"][hreflang="en"]')["href"] == "../../en/notebooks/01_bab.html"
    assert page.select_one("details.hide summary").attrs == {}  # no aria-label on myst-nb's toggle


def test_other_languages_are_marked_and_the_pdf_link_follows_the_tag(html):
    index = soup(html, "index.html")
    assert index.select_one("span.lang-en")["lang"] == "en"
    assert index.select_one(".ekraf-no-pdf") is not None and index.select_one(".ekraf-pdf") is None


def test_the_copy_button_speaks_the_editions_language(html):
    script = (Path(html.outdir) / "_static" / "copybutton.js").read_text(encoding="utf-8")
    assert "'id': {" in script and '"Salin"' in script


# --------------------------------------------------------------------------- reproducible.py


def test_a_build_reports_the_pages_it_read(html):
    assert html.sphinx_report == {
        "builder": "html",
        "read": ["index", "mengutip", "notebooks/01_bab", "notebooks/lampiran"],
    }


def test_the_shaping_digest_changes_with_any_file_of_the_package(tmp_path, monkeypatch):
    """No list of shaping modules: a module of the book machine, an analysis module it imports (dates, escapers),
    a file that is not Python (the PDF's style), a catalogue, the configuration and the table of contents each change
    the digest; compiled bytecode does not."""
    package = tmp_path / "ekraf_repro"
    files = ["bookmaker/sphinxext/citations.py", "tanggal.py", "bookmaker/sphinxext/ekraf.sty"]
    for rel in files:
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text("x = 1\n")
    monkeypatch.setattr(reproducible, "PACKAGE", package)
    digests = [reproducible.shaping_digest(tmp_path)]
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "tanggal.cpython-311.pyc").write_bytes(b"bytecode")
    assert reproducible.shaping_digest(tmp_path) == digests[0]
    for rel in files:
        (package / rel).write_text("x = 2\n")
        digests.append(reproducible.shaping_digest(tmp_path))
    (tmp_path / "_locale").mkdir()
    (tmp_path / "_locale" / "sphinx.mo").write_bytes(b"katalog")
    digests.append(reproducible.shaping_digest(tmp_path))
    for name in ("_config.yml", "_toc.yml"):  # a caption is in every page's sidebar
        (tmp_path / name).write_text("caption: Lampiran\n")
        digests.append(reproducible.shaping_digest(tmp_path))
    assert len(set(digests)) == len(digests) == 7


# --------------------------------------------------------------------------- epub.py, latex.py


def test_the_epub_holds_no_code_no_scripts_and_no_web_only_links(tmp_path_factory):
    app = build(tmp_path_factory, "epub")
    chapter = fx.page(app, "notebooks/01_bab.xhtml")
    assert "bab.table" not in chapter and "<script" not in chapter and "ekraf-data" not in chapter
    assert "<details" not in chapter and "ekraf-cite" not in chapter
    citing = fx.page(app, "mengutip.xhtml")
    assert "_kutipan" not in citing and "BibTeX · RIS · CSL-JSON" in citing
    index = fx.page(app, "index.xhtml")
    assert "Edisi uji" in index and "ekraf-pdf" not in index and "ekraf-no-pdf" not in index
    spine = (Path(app.outdir) / "content.opf").read_text(encoding="utf-8")
    assert "../" not in spine
    app.cleanup()


def test_the_pdfs_title_page_cites_the_book(tmp_path_factory):
    app = build(tmp_path_factory, "latex", latex_documents=[("index", "book.tex", "Buku uji", "Para editor", "manual")])
    tex = fx.page(app, "book.tex")
    assert r"\textbf{Cara mengutip}" in tex and "Buku Jupyter" in tex and r"\textbf{Makalah aslinya}" in tex
    assert "bab.table" not in tex  # no code on paper
    assert "ekraf-pdf" not in tex and "tanpa PDF" not in tex and "Edisi uji" in tex
    app.cleanup()
