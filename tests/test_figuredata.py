"""The numbers behind every figure and table, offered beside it (issue 16): a CSV and its provenance.

The figures are drawn again in this process from the chapter modules; the numbers their artists draw
(lines, bars, heatmap cells) must all be in the CSV the book offers beside them, and the provenance must
name the notebook and hash every input file it read.
"""

import hashlib
import io
import json

import matplotlib
import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from ekraf_repro import notebook, paths
from ekraf_repro.bookmaker.cite import formats
from ekraf_repro.bookmaker.sphinxext.citations import DATA
from ekraf_repro.chapters import metode, pendahuluan, rinci

matplotlib.use("Agg")
pytestmark = pytest.mark.slow  # the site must be built

# Figures whose artists draw the data's own numbers: (chapter module, maker, label, needs the table).
NUMERIC = [
    (pendahuluan, "fig_levels", "gbr-nilai", True),
    (rinci, "fig_changes", "gbr-perubahan", True),
    (rinci, "fig_shares", "gbr-pangsa", True),
    (rinci, "fig_index", "gbr-indeks", True),
    (metode, "fig_kinds", "gbr-sumber", False),
    (rinci, "fig_press", "gbr-pers", True),
]


def drawn_numbers(fig) -> list[float]:
    """Every number a figure's artists draw: line points, bar heights or widths, heatmap cells."""
    found = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":  # the colour scale, not the data
            continue
        for line in ax.lines:
            if line.get_label().startswith("_"):  # reference lines (the 100 line of an index)
                continue
            found += [float(v) for v in np.asarray(line.get_ydata(), dtype=float)]
        bars = [p for p in ax.patches if isinstance(p, matplotlib.patches.Rectangle)]
        horizontal = len({round(b.get_height(), 9) for b in bars}) == 1 and len({b.get_width() for b in bars}) > 1
        found += [float(b.get_width() if horizontal else b.get_height()) for b in bars]
        for mesh in ax.collections:
            if isinstance(mesh, matplotlib.collections.QuadMesh):
                found += [float(v) for v in np.ma.compressed(mesh.get_array())]
    return [v for v in found if np.isfinite(v)]


def csv_numbers(text: str) -> set[float]:
    frame = pd.read_csv(io.StringIO(text))
    values = frame.select_dtypes("number").to_numpy().ravel()
    return {round(float(v), 6) for v in values if np.isfinite(v)}


@pytest.mark.parametrize("module, maker, label, table", NUMERIC, ids=[n[2] for n in NUMERIC])
def test_each_figures_csv_holds_the_numbers_it_draws(edition_site, lang, module, maker, label, table):
    bab = notebook.start(lang) if not table else notebook.start(lang, data="data/raw/tabel_1_1_ekspor_ekraf.csv")
    fig = getattr(module, maker)(bab, lang)
    drawn = drawn_numbers(fig)
    matplotlib.pyplot.close(fig)
    offered = csv_numbers((edition_site / DATA / f"{label}.csv").read_text(encoding="utf-8"))
    assert len(drawn) >= 5
    missing = [v for v in drawn if round(v, 6) not in offered]
    assert missing == [], f"{label}: drawn but not in its CSV: {missing[:5]}"


def test_every_figure_and_table_of_the_chapters_has_its_data_and_provenance(edition_site, lang):
    cited = [json.loads(p.read_text(encoding="utf-8"))[0] for p in (edition_site / formats.FOLDER).glob("*.json")]
    labels = [i["id"] for i in cited if i["type"] in ("figure", "table")]
    assert len(labels) >= 40
    for label in labels:
        record = json.loads((edition_site / DATA / f"{label}.json").read_text(encoding="utf-8"))
        assert record["label"] == label and record["notebook"].startswith("notebooks/")
        assert record["parameters"] == (
            '# Parameters\nbahasa = "en"' if lang == "en" else "defaults: the notebook's parameters cell"
        )
        assert any(i["path"].startswith("data/") for i in record["inputs"])
        for item in record["inputs"]:
            assert item["sha256"] == hashlib.sha256((paths.ROOT / item["path"]).read_bytes()).hexdigest(), item
        assert len(pd.read_csv(edition_site / DATA / f"{label}.csv")) >= 1


def test_each_figure_and_table_links_its_data(edition_site):
    for page in sorted((edition_site / "notebooks").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        placed = soup.select("article figure[id], article table[id]")
        links = soup.select('.ekraf-data a[href$=".csv"]')
        assert len(links) == len(placed) >= 1, page.name
        for element, link in zip(placed, links, strict=True):
            assert link["href"].endswith(f"{DATA}/{element['id']}.csv"), (page.name, element["id"])
            assert (page.parent / link["href"]).resolve().is_file()
            if page.parent.name == "notebooks":  # a chapter's numbered figure or table: its citation beside it
                cites = [a["href"] for a in link.parent.select("a") if "_kutipan/" in a["href"]]
                assert [c.rsplit("/", 1)[1] for c in cites] == [f"{element['id']}.{e}" for e in ("bib", "ris", "json")]


def test_a_table_csv_holds_the_rows_and_columns_the_table_shows(edition_site):
    page = BeautifulSoup(
        (edition_site / "notebooks" / "07_tabel_rinci.html").read_text(encoding="utf-8"), "html.parser"
    )
    table = page.select_one("table#tbl-nilai")
    header = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    frame = pd.read_csv(edition_site / DATA / "tbl-nilai.csv", dtype=str)
    assert list(frame.columns) == header and len(frame) == len(table.select("tbody tr"))


def test_an_appendix_page_records_the_parameters_papermill_injected(edition_site, lang):
    """Provenance comes from the parameters papermill recorded in the executed notebook's metadata."""
    notebook = paths.NOTEBOOKS / ("en" if lang == "en" else "") / "lampiran" / "profil_fashion.ipynb"
    recorded = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["papermill"]["parameters"]
    assert recorded == {"subsektor": "Fashion", **({"bahasa": "en"} if lang == "en" else {})}
    record = json.loads((edition_site / DATA / "gbr-profil-fashion.json").read_text(encoding="utf-8"))
    assert record["parameters"].splitlines()[0] == "# Parameters"
    assert 'subsektor = "Fashion"' in record["parameters"].splitlines()
