"""The claims audit: every check function with its expected status and the facts it rests on."""
import pandas as pd
import pytest

from ekraf_repro import audit, coded, loader

EXPECTED = {
    "k01": "reproduced", "k02": "reproduced", "k03": "contradicted", "k04": "contradicted", "k05": "not derivable",
    "k06": "external", "k07": "in tension", "k08": "external", "k09": "corroborated", "k10": "contradicted",
    "k11": "not derivable", "k12": "in tension", "k13": "reproduced", "k14": "contradicted", "k15": "contradicted",
    "k16": "reproduced", "k17": "reproduced", "k18": "contradicted", "k19": "in tension", "k20": "corroborated",
    "k21": "external", "k22": "external", "k23": "external", "k24": "corroborated", "k25": "in tension",
    "k26": "contradicted",
}


@pytest.fixture(scope="module")
def df():
    return loader.load()


@pytest.fixture(scope="module")
def results(df):
    return audit.results(df)


def test_claims_file_has_every_required_statement():
    claims = coded.table("klaim")
    assert len(claims) >= 20
    assert sorted(claims["id"]) == sorted(EXPECTED)
    assert set(claims["pemeriksa"]) <= set(audit.CHECKS)
    assert set(claims["jenis"]) == {"angka_tabel", "tanggal", "hitungan", "nama", "kutipan", "metode"}


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_status(results, claim_id):
    assert results[claim_id].status == EXPECTED[claim_id]


def test_decline_every_year_lists_the_years_that_grew(results):
    assert results["k03"].facts["naik"] == [2019, 2021]


def test_13_59_percent_lists_what_was_tried(results):
    facts = results["k05"].facts
    assert facts["n_dicoba"] == 237 and len(facts["keluarga"]) == 5


def test_interview_weekday_is_computed(results):
    assert results["k13"].facts["hari"] == "Sabtu"  # 16 September 2023


def test_twenty_five_years_against_the_cited_source(results):
    assert results["k10"].facts == {"tercapai": 2020, "sumber": 2000, "saat_wawancara": 28}


def test_five_years_with_malaysia_against_the_mou(results):
    assert round(results["k12"].facts["tahun_berlalu"], 1) == 7.8


def test_spellings(results):
    assert results["k14"].facts["ejaan"] == ["Kriya Nusantara & Golya", "Kriya dan Golya", "Kriya dan Gloya"]
    assert results["k14"].facts["konteks"] == "Teras Gloya"


def test_method_disagreement(results):
    assert results["k15"].facts["hanya_c"] == ["Studi literatur"]
    assert "Wawancara" in results["k15"].facts["hanya_abstrak"]


def test_unaddressed_barriers(results):
    assert "Akses permodalan" in results["k18"].facts["tak_terjawab"]
    assert "Perijinan" not in results["k18"].facts["tak_terjawab"]


def test_press_comparisons(results):
    assert round(results["k24"].facts["selisih_maks"], 1) == 3.3  # Fesyen 2022: 58.3% vs 61.6%
    assert 0.45 < results["k25"].facts["rasio_min"] < results["k25"].facts["rasio_maks"] < 0.55


def test_statuses_follow_the_data(df):
    """Statuses are computed: change the data and the status changes."""
    rising = df.copy()
    rising.loc[rising["subsektor"] == "Kriya", "nilai"] = [1.0, 2.0, 3.0, 4.0, 5.0]
    rising.attrs = dict(df.attrs)
    claim = coded.claim("k03")
    assert audit.turun_tiap_tahun(rising, claim).status == "contradicted"
    falling = rising.copy()
    falling.loc[falling["subsektor"] == "Kriya", "nilai"] = [5.0, 4.0, 3.0, 2.0, 1.0]
    assert audit.turun_tiap_tahun(falling, claim).status == "reproduced"


def test_weekday_check_can_contradict():
    claim = pd.Series({"nilai": "2023-09-16 Jumat", "pemeriksa": "hari_wawancara"}, name="k13")
    assert audit.hari_wawancara(None, claim).status == "contradicted"


def test_run_gives_one_row_per_claim(df):
    table = audit.run(df)
    assert list(table.columns) == ["id", "bagian", "jenis", "parafrase", "status", "bukti"]
    assert len(table) == len(EXPECTED) and table["bukti"].str.len().min() > 5
