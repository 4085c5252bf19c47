"""The HTML theme (sphinx-book-theme on pydata-sphinx-theme), accessible and in the book's language: fixes
found by axe-core or Chromium, each made where the HTML is made (a template rewritten where it loads, a node
visitor, the page context) and each a hook of ``guards.py``.
"""

from __future__ import annotations

import re

import jinja2
from bs4 import BeautifulSoup
from docutils import nodes

from .. import guards
from .i18n import _

_COMMENTS = re.compile(r"\{#.*?#\}\n", flags=re.S)  # Jinja comments of a theme template, and their line
_TOOLTIP = "title=\"{{{{ _('{0}') }}}}\" aria-label=\"{{{{ _('{0}') }}}}\""
SWITCHER = (  # before the theme's buttons: the same page in the other editions (context from editions.py)
    '{%- for edition in ekraf_other_editions %}\n<a class="btn btn-sm ekraf-language" href="{{ edition.url }}" '
    'hreflang="{{ edition.lang }}" lang="{{ edition.lang }}"><i class="fa-solid fa-language" aria-hidden="true"></i> '
    "{{ edition.name }}</a>\n{%- endfor %}\n"
)
# template -> (hook, [(their text, ours)]): every pair must apply, or the hook's template changed
# fmt: off
REWRITES = {
    "search-button-field.html": ("search-button-label", [(" aria-label=\"{{ _('Search') }}\"", "")]),
    "theme-switcher.html": ("theme-switcher-icons", [
        ("{{ _('Color mode') }}", "{{ ekraf_color_mode }}"), ('"  data-bs-placement', '" data-bs-placement'),
        (" title=\"{{ _('Light') }}\"", ""), ("  title=\"{{ _('Dark') }}\"", ""),
        ("  title=\"{{ _('System Settings') }}\"", "")]),
    "toggle-primary-sidebar.html": ("sidebar-toggle-tooltips", [
        ('title="Toggle primary sidebar"', _TOOLTIP.format("Toggle primary sidebar"))]),
    "toggle-secondary-sidebar.html": ("sidebar-toggle-tooltips", [
        ('title="Toggle secondary sidebar"', _TOOLTIP.format("Toggle secondary sidebar"))]),
    "sbt-sidebar-nav.html": ("landmark-labels", [('aria-label="Main"', "aria-label=\"{{ _('Main') }}\"")]),
    "layout.html": ("landmark-labels", [('aria-label="Page"', "aria-label=\"{{ _('Page') }}\"")]),
    "article-header-buttons.html": ("language-switcher", [("", SWITCHER)]),
}
COMPONENTS = {"search-button-field.html", "theme-switcher.html", "toggle-primary-sidebar.html",
              "toggle-secondary-sidebar.html"}
# fmt: on


def rewrite(name: str, theirs: str) -> str:
    """The theme's template ``name`` with our changes; a change that no longer applies stops the build. A small
    component loses its Jinja comments too, which would leave empty lines in every page."""
    hook, pairs = REWRITES[name]
    ours = _COMMENTS.sub("", theirs) if name in COMPONENTS else theirs
    for old, new in pairs:
        if old not in ours:
            raise guards.HookOutOfRange(f"book machine hook '{hook}': the theme's {name} no longer holds {old!r}")
        ours = new + ours if not old else ours.replace(old, new)
    return ours


def _rewrite_templates(app) -> None:
    """Put the rewritten templates, made from the installed theme's text, in front of its folders (HTML only)."""
    templates = getattr(app.builder, "templates", None)
    if app.builder.name != "html" or not isinstance(getattr(templates, "loaders", None), list):
        return
    for hook in ("template-loader", *sorted({hook for hook, _pairs in REWRITES.values()})):
        guards.check(hook)
    own = {name: rewrite(name, templates.get_source(templates.environment, name)[0]) for name in REWRITES}
    templates.loaders.insert(0, jinja2.DictLoader(own))
    templates.templatepathlen += 1  # counts as a template path: "!name" still starts at the theme


def _visit_citation(self, node) -> None:
    """docutils writes bibliography entries as ``role="doc-biblioentry"`` inside ``<div role="list">``; that role
    is deprecated and is not a list item, so the list has no items (axe: aria-required-children, critical)."""
    type(self).visit_citation(self, node)
    if 'role="doc-biblioentry"' not in self.body[-1]:
        raise guards.HookOutOfRange("book machine hook 'citation-list-role': docutils no longer writes that role")
    self.body[-1] = self.body[-1].replace('role="doc-biblioentry"', 'role="listitem"')


def _visit_hide_cell(self, node) -> None:
    """myst-nb's "Show code cell source" toggle, without its aria-label "Toggle hidden content", which did not
    contain the visible text (axe: label-content-name-mismatch); the summary is named by its visible text."""
    from myst_nb.sphinx_ import visit_HideCellInput  # imported once its guard has passed (setup)

    visit_HideCellInput(self, node)
    summary = '<summary aria-label="Toggle hidden content">\n'
    if self.body[-4] != summary:
        raise guards.HookOutOfRange("book machine hook 'hide-cell-label': myst-nb's toggle changed")
    self.body[-4] = "<summary>\n"


def _name_toctree_toggles(toctree, word: str):
    """Name the sidebar's chevrons "Subhalaman: <page title>" (axe: summary-name). pydata-sphinx-theme makes this
    HTML from the written toctree (a BeautifulSoup object or text), so it is changed where it hands it over."""
    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.find_all("summary"):
        if summary.get_text(strip=True) or summary.get("aria-label"):
            continue
        item = summary.find_parent("li")
        link = item.find("a", recursive=False) if item else None
        title = link.get_text(" ", strip=True) if link else ""
        summary["aria-label"] = f"{word}: {title}" if title else word
    return str(soup) if isinstance(toctree, str) else soup


def _page(app, pagename, templatename, context, doctree) -> None:
    """The page context: the theme's strings in the book's language, each inline script once, the toggles named."""
    # Sphinx 7.4 registers an inline script added after the builder started (sphinx-thebe's
    # "const THEBE_JS_URL = ...") twice, as filename None and "": the second `const` throws on every page.
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for js in scripts:
            key = (getattr(js, "filename", js) or "", tuple(sorted(getattr(js, "attributes", {}).items())))
            if key not in seen:
                seen.add(key)
                unique.append(js)
        scripts[:] = unique
    context["theme_search_bar_text"] = _("Search this book...")
    context["ekraf_color_mode"] = _("Color mode")
    generate, subpages = context.get("generate_toctree_html"), _("Subpages")
    if callable(generate) and not getattr(generate, "_ekraf", False):

        def generate_toctree_html(kind, *args, **kwargs):
            toctree = generate(kind, *args, **kwargs)
            if isinstance(toctree, str) or hasattr(toctree, "find_all"):
                toctree = _name_toctree_toggles(toctree, subpages)
            return toctree

        generate_toctree_html._ekraf = True
        context["generate_toctree_html"] = generate_toctree_html


def setup(app):
    for hook in ("citation-list-role", "hide-cell-label", "duplicate-inline-scripts", "toctree-toggle-names"):
        guards.check(hook)
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

    app.setup_extension("myst_nb")  # its node must be registered before its visitor is replaced
    app.add_node(nodes.citation, override=True, html=(_visit_citation, None))
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hide_cell, depart_HideCellInput))
    app.connect("builder-inited", _rewrite_templates)
    # after pydata-sphinx-theme (priority 500) has put generate_toctree_html in the context
    app.connect("html-page-context", _page, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
