"""Chapter 5: the audit of the paper's statements, its reading notes, its thresholds and their sensitivity, and our
transcription and consistency checks. The quality of Tabel 1.1 is the appendix chapter's (:mod:`.rinci`)."""

import pandas as pd

from .. import audit, coded, figures, idnum, labels, notes, sensitivity, show, transcription
from ..idnum import fmt
from ..show import Table, listing


def glues(bab, lang: str) -> dict:
    a, df = bab.audit, bab.df
    counts = a.counts()
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    ids = lambda statuses: listing(a.ids_with(statuses), lang)  # noqa: E731
    claim_rows = sensitivity.claims_only(sensitivity.rows(df, a, lang))
    out = {
        "n_klaim": w(len(a.claims)),
        "n_status": w(len(audit.status_keys())),
        "ringkas": tally(counts, lang),
        "id_bertentangan": ids(("bertentangan",)),
        "tabel_data": a.table_name(lang),
        "id_luar": ids(("tidak_sejalan",)),
        "toleransi_persen": fmt(audit.threshold("toleransi_persen"), 3, lang),
        "sumber_independen": w(int(audit.threshold("sumber_independen"))),
        "n_kepekaan": w(len(claim_rows)),
        "n_berubah": w(int(claim_rows["berubah"].sum())),
        "daftar_berubah": changed_readings(df, a, lang),
        "n_transkripsi": w(len(transcription.checks(df))),
        "n_transkripsi_cocok": w(int(transcription.checks(df)["cocok"].sum())),
        "nomor_pindah": audit.moved(lang),
        "n_catatan": w(len(coded.table("catatan"))),
        "nama_tidak_dilaporkan": audit.status_name("tidak_dilaporkan", lang),
        "nama_tidak_dapat": audit.status_name("tidak_dapat", lang),
    }
    for status, n in counts.items():
        out[f"n_{status}"] = w(n)
    for cid in a.claims.index:
        out[f"st_{cid}"] = audit.status_name(a.status(cid), lang)
    return out


def changed_readings(df: pd.DataFrame, result, lang: str) -> str:
    """The alternatives of the sensitivity table that change a result, as one list for a sentence."""
    rows = sensitivity.claims_only(sensitivity.rows(df, result, lang))
    changed = rows[rows["berubah"]]
    if changed.empty:
        return labels.label("tidak_ada", lang)
    return "; ".join(
        labels.label("dengan_alternatif", lang, p=r.pernyataan, alt=r.alternatif) for r in changed.itertuples()
    )


def tally(counts: pd.Series, lang: str) -> str:
    """The audit's result as one clause: the statuses that occur with their counts, then those that do not."""
    # a series of counts is written in figures (EYD V)
    given = listing([f"{n} {audit.status_name(s, lang)}" for s, n in counts.items() if n], lang)
    none = [audit.status_name(s, lang) for s, n in counts.items() if not n]
    if not none:
        return given
    joiner = "or" if lang == "en" else "atau"
    absent = labels.label("tidak_ada_status", lang, status=f" {joiner} ".join(none))
    return f"{given}; {absent}"


def conditions(bab) -> dict[str, bool]:
    """Which passages of chapter 5 apply to this run's data (``jika:`` tags in the notebook)."""
    return {"asli": bab.asli}


# --------------------------------------------------------------------------- tables


def statuses(bab, lang: str) -> Table:
    s = audit.statuses()
    return Table(
        pd.DataFrame(
            {
                "status": coded.text(s, "nama", lang),
                "arti": coded.text(s, "arti", lang),
                "aturan": [
                    show.fill(t, {"tabel_data": bab.audit.table_name(lang)}, lang)
                    for t in coded.text(s, "aturan", lang)
                ],
            }
        ),
        lang,
    )


def claim_rows(rows: pd.DataFrame, lang: str, rule: bool = True) -> pd.DataFrame:
    """Audit rows in four columns that fit the page: number and paragraph, statement, status, rule and evidence."""
    rule_word, basis_word = labels.label("aturan", lang), labels.label("dasar", lang)
    basis = [
        f"**{rule_word}.** {r} **{basis_word}.** {b}" if rule else b for r, b in zip(rows["aturan"], rows["bukti"])
    ]
    return pd.DataFrame(
        {
            "id": [f"{i} ({p})" for i, p in zip(rows["id"], rows["paragraf"])],
            "klaim": rows["klaim"],
            "status": rows["status"],
            "aturan_bukti" if rule else "bukti": basis,
        }
    )


def claims(bab, lang: str) -> Table:
    return Table(claim_rows(bab.audit.rows(lang), lang), lang)


def sensitivity_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of the sensitivity table as the page shows them: what is varied, the result as used and with the
    alternative, and whether it changes."""
    return pd.DataFrame(
        {
            "pernyataan": rows["pernyataan"],
            "diuji": [
                f"{a}: {u} \u2192 {alt}" for a, u, alt in zip(rows["ambang"], rows["dipakai_buku"], rows["alternatif"])
            ],
            "hasil_dipakai": rows["hasil_dipakai"],
            "hasil_alternatif": rows["hasil_alternatif"],
            "berubah_temuan": rows["berubah"],
        }
    )


def sensitivity_table(bab, lang: str) -> Table:
    return Table(sensitivity_frame(sensitivity.claims_only(sensitivity.rows(bab.df, bab.audit, lang))), lang)


def notes_table(bab, lang: str) -> Table:
    return Table(notes.rows(lang), lang)


def transcription_table(bab, lang: str) -> Table:
    return Table(transcription.table(bab.df, lang), lang)


# --------------------------------------------------------------------------- figures


def fig_statuses(bab, lang: str):
    keys = pd.DataFrame(
        {
            "id": list(bab.audit.claims.index),
            "bagian": [b.split(" ")[0] for b in bab.audit.claims["bagian"]],
            "status": [bab.audit.status(c) for c in bab.audit.claims.index],
        }
    )
    names = {k: audit.status_name(k, lang) for k in audit.status_keys()}
    sections = {k: labels.section(k, lang) for k in labels.SECTIONS}
    return figures.status_grid(keys, names, sections, lang)
