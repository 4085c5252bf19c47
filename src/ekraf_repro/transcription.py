"""Checks of our own transcription and coding against what the paper prints.

These are not findings about the paper: a match says that the raw file and
the coded tables hold what the paper shows, nothing more. The expected values
are typed from the paper in ``data/klaim/transkripsi.csv``; what was found is
computed from the data.
"""

import pandas as pd

from . import analysis, coded, show


def _cells(df) -> tuple[str, str]:
    w = analysis.wide(df)
    return str(int(w.notna().sum().sum())), str(len(df.attrs.get("koreksi", [])))


def found(df) -> dict[str, str]:
    """What our data hold, for each check of ``transkripsi.csv``."""
    years = sorted(int(y) for y in df["tahun"].unique())
    upaya = coded.table("upaya")
    joint = upaya.loc[upaya["kelompok"] == "kebijakan_bersama", "id"].str.extract(r"^(u\d)")[0].nunique()
    city = int((upaya["kelompok"] == "kebijakan_pemkot_bandung").sum())
    return {
        "sel_tabel": _cells(df)[0],
        "periode_keterangan": f"{years[0]}-{years[-1]}",
        "jumlah_kendala": str(len(coded.table("kendala"))),
        "jumlah_upaya": f"{joint}+{city}",
    }


def checks(df) -> pd.DataFrame:
    """One row per check: what the paper shows, what our data hold, and whether they match."""
    t = coded.table("transkripsi")
    have = found(df)
    t["ditemukan"] = t["pemeriksa"].map(have)
    t["cocok"] = t["diharapkan"] == t["ditemukan"]
    return t


def table(df, lang: str = "id") -> pd.DataFrame:
    """The checks for readers: periods with an en dash, sums as words."""
    t = checks(df)

    def shown(value: str) -> str:
        if "-" in value and value.replace("-", "").isdigit():
            a, b = value.split("-")
            return show.span(int(a), int(b))
        if "+" in value:
            a, b = value.split("+")
            return f"{a} + {b}"
        return value

    return pd.DataFrame(
        {
            "id": t["id"],
            "pemeriksaan": coded.text(t, "pemeriksaan", lang),
            "diharapkan": t["diharapkan"].map(shown),
            "ditemukan": t["ditemukan"].map(shown),
            "cocok": t["cocok"],
        }
    )


def corrections(df) -> int:
    """Number of errata applied to the table."""
    return len(df.attrs.get("koreksi", []))
