"""Shared fixtures: the project root, a throwaway copy of the project, a CLI runner and its run report."""

import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from xdist.scheduler import LoadFileScheduling

from ekraf_repro.bookmaker import report, settings

# Property tests are judged by what they find, not by how fast one example runs: on a loaded 2-core machine
# Hypothesis's default 200 ms deadline failed an escaping test that passes (issue 22).
hypothesis_settings.register_profile("ekraf", deadline=None)
hypothesis_settings.load_profile("ekraf")

ROOT = Path(__file__).resolve().parents[1]
COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", "node_modules")


def not_here(subject: str, *reasons: str) -> None:
    """A check this machine cannot run (a tool is missing): under CI=true it fails, since CI may never skip it;
    elsewhere it is skipped LOUDLY, with a warning in the summary as well as the skip reason. ``subject``
    names what is not run ("BROWSER TESTS", "PDF TESTS"); ``reasons`` say what to install."""
    message = f"{subject} NOT RUN: " + "; ".join(reasons)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: it may not be skipped)", pytrace=False)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


def make_rule(target: str) -> tuple[set[str], list[str]]:
    """The Makefile's rule for ``target``: its prerequisites and the lines of its recipe (without the tab)."""
    found = re.search(
        rf"^{re.escape(target)}:([^#\n]*)[^\n]*\n((?:\t[^\n]*\n)*)", (ROOT / "Makefile").read_text("utf-8"), re.M
    )
    return set(found[1].split()), [line[1:] for line in found[2].splitlines()]


def copy_project(dest: Path) -> Path:
    """A copy of the project (sources, data, notebooks with outputs), without env or build output."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


_REPORTS: dict[Path, Path] = {}  # checkout -> the report of the last `ekraf` run_cli ran in it
_REPORT_DIR = tempfile.TemporaryDirectory(prefix="ekraf-reports-")  # removed when the test process ends
_RUNS = itertools.count()


def run_cli(args, root: Path = ROOT, **kw) -> subprocess.CompletedProcess:
    """Run ``ekraf`` with the package imported from ``root/src`` (so a copy runs its own code). Its run report goes
    to a file of its own (tests on other cores run commands in the same checkout); :func:`run_report` reads it."""
    own = _REPORTS[Path(root)] = Path(_REPORT_DIR.name) / f"{next(_RUNS)}.json"
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONHASHSEED": "0", report.RUN_REPORT: str(own)}
    return subprocess.run(
        [sys.executable, "-m", "ekraf_repro.bookmaker.cli", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        **kw,
    )


def run_report(root: Path = ROOT) -> dict:
    """The run report of the last `ekraf` command this test process ran in ``root`` with :func:`run_cli`."""
    return report.read(_REPORTS[Path(root)])


def built_editions(result: dict) -> list[str]:
    """The editions whose HTML Sphinx built in a run (from its report), in the order it built them."""
    return [b["project"].split("/")[2] for b in result["builds"] if b["builder"] == "html" and b["sphinx"]]


def cited(site: Path) -> list[dict]:
    """The citable parts of a built edition (its CSL-JSON downloads), in reading order: the book, the chapters,
    then each chapter's figures and tables by number."""
    import json

    def key(item):
        number = item["title"].split(":")[0].split()[-1] if item["type"] != "book" else "0"
        return (item["type"] != "book", item["type"] != "chapter", [int(n) for n in number.split(".")])

    found = [json.loads(p.read_text(encoding="utf-8"))[0] for p in (site / "_kutipan").glob("*.json")]
    return sorted(found, key=key)


def chapter_titles(lang: str = "id") -> list[str]:
    """Each numbered chapter's title as its notebook writes it (the heading of its first shown Markdown cell)."""
    import json

    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    numbered = [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]
    titles = []
    for path in [settings.executed(lang) / f"{Path(name).name}.ipynb" for name in numbered]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        shown = [
            c for c in cells if c["cell_type"] == "markdown" and "remove-cell" not in c["metadata"].get("tags", [])
        ]
        titles.append(next(line[2:] for line in "".join(shown[0]["source"]).splitlines() if line.startswith("# ")))
    return titles


def tree_bytes(folder: Path) -> dict:
    """Every file under ``folder`` with its bytes, to prove a failed run changed nothing."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="module", params=settings.EDITIONS)
def lang(request) -> str:
    """Each edition's language in turn: a module whose tests take ``lang`` runs them once per edition."""
    return request.param


@pytest.fixture(scope="module")
def edition_site(lang) -> Path:
    """The built edition, ``_build/html/<lang>`` (`make test` builds it before the suite)."""
    site = settings.SITE / lang
    if not (site / "book" / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test renders it first)")
    return site


def checkout(dest: Path) -> Path:
    """What a fresh clone of this working tree holds: the files git tracks or would track (uncommitted edits
    included), or, outside a git checkout, a copy without environment and build output."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True
    )
    if listed.returncode != 0:
        return copy_project(dest)
    for rel in filter(None, listed.stdout.decode().split("\0")):
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)
    return dest


@pytest.fixture(scope="session")
def fresh_checkout(tmp_path_factory) -> Path:
    """A second checkout, in a folder of another name and depth, set up and built by its own `make book pdf epub
    dist` (its own .venv), from a fresh shell. Its outputs are compared with this checkout's (which `make test`
    built) by the two-checkout test and by each output's "built twice" test: one second build serves them all."""
    from ekraf_repro.bookmaker.build import book as bookbuild

    if not bookbuild.have_latex():  # the PDFs, and the deposit archive that holds them
        not_here("THE SECOND CHECKOUT", bookbuild.LATEX_MISSING)
    # a fresh shell: no environment of ours, and none of the make variables of a calling make (`make bench` runs
    # `make test VENV=...`, which make hands down through MAKEFLAGS to every make below it)
    mine = ("VIRTUAL_ENV", "PYTHONPATH", "EKRAF_ROOT", "VENV", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
    env = {k: v for k, v in os.environ.items() if k not in mine}
    root = checkout(tmp_path_factory.mktemp("folder-lain") / "salinan_kedua")
    result = subprocess.run(["make", "book", "pdf", "epub", "dist"], cwd=root, env=env, capture_output=True)
    assert result.returncode == 0, (result.stdout[-3000:] + result.stderr[-3000:]).decode(errors="replace")
    return root


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory) -> Path:
    """A copy of the project on which `ekraf book` has run once (notebooks executed, book built)."""
    dest = copy_project(tmp_path_factory.mktemp("proj") / "book")
    result = run_cli(["book"], dest)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dest


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


if not callable(getattr(LoadFileScheduling, "_split_scope", None)):  # the one private name the scheduler uses
    raise pytest.UsageError(
        "tests/conftest.py: SharedBuildsTogether overrides LoadFileScheduling._split_scope, which this pytest-xdist "
        "no longer has (checked against pytest-xdist 3.8.0); look for its new way to group a file's tests"
    )


class SharedBuildsTogether(LoadFileScheduling):
    """`--dist loadfile`, with the :data:`SHARED_FILES` as one unit. pytest-xdist's own way to group files,
    `--dist loadgroup` with `xdist_group` marks, groups nothing under pytest 9: it rewrites a node id field that
    pytest 9 no longer reads (pytest-dev/pytest-xdist#1386, fix proposed in #1388)."""

    def _split_scope(self, nodeid: str) -> str:
        return "shared builds" if file_of(nodeid) in SHARED_FILES else file_of(nodeid)


def pytest_xdist_make_scheduler(config, log):
    return SharedBuildsTogether(config, log) if config.getvalue("dist") == "loadfile" else None


def pytest_addoption(parser):
    parser.addoption(
        "--reverse",
        action="store_true",
        help="run the tests in reverse order (notebook cells keep theirs): shows that no test depends "
        "on what ran before it",
    )


# Session fixtures that build a whole project: every file whose tests use one runs in the same worker, so that
# `make test` on every core still builds each once. SHARED_FILES lists those files (the controller of a run on
# every core collects nothing, so it cannot find them itself); a test keeps the list equal to what the collection
# shows (test_pipeline.py).
SHARED_BUILDS = ("fresh_checkout", "built_copy")
SHARED_FILES = ("tests/test_epub.py", "tests/test_pdf.py", "tests/test_pipeline.py", "tests/test_reproducibility.py")


def worker_groups(items) -> dict[str, str]:
    """Each test file's group: the file itself, or, for files that share one of the :data:`SHARED_BUILDS`
    (directly or through another file), the first of them in sorted order. A group runs in one worker, so module
    and session fixtures are made once per file and the shared builds once in all."""
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    for item in items:
        for fixture in SHARED_BUILDS:
            if fixture in getattr(item, "fixturenames", ()):
                parent[find(file_of(item.nodeid))] = find(fixture)
    members: dict[str, list[str]] = {}
    for name in {file_of(item.nodeid) for item in items}:
        members.setdefault(find(name), []).append(name)
    return {name: min(group) for group in members.values() for name in group}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:  # nbval executes every notebook: the slow tier's, not the fast one's
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)
    if not config.getoption("--reverse"):
        return
    slots = [i for i, item in enumerate(items) if item.path.suffix != ".ipynb"]
    tests = [items[i] for i in slots]
    for i, item in zip(slots, reversed(tests)):
        items[i] = item
