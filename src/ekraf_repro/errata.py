"""Explicit corrections of printed cells, read from ``data/errata.csv``.

An erratum names the file, the row (subsector), the column (year), the value as
printed and the value to use, with the reason. It applies to that cell of that
file only; the same malformed value anywhere else stays an error.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .errors import InputError

COLUMNS = ["berkas", "baris", "kolom", "nilai_tercetak", "nilai_koreksi", "alasan", "alasan_en"]


@dataclass(frozen=True)
class Erratum:
    berkas: str
    baris: str
    kolom: str
    nilai_tercetak: str
    nilai_koreksi: str
    alasan: str
    alasan_en: str

    def note(self) -> str:
        return (
            f"{self.berkas}, row {self.baris}, column {self.kolom}: "
            f"printed '{self.nilai_tercetak}' read as '{self.nilai_koreksi}' ({self.alasan})"
        )


def load(path: Path = paths.ERRATA) -> list[Erratum]:
    with open(paths.record_read(path), encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        if reader.fieldnames != COLUMNS:
            raise InputError(f"{paths.display(path)}: header must be {';'.join(COLUMNS)}, found {reader.fieldnames}")
        return [Erratum(**row) for row in reader]


def for_file(
    data_file: Path, errata_file: Path | None = None, root: Path | None = None
) -> dict[tuple[str, str], Erratum]:
    """The errata that apply to ``data_file``, keyed by (row, column); ``berkas`` is relative to the project root."""
    root = root or paths.ROOT
    target = Path(data_file).resolve()
    return {
        (e.baris, e.kolom): e
        for e in load(errata_file or root / "data" / "errata.csv")
        if (root / e.berkas).resolve() == target
    }


def frame(path: Path = paths.ERRATA):
    """All errata as a DataFrame (one row per correction)."""
    import pandas as pd

    return pd.DataFrame([vars(e) for e in load(path)], columns=COLUMNS)
