"""Checks of the paper's numeric statements against Tabel 1.1.

Each check returns a :class:`Check`: a status computed from the data (never
typed), the facts it rests on, and the values behind it as a small frame
(columns named by :mod:`labels` keys, values as numbers or keys) that a
chapter formats for its reader. Status keys are those of ``data/klaim/status.csv``.
"""

from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd

from . import analysis
from .subsectors import official_name

SESUAI = "sesuai"
BERTENTANGAN = "bertentangan"
TIDAK_DIDUKUNG = "tidak_didukung"
SEJALAN = "sejalan"
TIDAK_SEJALAN = "tidak_sejalan"
TIDAK_DILAPORKAN = "tidak_dilaporkan"
TIDAK_DAPAT = "tidak_dapat"

OTHERS = "Selain Kriya"


@dataclass
class Check:
    status: str
    facts: dict = field(default_factory=dict)
    evidence: pd.DataFrame | None = None


def decline_every_year(df: pd.DataFrame, subsektor: str = "Kriya") -> Check:
    """Does ``subsektor`` fall in every year of the table? Contradicted by any year that rose."""
    w = analysis.wide(df)
    rows = [n for n in w.index if official_name(n) == official_name(subsektor)]  # "kriya" or "KRIYA" too
    if not rows:
        return Check(TIDAK_DAPAT, {"naik": [], "turun": [], "n_tahun": 0, "ada_baris": False})
    subsektor = rows[0]
    change = analysis.yoy(df).loc[subsektor]
    if change.empty:  # one year: no change to test
        return Check(TIDAK_DAPAT, {"naik": [], "turun": [], "n_tahun": 0, "ada_baris": True})
    ev = pd.DataFrame(
        {
            "tahun": [int(y) for y in change.index],
            "nilai_sebelumnya": [w.loc[subsektor, y - 1] for y in change.index],
            "nilai": [w.loc[subsektor, y] for y in change.index],
            "perubahan_pct": change.values,
        }
    )
    # the direction from the values themselves: a rise from zero has no percentage, but it is a rise
    step = ev["nilai"] - ev["nilai_sebelumnya"]
    ev["arah"] = step.map(lambda v: "turun" if v < 0 else ("naik" if v > 0 else "tetap"))
    grew = ev.loc[step > 0, "tahun"].tolist()
    fell = ev.loc[step < 0, "tahun"].tolist()
    status = BERTENTANGAN if grew else SESUAI
    return Check(status, {"naik": grew, "turun": fell, "n_tahun": len(ev), "ada_baris": True}, ev)


def period_matches(df: pd.DataFrame, claimed: tuple[int, int]) -> Check:
    """Does a period named in the text lie within the table's years?"""
    years = sorted(int(y) for y in df["tahun"].unique())
    wanted = list(range(claimed[0], claimed[1] + 1))
    missing = [y for y in wanted if y not in years]
    ev = pd.DataFrame({"tahun": sorted(set(years) | set(wanted))})
    ev["di_tabel"] = ev["tahun"].isin(years)
    ev["di_teks"] = ev["tahun"].isin(wanted)
    status = SESUAI if not missing else BERTENTANGAN
    facts = {
        "tahun_tabel": (years[0], years[-1]),
        "tabel": f"{years[0]}\u2013{years[-1]}",
        "hilang": missing,
        "tidak_disebut_teks": [y for y in years if y not in wanted],
    }
    return Check(status, facts, ev)


def with_others(df: pd.DataFrame, focus: str = "Kriya") -> pd.DataFrame:
    """The wide table with its total and, when ``focus`` is in it, everything but ``focus``."""
    w = analysis.wide(df, total=True)
    if focus in w.index:
        w.loc[OTHERS] = w.loc[analysis.TOTAL] - w.loc[focus]
    return w


FAMILIES = ("perubahan", "cagr", "rata_rata", "pangsa", "perubahan_pangsa")


@analysis.memo
def percentage_candidates(df: pd.DataFrame) -> pd.DataFrame:
    """Every percentage the table yields by the usual computations, one row each.

    Families: change between any two years; compound annual growth over any
    window; share of the yearly total; change in share (points) between any two
    years; mean of the year-on-year changes. Rows: each subsector, the total and
    everything except Kriya (the text speaks of "industri lainnya").
    """
    w = with_others(df)
    years = list(w.columns)
    total = w.loc[analysis.TOTAL]
    rows = []
    for name, s in w.iterrows():
        for a, b in combinations(years, 2):
            if not s[a] > 0:  # no change or growth from a zero: no percentage, and no warning in the notebook
                continue
            rows.append((name, "perubahan", a, b, (s[b] / s[a] - 1) * 100))
            rows.append((name, "cagr", a, b, ((s[b] / s[a]) ** (1 / (b - a)) - 1) * 100))
        yoy = analysis.yoy_of(s).dropna()  # the changes that are defined (none from a zero, none in one year)
        if len(yoy):
            rows.append((name, "rata_rata", years[0], years[-1], yoy.mean()))
        if name != analysis.TOTAL:
            share = s / total * 100
            for y in years:
                rows.append((name, "pangsa", y, y, share[y]))
            for a, b in combinations(years, 2):
                rows.append((name, "perubahan_pangsa", a, b, share[b] - share[a]))
    return pd.DataFrame(rows, columns=["baris", "perhitungan", "dari", "sampai", "nilai_pct"])


def derive_percentage(df: pd.DataFrame, target: float, tolerance: float) -> Check:
    """Can ``target`` percent (sign ignored) be derived from the table within ``tolerance`` points?"""
    cand = percentage_candidates(df)
    cand["selisih"] = (cand["nilai_pct"].abs() - abs(target)).abs()
    hits = cand[cand["selisih"] <= tolerance + 1e-12]
    nearest = cand.sort_values(["selisih", "baris", "perhitungan", "dari", "sampai"]).head(5).reset_index(drop=True)
    status = SESUAI if len(hits) else TIDAK_DAPAT
    facts = {
        "n_dicoba": len(cand),
        "n_cocok": len(hits),
        "toleransi": tolerance,
        "keluarga": [f for f in FAMILIES if f in set(cand["perhitungan"])],
        "terdekat_baris": nearest.loc[0, "baris"],
        "terdekat_perhitungan": nearest.loc[0, "perhitungan"],
        "terdekat_dari": int(nearest.loc[0, "dari"]),
        "terdekat_sampai": int(nearest.loc[0, "sampai"]),
        "terdekat_nilai": float(nearest.loc[0, "nilai_pct"]),
        "terdekat_selisih": float(nearest.loc[0, "selisih"]),
    }
    return Check(status, facts, nearest)


def matches_within(df: pd.DataFrame, target: float, tolerance: float) -> int:
    """How many of the usual computations land within ``tolerance`` points of ``target`` (sign ignored)."""
    cand = percentage_candidates(df)
    return int(((cand["nilai_pct"].abs() - abs(target)).abs() <= tolerance + 1e-12).sum())
