"""Chapter 4: the cooperation, the firm, the constraints and the efforts, with public context beside the paper."""

import pandas as pd

from .. import audit, coded, figures, idnum, labels, matrices, notes, tanggal
from ..show import Table, listing, lower_first


def _date(event_id: str, lang: str) -> str:
    return tanggal.show(coded.event(event_id)["tanggal"], lang)


def glues(bab, lang: str) -> dict:
    a = bab.audit
    facts = coded.table("fakta_perusahaan")
    markets = facts[facts["atribut"] == "pasar"]
    k10, k12 = a.result("k10").facts, a.result("k12").facts
    upaya = coded.table("upaya")
    m = matrices.constraint_effort()
    kendala, hambatan = coded.table("kendala"), coded.table("hambatan")
    gaps = matrices.unaddressed()
    idle = upaya.set_index("id").loc[matrices.idle_efforts()]
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    out = {
        "kota_mitra": listing(coded.context_list("c_kota_mitra"), lang),
        "n_kota_mitra": w(len(coded.context_list("c_kota_mitra"))),
        "tanggal_mou": tanggal.show(coded.context("c_mou"), lang),
        "masa_mou": w(int(coded.context("c_mou_masa"))),
        "tanggal_tugu": tanggal.show(coded.context("c_tugu"), lang),
        "tanggal_mou_baru": tanggal.show(coded.context("c_mou_baru"), lang),
        "tanggal_unesco": tanggal.show(coded.context("c_unesco_bandung"), lang),
        "little_buka": _date("e_little_buka", lang),
        "little_tutup": _date("e_little_tutup", lang),
        "pendiri": coded.fact("pendiri"),
        "tahun_berdiri": coded.fact("tahun_berdiri"),
        "alamat": coded.fact("alamat"),
        "n_pasar": w(len(markets)),
        "pasar": listing(coded.text(markets, "nilai", lang).tolist(), lang),
        "toko": coded.fact("toko_malaysia_nama"),
        "lokasi_toko": coded.fact("toko_malaysia_lokasi", lang),
        "suria_kota": coded.context("c_suria_kota"),
        "n_ejaan": w(len(notes.spellings())),
        "ejaan": listing([f"\u201c{n}\u201d" for n in notes.spellings()], lang),
        "nama_konteks": coded.context("c_gloya"),
        "tahun_berdiri_publik": coded.context("c_pendirian"),
        "n_negara_mitra": w(len(set(coded.context_list("c_mitra_negara")))),
        "kota_mitra_lain": a.result("k20").facts["tambahan"][lang],
        "himki_mulai": _date("e_himki_mulai", lang),
        "himki_lagi": _date("e_himki_lagi", lang),
        "k10_sumber": str(k10["sumber"]),
        "k10_kini": str(k10["kini"]),
        "k10_selisih": w(k10["selisih"]),
        "k10_tercapai": str(k10["tercapai"]),
        "k10_berdiri": str(k10["berdiri"]),
        "k12_dari_mou": idnum.fmt(k12["dari_mou"], 1, lang),
        "k12_batas": tanggal.show(k12["batas"], lang),
        "n_kendala": w(len(kendala)),
        "n_hambatan": w(len(hambatan)),
        "n_hambatan_anggia": w(int((hambatan["kunci_bib"] == "anggia2020").sum())),
        "n_bersama": w(joint_policies(upaya)),
        "n_pemkot": w(int((upaya["kelompok"] == "kebijakan_pemkot_bandung").sum())),
        "n_kendala_terjawab": w(int((m.loc[kendala["id"]].sum(axis=1) > 0).sum())),
        "kendala_terjawab": _share(int((m.loc[kendala["id"]].sum(axis=1) > 0).sum()), len(kendala), lang),
        "nama_tidak_didukung": audit.status_name("tidak_didukung", lang),
        "hari_wawancara": tanggal.weekday(coded.event("e_wawancara")["tanggal"], lang),
        "tanggal_wawancara": _date("e_wawancara", lang),
        "n_tak_terjawab": w(len(gaps)),
        "tak_terjawab": listing([lower_first(n) for n in coded.text(gaps, "nama", lang)], lang),
        "n_upaya_lepas": w(len(idle)),
        "upaya_lepas": listing([lower_first(n) for n in coded.text(idle, "singkat", lang)], lang),
    }
    for cid in ("k09", "k10", "k11", "k12", "k18", "k19", "k20", "k21", "k22", "k23", "k28", "k31", "k33", "k34"):
        out[f"st_{cid}"] = audit.status_name(a.status(cid), lang)
    return out


def _share(n: int, total: int, lang: str) -> str:
    """ "all four constraints" / "keempat kendala", or "three of the four constraints" / "tiga dari empat kendala"."""
    if n == total == 1:
        return "the only constraint" if lang == "en" else "satu-satunya kendala"
    if n == 0:
        return f"none of the {idnum.words(total, 'en')} constraints" if lang == "en" else "tak satu pun kendala"
    if lang == "en":
        if n == total == 2:
            return "both constraints"
        if n == total:
            return f"all {idnum.words(total, 'en')} constraints"
        return f"{idnum.words(n, 'en')} of the {idnum.words(total, 'en')} constraints"
    if n == total:
        return f"ke{idnum.words(total, 'id')} kendala"  # kedua, keempat (KBBI)
    return f"{idnum.words(n, 'id')} dari {idnum.words(total, 'id')} kendala"


def joint_policies(upaya: pd.DataFrame) -> int:
    """The paper's joint policies: u1a-u1c are one policy of the paper, split by us."""
    return upaya.loc[upaya["kelompok"] == "kebijakan_bersama", "id"].str.extract(r"^(u\d)")[0].nunique()


def firm(bab, lang: str) -> Table:
    """What the paper says about the firm; the informant's examples of craft SME products in general are left out."""
    f = coded.table("fakta_perusahaan")
    f = f[f["atribut"] != "produk_umkm_kriya"]
    shown = pd.DataFrame(
        {
            "atribut": f["atribut"].map(lambda k: labels.term(k, lang)),
            "nilai_tabel": coded.text(f, "nilai", lang),
            "satuan": f["satuan"].map(lambda k: labels.term(k, lang) if k else "–"),
            "bagian": f["bagian"].map(lambda b: labels.section(matrices.section(b), lang)),
        }
    )
    return Table(shown, lang)


def start_points(bab, lang: str) -> Table:
    """The cities' MoU and the earliest start that "almost five years" allows, with the years to the interview."""
    s = audit.start_points()
    k = coded.table("konteks").set_index("id")
    names = {i: coded.text(k, "fakta", lang)[i] for i in s["id"] if i in k.index}
    names["batas_lima_tahun"] = labels.label("batas_lima_tahun", lang)
    shown = pd.DataFrame(
        {
            "mulai": s["id"].map(names),
            "tanggal": s["tanggal"].map(lambda d: tanggal.show(d, lang)),
            "tahun_berlalu": s["tahun_berlalu"].map(lambda v: idnum.fmt(v, 1, lang)),
        }
    )
    return Table(shown, lang)


def constraints(bab, lang: str) -> Table:
    k = coded.table("kendala")
    shown = pd.DataFrame(
        {
            "no": range(1, len(k) + 1),
            "kendala_saja": coded.text(k, "kendala", lang),
            "ringkasan": coded.text(k, "ringkasan", lang),
        }
    )
    return Table(shown, lang)


def barriers(bab, lang: str) -> Table:
    h = coded.table("hambatan")
    cited = labels.label("tanpa_rujukan", lang)
    sources = coded.table("sumber_bukti").set_index("id")  # the paper's citation in the reader's language
    named = coded.text(sources, "sumber", lang)
    shown = pd.DataFrame(
        {
            "hambatan_saja": coded.text(h, "hambatan", lang),
            "rujukan": h["kunci_bib"].map(lambda k: named[k] if k in named.index else cited),
            "paragraf": h["paragraf"],
        }
    )
    return Table(shown, lang)


def efforts(bab, lang: str) -> Table:
    u = coded.table("upaya")
    shown = pd.DataFrame(
        {
            "upaya": coded.text(u, "upaya", lang),
            "kelompok": u["kelompok"].map(lambda k: labels.term(k, lang)),
            "paragraf": u["paragraf"],
        }
    )
    return Table(shown, lang)


def links(bab, lang: str) -> Table:
    t = coded.table("tautan_upaya")
    efforts_, targets = coded.table("upaya").set_index("id"), matrices.targets().set_index("id")
    shown = pd.DataFrame(
        {
            "upaya_id": t["upaya_id"].map(coded.text(efforts_, "singkat", lang)),
            "target_id": t["target_id"].map(coded.text(targets, "nama", lang)),
            "alasan": coded.text(t, "alasan", lang),
        }
    )
    return Table(shown, lang)


def fig_timeline(bab, lang: str):
    return figures.timeline(coded.timeline(), lang)


def fig_matrix(bab, lang: str):
    m = matrices.constraint_effort()
    targets, efforts_ = matrices.targets().set_index("id"), coded.table("upaya").set_index("id")
    return figures.binary_matrix(
        m,
        labels.label("upaya", lang),
        labels.label("kendala", lang),
        row_names=coded.text(targets, "nama", lang).to_dict(),
        col_names=coded.text(efforts_, "singkat", lang).to_dict(),
        lang=lang,
    )
