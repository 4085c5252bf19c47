"""Checks of the paper's numeric statements against Tabel 1.1.

Each check returns a :class:`Check`: a status computed from the data (never
typed), the values it rests on, and a short account of what was computed.
Statuses: ``reproduced``, ``contradicted``, ``not derivable``.
"""
from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd

from . import analysis, idnum

REPRODUCED = "reproduced"
CONTRADICTED = "contradicted"
NOT_DERIVABLE = "not derivable"
EXTERNAL = "external"
CORROBORATED = "corroborated"
IN_TENSION = "in tension"
STATUSES = (REPRODUCED, CONTRADICTED, NOT_DERIVABLE, EXTERNAL, CORROBORATED, IN_TENSION)

OTHERS = "Selain Kriya"


@dataclass
class Check:
    status: str
    evidence: pd.DataFrame
    facts: dict = field(default_factory=dict)
    ringkas: str = ""  # one line on the evidence, Indonesian, for summary tables


def decline_every_year(df: pd.DataFrame, subsektor: str = "Kriya") -> Check:
    """Does ``subsektor`` fall in every year of the table? Contradicted by any year that grew."""
    w = analysis.wide(df)
    if subsektor not in w.index:
        empty = pd.DataFrame(columns=["tahun", "nilai_sebelumnya", "nilai", "perubahan_pct", "arah"])
        return Check(NOT_DERIVABLE, empty, {"naik": [], "turun": [], "n_tahun": 0})
    change = analysis.yoy(df).loc[subsektor]
    ev = pd.DataFrame(
        {
            "tahun": [int(y) for y in change.index],
            "nilai_sebelumnya": [w.loc[subsektor, y - 1] for y in change.index],
            "nilai": [w.loc[subsektor, y] for y in change.index],
            "perubahan_pct": change.values,
        }
    )
    ev["arah"] = ev["perubahan_pct"].map(lambda v: "turun" if v < 0 else ("naik" if v > 0 else "tetap"))
    grew = ev.loc[ev["perubahan_pct"] > 0, "tahun"].tolist()
    fell = ev.loc[ev["perubahan_pct"] < 0, "tahun"].tolist()
    status = CONTRADICTED if grew else REPRODUCED
    line = "; ".join(f"{y}: {idnum.pct(v, 2, sign=True)}" for y, v in zip(ev["tahun"], ev["perubahan_pct"]))
    return Check(status, ev, {"naik": grew, "turun": fell, "n_tahun": len(ev)}, f"perubahan tahunan {subsektor}: {line}")


def period_matches(df: pd.DataFrame, claimed: tuple[int, int]) -> Check:
    """Does a period named in the text lie within the table's years?"""
    years = sorted(int(y) for y in df["tahun"].unique())
    wanted = list(range(claimed[0], claimed[1] + 1))
    missing = [y for y in wanted if y not in years]
    unused = [y for y in years if y not in wanted]
    ev = pd.DataFrame(
        {"tahun": sorted(set(years) | set(wanted))}
    ).assign(di_tabel=lambda d: d["tahun"].isin(years), di_teks=lambda d: d["tahun"].isin(wanted))
    status = REPRODUCED if not missing else CONTRADICTED
    line = f"tabel {years[0]}–{years[-1]}, teks {claimed[0]}–{claimed[1]}" + (
        f"; tidak ada di tabel: {', '.join(map(str, missing))}" if missing else "")
    return Check(status, ev, {"tahun_tabel": (years[0], years[-1]), "tidak_ada_di_tabel": missing, "tidak_disebut_teks": unused}, line)


def _with_others(df: pd.DataFrame, focus: str = "Kriya") -> pd.DataFrame:
    w = analysis.wide(df, total=True)
    if focus in w.index:
        w.loc[OTHERS] = w.loc[analysis.TOTAL] - w.loc[focus]
    return w


def percentage_candidates(df: pd.DataFrame) -> pd.DataFrame:
    """Every percentage the table yields by the usual computations, one row each.

    Families: change between any two years; compound annual growth over any
    window; share of the yearly total; change in share (points) between any two
    years; mean of the year-on-year changes. Rows: each subsector, the total and
    everything except Kriya (the text speaks of 'industri lainnya').
    """
    w = _with_others(df)
    years = list(w.columns)
    total = w.loc[analysis.TOTAL]
    rows = []
    for name, s in w.iterrows():
        for a, b in combinations(years, 2):
            rows.append((name, "perubahan antar-tahun", f"{a}-{b}", (s[b] / s[a] - 1) * 100))
            rows.append((name, "pertumbuhan majemuk (CAGR)", f"{a}-{b}", ((s[b] / s[a]) ** (1 / (b - a)) - 1) * 100))
        yoy = (s.pct_change() * 100).dropna()
        rows.append((name, "rata-rata perubahan tahunan", f"{years[0]}-{years[-1]}", yoy.mean()))
        if name != analysis.TOTAL:
            share = s / total * 100
            for y in years:
                rows.append((name, "pangsa dari total", str(y), share[y]))
            for a, b in combinations(years, 2):
                rows.append((name, "perubahan pangsa (poin)", f"{a}-{b}", share[b] - share[a]))
    out = pd.DataFrame(rows, columns=["baris", "perhitungan", "periode", "nilai_pct"])
    return out


def derive_percentage(df: pd.DataFrame, target: float, tolerance: float = 0.005) -> Check:
    """Can ``target`` percent (sign ignored) be derived from the table? Lists the nearest tries."""
    cand = percentage_candidates(df)
    cand["selisih"] = (cand["nilai_pct"].abs() - abs(target)).abs()
    hits = cand[cand["selisih"] <= tolerance]
    nearest = cand.sort_values(["selisih", "baris", "perhitungan", "periode"]).head(5).reset_index(drop=True)
    status = REPRODUCED if len(hits) else NOT_DERIVABLE
    facts = {
        "n_dicoba": len(cand),
        "keluarga": sorted(cand["perhitungan"].unique()),
        "terdekat": nearest.iloc[0].to_dict(),
        "toleransi": tolerance,
    }
    near = facts["terdekat"]
    line = (f"{len(cand)} perhitungan dicoba; terdekat: {near['perhitungan']} {near['baris']} {near['periode']} "
            f"= {idnum.pct(near['nilai_pct'])}")
    return Check(status, nearest, facts, line)
