"""Cross-tabulations of the coded data: triangulation and constraint x effort."""
import pandas as pd

from . import coded


def section(bagian: str) -> str:
    """Only the section code of a ``bagian`` value (``'D. Hasil dan Pembahasan'``)."""
    return bagian.split(" / ")[0]


def triangulation() -> pd.DataFrame:
    """Findings (rows, ``temuan.id``) x sources (columns, ``sumber_bukti.id``): 1 where the paper links them."""
    temuan, sumber, links = coded.table("temuan"), coded.table("sumber_bukti"), coded.table("triangulasi")
    m = pd.crosstab(links["temuan_id"], links["sumber_id"])
    m = m.reindex(index=temuan["id"], columns=sumber["id"], fill_value=0)
    return (m > 0).astype(int)


def support_counts() -> pd.Series:
    """Number of distinct sources behind each finding (0 = none)."""
    return triangulation().sum(axis=1)


def targets() -> pd.DataFrame:
    """The four constraints and the introduction's barriers, in one list with their kind."""
    k = coded.table("kendala").rename(columns={"kendala": "nama"}).assign(jenis="kendala")
    h = coded.table("hambatan").rename(columns={"hambatan": "nama"}).assign(jenis="hambatan")
    return pd.concat([k[["id", "nama", "jenis", "bagian"]], h[["id", "nama", "jenis", "bagian"]]], ignore_index=True)


def constraint_effort() -> pd.DataFrame:
    """Targets (rows: constraints, then barriers) x efforts (columns): 1 where our coding links them."""
    links, upaya, t = coded.table("tautan_upaya"), coded.table("upaya"), targets()
    unknown = set(links["target_id"]) - set(t["id"])
    if unknown:
        raise ValueError(f"data/coded/tautan_upaya.csv: unknown target_id {sorted(unknown)}")
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
