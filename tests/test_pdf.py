"""The PDFs (`make pdf`), one per edition: built with xelatex, their content checked, reproducible byte for byte,
and typeset as a book (issue 24): nothing in the head or foot bands or the margins, no overfull box, no heading
at a page's foot, caption labels with their space, tables with columns from their content that break between
rows, no name broken, each edition hyphenated in its language, figure text of at least 7 pt as printed, and a
contact sheet of every page."""

import json
import re
import unicodedata
from pathlib import Path

import pdf_support as ps
import pytest
from conftest import ROOT, chapter_titles, cited, not_here

from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.build import book as bookbuild
from ekraf_repro.bookmaker.build import editions
from ekraf_repro.bookmaker.cite import formats
from ekraf_repro.bookmaker.cite import items as csl
from ekraf_repro.bookmaker.files import sha256

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
        not_here("PDF TESTS", INSTALL)
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


def test_two_builds_are_byte_identical(pdf_text, lang, fresh_checkout):
    """Built again by another checkout in another folder, with its own environment: the same bytes."""
    name = editions.PDF_NAMES[lang]
    again = (fresh_checkout / "_build" / "pdf" / name).read_bytes()
    assert again.startswith(b"%PDF-") and sha256(again) == sha256((ROOT / "_build" / "pdf" / name).read_bytes())


# --------------------------------------------------------------------------- the page as typeset (issue 24)

CAPTION_WORDS = ps.CAPTION_WORDS
PATTERNS = {"id": "indonesian", "en": "english"}  # the hyphenation patterns each edition's body is set with


def latex_dir(lang: str):
    """Where the edition's PDF was typeset (bookbuild.pdf runs Jupyter Book into ``_build/_pdf``)."""
    return editions.workdir(lang) / "_build" / "_pdf" / "_build" / "latex"


@pytest.fixture(scope="module")
def typeset(pdf_text, lang) -> dict:
    """The edition's PDF as typeset: its pages' words (poppler), the LaTeX log and the type area it records."""
    if not ps.have_poppler():
        not_here("PDF LAYOUT TESTS", ps.INSTALL_POPPLER)
    pdf = ROOT / "_build" / "pdf" / editions.PDF_NAMES[lang]
    log = (latex_dir(lang) / "book.log").read_text(encoding="utf-8", errors="replace")
    return {"pdf": pdf, "log": log, "pages": ps.pages(pdf), "geometry": ps.typearea(log)}


def test_no_text_in_the_header_or_footer_band_or_outside_the_type_area(typeset):
    pages = typeset["pages"]
    assert len(pages) == len(typeset["pages"]) > 50 and sum(len(p.words) for p in pages) > 20_000
    problems = ps.band_problems(pages, typeset["geometry"])
    assert problems == [], f"{len(problems)} words out of place:\n  " + "\n  ".join(problems[:40])


def test_no_heading_ends_a_page(typeset):
    """A section's heading stays with what follows it, a table included (ekraf.sty keeps them together)."""
    assert ps.stranded_headings(typeset["pages"], typeset["geometry"]) == []


def test_no_overfull_box_over_one_point(typeset):
    assert f"Output written on book.pdf ({len(typeset['pages'])} pages)" in typeset["log"], "not this PDF's log"
    over = ps.overfull_problems(typeset["log"])
    assert over == [], f"{len(over)} overfull boxes over 1 pt (pdf_support.ALLOWED_OVERFULL):\n  " + "\n  ".join(over)


def test_caption_labels_keep_their_space(typeset, lang):
    glued = ps.caption_label_problems(typeset["pages"], CAPTION_WORDS[lang])
    assert glued == [], f"caption labels without their space: {glued[:20]}"
    numbered = [
        p for p in (settings.SITE / lang / formats.FOLDER).glob("*.json") if p.stem.startswith(("gbr-", "tbl-"))
    ]
    assert ps.caption_labels(typeset["pages"], CAPTION_WORDS[lang]) >= len(numbered) > 40


def test_every_table_is_set_with_columns_measured_from_its_content(typeset, lang):
    tex = (latex_dir(lang) / "book.tex").read_text(encoding="utf-8")
    tables = re.findall(r"\\begin\{(?:tabular|tabulary|longtable)\}(?:\{\\linewidth\})?(?:\[t\])?\{(.*)", tex)
    assert len(tables) > 60
    plain = [t[:80] for t in tables if not t.startswith(("\\ekrafL", "\\ekrafR"))]
    assert plain == [], f"tables set without a column specification from their content: {plain[:10]}"


def test_long_tables_break_between_rows_and_repeat_their_header(typeset, lang):
    continued = ps.continued_tables(typeset["pages"], CAPTION_WORDS[lang][1])
    assert len(continued) >= 5, continued
    for page, number, here, start in continued:
        assert here and here in start, f"p. {page}: table {number} goes on under {here}, not its header: {start}"


def test_no_country_or_person_name_is_broken_across_lines(typeset):
    from ekraf_repro.bookmaker.sphinxext import latex_style

    countries, people, firms = latex_style.names(ROOT)
    assert {"Indonesia", "Malaysia"} <= set(countries) and "Abdul Sobur" in people and firms
    problems = ps.broken_names(typeset["pages"], countries + people + firms)
    assert problems == [], problems


def test_each_edition_is_hyphenated_with_its_own_language(typeset, lang):
    found = ps.hyphenation(typeset["log"])
    assert found[PATTERNS[lang]] not in ("-1", found["nohyphenation"]), f"no {PATTERNS[lang]} patterns: {found}"
    assert found["patterns"] == found[PATTERNS[lang]], found
    assert "No hyphenation patterns were loaded" not in typeset["log"]


def test_figures_print_at_their_drawn_size_with_text_of_at_least_7_pt(typeset, lang):
    from ekraf_repro import figures

    drawn = {}  # pixel size -> the smallest text of the figures of that size
    for path in sorted((editions.workdir(lang) / editions.PRINT_SOURCE / "notebooks").rglob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                printed = output.get("metadata", {}).get("ekraf", {}).get("print")
                if printed:
                    px = tuple(round(v * figures.DPI) for v in printed["inches"])
                    drawn[px] = min(drawn.get(px, 99.0), printed["smallest_text_pt"])
    images = ps.placed_images(typeset["pdf"])
    assert len(images) >= 15 and drawn
    for image in images:
        assert image["px"] in drawn, f"p. {image['page']}: an image of {image['px']} px that no figure drew"
        smallest = drawn[image["px"]] * figures.DPI / image["ppi"]
        assert smallest >= figures.MIN_TEXT_PT, f"p. {image['page']}: its smallest text prints at {smallest:.1f} pt"


def test_every_page_on_a_contact_sheet(typeset, lang):
    """Every page as an image and on numbered contact sheets in _build/screenshots/pdf/<lang>/, to look at."""
    from PIL import Image

    out = ROOT / "_build" / "screenshots" / "pdf" / lang
    sheets = ps.contact_sheets(typeset["pdf"], out)
    pages = sorted((out / "pages").glob("p-*.png"))
    assert len(pages) == len(typeset["pages"]) and len(sheets) == -(-len(pages) // 12)
    busiest = max(typeset["pages"], key=lambda p: len(p.words)).number
    with Image.open(pages[busiest - 1]) as page:
        assert page.convert("L").getextrema()[0] < 100  # text on it, not a blank render


def _planted(lang: str, folder: Path, body: str) -> tuple[list, dict]:
    """``body`` typeset with the book's own preamble and style files: its pages' word boxes and its type area."""
    import shutil
    import subprocess

    for item in latex_dir(lang).iterdir():
        if item.suffix in (".sty", ".cls", ".cfg", ".def", ".clo") or item.name == "book.tex":
            shutil.copy2(item, folder / item.name)
    tex = (folder / "book.tex").read_text(encoding="utf-8")
    preamble = tex[: tex.index(r"\begin{document}")]
    (folder / "planted.tex").write_text(preamble + body, encoding="utf-8")
    subprocess.run(["xelatex", "-interaction=nonstopmode", "planted.tex"], cwd=folder, capture_output=True)
    log = (folder / "planted.log").read_text(encoding="utf-8", errors="replace")
    return ps.pages(folder / "planted.pdf"), ps.typearea(log)


def test_the_checks_catch_a_table_in_the_footer_a_glued_label_and_a_broken_name(typeset, lang, tmp_path):
    """A page typeset with the book's own preamble, broken on purpose: the same checks must name each fault."""
    label, word = CAPTION_WORDS[lang][1], "Indonesia"
    rows = "".join(f"Baris {i} & {i}\\\\\n" for i in range(90))
    body = rf"""\begin{{document}}
\pagestyle{{normal}}
\chapter{{Planted}}
\section{{Planted}}
\noindent Pertemuan dengan Abdul\newline Sobur di Indo-\newline nesia.
\begin{{savenotes}}\sphinxattablestart\centering
\makeatletter\def\fnum@table{{\tablename\thetable}}\makeatother
\sphinxcapstartof{{table}}\sphinxthecaptionisattop\sphinxcaption{{Planted}}\sphinxaftertopcaption
\begin{{tabular}}[t]{{ll}}a&b\\\end{{tabular}}\par\sphinxattableend\end{{savenotes}}
\begin{{tabular}}{{ll}}
{rows}\end{{tabular}}
\end{{document}}
"""
    pages, geometry = _planted(lang, tmp_path, body)
    bands = ps.band_problems(pages, geometry)
    assert any("Baris" in p and "footer band" in p for p in bands), bands
    assert [p for p in ps.caption_label_problems(pages, CAPTION_WORDS[lang]) if f"{label}1.1:" in p], label
    broken = ps.broken_names(pages, ["Abdul Sobur", word])
    assert any("'Abdul Sobur' broken" in p for p in broken) and any(f"{word!r} hyphenated" in p for p in broken)


@pytest.mark.parametrize("patched", [True, False], ids=["ekraf", "longtable-alone"])
def test_a_heading_goes_with_a_long_table_whose_first_row_does_not_fit(typeset, lang, tmp_path, patched):
    """The course guide's rubric: a heading low on a page, then a long table whose caption, header and first
    (tall) row do not fit below it. longtable breaks the page right after the heading; ekraf.sty moves the heading
    over with the table. Without ekraf.sty's patch (the second case) the same page strands the heading."""
    filler = "".join(f"\\noindent Kalimat pengisi nomor {i}.\\par\n" for i in range(30))
    cell = " ".join(["kata"] * 150)  # about fifty lines in a column a quarter of the text wide
    longtable_alone = r"\def\ekraf@LTbreak{\vfil\break}\def\ekraf@LTbreakpoint{\penalty\z@}"
    undo = "" if patched else rf"\makeatletter{longtable_alone}\makeatother"
    body = rf"""\begin{{document}}
\pagestyle{{normal}}{undo}
{filler}
\subsection{{Rubrik yang ditanam}}
\begin{{savenotes}}\sphinxatlongtablestart
\begin{{longtable}}{{p{{0.25\linewidth}}p{{0.25\linewidth}}}}
\caption{{Tabel yang ditanam}}\\
Kriteria & Uraian\\
\endfirsthead
Kriteria & Uraian\\
\endhead
{cell} & {cell}\\
Baris & dua\\
\end{{longtable}}
\sphinxatlongtableend\end{{savenotes}}
\end{{document}}
"""
    pages, geometry = _planted(lang, tmp_path, body)
    stranded = ps.stranded_headings(pages, geometry)
    if patched:
        assert stranded == []
        heading = [p.number for p in pages if any(w.text == "ditanam" for w in p.words)]
        assert heading[0] == [p.number for p in pages if any(w.text == "Kriteria" for w in p.words)][0] == 2
    else:
        assert [p for p in stranded if "Rubrik yang ditanam" in p], stranded
