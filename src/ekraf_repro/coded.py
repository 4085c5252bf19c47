"""The tables coded from the paper and from public sources, by name.

``data/coded/`` holds facts coded from the paper's text, ``data/klaim/`` the
statements the audit checks and the statuses it gives, ``data/konteks/`` facts
from public sources (each with its bibliography key). A table is found by its
file stem (``aktor``, ``klaim``, ``konteks`` ...); stems are unique across the folders.
"""

from functools import cache

import pandas as pd

from . import paths, tanggal

FOLDERS = ("coded", "klaim", "konteks")


@cache
def _path(name: str):
    found = [
        paths.DATA / folder / f"{name}.csv" for folder in FOLDERS if (paths.DATA / folder / f"{name}.csv").is_file()
    ]
    if len(found) != 1:
        raise KeyError(
            f"coded table '{name}': expected one file data/{{{','.join(FOLDERS)}}}/{name}.csv, found {len(found)}"
        )
    return found[0]


@cache
def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(paths.record_read(_path(name)), sep=";", dtype=str, keep_default_na=False)


def table(name: str) -> pd.DataFrame:
    """A coded table by file stem, all columns as text."""
    return _read(name).copy()


def names() -> list[str]:
    """Every coded table's name."""
    return sorted(p.stem for folder in FOLDERS for p in (paths.DATA / folder).glob("*.csv"))


def row(name: str, key: str, column: str = "id") -> pd.Series:
    """One row of a coded table, by its id."""
    t = _read(name).set_index(column)
    if key not in t.index:
        raise KeyError(f"{paths.display(_path(name))}: no row with {column} '{key}'")
    return t.loc[key]


def claim(claim_id: str) -> pd.Series:
    """One statement of ``data/klaim/klaim.csv``."""
    return row("klaim", claim_id)


def claim_years(claim_id: str) -> tuple[int, int]:
    """A claimed period such as ``2019-2023`` as a pair of years."""
    a, b = claim(claim_id)["nilai"].split("-")
    return int(a), int(b)


def claim_number(claim_id: str) -> float:
    return float(claim(claim_id)["nilai"])


def context(fact_id: str) -> str:
    """The value of one public-context fact (``data/konteks/konteks.csv``)."""
    return row("konteks", fact_id)["nilai"]


def context_list(fact_id: str) -> list[str]:
    """A public-context fact holding several items (separated by ``|``)."""
    return context(fact_id).split("|")


def fact(fact_id: str, lang: str = "id") -> str:
    """The value of one coded fact about the firm (``data/coded/fakta_perusahaan.csv``), in ``lang`` where the
    value is a phrase of that language (``nilai_en``); names and numbers are the same in both."""
    r = row("fakta_perusahaan", fact_id)
    english = r.get("nilai_en")
    return english if lang == "en" and isinstance(english, str) and english.strip() else r["nilai"]


def event(event_id: str) -> pd.Series:
    """One dated event of the timeline, by id."""
    return row("linimasa", event_id)


def timeline() -> pd.DataFrame:
    """``data/coded/linimasa.csv`` with ``x``, the date as a decimal year, sorted by date."""
    events = table("linimasa")
    events["x"] = events["tanggal"].map(tanggal.decimal_year)
    return events.sort_values(["x", "id"]).reset_index(drop=True)


def text(frame: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """A text column in the reader's language: ``column`` in Indonesian, ``column_en`` in English."""
    return frame[column if lang == "id" else f"{column}_en"]
