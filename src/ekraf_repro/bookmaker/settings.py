"""The book's settings, at the bottom of the book machine (it reads no other module of it): CITATION.cff, the
editions (``id``, the paper's language, and ``en``) and each one's configuration, ``_config.yml`` with
``_config.<lang>.yml`` over it; an edition's executed notebooks are in ``notebooks/`` or ``notebooks/<lang>/``.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import functools
import re
from pathlib import Path

import yaml

from .. import paths

EDITIONS = ("id", "en")
TEMPLATE, APPENDIX = "templat/profil_subsektor.ipynb", "lampiran"  # the appendix pages' template and folder
DEFAULT = "id"
TAG = "jika:bahasa_{}"  # the tag of a Markdown cell written in one language
SITE = paths.BUILD / "html"
LOCALE_STAGED = "_locale"  # where an edition's project holds its compiled catalogues
OWN_KEYS = ("toc_captions",)  # keys of _config.<lang>.yml that are ours, not Jupyter Book's
LICENCES = {"CC-BY-4.0": ("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/")}  # Zenodo's name, the deed


def lang(value: str | None) -> str:
    """The edition's language from a setting that may name a locale (``id_ID``, ``en-US``) or nothing."""
    code = (value or DEFAULT).replace("-", "_").split("_")[0]
    if code not in EDITIONS:
        raise ValueError(f"language must be one of {', '.join(EDITIONS)}, got '{value}'")
    return code


def other(code: str) -> str:
    return next(e for e in EDITIONS if e != code)


def strip_other_language(nb: dict, code: str) -> dict:
    """The notebook as the edition shows it: the other language's Markdown cells left out."""
    drop = TAG.format(other(code))
    return {**nb, "cells": [c for c in nb["cells"] if drop not in c.get("metadata", {}).get("tags", [])]}


def fill(text: str, values: dict) -> str:  # the appendix template's ``{{name}}`` placeholders, filled in
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", str(value))
    return text


def executed(code: str, root: Path = paths.ROOT) -> Path:  # where the edition's executed notebooks are
    return root / "notebooks" if code == DEFAULT else root / "notebooks" / code


def parameters(code: str) -> dict:  # the notebooks' defaults, in the edition's language
    return {} if code == DEFAULT else {"bahasa": code}


@functools.lru_cache(maxsize=16)
def _yaml(text: str):  # parsed once per content, with libyaml when it is there (read many times per build)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def cff(root: Path = paths.ROOT) -> dict:  # a fresh copy: callers may change it
    return copy.deepcopy(_yaml((root / "CITATION.cff").read_text(encoding="utf-8")))


def original(meta: dict) -> dict:  # CITATION.cff's reference to the original paper
    return next(r for r in meta["references"] if r["type"] == "article")


def release_epoch(root: Path = paths.ROOT) -> str:
    """The release date in CITATION.cff as a Unix time: the only date of a build, so two builds are identical."""
    released = dt.date.fromisoformat(str(cff(root)["date-released"]))
    return str(calendar.timegm(released.timetuple()))


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _settings(code: str, root: Path) -> dict:  # _config.yml with _config.<lang>.yml over it (our keys included)
    cfg = copy.deepcopy(_yaml((root / "_config.yml").read_text(encoding="utf-8")))
    overrides = root / f"_config.{code}.yml"
    if overrides.exists():
        cfg = _merge(cfg, _yaml(overrides.read_text(encoding="utf-8")) or {})
    return cfg


def edition(meta: dict, code: str = DEFAULT, root: Path = paths.ROOT) -> tuple[str, str]:
    """The title and authors an edition is cited under: CITATION.cff's (Indonesian) or its configuration's."""
    if code != DEFAULT:
        return _settings(code, root)["title"], _settings(code, root)["author"]
    pc = meta["preferred-citation"]
    names = [p.get("name") or f"{p['family-names']}, {p.get('given-names', '')[:1]}." for p in pc["authors"]]
    return pc["title"], ", ".join(names)


def config(code: str, root: Path = paths.ROOT, extra: dict | None = None, links: bool = True) -> dict:
    """The edition's Jupyter Book configuration; ``links``: published beside the others (a variant stands alone)."""
    cfg = {k: v for k, v in _settings(code, root).items() if k not in OWN_KEYS}
    version = str(cff(root)["version"])
    uid = f"ekraf-reproduksi-{code}-{version}"  # a name, not an address; the OPF's and the NCX's must agree
    own = {"ekraf_edition": code, "ekraf_editions": {e: e for e in EDITIONS if e != code} if links else {},
           "locale_dirs": [LOCALE_STAGED], "version": version, "release": version, "epub_title": cfg["title"],
           "epub_author": cfg["author"], "epub_publisher": cfg["author"], "epub_description": cfg["title"],
           "epub_identifier": uid, "epub_scheme": "", "epub_uid": uid}  # fmt: skip
    return _merge(_merge(cfg, {"sphinx": {"config": own}}), extra or {})


_CAPTION = re.compile(r"^(\s*- caption: )(.+)$", flags=re.M)


def toc(code: str, root: Path = paths.ROOT) -> str:
    """``_toc.yml`` with the part captions in the edition's language (``toc_captions`` of its configuration)."""
    text = (root / "_toc.yml").read_text(encoding="utf-8")
    captions = _settings(code, root).get("toc_captions") or {}
    missing = [c for _, c in _CAPTION.findall(text) if code != DEFAULT and c not in captions]
    if missing:
        raise ValueError(f"_config.{code}.yml: toc_captions has no translation of the caption '{missing[0]}'")
    return _CAPTION.sub(lambda m: m[1] + captions.get(m[2], m[2]), text)


def toc_files(root: Path = paths.ROOT) -> list[str]:
    """Every page the table of contents names (``file:`` entries, without suffix), in reading order."""
    found: list[str] = []

    def walk(entries) -> None:
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    tree = _yaml((root / "_toc.yml").read_text(encoding="utf-8"))
    found.append(tree["root"])
    walk(tree.get("parts"))
    walk(tree.get("chapters"))
    return found
