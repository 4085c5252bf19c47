"""Chapter 2: Keohane, paradiplomacy, the Indonesian legal frame and the Malaysian side, the actors the paper names
and their relations, Permendagri No. 3/2008."""

import pandas as pd

from .. import audit, coded, figures, idnum, labels, matrices, network, tanggal
from ..show import Table, listing


def _graph():
    return network.graph()


def _central(g) -> pd.DataFrame:
    """Relations in which a national actor takes part."""
    nodes = dict(g.nodes(data=True))
    rel = coded.table("relasi")
    return rel[rel.apply(lambda r: "nasional" in (nodes[r.sumber]["tingkat"], nodes[r.target]["tingkat"]), axis=1)]


def glues(bab, lang: str) -> dict:
    g = _graph()
    aktor, relasi = coded.table("aktor"), coded.table("relasi")
    nodes = dict(g.nodes(data=True))
    by_tier = aktor["tingkat"].value_counts()
    deg = network.degree_table(g)
    alone = deg.loc[deg["total"] == 0, "nama" if lang == "id" else "nama_en"].tolist()
    cross = relasi[relasi.apply(lambda r: nodes[r.sumber]["negara"] != nodes[r.target]["negara"], axis=1)]
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    return {
        # counts in a series are written as figures (EYD V)
        "n_aktor": str(len(aktor)),
        "n_relasi": str(len(relasi)),
        "n_subnasional": str(by_tier.get("subnasional", 0)),
        "n_nasional": str(by_tier.get("nasional", 0)),
        "n_nonnegara": str(by_tier.get("non_negara", 0)),
        "pusat_jaringan": deg.loc[0, "nama" if lang == "id" else "nama_en"],
        "pusat_derajat": w(deg.loc[0, "total"]),
        "n_terisolasi": w(len(alone)),
        "terisolasi": listing(alone, lang),
        "n_relasi_pusat": w(len(_central(g))),
        "n_lintas_negara": w(len(cross)),
        "n_prinsip": w(len(coded.table("prinsip_permendagri"))),
        "tanggal_mou": tanggal.show(coded.context("c_mou"), lang),
        "tanggal_plh": tanggal.show(coded.context("c_plh_bandung"), lang),
        **{f"st_{cid}": audit.status_name(bab.audit.status(cid), lang) for cid in ("k30", "k33")},
    }


def actors(bab, lang: str) -> Table:
    a = coded.table("aktor")
    shown = pd.DataFrame(
        {
            "nama": coded.text(a, "nama", lang),
            "jenis": a["jenis"].map(lambda k: labels.term(k, lang)),
            "tingkat": a["tingkat"].map(lambda k: labels.term(k, lang)),
            "negara": a["negara"],
            "bagian_kode": a["bagian"].map(lambda b: labels.section(matrices.section(b), lang)),
        }
    )
    return Table(shown, lang)


def central(bab, lang: str) -> Table:
    g = _graph()
    nodes = dict(g.nodes(data=True))
    rel = _central(g)
    name = "nama" if lang == "id" else "nama_en"
    shown = pd.DataFrame(
        {
            "dari": rel["sumber"].map(lambda n: nodes[n][name]),
            "ke": rel["target"].map(lambda n: nodes[n][name]),
            "hubungan": rel["jenis_relasi"].map(lambda k: labels.term(k, lang)),
            "keterangan": coded.text(rel, "keterangan", lang),
        }
    )
    return Table(shown, lang)


def principles(bab, lang: str) -> Table:
    p = coded.table("prinsip_permendagri")
    return Table(pd.DataFrame({"no": p["no"], "prinsip": coded.text(p, "prinsip", lang)}), lang)


def rules(bab, lang: str) -> Table:
    """The Indonesian rules on regions' foreign cooperation that the book read, with what each provides by our reading
    (``data/konteks/hukum.csv``)."""
    h = coded.table("hukum")
    shown = pd.DataFrame(
        {
            "peraturan_kolom": coded.text(h, "peraturan", lang),
            "mulai_berlaku": h["mulai"].map(lambda d: tanggal.show(d, lang)),
            "dicabut_kolom": h["dicabut"].map(lambda d: tanggal.show(d, lang) if d else "\u2013"),
            "ketentuan_kolom": coded.text(h, "ketentuan", lang),
        }
    )
    return Table(shown, lang)


def fig_network(bab, lang: str):
    g = _graph()
    return figures.network(g, network.layout(g), lang)
