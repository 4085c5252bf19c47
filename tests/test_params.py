"""Parameter checks: one clear line per bad value, before any kernel starts."""

import os
import shutil
import subprocess
import sys

import pytest

from ekraf_repro import params, paths
from ekraf_repro.bookmaker.cli import parse_params
from ekraf_repro.errors import InputError


def test_defaults():
    p = params.resolve()
    assert (p.subsektor, p.tahun_awal, p.tahun_akhir, p.tahun_dasar, p.bahasa) == ("Kriya", 2018, 2022, 2018, "id")


def test_subsector_matching_uses_the_data_spelling():
    assert params.resolve(subsektor="fesyen").subsektor == "Fashion"
    assert params.resolve(subsektor="seni rupa").subsektor == "Seni Rupa"


def test_a_one_year_cut_is_a_period_too():
    p = params.resolve(tahun_awal=2020, tahun_akhir=2020)
    assert sorted(p.table["tahun"].unique()) == [2020] and p.tahun_dasar == 2020


def test_year_cut():
    p = params.resolve(tahun_awal=2019, tahun_akhir=2021)
    assert sorted(p.table["tahun"].unique()) == [2019, 2020, 2021]
    assert p.tahun_dasar == 2019


@pytest.mark.parametrize(
    "given,fragment",
    [
        (
            {"subsektor": "Film"},
            "subsektor='Film': not in the data; choose one of Kriya, Kuliner, Musik, Fashion, Seni Rupa",
        ),
        ({"tahun_awal": 2017}, "tahun_awal=2017: outside the data's years 2018-2022"),
        ({"tahun_akhir": 2023}, "tahun_akhir=2023: outside the data's years 2018-2022"),
        ({"tahun_awal": 2021, "tahun_akhir": 2019}, "tahun_awal must not come after tahun_akhir"),
        (
            {"tahun_awal": 2019, "tahun_dasar": 2018},
            "tahun_dasar=2018: must lie within tahun_awal-tahun_akhir (2019-2022)",
        ),
        ({"tahun_awal": "dua ribu"}, "tahun_awal='dua ribu': must be a year"),
        ({"bahasa": "fr"}, "bahasa='fr': allowed values are id, en"),
        ({"warna": "merah"}, "unknown parameter 'warna'; allowed: data, subsektor"),
    ],
)
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
        "subsektor": "Fashion",
        "tahun_awal": 2019,
        "tahun_dasar": None,
    }
    with pytest.raises(InputError, match="unknown parameter 'foo'"):
        parse_params(["foo=1"])
    with pytest.raises(InputError, match="write it as name=value"):
        parse_params(["subsektor"])


# --------------------------------------------------------------------------- one convention for data paths


def test_a_relative_data_path_resolves_against_the_project_root_wherever_the_code_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a working directory that holds no data/
    p = params.resolve(data=params.DEFAULT_DATA)
    assert p.path == paths.ROOT / params.DEFAULT_DATA
    other_root = tmp_path / "proyek lain"
    (other_root / "data" / "raw").mkdir(parents=True)
    shutil.copy(paths.ROOT / params.DEFAULT_DATA, other_root / params.DEFAULT_DATA)
    shutil.copy(paths.ROOT / "data" / "errata.csv", other_root / "data" / "errata.csv")
    assert params.resolve(root=other_root, data=params.DEFAULT_DATA).path == other_root / params.DEFAULT_DATA


def test_the_command_line_resolves_a_relative_path_against_the_working_directory(tmp_path):
    # a user's own table (the book's errata apply to the book's file only, so this one is printed correctly)
    text = (paths.ROOT / params.DEFAULT_DATA).read_text(encoding="utf-8").replace("8.872.098.7", "8.872.098,7")
    (tmp_path / "tabel_saya.csv").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src")}
    cli = [sys.executable, "-m", "ekraf_repro.bookmaker.cli", "validate"]
    ok = subprocess.run([*cli, "tabel_saya.csv"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert ok.returncode == 0 and "tabel_saya.csv" in ok.stdout, ok.stderr
    # the same relative name from the project root names a file that is not there
    missing = subprocess.run([*cli, "tabel_saya.csv"], cwd=paths.ROOT, env=env, capture_output=True, text=True)
    assert missing.returncode != 0 and "tabel_saya.csv" in missing.stderr
