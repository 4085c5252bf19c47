"""Render a staged project into the HTML book, the PDF or the EPUB with Jupyter Book, strictly (``-W``), unless
the hash of everything it depends on is the one the last build of its kind stamped; after an HTML build, what a
clean build would not make is removed (:func:`prune`).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ... import paths
from .. import report, settings
from ..files import clear, tree_hash, under, update

SOURCES = ("_config.yml", "_toc.yml", "book", "notebooks", "data", "CITATION.cff", "_locale")
PACKAGE = Path(__file__).resolve().parents[2]  # the extensions and the code that writes the pages
LOCK = paths.ROOT / "uv.lock"  # the installed libraries shape the book too
SHIPPED = ("pyproject.toml", "LICENSE", "LICENSE-CONTENT.md", "lab/pyproject.toml")  # in the notebooks zip


def source_hash(root: Path) -> str:
    """Hash of everything a build depends on: the project, this package, the lock file."""
    machine = [(PACKAGE.parent, (PACKAGE.name,)), (LOCK.parent, (LOCK.name,)), (PACKAGE.parents[1], SHIPPED)]
    found = []
    for base, names in [(root, SOURCES), *machine]:
        for top in (base / name for name in names):
            files = [top] if top.is_file() else under(top).values()
            found += [(base, f) for f in files if not f.name.startswith(".")]
    return tree_hash(found)


def stamp_path(out: Path, kind: str) -> Path:  # the hash of the sources the last build of kind was made from
    return out / ".ekraf" / f"{kind}.sha256"


def is_current(target: Path, stamp: Path, digest: str) -> bool:
    return target.exists() and stamp.exists() and stamp.read_text() == digest


def jupyter_book() -> str:
    exe = Path(sys.executable).parent / "jupyter-book"
    return str(exe) if exe.exists() else "jupyter-book"


def run_jupyter_book(root: Path, args: list[str], path_output: Path, what: str, dated: bool = False) -> list[str]:
    """Run ``jupyter-book build`` on ``root`` (strict, ``dated`` by the release); return the pages Sphinx read."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EKRAF_ROOT": str(root), report.SPHINX_REPORT: str(Path(tmp) / "sphinx.json")}
        if dated:
            env.update(SOURCE_DATE_EPOCH=settings.release_epoch(root), FORCE_SOURCE_DATE="1")
        cmd = [jupyter_book(), "build", str(root), *args, "--path-output", str(path_output), "-W", "--keep-going"]
        result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            sys.stderr.write(result.stdout[-6000:] + result.stderr[-3000:])
            raise SystemExit(f"error: {what} build failed (exit {result.returncode}); see the log above")
        return report.read(Path(tmp) / "sphinx.json")["read"]


def build(root: Path = paths.ROOT, out: Path | None = None, force: bool = False) -> Path:
    """Build ``root`` into ``out/html`` unless its sources are unchanged; ``force``: every page again (``--all``)."""
    out = out or root / "_build"
    html, stamp, digest = out / "html", stamp_path(out, "book"), source_hash(root)
    if not force and is_current(html / "index.html", stamp, digest):
        print(f"book: sources unchanged, {paths.display(html)} is up to date (Sphinx not started)", flush=True)
        report.build(root, "html", sphinx=False)
        return html
    # jupyter-book writes to <path-output>/_build/html: another output folder is built in a scratch folder, then moved.
    direct = out.name == "_build"
    path_output = out.parent if direct else out / "_jb"
    print(f"book: building {paths.display(html)}", flush=True)
    read = run_jupyter_book(root, ["--all"] if force else [], path_output, "jupyter-book")
    shown = ", ".join(read) if len(read) <= 5 else f"{', '.join(read[:5])}, ..."
    print(f"book: Sphinx read {len(read)} changed source{'s' if len(read) != 1 else ''}: {shown}", flush=True)
    if not direct:
        shutil.rmtree(html, ignore_errors=True)
        shutil.move(str(path_output / "_build" / "html"), str(html))
        shutil.rmtree(path_output, ignore_errors=True)
    removed = prune(html, root)
    if removed:
        print(f"book: removed {len(removed)} file(s) no clean build would make: {', '.join(removed[:5])}", flush=True)
    report.build(root, "html", sphinx=True, read=read, pruned=removed)
    update(stamp, digest.encode())
    return html


# Pages Sphinx writes that have no source file of their own.
GENERATED_PAGES = {"index.html", "genindex.html", "search.html", "py-modindex.html"}
# Folders of files that pages use (figures, downloads, page sources); a file no page links is left over.
USED_FOLDERS = ("_images", "_downloads", "_sources")
SOURCE_SUFFIXES = (".md", ".ipynb", ".rst")
_LINK = re.compile(r"""(?:src|href)=["']([^"'#?]+)""")


def prune(html: Path, source: Path) -> list[str]:
    """Remove what Sphinx leaves behind and a clean build would not make: pages whose source is gone, files no
    page links (read from the written pages: what is left over is decided on Sphinx's output)."""
    removed = []
    pages = [p for p in sorted(html.rglob("*.html")) if not p.relative_to(html).parts[0].startswith("_")]
    for page in pages:
        rel = page.relative_to(html)
        if rel.as_posix() in GENERATED_PAGES:
            continue
        stem = source / rel.with_suffix("")
        if not any(stem.with_name(stem.name + suffix).exists() for suffix in SOURCE_SUFFIXES):
            page.unlink()
            removed.append(rel.as_posix())
    used = set()
    for page in html.rglob("*.html"):
        for link in _LINK.findall(page.read_text(encoding="utf-8")):
            if "://" not in link and not link.startswith(("mailto:", "data:")):
                used.add(os.path.normpath(page.parent.joinpath(link)))
    for folder in USED_FOLDERS:
        wanted = lambda rel, base=html / folder: os.path.normpath(base / rel) in used
        removed += [f"{folder}/{rel}" for rel in clear(html / folder, wanted)]
    return sorted(removed)


LATEX_MISSING = (
    "TeX Live is missing (xelatex, latexmk, xindy). Install it with `bash .ci/system-deps` (root on Debian) "
    "or `sudo apt-get install --no-install-recommends texlive-xetex latexmk texlive-latex-recommended "
    "texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf xindy texlive-plain-generic lmodern "
    "texlive-lang-other`."
)


def have_latex() -> bool:
    return all(shutil.which(tool) for tool in ("xelatex", "latexmk", "xindy"))


def dated(root: Path, out: Path, kind: str, builder: list[str], built: str, place, force: bool = False) -> Path:
    """Build the PDF or EPUB (``kind``) into ``out/<kind>/book.<kind>`` unless current; ``place`` moves it there."""
    target, stamp, digest = out / kind / f"book.{kind}", stamp_path(out, kind), source_hash(root)
    if not force and is_current(target, stamp, digest):
        print(f"{kind}: sources unchanged, {paths.display(target)} is up to date", flush=True)
        report.build(root, kind, sphinx=False)
        return target
    print(f"{kind}: building {paths.display(target)}", flush=True)
    scratch = out / f"_{kind}"
    shutil.rmtree(scratch, ignore_errors=True)
    report.build(root, kind, sphinx=True, read=run_jupyter_book(root, builder, scratch, kind.upper(), dated=True))
    target.parent.mkdir(parents=True, exist_ok=True)
    place(scratch / "_build" / built, target)
    update(stamp, digest.encode())
    return target


def pdf(root: Path = paths.ROOT, out: Path | None = None, force: bool = False) -> Path:
    out = out or root / "_build"
    if not have_latex():
        raise SystemExit(f"error: {LATEX_MISSING}")
    target = dated(root, out, "pdf", ["--builder", "pdflatex"], "latex/book.pdf", shutil.copy2, force)
    if (out / "html").exists():
        shutil.copy2(target, out / "html" / "book.pdf")
    return target
