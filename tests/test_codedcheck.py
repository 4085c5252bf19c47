"""A coded table edited by hand is refused in one line, before any kernel starts: the file, the line, the column
and the value (a stray ';' in a text used to fail inside a notebook, as a pandas parser error)."""

import csv
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import copy_project, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ekraf_repro import coded, codedcheck, paths
from ekraf_repro.errors import InputError

PACKAGE = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
SCHEMA = {r["path"]: r["schema"] for r in PACKAGE["resources"]}
AKTOR = "coded/aktor.csv"


def _rows(rel: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((paths.DATA / rel).read_text(encoding="utf-8"), newline=""), delimiter=";"))


def _write(tmp_path, rows, name="aktor.csv"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(rows)
    (path := tmp_path / name).write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _refused(path, schema=SCHEMA[AKTOR]) -> str:
    with pytest.raises(InputError) as err:
        codedcheck.check_table(path, schema)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(path)), message
    return message


def test_every_committed_coded_table_passes():
    assert codedcheck.check() == len(coded.names()) == 31


CODED = sorted(r for r in SCHEMA if r.split("/")[0] in coded.FOLDERS)
TAIL = st.text(st.characters(blacklist_characters=';"\r\n', blacklist_categories=["Cs"]), min_size=1, max_size=20)


def _quote(value: str) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="").writerow([value])
    return buffer.getvalue()


def _free_text(rel: str) -> list[int]:
    """The columns any text may fill: no pattern, list of values or number constrains them."""
    return [
        i
        for i, f in enumerate(SCHEMA[rel]["fields"])
        if not {"pattern", "enum"} & set(f.get("constraints", {})) and f.get("type", "string") == "string"
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_stray_semicolon_in_any_field_names_its_line(tmp_path, data):
    """Any coded table, any line, any field: a ';' and text written after the value, unquoted, make one field too
    many, and the message names the line and the counts."""
    rel = data.draw(st.sampled_from(CODED))
    rows = _rows(rel)
    line, column, tail = (
        data.draw(st.integers(1, len(rows) - 1)),
        data.draw(st.integers(0, len(rows[0]) - 1)),
        data.draw(TAIL),
    )
    fields = [_quote(v) for v in rows[line]]
    fields[column] += ";" + tail
    lines = [";".join(_quote(v) for v in r) + "\n" for r in rows]
    lines[line] = ";".join(fields) + "\n"
    (path := tmp_path / rel.split("/")[1]).write_text("".join(lines), encoding="utf-8")
    n = len(rows[0])
    assert f", line {line + 1}: {n + 1} fields where the header has {n}; after column" in _refused(path, SCHEMA[rel])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_quoted_semicolon_is_text(tmp_path, data):
    """The same ';' inside quotes, in a column of free text, is part of the text: the table passes."""
    rel = data.draw(st.sampled_from([r for r in CODED if _free_text(r)]))
    rows = _rows(rel)
    line, column = data.draw(st.integers(1, len(rows) - 1)), data.draw(st.sampled_from(_free_text(rel)))
    rows[line][column] += ";" + data.draw(TAIL)
    codedcheck.check_table(_write(tmp_path, rows, rel.split("/")[1]), SCHEMA[rel])


def test_the_stray_semicolon_message_in_full(tmp_path):
    rows = _rows(AKTOR)
    path = tmp_path / "aktor.csv"
    lines = (paths.DATA / AKTOR).read_text(encoding="utf-8").splitlines(True)
    lines[2] = lines[2].rstrip("\n") + "; ditambahkan\n"
    path.write_text("".join(lines), encoding="utf-8")
    assert _refused(path) == (
        f"{path}, line 3: {len(rows[0]) + 1} fields where the header has {len(rows[0])}; after column 'keterangan' "
        "comes ' ditambahkan' (a ';' inside a text must be quoted: \"...;...\")"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r[3].pop(), "line 4: 7 fields where the header has 8; column 'keterangan' is missing"),
        (lambda r: r[0].__setitem__(1, "name"), "line 1: the header is 'id;name;"),
        (lambda r: r[2].__setitem__(0, ""), "line 3, column 'id': '' is empty, and the column is required"),
        (lambda r: r[2].__setitem__(0, r[1][0]), "line 3, column 'id': 'pemkot_bandung' appears on an earlier line"),
        (lambda r: r[2].__setitem__(0, "Pemkot PJ"), "line 3, column 'id': 'Pemkot PJ' does not match the pattern"),
        (lambda r: r[2].__setitem__(4, "kota"), "line 3, column 'tingkat': 'kota' is not one of: "),
    ],
)
def test_each_rule_names_its_line_column_and_value(tmp_path, change, expected):
    rows = _rows(AKTOR)
    change(rows)
    assert expected in _refused(_write(tmp_path, rows))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1899", "'1899' lies outside 1900-2100"), ("dua ribu", "'dua ribu' is not a whole number"), ("2019", None)],
)
def test_numbers_are_checked_as_numbers(tmp_path, value, expected):
    schema = {"fields": [{"name": "tahun", "type": "integer", "constraints": {"minimum": 1900, "maximum": 2100}}]}
    path = _write(tmp_path, [["tahun"], [value]], "t.csv")
    if expected is None:
        codedcheck.check_table(path, schema)
    else:
        assert _refused(path, schema).endswith(f"line 2, column 'tahun': {expected}")


def test_a_coded_table_the_package_does_not_describe_is_refused(tmp_path):
    shutil.copytree(paths.DATA, data := tmp_path / "data")
    (data / "konteks" / "baru.csv").write_text("id;nilai\na;1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"konteks/baru\.csv: not described in .*datapackage\.json$"):
        codedcheck.check(data)


def test_ekraf_book_refuses_a_stray_semicolon_before_any_kernel(tmp_path):
    """The whole command: one line on stderr, exit 2, no notebook executed or written."""
    project = copy_project(tmp_path / "proyek")
    table = project / "data" / AKTOR
    lines = table.read_text(encoding="utf-8").splitlines(True)
    lines[1] = lines[1].replace(";subnasional;", ";sub;nasional;", 1)
    table.write_text("".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "notebooks").rglob("*.ipynb")}
    result = run_cli(["book"], project)
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stderr.strip().splitlines() == [
        f"error: data/{AKTOR}, line 2: 9 fields where the header has 8; after column 'keterangan' comes "
        f"{lines[1].rstrip().split(';')[-1]!r} (a ';' inside a text must be quoted: \"...;...\")"
    ]
    assert "executing" not in result.stdout
    assert {p: p.read_bytes() for p in (project / "notebooks").rglob("*.ipynb")} == before
    assert not (project / "_build" / "html").exists()


KEYS = [  # (table, column, table it points to, that table's column): every foreign key the package declares
    (rel, key["fields"][0], key["reference"]["resource"], key["reference"]["fields"][0])
    for r in PACKAGE["resources"]
    if (rel := r["path"]) in CODED
    for key in r["schema"].get("foreignKeys", [])
]
BY_NAME = {r["name"]: r["path"] for r in PACKAGE["resources"]}


def test_the_package_declares_the_keys_the_check_follows():
    assert len(KEYS) == 13 and {"coded/relasi.csv", "coded/triangulasi.csv", "klaim/klaim.csv"} <= {k[0] for k in KEYS}


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_value_that_names_no_row_of_the_table_it_points_to_is_refused(data):
    """Any foreign key, any line: a value its table does not hold (a typo in an id) is refused in one line naming
    the file, line, column and value, and the table it should name."""
    rel, column, target, target_column = data.draw(st.sampled_from(KEYS))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / data.draw(st.sampled_from(["data", "data saya"]))
        for sub in coded.FOLDERS:
            shutil.copytree(paths.DATA / sub, copy / sub)
        shutil.copy(paths.DATAPACKAGE, copy)
        _refuse_a_typo(data, copy, rel, column, target, target_column)


def _refuse_a_typo(data, copy, rel, column, target, target_column):
    rows = _rows(rel)
    index = rows[0].index(column)
    line = data.draw(st.sampled_from([i for i in range(1, len(rows)) if rows[i][index]]))
    known = {r[_rows(BY_NAME[target])[0].index(target_column)] for r in _rows(BY_NAME[target])[1:]}
    pattern = next(f for f in SCHEMA[rel]["fields"] if f["name"] == column).get("constraints", {}).get("pattern")
    if pattern is None:
        typo = rows[line][index] + "x"
    else:  # a value of the right shape: only the key refuses it
        typo = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda v: v not in known and "\n" not in v))
    assert typo not in known and (pattern is None or re.fullmatch(pattern, typo)), typo
    rows[line][index] = typo
    _write(copy / rel.split("/")[0], rows, rel.split("/")[1])
    with pytest.raises(InputError) as err:
        codedcheck.check(copy)
    assert str(err.value) == (
        f"{copy / rel}, line {line + 1}, column '{column}': {typo!r} names no row of {copy / BY_NAME[target]} "
        f"(column '{target_column}')"
    )


def test_a_table_a_key_points_to_must_exist(tmp_path):
    shutil.copytree(paths.DATA, data := tmp_path / "data")
    (data / "coded" / "aktor.csv").unlink()
    with pytest.raises(InputError, match=r"relasi\.csv, column 'sumber': it points to the table 'aktor', which is"):
        codedcheck.check(data)
