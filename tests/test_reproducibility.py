"""Stable outputs: re-execution reproduces the committed notebooks, figures included, and builds are byte-identical.

The ``built_copy`` fixture runs `ekraf book` in a fresh copy of the project
(no manifest, no _build), which executes every notebook from the raw data.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import stability_support as stability
from conftest import ROOT, copy_project, tree_bytes

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
def test_two_checkouts_with_their_own_environments_build_the_same_bytes(fresh_checkout, tmp_path):
    """Issue 22. This checkout (built by `make test`) and a fresh one in a folder of another name and depth, set up
    and built by its own `make book pdf epub dist` (its own .venv): every file of _build/html, .buildinfo included,
    and the deposit archive are the same bytes. (Before: .buildinfo hashed the themes' absolute paths in each
    .venv, so the sites and the archive differed.) The PDFs and EPUBs are compared in test_pdf and test_epub."""
    from ekraf_repro.bookmaker.build import dist
    from ekraf_repro.bookmaker.files import sha256

    assert (fresh_checkout / ".venv" / "bin" / "python").exists()  # its own environment
    assert not (fresh_checkout / ".venv").is_symlink() and fresh_checkout.resolve() != ROOT.resolve()
    first, second = tree_bytes(ROOT / "_build" / "html"), tree_bytes(fresh_checkout / "_build" / "html")
    assert {"index.html", "id/.buildinfo", "en/.buildinfo", "id/book.pdf"} <= set(first) and len(first) > 50
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    mine = dist.build(out=tmp_path / "folder lain")
    theirs = sorted((fresh_checkout / "_build" / "dist").glob("*.zip"))
    assert [(p.name, sha256(p.read_bytes())) for p in theirs] == [(mine.name, sha256(mine.read_bytes()))]


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
