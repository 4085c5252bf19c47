"""Shared fixtures: the project root, a throwaway copy of the project, and a CLI runner."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ekraf_repro.bookmaker import editions

ROOT = Path(__file__).resolve().parents[1]
COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", "node_modules")


def copy_project(dest: Path) -> Path:
    """A copy of the project (sources, data, notebooks with outputs), without env or build output."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


def run_cli(args, root: Path = ROOT, **kw) -> subprocess.CompletedProcess:
    """Run ``ekraf`` with the package imported from ``root/src`` (so a copy runs its own code)."""
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONHASHSEED": "0"}
    return subprocess.run(
        [sys.executable, "-m", "ekraf_repro.bookmaker.cli", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        **kw,
    )


def tree_bytes(folder: Path) -> dict:
    """Every file under ``folder`` with its bytes, to prove a failed run changed nothing."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="module", params=editions.EDITIONS)
def lang(request) -> str:
    """Each edition's language in turn: a module whose tests take ``lang`` runs them once per edition."""
    return request.param


@pytest.fixture(scope="module")
def edition_site(lang) -> Path:
    """The built edition, ``_build/html/<lang>`` (`make test` builds it before the suite)."""
    site = editions.SITE / lang
    if not (site / "book" / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test renders it first)")
    return site


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory) -> Path:
    """A copy of the project on which `ekraf book` has run once (notebooks executed, book built)."""
    dest = copy_project(tmp_path_factory.mktemp("proj") / "book")
    result = run_cli(["book"], dest)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dest


def pytest_addoption(parser):
    parser.addoption(
        "--reverse",
        action="store_true",
        help="run the tests in reverse order (notebook cells keep theirs): shows that no test depends "
        "on what ran before it",
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--reverse"):
        return
    slots = [i for i, item in enumerate(items) if item.path.suffix != ".ipynb"]
    tests = [items[i] for i in slots]
    for i, item in zip(slots, reversed(tests)):
        items[i] = item
