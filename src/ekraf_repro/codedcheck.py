"""The coded tables checked against their schema in ``data/datapackage.json`` before any kernel starts.

A coded table edited by hand can break in ways pandas only notices inside a notebook: a ``;`` in a text field
that was not quoted (one field too many), a renamed column, an empty id. :func:`check` reads every table of
``data/coded``, ``data/klaim`` and ``data/konteks`` with the dialect and the field constraints its package
describes (the number of fields, the header, ``required``, ``unique``, ``pattern``, ``enum``, ``integer`` and
``number``, ``minimum`` and ``maximum``, then each foreign key: a value that names no row of the table it points
to) and stops at the first fault with one line naming the file, the line, the column and the value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from . import paths
from .coded import FOLDERS
from .errors import InputError


def _number(kind: str, text: str) -> float | None:
    try:
        return int(text) if kind == "integer" else float(text)
    except ValueError:
        return None


def _field_fault(field: dict, value: str, seen: set) -> str | None:
    """What is wrong with one value of a field, or None."""
    rules, kind = field.get("constraints", {}), field.get("type", "string")
    if value == "":
        return "is empty, and the column is required" if rules.get("required") else None
    if rules.get("unique"):
        if value in seen:
            return "appears on an earlier line too, and the column holds each value once"
        seen.add(value)
    if "pattern" in rules and not re.fullmatch(rules["pattern"], value):
        return f"does not match the pattern {rules['pattern']}"
    if "enum" in rules and value not in rules["enum"]:
        return f"is not one of: {', '.join(rules['enum'])}"
    if kind in ("integer", "number"):
        number = _number(kind, value)
        if number is None:
            return f"is not {'a whole number' if kind == 'integer' else 'a number'}"
        if number < rules.get("minimum", number) or number > rules.get("maximum", number):
            return f"lies outside {rules.get('minimum', '...')}-{rules.get('maximum', '...')}"
    return None


def check_table(path: Path, schema: dict, delimiter: str = ";") -> dict[str, list[tuple[int, str]]]:
    """Raise :class:`InputError` at the first line of ``path`` that its schema refuses; return each column's values
    with their line numbers (for the foreign keys)."""
    where = paths.display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not UTF-8 text (byte {err.start})") from None
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    header = next(rows, [])
    if header != names:
        raise InputError(
            f"{where}, line 1: the header is {delimiter.join(header)!r}; expected {delimiter.join(names)!r}"
        )
    seen: dict[str, set] = {name: set() for name in names}
    columns: dict[str, list[tuple[int, str]]] = {name: [] for name in names}
    for line, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) > len(names):
            extra = delimiter.join(row[len(names) :])
            raise InputError(
                f"{where}, line {line}: {len(row)} fields where the header has {len(names)}; after column "
                f"'{names[-1]}' comes {extra!r} (a '{delimiter}' inside a text must be quoted: \"...{delimiter}...\")"
            )
        if len(row) < len(names):
            raise InputError(
                f"{where}, line {line}: {len(row)} fields where the header has {len(names)}; "
                f"column '{names[len(row)]}' is missing"
            )
        for field, value in zip(fields, row):
            fault = _field_fault(field, value, seen[field["name"]])
            if fault:
                raise InputError(f"{where}, line {line}, column '{field['name']}': {value!r} {fault}")
            columns[field["name"]].append((line, value))
    return columns


def check_keys(resource: dict, tables: dict[str, tuple[Path, dict]]) -> None:
    """Raise :class:`InputError` at the first value of one of ``resource``'s foreign keys that names no row it points
    to (``tables``: each checked resource's file and columns)."""
    path, columns = tables[resource["name"]]
    for key in resource["schema"].get("foreignKeys", []):
        (column,), target = key["fields"], key["reference"]
        if target["resource"] not in tables:
            raise InputError(
                f"{paths.display(path)}, column '{column}': it points to the table '{target['resource']}', "
                "which is missing"
            )
        target_path, target_columns = tables[target["resource"]]
        known = {value for _, value in target_columns[target["fields"][0]]}
        for line, value in columns[column]:
            if value and value not in known:
                raise InputError(
                    f"{paths.display(path)}, line {line}, column '{column}': {value!r} names no row of "
                    f"{paths.display(target_path)} (column '{target['fields'][0]}')"
                )


def check(data: Path = paths.DATA) -> int:
    """Check every coded table that ``data/datapackage.json`` describes; return how many were checked."""
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    tables: dict[str, tuple[Path, dict]] = {}
    checked = []
    for folder in FOLDERS:
        for path in sorted((data / folder).glob("*.csv")):
            resource = described.get(f"{folder}/{path.name}")
            if resource is None:
                raise InputError(f"{paths.display(path)}: not described in {paths.display(data / 'datapackage.json')}")
            delimiter = resource.get("dialect", {}).get("delimiter", ";")
            tables[resource["name"]] = (path, check_table(path, resource["schema"], delimiter))
            checked.append(resource)
    for resource in checked:
        check_keys(resource, tables)
    return len(checked)
