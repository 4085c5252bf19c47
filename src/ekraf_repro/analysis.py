"""What Tabel 1.1 says: growth, compound growth, shares, index, totals, ranks.

All functions take the tidy frame from :func:`ekraf_repro.loader.load`
(columns ``subsektor``, ``tahun``, ``nilai``) and return wide frames with
subsectors as rows (in the file's order) and years as columns.
"""

import numpy as np
import pandas as pd

TOTAL = "Total"


def _defined(ratio):
    """A ratio whose denominator is zero is undefined: NaN (never ``inf``), which the text and tables then name as
    such (issue 22: a zero in a table is a valid value)."""
    return ratio.replace([np.inf, -np.inf], np.nan)


def wide(df: pd.DataFrame, total: bool = False) -> pd.DataFrame:
    """Subsectors x years, in the file's row order; optionally with a total row."""
    present = list(dict.fromkeys(df["subsektor"]))
    order = [s for s in df.attrs.get("subsektor", present) if s in present] or present
    out = df.pivot(index="subsektor", columns="tahun", values="nilai").loc[order]
    out.columns.name = "tahun"
    if total:
        out.loc[TOTAL] = out.sum()
    return out


def totals(df: pd.DataFrame) -> pd.Series:
    """Sum over subsectors, per year."""
    return wide(df).sum()


def yoy_of(values):
    """Change from the previous value in percent, along a series or a wide frame's years; NaN from a zero."""
    axis = {"axis": 1} if isinstance(values, pd.DataFrame) else {}
    return _defined(values.pct_change(fill_method=None, **axis) * 100)


def yoy(df: pd.DataFrame, total: bool = False) -> pd.DataFrame:
    """Year-on-year change in percent; the first year has no value and is dropped."""
    return yoy_of(wide(df, total=total)).iloc[:, 1:]


def cagr(df: pd.DataFrame, start: int | None = None, end: int | None = None, total: bool = False) -> pd.Series:
    """Compound annual growth rate in percent between ``start`` and ``end`` (default: first and last year)."""
    w = wide(df, total=total)
    start = w.columns.min() if start is None else start
    end = w.columns.max() if end is None else end
    n = end - start
    if n < 0:
        raise ValueError(f"CAGR needs end >= start, got {start}-{end}")
    if n == 0:  # one year: no growth rate
        return pd.Series(np.nan, index=w.index)
    first = w[start].where(w[start] > 0)  # growth from nothing has no rate
    return ((w[end] / first) ** (1 / n) - 1) * 100


def shares(df: pd.DataFrame) -> pd.DataFrame:
    """Each subsector's share of the yearly total, in percent."""
    w = wide(df)
    return w / w.sum().where(w.sum() > 0) * 100


def index(df: pd.DataFrame, base: int | None = None, total: bool = False) -> pd.DataFrame:
    """Index with ``base`` year = 100 (default: first year)."""
    w = wide(df, total=total)
    base = w.columns.min() if base is None else base
    return w.div(w[base].where(w[base] > 0), axis=0) * 100


def ranks(df: pd.DataFrame) -> pd.DataFrame:
    """Rank of each subsector by value within each year (1 = largest)."""
    return wide(df).rank(ascending=False, method="min").astype(int)


def declines(df: pd.DataFrame, subsektor: str) -> dict[str, list[int]]:
    """Years in which ``subsektor`` fell or grew against the year before."""
    change = yoy(df).loc[subsektor]
    return {
        "turun": [int(y) for y, v in change.items() if v < 0],
        "naik": [int(y) for y, v in change.items() if v > 0],
    }


def profile(df: pd.DataFrame, subsektor: str) -> pd.DataFrame:
    """One subsector year by year: value, change, share, rank and index (first year = 100)."""
    w = wide(df)
    row = w.loc[subsektor]
    return pd.DataFrame(
        {
            "nilai": row,
            "perubahan_pct": yoy_of(row),
            "pangsa_pct": shares(df).loc[subsektor],
            "peringkat": ranks(df).loc[subsektor],
            "indeks": row / (row.iloc[0] if row.iloc[0] > 0 else np.nan) * 100,
        }
    ).rename_axis("tahun")


def table_key(df: pd.DataFrame) -> tuple:
    """A key for a table's content (its rows, in order, and the corrections applied), to reuse computations."""
    return (
        tuple(map(tuple, df[["subsektor", "tahun", "nilai"]].itertuples(index=False))),
        tuple(df.attrs.get("koreksi_sel", [])) if isinstance(df.attrs.get("koreksi_sel"), list) else (),
    )


def memo(fn):
    """Remember ``fn(df)`` for the last few tables seen (a notebook asks the same question several times)."""
    import copy
    from functools import wraps

    seen: dict = {}

    @wraps(fn)
    def wrapper(df: pd.DataFrame):
        key = table_key(df)
        if key not in seen:
            if len(seen) > 8:
                seen.clear()
            seen[key] = fn(df)
        return copy.deepcopy(seen[key])

    return wrapper
