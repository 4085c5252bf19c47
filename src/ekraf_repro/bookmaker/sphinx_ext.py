"""Small Sphinx extension for the book.

- author-year citations in round brackets and a bibliography in the book's
  language: the styles live in :mod:`.bibstyle` and are registered by importing
  it (``bibtex_default_style: ekraf_id``, ``bibtex_reference_style:
  author_year_id`` in ``_config.yml``; ``ekraf_en`` / ``author_year_en`` for an
  English edition);
- accessibility and console fixes for the HTML theme (sphinx-book-theme on
  pydata-sphinx-theme), found by axe-core and Chromium in tests/test_browser.py:
  each fix is made where the HTML is generated (a node visitor, a template, the
  page context), not by patching the written files.
"""

from . import bibstyle  # noqa: F401  (registers the citation and bibliography styles)

# --------------------------------------------------------------------------- HTML fixes

# Words the theme leaves in English; the book is Indonesian (language: id).
_WORDS = {
    "id": {"color_mode": "Mode warna", "subpages": "Subhalaman"},
    "en": {"color_mode": "Color mode", "subpages": "Subpages"},
}


def _words(app) -> dict:
    return _WORDS.get((app.config.language or "en").split("_")[0], _WORDS["en"])


# Theme components, overriding pydata-sphinx-theme's templates of the same name.
# - search-button-field.html: the theme labels the button "Search" while it shows
#   "Search Ctrl+K"; axe: label-content-name-mismatch (serious). Without
#   aria-label the button is named by what it shows.
# - theme-switcher.html: each mode icon had a title ("Light", "Dark", "System
#   Settings") that Font Awesome turns into visible SVG text that the button's
#   label ("Color mode") does not contain; axe: label-content-name-mismatch. The
#   icons are decorative (Font Awesome then marks them aria-hidden); the button
#   keeps its label, in the book's language.
_TEMPLATES = {
    "search-button-field.html": """\
<button class="btn search-button-field search-button__button pst-js-only" title="{{ _('Search') }}" data-bs-placement="bottom" data-bs-toggle="tooltip">
 <i class="fa-solid fa-magnifying-glass"></i>
 <span class="search-button__default-text">{{ _('Search') }}</span>
 <span class="search-button__kbd-shortcut"><kbd class="kbd-shortcut__modifier">Ctrl</kbd>+<kbd class="kbd-shortcut__modifier">K</kbd></span>
</button>
""",
    "theme-switcher.html": """\
<button class="btn btn-sm nav-link pst-navbar-icon theme-switch-button pst-js-only" aria-label="{{ ekraf_color_mode }}" data-bs-title="{{ ekraf_color_mode }}" data-bs-placement="bottom" data-bs-toggle="tooltip">
  <i class="theme-switch fa-solid fa-sun                fa-lg" data-mode="light"></i>
  <i class="theme-switch fa-solid fa-moon               fa-lg" data-mode="dark"></i>
  <i class="theme-switch fa-solid fa-circle-half-stroke fa-lg" data-mode="auto"></i>
</button>
""",
}


def _override_templates(app) -> None:
    """Put :data:`_TEMPLATES` in front of the theme's template directories (HTML builders only)."""
    import jinja2

    templates = getattr(app.builder, "templates", None)
    if not isinstance(getattr(templates, "loaders", None), list):
        return
    templates.loaders.insert(0, jinja2.DictLoader(_TEMPLATES))
    templates.templatepathlen += 1  # counts as a template path: "!name" still starts at the theme


def _visit_citation(self, node) -> None:
    """docutils writes ``<div role="list">`` around ``role="doc-biblioentry"`` entries.

    doc-biblioentry is deprecated and is not a list item, so the list has no
    items; axe: aria-required-children (critical). The entries are list items.
    """
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _depart_citation(self, node) -> None:
    from docutils.writers._html_base import HTMLTranslator

    HTMLTranslator.depart_citation(self, node)


def _visit_hide_cell(self, node) -> None:
    """myst-nb's "Show code cell source" toggle, without its aria-label "Toggle hidden content".

    The label did not contain the visible text; axe: label-content-name-mismatch
    (serious). Without it the summary is named by its visible text.
    """
    from html import escape

    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append("<summary>\n")
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _depart_hide_cell(self, node) -> None:
    self.body.append("</details>\n")


def _name_toctree_toggles(toctree, word: str):
    """Give the sidebar's expand/collapse chevrons a name: "Subhalaman: <page title>".

    pydata-sphinx-theme renders them as ``<summary>`` holding only an icon;
    axe: summary-name (serious). ``toctree`` is the theme's BeautifulSoup object
    (changed in place) or HTML text.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.find_all("summary"):
        if summary.get_text(strip=True) or summary.get("aria-label"):
            continue
        item = summary.find_parent("li")
        link = item.find("a", recursive=False) if item else None
        title = link.get_text(" ", strip=True) if link else ""
        summary["aria-label"] = f"{word}: {title}" if title else word
    return str(soup) if isinstance(toctree, str) else soup


def _mark_languages(context) -> None:
    """Blocks written in the other language (class ``lang-en``) carry ``lang="en"``, for screen readers and checks."""
    import re

    body = context.get("body")
    if body:
        context["body"] = re.sub(r'<div class="([^"]*\blang-en\b[^"]*)"', r'<div class="\1" lang="en"', body)


def _drop_pdf_link(context) -> None:
    """A book without a PDF of its own shows no link to one (the landing page marks it ``ekraf-pdf``)."""
    import re

    body = context.get("body")
    if body:
        context["body"] = re.sub(r'\s*<span class="ekraf-pdf">.*?</span><!-- /ekraf-pdf -->', "", body, flags=re.S)


def _unnumber_unnumbered_pages(app, env):
    """Only numbered chapters number their figures and tables.

    Sphinx numbers every captioned, labelled figure and table, and on pages
    outside the numbered part (the appendix, the guides) it counts them across
    the whole book ("Tabel 2" on a guide page). Those pages keep their labels
    and captions but lose the number.
    """
    for docname in list(env.toc_fignumbers):
        if not env.toc_secnumbers.get(docname):
            del env.toc_fignumbers[docname]
    return []


def _page_fixes(app, pagename, templatename, context, doctree) -> None:
    # Sphinx 7.4 registers an inline script added after the builder started
    # (sphinx-thebe's "const THEBE_JS_URL = ...", sphinx-togglebutton's selector)
    # twice, once as filename None and once as "": the second `const` throws
    # "Identifier 'THEBE_JS_URL' has already been declared" on every page.
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for js in scripts:
            key = (getattr(js, "filename", js) or "", tuple(sorted(getattr(js, "attributes", {}).items())))
            if key not in seen:
                seen.add(key)
                unique.append(js)
        scripts[:] = unique

    _mark_languages(context)
    if not app.config.ekraf_pdf:
        _drop_pdf_link(context)
    words = _words(app)
    context["ekraf_color_mode"] = words["color_mode"]
    generate = context.get("generate_toctree_html")
    if callable(generate) and not getattr(generate, "_ekraf", False):

        def generate_toctree_html(kind, *args, **kwargs):
            toctree = generate(kind, *args, **kwargs)
            if isinstance(toctree, str) or hasattr(toctree, "find_all"):
                toctree = _name_toctree_toggles(toctree, words["subpages"])
            return toctree

        generate_toctree_html._ekraf = True
        context["generate_toctree_html"] = generate_toctree_html


def _cached_numref_domain():
    """Sphinx's standard domain, with the doctrees that ``{numref}`` reads loaded once per build.

    Resolving a ``{numref}`` unpickles the whole target document just to find the labelled node;
    the book has over a hundred of them, and the same few documents were read again and again
    (a quarter of a clean build). The target is only read there, never changed, so one copy per
    document, kept on the builder (which is not pickled), serves every reference.
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


def _outdated_when_changed(app, env, added, changed, removed):
    """Re-read (and so re-write) every page when this file changed since the last build.

    Sphinx rebuilds a page when its source changes, not when an extension that
    shapes its HTML does.
    """
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    if getattr(env, "ekraf_sphinx_ext", None) == digest:
        return []
    env.ekraf_sphinx_ext = digest
    return sorted(env.found_docs - added - changed)


def setup(app):
    from docutils import nodes
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")  # its node must be registered before we override the visitor
    app.add_config_value("ekraf_variant", None, "env")  # a variant book's identity (bookmaker/variant.py)
    app.add_config_value("ekraf_pdf", True, "env")  # whether the book has a PDF to link
    app.add_node(nodes.citation, override=True, html=(_visit_citation, _depart_citation))
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hide_cell, _depart_hide_cell))
    app.add_domain(_cached_numref_domain(), override=True)
    app.connect("builder-inited", _override_templates)
    app.connect("env-get-outdated", _outdated_when_changed)
    app.connect("env-get-updated", _unnumber_unnumbered_pages, priority=900)  # after Sphinx assigned the numbers
    # after pydata-sphinx-theme (priority 500) has put generate_toctree_html in the context
    app.connect("html-page-context", _page_fixes, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
