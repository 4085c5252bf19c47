"""The papermill pipeline: incremental execution, atomic writes, parameter checks, reruns."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import built_editions, make_rule, run_cli, run_report, tree_bytes

from ekraf_repro import loader
from ekraf_repro.bookmaker import bench, settings
from ekraf_repro.bookmaker.run import execute, plan


@pytest.fixture
def work_copy(built_copy, tmp_path):
    """A fresh copy of the built project for each test that changes it (built_copy stays pristine),
    so no test depends on what another test did before it."""
    dest = tmp_path / "book"
    shutil.copytree(built_copy, dest)
    return dest


def executed(root) -> list[str]:
    """The notebooks the last `ekraf` command in ``root`` executed (its run report)."""
    return run_report(root)["notebooks"]["executed"]


def test_plan_lists_chapters_and_one_appendix_page_per_subsector(root):
    jobs, checked = plan.plan()
    names = [j.name for j in jobs]
    assert names[:7] == [
        f"notebooks/{n}"
        for n in [
            "01_pendahuluan.ipynb",
            "02_teori.ipynb",
            "03_metode.ipynb",
            "04_hasil.ipynb",
            "05_audit.ipynb",
            "06_penutup.ipynb",
            "07_tabel_rinci.ipynb",
        ]
    ]
    assert names[7:] == [
        f"notebooks/lampiran/profil_{s}.ipynb" for s in ["kriya", "kuliner", "musik", "fashion", "seni_rupa"]
    ]
    assert jobs[10].parameters == {"subsektor": "Fashion"}
    assert jobs[10].fill == {"subsektor": "Fesyen", "slug": "fashion"}
    assert checked.subsektor == "Kriya" and all(j.root == root for j in jobs)


def test_a_run_checks_and_loads_its_data_once(monkeypatch):
    from ekraf_repro import loader

    calls = []
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda *a, **k: calls.append(a) or real(*a, **k))
    jobs, _ = plan.plan({"subsektor": "Musik", "bahasa": "en"})
    assert len(calls) == 1 and len(jobs) == 12


def test_every_notebook_has_one_parameters_cell_hidden_from_the_book(root):
    for nb_path in plan.chapters() + [root / "notebooks" / plan.TEMPLATE]:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
        assert len(tagged) == 1, nb_path
        assert "hide-cell" in tagged[0]["metadata"]["tags"]
        assert nb["metadata"]["ekraf"]["reads"], nb_path


def test_declared_reads_exist(root):
    for job in plan.plan()[0]:
        for path in plan.reads(job):
            assert path.is_file(), (job.name, path)


@pytest.mark.slow
def test_second_build_executes_nothing_and_skips_sphinx(work_copy):
    result = run_cli(["book"], work_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    report = run_report(work_copy)
    assert len(report["notebooks"]["planned"]) == 24 and report["notebooks"]["executed"] == []  # 12 per edition
    assert [(b["project"], b["sphinx"]) for b in report["builds"]] == [
        (f"_build/editions/{lang}/source", False) for lang in settings.EDITIONS
    ]


@pytest.mark.slow
def test_touching_a_data_file_reexecutes_only_its_readers(work_copy):
    prinsip = work_copy / "data" / "coded" / "prinsip_permendagri.csv"
    prinsip.write_bytes(prinsip.read_bytes() + b"\n")  # same content for pandas, different bytes
    result = run_cli(["execute"], work_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    assert executed(work_copy) == ["notebooks/02_teori.ipynb", "notebooks/en/02_teori.ipynb"]

    konteks = work_copy / "data" / "konteks" / "konteks.csv"
    konteks.write_bytes(konteks.read_bytes() + b"\n")
    result = run_cli(["execute"], work_copy)
    readers = [
        "01_pendahuluan",
        "02_teori",
        "04_hasil",
        "05_audit",
        "06_penutup",
        "07_tabel_rinci",
    ]  # the audit's context
    assert executed(work_copy) == sorted(
        [f"notebooks/{n}.ipynb" for n in readers] + [f"notebooks/en/{n}.ipynb" for n in readers]
    )


def _append_sentence(root, lang: str, sentence: str) -> None:
    nb_path = root / "notebooks" / "03_metode.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    tag = settings.TAG.format(lang)
    md = next(c for c in nb["cells"] if c["cell_type"] == "markdown" and tag in c["metadata"].get("tags", []))
    md["source"] = "".join(md["source"]) + f"\n\n{sentence}"
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_editing_prose_in_one_language_rebuilds_only_that_editions_page(in_place, lang):
    """A prose edit in a built project (in its own folder: Sphinx keeps the folder in its environment, and a build
    in another re-reads every page) executes nothing, builds only the edited edition and re-reads only its page."""
    project, _ = in_place
    sentence = {"id": "Satu kalimat tambahan untuk pengujian.", "en": "One more sentence for the test."}[lang]
    _append_sentence(project, lang, sentence)
    result = run_cli(["book"], project)
    assert result.returncode == 0, result.stderr[-2000:]
    report = run_report(project)
    assert report["notebooks"]["executed"] == [] and built_editions(report) == [lang]
    assert [b["read"] for b in report["builds"] if b["sphinx"]] == [["notebooks/03_metode"]]
    site = project / "_build" / "html"
    assert sentence in (site / lang / "notebooks" / "03_metode.html").read_text(encoding="utf-8")
    assert sentence not in (site / settings.other(lang) / "notebooks" / "03_metode.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_cleared_outputs_are_reexecuted(work_copy):
    nb_path = work_copy / "notebooks" / "02_teori.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    nb_path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    run_cli(["execute"], work_copy)
    assert executed(work_copy) == ["notebooks/02_teori.ipynb"]


@pytest.mark.slow
def test_failed_execution_keeps_the_good_notebook_and_names_the_cell(built_copy, tmp_path):
    copy = tmp_path / "fail"
    shutil.copytree(built_copy, copy)
    nb_path = copy / "notebooks" / "02_teori.ipynb"
    before = nb_path.read_bytes()
    nb = json.loads(before)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    code[-1]["source"] = "raise RuntimeError('rusak dengan sengaja')"
    broken = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    nb_path.write_text(broken, encoding="utf-8")
    result = run_cli(["execute", "--jobs", "1"], copy)
    assert result.returncode == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("error: notebook execution failed: notebooks/02_teori.ipynb: cell ")
    assert "RuntimeError: rusak dengan sengaja" in line
    assert nb_path.read_text(encoding="utf-8") == broken  # not overwritten by the failed run
    assert not list((copy / "notebooks").glob(".*.running.ipynb"))


def _variant(tmp_path):
    """Tabel 1.1 (corrected) plus one more year and one more official subsector, made by a stated rule.

    The extra values are not data: 2023 repeats 2022, and 'Penerbitan' repeats Seni Rupa.
    """
    w = loader.load().pivot(index="subsektor", columns="tahun", values="nilai")
    w[2023] = w[2022]
    w.loc["Penerbitan"] = w.loc["Seni Rupa"]
    from ekraf_repro.idnum import fmt

    lines = ["Subsektor;" + ";".join(str(y) for y in w.columns)]
    lines += [f"{name};" + ";".join(fmt(v) for v in row) for name, row in w.iterrows()]
    path = tmp_path / "varian.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_rerun_variant_data_in_english(built_copy, tmp_path):
    guarded = {name: tree_bytes(built_copy / name) for name in ["notebooks", "data", "_build/html"]}
    data = _variant(tmp_path)
    out = tmp_path / "varian"
    result = run_cli(["rerun", "--data", str(data), "--param", "bahasa=en", "--out", str(out)], built_copy)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    html = out / "html"
    assert (html / "index.html").exists()
    chapter1 = (html / "notebooks" / "01_pendahuluan.html").read_text(encoding="utf-8")
    assert "2023" in chapter1 and "2018–2023" in chapter1
    assert "Subsector" in chapter1  # English table labels
    assert (html / "notebooks" / "lampiran" / "profil_penerbitan.html").exists()
    assert "Publishing" in (html / "notebooks/lampiran/profil_penerbitan.html").read_text(
        encoding="utf-8"
    )  # bahasa=en names it in English
    for name, before in guarded.items():
        assert tree_bytes(built_copy / name) == before, f"rerun changed {name}"


@pytest.mark.parametrize(
    "params,fragment",
    [
        (
            ["subsektor=Batik"],
            "parameter subsektor='Batik': not in the data; choose one of Kriya, Kuliner, Musik, Fashion, Seni Rupa",
        ),
        (["tahun_awal=2010"], "parameter tahun_awal=2010: outside the data's years 2018-2022"),
        (["tahun_awal=2022", "tahun_akhir=2019"], "tahun_awal must not come after tahun_akhir"),
        (
            ["tahun_awal=2020", "tahun_dasar=2018"],
            "parameter tahun_dasar=2018: must lie within tahun_awal-tahun_akhir (2020-2022)",
        ),
        (["bahasa=jv"], "parameter bahasa='jv': allowed values are id, en"),
        (
            ["warna=biru"],
            "unknown parameter 'warna'; allowed: data, subsektor, tahun_awal, tahun_akhir, tahun_dasar, bahasa",
        ),
    ],
)
@pytest.mark.slow
def test_bad_parameters_fail_in_one_line_and_change_nothing(built_copy, tmp_path, params, fragment):
    guarded = {name: tree_bytes(built_copy / name) for name in ["notebooks", "_build/html"]}
    args = ["rerun", "--out", str(tmp_path / "out")]
    for p in params:
        args += ["--param", p]
    result = run_cli(args, built_copy)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and fragment in result.stderr and "Traceback" not in result.stderr
    assert run_report(built_copy)["notebooks"]["planned"] == []  # checked before any plan, or any kernel
    for name, before in guarded.items():
        assert tree_bytes(built_copy / name) == before


@pytest.mark.slow
def test_bad_data_file_fails_before_any_kernel(built_copy, tmp_path):
    bad = tmp_path / "buruk.csv"
    bad.write_text("Subsektor;2018;2019\nKriya;1;-5\n", encoding="utf-8")
    result = run_cli(["rerun", "--data", str(bad), "--out", str(tmp_path / "o")], built_copy)
    assert result.returncode == 2
    assert "buruk.csv: line 2 (Kriya), column '2019': negative value '-5'" in result.stderr
    assert run_report(built_copy)["notebooks"]["executed"] == []


@pytest.mark.slow
def test_rerun_refuses_to_write_into_the_book(built_copy):
    result = run_cli(["rerun", "--out", str(built_copy / "notebooks")], built_copy)
    assert result.returncode == 2 and "must not be or contain notebooks" in result.stderr


def test_package_hash_covers_the_analysis_only(root, tmp_path):
    src = tmp_path / "ekraf_repro"
    shutil.copytree(root / "src" / "ekraf_repro", src, ignore=shutil.ignore_patterns("__pycache__"))
    before = plan.package_hash(src)
    assert before == plan.package_hash()
    (src / "bookmaker" / "build" / "book.py").write_text(
        (src / "bookmaker" / "build" / "book.py").read_text() + "\n# book machine change\n"
    )
    assert plan.package_hash(src) == before
    (src / "analysis.py").write_text((src / "analysis.py").read_text() + "\n# analysis change\n")
    assert plan.package_hash(src) != before


@pytest.mark.slow  # runs every notebook's code
@pytest.mark.parametrize("nb_path", plan.chapters() + [plan.paths.NOTEBOOKS / plan.TEMPLATE], ids=lambda p: p.name)
def test_declared_reads_match_what_the_code_reads(nb_path, monkeypatch):
    """Run a notebook's code in-process and compare the data files it opens with its ekraf.reads metadata."""
    from ekraf_repro import coded, paths

    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    monkeypatch.chdir(paths.NOTEBOOKS)
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    monkeypatch.setattr("myst_nb.glue", lambda *a, **k: None)
    coded._read.cache_clear()
    paths.READS.clear()
    namespace = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{nb_path.name}", "exec"), namespace)
    read = sorted(p.relative_to(paths.ROOT).as_posix() for p in paths.READS)
    assert read == sorted(nb["metadata"]["ekraf"]["reads"])


def _flaky_kernel_start(monkeypatch, failures: int):
    """A kernel that fails to start `failures` times (as when its port is taken), then starts."""
    from ekraf_repro.bookmaker.run import kernels

    calls = []
    real = kernels.WarmKernel._start_once

    def start_once(self):
        calls.append(self.cwd)
        if len(calls) <= failures:
            raise RuntimeError("Kernel died before replying to kernel_info (Address already in use)")
        real(self)

    monkeypatch.setattr(kernels.WarmKernel, "_start_once", start_once)
    return calls


@pytest.mark.slow  # executes a chapter
def test_kernel_start_failure_is_retried_once(root, tmp_path, monkeypatch):
    calls = _flaky_kernel_start(monkeypatch, failures=1)
    job = plan.Job(root / "notebooks" / "02_teori.ipynb", tmp_path / "02_teori.ipynb")
    execute.execute(job)
    assert len(calls) == 2 and job.target.exists()
    assert calls[0] == root / "notebooks"


def test_kernel_failing_twice_is_reported_and_writes_nothing(root, tmp_path, monkeypatch):
    calls = _flaky_kernel_start(monkeypatch, failures=2)
    target = tmp_path / "02_teori.ipynb"
    target.write_text("good notebook", encoding="utf-8")
    job = plan.Job(root / "notebooks" / "02_teori.ipynb", target)
    with pytest.raises(execute.ExecutionFailed, match="kernel failed twice: RuntimeError"):
        execute.execute(job)
    assert len(calls) == 2
    assert target.read_text(encoding="utf-8") == "good notebook"
    assert list(tmp_path.iterdir()) == [target]


def _tiny(path: Path, *sources: str) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
    nbformat.write(nb, path)
    return path


@pytest.mark.slow  # starts a kernel
def test_a_warm_kernel_forgets_the_previous_notebook(root, tmp_path):
    """Variables, open figures, Matplotlib settings and the working directory do not leak between notebooks."""
    from ekraf_repro.bookmaker.run.kernels import WarmKernel

    first = _tiny(
        tmp_path / "a.ipynb",
        "x = 1\nimport matplotlib, matplotlib.pyplot as plt, os\n"
        "matplotlib.rcParams['lines.linewidth'] = 9\nplt.figure()\nos.chdir('/')",
    )
    _tiny(
        tmp_path / "b.ipynb",
        "import matplotlib, matplotlib.pyplot as plt, os, pathlib\n"
        "print('x' in dir(), matplotlib.rcParams['lines.linewidth'], len(plt.get_fignums()),\n"
        "      pathlib.Path.cwd().name)",
    )
    kernel = WarmKernel(root / "notebooks")
    try:
        for name in ("a", "b"):
            execute.execute(plan.Job(tmp_path / f"{name}.ipynb", tmp_path / "out" / f"{name}.ipynb"), kernel)
    finally:
        kernel.close()
    out = "".join(json.loads((tmp_path / "out" / "b.ipynb").read_text())["cells"][0]["outputs"][0]["text"])
    fresh_width = out.split()[1]
    assert out.split()[0] == "False" and out.split()[2] == "0" and out.split()[3] == "notebooks", out
    assert fresh_width != "9.0", out
    assert json.loads((tmp_path / "out" / "b.ipynb").read_text())["cells"][0]["execution_count"] == 1
    assert first.exists()


@pytest.mark.slow  # executes three chapters
def test_a_warm_kernel_gives_the_bytes_of_a_fresh_one(root, tmp_path):
    """Chapter 1 executed after chapter 5 in one kernel equals chapter 1 executed alone."""
    from ekraf_repro.bookmaker.run.kernels import WarmKernel

    kernel = WarmKernel(root / "notebooks")
    try:
        for name in ("05_audit", "01_pendahuluan"):
            execute.execute(plan.Job(root / "notebooks" / f"{name}.ipynb", tmp_path / "warm" / f"{name}.ipynb"), kernel)
    finally:
        kernel.close()
    alone = plan.Job(root / "notebooks" / "01_pendahuluan.ipynb", tmp_path / "alone" / "01_pendahuluan.ipynb")
    execute.execute(alone)
    assert (tmp_path / "warm" / "01_pendahuluan.ipynb").read_bytes() == alone.target.read_bytes()
    assert alone.target.read_bytes() == (root / "notebooks" / "01_pendahuluan.ipynb").read_bytes()


def _conditional_notebook(path, corrected: bool):
    """A notebook that recorded the condition ``koreksi`` and has one passage for each case."""
    import nbformat

    from ekraf_repro.notebook import CONDITION

    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("bab.condition('koreksi', ...)")
    code.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/plain": repr("ya" if corrected else "tidak")},
            metadata={"scrapbook": {"name": CONDITION + "koreksi"}},
        )
    ]
    yes = nbformat.v4.new_markdown_cell("Satu sel dikoreksi.", metadata={"tags": ["jika:koreksi"]})
    no = nbformat.v4.new_markdown_cell("Tidak ada sel yang dikoreksi.", metadata={"tags": ["jika-tidak:koreksi"]})
    always = nbformat.v4.new_markdown_cell("Selalu tampil.")
    nb.cells = [code, yes, no, always]
    nbformat.write(nb, path)


@pytest.mark.parametrize("corrected", [True, False])
def test_conditional_passages_are_hidden_not_deleted(tmp_path, corrected):
    path = tmp_path / "nb.ipynb"
    _conditional_notebook(path, corrected)
    execute.clean(path)
    cells = json.loads(path.read_text())["cells"]
    shown = ["".join(c["source"]) for c in cells[1:] if execute.shown(c)]
    expected = "Satu sel dikoreksi." if corrected else "Tidak ada sel yang dikoreksi."
    assert shown == [expected, "Selalu tampil."]
    assert len(cells) == 4, "both passages stay in the notebook for the next run"

    # The same notebook run again on the other data shows the other passage.
    nb = json.loads(path.read_text())
    nb["cells"][0]["outputs"][0]["data"]["application/papermill.record/text/plain"] = repr(
        "tidak" if corrected else "ya"
    )
    path.write_text(json.dumps(nb))
    execute.clean(path)
    cells = json.loads(path.read_text())["cells"]
    assert ["".join(c["source"]) for c in cells[1:3] if execute.shown(c)] == (
        ["Tidak ada sel yang dikoreksi."] if corrected else ["Satu sel dikoreksi."]
    )


def test_bench_value_edit_always_changes_the_data(tmp_path):
    """The bench's "one value changed" case must change a value in every run (it once rewrote 28.602,7 as itself)."""
    from ekraf_repro.bookmaker import bench

    for n in range(1, 120):
        copy = tmp_path / f"r{n}"
        (copy / bench.RAW).parent.mkdir(parents=True)
        shutil.copy(plan.paths.ROOT / bench.RAW, copy / bench.RAW)
        before = (copy / bench.RAW).read_text(encoding="utf-8")
        value = bench.edit_value(copy, n)
        after = (copy / bench.RAW).read_text(encoding="utf-8")
        assert after != before and value in after and bench.EDITED_CELL not in after


def _report(executed=(), copied=(), builds=()) -> dict:
    """A run report as `ekraf` writes it (bookmaker/report.py): ``builds`` as (edition, pages read)."""
    builds = [
        {"project": f"_build/editions/{e}/source", "builder": "html", "sphinx": True, "read": r} for e, r in builds
    ]
    return {"notebooks": {"executed": sorted(executed), "copied": sorted(copied)}, "builds": builds}


def test_bench_cases_prove_what_they_executed(root):
    """Each bench case names the notebooks it must execute and the editions Sphinx must build, and reads the run
    report; a run that executes or builds others fails the case."""
    from ekraf_repro.bookmaker import bench

    readers = bench.table_readers()
    assert "notebooks/01_pendahuluan.ipynb" in readers and "notebooks/02_teori.ipynb" not in readers
    first = ["notebooks/01_pendahuluan.ipynb"]
    bench.expect("4", _report(first, builds=[("id", ["notebooks/01_pendahuluan"])]), first, sphinx=True)
    with pytest.raises(bench.CaseFailed, match="expected to execute"):
        bench.expect("4", _report(builds=[("id", [])]), readers, sphinx=True)
    with pytest.raises(bench.CaseFailed, match=r"Sphinx built \('id',\); expected False"):
        bench.expect("2", _report(builds=[("id", [])]), [], sphinx=False)
    # a prose edit in one language: only that edition is built, and Sphinx reads one page
    one = _report(builds=[("en", ["notebooks/03_metode"])])
    bench.expect("3b", one, [], sphinx=("en",), read=1)
    with pytest.raises(bench.CaseFailed, match=r"Sphinx built \('en',\); expected \('id',\)"):
        bench.expect("3a", one, [], sphinx=("id",), read=1)
    with pytest.raises(bench.CaseFailed, match=r"Sphinx read \[19\] pages; expected 1"):
        bench.expect("3b", _report(builds=[("en", [f"p{k}" for k in range(19)])]), [], sphinx=("en",), read=1)
    assert bench.both(first) == ["notebooks/01_pendahuluan.ipynb", "notebooks/en/01_pendahuluan.ipynb"]


def test_bench_sweep_case_checks_what_was_executed_and_copied():
    from ekraf_repro.bookmaker import bench

    done = _report([f"x{k}" for k in range(28)], [f"y{k}" for k in range(32)], [("v", [])] * 5)
    bench.expect_sweep("6", done, 5, 12, 4)  # 4 subsector readers x 5 + 8 others = 28; 60 - 28 copied
    done["notebooks"]["executed"].pop()
    with pytest.raises(bench.CaseFailed, match="executed 27, copied 32"):
        bench.expect_sweep("6", done, 5, 12, 4)


def _prerequisites(target: str) -> set[str]:
    return make_rule(target)[0]


def test_make_bench_sets_up_what_make_test_needs():
    """`make bench` from any state (a fresh clone, after `make book` alone): its last tier is `make test` itself,
    run in a copy without build output, which builds the books, PDFs and EPUBs it tests; bench sets up first
    everything `make test` sets up (the copy links the lab's environment)."""
    assert _prerequisites("test") <= _prerequisites("bench")
    assert {"setup", "system-deps", "$(LABENV)"} <= _prerequisites("bench")


@pytest.mark.parametrize(
    "target, summary, ok",
    [
        ("check", "===== 812 passed in 95.20s =====", True),  # workers report no deselection
        ("check", "===== 812 passed, 301 deselected in 95.20s (0:01:35) =====", True),
        ("test", "===== 1113 passed, 1 xfailed, 4 warnings in 1900.10s (0:31:40) =====", True),
        ("check", "===== 1113 passed in 95.20s =====", False),  # the slow tier ran too
        ("check", "===== 800 passed in 95.20s =====", False),  # not the whole fast tier
        ("check", "===== 811 passed, 1 skipped in 95.20s =====", False),
        ("test", "===== 1100 passed, 13 skipped in 1900.10s =====", False),  # not everything
        ("test", "===== 1100 passed, 301 deselected in 1900.10s =====", False),
        ("test", "===== 1 failed, 1100 passed in 1900.10s =====", False),
        ("test", "no tests ran", False),
    ],
)
def test_bench_tiers_prove_what_they_ran(monkeypatch, tmp_path, target, summary, ok):
    monkeypatch.setattr(bench, "_run", lambda cmd, root, **env: (1.5, f"...\n{summary}\n"))
    fast = 812 if target == "check" else None
    if ok:
        assert bench._tier("t", tmp_path, target, fast) == 1.5
    else:
        with pytest.raises(bench.CaseFailed, match="pytest's summary is"):
            bench._tier("t", tmp_path, target, fast)


@pytest.mark.parametrize(
    "listing, fast",
    [("449/763 tests collected (314 deselected) in 4.50s", 449), ("763 tests collected in 4.50s", None)],
)
def test_the_bench_counts_the_fast_tier_and_proves_it_leaves_tests_out(monkeypatch, tmp_path, listing, fast):
    monkeypatch.setattr(bench, "_run", lambda cmd, root, **env: (0.1, f"tests/test_a.py::t\n\n{listing}\n"))
    if fast:
        assert bench.fast_tests("7", tmp_path) == fast
    else:
        with pytest.raises(bench.CaseFailed, match="does not set the slow tests apart"):
            bench.fast_tests("7", tmp_path)


def test_the_fast_tier_spreads_over_every_core():
    """`make check` runs its tests on every core (pytest-xdist): the bench's 0.75x target needs both cores of a
    two-core machine."""
    (recipe,) = make_rule("check")[1]
    assert '-m "not slow"' in recipe and re.search(r"(^| )-n auto( |$)", recipe), recipe


def test_the_whole_suite_spreads_over_every_core_in_groups():
    """`make test` runs on every core too, each test file in one worker (`--dist loadfile`), so that its module and
    session fixtures are made once; the files sharing a whole-project build share a worker (conftest's scheduler)."""
    recipe = make_rule("test")[1][-1]
    assert recipe.startswith("$(PY) -m pytest"), recipe
    assert re.search(r"(^| )-n auto( |$)", recipe) and "--dist loadfile" in recipe, recipe


def test_files_that_share_a_whole_project_build_share_a_worker():
    from conftest import worker_groups

    def item(nodeid: str, *fixtures: str):
        return SimpleNamespace(nodeid=nodeid, fixturenames=fixtures)

    items = [
        item("tests/test_b.py::one", "fresh_checkout"),
        item("tests/test_c.py::two", "built_copy", "fresh_checkout"),  # joins built_copy's users to the checkout's
        item("tests/test_d.py::three", "built_copy"),
        item("tests/test_d.py::four"),
        item("tests/test_e.py::five", "root"),
        item("notebooks/a.ipynb::Cell 0"),
        item("notebooks/en/a.ipynb::Cell 0"),
    ]
    assert worker_groups(items) == {
        "tests/test_b.py": "tests/test_b.py",
        "tests/test_c.py": "tests/test_b.py",
        "tests/test_d.py": "tests/test_b.py",
        "tests/test_e.py": "tests/test_e.py",
        "notebooks/a.ipynb": "notebooks/a.ipynb",
        "notebooks/en/a.ipynb": "notebooks/en/a.ipynb",
    }


def test_the_scheduler_keeps_a_file_in_one_worker_and_the_shared_builds_together():
    from conftest import SHARED_FILES, SharedBuildsTogether

    scope = SharedBuildsTogether._split_scope
    assert (
        scope(None, "tests/test_lab.py::test_a[id-01]")
        == scope(None, "tests/test_lab.py::test_b")
        == "tests/test_lab.py"
    )
    assert scope(None, "notebooks/en/02_teori.ipynb::Cell 3") == "notebooks/en/02_teori.ipynb"
    assert {scope(None, f"{f}::test_x") for f in SHARED_FILES} == {"shared builds"}


_SHARED_NOW = """
import json, sys
import pytest
class Report:
    def pytest_collection_finish(self, session):
        from conftest import worker_groups
        groups = worker_groups(session.items)
        shared = sorted(f for f, g in groups.items() if list(groups.values()).count(g) > 1)
        print("SHARED", json.dumps({"items": len(session.items), "shared": shared}))
pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider"], plugins=[Report()])
"""


@pytest.mark.slow
def test_the_list_of_files_sharing_a_build_is_what_the_collection_shows():
    """conftest's SHARED_FILES, which the scheduler reads, are exactly the files whose tests share a whole-project
    build, in a collection of the whole suite."""
    from conftest import ROOT, SHARED_FILES

    out = subprocess.run([sys.executable, "-c", _SHARED_NOW], cwd=ROOT, capture_output=True, text=True).stdout
    found = json.loads(next(line for line in out.splitlines() if line.startswith("SHARED "))[7:])
    assert found["items"] > 800 and found["shared"] == sorted(SHARED_FILES)


# --------------------------------------------------------------------------- incremental == clean (issue 17)


def _dead_links(site: Path) -> list[str]:
    """Every relative link and image of every page of ``site`` that names no file, or no element with its #id."""
    from bs4 import BeautifulSoup

    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            ids[page] = {t["id"] for t in soup.select("[id]")} | {t["name"] for t in soup.select("a[name]")}
        return ids[page]

    dead = []
    for page in sorted(site.rglob("*.html")):
        if any(part.startswith("_") for part in page.relative_to(site).parts):  # theme templates in _static
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or re.match(r"^[a-z]+:", url):
                    continue
                path, _, frag = url.partition("#")
                target = (page.parent / path.partition("?")[0]).resolve() if path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    dead.append(f"{page.relative_to(site)}: {url}")
                elif frag and target.suffix == ".html" and frag not in anchors(target):
                    dead.append(f"{page.relative_to(site)}: {url} (no #{frag})")
    return dead


@pytest.mark.slow
def test_make_book_alone_leaves_no_dead_link(built_copy):
    """`make book` alone (no PDF yet): the landing pages point to how a PDF is made, and every link resolves."""
    site = built_copy / "_build" / "html"
    assert not list(site.rglob("book.pdf"))
    for lang in settings.EDITIONS:
        landing = (site / lang / "book" / "index.html").read_text(encoding="utf-8")
        assert 'class="ekraf-no-pdf"' in landing and "book.pdf" not in landing
        assert 'href="menjalankan-ulang.html#menjalankan-ulang-pdf"' in landing
    assert len(list(site.rglob("*.html"))) > 40
    assert _dead_links(site) == []


def test_the_dead_link_check_finds_dead_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="ada"><a href="../book.pdf">PDF</a> <a href="#ada">x</a> <a href="#tiada">y</a>'
        ' <img src="gambar.png"> <a href="https://example.org/">z</a></p>',
        encoding="utf-8",
    )
    assert _dead_links(tmp_path) == [
        "a/index.html: ../book.pdf",
        "a/index.html: #tiada (no #tiada)",
        "a/index.html: gambar.png",
    ]


def test_prune_removes_what_no_clean_build_would_make(tmp_path):
    from ekraf_repro.bookmaker.build import book

    source, html = tmp_path / "source", tmp_path / "html"
    for rel in ("book/index.md", "notebooks/01_bab.ipynb"):
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_text("x", encoding="utf-8")
    files = {
        "index.html": '<a href="book/index.html">',
        "search.html": "",
        "book/index.html": '<img src="../_images/baru.png"><a href="../_downloads/ab/data.csv">',
        "notebooks/01_bab.html": '<a href="../_sources/notebooks/01_bab.ipynb">',
        "notebooks/02_lama.html": '<img src="../_images/lama2.png">',  # its source is gone
        "_images/baru.png": "",
        "_images/lama.png": "",  # an earlier state's figure
        "_downloads/ab/data.csv": "",
        "_downloads/cd/lama.csv": "",
        "_sources/notebooks/01_bab.ipynb": "",
        "_sources/notebooks/02_lama.ipynb": "",
        "_images/lama2.png": "",
        "_static/gaya.css": "",
    }
    for rel, text in files.items():
        (html / rel).parent.mkdir(parents=True, exist_ok=True)
        (html / rel).write_text(text, encoding="utf-8")
    removed = book.prune(html, source)
    assert removed == [
        "_downloads/cd/lama.csv",
        "_images/lama.png",
        "_images/lama2.png",
        "_sources/notebooks/02_lama.ipynb",
        "notebooks/02_lama.html",
    ]
    assert not (html / "_downloads" / "cd").exists()  # no empty folder left
    assert book.prune(html, source) == []


@pytest.mark.slow
def test_an_incremental_build_equals_a_clean_build(built_copy, work_copy):
    """Edit the data (a value changed, a subsector dropped), build, revert, build: the site is, file by file,
    the site a clean build of the same sources makes (built_copy's), and the intermediate site holds nothing
    that its own sources do not make."""
    from ekraf_repro.bookmaker import bench

    raw = work_copy / bench.RAW
    original = raw.read_bytes()
    bench.edit_value(work_copy, 7)
    raw.write_text(
        "".join(line for line in raw.read_text(encoding="utf-8").splitlines(True) if not line.startswith("Musik;")),
        encoding="utf-8",
    )
    result = run_cli(["book"], work_copy)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    site = work_copy / "_build" / "html"
    pruned = [p for b in run_report(work_copy)["builds"] for p in b["pruned"]]
    assert "notebooks/lampiran/profil_musik.html" in pruned and any(p.startswith("_images/") for p in pruned)
    for lang in settings.EDITIONS:
        assert not (site / lang / "notebooks" / "lampiran" / "profil_musik.html").exists()
        pages = " ".join(p.read_text(encoding="utf-8") for p in (site / lang).rglob("*.html"))
        unused = [p.name for p in (site / lang / "_images").iterdir() if p.name not in pages]
        assert unused == []
        search = (site / lang / "searchindex.js").read_text(encoding="utf-8")
        assert "profil_musik" not in search
    assert _dead_links(site) == []

    raw.write_bytes(original)
    result = run_cli(["book"], work_copy)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    clean, incremental = tree_bytes(built_copy / "_build" / "html"), tree_bytes(site)
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if clean[name] != incremental[name]] == []


def _every_page(root) -> dict[str, list[str]]:
    """Every page of each edition's staged project, as Sphinx names them."""
    found = {}
    for lang in settings.EDITIONS:
        source = root / "_build" / "editions" / lang / "source"
        found[lang] = sorted(p.relative_to(source).with_suffix("").as_posix() for p in source.rglob("*.md"))
        found[lang] += sorted(
            p.relative_to(source).with_suffix("").as_posix() for p in (source / "notebooks").rglob("*.ipynb")
        )
    return {lang: sorted(pages) for lang, pages in found.items()}


def _read(root) -> dict[str, list[str]]:
    return {b["project"].split("/")[2]: b["read"] for b in run_report(root)["builds"] if b["sphinx"]}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: pick another edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _clean_render(root: Path, langs) -> dict:
    """The site a clean build of ``root``'s sources makes: each of ``langs``' staged project, environment and site
    removed and rendered again (the notebooks stay as executed)."""
    for lang in langs:
        shutil.rmtree(root / "_build" / "editions" / lang)
        shutil.rmtree(root / "_build" / "html" / lang)
    result = run_cli(["render"], root)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert built_editions(run_report(root)) == list(langs)
    return tree_bytes(root / "_build" / "html")


_SRC = Path("src") / "ekraf_repro"
BOTH = settings.EDITIONS
# kind of edit -> (the edit, the editions it changes, a page it must change, a text that page then holds, the pages
# Sphinx must read: "all" (every page of those editions), a list, or None when the data decide)
EDITS = {
    "notebook prose": (
        lambda r: _append_sentence(r, "id", "Satu kalimat tambahan untuk pengujian."),
        ("id",), "id/notebooks/03_metode.html", "Satu kalimat tambahan untuk pengujian.", ["notebooks/03_metode"],
    ),
    "data": (lambda r: bench.edit_value(r, 3), BOTH, "id/notebooks/lampiran/profil_seni_rupa.html", "28.703,7", None),
    "analysis module": (  # a module of the analysis that the book machine imports too (the bibliography's months)
        lambda r: _edit(r / _SRC / "tanggal.py", '"November",', '"Nopember",'),
        BOTH, "id/book/bibliografi.html", "Nopember", "all",
    ),
    "book-machine module": (  # a module that no list names: the cite box's markup
        lambda r: _edit(r / _SRC / "bookmaker/sphinxext/citations.py", '"ekraf-cite-title"', '"ekraf-cite-title uji"'),
        BOTH, "en/notebooks/02_teori.html", 'class="ekraf-cite-title uji"', "all",
    ),
    "catalogue": (
        lambda r: _edit(r / "book/_locale/id/LC_MESSAGES/sphinx.po", '"Kutip bab ini"', '"Kutip bab ini (uji)"'),
        ("id",), "id/notebooks/04_hasil.html", "Kutip bab ini (uji)", "all",
    ),
    "configuration": (  # a part's caption: in the sidebar of every page, whose sources did not change
        lambda r: _edit(r / "_config.en.yml", '"Lampiran": "Appendix"', '"Lampiran": "Appendices"'),
        ("en",), "en/notebooks/01_pendahuluan.html", "Appendices", "all",
    ),
    "lock file": (  # Sphinx starts (the stamp holds the lock) and reads no page: what is installed did not change;
        # the lock itself is in each edition's notebook download, which changes
        lambda r: _edit(r / "uv.lock", "\n[[package]]", "\n# uji\n[[package]]"),
        BOTH, None, None, [],
    ),
}  # fmt: skip


@pytest.fixture
def in_place(built_copy, tmp_path):
    """A copy of the built project in built_copy's own folder (the pristine one parked meanwhile): Sphinx's
    environment holds its folder, and a build in another folder would re-read every page whatever changed."""
    parked = tmp_path / "parked"
    shutil.copytree(built_copy, tmp_path / "copy", symlinks=True)
    built_copy.rename(parked)
    (tmp_path / "copy").rename(built_copy)
    try:
        yield built_copy, parked
    finally:
        shutil.rmtree(built_copy)
        parked.rename(built_copy)


@pytest.mark.slow
@pytest.mark.parametrize("kind", EDITS)
def test_an_incremental_build_equals_a_clean_build_after_each_kind_of_edit(in_place, kind):
    """Issue 22. One edit of each kind to a built project, then `ekraf book`: Sphinx reads what the edit shapes (the
    lists of what shapes a page are derived, not kept) and the site equals, file by file, a clean build of the edited
    sources (the editions the edit changes rendered from nothing; the others as pristine's clean build)."""
    project, pristine = in_place
    edit, langs, page, text, reads = EDITS[kind]
    edit(project)
    result = run_cli(["book"], project)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    report, every = run_report(project), _every_page(project)
    started = sorted(b["project"].split("/")[2] for b in report["builds"] if b["sphinx"])
    assert started == sorted(langs or BOTH)  # the lock file is in the build stamp
    if reads is not None:
        assert _read(project) == {lang: every[lang] if reads == "all" else reads for lang in langs or BOTH}
    incremental, original = tree_bytes(project / "_build" / "html"), tree_bytes(pristine / "_build" / "html")
    if page:
        assert incremental[page] != original[page] and text in incremental[page].decode("utf-8")
    clean = _clean_render(project, langs)
    for name in original:  # what the edit does not change is pristine's clean build
        if name.split("/")[0] not in langs:
            assert clean[name] == original[name], name
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if clean[name] != incremental[name]] == []


@pytest.mark.slow
def test_force_executes_and_builds_every_page_again(built_copy, work_copy):
    """`ekraf book --force`: every notebook executed and every page of both editions read by Sphinx again, though
    nothing changed; the site is the clean build's, file by file."""
    result = run_cli(["book", "--force"], work_copy)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert len(executed(work_copy)) == 24
    assert _read(work_copy) == _every_page(work_copy)
    assert tree_bytes(work_copy / "_build" / "html") == tree_bytes(built_copy / "_build" / "html")
