"""Files by their path under a folder, their hashes, written only when they change, what is left over in a folder
removed, and zips with fixed times and modes (the EPUB, the archive, the notebooks' zip: the same bytes each build)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the date lives in the metadata (OPF, CITATION.cff), not in the entries
IGNORED = {".ipynb_checkpoints", "__pycache__"}  # folders that hold no source


def entry(name: str, stored: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type, info.external_attr = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED, 0o644 << 16
    return info


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hash(files: list[tuple[Path, Path]], extra: bytes = b"") -> str:
    """SHA-256 of ``(base, path)`` files, each as its path under its base and its content, then of ``extra``."""
    h = hashlib.sha256()
    for base, path in files:
        h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    h.update(extra)
    return h.hexdigest()


def zipped(files: dict[str, bytes], top: str) -> bytes:
    """A zip's bytes: ``files`` in sorted order under ``top/``, with fixed times and modes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for rel in sorted(files):
            z.writestr(entry(f"{top}/{rel}"), files[rel], compresslevel=9)
    return buf.getvalue()


def update(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` unless it holds them already; True when it changed."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def under(base: Path) -> dict[str, Path]:
    """Every file under ``base`` (none in an :data:`IGNORED` folder), sorted, by its POSIX path under it."""
    found = {p.relative_to(base).as_posix(): p for p in sorted(base.rglob("*")) if p.is_file()}
    return {rel: p for rel, p in found.items() if not IGNORED & set(rel.split("/"))}


def clear(folder: Path, wanted, keep: tuple[str, ...] = ()) -> list[str]:
    """Remove the files under ``folder`` that ``wanted`` (their path under it -> bool) turns down, then the folders
    left empty; nothing in the top folders named in ``keep``. Returns the paths removed."""
    removed = []
    for item in sorted(folder.rglob("*"), reverse=True):
        rel = item.relative_to(folder).as_posix()
        if rel.split("/")[0] in keep:
            continue
        if item.is_file() and not wanted(rel):
            item.unlink()
            removed.append(rel)
        elif item.is_dir() and not any(item.iterdir()):
            item.rmdir()
    return removed
