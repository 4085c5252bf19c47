"""The plan: which notebooks to execute, with which parameters, and what decides that one must run again
(its fingerprint: code cells, parameters, the data files it reads, the analysis package and the lock file).
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path

from ... import paths
from ...params import DEFAULT_DATA, Params, data_path, for_subsector, resolve
from ...subsectors import placeholders, slug
from .. import settings
from ..files import sha256, tree_hash

TEMPLATE, APPENDIX = settings.TEMPLATE, settings.APPENDIX
WORKERS = 2
ANALYSIS = Path(__file__).resolve().parents[2]  # the package the notebooks import, without the book machine


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


def chapters(nbdir: Path = paths.NOTEBOOKS, root: Path | None = None) -> list[Path]:
    """The notebooks of ``nbdir`` the table of contents names, in reading order: every chapter, numbered or in
    the appendix, but not the template's pages."""
    toc = settings.toc_files(root or nbdir.parent)
    found = [nbdir / Path(f).relative_to("notebooks").with_suffix(".ipynb") for f in toc if f.startswith("notebooks/")]
    return [nb for nb in found if nb.is_file()]


def notebooks(nbdir: Path, root: Path | None = None) -> list[Path]:
    return chapters(nbdir, root) + sorted((nbdir / APPENDIX).glob("*.ipynb"))


def declared(source: Path) -> set[str]:
    """The parameters a notebook declares: the names its ``parameters`` cell assigns."""
    for cell in json.loads(source.read_text(encoding="utf-8"))["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            body = ast.parse("".join(cell["source"])).body
            return {t.id for n in body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    return set()


def plan(
    parameters: dict | None = None, root: Path = paths.ROOT, nbdir: Path = paths.NOTEBOOKS, outdir: Path | None = None
) -> tuple[list[Job], Params]:
    """Jobs for every chapter and one appendix page per subsector in the data, and the parameters, checked once
    here. ``root``: the project the notebooks run in; ``outdir``: where they go (default: in place)."""
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
        given = own(nbdir / TEMPLATE, {**parameters, "subsektor": name})
        jobs.append(Job(nbdir / TEMPLATE, outdir / APPENDIX / f"profil_{slug(name)}.ipynb", given, root, fill))
    return jobs, checked


def editions(root: Path = paths.ROOT) -> list[Job]:
    """Every notebook job of both editions: the Indonesian ones in place, the others into their folders."""
    jobs = []
    for code in settings.EDITIONS:
        outdir = None if code == settings.DEFAULT else settings.executed(code, root)
        jobs += plan(settings.parameters(code), root=root, nbdir=root / "notebooks", outdir=outdir)[0]
    return jobs


def package_hash(src: Path = ANALYSIS, lock: Path = paths.ROOT / "uv.lock") -> str:
    """Hash of the analysis the notebooks import (not the book machine) and of the lock file."""
    modules = [(src, f) for f in sorted(src.rglob("*.py")) if "bookmaker" not in f.relative_to(src).parts]
    return tree_hash(modules + ([(lock.parent, lock)] if lock.exists() else []))


def reads(job: Job) -> list[Path]:
    """The data files a job reads: its notebook's declared ``ekraf.reads``, with ``data`` substituted."""
    nb = json.loads(job.source.read_text(encoding="utf-8"))
    found = [job.root / r for r in nb["metadata"].get("ekraf", {}).get("reads", [])]
    default, given = data_path(DEFAULT_DATA, job.root), job.parameters.get("data")
    return [data_path(given, job.root) if given is not None and p.resolve() == default else p for p in found]


def fingerprint(job: Job, pkg: str) -> str:
    nb = json.loads(job.source.read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    files = {paths.display(p, job.root): sha256(p.read_bytes()) for p in reads(job)}
    payload = {"code": code, "parameters": job.parameters, "reads": files, "package": pkg}
    return sha256(json.dumps(payload, sort_keys=True, default=str).encode())
