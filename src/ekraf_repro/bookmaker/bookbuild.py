"""Render executed notebooks and prose into the HTML book with Jupyter Book (execution off)."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .. import paths

SOURCES = ("_config.yml", "_toc.yml", "book", "notebooks", "data", "CITATION.cff", "_locale")
PACKAGE = Path(__file__).resolve().parents[1]  # the extensions and the code that writes the pages
SHIPPED = ("pyproject.toml", "uv.lock", "LICENSE", "LICENSE-CONTENT.md", "lab/pyproject.toml")  # in the notebooks zip


def source_hash(root: Path) -> str:
    """Hash of everything the HTML depends on (the project and this package), to skip Sphinx when nothing changed."""
    h = hashlib.sha256()
    for base, names in ((root, SOURCES), (PACKAGE.parent, (PACKAGE.name,)), (PACKAGE.parents[1], SHIPPED)):
        for name in names:
            top = base / name
            files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
            for f in files:
                if ".ipynb_checkpoints" in f.parts or "__pycache__" in f.parts or f.name.startswith("."):
                    continue
                h.update(f.relative_to(base).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def stamp_path(out: Path, kind: str) -> Path:
    """Where the hash of the sources a build of ``kind`` (book, pdf, epub) was made from is kept."""
    return out / ".ekraf" / f"{kind}.sha256"


def is_current(target: Path, stamp: Path, digest: str) -> bool:
    """Was ``target`` built from the sources whose hash is ``digest``?"""
    return target.exists() and stamp.exists() and stamp.read_text() == digest


def write_stamp(stamp: Path, digest: str) -> None:
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)


def dated_build(root: Path, builder: list[str], scratch: Path, built: str, what: str) -> Path:
    """Run Jupyter Book's ``builder`` on ``root`` into ``scratch``, dated by the release (``SOURCE_DATE_EPOCH``:
    the book's only date, so two builds are identical); return ``scratch/_build/<built>``. A failure prints the
    log's end and stops in one line naming ``what`` failed."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "FORCE_SOURCE_DATE": "1", "EKRAF_ROOT": str(root)}
    cmd = [jupyter_book(), "build", str(root), *builder, "--path-output", str(scratch), "-W", "--keep-going"]
    result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env)
    path = scratch / "_build" / built
    if result.returncode != 0 or not path.exists():
        sys.stderr.write(result.stdout[-6000:] + result.stderr[-3000:])
        raise SystemExit(f"error: {what} build failed (exit {result.returncode}); see the log above")
    return path


def jupyter_book() -> str:
    exe = Path(sys.executable).parent / "jupyter-book"
    return str(exe) if exe.exists() else "jupyter-book"


def build(root: Path = paths.ROOT, out: Path | None = None, strict: bool = True, force: bool = False) -> Path:
    """Build ``root`` into ``out/html`` (default ``root/_build/html``); skip when the sources did not change."""
    out = out or root / "_build"
    html = out / "html"
    stamp = stamp_path(out, "book")
    digest = source_hash(root)
    if not force and is_current(html / "index.html", stamp, digest):
        print(f"book: sources unchanged, {paths.display(html)} is up to date (Sphinx not started)", flush=True)
        return html
    # jupyter-book writes to <path-output>/_build/html: another output folder is built in a scratch folder, then moved.
    direct = out.name == "_build"
    path_output = out.parent if direct else out / "_jb"
    cmd = [jupyter_book(), "build", str(root), "--path-output", str(path_output)] + (
        ["-W", "--keep-going"] if strict else []
    )
    print(f"book: building {paths.display(html)}", flush=True)
    env = {**os.environ, "EKRAF_ROOT": str(root)}  # the extensions read the project being built
    result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-6000:] + result.stderr[-3000:])
        raise SystemExit(f"error: jupyter-book build failed (exit {result.returncode}); see the warnings above")
    log = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # Sphinx colours its log even into a pipe
    read = re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", log)
    shown = ", ".join(read) if len(read) <= 5 else f"{', '.join(read[:5])}, ..."
    print(f"book: Sphinx read {len(read)} changed source{'s' if len(read) != 1 else ''}: {shown}", flush=True)
    if not direct:
        if html.exists():
            shutil.rmtree(html)
        shutil.move(str(path_output / "_build" / "html"), str(html))
        shutil.rmtree(path_output, ignore_errors=True)
    removed = prune(html, root)
    if removed:
        print(
            f"book: removed {len(removed)} file{'s' if len(removed) != 1 else ''} no clean build would make: "
            f"{', '.join(removed[:5])}{', ...' if len(removed) > 5 else ''}",
            flush=True,
        )
    write_stamp(stamp, digest)
    return html


# Pages Sphinx writes that have no source file of their own.
GENERATED_PAGES = {"index.html", "genindex.html", "search.html", "py-modindex.html"}
# Folders of files that pages use (figures, downloads, page sources); a file no page links is left over.
USED_FOLDERS = ("_images", "_downloads", "_sources")
SOURCE_SUFFIXES = (".md", ".ipynb", ".rst")
_LINK = re.compile(r"""(?:src|href)=["']([^"'#?]+)""")


def prune(html: Path, source: Path) -> list[str]:
    """Remove what an incremental Sphinx build leaves behind and a clean build of ``source`` would not make.

    Sphinx never deletes an output: a page whose source is gone stays, and so does a figure or a
    download that no page uses any more (a figure's file name is its content's hash, so a changed
    figure leaves the old file). Returns the removed files, relative to ``html``.
    """
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
        for item in sorted((html / folder).rglob("*"), reverse=True):
            if item.is_file() and os.path.normpath(item) not in used:
                item.unlink()
                removed.append(item.relative_to(html).as_posix())
            elif item.is_dir() and not any(item.iterdir()):
                item.rmdir()
    return sorted(removed)


def source_date_epoch() -> str:
    """The release date in CITATION.cff as a Unix time: the PDF's only date, so two builds are identical."""
    import calendar
    import datetime as dt

    from . import citation

    released = dt.date.fromisoformat(str(citation.load()["date-released"]))
    return str(calendar.timegm(released.timetuple()))


LATEX_MISSING = (
    "TeX Live is missing (xelatex, latexmk, xindy). Install it with `bash .ci/system-deps` (root on Debian) "
    "or `sudo apt-get install --no-install-recommends texlive-xetex latexmk texlive-latex-recommended "
    "texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf xindy texlive-plain-generic lmodern`."
)


def have_latex() -> bool:
    return all(shutil.which(tool) for tool in ("xelatex", "latexmk", "xindy"))


def pdf(root: Path = paths.ROOT, out: Path | None = None, force: bool = False) -> Path:
    """Build the PDF with LaTeX (xelatex) into ``out/pdf/book.pdf`` and link it from the HTML book."""
    out = out or root / "_build"
    target, stamp = out / "pdf" / "book.pdf", stamp_path(out, "pdf")
    digest = source_hash(root)
    if not have_latex():
        raise SystemExit(f"error: {LATEX_MISSING}")
    if not force and is_current(target, stamp, digest):
        print(f"pdf: sources unchanged, {paths.display(target)} is up to date", flush=True)
    else:
        print(f"pdf: building {paths.display(target)} with xelatex", flush=True)
        built = dated_build(root, ["--builder", "pdflatex"], out / "_pdf", "latex/book.pdf", "PDF")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)
        write_stamp(stamp, digest)
    html = out / "html"
    if html.exists():
        shutil.copy2(target, html / "book.pdf")
    return target
