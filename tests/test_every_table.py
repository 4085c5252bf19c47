"""Every valid table: the analysis runs, its sentences hold no nan, inf, -0, empty list or "0 of 0", every number
in them equals a recomputation made here from the cells, and no table or figure is empty; every invalid table gets
a one-line error before anything runs (issue 22).

The tables are generated with Hypothesis (``table_support``): any non-empty subset of the 17 subsectors in any
order, consecutive years in 2010-2035, values from 0 to 10^10 with one decimal, with and without the malformed cell
that an erratum corrects. The chapters' code runs in-process (no kernel); the variant books built from two such
tables all the way to HTML and PDF are in ``test_variants.py``.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
import table_support as ts
from conftest import ROOT, run_cli, tree_bytes
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from ekraf_repro import paths, subsectors
from ekraf_repro.errors import InputError

# deterministic; no shrinking (a chapter run takes seconds): a failure shows the table as generated
SETTINGS = dict(
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# the chapters whose outputs come from the table (chapters 2-4 and 6 read none of its numbers; the weight test holds
# them to that), and the profile page of the focus subsector
READ_THE_TABLE = [p for p in ts.CHAPTER_NOTEBOOKS if p.stem.startswith(("01", "05", "07"))]
TRIED: dict[str, int] = {}  # tables tried by each test, for the report


# --------------------------------------------------------------------------- an independent recomputation


def number(text: str, lang: str) -> float:
    """The number in a glued text (``'−1.234,5%'``, ``'+3,500.25%'``), read without the package."""
    s = text.replace("\u2212", "-").replace("%", "").replace("+", "").strip()
    s = s.replace(".", "").replace(",", ".") if lang == "id" else s.replace(",", "")
    return float(s)


def close(text: str, value: float, decimals: int, lang: str) -> bool:
    """Does the text show ``value`` rounded to ``decimals``?"""
    return abs(number(text, lang) - value) <= 0.5 * 10**-decimals * (1 + 1e-9) + abs(value) * 1e-12


def expected(table: ts.Tabel, focus: str) -> dict[str, tuple[float, int]]:
    """The numbers the appendix chapter and the profile page print, recomputed from the cells: key -> (value, decimals)
    for every number that is defined (no division by zero)."""
    years, rows = table.years, table.rows
    cell = {(r, y): table.value(r, y) for r in rows for y in years}
    total = {y: math.fsum(cell[r, y] for r in rows) for y in years}
    first, last = years[0], years[-1]
    n = last - first
    out: dict[str, tuple[float, int]] = {
        "07_tabel_rinci:total_awal": (total[first], 1),
        "07_tabel_rinci:total_akhir": (total[last], 1),
        f"profil_subsektor[{focus}]:nilai_awal": (cell[focus, first], 1),
        f"profil_subsektor[{focus}]:nilai_akhir": (cell[focus, last], 1),
    }

    def cagr(a: float, b: float) -> float | None:
        return ((b / a) ** (1 / n) - 1) * 100 if a > 0 and n > 0 else None

    for key, value in (
        ("07_tabel_rinci:fokus_cagr", cagr(cell[focus, first], cell[focus, last])),
        ("07_tabel_rinci:total_cagr", cagr(total[first], total[last])),
        (f"profil_subsektor[{focus}]:cagr", cagr(cell[focus, first], cell[focus, last])),
    ):
        if value is not None:
            out[key] = (value, 2)
    if n > 0 and total[first] > 0 and cell[focus, first] > 0:
        out["07_tabel_rinci:fokus_indeks_akhir"] = (cell[focus, last] / cell[focus, first] * 100, 1)
        out["07_tabel_rinci:total_indeks_akhir"] = (total[last] / total[first] * 100, 1)
    if all(total[y] > 0 for y in years):
        shares = [cell[focus, y] / total[y] * 100 for y in years]
        out[f"profil_subsektor[{focus}]:pangsa_min"] = (min(shares), 1)
        out[f"profil_subsektor[{focus}]:pangsa_max"] = (max(shares), 1)
    changes = [(cell[focus, b] / cell[focus, a] - 1) * 100 for a, b in zip(years, years[1:]) if cell[focus, a] > 0]
    if changes:  # over the changes that are defined (a change from zero is not)
        out["07_tabel_rinci:fokus_turun"] = (min(changes), 2)
        out["07_tabel_rinci:fokus_naik"] = (max(changes), 2)
    return out


UNDEFINED = ("undefined", "is defined", "terdefinisi", "cannot be computed", "tidak dapat dihitung")  # said instead
# the computed sentences of the prose -> the numbers each must show when they are defined (a division by zero is not)
SENTENCES = {
    "07_tabel_rinci:ubah_fokus": ["07_tabel_rinci:fokus_turun", "07_tabel_rinci:fokus_naik"],
    "07_tabel_rinci:cagr_fokus": ["07_tabel_rinci:fokus_cagr", "07_tabel_rinci:total_cagr"],
    "07_tabel_rinci:indeks_fokus": ["07_tabel_rinci:fokus_indeks_akhir", "07_tabel_rinci:total_indeks_akhir"],
    "profil_subsektor[{focus}]:ringkasan": [
        f"profil_subsektor[{{focus}}]:{key}" for key in ("nilai_awal", "cagr", "pangsa_min", "pangsa_max")
    ],
}


def problems(table: ts.Tabel, run: ts.Run, focus: str, lang: str) -> list[str]:
    found = []
    for key, text in run.texts.items():
        found += [f"{key}: {what} in {text!r}" for what in ts.bad_text(text)]
    for key, md in run.tables.items():
        if len(md.splitlines()) < 3:
            found.append(f"{key}: an empty table")
    for key, data in run.figures.items():
        if data is None or data.empty:
            found.append(f"{key}: an empty figure")
    for key, (value, decimals) in expected(table, focus).items():
        shown = run.texts.get(key)
        if shown is None or not close(shown, value, decimals, lang):
            found.append(f"{key}: shows {shown!r}, recomputed {value:.{decimals + 3}f}")
    for sentence, numbers in SENTENCES.items():  # the prose shows a number when it is defined, and says when not
        if sentence.format(focus=focus) not in run.texts and len(table.years) == 1:
            continue  # one year: the passage is left out, and one sentence says why (the one-year test)
        for key in numbers:
            shown = run.texts.get(key.format(focus=focus))
            text = run.texts.get(sentence.format(focus=focus), "")
            if shown not in (None, "\u2013") and shown not in text:
                found.append(f"{sentence}: {text!r} does not show {key} ({shown!r})")
            if shown in (None, "\u2013") and not any(w in text for w in UNDEFINED):
                found.append(f"{sentence}: {text!r} does not say that {key} is undefined")
    years = table.years
    period = f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else str(years[0])
    for key in ("01_pendahuluan:periode", "07_tabel_rinci:periode"):
        if run.texts.get(key) != period:
            found.append(f"{key}: shows {run.texts.get(key)!r}, expected {period!r}")
    return found


def run_on(table: ts.Tabel, lang: str, focus: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = ts.write(table, Path(folder))
        with ts.erratum_for(path, table):
            run = ts.run_chapters(path, lang, focus, READ_THE_TABLE)
            profile = ts.run_chapters(path, lang, focus, [ts.PROFILE])
    run.texts.update({k.replace("profil_subsektor", f"profil_subsektor[{focus}]"): v for k, v in profile.texts.items()})
    run.tables.update(profile.tables)
    run.figures.update(profile.figures)
    return problems(table, run, focus, lang)


def sound(kind: str, table: ts.Tabel, lang: str, focus: str) -> list[str]:
    """What is wrong with the chapters on ``table`` (counted under ``kind`` for the report)."""
    TRIED[kind] = TRIED.get(kind, 0) + 1
    return run_on(table, lang, focus)


def _focus(draw, table: ts.Tabel) -> str:
    return draw(st.sampled_from(table.rows))


@st.composite
def cases(draw, positive: bool):
    table = draw(ts.valid_tables(min_years=2))
    if positive:  # the values a division can take: every cell above zero
        table.values = {k: v or 0.1 for k, v in table.values.items()}
    return table, draw(st.sampled_from(["id", "en"])), _focus(draw, table)


@pytest.mark.slow
@settings(max_examples=50, **SETTINGS)
@given(cases(positive=True))
def test_every_table_of_positive_values_gives_a_complete_chapter(case):
    """Tables of 2 to 8 years with every cell above zero: the chapters run, no table or figure is empty, and every
    sentence and number is sound."""
    assert sound("positive", *case) == []


@pytest.mark.slow
@settings(max_examples=40, **SETTINGS)
@given(cases(positive=False))
def test_every_table_with_zeros_gives_sound_sentences(case):
    """Zeros anywhere but in a whole year: a growth rate, change or index from zero is undefined, and the sentence
    says so instead of printing 'inf' or 'nan'; every defined number is still the recomputed one."""
    assert sound("zeros", *case) == []


@pytest.mark.slow
@settings(max_examples=10, **SETTINGS)
@given(ts.valid_tables(min_years=1).filter(lambda t: len(t.years) == 1), st.sampled_from(["id", "en"]))
@example(  # found by Hypothesis: the one year holds the malformed cell, so the erratum applies to it
    ts.Tabel(["Musik", "Fashion", "Aplikasi"], [2020], {("Musik", 2020): 0.0, ("Aplikasi", 2020): 82.6}, 3361663.7),
    "id",
)
def test_a_table_of_one_year_gives_a_complete_book(table, lang):
    """One year is a valid table: every chapter runs, nothing is empty, and where a change, a growth rate or an
    index would stand, one sentence names the year and says that they cannot be computed."""
    assert sound("one_year", table, lang, table.rows[0]) == []
    with tempfile.TemporaryDirectory() as folder:
        path = ts.write(table, Path(folder))
        with ts.erratum_for(path, table):  # a generated table may carry the malformed cell, with its erratum
            run = ts.run_chapters(path, lang, table.rows[0], READ_THE_TABLE)
    (year,) = table.years
    assert run.conditions["07_tabel_rinci:ada_perubahan"] is False
    assert {"07_tabel_rinci:tbl_perubahan", "07_tabel_rinci:tbl_cagr", "07_tabel_rinci:tbl_indeks"}.isdisjoint(
        run.tables
    )
    assert {"07_tabel_rinci:gbr_perubahan", "07_tabel_rinci:gbr_indeks"}.isdisjoint(run.figures)
    assert str(year) in run.texts["07_tabel_rinci:satu_tahun"]
    said = {"id": "hanya memuat satu tahun", "en": "contains one year only"}[lang]
    if "Kriya" in table.rows:  # the paper's statement on craft cannot be tested on one year, and says so
        assert said in run.texts["01_pendahuluan:k03_bukti"]
        status = {"id": "tidak dapat kami periksa", "en": "we could not check it"}[lang]
        assert run.texts["01_pendahuluan:st_k03"] == status


@pytest.mark.slow
def test_the_three_subsector_table_of_2019_2021_says_what_it_cannot_compare():
    """The case of the issue: no year meets the press shares or totals, so no table or figure of the comparison, and
    a sentence in each language saying why, with the years."""
    table = ts.Tabel(
        ["Kriya", "Kuliner", "Musik"],
        [2019, 2020, 2021],
        {
            (r, y): 1000.0 + 10 * i + (y - 2019)
            for i, r in enumerate(["Kriya", "Kuliner", "Musik"])
            for y in range(2019, 2022)
        },
    )
    for lang, words in (
        ("id", "tidak satu pun tahun itu ada dalam data ini (2019–2021)"),
        ("en", "none of those years is in these data (2019–2021)"),
    ):
        with tempfile.TemporaryDirectory() as folder:
            run = ts.run_chapters(ts.write(table, Path(folder)), lang, "Kriya", READ_THE_TABLE)
        assert not {
            "07_tabel_rinci:tbl_pers_pangsa",
            "07_tabel_rinci:tbl_pers_total",
            "07_tabel_rinci:tbl_kepekaan_mutu",
        } & set(run.tables)
        assert "07_tabel_rinci:gbr_pers" not in run.figures
        assert (
            words in run.texts["07_tabel_rinci:pangsa_tidak"]
            and "2015, 2016" in run.texts["07_tabel_rinci:pangsa_tidak"]
        )
        assert (
            words in run.texts["07_tabel_rinci:total_tidak"] and "2014–2018" in run.texts["07_tabel_rinci:total_tidak"]
        )
        assert run.texts["07_tabel_rinci:kepekaan_mutu_tidak"]
        assert run.conditions["07_tabel_rinci:ada_pangsa"] is run.conditions["07_tabel_rinci:ada_total"] is False


@pytest.mark.slow
def test_a_year_that_meets_without_a_subsector_that_does_says_so():
    """2022 meets the press shares, but Musik is not among the subsectors the press gives: the sentence names them."""
    table = ts.Tabel(["Musik"], [2021, 2022], {("Musik", 2021): 5.0, ("Musik", 2022): 6.0})
    with tempfile.TemporaryDirectory() as folder:
        run = ts.run_chapters(ts.write(table, Path(folder)), "en", "Musik", READ_THE_TABLE)
    assert run.texts["07_tabel_rinci:pangsa_tidak"].startswith(
        "The press reported the shares of Fashion, Craft and Culinary for 2022, but these data contain none"
    )


@pytest.mark.parametrize(
    "last_year, lang, words",
    [
        ({"Kuliner": 10.0, "Musik": 0.0, "Kriya": 0.0}, "id", "sedangkan Musik dan Kriya bernilai nol"),
        ({"Kuliner": 10.0, "Musik": 0.0, "Kriya": 0.0}, "en", "while Music and Craft are zero"),
        ({"Kuliner": 10.0, "Musik": 2.0, "Kriya": 0.0}, "en", "while Craft is zero"),
        ({"Kuliner": 10.0, "Musik": 2.0}, "en", "the smallest Music; the value of the former is about 5 times"),
    ],
)
def test_the_largest_subsector_is_set_against_every_zero_one(last_year, lang, words):
    """No ratio to a zero: the sentence names every subsector that is zero in the last year, not only the last."""
    from ekraf_repro.chapters import rinci

    assert words in rinci.largest_smallest(pd.Series(last_year), lang)


# --------------------------------------------------------------------------- invalid tables


RULES = (
    "header", "year_name", "year_gap", "year_twice", "unknown", "duplicate", "no_name", "empty",
    "negative", "malformed", "extra", "header_only", "not_utf8", "nul", "blank", "zero_year",
)  # fmt: skip


@st.composite
def invalid_tables(draw, rule: str):
    """A valid table broken by ``rule`` of the loader: (rule, bytes, the line and the value the error must name)."""
    table = draw(ts.valid_tables(min_years=2))
    table.malformed = None  # no erratum applies here: the malformed cell would be the first error
    lines = table.text().splitlines()
    header = lines[0].split(";")
    row = draw(st.integers(1, len(lines) - 1))
    cells = lines[row].split(";")
    col = draw(st.integers(1, len(header) - 1))
    line, value = row + 1, None
    if rule == "header":
        header[0] = draw(st.sampled_from(["Sub sektor", "Tahun", "subsektor x"]))
        line, value = 1, header[0]
    elif rule == "year_name":
        header[col] = draw(st.sampled_from(["20x1", "Tahun", "19", "2020a"]))
        line, value = 1, header[col]
    elif rule == "year_gap":
        header[col] = str(int(header[col]) + 1 + draw(st.integers(0, 3)))
        line, value = 1, header[col]
    elif rule == "year_twice":
        header[col] = header[col - 1] if col > 1 else header[col + 1]
        line, value = 1, header[col]
    elif rule == "unknown":
        cells[0] = draw(st.sampled_from(["Pertanian", "Tambang", "Perikanan"]))
        value = cells[0]
    elif rule == "duplicate":
        if len(lines) == 2:
            lines.append(lines[1])
            row, cells = 2, lines[1].split(";")
            line = 3
        else:
            other = 1 if row != 1 else 2
            cells[0] = lines[other].split(";")[0]
            line = max(row, other) + 1  # the later of the two lines is the duplicate
        value = cells[0]
    elif rule == "no_name":
        cells[0], value = "", "Subsektor"
    elif rule == "empty":
        cells[col], value = "", str(header[col])
    elif rule == "negative":
        cells[col] = "-" + cells[col]
        value = cells[col]
    elif rule == "malformed":
        cells[col] = draw(st.sampled_from(["1,2,3", "abc", "12.34", "1.2345,6", "8.872.098.7"]))
        value = cells[col]
    elif rule == "extra":
        cells.append("1,0")
        value = "1,0"
    elif rule == "zero_year":  # every value of one year zero: missing data, not a value
        for i in range(1, len(lines)):
            row_cells = lines[i].split(";")
            row_cells[col] = "0,0"
            lines[i] = ";".join(row_cells)
        line, value = 1, f"every value of year {header[col]} is zero"
    if rule in ("header", "year_name", "year_gap", "year_twice"):
        lines[0] = ";".join(header)
    elif rule not in ("header_only", "not_utf8", "nul", "blank", "zero_year"):
        lines[row] = ";".join(cells)
    text = "\n".join(lines) + "\n"
    if rule == "header_only":
        text, line, value = lines[0] + "\n", None, "no subsector rows"
    elif rule == "blank":
        text, line, value = "\n\n", None, "empty file"
    raw = text.encode("utf-8")
    if rule == "not_utf8":
        raw, line, value = raw.replace(b";", b";\xff", 1), None, "not UTF-8"
    elif rule == "nul":
        raw, line, value = raw + b"\x00", None, "NUL"
    return rule, raw, line, value


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES)
def test_every_invalid_table_gets_one_line_naming_where(rule):
    """In-process, 10 generated tables per rule: the loader's error is one line naming the file, the line and the
    offending value."""

    @settings(max_examples=10, **SETTINGS)
    @given(invalid_tables(rule))
    def check(case):
        _one_line(*case)

    check()


def _one_line(rule, raw, line, value):
    from ekraf_repro import loader

    TRIED["invalid"] = TRIED.get("invalid", 0) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tabel saya.csv"
        path.write_bytes(raw)
        with pytest.raises(InputError) as err:
            loader.load(path)
    message = str(err.value)
    assert "\n" not in message and "tabel saya.csv" in message, (rule, message)
    if line is not None:
        assert f"line {line}" in message, (rule, message)
    assert str(value) in message, (rule, message)


@pytest.mark.slow
@pytest.mark.parametrize("rule", ["malformed", "unknown", "year_gap", "not_utf8"])
def test_make_validate_and_rerun_refuse_an_invalid_table_before_any_kernel_and_change_nothing(rule, tmp_path):
    """Through the command line: one line on stderr, no traceback, and nothing under the output folder nor in the
    book's own build changes."""
    good = ts.Tabel(
        ["Kriya", "Musik"],
        [2020, 2021],
        {("Kriya", 2020): 1.0, ("Kriya", 2021): 2.0, ("Musik", 2020): 3.0, ("Musik", 2021): 4.0},
    )
    text = good.text()
    bad = {
        "malformed": text.replace("1,0", "1,2,3"),
        "unknown": text.replace("Musik", "Pertanian"),
        "year_gap": text.replace("2021", "2023"),
        "not_utf8": None,
    }[rule]
    path = tmp_path / "data saya.csv"
    path.write_bytes(bad.encode("utf-8") if bad is not None else text.encode("utf-8").replace(b"Kriya", b"Kr\xffya"))
    out = tmp_path / "keluaran"
    out.mkdir()
    (out / "sudah.txt").write_text("dibangun sebelumnya\n", encoding="utf-8")
    book = ROOT / "_build" / "html"
    before = tree_bytes(out), tree_bytes(book) if book.exists() else None
    for args in (["validate", str(path)], ["rerun", "--data", str(path), "--out", str(out)]):
        result = run_cli(args)
        assert result.returncode != 0
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "data saya.csv" in lines[0], result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert "executing" not in result.stdout  # refused before any kernel started
    assert (tree_bytes(out), tree_bytes(book) if book.exists() else None) == before


@pytest.mark.slow
def test_the_generators_cover_every_subsector_and_the_erratum():
    """The strategies reach what the properties claim: all 17 subsectors, 1 and 8 years, zeros, the malformed cell."""
    seen = {"rows": set(), "years": set(), "zero": False, "erratum": False}

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(ts.valid_tables())
    def collect(table):
        seen["rows"] |= {subsectors.official_name(r) for r in table.rows}
        seen["years"].add(len(table.years))
        seen["zero"] |= 0.0 in table.values.values()
        seen["erratum"] |= table.malformed is not None

    collect()
    assert seen["rows"] == set(subsectors.OFFICIAL) and {1, 8} <= seen["years"]
    assert seen["zero"] and seen["erratum"]


@pytest.mark.slow
def test_report_how_many_tables_were_tried(capsys):
    """Not a check: prints the counts of the tests above when they ran in this session (for the issue's report)."""
    with capsys.disabled():
        print(f"\ngenerated tables tried: {TRIED}")
    assert paths.ROOT == ROOT


def test_a_table_without_rows_or_a_figure_without_data_stops_the_notebook_naming_it():
    """The guard behind the sentences: a chapter cannot glue an empty table or figure, it must return None."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from ekraf_repro import figures
    from ekraf_repro.notebook import Bab
    from ekraf_repro.show import Table

    bab = Bab(None, "id")
    with pytest.raises(ValueError, match="table tbl_kosong: it has no rows"):
        bab.table("tbl_kosong", lambda b, lang: Table(pd.DataFrame({"tahun": []}), lang))
    with pytest.raises(ValueError, match="figure gbr_kosong: it draws no data"):
        bab.figure("gbr_kosong", lambda b, lang: figures.with_data(plt.figure(), pd.DataFrame({"tahun": []})))
    plt.close("all")
    bab.table("tbl_tidak_ada", lambda b, lang: None)  # None: nothing glued, no error
    bab.figure("gbr_tidak_ada", lambda b, lang: None)
