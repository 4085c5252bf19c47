"""`make bench`: time the pipeline and the test tiers against plain Jupyter Book, on temporary copies.

Each case runs RUNS times (default 5); its median is a ratio to the baseline measured in the same run (plain
``jupyter-book build . --all``, notebooks executed, one edition), and it proves from the command's run report that
it did what its name says. The tiers: ``make check``, and the whole ``make test`` from a copy without build output.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import paths
from . import report as run_report
from .run import plan

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", "node_modules")
RAW = Path("data") / "raw" / "tabel_1_1_ekspor_ekraf.csv"
EDITED_CELL = "28.602,7"  # Seni Rupa 2018
BASELINE = "baseline: jupyter-book build --all, execute force (one edition)"
CHECK, WHOLE = "7. make check (the fast tier)", "8. make test (everything, from a copy without _build)"
LIMITS = {  # case -> the largest ratio to the baseline it may take
    "1. clean build: make book (both editions)": 1.0,
    "2. no-change rebuild": 0.05,
    CHECK: 0.75,
    WHOLE: 15.0,
}


class CaseFailed(SystemExit):
    """A bench case did not do what its name says."""


def planned(root: Path = paths.ROOT) -> list[str]:  # the Indonesian edition's plan
    return [job.name for job in plan.plan(root=root)[0]]


def table_readers(root: Path = paths.ROOT) -> list[str]:  # a change to the raw table re-executes exactly these
    return sorted(job.name for job in plan.plan(root=root)[0] if root / RAW in plan.reads(job))


def both(notebooks: list[str]) -> list[str]:  # the executed copies in both editions
    return [*notebooks, *(n.replace("notebooks/", "notebooks/en/", 1) for n in notebooks)]


def _run(cmd, root: Path, **env) -> tuple[float, str]:
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONHASHSEED": "0", **env}
    result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def _ekraf(root: Path, *args) -> tuple[float, dict]:
    seconds, _out = _run([sys.executable, "-m", "ekraf_repro.bookmaker.cli", *args], root)
    return seconds, run_report.read(root / run_report.PATH.relative_to(paths.ROOT))


def expect(case: str, report: dict, notebooks: list[str], *, sphinx: tuple[str, ...] | bool, read: int | None = None):
    """Prove that ``case`` executed exactly ``notebooks``, ran Sphinx for the editions ``sphinx`` names (``True``:
    some book), reading ``read`` pages in each."""
    ran = report["notebooks"]["executed"]
    if ran != sorted(notebooks):
        raise CaseFailed(f"bench case '{case}': expected to execute {sorted(notebooks)}, executed {ran}")
    built = [b for b in report["builds"] if b["builder"] == "html" and b["sphinx"]]
    editions = tuple(m[1] for b in built if (m := re.fullmatch(r"_build/editions/(\w+)/source", b["project"])))
    if (bool(built) if isinstance(sphinx, bool) else editions) != sphinx:
        raise CaseFailed(f"bench case '{case}': Sphinx built {editions or bool(built)}; expected {sphinx}")
    if read is not None and any(len(b["read"]) != read for b in built):
        raise CaseFailed(f"bench case '{case}': Sphinx read {[len(b['read']) for b in built]} pages; expected {read}")


def expect_sweep(case: str, report: dict, n: int, per_variant: int, readers: int) -> None:
    """A sweep over the book's subsectors executes the ``readers`` chapters that read the subsector once per
    variant, everything else once, copies the rest, and builds ``n`` books."""
    executed, copied = len(report["notebooks"]["executed"]), len(report["notebooks"]["copied"])
    books = sum(1 for b in report["builds"] if b["builder"] == "html" and b["sphinx"])
    want = readers * n + (per_variant - readers)
    if (executed, copied, books) != (want, per_variant * n - want, n):
        raise CaseFailed(f"bench case '{case}': executed {executed}, copied {copied}, built {books}; "
                         f"expected {want}, {per_variant * n - want}, {n}")  # fmt: skip


def _copy(base: Path, name: str) -> Path:
    dest = base / name
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(paths.ROOT, dest, ignore=IGNORE)
    if (paths.ROOT / "node_modules").exists():
        os.symlink(paths.ROOT / "node_modules", dest / "node_modules")
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


def edit_sentence(root: Path, n: int, lang: str = "id") -> str:
    """Append a sentence to chapter 3's first Markdown cell in ``lang``; return the sentence."""
    sentence = {"id": f"Kalimat uji nomor {n}.", "en": f"Test sentence number {n}."}[lang]
    nb_path = root / "notebooks" / "03_metode.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    tag = f"jika:bahasa_{lang}"
    md = next(c for c in nb["cells"] if c["cell_type"] == "markdown" and tag in c.get("metadata", {}).get("tags", []))
    md["source"] = "".join(md["source"]) + f"\n\n{sentence}"
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return sentence


def edit_value(root: Path, n: int) -> str:
    """Change one cell of the raw table to a value that differs from the printed one for every ``n``."""
    new = f"28.{700 + n % 100:03d},7"
    raw = root / RAW
    text = raw.read_text(encoding="utf-8")
    if EDITED_CELL not in text:
        raise CaseFailed(f"bench: {RAW} no longer holds {EDITED_CELL}; pick another cell to edit")
    raw.write_text(text.replace(EDITED_CELL, new, 1), encoding="utf-8")
    return new


def _page(root: Path, lang: str, name: str) -> str:
    return (root / "_build" / "html" / lang / name).read_text(encoding="utf-8")


def _cases(work: Path, i: int, add) -> None:
    base = _copy(work, "baseline")
    cfg = base / "_config.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('execute_notebooks: "off"', "execute_notebooks: force"))
    add(BASELINE, _run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(base), "--all"], base)[0])

    ours, notebooks = _copy(work, "ours"), planned()

    def timed(case: str, *args: str, **expected) -> None:  # `ekraf <args>`, proven to have done what case says
        seconds, got = _ekraf(ours, *args)
        expect(case, got, **expected)
        add(case, seconds)

    timed("1. clean build: make book (both editions)", "book", notebooks=both(notebooks), sphinx=("id", "en"))
    timed("2. no-change rebuild", "book", notebooks=[], sphinx=False)
    for lang, other in (("id", "en"), ("en", "id")):
        case = f"3{'ab'[lang == 'en']}. one sentence edited in the {lang} text"
        sentence = edit_sentence(ours, i, lang)
        timed(case, "book", notebooks=[], sphinx=(lang,), read=1)
        if sentence not in _page(ours, lang, "notebooks/03_metode.html"):
            raise CaseFailed(f"bench case '{case}': the edited sentence is not in the built page")
        if sentence in _page(ours, other, "notebooks/03_metode.html"):
            raise CaseFailed(f"bench case '{case}': the sentence leaked into the {other} edition")
    case, value = "4. one value changed in the data", edit_value(ours, i + 1)
    timed(case, "book", notebooks=both(table_readers()), sphinx=("id", "en"))
    if value not in _page(ours, "id", "notebooks/01_pendahuluan.html"):
        raise CaseFailed(f"bench case '{case}': the new value {value} is not in the built chapter 1")
    rerun = ["rerun", "--param", "subsektor=Fashion", "--out", str(work / f"rerun{i}")]
    timed("5. make rerun, subsektor=Fashion", *rerun, notebooks=notebooks, sphinx=True)
    case = "6. make sweep, five variants (one per subsector)"
    subsectors = ["Kriya", "Kuliner", "Musik", "Fashion", "Seni Rupa"]
    (work / "sweep.csv").write_text("nama;subsektor\n" + "".join(f"v{k};{s}\n" for k, s in enumerate(subsectors)))
    seconds, got = _ekraf(ours, "sweep", "--file", str(work / "sweep.csv"), "--out", str(work / f"sweep{i}"))
    readers = sum(1 for r in table_readers(ours) if f"/{plan.APPENDIX}/" not in r)
    expect_sweep(case, got, len(subsectors), len(notebooks), readers)
    add(case, seconds)
    add("floor: one kernel start", kernel_start())
    for lang in ("id", "en"):
        (ours / "_build" / "editions" / lang / "_build" / ".ekraf" / "book.sha256").unlink()
    timed("floor: Sphinx writing the unchanged books", "render", notebooks=[], sphinx=("id", "en"), read=0)


def fast_tests(case: str, fresh: Path) -> int:
    """How many tests the fast tier holds (those not marked slow), proven to be fewer than all of them."""
    _seconds, out = _run([sys.executable, "-m", "pytest", "tests", "-m", "not slow", "--collect-only", "-q"], fresh)
    found = re.search(r"^(\d+)/(\d+) tests collected", out, flags=re.M)
    if not found or int(found[1]) >= int(found[2]):
        raise CaseFailed(f"bench case '{case}': pytest does not set the slow tests apart: {out.strip()[-200:]}")
    return int(found[1])


def _tier(case: str, fresh: Path, target: str, fast: int | None = None) -> float:
    """`make <target>` in ``fresh`` as a user runs it, in this environment, with ``CI=true`` (nothing may skip); its
    summary proves that tests passed and none failed or skipped: for `check`, exactly the ``fast`` tests (its workers
    report no deselection), for `test` every test, none deselected."""
    seconds, out = _run(["make", target, f"VENV={sys.prefix}"], fresh, CI="true")
    summary = (re.findall(r"^=+ (.+) in [\d.]+s", out, flags=re.M) or ["missing"])[-1]
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", summary)}
    bad = {"failed", "skipped", "error", "errors"} & set(counts)
    whole = fast is None and "deselected" not in counts
    if not counts.get("passed") or bad or not (whole or counts["passed"] == fast):
        raise CaseFailed(f"bench case '{case}': pytest's summary is '{summary}'")
    return seconds


def _tiers(work: Path, add) -> None:
    """The fast tier, then the whole `make test` (books, PDFs, EPUBs, every test) from a copy without build output:
    what it needs is built by `make test` itself; the copy shares the lab's environment (`make bench` sets it up)."""
    fresh = _copy(work, "tests")
    os.symlink(paths.ROOT / "lab" / ".venv", fresh / "lab" / ".venv")
    add(CHECK, _tier(CHECK, fresh, "check", fast_tests(CHECK, fresh)))
    add(WHOLE, _tier(WHOLE, fresh, "test"))


def run(runs: int = 5, with_tests: bool = True) -> str:
    work = Path(tempfile.mkdtemp(prefix="ekraf-bench-"))
    times: dict[str, list[float]] = {}

    def add(case, seconds):
        times.setdefault(case, []).append(seconds)
        print(f"  {case}: {seconds:.2f} s", flush=True)

    try:
        for i in range(runs):
            print(f"run {i + 1}/{runs}", flush=True)
            _cases(work, i, add)
            if with_tests:
                _tiers(work, add)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return table(times, runs)


def table(times: dict[str, list[float]], runs: int) -> str:
    baseline = statistics.median(times[BASELINE])
    lines = [f"# Build benchmark (median of {runs} runs, {os.cpu_count()} cores)", ""]
    lines += ["| case | seconds | vs baseline |", "|---|--:|--:|"]
    medians = {case: statistics.median(v) for case, v in times.items()}
    lines += [f"| {c} | {m:.2f} | {m / baseline:.2f}x |" for c, m in medians.items()]
    lines += ["", "| target | ratio | limit | met |", "|---|--:|--:|---|"]
    for case, limit in LIMITS.items():
        if case in times:
            ratio = statistics.median(times[case]) / baseline
            lines.append(f"| {case} | {ratio:.2f}x | {limit:.2f}x | {'yes' if ratio <= limit else 'NO'} |")
    out = paths.BUILD / "bench"
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    (out / "bench.md").write_text(text, encoding="utf-8")
    (out / "bench.json").write_text(json.dumps({"runs": runs, "times": times}, indent=1) + "\n", encoding="utf-8")
    return text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="ekraf bench", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-tests", action="store_true", help="skip the test tiers (cases 7 and 8)")
    args = ap.parse_args(argv)
    print(run(args.runs, not args.no_tests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
