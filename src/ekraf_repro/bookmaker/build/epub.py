"""The EPUB 3 edition (``make epub``): Sphinx's EPUB builder, made valid (``sphinxext/epub.py``) and reproducible.

Each edition's staged project is built with the ``epub`` builder under
``SOURCE_DATE_EPOCH`` (the release date in ``CITATION.cff``: the only date in
the book), and the container is packed again with fixed entry times and order
(``mimetype`` first, stored), so two builds give the same bytes. EPUBCheck
(Debian's ``epubcheck``, a Java program) checks it in the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path


EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
EPUBCHECK_MISSING = (
    "EPUBCheck is missing. Install it with `bash .ci/system-deps` (root on Debian) or "
    "`sudo apt-get install --no-install-recommends epubcheck default-jre-headless`."
)
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # every entry of the container: the date is in the OPF metadata, not here


def repack(source: Path, target: Path) -> None:
    """Write ``source``'s entries into ``target``: mimetype first and stored, then the rest sorted, fixed times."""
    with zipfile.ZipFile(source) as zin:
        names = sorted(n for n in zin.namelist() if n != "mimetype")
        tmp = target.with_name(f".{target.name}.tmp")
        with zipfile.ZipFile(tmp, "w") as zout:
            for name in ["mimetype", *names]:
                info = zipfile.ZipInfo(name, FIXED_TIME)
                info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zout.writestr(info, zin.read(name))
    os.replace(tmp, target)


def build(root: Path, out: Path, force: bool = False) -> Path:
    """Build ``root`` (a staged edition) into ``out/epub/book.epub``; skipped when the sources did not change."""
    from .book import dated, source_hash, stamp_path, write_stamp

    target = out / "epub" / "book.epub"
    built = dated(root, out, "epub", ["--builder", "custom", "--custom-builder", "epub"], "epub/book.epub", force)
    if built != target:
        repack(built, target)
        shutil.rmtree(out / "_epub", ignore_errors=True)
        write_stamp(stamp_path(out, "epub"), source_hash(root))
    return target


def have_epubcheck() -> bool:
    return EPUBCHECK_JAR.is_file() and shutil.which("java") is not None


def epubcheck(path: Path) -> subprocess.CompletedProcess:
    """EPUBCheck's verdict on ``path`` (exit 0 and no error when it is valid)."""
    return subprocess.run(["java", "-jar", str(EPUBCHECK_JAR), str(path)], capture_output=True, text=True)
