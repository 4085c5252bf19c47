"""Chapter 6: the paper's conclusions in our words, weighed statement by statement (never as a tally)."""
from .. import audit, coded, idnum, matrices, tanggal
from ..show import Table, listing

# What each table of the chapter gathers, by status.
HOLDS = ("sesuai", "sejalan")
SELF = ("bertentangan",)
OUTSIDE = ("tidak_sejalan",)
OPEN = ("tidak_didukung", "tidak_dapat")


def glues(bab, lang: str) -> dict:
    a = bab.audit
    ids = lambda statuses: listing([c for c in a.claims.index if a.status(c) in statuses], lang)  # noqa: E731
    out = {"id_bertahan": ids(HOLDS), "id_bertentangan": ids(SELF), "id_luar": ids(OUTSIDE), "id_terbuka": ids(OPEN),
           "tanggal_mou": tanggal.show(coded.context("c_mou"), lang),
           "tanggal_mou_baru": tanggal.show(coded.context("c_mou_baru"), lang),
           "n_hambatan_lepas": idnum.words(len(matrices.unaddressed()), lang)}
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
