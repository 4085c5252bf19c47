"""Chapter 1: the introduction in our words, and what reproduces the paper's one use of Tabel 1.1: the table as
printed, its erratum, the figure the paper's sentence rests on, and that sentence checked. The rest of the table's
analysis is the appendix chapter's (:mod:`ekraf_repro.chapters.rinci`)."""

import pandas as pd

from .. import audit, coded, errata, figures, idnum, labels, loader, quality, show, subsectors, tablechecks
from ..idnum import fmt, pct
from ..show import Table, listing, span


def _name(name: str, lang: str) -> str:
    return subsectors.display(name, lang)


def glues(bab, lang: str) -> dict:
    p, df = bab.p, bab.df
    out = {
        "periode": span(p.tahun_awal, p.tahun_akhir),
        "n_subsektor": idnum.words(len(df.attrs["subsektor"]), lang),
        "fokus": _name(p.subsektor, lang),
        "n_koreksi": idnum.words(len(df.attrs["koreksi"]), lang),
    }
    fixes = errata.frame()
    if len(df.attrs["koreksi"]):
        first = fixes.iloc[0]
        out.update(
            {
                "koreksi_baris": first["baris"],
                "koreksi_kolom": first["kolom"],
                "koreksi_tercetak": first["nilai_tercetak"],
                "koreksi_dipakai": fmt(idnum.parse(first["nilai_koreksi"]), 1, lang),
                "koreksi_fesyen": _name(first["baris"], lang),
            }
        )
    out.update(checks(bab, lang))
    out.update(data_file(bab, lang))
    return out


def data_file(bab, lang: str) -> dict:
    """The data this run reads, as a variant's text describes it: file name (never a path), years, subsectors."""
    df = bab.df
    first, last = df.attrs["tahun_berkas"]
    return {
        "tabel_data": bab.audit.table_name(lang),
        "tabel_data_cap": bab.audit.table_name(lang)[:1].upper() + bab.audit.table_name(lang)[1:],
        "nama_berkas": show.FileName(bab.p.path.name),
        "koreksi_frasa": labels.counted(
            "koreksi_ada", len(df.attrs["koreksi"]), lang, n=idnum.words(len(df.attrs["koreksi"]), lang)
        )
        if df.attrs["koreksi"]
        else labels.label("koreksi_tidak_ada", lang),
        "periode_berkas": span(first, last),
        "daftar_subsektor": listing([_name(n, lang) for n in df.attrs["subsektor"]], lang),
    }


def reading_changes(bab, cid: str, lang: str) -> str:
    """How many of the other readings tried in chapter 5 change the status of ``cid``, and which."""
    from .. import sensitivity

    rows = sensitivity.rows(bab.df, bab.audit, lang)
    mine = rows[rows["pernyataan"] == cid]
    changed = mine.loc[mine["berubah"], "alternatif"].tolist()
    n = idnum.words(len(mine), lang)
    if not changed:
        return labels.label("kepekaan_tetap", lang, n=n)
    m = idnum.words(len(changed), lang)
    return labels.counted("kepekaan_berubah", len(changed), lang, m=m, n=n, daftar=listing(changed, lang))


def checks(bab, lang: str) -> dict:
    """The three numeric statements of the introduction: statuses and the facts beside them."""
    a, df = bab.audit, bab.df
    k03, k04, k05 = a.result("k03"), a.result("k04"), a.result("k05")
    out = {
        "st_k03": audit.status_name(k03.status, lang),
        "st_k04": audit.status_name(k04.status, lang),
        "st_k05": audit.status_name(k05.status, lang),
        "st_k29": audit.status_name(a.status("k29"), lang),
        # the rules and what the table shows, as the audit writes them (right for a variant's table too)
        **{
            f"{cid}_{part}": text
            for cid in ("k03", "k04", "k05")
            for part, text in (("aturan", a.rule(cid, lang)), ("bukti", a.evidence(cid, lang)))
        },
        "k03_kepekaan": reading_changes(bab, "k03", lang),
        "n_hambatan_anggia": idnum.words(int((coded.table("hambatan")["kunci_bib"] == "anggia2020").sum()), lang),
        "periode_teks": span(*coded.claim_years("k04")),
        "periode_tabel": k04.facts["tabel"],
        "tahun_tanpa_data": listing(k04.facts["hilang"], lang),
    }
    f = k05.facts
    target = coded.claim_number("k05")
    loose = audit.alternatives("toleransi_persen")[-1]
    out.update(
        {
            "klaim_persen": pct(target, 2, lang),
            "n_dicoba": str(f["n_dicoba"]),
            "keluarga": listing([labels.term(k, lang) for k in f["keluarga"]], lang),
            "toleransi": fmt(f["toleransi"], 3, lang),
            "terdekat": f["terdekat"][lang],
            "terdekat_nilai": pct(f["terdekat_nilai"], 2, lang),
            "terdekat_selisih": fmt(f["terdekat_selisih"], 2, lang),
            "toleransi_longgar": fmt(loose, 1, lang),
            "n_cocok": f["cocok"][lang],
            "n_cocok_longgar": idnum.words(tablechecks.matches_within(df, target, loose), lang),
        }
    )
    return out


# --------------------------------------------------------------------------- tables


def printed(bab, lang: str) -> Table:
    """The raw file exactly as printed (strings), headers as printed."""
    return Table(loader.printed(bab.p.path), lang)


def has_correction(bab) -> bool:
    """Whether an erratum applied to this run's table (the passages on the malformed cell depend on it)."""
    return quality.cell_readings(bab.df) is not None


def errata_table(bab, lang: str) -> Table | None:
    if not bab.df.attrs["koreksi"]:
        return None
    fixes = errata.frame()
    shown = pd.DataFrame(
        {
            "baris": fixes["baris"],
            "kolom": fixes["kolom"],
            "tercetak": fixes["nilai_tercetak"],
            "dipakai": [fmt(idnum.parse(v), 1, lang) for v in fixes["nilai_koreksi"]],
            "alasan": fixes["alasan" if lang == "id" else "alasan_en"],
        }
    )
    return Table(shown, lang)


def decline(bab, lang: str) -> Table | None:
    """Kriya's yearly changes; None when the data hold no Kriya row (the statement's text says it cannot be tested)."""
    ev = bab.audit.result("k03").evidence
    if ev is None:
        return None
    shown = pd.DataFrame(
        {
            "tahun": ev["tahun"],
            "nilai_sebelumnya": ev["nilai_sebelumnya"].map(lambda v: fmt(v, 1, lang)),
            "nilai_tabel": ev["nilai"].map(lambda v: fmt(v, 1, lang)),
            "perubahan_pct": ev["perubahan_pct"].map(lambda v: pct(v, 2, lang, sign=True)),
            "arah": ev["arah"].map(lambda k: labels.label(k, lang)),
        }
    )
    return Table(shown, lang)


def period(bab, lang: str) -> Table:
    return Table(bab.audit.result("k04").evidence, lang)


def nearest(bab, lang: str) -> Table:
    ev = bab.audit.result("k05").evidence
    shown = pd.DataFrame(
        {
            "perhitungan": [labels.term(k, lang) for k in ev["perhitungan"]],
            "baris": [audit.row_name(n, lang) for n in ev["baris"]],
            "periode": [span(a, b) for a, b in zip(ev["dari"], ev["sampai"])],
            # a change in share is in percentage points, every other computation in percent
            "hasil": [
                f"{fmt(v, 2, lang)} {labels.label('poin', lang)}" if k == "perubahan_pangsa" else pct(v, 2, lang)
                for k, v in zip(ev["perhitungan"], ev["nilai_pct"])
            ],
            "selisih": ev["selisih"].map(lambda v: fmt(v, 3, lang)),
        }
    )
    return Table(shown, lang)


# --------------------------------------------------------------------------- figures


def fig_levels(bab, lang: str):
    return figures.levels(bab.df, lang, highlight=bab.p.subsektor)
