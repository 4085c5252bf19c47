"""Data files' names (issue 22): any name the operating system allows either works or is refused before any
kernel starts, with one line naming the file and the rule."""

import shutil

import pytest
from conftest import ROOT, run_cli

from ekraf_repro import show

TABLE = ROOT / "tests" / "data" / "varian" / "tahun_sedikit.csv"  # not the book's own table


def test_a_name_with_a_backslash_is_a_name_not_a_path():
    name = "data_^&%#{}~\\input{x}.csv"
    show.check_text("nama_berkas", show.FileName(name))  # glued as code: before, "ValueError: ... is a path"
    with pytest.raises(ValueError, match="is a path"):
        show.check_text("nama_berkas", show.FileName("data/tabel.csv"))


@pytest.mark.parametrize("command", ["validate", "rerun"])
def test_a_name_with_a_line_break_is_refused_in_one_line_before_any_kernel(tmp_path, command):
    given = tmp_path / "tabel\nbaris.csv"
    shutil.copy(TABLE, given)
    out = tmp_path / "keluaran"
    args = [command, str(given)] if command == "validate" else [command, "--data", str(given), "--out", str(out)]
    result = run_cli(args, ROOT)
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.splitlines() == [
        "error: 'tabel\\nbaris.csv': a data file's name must not hold a control character (line break, tab)"
    ]
    assert not out.exists() and "Executing" not in result.stdout + result.stderr


def _make(*args: str):
    import subprocess

    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True)


def test_data_and_out_reach_the_cli_unchanged_through_make(tmp_path):
    given = tmp_path / 'my $x "q" \\b.csv'
    shutil.copy(TABLE, given)
    result = _make("validate", f"DATA={given}")  # before: make and the shell expanded "$x", so "not found"
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"{given.name}: valid" in result.stdout, result.stdout[-2000:]
    result = _make("rerun", f"DATA={given}", "OUT=data/x $y")  # a protected folder: refused, naming OUT as given
    assert result.returncode == 2
    assert "error: OUT=x $y: must not be or contain data" in result.stderr, result.stderr[-2000:]
