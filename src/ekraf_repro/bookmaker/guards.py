"""Every place where the book machine leans on another library's internals, and the versions it was checked with.

A hook into a private API, a rewrite of a theme's template or a copy of a library's wire format works for the
versions it was written against and may break silently on the next. Each hook below names the library and the
versions it was checked with, what it works around and the upstream issue or pull request (or says that none
was found). :func:`check` runs where the hook is installed: with another version installed the build stops
with one line naming the hook, so an upgrade of the lock fails loudly instead of changing the book. The README's
table "Hooks into other libraries" lists the same hooks (a test keeps the two equal).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import metadata

from packaging.specifiers import SpecifierSet
from packaging.version import Version
from sphinx.errors import SphinxError

NONE_FOUND = "none found"


@dataclass(frozen=True)
class Hook:
    package: str  # the distribution whose internals the hook uses
    versions: str  # a version specifier: the releases the hook was checked with
    where: str  # the module of the book machine that holds it
    works_around: str
    upstream: str  # an issue or pull request, or NONE_FOUND


SPHINX, PYDATA, BOOK, MYSTNB = "sphinx", "pydata-sphinx-theme", "sphinx-book-theme", "myst-nb"
HOOKS = {
    "search-button-label": Hook(
        PYDATA, "~=0.17.1", "sphinxext/theme.py",
        "the search button's aria-label 'Search' omits its visible text (axe: label-content-name-mismatch)",
        NONE_FOUND),
    "theme-switcher-icons": Hook(
        PYDATA, "~=0.17.1", "sphinxext/theme.py",
        "the colour-mode icons' titles become visible SVG text the button's label lacks (axe)",
        "https://github.com/pydata/pydata-sphinx-theme/pull/1924"),
    "toctree-toggle-names": Hook(
        PYDATA, "~=0.17.1", "sphinxext/theme.py",
        "the sidebar's expand/collapse <summary> elements have no accessible name (axe: summary-name)",
        "https://github.com/pydata/pydata-sphinx-theme/pull/1582"),
    "sidebar-toggle-tooltips": Hook(
        BOOK, "~=1.3.0", "sphinxext/theme.py",
        "the sidebar toggles' tooltips are English text outside any catalogue",
        "https://github.com/executablebooks/sphinx-book-theme/issues/998"),
    "landmark-labels": Hook(
        BOOK, "~=1.3.0", "sphinxext/theme.py",
        "the navigation landmarks are labelled 'Main' and 'Page' in English, outside any catalogue",
        "https://github.com/executablebooks/sphinx-book-theme/pull/310"),
    "language-switcher": Hook(
        BOOK, "~=1.3.0", "sphinxext/theme.py",
        "the article header has no place for a link to the same page in the other edition",
        NONE_FOUND),
    "template-loader": Hook(
        SPHINX, "~=7.4.7", "sphinxext/theme.py",
        "a theme's own template cannot be rewritten where it loads: our loader goes in front of Sphinx's",
        NONE_FOUND),
    "theme-catalogues": Hook(
        SPHINX, "~=7.4.7", "sphinxext/i18n.py",
        "a project's catalogue comes after a theme's for the theme's own domain (sphinx.locale.translators)",
        "https://github.com/sphinx-doc/sphinx/pull/8120"),
    "copybutton-messages": Hook(
        "sphinx-copybutton", "~=0.5.2", "sphinxext/i18n.py",
        "the copy button's messages table has no Indonesian entry and no setting for one",
        "https://github.com/executablebooks/sphinx-copybutton/issues/113"),
    "citation-list-role": Hook(
        "docutils", "~=0.21.2", "sphinxext/theme.py",
        "bibliography entries carry the deprecated role doc-biblioentry inside role=list (axe)",
        "https://github.com/w3c/dpub-aria/pull/22"),
    "hide-cell-label": Hook(
        MYSTNB, "~=1.4.0", "sphinxext/theme.py",
        "the code toggle's aria-label 'Toggle hidden content' omits its visible text (axe)",
        NONE_FOUND),
    "duplicate-inline-scripts": Hook(
        SPHINX, "~=7.4.7", "sphinxext/theme.py",
        "an inline script added after the builder started is written twice ('THEBE_JS_URL already declared')",
        "https://github.com/sphinx-doc/sphinx/pull/13402"),
    "mystnb-stylesheet-first": Hook(
        MYSTNB, "~=1.4.0", "sphinxext/reproducible.py",
        "myst-nb copies its stylesheet after the pages are written, so a clean build links it without ?v=",
        NONE_FOUND),
    "unnumbered-pages": Hook(
        SPHINX, "~=7.4.7", "sphinxext/registry.py",
        "figures and tables on pages outside the numbered part are numbered across the book (env.toc_fignumbers)",
        "https://github.com/sphinx-doc/sphinx/issues/1600"),
    "glue-keys": Hook(
        MYSTNB, "~=1.4.0", "sphinxext/registry.py",
        "a pasted figure or table keeps no trace of its glue key (subclasses of myst-nb's glue directives)",
        NONE_FOUND),
    "glue-wire-format": Hook(
        MYSTNB, "~=1.4.0", "run/execute.py",
        "myst_nb.glue takes no metadata, so ekraf_repro/notebook.py writes glue outputs in its format by hand",
        NONE_FOUND),
    "numref-doctree-cache": Hook(
        SPHINX, "~=7.4.7", "sphinxext/reproducible.py",
        "each {numref} unpickles its target's whole doctree again (StandardDomain._resolve_numref_xref)",
        "https://github.com/sphinx-doc/sphinx/issues/12883"),
    "search-index-prune": Hook(
        SPHINX, "~=7.4.7", "sphinxext/reproducible.py",
        "an incremental build keeps words no page holds any more in the search index (IndexBuilder._mapping)",
        NONE_FOUND),
    "remove-code-for-print": Hook(
        MYSTNB, "~=1.4.0", "sphinxext/latex.py",
        "nb_remove_code_source is set per builder, before myst-nb reads it when it parses a notebook",
        NONE_FOUND),
    "epub-builder": Hook(
        SPHINX, "~=7.4.7", "sphinxext/epub.py",
        "the EPUB spine names book/../notebooks/… and the manifest carries the web theme's assets (EpubBuilder)",
        "https://github.com/sphinx-doc/sphinx/issues/4611"),
    "sphinx-js-catalogue": Hook(
        SPHINX, "~=7.4.7", "build/catalogues.py",
        "the search page's messages come from Sphinx's sphinx.js, which our catalogue cannot override",
        NONE_FOUND),
    "bibtex-referencing-style": Hook(
        "sphinxcontrib-bibtex", "~=2.7.0", "cite/citestyle.py",
        "the author-year style's words and separators are English; its dataclasses are subclassed",
        "https://github.com/mcmtroffaes/sphinxcontrib-bibtex/issues/201"),
    "warm-kernels": Hook(
        "nbclient", "~=0.11.0", "run/kernels.py",
        "a NotebookClient starts a kernel per notebook; ours reuses one (km, kc set on the client)",
        "https://github.com/jupyter/nbclient/issues/238"),
    "papermill-parameters": Hook(
        "papermill", "~=2.7.0", "run/execute.py",
        "papermill's parameter injection is used without its engine; the parameters it records are read back",
        "https://github.com/nteract/papermill/issues/616"),
}  # fmt: skip


class HookOutOfRange(SphinxError):  # a SphinxError: Sphinx stops with the message alone, no traceback
    """An installed library is outside the versions a hook was checked with."""

    category = "Book machine hook out of range"


@functools.lru_cache(maxsize=None)
def installed(package: str) -> str:
    """The installed version of a distribution (the one place a test fakes another)."""
    return metadata.version(package)


def check(name: str) -> None:
    """Stop, naming the hook, when its library is installed in a version it was not checked with."""
    hook = HOOKS[name]
    version = installed(hook.package)
    if Version(version) not in SpecifierSet(hook.versions):
        raise HookOutOfRange(
            f"book machine hook '{name}' (bookmaker/{hook.where}) was checked with {hook.package} {hook.versions}, "
            f"but {version} is installed: it works around {hook.works_around} (upstream: {hook.upstream}). "
            "Check whether the new version still needs it, then update it and its versions in bookmaker/guards.py."
        )
