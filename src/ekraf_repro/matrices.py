"""Cross-tabulations of the coded data: triangulation and constraint x effort."""

import pandas as pd

from . import coded


def section(bagian: str) -> str:
    """Only the section code of a ``bagian`` value (``'D. Hasil dan Pembahasan'``)."""
    return bagian.split(" / ")[0]


def triangulation(independent: bool = False) -> pd.DataFrame:
    """Findings (rows) x sources (columns): 1 where the paper links them.

    With ``independent`` the columns are independent origins (``sumber_bukti.asal``):
    an interview and an observation of one person on one day are one origin, and
    a statement relayed inside a cited work is one origin with that work.
    """
    temuan, sumber, links = coded.table("temuan"), coded.table("sumber_bukti"), coded.table("triangulasi")
    unknown = sorted(set(links["sumber_id"]) - set(sumber["id"])) + sorted(set(links["temuan_id"]) - set(temuan["id"]))
    if unknown:
        raise ValueError(f"data/coded/triangulasi.csv: unknown ids {unknown}")
    if independent:
        origin = sumber.set_index("id")["asal"]
        links = links.assign(sumber_id=links["sumber_id"].map(origin))
        columns = list(dict.fromkeys(sumber["asal"]))
    else:
        columns = list(sumber["id"])
    m = pd.crosstab(links["temuan_id"], links["sumber_id"]).reindex(index=temuan["id"], columns=columns, fill_value=0)
    return (m > 0).astype(int)


def support_counts(independent: bool = True) -> pd.Series:
    """Number of distinct (by default independent) sources behind each finding (0 = none)."""
    return triangulation(independent).sum(axis=1)


def targets() -> pd.DataFrame:
    """The four constraints and the introduction's barriers, in one list with their kind and names in both languages."""
    k = coded.table("kendala").rename(columns={"kendala": "nama", "kendala_en": "nama_en"}).assign(jenis="kendala")
    h = coded.table("hambatan").rename(columns={"hambatan": "nama", "hambatan_en": "nama_en"}).assign(jenis="hambatan")
    cols = ["id", "nama", "nama_en", "jenis", "paragraf"]
    return pd.concat([k[cols], h[cols]], ignore_index=True)


def constraint_effort() -> pd.DataFrame:
    """Targets (rows: constraints, then barriers) x efforts (columns): 1 where our coding links them."""
    links, upaya, t = coded.table("tautan_upaya"), coded.table("upaya"), targets()
    unknown = sorted(set(links["target_id"]) - set(t["id"])) + sorted(set(links["upaya_id"]) - set(upaya["id"]))
    if unknown:
        raise ValueError(f"data/coded/tautan_upaya.csv: unknown ids {unknown}")
    m = pd.crosstab(links["target_id"], links["upaya_id"]).reindex(index=t["id"], columns=upaya["id"], fill_value=0)
    return (m > 0).astype(int)


def unaddressed() -> pd.DataFrame:
    """Constraints and barriers that no effort addresses."""
    m = constraint_effort()
    t = targets().set_index("id")
    return t.loc[m.index[m.sum(axis=1) == 0]].reset_index()


def idle_efforts() -> list[str]:
    """Efforts that address none of the constraints or barriers."""
    m = constraint_effort()
    return [c for c in m.columns if m[c].sum() == 0]
