"""`make bench`: time the pipeline against plain Jupyter Book, on a temporary copy of the project.

Every case runs RUNS times (default 5) in one session, interleaved where it
matters, and the median is reported with its ratio to the baseline (plain
`jupyter-book build . --all` with `execute_notebooks: force` on the same
notebooks). The report also names the floor: one kernel start, and Sphinx
writing the unchanged book. The table is printed and written to
`_build/bench/bench.md` (and `.json`), so two runs can be compared.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import paths

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", "node_modules")
TEST_PARTS = {
    "unit": ["tests/test_loader.py", "tests/test_analysis.py", "tests/test_params.py", "tests/test_datapackage.py",
             "tests/test_citation.py"],
    "nbval": ["notebooks"],
    "build": ["tests/test_pipeline.py", "tests/test_reproducibility.py"],
    "browser": ["tests/test_browser.py"],
    "pdf": ["tests/test_pdf.py"],
}


def _env(root: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONHASHSEED": "0"}


def _run(cmd, root: Path) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, cwd=root, env=_env(root), capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def _ekraf(*args) -> list[str]:
    return [sys.executable, "-m", "ekraf_repro.bookmaker.cli", *args]


def _fresh_copy(base: Path, name: str) -> Path:
    dest = base / name
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(paths.ROOT, dest, ignore=IGNORE)
    if (paths.ROOT / "node_modules").exists():
        os.symlink(paths.ROOT / "node_modules", dest / "node_modules")
    return dest


def _baseline_copy(base: Path) -> Path:
    dest = _fresh_copy(base, "baseline")
    cfg = dest / "_config.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('execute_notebooks: "off"', "execute_notebooks: force"),
                   encoding="utf-8")
    return dest


def kernel_start() -> float:
    """Seconds to start one python3 kernel and get its first reply."""
    from jupyter_client.manager import start_new_kernel

    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    elapsed = time.perf_counter() - t0
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return elapsed


def _edit_sentence(root: Path, n: int) -> None:
    nb_path = root / "notebooks" / "03_metode.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    md = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    md["source"] = "".join(md["source"]) + f"\n\nKalimat uji nomor {n}."
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _edit_value(root: Path, n: int) -> None:
    raw = root / "data" / "raw" / "tabel_1_1_ekspor_ekraf.csv"
    text = raw.read_text(encoding="utf-8")
    raw.write_text(text.replace("28.602,7", f"28.60{n % 10},7", 1) if n else text, encoding="utf-8")


def run(runs: int = 5, with_tests: bool = True) -> str:
    work = Path(tempfile.mkdtemp(prefix="ekraf-bench-"))
    times: dict[str, list[float]] = {}

    def add(case, seconds):
        times.setdefault(case, []).append(seconds)
        print(f"  {case}: {seconds:.2f} s", flush=True)

    try:
        for i in range(runs):
            print(f"run {i + 1}/{runs}", flush=True)
            base = _baseline_copy(work)
            add("baseline: jupyter-book build --all, execute force", _run(
                [str(Path(sys.executable).parent / "jupyter-book"), "build", str(base), "--all"], base))
            ours = _fresh_copy(work, "ours")
            add("1. clean build: make book", _run(_ekraf("book"), ours))
            add("2. no-change rebuild", _run(_ekraf("book"), ours))
            _edit_sentence(ours, i)
            add("3. one sentence edited", _run(_ekraf("book"), ours))
            _edit_value(ours, i + 1)
            add("4. one value changed in the data", _run(_ekraf("book"), ours))
            add("5. make rerun, subsektor=Fashion", _run(
                _ekraf("rerun", "--param", "subsektor=Fashion", "--out", str(work / f"rerun{i}")), ours))
            add("floor: one kernel start", kernel_start())
            stamp = ours / "_build" / ".ekraf" / "book.sha256"
            stamp.unlink()
            add("floor: Sphinx writing the unchanged book", _run(_ekraf("render"), ours))
            if with_tests:
                pristine = _fresh_copy(work, "tests")
                shutil.copytree(paths.ROOT / "_build" / "html", pristine / "_build" / "html")
                if (paths.ROOT / "_build" / "pdf").exists():
                    shutil.copytree(paths.ROOT / "_build" / "pdf", pristine / "_build" / "pdf")
                total = 0.0
                for part, targets in TEST_PARTS.items():
                    seconds = _run([sys.executable, "-m", "pytest", "-q", "-x", *targets], pristine)
                    total += seconds
                    add(f"6. make test: {part}", seconds)
                add("6. make test: total", total)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(times, runs)


def report(times: dict[str, list[float]], runs: int) -> str:
    baseline = statistics.median(times["baseline: jupyter-book build --all, execute force"])
    lines = [
        f"# Build benchmark (median of {runs} runs, {os.cpu_count()} cores)",
        "",
        "| case | seconds | vs baseline |",
        "|---|--:|--:|",
    ]
    for case, values in times.items():
        med = statistics.median(values)
        lines.append(f"| {case} | {med:.2f} | {med / baseline:.2f}x |")
    out = paths.BUILD / "bench"
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    (out / "bench.md").write_text(text, encoding="utf-8")
    (out / "bench.json").write_text(json.dumps({"runs": runs, "times": times}, indent=1) + "\n", encoding="utf-8")
    return text


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="ekraf bench", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-tests", action="store_true", help="skip case 6 (make test by part)")
    args = ap.parse_args(argv)
    print(run(args.runs, not args.no_tests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
