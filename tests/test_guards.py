"""Every hook into another library's internals is guarded, listed and linked (bookmaker/guards.py, README).

The guard is shown to stop a real build: Sphinx runs in a separate process whose Python finds a fake, newer
pydata-sphinx-theme's metadata first on its path (nothing is installed), and the build stops in one message
naming the hook.
"""

import os
import re
import subprocess
import sys

import pytest
import sphinx_fixture as fx
from conftest import ROOT

from ekraf_repro.bookmaker import guards

README = (ROOT / "README.md").read_text(encoding="utf-8")
MACHINE = ROOT / "src" / "ekraf_repro" / "bookmaker"


def test_every_hook_names_its_upstream_issue_or_says_none_was_found():
    for name, hook in guards.HOOKS.items():
        assert hook.link == guards.NONE_FOUND or re.fullmatch(
            r"https://github\.com/[\w.-]+/[\w.-]+/(issues|pull)/\d+", hook.link
        ), name
        assert guards.installed(hook.package) and hook.works_around, name


def test_every_hook_is_where_the_table_says_and_checked_there():
    for name, hook in guards.HOOKS.items():
        code = (MACHINE / hook.where).read_text(encoding="utf-8")
        assert f'"{name}"' in code, f"{name}: not in bookmaker/{hook.where}"


def test_the_readme_lists_every_hook_with_its_versions_and_upstream():
    rows = {line.split("|")[1].strip(" `"): line for line in README.splitlines() if line.startswith("| `")}
    for name, hook in guards.HOOKS.items():
        assert name in rows, f"README: no row for the hook {name}"
        row = rows[name]
        assert hook.library in row and hook.link in row and hook.where in row, row


def test_a_hook_outside_its_versions_stops_with_its_name(monkeypatch):
    monkeypatch.setattr(guards, "installed", lambda package: "9.9.9" if package == "nbclient" else "0")
    with pytest.raises(
        guards.HookOutOfRange, match=r"hook 'warm-kernels' \(bookmaker/run/kernels\.py\).* 9\.9\.9 is installed"
    ):
        guards.check("warm-kernels")


def test_a_newer_theme_stops_the_build_naming_the_hook(tmp_path):
    """A fake pydata-sphinx-theme 0.18.0 (its metadata only, first on the path) and a real Sphinx build."""
    fake = tmp_path / "site" / "pydata_sphinx_theme-0.18.0.dist-info"
    fake.mkdir(parents=True)
    (fake / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: pydata-sphinx-theme\nVersion: 0.18.0\n", encoding="utf-8"
    )
    src = fx.project(tmp_path / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake.parent), str(ROOT / "src")])}
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(tmp_path / "out")]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    message = result.stderr
    assert "book machine hook 'toctree-toggle-names' (bookmaker/sphinxext/theme.py)" in message, message[-2000:]
    assert "Traceback" not in message and "Exception occurred" not in message
    assert "pydata-sphinx-theme ~=0.17.1, but 0.18.0 is installed" in message
    assert not (tmp_path / "out" / "index.html").exists()
