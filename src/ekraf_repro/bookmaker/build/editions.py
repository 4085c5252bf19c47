"""Two editions from one source: each staged as a Sphinx project of its own (``_build/editions/<lang>/source``),
built, and published side by side in ``_build/html``. Files are rewritten only when their content changes, so
Sphinx sees only real changes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from ... import paths
from .. import settings
from ..files import clear, under, update
from ..run.plan import notebooks as executed_notebooks
from . import book, together
from . import epub as epub_file
from .catalogues import catalogues

PDF_NAMES = {"id": "book.pdf", "en": "book-en.pdf"}  # in _build/pdf/; each edition's site links its own book.pdf
EPUB_NAMES = {"id": "book.epub", "en": "book-en.epub"}  # in _build/epub/
PRINT_SOURCE = "pdf-source"  # the edition's project as the PDF and the EPUB are made from it


def _folder(base: Path, prefix: str, skip: tuple = ()) -> dict[str, bytes]:
    return {prefix + rel: p.read_bytes() for rel, p in under(base).items() if rel.split("/")[0] not in skip}


def project_files(
    code: str, root: Path = paths.ROOT, notebooks: Path | bool | None = None, extra: dict | None = None, links=True
) -> dict[str, bytes]:
    """Every file of the edition's Sphinx project, by its path; ``notebooks``: the executed ones to take (default:
    the edition's; ``False``: none, a variant executes its own); ``links``: published beside the other editions."""
    header = f"# The {code} edition's configuration, written by ekraf (see bookmaker/build/editions.py).\n"
    cfg = yaml.safe_dump(settings.config(code, root, extra, links), allow_unicode=True, sort_keys=False)
    files = {"_config.yml": (header + cfg).encode(), "_toc.yml": settings.toc(code, root).encode()}
    files["CITATION.cff"] = (root / "CITATION.cff").read_bytes()
    files.update(catalogues(code, root / "book" / "_locale", root))
    files.update(_folder(root / "book", "book/", skip=(*settings.EDITIONS, "_locale")))
    if code != settings.DEFAULT:  # the edition's own pages replace the Indonesian ones at the same paths
        files.update(_folder(root / "book" / code, "book/"))
    files.update(_folder(root / "data", "data/"))
    if notebooks is False:
        return files
    nbdir = notebooks or settings.executed(code, root)
    for path in executed_notebooks(nbdir, root):
        nb = settings.strip_other_language(json.loads(path.read_text(encoding="utf-8")), code)
        text = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        files[f"notebooks/{path.relative_to(nbdir).as_posix()}"] = text.encode()
    return files


def sync(files: dict[str, bytes], dest: Path, keep: tuple[str, ...] = ()) -> list[str]:
    """Make ``dest`` hold exactly ``files`` (but ``keep``), touching only what differs; returns what changed."""
    dest.mkdir(parents=True, exist_ok=True)
    changed = [rel for rel, data in files.items() if update(dest / rel, data)]
    return changed + clear(dest, files.__contains__, keep)


def stage(code: str, dest: Path, root: Path = paths.ROOT, extra: dict | None = None) -> Path:
    sync(project_files(code, root, extra=extra), dest)
    return dest


REDIRECT = """<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>Mengalihkan ke edisi bahasa Indonesia</title>
<meta http-equiv="refresh" content="0; url=id/index.html">
<link rel="alternate" hreflang="id" href="id/index.html">
<link rel="alternate" hreflang="en" href="en/index.html"></head>
<body><p><a href="id/index.html">Edisi bahasa Indonesia</a> ·
<a href="en/index.html" lang="en">English edition</a></p></body>
</html>
"""


def publish(code: str, html: Path, site: Path = settings.SITE) -> list[str]:
    """Make ``site/<lang>`` hold exactly the edition's build, and write the site's front door."""
    changed = sync(_folder(html, ""), site / code)
    update(site / "index.html", REDIRECT.encode())
    for stray in site.iterdir():  # a site holds the editions and the front door only
        if stray.name not in (*settings.EDITIONS, "index.html"):
            shutil.rmtree(stray) if stray.is_dir() else stray.unlink()
    return changed


def workdir(code: str, root: Path = paths.ROOT) -> Path:  # staged in source/, built in _build/
    return root / "_build" / "editions" / code


def build(force: bool = False, root: Path = paths.ROOT) -> Path:
    """Stage and build every edition side by side, then publish them into ``_build/html`` (one failed edition: the
    site stays as it was). Each links its PDF only when one is made from the current sources."""
    site = root / "_build" / "html"
    for code, html in zip(settings.EDITIONS, together.each(lambda c: _make(c, force, root), settings.EDITIONS)):
        publish(code, html, site)
    return site


def _make(code: str, force: bool, root: Path) -> Path:
    work = workdir(code, root)
    with_pdf = pdf_ready(code, root)
    source = stage(code, work / "source", root, extra={"sphinx": {"config": {"ekraf_pdf": with_pdf}}})
    html = book.build(root=source, out=work / "_build", force=force)
    own = html / "book.pdf"
    if with_pdf:
        _copy(work / "_build" / "pdf" / "book.pdf", own)
    else:
        own.unlink(missing_ok=True)
    return html


def _copy(built: Path, target: Path) -> Path:  # unless the same bytes are there
    update(target, built.read_bytes())
    return target


def pdf_ready(code: str, root: Path = paths.ROOT) -> bool:
    out = workdir(code, root) / "_build"
    target, stamp = out / "pdf" / "book.pdf", book.stamp_path(out, "pdf")
    if not (target.exists() and stamp.exists()):
        return False  # nothing to check: the PDF project is not staged for it
    return book.is_current(target, stamp, book.source_hash(stage(code, workdir(code, root) / PRINT_SOURCE, root)))


def pdf(code: str, force: bool = False, root: Path = paths.ROOT) -> Path:
    """Build one edition's PDF into ``_build/pdf/`` (the next HTML build of the edition links it)."""
    work = workdir(code, root)
    built = book.pdf(root=stage(code, work / PRINT_SOURCE, root), out=work / "_build", force=force)
    return _copy(built, root / "_build" / "pdf" / PDF_NAMES[code])


def epub(code: str, force: bool = False, root: Path = paths.ROOT) -> Path:
    """Build one edition's EPUB 3 into ``_build/epub/``, staged like the PDF."""
    work = workdir(code, root)
    built = epub_file.build(stage(code, work / PRINT_SOURCE, root), work / "_build", force=force)
    return _copy(built, root / "_build" / "epub" / EPUB_NAMES[code])


def pdfs(force: bool = False) -> list[Path]:
    """Every edition's PDF, side by side."""
    return together.each(lambda code: pdf(code, force=force), settings.EDITIONS)


def epubs(force: bool = False) -> list[Path]:
    """Every edition's EPUB, side by side."""
    return together.each(lambda code: epub(code, force=force), settings.EDITIONS)


def prints() -> list[tuple[Path, Path]]:
    """Every edition's PDF then its EPUB (one staged print project each), the editions side by side."""
    return together.each(lambda code: (pdf(code), epub(code)), settings.EDITIONS)
