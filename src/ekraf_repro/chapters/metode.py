"""Chapter 3: the method as the paper describes it, the sources it actually uses, and triangulation."""

import pandas as pd

from .. import audit, coded, figures, idnum, labels, matrices, tanggal
from ..show import Table, listing, lower_first


def _techniques(where: str) -> set[str]:
    m = coded.table("metode")
    return set(m.loc[(m["bagian"] == where) & (m["komponen"] == "teknik_pengumpulan"), "id"])


def _text(ids, lang: str) -> list[str]:
    m = coded.table("metode").set_index("id")
    return [lower_first(coded.text(m, "isi", lang)[i]) for i in sorted(ids)]


def origins(lang: str) -> dict[str, str]:
    """Each independent origin of evidence as a reader names it (its sources joined with "+")."""
    s = coded.table("sumber_bukti")
    return {asal: " + ".join(coded.text(group, "singkat", lang)) for asal, group in s.groupby("asal", sort=False)}


def glues(bab, lang: str) -> dict:
    abstract, section_c = _techniques("Abstrak"), _techniques("C. Metode Penelitian")
    only_a = _text(abstract, lang)
    only_c = _text(section_c, lang)
    src = coded.table("sumber_bukti")
    years = src["tahun"].replace("", None).dropna().astype(int)
    dated = src[src["tanggal"] != ""]
    ind, every = matrices.support_counts(True), matrices.support_counts(False)
    needed = int(audit.threshold("sumber_independen"))
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    a = bab.audit
    return {
        "hanya_abstrak": listing(only_a, lang),
        "hanya_c": listing(only_c, lang),
        "n_hanya_abstrak": w(len(only_a)),
        "n_hanya_c": w(len(only_c)),
        "n_sumber": w(len(src)),
        "tahun_tertua": str(years.min()),
        "tahun_termuda": str(years.max()),
        "n_tanpa_tahun": w(int((src["tahun"] == "").sum())),
        "n_bertanggal": w(len(dated)),
        "tanggal_wawancara": listing([tanggal.show(d, lang) for d in sorted(set(dated["tanggal"]))], lang),
        "n_asal": w(src["asal"].nunique()),
        # one sentence counts findings and sources together: every count in letters, as each is one or two words
        "n_temuan": w(len(ind)),
        "n_dua_sumber": w(int((ind >= needed).sum())),
        "n_dua_semua": w(int((every >= needed).sum())),
        "n_satu_sumber": w(int((ind == 1).sum())),
        "n_tanpa_sumber": w(int((ind == 0).sum())),
        "st_k15": audit.status_name(a.status("k15"), lang),
        "st_k26": audit.status_name(a.status("k26"), lang),
        "st_k27": audit.status_name(a.status("k27"), lang),
    }


def method(bab, lang: str) -> Table:
    m = coded.table("metode")
    m["isi_teks"] = coded.text(m, "isi", lang)
    m["tempat"] = m["bagian"].map(lambda b: "abstrak" if b == "Abstrak" else "bagian_c")
    wide = m.groupby(["komponen", "tempat"], sort=False)["isi_teks"].agg("; ".join).unstack(fill_value="–")
    wide = wide.reindex(columns=["abstrak", "bagian_c"], fill_value="–")
    wide.index = [labels.term(k, lang).capitalize() for k in wide.index]
    return Table(wide.rename_axis(labels.label("komponen", lang)), lang, index=True)


def sources(bab, lang: str) -> Table:
    s = coded.table("sumber_bukti")
    shown = pd.DataFrame(
        {
            "sumber": coded.text(s, "sumber", lang),
            "jenis": s["jenis"].map(lambda k: labels.term(k, lang)),
            "tahun": s["tahun"].replace("", "–"),
            "tanggal": s["tanggal"].map(lambda d: tanggal.show(d, lang) if d else "–"),
            "paragraf": s["paragraf"],
            "sumber_asal": s["asal"].map(origins(lang)),
        }
    )
    return Table(shown, lang)


def triangulation(bab, lang: str) -> Table:
    t = coded.table("temuan")
    shown = pd.DataFrame(
        {
            "no": range(1, len(t) + 1),
            "temuan": coded.text(t, "temuan", lang),
            "paragraf": t["paragraf"],
            "sumber_independen": matrices.support_counts(True).values,
            "semua_sebutan": matrices.support_counts(False).values,
        }
    )
    return Table(shown, lang)


def fig_kinds(bab, lang: str):
    counts = coded.table("sumber_bukti")["jenis"].value_counts()
    counts.index = [labels.term(k, lang) for k in counts.index]
    return figures.counts_bar(counts, labels.label("jumlah_sumber", lang), labels.label("jenis", lang))


def fig_triangulation(bab, lang: str):
    m = matrices.triangulation(independent=True)
    used = m.loc[:, m.sum() > 0]
    findings = {tid: f"{labels.label('temuan', lang)} {i}" for i, tid in enumerate(m.index, start=1)}
    return figures.binary_matrix(
        used,
        labels.label("sumber_asal", lang),
        labels.label("temuan", lang),
        row_names=findings,
        col_names=origins(lang),
        lang=lang,
    )
