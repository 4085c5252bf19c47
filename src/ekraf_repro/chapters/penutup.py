"""Chapter 6: the paper weighed question by question (the cooperation, the firm, the constraints, the efforts, the
conclusion), with the outside evidence the book holds on the cooperation's outcome. It weighs; it does not score:
nothing here counts statuses or groups statements by status (``tests/test_chapter_weight.py`` keeps it so)."""

import datetime as dt

import pandas as pd

from .. import audit, coded, idnum, tanggal
from ..show import Table, listing
from .hasil import joint_policies

# The statements each section of the chapter weighs, by the paper's own questions (Abs.2) and its conclusion.
QUESTIONS = {
    "kerja_sama": ("k19", "k20", "k21", "k31", "k33"),
    "perusahaan": ("k09", "k10", "k11", "k12", "k23"),
    "kendala": ("k22",),
    "upaya": ("k18", "k28", "k34"),
    "pendahuluan": ("k03", "k04", "k05", "k06", "k08", "k29", "k30"),
    "metode": ("k15", "k26", "k27"),
}


def mou_end() -> dt.date:
    """The end of the MoU's term by its signing date and its length in years (our computation)."""
    signed = tanggal.date(coded.context("c_mou"))
    return signed.replace(year=signed.year + int(coded.context("c_mou_masa")))


def glues(bab, lang: str) -> dict:
    a = bab.audit
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    upaya = coded.table("upaya")
    sources = coded.table("sumber_bukti")
    out = {
        "tanggal_mou": tanggal.show(coded.context("c_mou"), lang),
        "masa_mou": w(int(coded.context("c_mou_masa"))),
        "akhir_mou": tanggal.show(mou_end().isoformat()[:7], lang),
        "tanggal_mou_baru": tanggal.show(coded.context("c_mou_baru"), lang),
        "little_tutup": tanggal.show(coded.context("c_little_tutup"), lang),
        "pj_pasif": tanggal.show(coded.context("c_pj_pasif"), lang),
        "tahun_wawancara": str(tanggal.date(coded.event("e_wawancara")["tanggal"]).year),
        "tabel_data": a.table_name(lang),
        "n_kendala": w(len(coded.table("kendala"))),
        "n_bersama": w(joint_policies(upaya)),
        "n_pemkot": w(int((upaya["kelompok"] == "kebijakan_pemkot_bandung").sum())),
        "k03_naik": listing(a.result("k03").facts["naik"], lang),
        "tahun_cabut": str(tanggal.date(coded.context("c_permendagri_ganti")).year),
        "n_wawancara": w(int((sources["jenis"] == "wawancara").sum())),
        "suria_kota": coded.context("c_suria_kota"),
    }
    for cid in a.claims.index:
        out[f"st_{cid}"] = audit.status_name(a.status(cid), lang)
    return out


def outcome_evidence(bab, lang: str) -> Table:
    """The outside evidence the book holds on the cooperation's course, by date (``data/konteks/hasil_kerja_sama.csv``);
    the end of the MoU's term is our computation from its date and length."""
    events = coded.table("hasil_kerja_sama")
    term = {"masa_mou": idnum.words(int(coded.context("c_mou_masa")), lang)}
    when = [coded.context(k) if k else mou_end().isoformat()[:7] for k in events["konteks_id"]]
    shown = pd.DataFrame(
        {
            "tanggal": when,
            "peristiwa": [t.format(**term) for t in coded.text(events, "peristiwa", lang)],
            "rujukan": events["rujukan"].map(lambda r: r if r != "perhitungan kami" else _ours(lang)),
        }
    )
    shown["_urut"] = shown["tanggal"].map(tanggal.decimal_year)
    shown = shown.sort_values("_urut", kind="stable").drop(columns="_urut")
    shown["tanggal"] = shown["tanggal"].map(lambda d: tanggal.show(d, lang))
    return Table(shown.reset_index(drop=True), lang)


def _ours(lang: str) -> str:
    return "perhitungan kami" if lang == "id" else "our computation"
