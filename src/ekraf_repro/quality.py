"""The quality of Tabel 1.1: observations the paper never claims, so never statuses of the paper.

- how the table's subsector shares compare with shares reported in the press
  (a comparison that does not depend on the unknown unit);
- how its totals compare in size with press-reported totals (which does);
- whether its total moves in the same direction as the press reports in 2020
  (unit-free);
- and how the findings of chapters 1 and 5 depend on the reading of the one
  malformed cell (:func:`cell_readings`).

Thresholds come from ``data/klaim/ambang.csv`` (:func:`ekraf_repro.audit.threshold`).
"""

import pandas as pd

from . import analysis, audit, coded, subsectors, tablechecks


def _press(indicator: str) -> pd.DataFrame:
    press = coded.table("konteks_ekspor")
    press = press[press["indikator"] == indicator].copy()
    press["tahun"] = press["tahun"].astype(int)
    press["nilai"] = press["nilai"].astype(float)
    return press.reset_index(drop=True)


def press_share_moves() -> float:
    """Largest change of a subsector's press-reported share between two consecutive reported years (points)."""
    p = _press("pangsa").pivot(index="subsektor", columns="tahun", values="nilai")
    moves = [(p[b] - p[a]).abs().max() for a, b in zip(p.columns, p.columns[1:]) if b == a + 1]
    return float(max(moves)) if moves else float("nan")


def press_shares(df: pd.DataFrame, tolerance: float | None = None) -> pd.DataFrame:
    """Table shares next to press-reported shares for the latest year both have, with the gap and whether it
    is close."""
    tolerance = audit.threshold("toleransi_pangsa") if tolerance is None else tolerance
    press = _press("pangsa")
    years = sorted(set(press["tahun"]) & {int(y) for y in df["tahun"].unique()})
    cols = ["tahun", "subsektor", "pangsa_tabel", "pangsa_pers", "selisih_poin", "dekat", "kunci_bib"]
    if not years:
        return pd.DataFrame(columns=cols)
    year = years[-1]
    shares = analysis.shares(df)[year]
    official = {s: subsectors.official_name(s) for s in shares.index}
    rows = []
    for r in press[press["tahun"] == year].itertuples(index=False):
        match = [s for s, o in official.items() if o == r.subsektor]
        if match:
            gap = shares[match[0]] - r.nilai
            rows.append((year, r.subsektor, shares[match[0]], r.nilai, gap, abs(gap) <= tolerance, r.kunci_bib))
    return pd.DataFrame(rows, columns=cols)


def press_totals(df: pd.DataFrame, band: tuple[float, float] | None = None) -> pd.DataFrame:
    """Table totals (read as thousand US$, shown in million US$) next to press-reported totals, by year."""
    low, high = audit.threshold("pita_besaran") if band is None else band
    press = _press("total")
    table = analysis.totals(df) / 1000
    out = press[["tahun", "nilai", "kunci_bib"]].rename(columns={"nilai": "total_pers"})
    out["total_tabel"] = out["tahun"].map(lambda y: table.get(y))
    out = out.dropna(subset=["total_tabel"]).reset_index(drop=True)
    out["rasio"] = out["total_tabel"] / out["total_pers"]
    out["setara"] = out["rasio"].between(low, high)
    return out


def press_direction(df: pd.DataFrame) -> dict:
    """The total's change in the one year the press gives a change for, next to the press figure (unit-free)."""
    press = _press("perubahan_total")
    change = analysis.yoy(df, total=True).loc[analysis.TOTAL]
    if press.empty or int(press["tahun"].iloc[0]) not in change.index:
        return {}
    year, reported = int(press["tahun"].iloc[0]), float(press["nilai"].iloc[0])
    ours = float(change[year])
    return {
        "tahun": year,
        "pers": reported,
        "tabel": ours,
        "searah": (ours > 0) == (reported > 0),
        "kunci_bib": press["kunci_bib"].iloc[0].split(),
    }


# --------------------------------------------------------------------------- the malformed cell


def corrected_cells(df: pd.DataFrame) -> list[tuple[str, int, float]]:
    """The cells the errata corrected: ``(subsector, year, value used)``."""
    out = []
    for fix in df.attrs.get("koreksi_sel", []):
        subsector, year = fix
        value = float(df.loc[(df["subsektor"] == subsector) & (df["tahun"] == year), "nilai"].iloc[0])
        out.append((subsector, year, value))
    return out


def neighbour_level(df: pd.DataFrame, subsector: str, year: int) -> float | None:
    """The mean of the cell's two neighbouring years, when both exist."""
    w = analysis.wide(df)
    if year - 1 in w.columns and year + 1 in w.columns:
        return float((w.loc[subsector, year - 1] + w.loc[subsector, year + 1]) / 2)
    return None


def with_value(df: pd.DataFrame, subsector: str, year: int, value: float) -> pd.DataFrame:
    """A copy of the table with one cell replaced (attrs kept)."""
    out = df.copy()
    out.loc[(out["subsektor"] == subsector) & (out["tahun"] == year), "nilai"] = value
    out.attrs = dict(df.attrs)
    return out


FINDINGS = (
    "total_perubahan",
    "pangsa_sel",
    "perubahan_sel",
    "terbesar",
    "dua_terbesar_min",
    "cagr_total",
    "cagr_sel",
    "turun_tiap_tahun",
    "persen_terdekat",
    "arah_pers",
    "pangsa_pers_maks",
)


def findings(df: pd.DataFrame, subsector: str, year: int) -> dict:
    """The findings of chapters 1 and 5 that a reading of the cell (``subsector``, ``year``) could move."""
    total = analysis.yoy(df, total=True).loc[analysis.TOTAL]
    shares = analysis.shares(df)
    two = shares.mean(axis=1).sort_values(ascending=False).index[:2]
    cagr = analysis.cagr(df, total=True)
    cell_change = analysis.yoy(df).loc[subsector]
    decline = tablechecks.decline_every_year(df, "Kriya")
    near = tablechecks.derive_percentage(df, coded.claim_number("k05"), audit.threshold("toleransi_persen")).facts
    direction = press_direction(df)
    gaps = press_shares(df)
    return {
        "total_perubahan": float(total[year]) if year in total.index else None,
        "pangsa_sel": float(shares.loc[subsector, year]),
        "perubahan_sel": float(cell_change[year]) if year in cell_change.index else None,
        "terbesar": analysis.wide(df)[year].idxmax(),
        "dua_terbesar_min": float(shares.loc[two].sum().min()),
        "cagr_total": float(cagr[analysis.TOTAL]),
        "cagr_sel": float(cagr[subsector]),
        "turun_tiap_tahun": decline.status,
        "persen_terdekat": near,
        "arah_pers": direction.get("searah"),
        "pangsa_pers_maks": float(gaps["selisih_poin"].abs().max()) if len(gaps) else None,
    }


@analysis.memo
def cell_readings(df: pd.DataFrame) -> dict | None:
    """The findings under our reading of the corrected cell and with the cell at its neighbours' level.

    ``None`` when no erratum applies to the table (nothing was read by us).
    """
    cells = corrected_cells(df)
    if not cells or len(cells) != 1:
        return None
    subsector, year, ours = cells[0]
    other = neighbour_level(df, subsector, year)
    if other is None:
        return None
    alt = with_value(df, subsector, year, other)
    return {
        "subsektor": subsector,
        "tahun": year,
        "kami": ours,
        "tetangga": other,
        "temuan_kami": findings(df, subsector, year),
        "temuan_tetangga": findings(alt, subsector, year),
    }


def peak_on_corrected_cell(df: pd.DataFrame, subsector: str) -> dict | None:
    """When ``subsector``'s highest share of the yearly total falls in the one cell the errata corrected: that year,
    and the year the peak moves to if the cell is read at its neighbours' level instead. ``None`` otherwise."""
    cells = corrected_cells(df)
    if not cells or len(cells) != 1:
        return None
    cell_subsector, year, _ours = cells[0]
    peak = int(analysis.shares(df).loc[subsector].idxmax())
    if cell_subsector != subsector or year != peak:
        return None
    other = neighbour_level(df, cell_subsector, year)
    if other is None:
        return None
    alt = with_value(df, cell_subsector, year, other)
    return {"tahun": peak, "tahun_lain": int(analysis.shares(alt).loc[subsector].idxmax())}
