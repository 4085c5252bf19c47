"""Issue 20: chapter 6 weighs and does not score, and the main reading path holds no more of Tabel 1.1's analysis
than the paper's one use of it. Each rule is shown to catch a planted violation."""

import copy
import json

import pytest
import weight_support as ws

from ekraf_repro import audit, paths
from ekraf_repro.chapters import bobot

CH6 = {"id": paths.NOTEBOOKS / "06_penutup.ipynb", "en": paths.NOTEBOOKS / "en" / "06_penutup.ipynb"}


def _nb(path):
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- chapter 6 weighs; it does not score


@pytest.mark.parametrize("lang", ["id", "en"])
def test_chapter_6_has_no_status_counts_status_tables_or_status_figure(lang):
    nb = _nb(CH6[lang])
    assert ws.chapter6_slips(nb, lang) == []
    # what it does hold: the paper's questions as its sections, and one table of outside evidence by date
    text = "\n".join(ws.shown_markdown(nb, lang))
    for label in ("penutup-kerja-sama", "penutup-perusahaan", "penutup-kendala", "penutup-upaya", "penutup-hasil"):
        assert f"({label})=" in text
    assert [k for k, v in ws.glued(nb).items() if v["markdown"] or v["image"]] == ["tbl_bukti_luar"]


def test_chapter_6_code_never_counts_or_groups_statements_by_status(monkeypatch):
    """The chapter's glue and table functions run without asking the audit for counts or status groups."""

    def refuse(*a, **k):
        raise AssertionError("chapter 6 asked the audit to count or group statements by status")

    monkeypatch.setattr(audit.Audit, "counts", refuse)
    monkeypatch.setattr(audit.Audit, "ids_with", refuse)
    out = ws.outputs(CH6["id"])
    assert "tbl_bukti_luar" in out and "st_k18" in out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_planted_scorecard_in_chapter_6_is_caught(lang):
    nb = _nb(CH6[lang])
    status = audit.status_name("tidak_dapat", lang)
    planted = copy.deepcopy(nb)
    source = {
        "id": f"## Pernyataan yang {status}\n\nHanya lima dari dua puluh lima pernyataan bertahan.",
        "en": f"## Statements: {status}\n\nOnly five of the twenty-five statements hold.",
    }[lang]
    planted["cells"].append({"cell_type": "markdown", "metadata": {"tags": [f"jika:bahasa_{lang}"]}, "source": source})
    table = {
        "output_type": "display_data",
        "metadata": {"scrapbook": {"name": "tbl_status_kelompok"}, "ekraf": {"data": "No.,Status\nk06," + status}},
        "data": {ws.PREFIX + "text/markdown": f"| No. | Status |\n|--|--|\n| k06 | {status} |"},
    }
    figure = {
        "output_type": "display_data",
        "metadata": {"scrapbook": {"name": "gbr_status"}, "ekraf": {"data": "id,bagian,status\nk06,A,tidak_dapat"}},
        "data": {ws.PREFIX + "image/png": "iVBOR"},
    }
    planted["cells"].append({"cell_type": "code", "metadata": {}, "source": "", "outputs": [table, figure]})
    slips = ws.chapter6_slips(planted, lang)
    assert any(s.startswith("heading or caption names a status") for s in slips), slips
    assert any(s.startswith("count of statuses") for s in slips), slips
    assert any("tbl_status_kelompok" in s for s in slips) and any(s == "figure of statuses: gbr_status" for s in slips)


def test_the_previous_chapter_6_would_fail():
    """The chapter 6 of the previous edition (tables by status, a count of open statements) is what the rule forbids."""
    old = {
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {"tags": ["jika:bahasa_id"]},
                "source": "(penutup-terbuka)=\n## Apa yang dibiarkan tanpa dukungan\n\nDari dua puluh pernyataan yang "
                "diaudit, sebelas tidak dapat diputuskan.\n\n:::{table} Pernyataan makalah yang tidak didukung "
                "rujukannya atau tidak dapat kami periksa\n:name: tbl-terbuka\n:::",
            }
        ]
    }
    slips = ws.chapter6_slips(old, "id")
    assert any("count of statuses: dua puluh pernyataan" == s for s in slips)
    assert any(s.startswith("heading or caption names a status: :::{table}") for s in slips)


# --------------------------------------------------------------------------- Tabel 1.1's weight on the main path


@pytest.mark.slow
@pytest.mark.parametrize("name", bobot.MAIN_PATH)
def test_the_main_reading_path_holds_no_more_of_the_tables_analysis_than_the_papers_use(name):
    derived = ws.derived_from_table(paths.NOTEBOOKS / f"{name}.ipynb")
    extra = sorted(derived - bobot.allowed(name))
    assert extra == [], f"{name}: outputs computed from Tabel 1.1 beyond the paper's use of it: {extra}"


@pytest.mark.slow
def test_the_appendix_chapter_holds_the_rest_of_the_analysis():
    """The probe sees the analysis where it now is (so a clean main path means something)."""
    derived = ws.derived_from_table(paths.NOTEBOOKS / f"{bobot.APPENDIX}.ipynb")
    for key in ("tbl_nilai", "tbl_perubahan", "gbr_perubahan", "tbl_cagr", "tbl_pangsa", "tbl_indeks", "tbl_sel"):
        assert key in derived, key
    assert not derived & {"tbl_tercetak", "tbl_cek_turun"}


@pytest.mark.slow
def test_a_planted_extra_table_on_the_main_path_fails():
    nb = _nb(paths.NOTEBOOKS / "01_pendahuluan.ipynb")
    cells = nb["cells"] + [
        {
            "cell_type": "code",
            "metadata": {},
            "source": "from ekraf_repro.chapters import rinci\nbab.table('tbl_perubahan', rinci.changes)\n"
            "bab.glue(lambda b, lang: {'total_cagr': rinci.glues(b, lang)['total_cagr']})",
            "outputs": [],
        }
    ]
    derived = ws.derived_from_table(paths.NOTEBOOKS / "01_pendahuluan.ipynb", cells)
    assert {"tbl_perubahan", "total_cagr"} <= derived - bobot.allowed("01_pendahuluan")
