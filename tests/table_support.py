"""Any valid table, run through every chapter in-process (issue 22): the Hypothesis strategies that write valid and
invalid tables in the layout of Tabel 1.1, and a runner that executes each chapter notebook's code (and the subsector
profile template's, once per subsector) on a table, capturing what it glues instead of starting a kernel.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import matplotlib.pyplot as plt
from hypothesis import strategies as st

from ekraf_repro import coded, errata, idnum, notebook, paths, subsectors

CHAPTER_NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("0*.ipynb"))
PROFILE = paths.NOTEBOOKS / "templat" / "profil_subsektor.ipynb"
ERRATUM_ROW, ERRATUM_YEAR = "Fashion", 2020  # the one cell the book's errata correct, in the paper's spelling


# --------------------------------------------------------------------------- tables


@dataclass
class Tabel:
    """A table in the layout of Tabel 1.1: rows in order, consecutive years, values (None: the malformed cell)."""

    rows: list[str]
    years: list[int]
    values: dict[tuple[str, int], float]
    malformed: float | None = None  # the value of the one cell printed with a point for its decimal comma
    extra: dict = field(default_factory=dict)

    def cell(self, row: str, year: int) -> str:
        if self.malformed is not None and (row, year) == (ERRATUM_ROW, ERRATUM_YEAR):
            return printed_with_point(self.malformed)
        return idnum_text(self.values[row, year])

    def text(self) -> str:
        lines = [";".join(["Subsektor", *map(str, self.years)])]
        lines += [";".join([r, *(self.cell(r, y) for y in self.years)]) for r in self.rows]
        return "\n".join(lines) + "\n"

    def value(self, row: str, year: int) -> float:
        if self.malformed is not None and (row, year) == (ERRATUM_ROW, ERRATUM_YEAR):
            return self.malformed
        return self.values[row, year]


def idnum_text(value: float) -> str:
    """A value in Indonesian number format with one decimal, written independently of the package."""
    tenths = round(value * 10)
    whole, decimal = divmod(tenths, 10)
    return f"{whole:,}".replace(",", ".") + f",{decimal}"


def printed_with_point(value: float) -> str:
    """The paper's malformed cell: the decimal comma printed as a point (``8.872.098.7``)."""
    return idnum_text(value).replace(",", ".")


VALUES = st.one_of(st.just(0.0), st.integers(0, 10**11).map(lambda n: n / 10))


@st.composite
def valid_tables(draw, min_years: int = 1) -> Tabel:
    """Any non-empty subset of the 17 subsectors in any order, 1 to 8 consecutive years in 2010-2035, values from 0
    to 10^10 with one decimal (zeros included, but no year whose every value is zero: the loader refuses that as
    missing data), with or without the malformed cell an erratum corrects."""
    rows = draw(st.lists(st.sampled_from(subsectors.OFFICIAL), min_size=1, max_size=17, unique=True))
    n = draw(st.integers(min_years, 8))
    start = draw(st.integers(2010, 2035 - n + 1))
    years = list(range(start, start + n))
    with_erratum = ERRATUM_YEAR in years and draw(st.booleans())
    if with_erratum:  # the row under the paper's spelling, so that the erratum names it
        rows = [ERRATUM_ROW if r == "Fesyen" else r for r in rows]
        if ERRATUM_ROW not in rows:
            rows.insert(draw(st.integers(0, len(rows))), ERRATUM_ROW)
    values = {(r, y): draw(VALUES) for r in rows for y in years}
    for y in years:  # a year whose every value is zero is refused (missing data): one cell of it above zero
        if not any(values[r, y] for r in rows):
            values[draw(st.sampled_from(rows)), y] = draw(st.integers(1, 10**11)) / 10
    malformed = draw(st.integers(10**6, 10**11).map(lambda n: n / 10)) if with_erratum else None
    return Tabel(rows, years, values, malformed)


def write(table: Tabel, folder: Path, name: str = "tabel.csv") -> Path:
    path = folder / name
    path.write_text(table.text(), encoding="utf-8")
    return path


@contextmanager
def erratum_for(path: Path | None, table: Tabel | None):
    """The book's errata plus, when ``table`` has the malformed cell, one erratum for it in ``path``."""
    real = errata.load
    if table is None or table.malformed is None:
        yield
        return
    fix = errata.Erratum(
        berkas=os.path.relpath(path, paths.ROOT),
        baris=ERRATUM_ROW,
        kolom=str(ERRATUM_YEAR),
        nilai_tercetak=printed_with_point(table.malformed),
        nilai_koreksi=idnum_text(table.malformed),
        alasan="Titik terakhir dibaca sebagai koma desimal.",
        alasan_en="The last point is read as the decimal comma.",
    )
    with mock.patch.object(errata, "load", lambda p=paths.ERRATA: [*real(p), fix]):
        yield


# --------------------------------------------------------------------------- running the chapters in-process


@dataclass
class Run:
    texts: dict[str, str] = field(default_factory=dict)  # "notebook:key" -> glued text
    tables: dict[str, str] = field(default_factory=dict)  # "notebook:key" -> Markdown
    figures: dict[str, str] = field(default_factory=dict)  # "notebook:key" -> CSV of the data drawn
    conditions: dict[str, bool] = field(default_factory=dict)


def _code(nb_path: Path) -> list[str]:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", [])
    ]


def run_chapters(data: Path, lang: str, subsektor: str, notebooks: list[Path] | None = None) -> Run:
    """Execute the code of every chapter notebook (and the profile template, for each subsector) on ``data``."""
    run = Run()
    name = ""

    def display(key, bundle, lang_, data=None, **_extra):
        where = f"{name}:{key}"
        if key.startswith(notebook.CONDITION):
            run.conditions[f"{name}:{key[len(notebook.CONDITION) :]}"] = "ya" in bundle["text/plain"]
        elif "image/png" in bundle:
            run.figures[where] = data
        elif "text/markdown" in bundle and key.startswith("tbl_"):
            run.tables[where] = bundle["text/markdown"]
        else:
            run.texts[where] = eval(bundle["text/plain"])  # noqa: S307 - the repr of a str the package glued

    here = os.getcwd()
    os.chdir(paths.NOTEBOOKS)
    try:
        # a warning would be a stream output of the notebook's first cell, which the student notebooks refuse
        with (
            warnings.catch_warnings(),
            mock.patch.object(notebook, "_display", display),
            mock.patch.object(notebook.Bab, "figure", _figure_data),
        ):
            for kind in (RuntimeWarning, UserWarning, FutureWarning):  # those a kernel shows
                warnings.simplefilter("error", kind)
            coded._read.cache_clear()
            jobs = [(nb, subsektor) for nb in (notebooks or CHAPTER_NOTEBOOKS)]
            if notebooks is None:
                jobs += [(PROFILE, None)]
            for nb_path, focus in jobs:
                focus_names = [focus] if focus else _rows_of(data)
                for f in focus_names:
                    name = nb_path.stem if focus else f"{nb_path.stem}[{f}]"
                    params = dict(
                        data=str(data), subsektor=f, tahun_awal=None, tahun_akhir=None, tahun_dasar=None, bahasa=lang
                    )
                    for source in _code(nb_path):
                        exec(compile(source, str(nb_path), "exec"), params)  # noqa: S102
                    plt.close("all")
    finally:
        os.chdir(here)
    return run


def _figure_data(self, key, make):
    """What ``Bab.figure`` glues, without drawing: the data the figure draws (its drawing is the build's test)."""
    for lang in self.langs:
        fig = make(self, lang)
        if fig is None:
            continue
        notebook._display(key, {"image/png": ""}, lang, getattr(fig, "ekraf_data", None))
        plt.close(fig)


def _rows_of(data: Path) -> list[str]:
    return [line.split(";")[0] for line in Path(data).read_text(encoding="utf-8").splitlines()[1:] if line]


# --------------------------------------------------------------------------- what a sentence must not hold

BAD = [
    (re.compile(r"\bnan\b", re.I), "nan"),
    (re.compile(r"\binf\b|∞", re.I), "inf"),
    (re.compile(r"(?<![\w.,])[-−]0(?:[.,]0+)?(?![\d.,])"), "-0"),
    (re.compile(r"\b0 (?:of|dari) (?:the )?0\b|\bnol dari nol\b|\bzero of (?:the )?zero\b", re.I), "0 of 0"),
    (re.compile(r"\(\s*\)|\[\s*\]|:\s*[.;]|,\s*[.;]|^\s*[.;,]"), "empty list"),
]


def bad_text(text: str) -> list[str]:
    """What is wrong in a computed sentence: nan, inf, minus zero, "0 of 0", an empty list."""
    return [what for pattern, what in BAD if pattern.search(text)]


__all__ = ["idnum", "Tabel", "valid_tables", "write", "erratum_for", "run_chapters", "bad_text"]
