"""Appendix chapter: Tabel 1.1 in detail. Everything the book computes from the table beyond the paper's one use of
it (values after the errata with totals, yearly changes, compound growth, shares, indices) and the table's data
quality (the malformed cell under two readings, units and source, the comparison with press figures), with the record
of the numbers that tables and figures carried in the previous edition."""

import pandas as pd

from .. import analysis, audit, coded, figures, idnum, labels, quality, sensitivity, show, subsectors
from ..idnum import fmt, pct
from ..show import Table, listing, span


def _name(name: str, lang: str) -> str:
    return subsectors.display(name, lang)


def _rows(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A wide table's rows named for readers (subsectors, the total), with the subsector header."""
    out = frame.rename(index=lambda i: labels.label("total", lang) if i == analysis.TOTAL else _name(i, lang))
    return out.rename_axis(labels.label("subsektor", lang))


def glues(bab, lang: str) -> dict:
    p, df = bab.p, bab.df
    w = analysis.wide(df, total=True)
    last = p.tahun_akhir
    ranked = analysis.wide(df)[last].sort_values(ascending=False)
    out = {
        "periode": span(p.tahun_awal, p.tahun_akhir),
        "tabel_data": bab.audit.table_name(lang),
        "n_subsektor": idnum.words(len(df.attrs["subsektor"]), lang),
        "fokus": _name(p.subsektor, lang),
        "tahun_dasar": str(p.tahun_dasar),
        "total_awal": fmt(w.loc[analysis.TOTAL, p.tahun_awal], lang=lang),
        "total_akhir": fmt(w.loc[analysis.TOTAL, last], lang=lang),
        "besar_kecil": largest_smallest(ranked, lang),
        "toleransi_pangsa": fmt(audit.threshold("toleransi_pangsa"), 1, lang),
        "gerak_pangsa": fmt(quality.press_share_moves(), 2, lang),
        "pita_besaran": "\u2013".join(fmt(v, 2, lang) for v in audit.threshold("pita_besaran")),
        "n_kepekaan_mutu": idnum.words(len(sensitivity.quality_only(sensitivity.rows(df, bab.audit, lang))), lang),
    }
    one_year = p.tahun_awal == last
    out["total_gerak"] = labels.label(
        "total_satu" if one_year else "total_gerak", lang, tahun=last, awal=out["total_awal"], akhir=out["total_akhir"]
    )
    out.update(shares_sentence(df, lang))
    if one_year:  # no change, growth or index: one sentence says so (the passages are left out)
        out["satu_tahun"] = labels.label("satu_tahun", lang, tahun=last)
    else:
        out.update(growth(bab, lang))
    out.update(press(df, lang))
    out.update(cell(df, lang))
    peak = quality.peak_on_corrected_cell(df, _largest(df))
    if peak is not None:
        out["puncak_tahun_lain"] = str(peak["tahun_lain"])
    return out


def growth(bab, lang: str) -> dict:
    """The focus subsector's and the total's yearly changes, compound growth and index, over two years or more."""
    p, df = bab.p, bab.df
    last, focus = p.tahun_akhir, _name(p.subsektor, lang)
    c = analysis.cagr(df, total=True)
    top = c.drop(analysis.TOTAL).idxmax()  # the first year's total is above zero, so some subsector has a rate
    ix = analysis.index(df, base=p.tahun_dasar, total=True)
    rates = {k: pct(c[n], 2, lang, sign=True) for k, n in (("fokus_cagr", p.subsektor), ("total_cagr", analysis.TOTAL))}
    index = {
        k: fmt(ix.loc[n, last], lang=lang)
        for k, n in (("fokus_indeks_akhir", p.subsektor), ("total_indeks_akhir", analysis.TOTAL))
    }
    return {
        **focus_changes(analysis.wide(df).loc[p.subsektor], focus, lang),
        **rates,
        **index,
        "cagr_fokus": labels.label(
            "cagr_fokus" if c[p.subsektor] == c[p.subsektor] else "cagr_fokus_nol",
            lang,
            fokus=focus,
            periode=span(p.tahun_awal, last),
            nilai=rates["fokus_cagr"],
            total=rates["total_cagr"],
        ),
        "cagr_tertinggi": _name(top, lang),
        "cagr_tertinggi_nilai": pct(c[top], 2, lang, sign=True),
        "indeks_fokus": labels.label(
            "indeks_fokus" if ix.loc[p.subsektor, last] == ix.loc[p.subsektor, last] else "indeks_fokus_nol",
            lang,
            fokus=focus,
            nilai=index["fokus_indeks_akhir"],
            total=index["total_indeks_akhir"],
        ),
    }


def shares_sentence(df: pd.DataFrame, lang: str) -> dict:
    """How concentrated the table is: the two largest subsectors' least joint share, and the largest one's peak
    (a year's total is never zero: the loader refuses such a year)."""
    s = analysis.shares(df)
    two = s.mean(axis=1).sort_values(ascending=False).index[:2]
    out = {
        "dua_terbesar": listing([_name(n, lang) for n in two], lang),
        "pangsa_dua_min": pct(s.loc[two].sum().min(), 1, lang),
        "terbesar_pangsa": _name(two[0], lang),
        "puncak_tahun": str(int(s.loc[two[0]].idxmax())),
        "puncak_pangsa": pct(s.loc[two[0]].max(), 1, lang),
    }
    key = "pangsa_sendiri" if len(s) == 1 else ("pangsa_dua_satu" if len(s.columns) == 1 else "pangsa_dua")
    names = {"dua": out["dua_terbesar"], "minimum": out["pangsa_dua_min"], "besar": out["terbesar_pangsa"]}
    out["pangsa_kalimat"] = labels.label(key, lang, tahun=out["puncak_tahun"], puncak=out["puncak_pangsa"], **names)
    return out


def largest_smallest(ranked: pd.Series, lang: str) -> str:
    """The last year's largest and smallest subsector and how many times the one is the other; when some are zero,
    every zero subsector is named and no ratio given; with one subsector, neither."""
    names = {k: _name(ranked.index[i], lang) for k, i in (("terbesar", 0), ("terkecil", -1))}
    if len(ranked) == 1:
        return labels.label("besar_kecil_satu", lang, **names)
    zeros = [_name(n, lang) for n in ranked.index[ranked == 0]]
    if zeros:
        key = "besar_kecil_nol" if len(zeros) == 1 else "besar_kecil_nol_banyak"
        return labels.label(key, lang, terbesar=names["terbesar"], terkecil=listing(zeros, lang))
    return labels.label("besar_kecil", lang, rasio=fmt(ranked.iloc[0] / ranked.iloc[-1], 0, lang), **names)


def focus_changes(values: pd.Series, name: str, lang: str) -> dict:
    """The focus subsector's deepest fall and largest rise from one year to the next, over the changes that are
    defined (a change from zero is not); whether it ever fell or rose is read from the values themselves."""
    defined = analysis.yoy_of(values).iloc[1:].dropna()
    if defined.empty:
        return {"ubah_fokus": labels.label("ubah_fokus_nol", lang, fokus=name)}
    out = {
        "fokus_turun_tahun": str(int(defined.idxmin())),
        "fokus_turun": pct(defined.min(), 2, lang, sign=True),
        "fokus_naik_tahun": str(int(defined.idxmax())),
        "fokus_naik": pct(defined.max(), 2, lang, sign=True),
    }
    steps = values.diff().iloc[1:]
    if len(defined) == 1:
        key = "ubah_fokus_satu"
    elif not (steps < 0).any():
        key = "ubah_fokus_naik"
    elif not (steps > 0).any():
        key = "ubah_fokus_turun"
    else:
        key = "ubah_fokus"
    keys = {k.removeprefix("fokus_"): v for k, v in out.items()}
    return {**out, "ubah_fokus": labels.label(key, lang, fokus=name, **keys)}


def _one_year(bab) -> bool:
    return bab.p.tahun_awal == bab.p.tahun_akhir


def conditions(bab) -> dict[str, bool]:
    """Which passages of the appendix apply to this run's data (``jika:`` tags in the notebook)."""
    df = bab.df
    return {
        "asli": bab.asli,
        "ada_perubahan": not _one_year(bab),
        "koreksi": quality.cell_readings(df) is not None,
        "ada_pangsa": bool(len(quality.press_shares(df))),
        "ada_total": bool(len(quality.press_totals(df))),
        "ada_arah": bool(quality.press_direction(df)),
        "ada_kepekaan_mutu": bool(len(_quality_rows(bab))),
        "puncak_sel": quality.peak_on_corrected_cell(df, _largest(df)) is not None,
    }


def _largest(df: pd.DataFrame) -> str:
    """The subsector with the largest mean share (the one whose peak the text names)."""
    return analysis.shares(df).mean(axis=1).sort_values(ascending=False).index[0]


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
    out.update(nothing_to_compare(df, lang, shares, totals))
    return out


def nothing_to_compare(df: pd.DataFrame, lang: str, shares: pd.DataFrame, totals: pd.DataFrame) -> dict:
    """For each comparison with the press that these data leave empty, the sentence that says why (issue 22): a
    comparison with nothing to compare is a sentence, never an empty table or figure."""
    years = sorted(int(y) for y in df["tahun"].unique())
    periode = span(years[0], years[-1])
    out = {}
    if not len(shares):
        press = quality._press("pangsa")
        met = sorted(set(press["tahun"]) & set(years))
        if met:  # a year meets, but none of the subsectors the press gives for it
            named = press.loc[press["tahun"] == met[-1], "subsektor"]
            out["pangsa_tidak"] = labels.label(
                "pangsa_tak_bersubsektor",
                lang,
                subsektor_pers=listing([subsectors.display(n, lang) for n in named], lang),
                tahun=str(met[-1]),
            )
        else:
            tahun_pers = listing([str(y) for y in sorted(set(press["tahun"]))], lang)
            out["pangsa_tidak"] = labels.label("pangsa_tak_bertemu", lang, tahun_pers=tahun_pers, periode=periode)
    if not len(totals):
        press_years = sorted(set(quality._press("total")["tahun"]))
        consecutive = press_years == list(range(press_years[0], press_years[-1] + 1))
        tahun_pers = span(press_years[0], press_years[-1]) if consecutive else listing(map(str, press_years), lang)
        out["total_tidak"] = labels.label("total_tak_bertemu", lang, tahun_pers=tahun_pers, periode=periode)
    if not len(shares) and not len(totals):
        out["kepekaan_mutu_tidak"] = labels.label("kepekaan_mutu_nol", lang)
    return out


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
        return "\u2013"
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


def values(bab, lang: str) -> Table:
    w = analysis.wide(bab.df, total=True)
    return Table(_rows(show.formatted(w, lambda v: fmt(v, 1, lang)), lang), lang, index=True)


def changes(bab, lang: str) -> Table | None:
    if _one_year(bab):
        return None
    g = analysis.yoy(bab.df, total=True)
    return Table(_rows(show.formatted(g, lambda v: pct(v, 2, lang, sign=True)), lang), lang, index=True)


def cagr(bab, lang: str) -> Table | None:
    if _one_year(bab):
        return None
    c = analysis.cagr(bab.df, total=True).map(lambda v: pct(v, 2, lang, sign=True))
    return Table(_rows(c.to_frame(labels.label("cagr", lang)), lang), lang, index=True)


def shares(bab, lang: str) -> Table:
    s = analysis.shares(bab.df)
    return Table(_rows(show.formatted(s, lambda v: pct(v, 1, lang)), lang), lang, index=True)


def index(bab, lang: str) -> Table | None:
    if _one_year(bab):
        return None
    ix = analysis.index(bab.df, base=bab.p.tahun_dasar, total=True)
    return Table(_rows(show.formatted(ix, lambda v: fmt(v, 1, lang)), lang), lang, index=True)


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


def press_shares(bab, lang: str) -> Table | None:
    """None when no subsector share of these data meets a press-reported one (the text says so instead)."""
    s = quality.press_shares(bab.df)
    if s.empty:
        return None
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


def press_totals(bab, lang: str) -> Table | None:
    """None when no year of these data meets a press-reported total (the text says so instead)."""
    t = quality.press_totals(bab.df)
    if t.empty:
        return None
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


def _quality_rows(bab, lang: str = "id") -> pd.DataFrame:
    return sensitivity.quality_only(sensitivity.rows(bab.df, bab.audit, lang))


def quality_sensitivity(bab, lang: str) -> Table | None:
    """None when no data-quality observation can be made on these data (the text says so instead)."""
    from .pemeriksaan import sensitivity_frame

    rows = _quality_rows(bab, lang)
    return Table(sensitivity_frame(rows), lang) if len(rows) else None


def renumbered(bab, lang: str) -> Table:
    """Every figure and table whose number changed since the previous edition (``data/penomoran_lama.csv``): its old
    number, its fixed label, and where it is now, as a cross-reference the book resolves to the current number; a
    table that was dropped names the table that now holds its rows."""
    record = coded.table("penomoran_lama")
    word = {"id": {}, "en": {"Gambar": "Figure", "Tabel": "Table"}}[lang]
    rows = []
    for r in record.itertuples(index=False):
        kind, number = r.nomor_lama.split()
        now = (
            labels.label("nomor_dihapus", lang, ganti=f"{{numref}}`{r.ganti}`") if r.ganti else f"{{numref}}`{r.label}`"
        )
        rows.append({"nomor_lama": f"{word.get(kind, kind)} {number}", "label_kolom": r.label, "tempat_kini": now})
    table = Table(pd.DataFrame(rows), lang)
    # the CSV beside the table names the place by its label, without the cross-reference markup
    where = [labels.label("nomor_dihapus", lang, ganti=r.ganti) if r.ganti else r.label for r in record.itertuples()]
    table.data[labels.header("tempat_kini", lang)] = where
    return table


# --------------------------------------------------------------------------- figures


def fig_changes(bab, lang: str):
    if _one_year(bab):
        return None
    return figures.growth_heatmap(bab.df, lang)


def fig_shares(bab, lang: str):
    return figures.shares(bab.df, lang)


def fig_index(bab, lang: str):
    if _one_year(bab):
        return None
    return figures.index_lines(bab.df, bab.p.tahun_dasar, lang)


def fig_press(bab, lang: str):
    """Both comparisons side by side; None unless these data meet the press in both (one panel would be empty)."""
    if quality.press_shares(bab.df).empty or quality.press_totals(bab.df).empty:
        return None
    press_totals_ = quality._press("total")
    table_totals = analysis.totals(bab.df) / 1000
    return figures.press_comparison(press_totals_, table_totals, quality.press_shares(bab.df), lang)
