"""Figure stability: nbval skips PNG outputs, so figures are compared here.

A figure is compared by the SHA-256 of its decoded PNG bytes; the book writes
PNGs without metadata (see :func:`ekraf_repro.figures.png`), so the same
drawing always gives the same bytes.
"""

import base64
import hashlib
import json
from pathlib import Path


def figure_hashes(notebook: Path) -> list[tuple[str, str]]:
    """``(cell id, sha256 of the decoded PNG)`` for every PNG output, in order."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    out = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            bundle = output.get("data", {})
            data = bundle.get("image/png") or bundle.get("application/papermill.record/image/png")  # shown or glued
            if data:
                raw = base64.b64decode("".join(data) if isinstance(data, list) else data)
                out.append((cell.get("id", "?"), hashlib.sha256(raw).hexdigest()))
    return out


def compare(committed: Path, fresh: Path) -> list[str]:
    """Readable differences between the figures of two versions of a notebook (empty when identical)."""
    a, b = figure_hashes(committed), figure_hashes(fresh)
    problems = []
    if len(a) != len(b):
        problems.append(f"{Path(committed).name}: {len(a)} committed figures, {len(b)} after re-execution")
    for (cell_a, hash_a), (_cell_b, hash_b) in zip(a, b):
        if hash_a != hash_b:
            problems.append(
                f"{Path(committed).name}: figure in cell {cell_a} changed "
                f"(committed sha256 {hash_a[:12]}…, re-executed {hash_b[:12]}…)"
            )
    return problems


def numbers(html_dir: Path) -> dict[str, str]:
    """``{label: 'Gambar 1.2'}`` for every numbered figure and table of the built HTML chapters."""
    import re

    found = {}
    pattern = re.compile(
        r'<(?:figure|table)[^>]*\bid="([^"]+)"[^>]*>.*?<span class="caption-number">([^<]+?)\s*</span>', flags=re.S
    )
    for page in sorted(Path(html_dir).joinpath("notebooks").glob("[0-9][0-9]_*.html")):
        for label, number in pattern.findall(page.read_text(encoding="utf-8")):
            found[label] = number.strip()
    return found
