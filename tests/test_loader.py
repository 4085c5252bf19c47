"""The loader: known values, the explicit erratum, and one test per rejection rule."""

import pytest
from conftest import ROOT, run_cli

from ekraf_repro import errata, idnum, loader, paths, subsectors
from ekraf_repro.errors import InputError

HEADER = "Subsektor;2018;2019;2020"


def write(tmp_path, text, name="t.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def reject(tmp_path, text, *expected, name="t.csv"):
    """Loading must fail with one line containing every expected fragment."""
    path = write(tmp_path, text, name)
    with pytest.raises(InputError) as info:
        loader.load(path)
    message = str(info.value)
    assert "\n" not in message
    assert name in message
    for fragment in expected:
        assert fragment in message, message
    return message


# --- known values -------------------------------------------------------------


def test_paper_table_known_values():
    df = loader.load()
    value = df.set_index(["subsektor", "tahun"])["nilai"]
    assert value["Kriya", 2018] == 4294196.8
    assert value["Fashion", 2020] == 8872098.7  # after the erratum
    assert value["Seni Rupa", 2022] == 31876.3
    assert list(df.columns) == ["subsektor", "tahun", "nilai"]
    assert len(df) == 25
    assert df.attrs["subsektor"] == ["Kriya", "Kuliner", "Musik", "Fashion", "Seni Rupa"]
    assert sorted(df["tahun"].unique()) == [2018, 2019, 2020, 2021, 2022]


def test_erratum_is_reported_as_a_note():
    notes = loader.load().attrs["koreksi"]
    assert len(notes) == 1
    assert "Fashion" in notes[0] and "2020" in notes[0] and "8.872.098.7" in notes[0] and "8.872.098,7" in notes[0]


def test_raw_file_is_exactly_as_printed():
    text = paths.RAW_TABLE.read_text(encoding="utf-8")
    assert "Fashion;5.584.325,1;4.987.920,9;8.872.098.7;5.098.235,2;7.398.678,9" in text
    assert text.splitlines()[0] == "Subsektor;2018;2019;2020;2021;2022"


def test_errata_file_names_file_row_column_values_and_reason():
    (e,) = errata.load()
    assert (e.berkas, e.baris, e.kolom, e.nilai_tercetak, e.nilai_koreksi) == (
        "data/raw/tabel_1_1_ekspor_ekraf.csv",
        "Fashion",
        "2020",
        "8.872.098.7",
        "8.872.098,7",
    )
    assert len(e.alasan) > 40


def test_same_malformed_value_in_another_file_is_an_error(tmp_path):
    text = paths.RAW_TABLE.read_text(encoding="utf-8")
    reject(tmp_path, text, "line 5 (Fashion)", "column '2020'", "malformed number '8.872.098.7'", name="copy.csv")


def test_more_years_and_other_official_subsectors(tmp_path):
    path = write(tmp_path, "Subsektor;2017;2018;2019;2020\nFesyen;1,5;2;3.000;4.000.000,25\nAplikasi;0;1;2;3\n")
    df = loader.load(path)
    assert df.attrs["subsektor"] == ["Fesyen", "Aplikasi"]
    assert df.set_index(["subsektor", "tahun"])["nilai"]["Fesyen", 2020] == 4000000.25
    assert df.attrs["koreksi"] == []


def test_fewer_years(tmp_path):
    df = loader.load(write(tmp_path, "Subsektor;2021;2022\nKriya;1;2\n"))
    assert sorted(df["tahun"]) == [2021, 2022]


@pytest.mark.parametrize(
    "text,value",
    [
        ("4.294.196,8", 4294196.8),
        ("594.239,5", 594239.5),
        ("12", 12.0),
        ("1234,5", 1234.5),
        ("8.872.098.7", None),
        ("1,2,3", None),
        ("abc", None),
        ("1.23,4", None),
        ("", None),
    ],
)
def test_indonesian_number_parser(text, value):
    assert idnum.parse(text) == value


def test_number_formatting():
    assert idnum.fmt(4294196.8) == "4.294.196,8"
    assert idnum.fmt(-23.5, 2) == "\u221223,50"
    assert idnum.fmt(4294196.8, 1, "en") == "4,294,196.8"
    assert idnum.pct(11.25, 2, sign=True) == "+11,25%"


def test_seventeen_official_subsectors_and_paper_spellings():
    assert len(subsectors.OFFICIAL) == 17
    assert subsectors.official_name("Fashion") == "Fesyen"
    for name in ["Kriya", "Kuliner", "Musik", "Seni Rupa", "seni  rupa"]:
        assert subsectors.official_name(name) in subsectors.OFFICIAL
    assert subsectors.official_name("Batik") is None


# --- one test per rejection rule -------------------------------------------------


def test_rejects_non_numeric_value(tmp_path):
    reject(tmp_path, f"{HEADER}\nKriya;1;dua;3\n", "line 2 (Kriya)", "column '2019'", "'dua'")


def test_rejects_malformed_number(tmp_path):
    reject(tmp_path, f"{HEADER}\nKriya;1;2;1.23,4\n", "line 2 (Kriya)", "column '2020'", "malformed number '1.23,4'")


def test_rejects_negative_value(tmp_path):
    reject(tmp_path, f"{HEADER}\nKriya;1;-2,5;3\n", "line 2 (Kriya)", "column '2019'", "negative value '-2,5'")


def test_rejects_missing_cell(tmp_path):
    reject(tmp_path, f"{HEADER}\nKriya;1;;3\n", "line 2 (Kriya)", "column '2019'", "missing value")


def test_rejects_short_row(tmp_path):
    reject(tmp_path, f"{HEADER}\nKriya;1;2\n", "line 2 (Kriya)", "column '2020'", "missing value")


def test_rejects_duplicate_subsector(tmp_path):
    reject(
        tmp_path,
        f"{HEADER}\nKriya;1;2;3\nKuliner;1;2;3\nkriya;4;5;6\n",
        "line 4",
        "column 'Subsektor'",
        "duplicate subsector 'kriya'",
        "line 2",
    )


def test_rejects_duplicate_via_alias(tmp_path):
    reject(tmp_path, f"{HEADER}\nFashion;1;2;3\nFesyen;1;2;3\n", "line 3", "duplicate subsector 'Fesyen'")


def test_rejects_unknown_subsector_and_lists_valid(tmp_path):
    message = reject(tmp_path, f"{HEADER}\nBatik;1;2;3\n", "line 2", "column 'Subsektor'", "unknown subsector 'Batik'")
    for name in ["Aplikasi", "Kriya", "Televisi dan Radio", "Fashion"]:
        assert name in message


def test_rejects_missing_year_column(tmp_path):
    reject(tmp_path, "Subsektor;2018;2020\nKriya;1;2\n", "line 1", "column '2020'", "missing or misplaced year 2019")


def test_rejects_no_year_columns(tmp_path):
    reject(tmp_path, "Subsektor\nKriya\n", "line 1", "no year columns")


def test_rejects_non_consecutive_years(tmp_path):
    reject(tmp_path, "Subsektor;2019;2018\nKriya;1;2\n", "column '2018'", "consecutive", "'2018' follows '2019'")


def test_rejects_duplicated_year(tmp_path):
    reject(tmp_path, "Subsektor;2018;2018\nKriya;1;2\n", "line 1", "column '2018'", "duplicated year column '2018'")


def test_rejects_non_year_column(tmp_path):
    reject(tmp_path, "Subsektor;2018;Total\nKriya;1;2\n", "column 'Total'", "not a four-digit year")


def test_rejects_missing_subsektor_column(tmp_path):
    reject(tmp_path, "Sektor;2018;2019\nKriya;1;2\n", "line 1", "first column must be 'Subsektor'", "'Sektor'")


def test_rejects_empty_file(tmp_path):
    reject(tmp_path, "", "empty file")


def test_rejects_blank_only_file(tmp_path):
    reject(tmp_path, "\n \n", "empty file")


def test_rejects_header_only(tmp_path):
    reject(tmp_path, f"{HEADER}\n", "no subsector rows")


def test_rejects_non_utf8(tmp_path):
    reject(tmp_path, f"{HEADER}\nSeni Rupa;1;2;3\n".encode().replace(b"Seni", b"S\xe9ni"), "not UTF-8", "0xe9")


def test_rejects_binary(tmp_path):
    reject(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8")


def test_rejects_extra_cell(tmp_path):
    reject(tmp_path, f"{HEADER}\nKriya;1;2;3;4\n", "line 2 (Kriya)", "extra cell '4'")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="nope.csv: file not found"):
        loader.load(tmp_path / "nope.csv")


def test_stale_erratum_is_an_error(tmp_path, monkeypatch):
    """An erratum whose printed value no longer matches the file is reported, not silently skipped."""
    data = write(tmp_path, "Subsektor;2020\nFashion;1,0\n", name="raw.csv")
    fixes = write(
        tmp_path,
        "berkas;baris;kolom;nilai_tercetak;nilai_koreksi;alasan;alasan_en\n"
        f"{data};Fashion;2020;8.872.098.7;8.872.098,7;test;test\n",
        name="errata.csv",
    )
    with pytest.raises(InputError, match=r"erratum expects printed value '8.872.098.7', found '1,0'"):
        loader.load(data, errata_file=fixes)


# --- make validate ----------------------------------------------------------------


def test_validate_cli_reports_the_correction():
    result = run_cli(["validate", "data/raw/tabel_1_1_ekspor_ekraf.csv"])
    assert result.returncode == 0, result.stderr
    assert "corrections applied: 1" in result.stdout
    assert "Kriya, Kuliner, Musik, Fashion, Seni Rupa" in result.stdout
    assert "2018-2022" in result.stdout


def test_validate_cli_one_line_error(tmp_path):
    bad = write(tmp_path, f"{HEADER}\nKriya;1;x;3\n")
    result = run_cli(["validate", str(bad)])
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "column '2019'" in lines[0] and "'x'" in lines[0]
    assert "Traceback" not in result.stderr


def test_make_validate_target(tmp_path):
    import subprocess

    ok = subprocess.run(
        ["make", "-s", "validate", "DATA=data/raw/tabel_1_1_ekspor_ekraf.csv"], cwd=ROOT, capture_output=True, text=True
    )
    assert ok.returncode == 0 and "corrections applied: 1" in ok.stdout
    bad = write(tmp_path, "Subsektor;2018\nKriya;-1\n")
    fail = subprocess.run(["make", "-s", "validate", f"DATA={bad}"], cwd=ROOT, capture_output=True, text=True)
    assert fail.returncode != 0 and "negative value '-1'" in fail.stderr
