"""Notebook metadata carries nothing that depends on the interpreter's patch release (issue 22)."""

import json

import nbformat
from conftest import ROOT

from ekraf_repro.bookmaker.run import execute


def test_no_committed_notebook_records_the_interpreters_version():
    found = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "notebooks").rglob("*.ipynb"))
        if "version" in json.loads(p.read_text(encoding="utf-8"))["metadata"].get("language_info", {})
    ]
    assert len(list((ROOT / "notebooks").rglob("*.ipynb"))) > 20 and found == []


def test_an_executed_notebook_is_written_without_it(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python", "version": "3.11.7"}})
    nbformat.write(nb, path := tmp_path / "x.ipynb")
    execute.clean(path)
    assert json.loads(path.read_text(encoding="utf-8"))["metadata"]["language_info"] == {"name": "python"}
