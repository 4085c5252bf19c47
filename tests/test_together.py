"""The editions are built side by side (``bookmaker/build/together.py``); what each prints and reports comes back in
the editions' order, and a failed edition is raised once every edition has run."""

import threading
from pathlib import Path

import pytest

from ekraf_repro.bookmaker import report
from ekraf_repro.bookmaker.build import together


@pytest.fixture(autouse=True)
def run():
    report.begin("test")


def _side_by_side(finish_first: str, timeout: float = 10):
    """Two items that can only finish when both run at once (a barrier), the second finishing first."""
    barrier, second_done = threading.Barrier(2, timeout=timeout), threading.Event()

    def build(code: str) -> str:
        barrier.wait()  # raises BrokenBarrierError if the items ran one after the other
        if code != finish_first:
            assert second_done.wait(10)
        print(f"{code}: built")
        report.build(Path(f"_build/editions/{code}/source"), "html", sphinx=True)
        if code == finish_first:
            second_done.set()
        return code.upper()

    return build


def test_editions_run_at_once_and_come_back_in_their_order(capsys):
    assert together.each(_side_by_side(finish_first="en"), ["id", "en"], workers=2) == ["ID", "EN"]
    assert capsys.readouterr().out == "id: built\nen: built\n"
    assert [b["project"] for b in report._RUN["builds"]] == ["_build/editions/id/source", "_build/editions/en/source"]


def test_a_failed_edition_is_raised_after_the_other_has_run(capsys):
    ran = []

    def build(code: str) -> str:
        print(f"{code}: start")
        if code == "id":
            raise SystemExit("error: jupyter-book build failed (exit 1)")
        ran.append(code)
        return code

    with pytest.raises(SystemExit, match="jupyter-book build failed"):
        together.each(build, ["id", "en"], workers=2)
    assert ran == ["en"] and capsys.readouterr().out == "id: start\nen: start\n"


def test_one_core_builds_one_edition_after_the_other(monkeypatch):
    monkeypatch.setattr(together.os, "cpu_count", lambda: 1)
    threads = []
    assert together.each(lambda code: threads.append(threading.current_thread()) or code, ["id", "en"]) == ["id", "en"]
    assert threads == [threading.main_thread()] * 2
    with pytest.raises(threading.BrokenBarrierError):  # the side-by-side case cannot finish alone
        together.each(_side_by_side(finish_first="en", timeout=0.5), ["id", "en"])


def test_the_streams_are_given_back():
    import sys

    before = sys.stdout, sys.stderr
    together.each(lambda code: code, ["id", "en"], workers=2)
    assert (sys.stdout, sys.stderr) == before
