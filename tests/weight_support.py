"""What a chapter notebook computes from Tabel 1.1: run its code in-process on the table and on altered copies of it,
and see which of its outputs (glued text, tables, figures, conditions) change (issue 20).

An output that changes when only the table's numbers change derives from the table. The main reading path (chapters
1-6) may hold only the outputs that reproduce the paper's one use of the table (``ekraf_repro.chapters.bobot``); the
rest of the table's analysis belongs to the appendix chapter.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pandas as pd

from ekraf_repro import coded, loader, notebook, paths


def _altered(df: pd.DataFrame, how: str) -> pd.DataFrame:
    """The same table (same subsectors, years and attributes) with other numbers."""
    out = df.copy()
    out.attrs = dict(df.attrs)
    if how == "skala":  # every row scaled by its own factor
        factors = {n: 1 + 0.37 * i for i, n in enumerate(sorted(out["subsektor"].unique()))}
        out["nilai"] = [v * factors[s] for v, s in zip(out["nilai"], out["subsektor"])]
    elif how == "balik":  # every row's years in reverse order: rises become falls
        for rows in out.groupby("subsektor").groups.values():
            out.loc[rows, "nilai"] = list(reversed(out.loc[rows, "nilai"].tolist()))
    elif how in ("naik", "turun"):  # every row rising (or falling) by a step of its own
        sign = 1 if how == "naik" else -1
        for i, rows in enumerate(out.groupby("subsektor").groups.values()):
            base = float(out.loc[rows, "nilai"].iloc[0])
            out.loc[rows, "nilai"] = [base * (1 + sign * (0.05 + 0.03 * i) * k) for k in range(len(rows))]
    else:
        raise ValueError(how)
    return out


ALTERATIONS = ("skala", "balik", "naik", "turun")


@contextmanager
def _capture(outputs: dict):
    def display(key, bundle, lang, data=None, **_metadata):  # the metadata (data, print size) is not content
        body = {k: v for k, v in bundle.items() if k != "text/plain" or len(bundle) == 1}
        outputs[key] = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()

    with mock.patch.object(notebook, "_display", display):
        yield


def outputs(nb_path: Path, table: pd.DataFrame | None = None, cells: list[dict] | None = None) -> dict[str, str]:
    """Every output a notebook's code glues (key -> hash of its content), run in-process; ``table`` replaces the table
    the loader returns, ``cells`` the notebook's cells."""
    nb = json.loads(Path(nb_path).read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    real = loader.load
    here = os.getcwd()
    os.chdir(paths.NOTEBOOKS)
    try:
        with (
            _capture(found),
            mock.patch.object(loader, "load", (lambda *a, **k: table.copy()) if table is not None else real),
        ):
            coded._read.cache_clear()
            namespace: dict = {}
            for cell in cells if cells is not None else nb["cells"]:
                if cell["cell_type"] == "code":
                    exec(compile("".join(cell["source"]), str(nb_path), "exec"), namespace)
    finally:
        os.chdir(here)
    return found


def derived_from_table(nb_path: Path, cells: list[dict] | None = None) -> set[str]:
    """The outputs of a notebook that change when the table's numbers change."""
    original = loader.load()
    base = outputs(nb_path, original, cells)
    changed: set[str] = set()
    for how in ALTERATIONS:
        other = outputs(nb_path, _altered(original, how), cells)
        changed |= {k for k in set(base) | set(other) if base.get(k) != other.get(k)}
    return changed


# --------------------------------------------------------------------------- chapter 6 weighs; it does not score

import ast  # noqa: E402
import csv  # noqa: E402
import re  # noqa: E402

from ekraf_repro import idnum  # noqa: E402

GLUE = re.compile(r"\{glue:(?:text|md)\}`([^`]+)`")
PREFIX = notebook.GLUE_PREFIX


def status_names() -> list[str]:
    with open(paths.DATA / "klaim" / "status.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return [r["nama"] for r in rows] + [r["nama_en"] for r in rows]


def _numbers(lang: str) -> str:
    words = sorted({idnum.words(n, lang) for n in range(0, 61)}, key=len, reverse=True)
    return r"(?:\d+|" + "|".join(re.escape(w) for w in words) + r")"


def glued(nb: dict) -> dict[str, dict]:
    """Every glued output of an executed notebook: key -> {'text': ..., 'markdown': ..., 'image': bool, 'data': ...}."""
    out = {}
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            if not name:
                continue
            data = o.get("data", {})
            text = data.get(PREFIX + "text/plain", "")
            try:
                text = ast.literal_eval(text) if isinstance(text, str) and text[:1] in "'\"" else text
            except (ValueError, SyntaxError):
                pass
            out[name] = {
                "text": text if isinstance(text, str) else "",
                "markdown": data.get(PREFIX + "text/markdown", ""),
                "image": PREFIX + "image/png" in data,
                "data": o.get("metadata", {}).get("ekraf", {}).get("data", ""),
            }
    return out


def shown_markdown(nb: dict, lang: str) -> list[str]:
    """The Markdown cells of ``lang`` that the book shows, with their glued text filled in."""
    values = glued(nb)
    cells = []
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] != "markdown" or f"jika:bahasa_{lang}" not in tags or "remove-cell" in tags:
            continue
        text = "".join(cell["source"])
        cells.append(GLUE.sub(lambda m: values.get(m.group(1), {}).get("text", ""), text))
    return cells


def chapter6_slips(nb: dict, lang: str) -> list[str]:
    """Every way chapter 6 scores instead of weighing: counts of statuses in prose or headings, headings or captions
    that name a status, tables whose rows carry a status, and figures that draw statuses."""
    names = status_names()
    number = _numbers(lang)
    noun = "pernyataan" if lang == "id" else r"statements?"
    count = re.compile(
        rf"(?i)(?<!No\. )\b{number}\s+(?:\w+\s+){{0,2}}{noun}\b"
        rf"|(?<!No\. )\b{number}\s+(?:dari|of)\s+(?:the\s+)?{number}\b"
        + "".join(rf"|\b{number}\s+(?:\w+\s+)?{re.escape(s)}" for s in names)
    )
    status = re.compile("(?i)" + "|".join(re.escape(s) for s in names))
    slips = []
    for text in shown_markdown(nb, lang):
        for line in text.splitlines():
            heading = line.startswith("#") or line.startswith(":::{table}")
            if heading and status.search(line):
                slips.append(f"heading or caption names a status: {line.strip()}")
            for m in count.finditer(line):
                slips.append(f"count of statuses: {m.group(0)}")
    for key, value in glued(nb).items():
        table_like = value["markdown"] or value["image"]
        if table_like and (status.search(value["markdown"]) or status.search(value["data"])):
            slips.append(f"output grouped by or drawing statuses: {key}")
        if value["image"] and re.search(r"(?im)^[^\n]*\bstatus\b", value["data"]):
            slips.append(f"figure of statuses: {key}")
    return slips
