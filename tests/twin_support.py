"""Does every English passage still translate the Indonesian one beside it? (issue 20)

Each Markdown passage of a source notebook is a pair of cells, the Indonesian
(``jika:bahasa_id``) followed by its English twin (``jika:bahasa_en``). The
English cell records, in its metadata, the hash of the Indonesian text it was
checked against: ``"ekraf": {"twin": "<first 12 hex of sha256>"}``. When the
Indonesian text changes and nobody updated the English, :func:`stale` names the
notebook and the cell.

After updating the English (or checking that it still says the same), record
the hashes again with one command, from the repository's root::

    .venv/bin/python -m tests.twin_support

The executed copies under ``notebooks/en/`` receive the metadata from the
sources (``make book`` copies the prose cells by id); the check reads the sources.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TAGS = ("jika:bahasa_id", "jika:bahasa_en")
COMMAND = ".venv/bin/python -m tests.twin_support"


def sources(root: Path = ROOT) -> list[Path]:
    """The notebooks that hold the prose: the chapters and the appendix template."""
    return sorted((root / "notebooks").glob("*.ipynb")) + sorted((root / "notebooks" / "templat").glob("*.ipynb"))


def digest(cell: dict) -> str:
    text = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def pairs(nb: dict) -> list[tuple[dict, dict]]:
    """Each Indonesian Markdown cell with the English cell right after it."""
    cells = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    tags = [c.get("metadata", {}).get("tags", []) for c in cells]
    return [(cells[i], cells[i + 1]) for i in range(len(cells) - 1) if TAGS[0] in tags[i] and TAGS[1] in tags[i + 1]]


def stale(nb: dict, name: str) -> list[str]:
    """Every English twin whose recorded hash is missing or no longer that of its Indonesian cell."""
    out = []
    for id_cell, en_cell in pairs(nb):
        recorded = en_cell.get("metadata", {}).get("ekraf", {}).get("twin")
        where = f"{name}, cell {en_cell.get('id')} (English twin of cell {id_cell.get('id')})"
        if recorded is None:
            out.append(f"{where}: records no twin hash; check the English, then run {COMMAND}")
        elif recorded != digest(id_cell):
            out.append(f"{where}: the Indonesian passage changed; update the English and its twin hash ({COMMAND})")
    return out


def record(path: Path) -> int:
    """Write the current Indonesian hash into every English twin of ``path``; the number of hashes changed."""
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    changed = 0
    for id_cell, en_cell in pairs(nb):
        meta = en_cell.setdefault("metadata", {}).setdefault("ekraf", {})
        if meta.get("twin") != digest(id_cell):
            meta["twin"] = digest(id_cell)
            changed += 1
    if changed:
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    for nb_path in [Path(a) for a in sys.argv[1:]] or sources():
        n = record(nb_path)
        if n:
            print(f"{nb_path.relative_to(ROOT) if nb_path.is_absolute() else nb_path}: {n} twin hashes recorded")
