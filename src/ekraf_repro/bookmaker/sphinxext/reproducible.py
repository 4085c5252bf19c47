"""An incremental build equals a clean build, byte for byte, and a build says what it did.

- Sphinx re-reads a page when its source changes, not when the code that shapes it does. Every page is re-read
  when the book machine's code (every module of ``ekraf_repro.bookmaker``: no list to keep), the edition's
  compiled catalogues or an installed library changed since the last build, or when a page came or went (every
  page's sidebar lists every page, and Sphinx rewrites only the pages it re-read).
- The search index of an incremental build drops the words no page holds any more, as a clean build has none.
- myst-nb's stylesheet is copied before any page is written, so every build links it the same way.
- Speed: each ``{numref}`` reads its target's doctree once per build, not once per reference.
- The pages Sphinx read go to the file ``EKRAF_SPHINX_REPORT`` names (the run report, ``report.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from .. import guards
from ..report import SPHINX_REPORT

MACHINE = Path(__file__).resolve().parents[1]  # ekraf_repro/bookmaker


def shaping_digest(srcdir: Path, locale_dirs=("_locale",)) -> str:
    """Hash of what shapes every page besides its source: the book machine's code, the project's compiled
    catalogues, and the installed distributions with their versions."""
    h = hashlib.sha256()
    files = [(MACHINE, p) for p in sorted(MACHINE.rglob("*.py"))]
    files += [(srcdir, p) for d in locale_dirs for p in sorted((srcdir / d).rglob("*.[mj][os]"))]
    for base, path in files:
        h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    h.update("\n".join(installed).encode())
    return h.hexdigest()


def _outdated_when_changed(app, env, added, changed, removed):
    digest = shaping_digest(Path(app.srcdir), app.config.locale_dirs)
    if getattr(env, "ekraf_shaping", None) == digest and not added and not removed:
        return []
    env.ekraf_shaping = digest
    return sorted(env.found_docs - added - changed)


def _record_reads(app, env, docnames) -> None:
    app._ekraf_read = sorted(docnames)


def _write_report(app, exception) -> None:
    target = os.environ.get(SPHINX_REPORT)
    if target and exception is None:
        report = {"builder": app.builder.name, "read": getattr(app, "_ekraf_read", [])}
        Path(target).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def _search_index_as_if_clean(app):
    """Sphinx keeps the previous index, removes the pages it rebuilds from every word's list, then adds them
    again: a word no page holds any more stays with an empty list. Such words are dropped whenever it prunes."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or getattr(indexer, "_ekraf_pruned", False):
        return []
    guards.check("search-index-prune")
    prune = indexer.prune

    def prune_and_drop_empty(docnames):
        prune(docnames)
        for mapping in (indexer._mapping, indexer._title_mapping):
            for word in [w for w, docs in mapping.items() if not docs]:
                del mapping[word]

    indexer.prune = prune_and_drop_empty
    indexer._ekraf_pruned = True
    return []


def _cached_numref_domain():
    """Sphinx's standard domain, with the doctrees that ``{numref}`` reads loaded once per build.

    Resolving a ``{numref}`` unpickles the whole target document just to find the labelled node; the book has
    over a hundred of them (a quarter of a clean build). The target is only read there, never changed, so one
    copy per document, kept on the builder (which is not pickled), serves every reference.
    """
    from sphinx.domains.std import StandardDomain

    class CachedNumrefDomain(StandardDomain):
        def _resolve_numref_xref(self, env, fromdocname, builder, typ, target, node, contnode):
            cache = builder.__dict__.setdefault("_ekraf_numref_doctrees", {})
            real = env.get_doctree

            def get_doctree(docname):
                if docname not in cache:
                    cache[docname] = real(docname)
                return cache[docname]

            env.get_doctree = get_doctree
            try:
                return super()._resolve_numref_xref(env, fromdocname, builder, typ, target, node, contnode)
            finally:
                del env.get_doctree  # the instance attribute; the method is back

    return CachedNumrefDomain


def _mystnb_stylesheet_first(app) -> None:
    """myst-nb copies its stylesheet when the build finishes: a clean build writes its pages while the file is
    missing, and Sphinx links it without its ``?v=`` checksum; a later build finds it and adds one."""
    if app.builder.format != "html":
        return
    from myst_nb.sphinx_ext import add_global_html_resources

    (Path(app.builder.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def setup(app):
    for hook in ("numref-doctree-cache", "mystnb-stylesheet-first"):
        guards.check(hook)
    app.add_domain(_cached_numref_domain(), override=True)
    app.connect("builder-inited", _mystnb_stylesheet_first)
    app.connect("env-get-outdated", _outdated_when_changed)
    app.connect("env-before-read-docs", _record_reads)
    app.connect("html-collect-pages", _search_index_as_if_clean)  # before Sphinx dumps the index
    app.connect("build-finished", _write_report)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
