"""Chapter 6: the paper's conclusions in our words, weighed statement by statement (never as a tally)."""

from .. import audit, coded, idnum, matrices, tanggal
from ..show import Table, listing
from .hasil import joint_policies

# What each table of the chapter gathers, by status.
HOLDS = ("sesuai", "sejalan")
SELF = ("bertentangan",)
OUTSIDE = ("tidak_sejalan",)
OPEN = ("tidak_didukung", "tidak_dapat")


def glues(bab, lang: str) -> dict:
    a = bab.audit
    ids = lambda statuses: listing(a.ids_with(statuses), lang)  # noqa: E731
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    counts = a.counts()
    sources = coded.table("sumber_bukti")
    out = {
        "id_bertahan": ids(HOLDS),
        "id_bertentangan": ids(SELF),
        "id_luar": ids(OUTSIDE),
        "id_terbuka": ids(OPEN),
        "tanggal_mou": tanggal.show(coded.context("c_mou"), lang),
        "tanggal_mou_baru": tanggal.show(coded.context("c_mou_baru"), lang),
        "n_hambatan_lepas": w(len(matrices.unaddressed())),
        "tabel_data": a.table_name(lang),
        "n_klaim": w(len(a.claims)),
        "n_terbuka": w(int(counts[list(OPEN)].sum())),
        "n_bertentangan": w(int(counts[list(SELF)].sum())),
        "n_luar": w(int(counts[list(OUTSIDE)].sum())),
        "n_kendala": w(len(coded.table("kendala"))),
        "n_kebijakan": w(
            joint_policies(coded.table("upaya"))
            + int((coded.table("upaya")["kelompok"] == "kebijakan_pemkot_bandung").sum())
        ),
        "k03_naik": listing(a.result("k03").facts["naik"], lang),
        "tahun_cabut": str(tanggal.date(coded.context("c_permendagri_ganti")).year),
        "n_wawancara": w(int((sources["jenis"] == "wawancara").sum())),
    }
    for cid in a.claims.index:
        out[f"st_{cid}"] = audit.status_name(a.status(cid), lang)
    return out


def _table(bab, lang: str, statuses) -> Table:
    from .pemeriksaan import claim_rows

    return Table(claim_rows(bab.audit.rows(lang, only=statuses), lang, rule=False), lang)


def holds(bab, lang: str) -> Table:
    return _table(bab, lang, HOLDS)


def contradicts(bab, lang: str) -> Table:
    return _table(bab, lang, SELF)


def outside(bab, lang: str) -> Table:
    return _table(bab, lang, OUTSIDE)


def unsupported(bab, lang: str) -> Table:
    return _table(bab, lang, OPEN)
