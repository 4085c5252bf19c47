"""The claims audit: a status for every statement in ``data/klaim.csv``, computed by code.

Each row of ``klaim.csv`` names its check function (column ``pemeriksa``).
A check returns a :class:`~ekraf_repro.tablechecks.Check`: the status, the
evidence it rests on, and the facts used in the prose. Statuses:

- ``reproduced``: the paper's own data or text yields the statement;
- ``contradicted``: the paper's own data or text says otherwise;
- ``not derivable``: the data cannot produce it (what was tried is listed);
- ``external``: it rests on a cited work or event that cannot be checked here;
- ``corroborated`` / ``in tension``: public context (``data/konteks*.csv``,
  from ``shared/paper/context.md``, with sources) agrees / disagrees.
"""
import datetime as dt

import pandas as pd

from . import analysis, coded, idnum, matrices, subsectors, tablechecks
from .tablechecks import (CONTRADICTED, CORROBORATED, EXTERNAL, IN_TENSION, NOT_DERIVABLE, REPRODUCED,
                          STATUSES, Check)

CHECKS = {}
STATUS_MEANING = [
    (REPRODUCED, "data atau teks makalah sendiri menghasilkan pernyataan itu"),
    (CONTRADICTED, "data atau teks makalah sendiri menyatakan hal lain"),
    (NOT_DERIVABLE, "data tidak dapat menghasilkannya; yang sudah dicoba dicantumkan"),
    (EXTERNAL, "bersandar pada karya atau peristiwa yang tidak dapat diperiksa di sini"),
    (CORROBORATED, "konteks publik (dengan sumbernya) sejalan dengan pernyataan itu"),
    (IN_TENSION, "konteks publik (dengan sumbernya) tidak sejalan dengan pernyataan itu"),
]
SHARE_TOLERANCE_PP = 5.0     # table share vs press share, percentage points
MAGNITUDE_BAND = (0.8, 1.25)  # table total / reported total counts as the same magnitude
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def check(fn):
    CHECKS[fn.__name__] = fn
    return fn


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _frame(**cols) -> pd.DataFrame:
    return pd.DataFrame({"besaran": list(cols), "nilai": [str(v) for v in cols.values()]})


def _line(ev: pd.DataFrame) -> str:
    return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in ev.itertuples(index=False))


@check
def sel_tabel(df, claim):
    w = analysis.wide(df)
    n = int(w.size)
    koreksi = len(df.attrs.get("koreksi", []))
    return Check(REPRODUCED, _frame(sel_terbaca=n, subsektor=len(w), tahun=w.shape[1], koreksi_errata=koreksi),
                 {"n_sel": n, "n_koreksi": koreksi})


@check
def periode_keterangan(df, claim):
    return tablechecks.period_matches(df, coded.claim_years(claim.name))


@check
def periode_teks(df, claim):
    return tablechecks.period_matches(df, coded.claim_years(claim.name))


@check
def turun_tiap_tahun(df, claim):
    return tablechecks.decline_every_year(df, claim["nilai"])


@check
def persen_turunan(df, claim):
    return tablechecks.derive_percentage(df, float(claim["nilai"]))


@check
def eksternal(df, claim):
    return Check(EXTERNAL, _frame(data_pemeriksa="tidak ada di buku ini"), {})


@check
def penulis_ahmad(df, claim):
    authors = int(coded.context("c_ahmad_penulis"))
    implied = 3  # 'et al.' stands for three or more authors
    status = IN_TENSION if authors < implied else CORROBORATED
    return Check(status, _frame(penulis_tersirat_et_al=f">= {implied}", penulis_menurut_konteks=authors,
                                angka_60_ditemukan=coded.context("c_ahmad_60")), {"penulis": authors})


@check
def tahun_pendirian(df, claim):
    paper, public = int(claim["nilai"]), int(coded.context("c_pendirian"))
    status = CORROBORATED if paper == public else IN_TENSION
    return Check(status, _frame(tahun_di_makalah=paper, tahun_menurut_konteks=public), {"tahun": public})


def _interview_date() -> dt.date:
    src = coded.table("sumber_bukti")
    return _date(src.loc[src["jenis"] == "wawancara", "tanggal"].iloc[0])


@check
def dua_puluh_lima_tahun(df, claim):
    founded = int(coded.fact("tahun_berdiri"))
    years = int(claim["nilai"])
    reached = founded + years
    cited = int(coded.table("sumber_bukti").set_index("id").loc["mulyadi2000", "tahun"])
    interview = _interview_date().year
    status = CONTRADICTED if reached > cited else REPRODUCED
    ev = _frame(tahun_berdiri=founded, tambah_tahun=years, tahun_tercapai=reached, tahun_sumber_dirujuk=cited,
                tahun_wawancara=interview, lama_usaha_saat_wawancara=interview - founded)
    return Check(status, ev, {"tercapai": reached, "sumber": cited, "saat_wawancara": interview - founded})


@check
def jumlah_negara(df, claim):
    facts = coded.table("fakta_perusahaan")
    markets = facts.loc[facts["atribut"] == "pasar", "nilai"].tolist()
    ev = _frame(negara_yang_disebut=0, wilayah_pasar_yang_disebut=len(markets), wilayah=", ".join(markets))
    return Check(NOT_DERIVABLE, ev, {"wilayah": markets})


@check
def lima_tahun_malaysia(df, claim):
    mou, interview = _date(coded.context("c_mou")), _interview_date()
    elapsed = (interview - mou).days / 365.25
    claimed = float(claim["nilai"])
    status = IN_TENSION if elapsed >= claimed else CORROBORATED
    ev = _frame(tanggal_mou=mou, tanggal_wawancara=interview, tahun_berlalu=idnum.fmt(elapsed, 1), klaim_tahun=f"< {claimed:g}")
    return Check(status, ev, {"tahun_berlalu": elapsed, "mou": mou})


@check
def hari_wawancara(df, claim):
    date_text, weekday = claim["nilai"].split()
    actual = WEEKDAYS_ID[_date(date_text).weekday()]
    status = REPRODUCED if actual == weekday else CONTRADICTED
    return Check(status, _frame(tanggal=date_text, hari_di_makalah=weekday, hari_menurut_kalender=actual), {"hari": actual})


@check
def ejaan_golya(df, claim):
    facts = coded.table("fakta_perusahaan")
    names = facts.loc[facts["atribut"] == "nama", "nilai"].tolist()
    public = coded.context("c_gloya")
    status = CONTRADICTED if len(names) > 1 else REPRODUCED
    return Check(status, _frame(ejaan_di_makalah=" | ".join(names), jumlah_ejaan=len(names), nama_menurut_konteks=public),
                 {"ejaan": names, "konteks": public})


@check
def metode_konsisten(df, claim):
    m = coded.table("metode")
    tech = m[m["komponen"] == "teknik_pengumpulan"]
    a = set(tech.loc[tech["bagian"] == "Abstrak", "isi"])
    c = set(tech.loc[tech["bagian"].str.startswith("C."), "isi"])
    status = CONTRADICTED if a != c else REPRODUCED
    ev = _frame(hanya_di_abstrak=", ".join(sorted(a - c)) or "–", hanya_di_bagian_c=", ".join(sorted(c - a)) or "–",
                di_keduanya=", ".join(sorted(a & c)) or "–")
    return Check(status, ev, {"hanya_abstrak": sorted(a - c), "hanya_c": sorted(c - a)})


@check
def jumlah_kendala(df, claim):
    n = len(coded.table("kendala"))
    status = REPRODUCED if n == int(claim["nilai"]) else CONTRADICTED
    return Check(status, _frame(kendala_dikode=n, kendala_disebut=claim["nilai"]), {"n": n})


@check
def jumlah_upaya(df, claim):
    u = coded.table("upaya")
    joint = u.loc[u["kelompok"] == "kebijakan_bersama", "id"].str.extract(r"^(u\d)")[0].nunique()
    city = int((u["kelompok"] == "kebijakan_pemkot_bandung").sum())
    want = tuple(int(x) for x in claim["nilai"].split("+"))
    status = REPRODUCED if (joint, city) == want else CONTRADICTED
    return Check(status, _frame(kebijakan_bersama=joint, kebijakan_pemkot=city, disebut=claim["nilai"]),
                 {"bersama": joint, "pemkot": city})


@check
def kendala_terjawab(df, claim):
    gaps = matrices.unaddressed()
    status = CONTRADICTED if len(gaps) else REPRODUCED
    line = "tidak dijawab upaya mana pun (pengodean editor): " + (", ".join(gaps["nama"]) or "–")
    return Check(status, gaps[["id", "nama", "jenis"]], {"tak_terjawab": gaps["nama"].tolist()}, line)


@check
def permendagri_berlaku(df, claim):
    replaced, interview = int(coded.context("c_permendagri_ganti")), _interview_date().year
    status = IN_TENSION if replaced <= interview else CORROBORATED
    return Check(status, _frame(tahun_peraturan=claim["nilai"], diganti_pada=replaced, tahun_wawancara=interview),
                 {"diganti": replaced})


@check
def kota_mitra(df, claim):
    cities = coded.context("c_kota_mitra").split("|")
    status = CORROBORATED if len(cities) >= 2 else IN_TENSION
    return Check(status, _frame(kota_mitra_lain=len(cities), daftar=", ".join(cities)), {"kota": cities})


def press_shares(df) -> pd.DataFrame:
    """Table shares next to press-reported shares for the latest year both have."""
    press = coded.table("konteks_ekspor")
    press = press[press["indikator"] == "pangsa"].assign(tahun=lambda d: d["tahun"].astype(int),
                                                         nilai=lambda d: d["nilai"].astype(float))
    years = sorted(set(press["tahun"]) & set(int(y) for y in df["tahun"].unique()))
    if not years:
        return pd.DataFrame(columns=["tahun", "subsektor", "pangsa_tabel", "pangsa_pers", "selisih_poin", "kunci_bib"])
    year = years[-1]
    shares = analysis.shares(df)[year]
    official = {s: subsectors.official_name(s) for s in shares.index}
    rows = []
    for r in press[press["tahun"] == year].itertuples(index=False):
        match = [s for s, o in official.items() if o == r.subsektor]
        if match:
            rows.append((year, r.subsektor, shares[match[0]], r.nilai, shares[match[0]] - r.nilai, r.kunci_bib))
    return pd.DataFrame(rows, columns=["tahun", "subsektor", "pangsa_tabel", "pangsa_pers", "selisih_poin", "kunci_bib"])


@check
def pangsa_pers(df, claim):
    ev = press_shares(df)
    if ev.empty:
        return Check(NOT_DERIVABLE, ev, {})
    worst = ev["selisih_poin"].abs().max()
    status = CORROBORATED if worst <= SHARE_TOLERANCE_PP else IN_TENSION
    line = f"{int(ev['tahun'].iloc[0])}, tabel vs pers: " + "; ".join(
        f"{r.subsektor} {idnum.pct(r.pangsa_tabel, 1)} vs {idnum.pct(r.pangsa_pers, 1)}" for r in ev.itertuples())
    return Check(status, ev, {"selisih_maks": worst, "tahun": int(ev["tahun"].iloc[0])}, line)


def press_totals(df) -> pd.DataFrame:
    """Table totals (read as thousand US$, shown in million US$) next to press-reported totals, by year."""
    press = coded.table("konteks_ekspor")
    press = press[press["indikator"] == "total"].assign(tahun=lambda d: d["tahun"].astype(int),
                                                        nilai=lambda d: d["nilai"].astype(float))
    table = analysis.totals(df) / 1000
    out = press[["tahun", "nilai", "kunci_bib"]].rename(columns={"nilai": "total_pers_juta_usd"})
    out["total_tabel_juta_usd_jika_ribu"] = out["tahun"].map(lambda y: table.get(y))
    out["rasio"] = out["total_tabel_juta_usd_jika_ribu"] / out["total_pers_juta_usd"]
    return out.reset_index(drop=True)


@check
def besaran_pers(df, claim):
    t = press_totals(df).dropna()
    if t.empty:
        return Check(NOT_DERIVABLE, t, {})
    lo, hi = MAGNITUDE_BAND
    inside = t["rasio"].between(lo, hi)
    status = CORROBORATED if inside.all() else IN_TENSION
    line = "total tabel (dibaca ribu US$) / total pers: " + "; ".join(
        f"{r.tahun}: {idnum.fmt(r.rasio, 2)}" for r in t.itertuples())
    return Check(status, t, {"rasio_min": t["rasio"].min(), "rasio_maks": t["rasio"].max(), "tahun": t["tahun"].tolist()}, line)


@check
def triangulasi(df, claim):
    support = matrices.support_counts()
    multi = int((support >= 2).sum())
    status = CONTRADICTED if multi * 2 < len(support) else REPRODUCED
    return Check(status, _frame(temuan=len(support), dua_sumber_atau_lebih=multi, satu_sumber=int((support == 1).sum()),
                                tanpa_sumber=int((support == 0).sum())), {"multi": multi, "n": len(support)})


def run(df: pd.DataFrame) -> pd.DataFrame:
    """Every claim with its computed status and a one-line account of the evidence."""
    claims = coded.table("klaim").set_index("id")
    rows = []
    for cid, claim in claims.iterrows():
        fn = CHECKS.get(claim["pemeriksa"])
        if fn is None:
            raise ValueError(f"data/klaim.csv: claim {cid} names unknown check '{claim['pemeriksa']}'")
        result = fn(df, claim)
        assert result.status in STATUSES, (cid, result.status)
        rows.append((cid, claim["bagian"].split(" / ")[0], claim["jenis"], claim["parafrase"], result.status,
                     evidence_line(result)))
    return pd.DataFrame(rows, columns=["id", "bagian", "jenis", "parafrase", "status", "bukti"])


def evidence_line(result: Check) -> str:
    """One line on what a status rests on."""
    if result.ringkas:
        return result.ringkas
    ev = result.evidence
    if ev.empty:
        return "–"
    if list(ev.columns) == ["besaran", "nilai"]:
        return _line(ev)
    return f"{len(ev)} baris bukti: " + ", ".join(str(v) for v in ev.iloc[:, 1].tolist())


def results(df: pd.DataFrame) -> dict:
    """Every check's full result, by claim id (for the chapters that quote the evidence)."""
    claims = coded.table("klaim").set_index("id")
    return {cid: CHECKS[c["pemeriksa"]](df, c) for cid, c in claims.iterrows()}


def result(claim_id: str, df: pd.DataFrame | None = None) -> Check:
    """One claim's check; claims about the text need no table (``df`` may be None)."""
    claim = coded.table("klaim").set_index("id").loc[claim_id]
    return CHECKS[claim["pemeriksa"]](df, claim)
