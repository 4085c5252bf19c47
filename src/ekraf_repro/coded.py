"""The data coded from the paper's text (``data/coded/*.csv``, ``data/klaim.csv``)."""
from functools import cache

import pandas as pd

from . import paths


@cache
def _read(name: str) -> pd.DataFrame:
    path = paths.DATA / (f"{name}.csv" if name == "klaim" else f"coded/{name}.csv")
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
