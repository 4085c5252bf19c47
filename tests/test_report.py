"""The run report (``bookmaker/report.py``): written where ``EKRAF_REPORT`` says, else into the checkout's build."""

from pathlib import Path

from conftest import ROOT, run_cli, run_report

from ekraf_repro.bookmaker import report


def _one_run() -> None:
    report.begin("uji")
    report.build(Path("_build/editions/id/source"), "html", sphinx=True, read=["b", "a"])


def test_a_run_writes_its_report_where_ekraf_report_says(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "PATH", tmp_path / "checkout.json")
    monkeypatch.setenv(report.RUN_REPORT, str(own := tmp_path / "sendiri" / "run.json"))
    _one_run()
    report.write()
    assert not (tmp_path / "checkout.json").exists()
    assert report.read(own)["builds"] == [
        {"project": "_build/editions/id/source", "builder": "html", "sphinx": True, "read": ["a", "b"], "pruned": []}
    ]
    monkeypatch.delenv(report.RUN_REPORT)
    report.write()
    assert report.read(tmp_path / "checkout.json")["command"] == "uji"


def test_each_command_a_test_runs_keeps_its_own_report():
    """Commands run by tests write their reports to files of their own, never to the checkout's, which another
    test's command on another core could overwrite before it is read."""
    import conftest

    shared = ROOT / report.PATH.relative_to(report.paths.ROOT)
    before = shared.read_bytes() if shared.exists() else None
    assert run_cli(["validate", "data/raw/tabel_1_1_ekspor_ekraf.csv"]).returncode == 0
    first = conftest._REPORTS[ROOT]
    assert run_cli(["validate", "tidak-ada.csv"]).returncode == 2
    assert conftest._REPORTS[ROOT] != first and first.exists() and run_report(ROOT)["command"] == "validate"
    assert (shared.read_bytes() if shared.exists() else None) == before
