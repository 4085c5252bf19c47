"""The run report: what one command of the book machine did, as JSON, for tests and the benchmark to read.

``_build/.ekraf/report.json`` (of the project the command ran in) holds the last command's report::

    {"command": "book",
     "notebooks": {"planned": [...], "executed": [...], "copied": [...], "refreshed": [...]},
     "builds": [{"project": "_build/editions/id/source", "builder": "html", "sphinx": true,
                 "read": ["notebooks/03_metode"], "pruned": [...]}, ...]}

Notebooks are named by their path in their project, builds by their project's folder; ``sphinx`` says whether
Sphinx ran at all, ``read`` which pages it read (Sphinx's own list, handed over by the extension in
``sphinxext/reproducible.py`` through the file named by ``EKRAF_SPHINX_REPORT``). Log lines are for people;
this file is the record.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from .. import paths

PATH = paths.BUILD / ".ekraf" / "report.json"
SPHINX_REPORT = "EKRAF_SPHINX_REPORT"  # the file a Sphinx run writes its pages read to
_LOCK = threading.Lock()
_RUN: dict = {}


def begin(command: str) -> None:
    """Start the report of one command (the previous one is forgotten)."""
    with _LOCK:
        _RUN.clear()
        _RUN.update(command=command, notebooks={"planned": [], "executed": [], "copied": [], "refreshed": []}, builds=[])


def notebooks(**lists: list[str]) -> None:
    """Add notebooks to the report's lists (``planned``, ``executed``, ``copied``, ``refreshed``)."""
    with _LOCK:
        for key, names in lists.items():
            _RUN.setdefault("notebooks", {}).setdefault(key, []).extend(names)


def build(project: Path, builder: str, sphinx: bool, read: list[str] | None = None, pruned: list[str] | None = None):
    """Add one book build (HTML, PDF or EPUB) to the report."""
    entry = {"project": paths.display(project), "builder": builder, "sphinx": sphinx}
    entry.update(read=sorted(read or []), pruned=sorted(pruned or []))
    with _LOCK:
        _RUN.setdefault("builds", []).append(entry)


def write(path: Path = PATH) -> None:
    with _LOCK:
        data = {**_RUN, "notebooks": {k: sorted(v) for k, v in _RUN.get("notebooks", {}).items()}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read(path: Path = PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
