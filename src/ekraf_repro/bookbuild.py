"""Render executed notebooks and prose into the HTML book with Jupyter Book (execution off)."""
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from . import paths

SOURCES = ("_config.yml", "_toc.yml", "book", "notebooks", "data")


def source_hash(root: Path) -> str:
    """Hash of everything the HTML depends on, to skip Sphinx when nothing changed."""
    h = hashlib.sha256()
    for name in SOURCES:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for f in files:
            if ".ipynb_checkpoints" in f.parts or f.name.startswith("."):
                continue
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def jupyter_book() -> str:
    exe = Path(sys.executable).parent / "jupyter-book"
    return str(exe) if exe.exists() else "jupyter-book"


def build(root: Path = paths.ROOT, out: Path | None = None, strict: bool = True, force: bool = False) -> Path:
    """Build ``root`` into ``out/html`` (default ``root/_build/html``); skip when the sources did not change."""
    out = out or root / "_build"
    html = out / "html"
    stamp = out / ".ekraf" / "book.sha256"
    digest = source_hash(root)
    if not force and html.joinpath("index.html").exists() and stamp.exists() and stamp.read_text() == digest:
        print(f"book: sources unchanged, {paths.display(html)} is up to date (Sphinx not started)", flush=True)
        return html
    cmd = [jupyter_book(), "build", str(root), "--path-output", str(out.parent if out.name == "_build" else out)]
    if strict:
        cmd += ["-W", "--keep-going"]
    if out.name != "_build":
        # jupyter-book always writes to <path-output>/_build/html; build in a scratch folder and move.
        scratch = out / "_jb"
        cmd[-3 if strict else -1] = str(scratch)
    print(f"book: building {paths.display(html)}", flush=True)
    result = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-6000:] + result.stderr[-3000:])
        raise SystemExit(f"error: jupyter-book build failed (exit {result.returncode}); see the warnings above")
    if out.name != "_build":
        if html.exists():
            shutil.rmtree(html)
        shutil.move(str(out / "_jb" / "_build" / "html"), str(html))
        shutil.rmtree(out / "_jb", ignore_errors=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)
    return html
