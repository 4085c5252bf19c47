"""Read and validate a table in the layout of the paper's Tabel 1.1.

Layout: ``;``-separated UTF-8 text; the first column is ``Subsektor``; then one
column per year (a run of consecutive four-digit years); values in Indonesian
number format (``4.294.196,8``). Every problem raises :class:`InputError` with
one line naming the file, the line and column, and the offending value.
"""

import csv
import io
import re
from pathlib import Path

import pandas as pd

from . import errata as errata_mod
from . import escape, idnum, paths, subsectors
from .errors import InputError

YEAR = re.compile(r"^\d{4}$")


def _where(path: Path, line: int, column: str | None = None, label: str | None = None) -> str:
    row = f"line {line}" + (f" ({label})" if label else "")
    col = f", column '{column}'" if column is not None else ""
    return f"{paths.display(path)}: {row}{col}"


def _read_rows(path: Path) -> list[list[str]]:
    try:
        raw = paths.record_read(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{paths.display(path)}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{paths.display(path)}: is a directory, not a data file") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{paths.display(path)}: not UTF-8 text (byte {raw[err.start]:#04x} at offset {err.start})"
        ) from None
    if "\x00" in text:
        raise InputError(f"{paths.display(path)}: not UTF-8 text (contains NUL bytes)")
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=";")]
    if not any(any(c.strip() for c in r) for r in rows):
        raise InputError(f"{paths.display(path)}: empty file (expected a header 'Subsektor;<year>;...')")
    return rows


def _years(path: Path, header: list[str]) -> list[int]:
    first = header[0].strip()
    if first != "Subsektor":
        raise InputError(f"{_where(path, 1, '1')}: first column must be 'Subsektor', found '{first}'")
    names = [h.strip() for h in header[1:]]
    if not names or not any(names):
        raise InputError(f"{_where(path, 1)}: no year columns after 'Subsektor'")
    years: list[int] = []
    for name in names:
        if not YEAR.match(name):
            raise InputError(f"{_where(path, 1, name)}: column name '{name}' is not a four-digit year")
        year = int(name)
        if year in years:
            raise InputError(f"{_where(path, 1, name)}: duplicated year column '{name}'")
        if years and year != years[-1] + 1:
            expected = years[-1] + 1
            raise InputError(
                f"{_where(path, 1, name)}: year columns must be consecutive: '{name}' follows "
                f"'{years[-1]}' (missing or misplaced year {expected})"
            )
        years.append(year)
    return years


def _value(path: Path, line: int, label: str, year: int, cell: str, fixes: dict, used: list) -> float:
    col = str(year)
    fix = fixes.get((label, col))
    if fix is not None:
        if cell.strip() != fix.nilai_tercetak:
            raise InputError(
                f"{_where(path, line, col, label)}: erratum expects printed value '{fix.nilai_tercetak}', "
                f"found '{cell}' (update the errata file, data/errata.csv)"
            )
        used.append(fix)
        cell = fix.nilai_koreksi
    if not cell.strip():
        raise InputError(f"{_where(path, line, col, label)}: missing value (empty cell)")
    if idnum.is_negative(cell):
        raise InputError(f"{_where(path, line, col, label)}: negative value '{cell}' (exports cannot be negative)")
    value = idnum.parse(cell)
    if value is None:
        raise InputError(
            f"{_where(path, line, col, label)}: malformed number '{cell}' "
            "(expected Indonesian format such as 1.234.567,8)"
        )
    return value


def load(path: Path | str = paths.RAW_TABLE, errata_file: Path | None = None, root: Path | None = None) -> pd.DataFrame:
    """Tidy table with columns ``subsektor``, ``tahun``, ``nilai``.

    ``df.attrs['koreksi']`` lists the errata applied (as one-line notes),
    ``df.attrs['sumber']`` the file read, ``df.attrs['subsektor']`` the row order.
    """
    path = Path(path)
    if escape.one_line(path.name) != path.name:  # a line break or tab would split the lines that name the file
        raise InputError(f"{path.name!r}: a data file's name must not hold a control character (line break, tab)")
    rows = _read_rows(path)
    header, body = rows[0], rows[1:]
    years = _years(path, header)
    fixes = errata_mod.for_file(path, errata_file, root)
    used: list = []
    records, seen = [], {}
    for offset, row in enumerate(body, start=2):
        if not any(c.strip() for c in row):
            continue  # blank line
        label = row[0].strip()
        if not label:
            raise InputError(f"{_where(path, offset, 'Subsektor')}: missing subsector name")
        official = subsectors.official_name(label)
        if official is None:
            raise InputError(
                f"{_where(path, offset, 'Subsektor')}: unknown subsector '{label}'; valid: {subsectors.valid_names()}"
            )
        if official in seen:
            raise InputError(
                f"{_where(path, offset, 'Subsektor')}: duplicate subsector '{label}' (already on line {seen[official]})"
            )
        seen[official] = offset
        cells = row[1:]
        if len(cells) > len(years):
            extra = cells[len(years)]
            raise InputError(
                f"{_where(path, offset, str(len(years) + 2), label)}: extra cell '{extra}' beyond the last year column"
            )
        for i, year in enumerate(years):
            cell = cells[i] if i < len(cells) else ""
            records.append((label, year, _value(path, offset, label, year, cell, fixes, used)))
    if not records:
        raise InputError(f"{paths.display(path)}: header only, no subsector rows")
    for year in years:  # shares and the total's growth need every year's total above zero
        if not any(value for _, y, value in records if y == year):
            raise InputError(
                f"{_where(path, 1, str(year))}: every value of year {year} is zero "
                "(a year without any exports is missing data: enter its values or remove the column)"
            )
    df = pd.DataFrame(records, columns=["subsektor", "tahun", "nilai"])
    df["tahun"] = df["tahun"].astype("int64")
    df.attrs["sumber"] = paths.display(path)
    df.attrs["subsektor"] = list(dict.fromkeys(df["subsektor"]))
    df.attrs["koreksi"] = [e.note() for e in used]
    df.attrs["koreksi_sel"] = [(e.baris, int(e.kolom)) for e in used]
    return df


def summary(df: pd.DataFrame) -> str:
    """Short human summary of a loaded table, for ``make validate``."""
    years = sorted(df["tahun"].unique())
    lines = [
        f"{df.attrs['sumber']}: valid",
        f"  subsectors ({len(df.attrs['subsektor'])}): {', '.join(df.attrs['subsektor'])}",
        f"  years ({len(years)}): {years[0]}-{years[-1]}",
        f"  corrections applied: {len(df.attrs['koreksi'])}",
    ]
    lines += [f"    - {note}" for note in df.attrs["koreksi"]]
    return "\n".join(lines)


def printed(path: Path | str = paths.RAW_TABLE) -> pd.DataFrame:
    """The file's cells exactly as printed (strings), for showing the raw table."""
    rows = _read_rows(Path(path))
    return pd.DataFrame(rows[1:], columns=[h.strip() for h in rows[0]])
