"""Appendix: one page per subsector, made from the template notebook run once per subsector."""

import pandas as pd

from .. import analysis, figures, idnum, labels, quality, subsectors
from ..idnum import fmt, pct
from ..show import Table, listing


def glues(bab, lang: str) -> dict:
    p, df = bab.p, bab.df
    prof = analysis.profile(df, p.subsektor)
    cagr = analysis.cagr(df)[p.subsektor]
    out = {
        "nama": subsectors.display(p.subsektor, lang),
        "tahun_awal": str(p.tahun_awal),
        "tahun_akhir": str(p.tahun_akhir),
        "nilai_awal": fmt(prof["nilai"].iloc[0], 1, lang),
        "nilai_akhir": fmt(prof["nilai"].iloc[-1], 1, lang),
        "cagr": pct(cagr, 2, lang, sign=True),
        "pangsa_min": pct(prof["pangsa_pct"].min(), 1, lang),
        "pangsa_max": pct(prof["pangsa_pct"].max(), 1, lang),
        "peringkat": rank_phrase(sorted({int(r) for r in prof["peringkat"]}), lang, always=len(prof) > 1),
        "n_subsektor": idnum.words(len(df.attrs["subsektor"]), lang),
    }
    out["ringkasan"] = " ".join(summary(out, len(prof), cagr == cagr, len(df.attrs["subsektor"]), lang))
    return out


def summary(facts: dict, years: int, defined: bool, subsectors_: int, lang: str) -> list[str]:
    """The page's opening sentences for what these data allow: one year has no growth, a zero in the first year no
    growth rate, and the only subsector no range of shares or place among others."""
    if years == 1:
        out = [labels.label("profil_satu", lang, **facts)]
    else:
        out = [labels.label("profil_gerak", lang, **facts)]
        out.append(labels.label("cagr_profil" if defined else "cagr_profil_nol", lang, **facts))
    if subsectors_ == 1:
        key = "profil_sendiri"
    else:
        same = facts["pangsa_min"] == facts["pangsa_max"]
        key = "profil_pangsa" if not same else ("profil_pangsa_satu" if years == 1 else "profil_pangsa_tetap")
    return [*out, labels.label(key, lang, **facts)]


def conditions(bab) -> dict[str, bool]:
    """Which passages of a subsector's page apply (``jika:`` tags in the template)."""
    return {"puncak_sel": quality.peak_on_corrected_cell(bab.df, bab.p.subsektor) is not None}


def peak_glues(bab, lang: str) -> dict:
    found = quality.peak_on_corrected_cell(bab.df, bab.p.subsektor)
    if found is None:
        return {}
    return {"puncak_tahun": str(found["tahun"]), "puncak_tahun_lain": str(found["tahun_lain"])}


def rank_phrase(ranks: list[int], lang: str, always: bool = True) -> str:
    """``[3]`` -> "selalu berada di peringkat ketiga"; ``[1, 2]`` -> "berada di peringkat pertama atau kedua"; one
    year's rank is not "always" (``always=False``)."""
    places = [idnum.ordinal(r, lang) for r in ranks]
    if lang == "en":
        once = f"always {places[0]}" if always else places[0]
        return once if len(places) == 1 else listing(places, lang).replace(" and ", " or ")
    if len(places) == 1:
        return f"{'selalu ' if always else ''}berada di peringkat {places[0]}"
    return "berada di peringkat " + listing(places, lang).replace(" dan ", " atau ")


def profile(bab, lang: str) -> Table:
    prof = analysis.profile(bab.df, bab.p.subsektor)
    shown = pd.DataFrame(
        {
            "tahun": prof.index,
            "nilai_tabel": prof["nilai"].map(lambda v: fmt(v, 1, lang)),
            "perubahan_pct": prof["perubahan_pct"].map(lambda v: "–" if v != v else pct(v, 2, lang, sign=True)),
            "pangsa_pct": prof["pangsa_pct"].map(lambda v: pct(v, 1, lang)),
            "peringkat": prof["peringkat"],
            "indeks_kolom": prof["indeks"].map(lambda v: fmt(v, 1, lang)),
        }
    )
    return Table(shown, lang)


def fig_profile(bab, lang: str):
    return figures.profile(bab.df, bab.p.subsektor, lang)
