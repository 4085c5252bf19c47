"""The rules the PDF is typeset by, checked without TeX (issue 24): table columns from their content, figures drawn
at the size they print. tests/test_pdf.py checks the PDFs themselves."""

import os

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from ekraf_repro import figures
from ekraf_repro.bookmaker.sphinxext import latex_tables as lt
from ekraf_repro.notebook import Bab


@pytest.fixture(scope="module")
def fonts():
    if not (lt.FONTS / lt.BODY).is_file():
        message = f"{lt.FONTS / lt.BODY} is missing: run `bash .ci/system-deps` (Debian fonts-freefont-otf)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def cell(text: str, header: bool = False, right: bool = False) -> lt.Cell:
    return lt.Cell([[(text, lt.HEAD if header else lt.BODY)]], header, right)


def test_widths_are_measured_in_the_fonts_the_pdf_is_set_in(fonts):
    # XeTeX sets \texttt{keterangan} at 9 pt 54.0 pt wide (FreeMono: 0.6 em a letter); FreeSerif is narrower.
    assert lt.width("keterangan", lt.MONO) == pytest.approx(54.0, abs=0.01)
    assert lt.width("Pemerintah Kota Bandung") == pytest.approx(93.32, abs=0.05)
    assert lt.width("Pemerintah Kota Bandung", size=10) > lt.width("Pemerintah Kota Bandung")


def test_a_name_joined_by_no_break_spaces_is_one_piece_and_hyphens_break():
    text = [("Abdul\u00a0Sobur mendirikan usaha ekspor-impor (", lt.BODY), ("kode_x", lt.MONO), (")", lt.BODY)]
    pieces = ["".join(t for t, _ in p) for p in lt.units(text)]
    assert pieces == ["Abdul\u00a0Sobur", "mendirikan", "usaha", "ekspor-", "impor", "(kode_x)"]


def test_a_table_that_fits_keeps_its_natural_widths_and_numbers_go_right(fonts):
    rows = [[cell("Subsektor", True), cell("2018", True, True)], [cell("Seni Rupa"), cell("4.294.196,8", right=True)]]
    columns = lt.measure(rows)
    assert lt.widths(columns) == [columns[0].natural, columns[1].natural]
    # no narrower than the header's longest word, which is wider here than the widest cell
    assert columns[0].natural == pytest.approx(lt.width("Subsektor", lt.HEAD) * lt.SAFETY)
    assert columns[0].natural > lt.width("Seni Rupa") * lt.SAFETY
    spec = lt.spec(columns)
    assert spec.startswith(r"\ekrafL{") and r"}\ekrafR{" in spec


def test_a_crowded_table_gives_every_column_its_longest_word_and_shares_the_rest(fonts):
    prose = "Kerja sama ini belum menghasilkan ekspor yang tercatat di dinas mana pun, menurut makalah. " * 3
    rows = [
        [cell("Negara", True), cell("Tokoh", True), cell("Keterangan", True), cell("Catatan", True)],
        [cell("Indonesia"), cell("Dato'\u00a0Johari\u00a0Bin\u00a0Anyar"), cell(prose), cell(prose)],
        [cell("Malaysia"), cell("Abdul\u00a0Sobur"), cell("singkat"), cell("singkat")],
    ]
    columns = lt.measure(rows)
    given = lt.widths(columns)
    room = lt.TEXT_WIDTH - 2 * lt.TABCOLSEP * len(columns)
    assert sum(given) == pytest.approx(room)
    assert given[0] >= lt.width("Indonesia") and given[1] >= lt.width("Dato' Johari Bin Anyar")
    assert given[2] == pytest.approx(given[3]) and given[2] > 3 * given[0]  # the prose columns get the room


def test_a_long_table_breaks_between_rows_and_a_short_one_stays_whole(fonts):
    head = [cell("No.", True, True), cell("Pernyataan", True)]
    short = lt.measure([head] + [[cell(str(i), right=True), cell("Satu baris saja.")] for i in range(5)])
    long = lt.measure([head] + [[cell(str(i), right=True), cell("Satu baris saja.")] for i in range(40)])
    assert not lt.is_long(short) and lt.is_long(long)


def test_a_figure_wider_than_the_text_or_with_tiny_text_is_refused():
    wide, ax = plt.subplots(figsize=(figures.PRINT_WIDTH + 0.5, 3))
    ax.set_xlabel("Tahun", fontsize=9)
    tiny, ax = plt.subplots(figsize=(figures.PRINT_WIDTH, 3))
    ax.set_xlabel("Tahun", fontsize=6)
    ax.tick_params(labelsize=9)
    try:
        width = figures.PRINT_WIDTH
        assert figures.print_problems(wide, "gbr_lebar") == [
            f"figure gbr_lebar: {width + 0.5} in wide, more than the {width} in the PDF prints"
        ]
        assert figures.print_problems(tiny, "gbr_kecil") == ["figure gbr_kecil: text of 6.0 pt, under 7.0 pt"]
        figures.with_data(wide, pd.DataFrame({"x": [1]}))
        with pytest.raises(ValueError, match="figure gbr_lebar: 6.7 in wide"):
            Bab(None, "id").figure("gbr_lebar", lambda bab, lang: wide)
    finally:
        plt.close(wide)
        plt.close(tiny)
