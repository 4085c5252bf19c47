"""The EPUB 3 edition (``make epub``): Sphinx's EPUB builder made valid (``sphinxext/epub.py``) and reproducible:
dated by the release (``SOURCE_DATE_EPOCH``) and packed again with fixed entry times and order (``mimetype``
first, stored). EPUBCheck (Debian's ``epubcheck``) checks it in the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from ..files import FIXED_TIME, entry  # noqa: F401 (FIXED_TIME: the tests read it here)
from .book import dated

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
EPUBCHECK_MISSING = (
    "EPUBCheck is missing. Install it with `bash .ci/system-deps` (root on Debian) or "
    "`sudo apt-get install --no-install-recommends epubcheck default-jre-headless`."
)


def repack(source: Path, target: Path) -> None:
    """Write ``source``'s entries into ``target``: mimetype first and stored, then the rest sorted."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(tmp := target.with_name(f".{target.name}.tmp"), "w") as zout:
        for name in ["mimetype", *sorted(n for n in zin.namelist() if n != "mimetype")]:
            zout.writestr(entry(name, name == "mimetype"), zin.read(name))
    os.replace(tmp, target)


def build(root: Path, out: Path, force: bool = False) -> Path:  # into out/epub/book.epub, unless current
    def place(built: Path, target: Path) -> None:
        repack(built, target)
        shutil.rmtree(out / "_epub", ignore_errors=True)

    return dated(root, out, "epub", ["--builder", "custom", "--custom-builder", "epub"], "epub/book.epub", place, force)


def have_epubcheck() -> bool:
    return EPUBCHECK_JAR.is_file() and shutil.which("java") is not None


def epubcheck(path: Path) -> subprocess.CompletedProcess:  # valid: exit 0 and no error
    return subprocess.run(["java", "-jar", str(EPUBCHECK_JAR), str(path)], capture_output=True, text=True)
