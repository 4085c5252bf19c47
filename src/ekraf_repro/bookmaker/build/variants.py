"""Variant books: the whole book rerun on other data or parameters, one (:func:`rerun`) or many (:func:`sweep`).

From Python: ``from ekraf_repro.bookmaker import rerun; rerun("varian/fesyen", data="tabel_saya.csv",
subsektor="Fashion")``. Every parameter set is checked before any kernel starts; a variant is built beside its
target and moved into place only when complete; a sweep runs each distinct notebook once, in one kernel pool.
"""

from __future__ import annotations

import csv
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Lock

from ... import loader, paths
from ...errors import InputError
from ...params import DEFAULTS, language, resolve
from .. import variant as variant_mod
from ..files import update
from ..pages import citing
from ..run import execute
from ..run.plan import WORKERS, plan
from . import book, editions

PROTECTED = (paths.NOTEBOOKS, paths.DATA, paths.BUILD / "html")


def typed(key: str, value: str):
    """A parameter given as text (command line, sweep file): ``None`` is the default, a year a number."""
    return (
        None if value == "None" else int(value) if key.startswith("tahun_") and value.lstrip("-").isdigit() else value
    )


def _check_out(out: Path) -> Path:
    out = Path(out).expanduser().resolve()
    for protected in PROTECTED:
        if out == protected or protected in out.parents or out in protected.parents:
            raise InputError(f"OUT={out.name}: must not be or contain {paths.display(protected)}")
    return out


def check(out, sets: list[dict]) -> None:
    """What a rerun or a sweep refuses (OUT, a parameter, a data file), checked before the command waits for the
    checkout's lock: bad input is one line at once, never after another run has finished."""
    _check_out(Path(out))
    for given in sets:
        values = {k: v for k, v in given.items() if k != "nama"}
        if values.get("data") is not None:
            values["data"] = str(Path(values["data"]).expanduser().resolve())
        resolve(**values)


def _stage_source(src: Path, lang: str) -> None:  # the edition's project without notebooks (executed into it)
    editions.sync(editions.project_files(lang, notebooks=False, links=False), src, keep=("notebooks", "_varian"))
    (src / "notebooks").mkdir(parents=True, exist_ok=True)  # where the kernels run


def stage_data(given: Path, src: Path) -> str:
    """The variant's ``data`` parameter: the given file copied into the project, unless it is one of the book's."""
    if not given.is_file():
        loader.load(given)  # the one-line error: file not found, or a directory
    for known in sorted((src / "data").rglob("*.csv")):
        if known.read_bytes() == given.read_bytes():
            return known.relative_to(src).as_posix()
    target = src / "data" / "varian" / given.name
    if target.exists() and target.read_bytes() != given.read_bytes():
        raise InputError(f"data={given.name}: two different files with this name in one run; rename one of them")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(given, target)
    return target.relative_to(src).as_posix()


def _finish(project: Path, stage: Path, variant, pdf: bool) -> None:  # mark it a variant, build its book (and PDF)
    variant_mod.apply(project, variant)
    page = project / "book" / "_generated" / citing.NAME  # every edition's
    update(page, citing.render(variant.lang, variant).encode())
    book.build(root=project, out=stage)
    if pdf:
        book.pdf(root=project, out=stage)


def _move_into_place(stage: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    stage.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def rerun(out, data=None, pdf: bool = False, jobs: int = WORKERS, force: bool = False, **params) -> Path:
    """Build one variant book in ``out``; returns its ``html/index.html``."""
    if unknown := sorted(set(params) - set(DEFAULTS)):
        raise InputError(f"unknown parameter '{unknown[0]}'; allowed: {', '.join(DEFAULTS)}")
    out = _check_out(Path(out))
    stage = out.with_name(f".{out.name}.staging")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        if out.exists():
            shutil.copytree(out, stage, symlinks=True)  # keeps the variant's manifest: only changed notebooks run
        src = stage / "source"
        given = dict(params)
        _stage_source(src, language(params.get("bahasa") or DEFAULTS["bahasa"]))
        if data is not None:
            given["data"] = stage_data(Path(data).expanduser().resolve(), src)
        planned, checked = plan(parameters=given, root=src, outdir=src / "notebooks")  # checked once
        execute.run(planned, stage / "manifest.json", force=force, workers=jobs)
        execute.prune_appendix(planned, src / "notebooks")
        _finish(src, stage, variant_mod.describe(checked, given, pdf), pdf)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)  # nothing half-written; an existing OUT is untouched
        raise
    _move_into_place(stage, out)
    return out / "html" / "index.html"


# --------------------------------------------------------------------------- sweeps


def read_sweep(path: Path) -> list[dict]:
    """A ``;``-separated sweep file: a ``nama`` column (the folder), parameters (empty: the default; ``data``
    relative to the file)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path.name}: sweep file not found")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    if not rows or "nama" not in rows[0]:
        raise InputError(f"{path.name}: line 1: expected a header with 'nama' and parameters ({', '.join(DEFAULTS)})")
    sets, seen = [], set()
    for line, row in enumerate(rows, start=2):
        name = (row.pop("nama") or "").strip()
        if not name or "/" in name or name.startswith("."):
            raise InputError(f"{path.name}: line {line}, column 'nama': '{name}' is not a folder name")
        if name in seen:
            raise InputError(f"{path.name}: line {line}, column 'nama': '{name}' appears twice")
        seen.add(name)
        if unknown := sorted(k for k in row if k not in DEFAULTS):
            raise InputError(
                f"{path.name}: line 1: unknown column '{unknown[0]}'; allowed: nama, {', '.join(DEFAULTS)}"
            )
        values = {k: typed(k, v.strip()) for k, v in row.items() if v and v.strip()}
        if values.get("data"):
            values["data"] = str((path.parent / values["data"]).resolve())
        sets.append({"nama": name, **values})
    return sets


def sweep(sets: list[dict], out, pdf: bool = False, jobs: int = WORKERS) -> list[Path]:
    """Build one variant book per parameter set into ``out/<nama>``; returns their ``html/index.html``. A variant's
    book is built as soon as its last notebook is ready; a notebook with the same inputs as another is copied."""
    out = _check_out(Path(out))
    stage = out / ".sweep.staging"
    shutil.rmtree(stage, ignore_errors=True)
    try:
        src = stage / "source"
        _stage_source(src, DEFAULTS["bahasa"])  # where the kernels run; each variant is built in its own language
        planned, variants, owner = [], {}, {}
        for spec in sets:
            given = {k: v for k, v in spec.items() if k not in ("nama", "data")}
            name, data = spec["nama"], spec.get("data")
            if data is not None:
                given["data"] = stage_data(Path(data).expanduser().resolve(), src)
            jobs_i, checked = plan(parameters=given, root=src, outdir=src / "_varian" / name / "notebooks")
            planned += jobs_i
            owner.update({job.name: name for job in jobs_i})
            variants[name] = variant_mod.describe(checked, given, pdf)
        print(f"sweep: {len(variants)} variants, {len(planned)} notebooks", flush=True)

        def build(name: str) -> None:
            project = stage / name / "source"
            _stage_source(project, variants[name].lang)
            if (src / "data" / "varian").exists():
                shutil.copytree(src / "data" / "varian", project / "data" / "varian")
            shutil.rmtree(project / "notebooks")
            shutil.copytree(src / "_varian" / name / "notebooks", project / "notebooks")
            _finish(project, stage / name, variants[name], pdf)
            print(f"sweep: built {name}", flush=True)

        remaining = {name: sum(1 for j in planned if owner[j.name] == name) for name in variants}
        lock, builds = Lock(), []
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:

            def done(job) -> None:
                with lock:
                    name = owner[job.name]
                    remaining[name] -= 1
                    if remaining[name] == 0:
                        builds.append(pool.submit(build, name))

            execute.run(planned, stage / "manifest.json", workers=jobs, dedupe=True, on_done=done)
            for future in builds:
                future.result()
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    for name in variants:
        _move_into_place(stage / name, out / name)
    shutil.rmtree(stage, ignore_errors=True)
    return [out / name / "html" / "index.html" for name in variants]
