"""The run report: what the last command of the book machine did, as JSON (``_build/.ekraf/report.json``),
for the tests and the benchmark: notebooks planned, executed, copied and refreshed; each build with the pages
Sphinx read (from ``sphinxext/reproducible.py``, through the file ``EKRAF_SPHINX_REPORT`` names) and the files
pruned. Log lines are for people. ``EKRAF_REPORT`` names another file for one run's report: commands run side by
side in one checkout (the tests, on every core) then each keep their own.
"""

from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from .. import paths

PATH = paths.BUILD / ".ekraf" / "report.json"
RUN_REPORT = "EKRAF_REPORT"  # where this run's report goes instead of PATH
SPHINX_REPORT = "EKRAF_SPHINX_REPORT"  # the file a Sphinx run writes its pages read to
_LOCK = threading.Lock()
_RUN: dict = {}
_LOCAL = threading.local()  # a thread's entries kept apart (build/together.py adds them in the editions' order)


def begin(command: str) -> None:
    """Start the report of one command (the previous one is forgotten)."""
    with _LOCK:
        _RUN.clear()
        _RUN.update(
            command=command, notebooks={k: [] for k in ("planned", "executed", "copied", "refreshed")}, builds=[]
        )


def notebooks(**lists: list[str]) -> None:
    with _LOCK:
        for key, names in lists.items():
            _RUN.setdefault("notebooks", {}).setdefault(key, []).extend(names)


def build(project: Path, builder: str, sphinx: bool, read: list[str] | None = None, pruned: list[str] | None = None):
    entry = {"project": paths.display(project), "builder": builder, "sphinx": sphinx, "read": sorted(read or []),
             "pruned": sorted(pruned or [])}  # fmt: skip
    pending = getattr(_LOCAL, "pending", None)
    if pending is not None:
        pending.append(entry)
    else:
        add([entry])


def add(entries: list[dict]) -> None:
    with _LOCK:
        _RUN.setdefault("builds", []).extend(entries)


@contextmanager
def apart():
    """The build entries this thread reports meanwhile, kept out of the run for the caller to :func:`add`."""
    _LOCAL.pending = []
    try:
        yield _LOCAL.pending
    finally:
        del _LOCAL.pending


def write(path: Path | None = None) -> None:
    path = path or Path(os.environ.get(RUN_REPORT) or PATH)
    with _LOCK:
        data = {**_RUN, "notebooks": {k: sorted(v) for k, v in _RUN.get("notebooks", {}).items()}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read(path: Path = PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
