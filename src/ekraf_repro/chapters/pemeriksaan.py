"""Chapter 5: the audit of the paper's statements, its thresholds and their sensitivity, our transcription
checks, and the quality of Tabel 1.1."""

import pandas as pd

from .. import (
    analysis,
    audit,
    coded,
    figures,
    idnum,
    labels,
    notes,
    quality,
    sensitivity,
    show,
    subsectors,
    transcription,
)
from ..idnum import fmt, pct
from ..show import Table, listing


def glues(bab, lang: str) -> dict:
    a, df = bab.audit, bab.df
    counts = a.counts()
    w = lambda n: idnum.words(n, lang)  # noqa: E731
    ids = lambda statuses: listing(a.ids_with(statuses), lang)  # noqa: E731
    out = {
        "n_klaim": w(len(a.claims)),
        "ringkas": tally(counts, lang),
        "id_bertentangan": ids(("bertentangan",)),
        "tabel_data": a.table_name(lang),
        "id_luar": ids(("tidak_sejalan",)),
    }
    for status, n in counts.items():
        out[f"n_{status}"] = w(n)
    out.update(
        {
            "toleransi_persen": fmt(audit.threshold("toleransi_persen"), 3, lang),
            "toleransi_pangsa": fmt(audit.threshold("toleransi_pangsa"), 1, lang),
            "gerak_pangsa": fmt(quality.press_share_moves(), 2, lang),
            "pita_besaran": "\u2013".join(fmt(v, 2, lang) for v in audit.threshold("pita_besaran")),
            "sumber_independen": w(int(audit.threshold("sumber_independen"))),
            "n_kepekaan": w(len(sensitivity.rows(df, a, lang))),
            "n_berubah": w(int(sensitivity.rows(df, a, lang)["berubah"].sum())),
            "daftar_berubah": changed_readings(df, a, lang),
            "n_transkripsi": w(len(transcription.checks(df))),
            "n_transkripsi_cocok": w(int(transcription.checks(df)["cocok"].sum())),
            "nomor_pindah": audit.moved(lang),
            "n_catatan": w(len(coded.table("catatan"))),
        }
    )
    for cid in a.claims.index:
        out[f"st_{cid}"] = audit.status_name(a.status(cid), lang)
    out.update(press(df, lang))
    out.update(cell(df, lang))
    return out


def changed_readings(df: pd.DataFrame, result, lang: str) -> str:
    """The alternatives of the sensitivity table that change a result, as one list for a sentence."""
    rows = sensitivity.rows(df, result, lang)
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


def press(df: pd.DataFrame, lang: str) -> dict:
    shares, totals, direction = quality.press_shares(df), quality.press_totals(df), quality.press_direction(df)
    out = {"tahun_arah_pers": str(int(quality._press("perubahan_total")["tahun"].iloc[0]))}
    clauses = []
    if len(shares):
        out.update(
            {
                "tahun_pangsa": str(int(shares["tahun"].iloc[0])),
                "selisih_pangsa": fmt(shares["selisih_poin"].abs().max(), 1, lang),
                "pangsa_dekat": labels.label("dekat" if shares["dekat"].all() else "tidak_dekat", lang),
            }
        )
        clauses.append(labels.label("timbang_pangsa", lang, hasil=out["pangsa_dekat"]))
    if len(totals):
        out.update(
            {
                "rasio_tahun": listing([str(y) for y in totals["tahun"]], lang),
                "rasio_min": fmt(totals["rasio"].min(), 2, lang),
                "rasio_maks": fmt(totals["rasio"].max(), 2, lang),
                "besaran": labels.label("setara" if totals["setara"].all() else "tidak_setara", lang),
            }
        )
        clauses.append(labels.label("timbang_besaran", lang, hasil=out["besaran"]))
    if direction:
        out.update(
            {
                "arah_tahun": str(direction["tahun"]),
                "arah_pers": pct(direction["pers"], 2, lang, sign=True),
                "arah_tabel": pct(direction["tabel"], 2, lang, sign=True),
                "arah": labels.label("searah" if direction["searah"] else "berlawanan", lang),
            }
        )
        clauses.append(labels.label("timbang_arah", lang, tahun=out["arah_tahun"], hasil=out["arah"]))
    out["timbangan"] = (
        labels.label("timbang", lang, daftar=listing(clauses, lang)) if clauses else labels.label("timbang_nol", lang)
    )
    return out


def conditions(bab) -> dict[str, bool]:
    """Which passages of chapter 5 apply to this run's data (``jika:`` tags in the notebook)."""
    df = bab.df
    return {
        "asli": bab.asli,
        "koreksi": quality.cell_readings(df) is not None,
        "ada_pangsa": bool(len(quality.press_shares(df))),
        "ada_total": bool(len(quality.press_totals(df))),
        "ada_arah": bool(quality.press_direction(df)),
    }


def cell(df: pd.DataFrame, lang: str) -> dict:
    r = quality.cell_readings(df)
    if r is None:
        return {"arah_sel": ""}
    ours, theirs = r["temuan_kami"], r["temuan_tetangga"]
    changed = [k for k in quality.FINDINGS if _show(k, ours[k], lang) != _show(k, theirs[k], lang)]
    return {
        "sel_sub": subsectors.display(r["subsektor"], lang),
        "sel_tahun": str(r["tahun"]),
        "sel_kami": fmt(r["kami"], 1, lang),
        "sel_tetangga": fmt(r["tetangga"], 1, lang),
        "sel_total_kami": pct(ours["total_perubahan"], 2, lang, sign=True),
        "sel_total_tetangga": pct(theirs["total_perubahan"], 2, lang, sign=True),
        "sel_n_temuan": idnum.words(len(quality.FINDINGS), lang),
        "sel_n_berubah": idnum.words(len(changed), lang),
        "sel_arah_tetangga": labels.label("searah" if theirs["arah_pers"] else "berlawanan", lang),
        "arah_sel": labels.label("arah_sel", lang) if theirs["arah_pers"] != ours["arah_pers"] else "",
    }


def _show(key: str, value, lang: str) -> str:
    """One finding's value as the reading table writes it."""
    if value is None:
        return "–"
    if key in ("total_perubahan", "perubahan_sel", "cagr_total", "cagr_sel"):
        return pct(value, 2, lang, sign=True)
    if key in ("pangsa_sel", "dua_terbesar_min"):
        return pct(value, 1, lang)
    if key == "pangsa_pers_maks":
        return f"{fmt(value, 1, lang)} {labels.label('poin', lang)}"
    if key == "terbesar":
        return subsectors.display(value, lang)
    if key == "turun_tiap_tahun":
        return audit.status_name(value, lang)
    if key == "persen_terdekat":
        return f"{audit.candidate(value, lang)}, {pct(value['terdekat_nilai'], 2, lang)}"
    if key == "arah_pers":
        return labels.label("searah" if value else "berlawanan", lang)
    return str(value)


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


def sensitivity_table(bab, lang: str) -> Table:
    rows = sensitivity.rows(bab.df, bab.audit, lang)
    shown = pd.DataFrame(
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
    return Table(shown, lang)


def notes_table(bab, lang: str) -> Table:
    return Table(notes.rows(lang), lang)


def transcription_table(bab, lang: str) -> Table:
    return Table(transcription.table(bab.df, lang), lang)


def has_correction(bab) -> bool:
    return quality.cell_readings(bab.df) is not None


def cell_table(bab, lang: str) -> Table | None:
    r = quality.cell_readings(bab.df)
    if r is None:
        return None
    sub = subsectors.display(r["subsektor"], lang)
    rows = []
    for key in quality.FINDINGS:
        ours, theirs = _show(key, r["temuan_kami"][key], lang), _show(key, r["temuan_tetangga"][key], lang)
        year = r["tahun"] if key != "arah_pers" else quality.press_direction(bab.df).get("tahun", r["tahun"])
        rows.append(
            {
                "temuan_buku": labels.label(f"sel_{key}", lang, sub=sub, tahun=year),
                "pembacaan_kami": ours,
                "pembacaan_lain": theirs,
                "berubah": ours != theirs,
            }
        )
    frame = pd.DataFrame(rows).rename(columns={"berubah": "berubah_temuan"})
    return Table(frame, lang)


def press_shares(bab, lang: str) -> Table:
    s = quality.press_shares(bab.df)
    shown = pd.DataFrame(
        {
            "subsektor": s["subsektor"].map(lambda n: subsectors.display(n, lang)),
            "pangsa_tabel": s["pangsa_tabel"].map(lambda v: fmt(v, 2, lang)),
            "pangsa_pers": s["pangsa_pers"].map(lambda v: fmt(v, 2, lang)),
            "selisih_poin": s["selisih_poin"].map(lambda v: fmt(v, 2, lang)),
            "dekat_kolom": s["dekat"],
        }
    )
    return Table(shown, lang)


def press_totals(bab, lang: str) -> Table:
    t = quality.press_totals(bab.df)
    shown = pd.DataFrame(
        {
            "tahun": t["tahun"],
            "total_pers": t["total_pers"].map(lambda v: fmt(v, 1, lang)),
            "total_tabel": t["total_tabel"].map(lambda v: fmt(v, 1, lang)),
            "rasio": t["rasio"].map(lambda v: fmt(v, 2, lang)),
            "setara_kolom": t["setara"],
        }
    )
    return Table(shown, lang)


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


def fig_press(bab, lang: str):
    press_totals_ = quality._press("total")
    table_totals = analysis.totals(bab.df) / 1000
    return figures.press_comparison(press_totals_, table_totals, quality.press_shares(bab.df), lang)
