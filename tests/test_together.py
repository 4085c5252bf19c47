"""The editions are built side by side (``bookmaker/build/together.py``); what each prints and reports comes back in
the editions' order, and a failed edition is raised once every edition has run."""

import threading
from pathlib import Path

import pytest
from conftest import make_rule

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


@pytest.mark.parametrize(("latex", "calls"), [(True, ["pdfs", "html"]), (False, ["html"])])
def test_make_test_builds_the_html_once_after_the_pdfs(monkeypatch, latex, calls):
    """`ekraf pdf --if-possible` (the one build step `make test` runs before the EPUBs): the PDFs, then the HTML book
    linking them, once; without TeX Live outside CI, the HTML book alone, so the tests still find a book."""
    from ekraf_repro.bookmaker import cli

    done = []
    monkeypatch.setattr(cli.book, "have_latex", lambda: latex)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(cli.editions, "pdfs", lambda force=False: done.append("pdfs") or [])
    monkeypatch.setattr(cli.editions, "build", lambda force=False: done.append("html"))
    args = cli.parser().parse_args(["pdf", "--if-possible"])
    args.fn(args)  # not through main: no lock on this checkout, no run report written into it
    assert done == calls
    assert [line.split()[1] for line in make_rule("test")[1] if "$(EKRAF)" in line] == ["pdf", "epub"]
