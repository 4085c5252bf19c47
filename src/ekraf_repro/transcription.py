"""Checks of our own transcription and coding against what the paper prints, and of the paper's internal consistency
where no argument rests on it (the weekday of the interview).

These are not findings for or against the paper: a match says that the raw file
and the coded tables hold what the paper shows, or that a peripheral detail is
consistent, nothing more; none counts in the audit. The expected values are
typed from the paper in ``data/klaim/transkripsi.csv``; what was found is
computed from the data (for a weekday: the calendar).
"""

import pandas as pd

from . import analysis, coded, show, tanggal


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
        "hari_wawancara": tanggal.weekday(coded.event("e_wawancara")["tanggal"], "id"),
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
        if value in tanggal.WEEKDAYS["id"]:  # the paper's weekday, in the reader's language
            return tanggal.WEEKDAYS[lang][tanggal.WEEKDAYS["id"].index(value)]
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
