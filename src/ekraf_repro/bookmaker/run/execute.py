"""Execute the notebooks (papermill parameters, warm kernels), only those whose inputs changed.

A notebook whose fingerprint (``plan.py``) and outputs are unchanged is not executed again; an edit to its Markdown
only brings its executed copies' prose up to date. Results replace their targets only on success, without
timestamps, keeping the parameters papermill injected (``papermill.parameters``: the figures' provenance).
"""

import json
import os
import shutil
import sys
import time
from pathlib import Path
from queue import Empty, Queue
from threading import Thread

import nbformat

from ... import codedcheck
from .. import guards, report, settings
from ..files import sha256
from ..student.code import conditions, tagged
from .plan import APPENDIX, WORKERS, Job, fingerprint, package_hash

REMOVE = "remove-cell"  # myst-nb leaves cells with this tag out of the book


class ExecutionFailed(Exception):
    """A notebook failed; the message names the notebook and the failing cell."""


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


def outputs_hash(path: Path) -> str:
    """Hash of a notebook's code outputs: detects cleared or hand-edited outputs, ignores Markdown edits."""
    if (nb := _read(path)) is None:
        return ""
    code = [[c.get("execution_count"), c.get("outputs", [])] for c in nb["cells"] if c["cell_type"] == "code"]
    return sha256(json.dumps(code, sort_keys=True).encode())


def layout(path: Path) -> list[tuple[str, str]]:
    """A notebook's cells as ``(id, type)``, without papermill's injected parameters."""
    nb = _read(path) or {"cells": []}
    return [(c.get("id", ""), c["cell_type"]) for c in nb["cells"] if c.get("id") != "injected-parameters"]


def shown(cell) -> bool:  # not tagged remove-cell
    return REMOVE not in cell.get("metadata", {}).get("tags", [])


def clean(path: Path, fill: dict | None = None) -> None:
    """Remove papermill's timestamps, give the injected cell a fixed id, hide (``remove-cell``) each Markdown
    passage whose condition this run does not meet; ``fill`` replaces the appendix template's ``{{name}}``."""
    from ... import student  # here, not at the top: it loads matplotlib, which most commands never need

    nb = nbformat.read(path, as_version=4)
    nb.metadata.get("language_info", {}).pop("version", None)  # the interpreter's patch release: not committed
    recorded = nb.metadata.pop("papermill", {}).get("parameters")
    if recorded:  # what papermill injected, without its timestamps
        nb.metadata["papermill"] = {"parameters": recorded}
    facts = conditions(nb.cells)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown" and any(t.startswith(("jika:", "jika-tidak:")) for t in tags):
            kept = [t for t in tags if t != REMOVE]
            cell.metadata["tags"] = kept if student.holds(facts, *tagged(kept)) else kept + [REMOVE]
        if fill and cell.cell_type == "markdown":
            cell.source = settings.fill(cell.source, fill)
        if fill and "mystnb" in cell.metadata:
            cell.metadata["mystnb"] = json.loads(settings.fill(json.dumps(cell.metadata["mystnb"]), fill))
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in tags:
            cell["id"] = "injected-parameters"
            if "hide-cell" not in tags:  # shown like the parameters cell: behind a toggle
                tags.append("hide-cell")
    nbformat.write(nb, path)


def _replace(tmp: Path, target: Path, fill: dict | None) -> bool:  # clean tmp, move it over target if it differs
    try:
        clean(tmp, fill)
        if target.exists() and tmp.read_bytes() == target.read_bytes():
            return False
        os.replace(tmp, target)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def refresh(job: Job) -> bool:
    """Copy the source's Markdown cells (by id, with tags) into the executed notebook; True when it changed."""
    source, target = nbformat.read(job.source, as_version=4), nbformat.read(job.target, as_version=4)
    prose = {c.id: c for c in source.cells if c.cell_type == "markdown"}
    for cell in (c for c in target.cells if c.cell_type == "markdown" and c.id in prose):
        cell.source, cell.metadata = prose[cell.id].source, json.loads(json.dumps(prose[cell.id].metadata))
    target.metadata["ekraf"] = source.metadata.get("ekraf", {})
    tmp = job.target.with_name(f".{job.target.stem}.refresh.ipynb")
    nbformat.write(target, tmp)
    return _replace(tmp, job.target, job.fill)


def execute(job: Job, kernel=None) -> None:
    """Run one job: papermill injects its parameters, a warm kernel executes it, the result replaces the target."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from .kernels import CellFailed, KernelFailed, WarmKernel

    guards.check("papermill-parameters")
    own, kernel = kernel is None, kernel or WarmKernel(job.root / "notebooks")
    job.target.parent.mkdir(parents=True, exist_ok=True)
    tmp = job.target.with_name(f".{job.target.stem}.running.ipynb")
    try:
        if not kernel.alive:
            kernel.start(
                on_retry=lambda err: print(f"  retrying {job.name}: kernel start failed ({type(err).__name__})")
            )
        nb = load_notebook_node(str(job.source))  # as papermill reads it: every cell has its tags list
        if job.parameters:
            nb = parameterize_notebook(nb, job.parameters, kernel_name="python3", language="python")
        kernel.execute(nb, job.root / "notebooks")
        nbformat.write(nb, tmp)
        _replace(tmp, job.target, job.fill)
    except (CellFailed, KernelFailed) as err:
        raise ExecutionFailed(f"{job.name}: {err}") from None
    except Exception as err:  # anything else still names the notebook, and never kills the worker silently
        kernel.close()
        raise ExecutionFailed(f"{job.name}: {type(err).__name__}: {err}") from None
    finally:
        tmp.unlink(missing_ok=True)
        if own:
            kernel.close()


def _todo(jobs: list[Job], known: dict, prints: dict, force: bool, dedupe: bool) -> tuple[list[Job], dict]:
    """The jobs to execute, and with ``dedupe`` the jobs to copy from one of them (same inputs, same run)."""

    def current(job: Job) -> bool:
        entry = known.get(job.name)
        return isinstance(entry, dict) and entry.get("inputs") == prints[job.name] and (
            entry.get("outputs") == outputs_hash(job.target) and layout(job.source) == layout(job.target)
        )  # fmt: skip

    todo, copies, first = [j for j in jobs if force or not current(j)], {}, {}
    for job in list(todo) if dedupe else []:
        key = (job.source.as_posix(), prints[job.name], json.dumps(job.fill, sort_keys=True))
        if key in first:
            copies.setdefault(first[key].name, []).append(job)
            todo.remove(job)
        first.setdefault(key, job)
    return todo, copies


def _workers(todo: list[Job], root: Path, workers: int, one) -> None:
    """Run ``one(i, job, kernel)`` for each job in ``workers`` threads, each with one warm kernel."""
    from .kernels import WarmKernel

    queue = Queue()
    for item in enumerate(todo, start=1):
        queue.put(item)

    def worker():
        kernel = WarmKernel(root / "notebooks")
        try:
            while True:
                try:
                    one(*queue.get_nowait(), kernel)
                except Empty:
                    return
        finally:
            kernel.close()

    before = os.environ.get("EKRAF_ROOT")
    os.environ["EKRAF_ROOT"] = str(root)  # the kernels started now read the project at root
    try:
        threads = [Thread(target=worker) for _ in range(max(1, min(workers, len(todo))))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        os.environ.pop("EKRAF_ROOT") if before is None else os.environ.update(EKRAF_ROOT=before)


def run(jobs: list[Job], manifest: Path, force=False, workers=WORKERS, dedupe=False, on_done=None) -> list[Job]:
    """Execute the jobs whose fingerprint changed, bring the others' prose up to date; returns the jobs executed.
    ``on_done(job)`` follows each job (a sweep builds a variant as soon as its last notebook is ready)."""
    roots = {j.root for j in jobs}
    if len(roots) != 1:
        raise ValueError(f"one run executes notebooks of one project, not {len(roots)}")
    guards.check("glue-wire-format")  # conditions() reads what ekraf_repro/notebook.py glues by hand
    codedcheck.check(next(iter(roots)) / "data")  # a broken coded table fails here in one line, not in a kernel
    known, pkg = _read(manifest) or {}, package_hash()
    prints = {j.name: fingerprint(j, pkg) for j in jobs}
    todo, copies = _todo(jobs, known, prints, force, dedupe)
    print(f"notebooks: {len(jobs)} in the plan, {len(todo)} to execute, {len(jobs) - len(todo)} unchanged", flush=True)
    failures: list[str] = []

    def one(i: int, job: Job, kernel) -> None:
        t0 = time.perf_counter()
        print(f"  [{i}/{len(todo)}] executing {job.name}", flush=True)
        try:
            execute(job, kernel)
        except ExecutionFailed as err:
            failures.append(str(err))
            print(f"  [{i}/{len(todo)}] FAILED {err}", flush=True)
            return
        print(f"  [{i}/{len(todo)}] done {job.name} ({time.perf_counter() - t0:.1f} s)", flush=True)
        for twin in copies.get(job.name, []):
            twin.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(job.target, twin.target)
            print(f"  [{i}/{len(todo)}] copied {twin.name} (same inputs as {job.name})", flush=True)
        for finished in [job, *copies.get(job.name, [])]:
            known[finished.name] = {"inputs": prints[finished.name], "outputs": outputs_hash(finished.target)}
            if on_done:
                on_done(finished)

    _workers(todo, roots.pop(), workers, one)
    copied = [t.name for twins in copies.values() for t in twins]
    report.notebooks(planned=[j.name for j in jobs], executed=[j.name for j in todo], copied=copied)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    save = lambda: manifest.write_text(json.dumps(dict(sorted(known.items())), indent=1) + "\n", encoding="utf-8")
    save()
    if failures:
        raise ExecutionFailed("; ".join(sorted(failures)))
    ran, refreshed = {j.name for j in todo} | set(copied), []
    for job in jobs:  # a pair of files already brought up to date is not read again (no-change builds stay fast)
        entry = known.get(job.name)
        if job.name not in ran and not (isinstance(entry, dict) and entry.get("prose") == _prose_key(job)):
            refreshed += [job.name] if refresh(job) else []
        if isinstance(entry, dict):
            entry["prose"] = _prose_key(job)
    save()
    report.notebooks(refreshed=refreshed)
    if refreshed:
        print(f"notebooks: prose brought up to date in {len(refreshed)} (nothing executed): {', '.join(refreshed)}")
    return todo


def _prose_key(job: Job) -> str:  # the pair as it stands: equal to the last refresh's, no refresh
    return sha256(job.source.read_bytes() + b"\0" + job.target.read_bytes())


def prune_appendix(jobs: list[Job], outdir: Path) -> None:
    """Remove appendix pages for subsectors no longer in the data."""
    wanted = {j.target.resolve() for j in jobs}
    for nb in (outdir / APPENDIX).glob("profil_*.ipynb"):
        if nb.resolve() not in wanted:
            nb.unlink()
            name = nb.relative_to(outdir.parent).as_posix()
            report.notebooks(removed=[name])
            print(f"  removed {name} (subsector no longer in the data)", file=sys.stderr)
