"""Zip entries with a fixed time and mode: the EPUB, the archive and the notebooks' zip give the same bytes on
every build."""

from __future__ import annotations

import zipfile

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the date lives in the metadata (OPF, CITATION.cff), not in the entries


def entry(name: str, stored: bool = False) -> zipfile.ZipInfo:
    """A zip entry with a fixed time and mode."""
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type, info.external_attr = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED, 0o644 << 16
    return info
