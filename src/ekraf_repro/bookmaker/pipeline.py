"""Execute the notebooks (papermill parameters, warm kernels), only those whose inputs changed.

A notebook's inputs are its code cells, its parameters, the data files it
reads (listed in its metadata under ``ekraf.reads``; the ``data`` parameter
replaces the raw table), the package source and the lock file. Their hash is
kept in a small manifest together with a hash of the outputs written; a
notebook whose inputs are unchanged and whose outputs are still the ones
written is not executed again (editing its Markdown does not count).

Execution writes to a temporary file beside the target and moves it into
place only on success, so a failed run never overwrites a good notebook.
Execution timestamps and durations are removed, so re-executing a notebook
that nothing changed leaves its bytes, and ``git status``, unchanged.
"""

import hashlib
import json
import os
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue
from threading import Thread

import nbformat

from .. import paths
from ..params import DEFAULT_DATA, Params, data_path, for_subsector, resolve
from ..subsectors import placeholders, slug

TEMPLATE = "templat/profil_subsektor.ipynb"
APPENDIX = "lampiran"
WORKERS = 2


class ExecutionFailed(Exception):
    """A notebook failed; the message names the notebook and the failing cell."""


@dataclass
class Job:
    source: Path
    target: Path
    parameters: dict = field(default_factory=dict)
    root: Path = paths.ROOT  # the project the job runs in: its data, and where its paths are read from
    fill: dict | None = None  # ``{{name}}`` placeholders of a template and their values

    @property
    def name(self) -> str:
        return paths.display(self.target, self.root)


def chapters(nbdir: Path = paths.NOTEBOOKS) -> list[Path]:
    """The section notebooks, in reading order (``NN_name.ipynb``)."""
    return sorted(nbdir.glob("[0-9][0-9]_*.ipynb"))


def plan(
    parameters: dict | None = None, root: Path = paths.ROOT, nbdir: Path = paths.NOTEBOOKS, outdir: Path | None = None
) -> tuple[list[Job], Params]:
    """Jobs for every chapter and one appendix page per subsector in the data, and the checked parameters.

    The parameters are checked (and the data loaded) once, here. ``root`` is the
    project the notebooks run in (a variant's own folder for ``make rerun``);
    ``outdir`` receives the executed notebooks (default: in place).
    """
    parameters = dict(parameters or {})
    checked = resolve(root=root, **parameters)
    outdir = outdir or nbdir

    def own(source: Path, given: dict) -> dict:  # a notebook gets the parameters its cell declares
        names = declared(source)
        return {k: v for k, v in given.items() if k in names}

    jobs = [Job(src, outdir / src.name, own(src, parameters), root) for src in chapters(nbdir)]
    for name in checked.table.attrs["subsektor"]:
        for_subsector(checked, name)
        fill = placeholders(name, checked.bahasa)
        jobs.append(
            Job(
                nbdir / TEMPLATE,
                outdir / APPENDIX / f"profil_{slug(name)}.ipynb",
                own(nbdir / TEMPLATE, {**parameters, "subsektor": name}),
                root,
                fill,
            )
        )
    return jobs, checked


def declared(source: Path) -> set[str]:
    """The parameters a notebook declares: the names its ``parameters`` cell assigns."""
    import ast

    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse("".join(cell["source"]))
            return {
                t.id
                for node in tree.body
                if isinstance(node, ast.Assign)
                for t in node.targets
                if isinstance(t, ast.Name)
            }
    return set()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


ANALYSIS = Path(__file__).resolve().parents[1]  # the package the notebooks import, without this subpackage


def package_hash(src: Path = ANALYSIS, lock: Path = paths.ROOT / "uv.lock") -> str:
    """Hash of the analysis the notebooks import, and of the lock file: a change re-executes everything.

    The book machine (this subpackage) is left out: changing it re-executes nothing.
    """
    h = hashlib.sha256()
    modules = [f for f in sorted(src.rglob("*.py")) if "bookmaker" not in f.relative_to(src).parts]
    for f in modules + [lock]:
        if f.exists():
            name = f.relative_to(src).as_posix() if f.is_relative_to(src) else f.name
            h.update(name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def reads(job: Job) -> list[Path]:
    """The data files a job reads: its notebook's declared reads (paths from the project root), with ``data``
    substituted."""
    nb = json.loads(job.source.read_text(encoding="utf-8"))
    declared = [job.root / r for r in nb["metadata"].get("ekraf", {}).get("reads", [])]
    default = data_path(DEFAULT_DATA, job.root)
    given = job.parameters.get("data")
    if given is not None:
        declared = [data_path(given, job.root) if p.resolve() == default else p for p in declared]
    return declared


def fingerprint(job: Job, pkg: str) -> str:
    nb = json.loads(job.source.read_text(encoding="utf-8"))
    code = [
        c["source"] if isinstance(c["source"], str) else "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]
    files = {paths.display(p, job.root): _sha(p.read_bytes()) for p in reads(job)}
    payload = json.dumps(
        {"code": code, "parameters": job.parameters, "reads": files, "package": pkg}, sort_keys=True, default=str
    )
    return _sha(payload.encode())


def _fill(text: str, values: dict) -> str:
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", str(value))
    return text


def outputs_hash(path: Path) -> str:
    """Hash of a notebook's code outputs: detects cleared or hand-edited outputs, ignores Markdown edits."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return ""
    outs = [[c.get("execution_count"), c.get("outputs", [])] for c in nb["cells"] if c["cell_type"] == "code"]
    return _sha(json.dumps(outs, sort_keys=True).encode())


def conditions(nb) -> dict[str, bool]:
    """The conditions a run recorded (``Bab.condition``): ``{"koreksi": True, ...}``."""
    from ..notebook import CONDITION

    found = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name", "")
            if name.startswith(CONDITION):
                text = next(v for k, v in out.get("data", {}).items() if k.endswith("text/plain"))
                found[name[len(CONDITION) :]] = "ya" in text
    return found


REMOVE = "remove-cell"  # myst-nb leaves cells with this tag out of the book


def shown(cell) -> bool:
    """Does the book show this cell (not tagged ``remove-cell``)?"""
    return REMOVE not in cell.get("metadata", {}).get("tags", [])


def _applies(cell, facts: dict[str, bool]) -> bool:
    """False for a Markdown cell whose ``jika:``/``jika-tidak:`` tag does not hold for this run."""
    for tag in cell.metadata.get("tags", []):
        if tag.startswith("jika:") and not facts.get(tag[5:], False):
            return False
        if tag.startswith("jika-tidak:") and facts.get(tag[11:], False):
            return False
    return True


def clean(path: Path, fill: dict | None = None) -> None:
    """Remove papermill's timestamps and durations; give the injected cell a fixed id; show the passages that apply.

    ``fill`` replaces ``{{name}}`` placeholders in Markdown cells and figure
    metadata (the appendix template's title, captions and labels). A Markdown
    cell tagged for a condition that this run's data do not meet gets the
    ``remove-cell`` tag, so the book leaves it out; the cell itself stays in the
    notebook, ready for a run on other data.
    """
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("papermill", None)
    facts = conditions(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and any(
            t.startswith(("jika:", "jika-tidak:")) for t in cell.metadata.get("tags", [])
        ):
            tags = [t for t in cell.metadata["tags"] if t != REMOVE]
            cell.metadata["tags"] = tags if _applies(cell, facts) else tags + [REMOVE]
        if fill:
            if cell.cell_type == "markdown":
                cell.source = _fill(cell.source, fill)
            if "mystnb" in cell.metadata:
                cell.metadata["mystnb"] = json.loads(_fill(json.dumps(cell.metadata["mystnb"]), fill))
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
            if "hide-cell" not in cell.metadata["tags"]:  # shown like the parameters cell: behind a toggle
                cell.metadata["tags"].append("hide-cell")
    nbformat.write(nb, path)


def layout(path: Path) -> list[tuple[str, str]]:
    """A notebook's cells as ``(id, type)``, without papermill's injected parameters."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return []
    return [(c.get("id", ""), c["cell_type"]) for c in nb["cells"] if c.get("id") != "injected-parameters"]


def refresh(job: Job) -> bool:
    """Bring an executed notebook's prose up to date with its source, without executing it.

    Markdown does not count as an input (editing prose executes nothing), but an executed copy
    of a notebook elsewhere (an English edition's chapter, an appendix page from the template)
    must carry the source's current prose. The Markdown cells are copied by id, with their tags,
    and the copy is cleaned again (placeholders filled, passages that do not apply hidden).
    Returns True when the notebook changed. The cells must match (:func:`layout`): a job whose
    cells were added or removed is executed instead.
    """
    source = nbformat.read(job.source, as_version=4)
    target = nbformat.read(job.target, as_version=4)
    prose = {c.id: c for c in source.cells if c.cell_type == "markdown"}
    for cell in target.cells:
        if cell.cell_type == "markdown" and cell.id in prose:
            cell.source = prose[cell.id].source
            cell.metadata = json.loads(json.dumps(prose[cell.id].metadata))
    target.metadata["ekraf"] = source.metadata.get("ekraf", {})
    tmp = job.target.with_name(f".{job.target.stem}.refresh.ipynb")
    try:
        nbformat.write(target, tmp)
        clean(tmp, job.fill)
        if tmp.read_bytes() == job.target.read_bytes():
            return False
        os.replace(tmp, job.target)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def execute(job: Job, kernel=None) -> None:
    """Run one job, atomically: papermill injects its parameters, a warm kernel executes it.

    ``kernel`` is the worker's :class:`~ekraf_repro.bookmaker.kernels.WarmKernel` (one is
    started, and closed after, when none is given). The result is written beside the target
    and moved into place only on success.
    """
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from .kernels import CellFailed, KernelFailed, WarmKernel

    own = kernel is None
    kernel = kernel or WarmKernel(job.root / "notebooks")
    job.target.parent.mkdir(parents=True, exist_ok=True)
    tmp = job.target.with_name(f".{job.target.stem}.running.ipynb")
    try:
        if not kernel.alive:
            kernel.start(
                on_retry=lambda err: print(
                    f"  retrying {job.name}: kernel start failed ({type(err).__name__})", flush=True
                )
            )
        nb = load_notebook_node(str(job.source))  # as papermill reads it: every cell has its tags list
        if job.parameters:
            nb = parameterize_notebook(nb, job.parameters, kernel_name="python3", language="python")
        kernel.execute(nb, job.root / "notebooks")
        nbformat.write(nb, tmp)
        clean(tmp, job.fill)
        os.replace(tmp, job.target)
    except (CellFailed, KernelFailed) as err:
        raise ExecutionFailed(f"{job.name}: {err}") from None
    except Exception as err:  # anything else still names the notebook, and never kills the worker silently
        kernel.close()
        raise ExecutionFailed(f"{job.name}: {type(err).__name__}: {err}") from None
    finally:
        tmp.unlink(missing_ok=True)
        if own:
            kernel.close()


def load_manifest(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


@contextmanager
def _kernels_in(root: Path):
    """Kernels started inside read the project at ``root`` (``EKRAF_ROOT``), then the setting is restored."""
    before = os.environ.get("EKRAF_ROOT")
    os.environ["EKRAF_ROOT"] = str(root)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("EKRAF_ROOT", None)
        else:
            os.environ["EKRAF_ROOT"] = before


def run(
    jobs: list[Job],
    manifest: Path,
    force: bool = False,
    workers: int = WORKERS,
    dedupe: bool = False,
    on_done=None,
) -> list[Job]:
    """Execute the jobs whose fingerprint changed; returns the jobs executed.

    The jobs come from :func:`plan`, which checked their parameters before any kernel starts.
    """
    roots = {j.root for j in jobs}
    if len(roots) != 1:
        raise ValueError(f"one run executes notebooks of one project, not {len(roots)}")
    known = load_manifest(manifest)
    pkg = package_hash()
    prints = {j.name: fingerprint(j, pkg) for j in jobs}

    def current(job: Job) -> bool:
        entry = known.get(job.name)
        if not isinstance(entry, dict):  # missing, or written by an older version of the pipeline
            return False
        return (
            entry.get("inputs") == prints[job.name]
            and entry.get("outputs") == outputs_hash(job.target)
            and layout(job.source) == layout(job.target)
        )

    todo = [j for j in jobs if force or not current(j)]
    copies: dict[str, list[Job]] = {}
    if dedupe:  # a job whose inputs equal one already in the run is copied from it, not executed again
        first: dict[tuple, Job] = {}
        unique = []
        for job in todo:
            key = (job.source.as_posix(), prints[job.name], json.dumps(job.fill, sort_keys=True))
            if key in first:
                copies.setdefault(first[key].name, []).append(job)
            else:
                first[key] = job
                unique.append(job)
        todo = unique
    print(f"notebooks: {len(jobs)} in the plan, {len(todo)} to execute, {len(jobs) - len(todo)} unchanged", flush=True)
    failures: list[str] = []

    def one(i_job, kernel):
        i, job = i_job
        t0 = time.perf_counter()
        print(f"  [{i}/{len(todo)}] executing {job.name}", flush=True)
        try:
            execute(job, kernel)
        except ExecutionFailed as err:
            failures.append(str(err))
            print(f"  [{i}/{len(todo)}] FAILED {err}", flush=True)
            return
        known[job.name] = {"inputs": prints[job.name], "outputs": outputs_hash(job.target)}
        print(f"  [{i}/{len(todo)}] done {job.name} ({time.perf_counter() - t0:.1f} s)", flush=True)
        for twin in copies.get(job.name, []):
            twin.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(job.target, twin.target)
            known[twin.name] = {"inputs": prints[twin.name], "outputs": outputs_hash(twin.target)}
            print(f"  [{i}/{len(todo)}] copied {twin.name} (same inputs as {job.name})", flush=True)
        if on_done:  # e.g. a sweep starts building a variant as soon as its notebooks are ready
            for finished in [job, *copies.get(job.name, [])]:
                on_done(finished)

    queue = Queue()
    for item in enumerate(todo, start=1):
        queue.put(item)

    def worker():
        """One thread, one warm kernel, notebooks from the queue until it is empty."""
        from .kernels import WarmKernel

        kernel = WarmKernel(root / "notebooks")
        try:
            while True:
                try:
                    one(queue.get_nowait(), kernel)
                except Empty:
                    return
        finally:
            kernel.close()

    root = roots.pop()
    with _kernels_in(root):
        threads = [Thread(target=worker) for _ in range(max(1, min(workers, len(todo))))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    manifest.parent.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        manifest.write_text(json.dumps(dict(sorted(known.items())), indent=1) + "\n", encoding="utf-8")

    save()
    if failures:
        raise ExecutionFailed("; ".join(sorted(failures)))
    ran = {j.name for j in todo} | {t.name for twins in copies.values() for t in twins}
    refreshed = []
    for job in jobs:  # a pair of files already brought up to date is not read again (no-change builds stay fast)
        entry = known.get(job.name)
        if job.name not in ran and not (isinstance(entry, dict) and entry.get("prose") == _prose_key(job)):
            if refresh(job):
                refreshed.append(job.name)
        if isinstance(entry, dict):
            entry["prose"] = _prose_key(job)
    save()
    if refreshed:
        print(f"notebooks: prose brought up to date in {len(refreshed)} (nothing executed): {', '.join(refreshed)}")
    return todo


def _prose_key(job: Job) -> str:
    """The source notebook and its executed copy, as they stand: equal to the last refresh's key, no refresh."""
    return _sha(job.source.read_bytes() + b"\0" + job.target.read_bytes())


def prune_appendix(jobs: list[Job], outdir: Path) -> None:
    """Remove appendix pages for subsectors no longer in the data."""
    wanted = {j.target.resolve() for j in jobs}
    for nb in (outdir / APPENDIX).glob("profil_*.ipynb"):
        if nb.resolve() not in wanted:
            nb.unlink()
            print(
                f"  removed {nb.relative_to(outdir.parent).as_posix()} (subsector no longer in the data)",
                file=sys.stderr,
            )
