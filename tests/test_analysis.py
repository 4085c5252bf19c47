"""Computations on Tabel 1.1 against values worked out by hand."""

import math

import pandas as pd
import pytest

from ekraf_repro import analysis, loader, tablechecks


@pytest.fixture(scope="module")
def df():
    return loader.load()


def test_year_on_year(df):
    g = analysis.yoy(df)
    assert round(g.loc["Kriya", 2020], 2) == -23.50  # (3358484.7 / 4390189.6 - 1) * 100
    assert round(g.loc["Fashion", 2020], 2) == 77.87
    assert list(g.columns) == [2019, 2020, 2021, 2022]


def test_cagr(df):
    c = analysis.cagr(df)
    assert round(c["Kriya"], 2) == -1.41  # (4056579.8 / 4294196.8) ** (1/4) - 1
    assert round(c["Musik"], 2) == 20.56
    assert round(analysis.cagr(df, 2019, 2021)["Kriya"], 4) == round(((5145089.1 / 4390189.6) ** 0.5 - 1) * 100, 4)
    assert analysis.cagr(df, 2020, 2020).isna().all()  # one year: no rate
    with pytest.raises(ValueError):
        analysis.cagr(df, 2021, 2020)


def test_a_division_by_zero_is_undefined_never_infinite():
    import pandas as pd

    zero = pd.DataFrame(
        {"subsektor": ["Kriya"] * 3 + ["Musik"] * 3, "tahun": [2020, 2021, 2022] * 2, "nilai": [0.0, 5, 0, 2, 2, 4]}
    )
    assert analysis.cagr(zero)["Kriya"] != analysis.cagr(zero)["Kriya"]  # from zero: NaN
    assert analysis.cagr(zero)["Musik"] == pytest.approx((2**0.5 - 1) * 100)
    yoy = analysis.yoy(zero).loc["Kriya"]
    assert yoy.isna().tolist() == [True, False] and yoy[2022] == -100.0
    assert analysis.index(zero).loc["Kriya"].isna().all()
    assert analysis.profile(zero, "Kriya")["indeks"].isna().all()


def test_shares(df):
    s = analysis.shares(df)
    assert round(s.loc["Fashion", 2020], 1) == 65.8
    assert all(math.isclose(v, 100.0) for v in s.sum())


def test_index_and_totals(df):
    ix = analysis.index(df, base=2019, total=True)
    assert ix[2019].eq(100).all()
    assert round(ix.loc["Kriya", 2021], 4) == round(5145089.1 / 4390189.6 * 100, 4)
    assert round(analysis.totals(df)[2018], 1) == 10642798.4


def test_ranks_and_profile(df):
    r = analysis.ranks(df)
    assert r.loc["Fashion", 2020] == 1 and r.loc["Kriya", 2021] == 1 and r.loc["Seni Rupa", 2018] == 5
    prof = analysis.profile(df, "Musik")
    assert list(prof.columns) == ["nilai", "perubahan_pct", "pangsa_pct", "peringkat", "indeks"]
    assert round(prof.loc[2022, "indeks"], 2) == 211.24
    assert pd.isna(prof.loc[2018, "perubahan_pct"])


def test_decline_every_year_is_contradicted(df):
    check = tablechecks.decline_every_year(df, "Kriya")
    assert check.status == "bertentangan"
    assert check.facts["naik"] == [2019, 2021]
    assert check.facts["turun"] == [2020, 2022]


def test_decline_check_without_the_row(df):
    check = tablechecks.decline_every_year(df[df["subsektor"] != "Kriya"], "Kriya")
    assert check.status == "tidak_dapat"


def test_period_2019_2023_is_contradicted(df):
    check = tablechecks.period_matches(df, (2019, 2023))
    assert check.status == "bertentangan"
    assert check.facts["hilang"] == [2023]
    assert tablechecks.period_matches(df, (2018, 2022)).status == "sesuai"


def test_13_59_percent_is_not_derivable(df):
    check = tablechecks.derive_percentage(df, 13.59, 0.005)
    assert check.status == "tidak_dapat"
    assert check.facts["n_dicoba"] == 237
    assert (check.facts["terdekat_baris"], check.facts["terdekat_perhitungan"]) == ("Kuliner", "rata_rata")
    assert round(check.facts["terdekat_nilai"], 2) == 13.78


def test_derive_percentage_finds_a_value_that_is_there(df):
    assert tablechecks.derive_percentage(df, 23.50, 0.005).status == "sesuai"  # Kriya 2019->2020


def test_a_period_of_one_year_is_the_year():
    from ekraf_repro.show import span

    assert (span(2018, 2022), span(2021, 2021)) == ("2018\u20132022", "2021")
