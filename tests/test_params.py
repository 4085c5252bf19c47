"""Parameter checks: one clear line per bad value, before any kernel starts."""
import pytest

from ekraf_repro import params
from ekraf_repro.bookmaker.cli import parse_params
from ekraf_repro.errors import InputError


def test_defaults():
    p = params.resolve()
    assert (p.subsektor, p.tahun_awal, p.tahun_akhir, p.tahun_dasar, p.bahasa) == ("Kriya", 2018, 2022, 2018, "id")


def test_subsector_matching_uses_the_data_spelling():
    assert params.resolve(subsektor="fesyen").subsektor == "Fashion"
    assert params.resolve(subsektor="seni rupa").subsektor == "Seni Rupa"


def test_year_cut():
    p = params.resolve(tahun_awal=2019, tahun_akhir=2021)
    assert sorted(p.table["tahun"].unique()) == [2019, 2020, 2021]
    assert p.tahun_dasar == 2019


@pytest.mark.parametrize("given,fragment", [
    ({"subsektor": "Film"}, "subsektor='Film': not in the data; choose one of Kriya, Kuliner, Musik, Fashion, Seni Rupa"),
    ({"tahun_awal": 2017}, "tahun_awal=2017: outside the data's years 2018-2022"),
    ({"tahun_akhir": 2023}, "tahun_akhir=2023: outside the data's years 2018-2022"),
    ({"tahun_awal": 2021, "tahun_akhir": 2019}, "tahun_awal must come before tahun_akhir"),
    ({"tahun_awal": 2020, "tahun_akhir": 2020}, "tahun_awal must come before tahun_akhir"),
    ({"tahun_awal": 2019, "tahun_dasar": 2018}, "tahun_dasar=2018: must lie within tahun_awal-tahun_akhir (2019-2022)"),
    ({"tahun_awal": "dua ribu"}, "tahun_awal='dua ribu': must be a year"),
    ({"bahasa": "fr"}, "bahasa='fr': allowed values are id, en"),
    ({"warna": "merah"}, "unknown parameter 'warna'; allowed: data, subsektor"),
])
def test_bad_parameters(given, fragment):
    with pytest.raises(InputError) as info:
        params.resolve(**given)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_data_file(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("Subsektor;2018\nKriya;abc\n")
    with pytest.raises(InputError, match=r"x.csv: line 2 \(Kriya\), column '2018': malformed number 'abc'"):
        params.resolve(data=str(bad))


def test_cli_parameter_parsing():
    assert parse_params(["subsektor=Fashion", "tahun_awal=2019", "tahun_dasar=None"]) == {
        "subsektor": "Fashion", "tahun_awal": 2019, "tahun_dasar": None}
    with pytest.raises(InputError, match="unknown parameter 'foo'"):
        parse_params(["foo=1"])
    with pytest.raises(InputError, match="write it as name=value"):
        parse_params(["subsektor"])
