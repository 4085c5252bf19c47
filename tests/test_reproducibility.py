"""Stable outputs: re-execution reproduces the committed notebooks, figures included, and builds are byte-identical.

The ``built_copy`` fixture runs `ekraf book` in a fresh copy of the project
(no manifest, no _build), which executes every notebook from the raw data.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import stability_support as stability
from conftest import ROOT, built_editions, copy_project, run_cli, run_report, tree_bytes

from ekraf_repro.bookmaker import settings

NOTEBOOKS = sorted(p.relative_to(ROOT) for p in (ROOT / "notebooks").rglob("*.ipynb") if "templat" not in p.parts)


def test_every_committed_notebook_has_outputs():
    import json

    for rel in NOTEBOOKS:
        nb = json.loads((ROOT / rel).read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code and any(c.get("outputs") for c in code), rel
        kept = nb["metadata"].get("papermill", {})
        assert set(kept) <= {"parameters"}, f"{rel}: papermill metadata beyond its parameters (timestamps) committed"


@pytest.mark.slow
@pytest.mark.parametrize("rel", NOTEBOOKS, ids=str)
def test_figures_identical_after_reexecution(built_copy, rel):
    committed, fresh = ROOT / rel, built_copy / rel
    assert stability.compare(committed, fresh) == []


def test_the_figure_check_has_figures_to_compare():
    counts = {str(rel): len(stability.figure_hashes(ROOT / rel)) for rel in NOTEBOOKS}
    assert sum(counts.values()) >= 15 and all(
        counts[f"notebooks/lampiran/{p.name}"] == 1 for p in (ROOT / "notebooks" / "lampiran").glob("*.ipynb")
    ), counts


@pytest.mark.slow
def test_clean_execution_reproduces_committed_notebooks_byte_for_byte(built_copy):
    """The equivalent of `git status --porcelain` being empty after `make book` on a clean checkout."""
    changed = [str(rel) for rel in NOTEBOOKS if (ROOT / rel).read_bytes() != (built_copy / rel).read_bytes()]
    assert changed == []
    assert (
        sorted(
            p.relative_to(built_copy) for p in (built_copy / "notebooks").rglob("*.ipynb") if "templat" not in p.parts
        )
        == NOTEBOOKS
    )
    for page in ("data.md", "mengutip.md", "konkordansi.md", "glosarium.md"):
        generated = Path("book") / "_generated" / page
        assert (built_copy / generated).read_bytes() == (ROOT / generated).read_bytes(), page


@pytest.mark.slow
def test_two_clean_builds_in_differently_named_folders_are_byte_identical(built_copy, tmp_path):
    """A second clean build, in a folder with another name and another parent: the same bytes, .buildinfo included."""
    first = tree_bytes(built_copy / "_build" / "html")
    assert {"index.html", "id/.buildinfo", "en/.buildinfo"} <= set(first)  # both editions and the front door
    other = tmp_path / "folder-lain" / "salinan kedua"
    shutil.copytree(built_copy, other)
    assert other.name != built_copy.name and other.parent.name != built_copy.parent.name
    for item in (other / "_build").iterdir():  # a clean Sphinx build; the notebooks stay executed
        if item.name != ".ekraf":
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    assert not (other / "_build" / "editions").exists()  # no staged project, doctree or stamp of either edition
    result = run_cli(["book"], other)
    assert result.returncode == 0, result.stderr[-2000:]
    report = run_report(other)
    assert report["notebooks"]["executed"] == [] and built_editions(report) == list(settings.EDITIONS)
    second = tree_bytes(other / "_build" / "html")
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert len(first) > 50


@pytest.mark.slow
def test_checks_fail_when_one_number_changes(tmp_path):
    """Change Kriya 2018 in a copy's raw data: nbval and the figure check both fail, with readable differences."""
    copy = copy_project(tmp_path / "changed")
    raw = copy / "data" / "raw" / "tabel_1_1_ekspor_ekraf.csv"
    raw.write_text(raw.read_text(encoding="utf-8").replace("4.294.196,8", "4.394.196,8"), encoding="utf-8")
    nb = copy / "notebooks" / "01_pendahuluan.ipynb"
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    env_run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(nb),
            "--nbval",
            "--nbval-sanitize-with",
            str(copy / "tests" / "nbval_sanitize.cfg"),
            "-x",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        env=env,
    )
    assert env_run.returncode == 1, env_run.stdout[-3000:]
    # chapter 1 keeps the check of the paper's sentence, not the totals: a higher 2018 makes 2019 a fall, and the
    # difference reads as the two sentences, old and new
    assert "Kriya turun pada 2019, 2020, dan 2022 tetapi naik pada 2021" in env_run.stdout
    assert "Kriya turun pada 2020 dan 2022 tetapi naik pada 2019 dan 2021" in env_run.stdout
    fresh = tmp_path / "fresh.ipynb"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import papermill, sys; papermill.execute_notebook(sys.argv[1], sys.argv[2], cwd=sys.argv[3], "
                "progress_bar=False, kernel_name='python3')"
            ),
            str(nb),
            str(fresh),
            str(copy / "notebooks"),
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    problems = stability.compare(nb, fresh)
    assert problems and all("changed" in p for p in problems)
    levels = next(
        c["id"]
        for c in json.loads(nb.read_text())["cells"]
        if "gbr_nilai" in "".join(c["source"]) and c["cell_type"] == "code"
    )
    assert any(levels in p for p in problems)  # the levels figure
