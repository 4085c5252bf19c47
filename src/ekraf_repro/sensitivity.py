"""Where another reasonable threshold or reading would change a result: one row per alternative.

The wording of each row (what is varied, the value used, the alternative) is in
``data/klaim/kepekaan.csv``; the results are computed here, with the same
functions the audit and the data-quality section use.
"""

import datetime as dt

import pandas as pd

from . import analysis, audit, coded, idnum, labels, matrices, quality, show, tablechecks, tanggal


def _status(key: str, lang: str, detail: str = "") -> str:
    name = audit.status_name(key, lang)
    return f"{name} ({detail})" if detail else name


def _k03(df: pd.DataFrame, reading: str) -> str:
    """The status of 'craft falls every year' under another reading of the sentence."""
    w = tablechecks.with_others(df)
    if "Kriya" not in w.index or len(w.columns) < 2:  # no row, or one year: nothing moves
        return tablechecks.TIDAK_DAPAT
    rows = {"k03_lainnya": tablechecks.OTHERS, "k03_total": analysis.TOTAL}
    if reading in rows:
        steps = w.loc[rows[reading]].diff().dropna()
    elif reading == "k03_laju":  # the rate falls: needs two defined rates in a row
        steps = analysis.yoy_of(w.loc["Kriya"]).diff().dropna()
    else:  # k03_ujung
        steps = pd.Series([w.loc["Kriya"].iloc[-1] - w.loc["Kriya"].iloc[0]])
    if steps.empty:
        return tablechecks.TIDAK_DAPAT
    return tablechecks.SESUAI if (steps < 0).all() else tablechecks.BERTENTANGAN


def rows(df: pd.DataFrame, result: audit.Audit, lang: str = "id") -> pd.DataFrame:
    """The sensitivity table for readers (computed once per audit and language)."""
    cache = result.__dict__.setdefault("_sensitivity_rows", {})
    if lang not in cache:
        cache[lang] = _rows(df, result, lang)
    return cache[lang].copy()


def _rows(df: pd.DataFrame, result: audit.Audit, lang: str = "id") -> pd.DataFrame:
    """The sensitivity table for readers: what is varied, the value used and the alternative, and both results."""
    spec = coded.table("kepekaan").set_index("id")
    out = []

    def add(rid, used_result, alt_result, changed, facts=None):
        r = spec.loc[rid]
        facts = facts or {}
        fill = lambda col: show.fill(r[col if lang == "id" else f"{col}_en"], facts, lang)  # noqa: E731
        out.append(
            {
                "kelompok": "mutu" if r["pernyataan"] in QUALITY else "klaim",
                "pernyataan": _subject(r["pernyataan"], lang),
                "ambang": fill("ambang"),
                "dipakai_buku": fill("dipakai"),
                "alternatif": fill("alternatif"),
                "hasil_dipakai": used_result,
                "hasil_alternatif": alt_result,
                "berubah": changed,
            }
        )

    k03 = result.status("k03")
    for rid in ("k03_lainnya", "k03_total", "k03_laju", "k03_ujung"):
        alt = _k03(df, rid)
        add(rid, _status(k03, lang), _status(alt, lang), alt != k03)

    # k04: only a table holding the whole period could refute it (the reading of the first edition)
    k04 = result.status("k04")
    alt04 = tablechecks.TIDAK_DAPAT if result.result("k04").facts["hilang"] else k04
    add("k04_seluruh", _status(k04, lang), _status(alt04, lang), alt04 != k04)

    target = coded.claim_number("k05")
    used = audit.threshold("toleransi_persen")
    n_used = tablechecks.matches_within(df, target, used)
    for rid, alt in zip(("k05_satu", "k05_bulat"), audit.alternatives("toleransi_persen")):
        n_alt = tablechecks.matches_within(df, target, alt)
        status_alt = tablechecks.SESUAI if n_alt else tablechecks.TIDAK_DAPAT
        add(
            rid,
            _status(result.status("k05"), lang, _count(n_used, "perhitungan_cocok", lang)),
            _status(status_alt, lang, _count(n_alt, "perhitungan_cocok", lang)),
            status_alt != result.status("k05"),
            {"dipakai": used, "alternatif": alt},
        )

    k08 = result.status("k08")
    alt08 = audit.rujukan_tetangga(df, coded.claim("k08"), scope="paparan").status
    add("k08_cakupan", _status(k08, lang), _status(alt08, lang), alt08 != k08)

    k10 = result.status("k10")
    alt10 = audit.rujukan_kini(df, coded.claim("k10"), scope="paparan").status
    add("k10_cakupan", _status(k10, lang), _status(alt10, lang), alt10 != k10)

    # k15: triangulation read literally, as a fourth collection technique; the paper reports no use of it (k26)
    k15 = result.status("k15")
    alt15 = tablechecks.TIDAK_DILAPORKAN if result.status("k26") == tablechecks.TIDAK_DILAPORKAN else k15
    add("k15_triangulasi", _status(k15, lang), _status(alt15, lang), alt15 != k15)

    # k18: a source on one city's programme counted as evidence that the policies were carried out; or every policy
    # on the list required to be on record as joint
    k18 = result.status("k18")
    alt18 = tablechecks.SEJALAN if result.result("k18").facts["n_satu_kota"] else k18
    add("k18_satu_kota", _status(k18, lang), _status(alt18, lang), alt18 != k18)
    every = set(audit.listed_policies()) <= set(audit.joint_policies())
    alt18b = tablechecks.SEJALAN if every else tablechecks.TIDAK_DAPAT
    add("k18_semua", _status(k18, lang), _status(alt18b, lang), alt18b != k18)

    # k19: at the interview rather than at the signing of the MoU
    interview = audit._interview().year
    signed = tanggal.date(coded.context("c_mou")).year
    alt19 = tablechecks.SEJALAN if audit.regulation_in_force(interview) else tablechecks.TIDAK_SEJALAN
    add(
        "k19_mou",
        _status(result.status("k19"), lang),
        _status(alt19, lang),
        alt19 != result.status("k19"),
        {"dipakai": signed, "alternatif": interview},
    )

    # k29: only the dictionary entry itself counts as the source; we did not find it
    k29 = result.status("k29")
    dictionary = "kbbi" in coded.row("konteks", coded.claim("k29")["nilai"])["kunci_bib"].split()
    alt29 = k29 if dictionary else tablechecks.TIDAK_DAPAT
    add("k29_kamus", _status(k29, lang), _status(alt29, lang), alt29 != k29)

    # k30: only Keohane's own text counts; or the summary split more finely
    k30 = result.status("k30")
    read_book = coded.table("keohane")["kunci_bib"].str.split().map(lambda keys: "keohane1984" in keys).any()
    alt30 = k30 if read_book else tablechecks.TIDAK_DAPAT
    add("k30_buku", _status(k30, lang), _status(alt30, lang), alt30 != k30)
    used30, fine30 = audit.keohane_elements(), audit.keohane_elements(detailed=True)
    add(
        "k30_rinci",
        _status(k30, lang),
        _status(fine30.status, lang),
        fine30.status != k30,
        {"dipakai": idnum.words(used30.facts["n"], lang), "alternatif": idnum.words(fine30.facts["n"], lang)},
    )

    # k34: a source on who issues the documents advised counted as evidence that the advice was not joint
    k34 = result.status("k34")
    alt34 = tablechecks.TIDAK_SEJALAN if result.result("k34").facts["dalam_negeri"] else k34
    add("k34_prosedur", _status(k34, lang), _status(alt34, lang), alt34 != k34)

    needed = int(audit.threshold("sumber_independen"))
    n_ind = int((matrices.support_counts(independent=True) >= needed).sum())
    n_all = int((matrices.support_counts(independent=False) >= needed).sum())
    add(
        "k26_semua",
        _status(result.status("k26"), lang, _count(n_ind, "temuan_berganda", lang)),
        _status(result.status("k26"), lang, _count(n_all, "temuan_berganda", lang)),
        False,
    )

    shares_used = quality.press_shares(df)
    if len(shares_used):
        alt = audit.alternatives("toleransi_pangsa")[0]
        shares_alt = quality.press_shares(df, alt)
        close = lambda t: labels.label("dekat" if t["dekat"].all() else "tidak_dekat", lang)  # noqa: E731
        add(
            "m_pangsa",
            close(shares_used),
            close(shares_alt),
            bool(shares_used["dekat"].all() != shares_alt["dekat"].all()),
            {"dipakai": audit.threshold("toleransi_pangsa"), "alternatif": alt},
        )

    totals_used = quality.press_totals(df)
    if len(totals_used):
        band, alt_band = audit.threshold("pita_besaran"), audit.alternatives("pita_besaran")[0]
        totals_alt = quality.press_totals(df, alt_band)
        size = lambda t: labels.label("setara" if t["setara"].all() else "tidak_setara", lang)  # noqa: E731
        span = lambda b: f"{idnum.fmt(b[0], 2, lang)}\u2013{idnum.fmt(b[1], 2, lang)}"  # noqa: E731
        add(
            "m_besaran",
            size(totals_used),
            size(totals_alt),
            bool(totals_used["setara"].all() != totals_alt["setara"].all()),
            {"dipakai": span(band), "alternatif": span(alt_band)},
        )
    return pd.DataFrame(out)


QUALITY = ("pangsa", "besaran")  # observations on the table's quality, which the paper never claims


def claims_only(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows on the paper's statements (chapter 5); the data-quality rows are the appendix's."""
    return rows[rows["kelompok"] == "klaim"].reset_index(drop=True)


def quality_only(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["kelompok"] == "mutu"].reset_index(drop=True)


def _subject(key: str, lang: str) -> str:
    """The row's subject: a statement number, or an observation on the table's quality."""
    if key in QUALITY:
        return labels.label(f"pengamatan_{key}", lang)
    return key


def _count(n: int, what: str, lang: str) -> str:
    if n == 0 and what == "perhitungan_cocok":
        return labels.label("perhitungan_cocok_nol", lang)
    return labels.counted(what, n, lang, n=idnum.words(n, lang))


def reference_date() -> dt.date:
    return audit._interview()
