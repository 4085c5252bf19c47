"""Every hook of the book machine into another library's internals, with the versions it was checked with.

:func:`check` runs where a hook is installed: with another version installed, the build stops in one line naming
the hook, its upstream issue and what it works around. The README's table "Hooks into other libraries" lists them.
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
    name: str
    library: str  # the distribution and the versions checked: "sphinx ~=7.4.7"
    where: str  # the module of the book machine that holds it
    upstream: str  # owner/repo/issues/N or owner/repo/pull/N on GitHub, or NONE_FOUND
    works_around: str

    @property
    def package(self) -> str:
        return self.library.split()[0]

    @property
    def versions(self) -> str:
        return self.library.split()[1]

    @property
    def link(self) -> str:
        return self.upstream if self.upstream == NONE_FOUND else f"https://github.com/{self.upstream}"


NONE, SPHINX, MYSTNB = NONE_FOUND, "sphinx ~=7.4.7", "myst-nb ~=1.4.0"
PYDATA, BOOK = "pydata-sphinx-theme ~=0.17.1", "sphinx-book-theme ~=1.3.0"
# fmt: off
HOOKS = {hook.name: hook for hook in [
    Hook("search-button-label", PYDATA, "sphinxext/theme.py", NONE,
         "the search button's aria-label 'Search' omits its visible text (axe: label-content-name-mismatch)"),
    Hook("theme-switcher-icons", PYDATA, "sphinxext/theme.py", "pydata/pydata-sphinx-theme/pull/1924",
         "the colour-mode icons' titles become visible SVG text the button's label lacks (axe)"),
    Hook("toctree-toggle-names", PYDATA, "sphinxext/theme.py", "pydata/pydata-sphinx-theme/pull/1582",
         "the sidebar's expand/collapse <summary> elements have no accessible name (axe: summary-name)"),
    Hook("sidebar-toggle-tooltips", BOOK, "sphinxext/theme.py", "executablebooks/sphinx-book-theme/issues/998",
         "the sidebar toggles' tooltips are English text outside any catalogue"),
    Hook("landmark-labels", BOOK, "sphinxext/theme.py", "executablebooks/sphinx-book-theme/pull/310",
         "the navigation landmarks are labelled 'Main' and 'Page' in English, outside any catalogue"),
    Hook("language-switcher", BOOK, "sphinxext/theme.py", NONE,
         "the article header has no place for a link to the same page in the other edition"),
    Hook("template-loader", SPHINX, "sphinxext/theme.py", NONE,
         "a theme's own template cannot be rewritten where it loads: our loader goes in front of Sphinx's"),
    Hook("theme-catalogues", SPHINX, "sphinxext/i18n.py", "sphinx-doc/sphinx/pull/8120",
         "a project's catalogue comes after a theme's for the theme's own domain (sphinx.locale.translators)"),
    Hook("copybutton-messages", "sphinx-copybutton ~=0.5.2", "sphinxext/i18n.py",
         "executablebooks/sphinx-copybutton/issues/113",
         "the copy button's messages table has no Indonesian entry and no setting for one"),
    Hook("citation-list-role", "docutils ~=0.21.2", "sphinxext/theme.py", "w3c/dpub-aria/pull/22",
         "bibliography entries carry the deprecated role doc-biblioentry inside role=list (axe)"),
    Hook("hide-cell-label", MYSTNB, "sphinxext/theme.py", NONE,
         "the code toggle's aria-label 'Toggle hidden content' omits its visible text (axe)"),
    Hook("duplicate-inline-scripts", SPHINX, "sphinxext/theme.py", "sphinx-doc/sphinx/pull/13402",
         "an inline script added after the builder started is written twice ('THEBE_JS_URL already declared')"),
    Hook("mystnb-stylesheet-first", MYSTNB, "sphinxext/reproducible.py", NONE,
         "myst-nb copies its stylesheet after the pages are written, so a clean build links it without ?v="),
    Hook("unnumbered-pages", SPHINX, "sphinxext/registry.py", "sphinx-doc/sphinx/issues/1600",
         "figures and tables on pages outside the numbered part are numbered across the book (env.toc_fignumbers)"),
    Hook("glue-keys", MYSTNB, "sphinxext/registry.py", NONE,
         "a pasted figure or table keeps no trace of its glue key (subclasses of myst-nb's glue directives)"),
    Hook("glue-wire-format", MYSTNB, "run/execute.py", NONE,
         "myst_nb.glue takes no metadata, so ekraf_repro/notebook.py writes glue outputs in its format by hand"),
    Hook("numref-doctree-cache", SPHINX, "sphinxext/reproducible.py", "sphinx-doc/sphinx/issues/12883",
         "each {numref} unpickles its target's whole doctree again (StandardDomain._resolve_numref_xref)"),
    Hook("buildinfo-paths", SPHINX, "sphinxext/reproducible.py", NONE,
         "the configuration hash in .buildinfo covers the themes' absolute paths in the environment (BuildInfo)"),
    Hook("search-index-prune", SPHINX, "sphinxext/reproducible.py", NONE,
         "an incremental build keeps words no page holds any more in the search index (IndexBuilder._mapping)"),
    Hook("remove-code-for-print", MYSTNB, "sphinxext/latex.py", NONE,
         "nb_remove_code_source is set per builder, before myst-nb reads it when it parses a notebook"),
    Hook("epub-builder", SPHINX, "sphinxext/epub.py", "sphinx-doc/sphinx/issues/4611",
         "the EPUB spine names book/../notebooks/… and the manifest carries the web theme's assets (EpubBuilder)"),
    Hook("sphinx-js-catalogue", SPHINX, "build/catalogues.py", NONE,
         "the search page's messages come from Sphinx's sphinx.js, which our catalogue cannot override"),
    Hook("bibtex-referencing-style", "sphinxcontrib-bibtex ~=2.7.0", "cite/citestyle.py",
         "mcmtroffaes/sphinxcontrib-bibtex/issues/201",
         "the author-year style's words and separators are English; its dataclasses are subclassed"),
    Hook("warm-kernels", "nbclient ~=0.11.0", "run/kernels.py", "jupyter/nbclient/issues/238",
         "a NotebookClient starts a kernel per notebook; ours reuses one (km, kc set on the client)"),
    Hook("papermill-parameters", "papermill ~=2.7.0", "run/execute.py", "nteract/papermill/issues/616",
         "papermill's parameter injection is used without its engine; the parameters it records are read back"),
]}
# fmt: on


class HookOutOfRange(SphinxError):  # a SphinxError: Sphinx stops with the message alone, no traceback
    """An installed library is outside the versions a hook was checked with."""

    category = "Book machine hook out of range"


@functools.cache
def installed(package: str) -> str:
    """The installed version of a distribution (the one place a test fakes another)."""
    return metadata.version(package)


def check(name: str) -> None:
    """Stop, naming the hook, when its library is installed in a version it was not checked with."""
    hook = HOOKS[name]
    version = installed(hook.package)
    if Version(version) not in SpecifierSet(hook.versions):
        raise HookOutOfRange(
            f"book machine hook '{name}' (bookmaker/{hook.where}) was checked with {hook.library}, but "
            f"{version} is installed: it works around {hook.works_around} (upstream: {hook.link}). Check "
            "whether the new version still needs it, then update it and its versions in bookmaker/guards.py."
        )
