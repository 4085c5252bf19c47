"""Where things live: every path of the project is resolved against its root.

The root is the folder holding ``data/``, ``notebooks/`` and ``book/``. It is
this checkout's, unless ``EKRAF_ROOT`` names another, as it does for the kernels
that execute a variant book in its own folder (``make rerun``). Only the
command line resolves a path against the user's working directory.
"""

import os
from pathlib import Path

ROOT = Path(os.environ.get("EKRAF_ROOT") or Path(__file__).resolve().parents[2]).resolve()
DATA = ROOT / "data"
RAW_TABLE = DATA / "raw" / "tabel_1_1_ekspor_ekraf.csv"
ERRATA = DATA / "errata.csv"
DATAPACKAGE = DATA / "datapackage.json"
NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"
BUILD = ROOT / "_build"


def display(path: Path | str, root: Path = ROOT) -> str:
    """A path as the user should read it: relative to the project when inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


READS: set[Path] = set()


def record_read(path: Path | str) -> Path:
    """Note that a data file was read (the pipeline's declared inputs are tested against this log)."""
    p = Path(path).resolve()
    READS.add(p)
    return p
