"""An incremental build equals a clean build, byte for byte, and a build says what it did.

Every page is re-read when the package's code (the book machine and the analysis modules it imports), the
configuration, the table of contents, the compiled catalogues or an installed library changed, or a page came or
went; the search index drops words no page holds; myst-nb's stylesheet is in place before any page is written; each
``{numref}`` target's doctree is read once; ``.buildinfo`` hashes the configuration with the paths of installed
themes taken relative to the environment, so it is the same on every machine; the pages read go to the run report.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

from sphinx.domains.std import StandardDomain

from .. import guards
from ..files import tree_hash, under
from ..report import SPHINX_REPORT

PACKAGE = Path(__file__).resolve().parents[2]  # ekraf_repro: the book machine and what it imports, no list kept


def shaping_digest(srcdir: Path, locale_dirs=("_locale",)) -> str:
    """What shapes every page besides its source: the package, the configuration and the table of contents (every
    page's sidebar), the compiled catalogues, the installed libraries."""
    files = [(PACKAGE, p) for p in under(PACKAGE).values()]
    files += [(srcdir, srcdir / name) for name in ("_config.yml", "_toc.yml") if (srcdir / name).exists()]
    files += [(srcdir, p) for d in locale_dirs for p in sorted((srcdir / d).rglob("*.[mj][os]"))]
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return tree_hash(files, "\n".join(installed).encode())


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
    """Sphinx's pruned index keeps a word no page holds any more, with an empty list: such words are dropped."""
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


class CachedNumrefDomain(StandardDomain):
    """Sphinx's standard domain, with the doctrees ``{numref}`` reads (a whole document unpickled for each of over a
    hundred references: a quarter of a clean build) loaded once per build, kept on the (unpickled) builder."""

    def _resolve_numref_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        cache = builder.__dict__.setdefault("_ekraf_numref_doctrees", {})
        real = env.get_doctree

        env.get_doctree = lambda docname: (
            cache[docname] if docname in cache else cache.setdefault(docname, real(docname))
        )
        try:
            return super()._resolve_numref_xref(env, fromdocname, builder, typ, target, node, contnode)
        finally:
            del env.get_doctree  # the instance attribute; the method is back


def _build_info_without_machine_paths(app) -> None:
    """``.buildinfo`` hashes ``templates_path`` and ``html_static_path``, where themes put absolute paths into the
    environment: it is hashed again with each path relative to the environment (or the project), so two checkouts
    in other folders, each with its own environment, write the same file."""
    if not hasattr(app.builder, "build_info"):
        return
    guards.check("buildinfo-paths")
    from sphinx.builders.html import BuildInfo

    def relative(path: str) -> str:
        return os.path.relpath(path, sys.prefix if Path(path).is_relative_to(sys.prefix) else app.srcdir)

    values = [SimpleNamespace(name=c.name, value=c.value) for c in app.config.filter("html")]
    for item in values:
        if isinstance(item.value, list) and all(isinstance(v, str) for v in item.value):
            item.value = [relative(v) if os.path.isabs(v) else v for v in item.value]
    app.builder.build_info = BuildInfo(SimpleNamespace(filter=lambda _: values), app.builder.tags, {"html"})


def _mystnb_stylesheet_first(app) -> None:
    """myst-nb copies its stylesheet at the build's end: a clean build's pages would link it without its ``?v=``."""
    if app.builder.format != "html":
        return
    from myst_nb.sphinx_ext import add_global_html_resources

    (Path(app.builder.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def setup(app):
    for hook in ("numref-doctree-cache", "mystnb-stylesheet-first", "buildinfo-paths"):
        guards.check(hook)
    app.add_domain(CachedNumrefDomain, override=True)
    app.connect("builder-inited", _mystnb_stylesheet_first)
    app.connect("builder-inited", _build_info_without_machine_paths, priority=900)  # after the themes' paths
    app.connect("env-get-outdated", _outdated_when_changed)
    app.connect("env-before-read-docs", _record_reads)
    app.connect("html-collect-pages", _search_index_as_if_clean)  # before Sphinx dumps the index
    app.connect("build-finished", _write_report)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
