"""The numbers behind every figure and table, offered beside it as a CSV with its provenance (issue 16).

A chapter's code glues each table and figure with the numbers it shows or draws
(output metadata ``ekraf.data``, written by :mod:`ekraf_repro.notebook`). From a
built edition's executed notebooks this module writes ``_data/<label>.csv`` and
``_data/<label>.json``: the notebook, its parameters and every input file with
its SHA-256. ``<label>`` is the figure's or table's label in the book.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

FOLDER = "_data"
_TABLE = re.compile(r"^:name: (?P<label>\S+)\n(?::[a-z]+:.*\n)*\n```\{glue:md\} (?P<key>\S+)", flags=re.M)
_FIGURE = re.compile(r"^```\{glue:figure\} (?P<key>\S+)\n:name: (?P<label>\S+)$", flags=re.M)
_DATA_PARAMETER = re.compile(r"""^data = ["'](?P<path>[^"']+)["']""", flags=re.M)


def notebooks(root: Path) -> list[Path]:
    nbdir = root / "notebooks"
    return sorted(nbdir.glob("[0-9][0-9]_*.ipynb")) + sorted((nbdir / "lampiran").glob("*.ipynb"))


def labels(nb: dict) -> dict[str, str]:
    """Glue key -> label of every table and figure the notebook's shown Markdown places, as the page's HTML
    ids write them (Sphinx turns ``tbl-profil-seni_rupa`` into ``tbl-profil-seni-rupa``)."""
    from docutils.nodes import make_id

    found = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown" or "remove-cell" in cell.get("metadata", {}).get("tags", []):
            continue
        text = "".join(cell["source"])
        for pattern in (_TABLE, _FIGURE):
            found.update({m["key"]: make_id(m["label"]) for m in pattern.finditer(text)})
    return found


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def provenance(nb: dict, nb_rel: str, root: Path) -> dict:
    """The notebook, the parameters it was run with and every file it read, with its SHA-256."""
    injected = next(("".join(c["source"]) for c in nb["cells"] if c.get("id") == "injected-parameters"), "")
    reads = set(nb.get("metadata", {}).get("ekraf", {}).get("reads", []))
    given = _DATA_PARAMETER.search(injected)
    if given:  # a variant's data replace the book's table
        reads = {r for r in reads if not r.startswith("data/raw/")} | {given["path"]}
    inputs = [{"path": rel, "sha256": _sha256(root / rel)} for rel in sorted(reads) if (root / rel).is_file()]
    parameters = injected.strip() or "defaults: the notebook's parameters cell"
    return {"notebook": nb_rel, "parameters": parameters, "inputs": inputs}


def files(root: Path) -> dict[str, str]:
    """``_data/<label>.csv`` and ``.json`` for every table and figure of the project's executed notebooks."""
    out = {}
    for path in notebooks(root):
        nb = json.loads(path.read_text(encoding="utf-8"))
        placed = labels(nb)
        origin = provenance(nb, path.relative_to(root).as_posix(), root)
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {})
                key = meta.get("scrapbook", {}).get("name")
                data = meta.get("ekraf", {}).get("data")
                if data is None or key not in placed:
                    continue
                label = placed[key]
                out[f"{FOLDER}/{label}.csv"] = data
                record = {"label": label, "glue": key, **origin}
                out[f"{FOLDER}/{label}.json"] = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    return out
