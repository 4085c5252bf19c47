"""Where things live in the project, resolved from the package location."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW_TABLE = DATA / "raw" / "tabel_1_1_ekspor_ekraf.csv"
ERRATA = DATA / "errata.csv"
DATAPACKAGE = DATA / "datapackage.json"
NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"
BUILD = ROOT / "_build"


def display(path: Path | str) -> str:
    """A path as the user should read it: relative to the project when inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


READS: set[Path] = set()


def record_read(path: Path | str) -> Path:
    """Note that a data file was read (the pipeline's declared inputs are tested against this log)."""
    p = Path(path).resolve()
    READS.add(p)
    return p
