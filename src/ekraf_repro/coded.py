"""The data coded from the paper's text (``data/coded/*.csv``, ``data/klaim.csv``)."""
from functools import cache

import pandas as pd

from . import paths


TOP_LEVEL = ("klaim", "konteks", "konteks_ekspor")  # in data/; everything else in data/coded/


@cache
def _read(name: str) -> pd.DataFrame:
    path = paths.record_read(paths.DATA / (f"{name}.csv" if name in TOP_LEVEL else f"coded/{name}.csv"))
    return pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)


def table(name: str) -> pd.DataFrame:
    """A coded table by file stem (``aktor``, ``kendala``, ``klaim`` ...), all columns as text."""
    return _read(name).copy()


def claim(claim_id: str) -> pd.Series:
    """One row of ``data/klaim.csv``."""
    claims = _read("klaim").set_index("id")
    return claims.loc[claim_id]


def claim_years(claim_id: str) -> tuple[int, int]:
    """A claimed period such as ``2019-2023`` as a pair of years."""
    a, b = claim(claim_id)["nilai"].split("-")
    return int(a), int(b)


def claim_number(claim_id: str) -> float:
    return float(claim(claim_id)["nilai"])


def context(fact_id: str) -> str:
    """The value of one public-context fact (``data/konteks.csv``)."""
    return _read("konteks").set_index("id").loc[fact_id, "nilai"]


def fact(fact_id: str) -> str:
    """The value of one coded fact about the firm (``data/coded/fakta_perusahaan.csv``)."""
    return _read("fakta_perusahaan").set_index("id").loc[fact_id, "nilai"]


def timeline() -> pd.DataFrame:
    """``data/coded/linimasa.csv`` with ``x``, the date as a decimal year, sorted by date."""
    import datetime as dt

    def decimal(text: str) -> float:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return parts[0] + 0.5
        if len(parts) == 2:
            return parts[0] + (parts[1] - 0.5) / 12
        day = dt.date(*parts)
        return parts[0] + (day.timetuple().tm_yday - 1) / 365

    events = table("linimasa")
    events["x"] = events["tanggal"].map(decimal)
    return events.sort_values(["x", "peristiwa"]).reset_index(drop=True)
