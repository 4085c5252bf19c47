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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import paths

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", "node_modules")
# The parts of `make test`, chosen by marker (see pyproject.toml): together they are the whole suite.
TEST_PARTS = {
    "check (not slow)": ["-m", "not slow"],
    "slow (build, pipeline)": ["-m", "slow and not browser and not pdf"],
    "browser": ["-m", "browser"],
    "pdf": ["-m", "pdf"],
}
CHAPTERS = [
    f"notebooks/{n}.ipynb"
    for n in ("01_pendahuluan", "02_teori", "03_metode", "04_hasil", "05_audit", "06_penutup", "07_tabel_rinci")
]
APPENDIX = [f"notebooks/lampiran/profil_{s}.ipynb" for s in ("kriya", "kuliner", "musik", "fashion", "seni_rupa")]
# The notebooks that read the raw table (chapters 1, 5, 6 and 7 and every appendix page); chapters 2-4 read coded data.
TABLE_READERS = [CHAPTERS[0], CHAPTERS[4], CHAPTERS[5], CHAPTERS[6], *APPENDIX]


def both(notebooks: list[str]) -> list[str]:
    """The executed copies of ``notebooks`` in both editions (the English ones in notebooks/en/)."""
    return [*notebooks, *(n.replace("notebooks/", "notebooks/en/", 1) for n in notebooks)]


SENTENCE_TAGS = {"id": "jika:bahasa_id", "en": "jika:bahasa_en"}
RAW = Path("data") / "raw" / "tabel_1_1_ekspor_ekraf.csv"
EDITED_CELL = "28.602,7"  # Seni Rupa 2018


class CaseFailed(SystemExit):
    """A bench case did not do what its name says."""


def _env(root: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONHASHSEED": "0"}


def _run(cmd, root: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, cwd=root, env=_env(root), capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def executed(output: str) -> list[str]:
    """The notebooks a run of `ekraf` executed, as it reports them."""
    return sorted(re.findall(r"executing (\S+\.ipynb)", output))


def expect(case: str, output: str, notebooks: list[str], *, sphinx: bool | tuple[str, ...], read: int | None = None):
    """Prove that ``case`` executed exactly ``notebooks`` and ran Sphinx only when ``sphinx`` (``True`` for a
    single book, or the editions it must build, the others being left alone); ``read``: how many pages Sphinx
    must have read in each edition it built."""
    ran = executed(output)
    if ran != sorted(notebooks):
        raise CaseFailed(f"bench case '{case}': expected to execute {sorted(notebooks)}, executed {ran}")
    if isinstance(sphinx, tuple):
        built = tuple(re.findall(r"book: building _build/editions/(\w+)/", output))
        if built != sphinx:
            raise CaseFailed(f"bench case '{case}': Sphinx built the editions {built}; expected {sphinx}")
    elif ("book: building" in output) != sphinx:
        raise CaseFailed(f"bench case '{case}': Sphinx {'did not run' if sphinx else 'ran'}; expected the opposite")
    if read is not None:
        counts = [int(n) for n in re.findall(r"book: Sphinx read (\d+) changed source", output)]
        if not counts or any(n != read for n in counts):
            raise CaseFailed(f"bench case '{case}': Sphinx read {counts} pages; expected {read} per edition built")


def expect_sweep(case: str, output: str, n: int) -> None:
    """A sweep over the subsectors of the book's own table executes each chapter that reads the subsector
    once per variant (1, 5, 6 and 7), everything else once, and copies the rest; it builds ``n`` books."""
    executed, copied = executed_count(output), len(re.findall(r"copied (\S+\.ipynb)", output))
    per_variant = len(CHAPTERS) + len(APPENDIX)
    readers = len(TABLE_READERS) - len(APPENDIX)  # the chapters that take the subsector parameter
    want = readers * n + (per_variant - readers)
    if (executed, copied, output.count("variant book:")) != (want, per_variant * n - want, n):
        raise CaseFailed(
            f"bench case '{case}': executed {executed}, copied {copied}, built "
            f"{output.count('variant book:')}; expected {want}, {per_variant * n - want}, {n}"
        )


def executed_count(output: str) -> int:
    return len(executed(output))


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
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace('execute_notebooks: "off"', "execute_notebooks: force"),
        encoding="utf-8",
    )
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
    md = next(
        c
        for c in nb["cells"]
        if c["cell_type"] == "markdown" and SENTENCE_TAGS[lang] in c.get("metadata", {}).get("tags", [])
    )
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


def _collected(root: Path, selection: list[str]) -> int:
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *selection],
        cwd=root,
        env=_env(root),
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r"(\d+)(?:/\d+)? tests? collected", out)
    return int(found.group(1)) if found else 0


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
            seconds, _ = _run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(base), "--all"], base)
            add(BASELINE, seconds)

            ours = _fresh_copy(work, "ours")
            case = "1. clean build: make book (both editions)"
            seconds, out = _run(_ekraf("book"), ours)
            expect(case, out, both(CHAPTERS + APPENDIX), sphinx=("id", "en"))
            add(case, seconds)

            case = "2. no-change rebuild"
            seconds, out = _run(_ekraf("book"), ours)
            expect(case, out, [], sphinx=())
            add(case, seconds)

            for lang, other in (("id", "en"), ("en", "id")):
                case = f"3{'ab'[lang == 'en']}. one sentence edited in the {LANGUAGE_NAMES[lang]} text"
                sentence = edit_sentence(ours, i, lang)
                seconds, out = _run(_ekraf("book"), ours)
                expect(case, out, [], sphinx=(lang,), read=1)
                site = ours / "_build" / "html"
                if sentence not in (site / lang / "notebooks/03_metode.html").read_text(encoding="utf-8"):
                    raise CaseFailed(f"bench case '{case}': the edited sentence is not in the built page")
                if sentence in (site / other / "notebooks/03_metode.html").read_text(encoding="utf-8"):
                    raise CaseFailed(f"bench case '{case}': the sentence leaked into the {other} edition")
                add(case, seconds)

            case = "4. one value changed in the data"
            value = edit_value(ours, i + 1)
            seconds, out = _run(_ekraf("book"), ours)
            expect(case, out, both(TABLE_READERS), sphinx=("id", "en"))
            if value not in (ours / "_build/html/id/notebooks/01_pendahuluan.html").read_text(encoding="utf-8"):
                raise CaseFailed(f"bench case '{case}': the new value {value} is not in the built chapter 1")
            add(case, seconds)

            case = "5. make rerun, subsektor=Fashion"
            target = work / f"rerun{i}"
            seconds, out = _run(_ekraf("rerun", "--param", "subsektor=Fashion", "--out", str(target)), ours)
            expect(case, out, CHAPTERS + APPENDIX, sphinx=True)
            if not (target / "html" / "index.html").is_file():
                raise CaseFailed(f"bench case '{case}': no book in {target}")
            add(case, seconds)

            case = "6. make sweep, five variants (one per subsector)"
            sweep_file = work / "sweep.csv"
            subsectors = ["Kriya", "Kuliner", "Musik", "Fashion", "Seni Rupa"]
            sweep_file.write_text(
                "nama;subsektor\n" + "".join(f"v{k};{s}\n" for k, s in enumerate(subsectors)), encoding="utf-8"
            )
            seconds, out = _run(_ekraf("sweep", "--file", str(sweep_file), "--out", str(work / f"sweep{i}")), ours)
            expect_sweep(case, out, len(subsectors))
            add(case, seconds)

            add("floor: one kernel start", kernel_start())
            for lang in ("id", "en"):
                (ours / "_build" / "editions" / lang / "_build" / ".ekraf" / "book.sha256").unlink()
            seconds, out = _run(_ekraf("render"), ours)
            expect("floor: Sphinx writing the unchanged books", out, [], sphinx=("id", "en"), read=0)
            add("floor: Sphinx writing the unchanged books", seconds)
            if with_tests:
                _test_parts(work, add)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(times, runs)


def _test_parts(work: Path, add) -> None:
    """`make test` by part, each part chosen by marker; the parts together must be the whole suite."""
    pristine = _fresh_copy(work, "tests")
    for built in ("html", "pdf", "editions"):  # the site, the PDFs and each edition's staged project
        if (paths.ROOT / "_build" / built).exists():
            shutil.copytree(paths.ROOT / "_build" / built, pristine / "_build" / built, symlinks=True)
    whole = _collected(pristine, [])
    parts = {part: _collected(pristine, selection) for part, selection in TEST_PARTS.items()}
    if sum(parts.values()) != whole:
        raise CaseFailed(f"bench: the test parts select {sum(parts.values())} tests, the suite has {whole}: {parts}")
    total = 0.0
    for part, selection in TEST_PARTS.items():
        seconds, out = _run([sys.executable, "-m", "pytest", "-q", "-x", *selection], pristine)
        if f"{parts[part]} passed" not in out:
            raise CaseFailed(f"bench: make test, {part}: expected {parts[part]} tests to pass:\n{out[-500:]}")
        total += seconds
        add(f"7. make test: {part}", seconds)
    add("7. make test: total", total)


BASELINE = "baseline: jupyter-book build --all, execute force (one edition)"
LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}


def report(times: dict[str, list[float]], runs: int) -> str:
    baseline = statistics.median(times[BASELINE])
    lines = [
        f"# Build benchmark (median of {runs} runs, {os.cpu_count()} cores)",
        "",
        "| case | seconds | vs baseline |",
        "|---|--:|--:|",
    ]
    for case, values in times.items():
        med = statistics.median(values)
        lines.append(f"| {case} | {med:.2f} | {med / baseline:.2f}x |")
    targets = [("1. clean build: make book (both editions)", 1.0), ("2. no-change rebuild", 0.05)]
    lines += ["", "| target (issue 15) | ratio | limit | met |", "|---|--:|--:|---|"]
    for case, limit in targets:
        if case in times:
            ratio = statistics.median(times[case]) / baseline
            lines.append(f"| {case} | {ratio:.2f}x | {limit:.2f}x | {'yes' if ratio <= limit else 'NO'} |")
    rerun_case, sweep_case = "5. make rerun, subsektor=Fashion", "6. make sweep, five variants (one per subsector)"
    if rerun_case in times and sweep_case in times:
        ratio = statistics.median(times[sweep_case]) / statistics.median(times[rerun_case])
        lines += ["", f"Sweep of five variants / one rerun: {ratio:.2f}x"]
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
