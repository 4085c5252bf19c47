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


def _(message: str) -> str:
    """``message`` in the edition's language, from the interface catalogues (book/_locale, then Sphinx's own)."""
    from sphinx.locale import get_translation

    return str(get_translation("sphinx")(message))


# The language of each edition, in that language: the switcher's link text.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


# Theme components, overriding pydata-sphinx-theme's templates of the same name.
# - search-button-field.html: the theme labels the button "Search" while it shows
#   "Search Ctrl+K"; axe: label-content-name-mismatch (serious). Without
#   aria-label the button is named by what it shows.
# - theme-switcher.html: each mode icon had a title ("Light", "Dark", "System
#   Settings") that Font Awesome turns into visible SVG text that the button's
#   label ("Color mode") does not contain; axe: label-content-name-mismatch. The
#   icons are decorative (Font Awesome then marks them aria-hidden); the button
#   keeps its label, in the book's language.
# - toggle-primary-sidebar.html, toggle-secondary-sidebar.html: the theme writes
#   their tooltips in English, outside any catalogue; here they are translated.
# - article-header-buttons.html: the theme's buttons, after a link to the same
#   page in the other edition (the language switcher), on every page.
_TEMPLATES = {
    "toggle-primary-sidebar.html": """\
<button class="sidebar-toggle primary-toggle btn btn-sm" title="{{ _('Toggle primary sidebar') }}" aria-label="{{ _('Toggle primary sidebar') }}" data-bs-placement="bottom" data-bs-toggle="tooltip">
  <span class="fa-solid fa-bars"></span>
</button>
""",
    "toggle-secondary-sidebar.html": """\
{% set page_toc = generate_toc_html() -%}
{% if page_toc -%}
<button class="sidebar-toggle secondary-toggle btn btn-sm pst-navbar-icon" title="{{ _('Toggle secondary sidebar') }}" aria-label="{{ _('Toggle secondary sidebar') }}" data-bs-placement="bottom" data-bs-toggle="tooltip">
    <span class="fa-solid fa-list"></span>
</button>
{%- endif %}
""",
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


# Theme templates that are rewritten where they load: the themes register their component folders as
# template paths, which "!name" skips, so the theme's own text is read and changed.
# - article-header-buttons.html: a link to the same page in the other edition (the language switcher)
#   before the theme's buttons, on every page;
# - sbt-sidebar-nav.html, layout.html: the navigation landmarks are named "Main" and "Page" in English,
#   outside any catalogue; here through it.
_REWRITES = {
    "article-header-buttons.html": lambda theirs: (
        """\
{%- for edition in ekraf_other_editions %}
<a class="btn btn-sm ekraf-language" href="{{ edition.url }}" hreflang="{{ edition.lang }}" lang="{{ edition.lang }}"><i class="fa-solid fa-language" aria-hidden="true"></i> {{ edition.name }}</a>
{%- endfor %}
"""
        + theirs
    ),
    "sbt-sidebar-nav.html": lambda theirs: theirs.replace('aria-label="Main"', "aria-label=\"{{ _('Main') }}\""),
    "layout.html": lambda theirs: theirs.replace('aria-label="Page"', "aria-label=\"{{ _('Page') }}\""),
}


def _override_templates(app) -> None:
    """Put :data:`_TEMPLATES` and :data:`_REWRITES` in front of the theme's template directories (HTML only)."""
    import jinja2

    templates = getattr(app.builder, "templates", None)
    if not isinstance(getattr(templates, "loaders", None), list) or app.builder.name != "html":
        return  # the EPUB builder's theme is Sphinx's own epub theme
    own = dict(_TEMPLATES)
    for name, rewrite in _REWRITES.items():
        theirs = templates.get_source(templates.environment, name)[0]
        own[name] = rewrite(theirs)
        if own[name] == theirs:
            raise RuntimeError(f"bookmaker/sphinx_ext.py: the theme's {name} changed; its rewrite no longer applies")
    templates.loaders.insert(0, jinja2.DictLoader(own))
    templates.templatepathlen += 1  # counts as a template path: "!name" still starts at the theme


def _own_catalogues_first(app) -> None:
    """Our catalogue of the book theme's strings (``booktheme``) before the theme's own.

    Sphinx puts the project's ``locale_dirs`` first for its own domain (``sphinx``, which
    pydata-sphinx-theme also uses), but a theme's domain is registered when the theme loads, with
    the theme's catalogue first. Ours is put in front here, the theme's kept behind it.
    """
    import gettext
    from pathlib import Path

    from sphinx.locale import translators

    lang = (app.config.language or "en").split("_")[0]
    for folder in app.config.locale_dirs:
        base = Path(app.srcdir) / folder
        for mo in sorted((base / lang / "LC_MESSAGES").glob("*.mo")):
            if mo.stem == "sphinx":
                continue  # Sphinx itself reads this one first
            ours = gettext.translation(mo.stem, str(base), [lang])
            key = ("general", mo.stem)
            theirs = translators.get(key)
            if theirs is not None and theirs is not ours:
                ours.add_fallback(theirs)
            translators[key] = ours


def _copybutton_messages(app) -> None:
    """sphinx-copybutton's tooltips ("Copy", "Copied!") in the edition's language.

    Its script picks its messages by ``<html lang>`` from a table without Indonesian, and has no
    setting for them. Its template is read, an entry for the edition's language is added from our
    catalogue (``Copy``, ``Copy to clipboard``, ``Copied!``, ``Failed to copy``), and the result is
    put in a static folder of the build that Sphinx copies after the extension's own.
    """
    import json
    from pathlib import Path

    lang = (app.config.language or "en").split("_")[0]
    if lang == "en" or "sphinx_copybutton" not in app.extensions or app.builder.format != "html":
        return
    import sphinx_copybutton

    template = Path(sphinx_copybutton.__file__).parent / "_static" / "copybutton.js_t"
    text = template.read_text(encoding="utf-8")
    words = {"copy": "Copy", "copy_to_clipboard": "Copy to clipboard", "copy_success": "Copied!"}
    words["copy_failure"] = "Failed to copy"
    entry = ",\n".join(f"    '{key}': {json.dumps(_(msg), ensure_ascii=False)}" for key, msg in words.items())
    marker = "const messages = {\n"
    if marker not in text:
        raise RuntimeError("sphinx-copybutton's template changed: its messages table was not found")
    text = text.replace(marker, f"{marker}  '{lang}': {{\n{entry}\n  }},\n", 1)
    folder = Path(app.doctreedir).parent / "ekraf_static"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "copybutton.js_t"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    app.config.html_static_path.append(str(folder))


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
    """Text written in another language (a ``lang-en`` block, a ``{lang-id}`` role) carries ``lang``, for screen
    readers, hyphenation and the checks."""
    import re

    body = context.get("body")
    if body:
        context["body"] = re.sub(r'<(div|span) class="([^"]*\blang-(id|en)\b[^"]*)"', r'<\1 class="\2" lang="\3"', body)


def _language_role(lang: str):
    """The role ``{lang-<lang>}`text```: a word or title in another language inside a sentence."""
    from docutils import nodes

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        return [nodes.inline(rawtext, text, classes=[f"lang-{lang}"])], []

    return role


def _drop_pdf_link(context, with_pdf: bool) -> None:
    """The landing page marks its PDF link ``ekraf-pdf`` and the pointer to how one is made ``ekraf-no-pdf``:
    a book with a PDF of its own keeps the link, a book without one the pointer, so no link is dead."""
    import re

    body = context.get("body")
    if body:
        drop = "ekraf-no-pdf" if with_pdf else "ekraf-pdf"
        context["body"] = re.sub(rf'\s*<span class="{drop}">.*?</span><!-- /{drop} -->', "", body, flags=re.S)


def _link_editions(app, pagename: str, context) -> None:
    """The same page in the other editions: a link in the page's header and ``hreflang`` alternates in its head.

    The editions are published side by side (``site/id/``, ``site/en/``) with the same page paths, so the
    other edition's page is ``../<lang>/<pagename>.html`` from the site root.
    """
    from html import escape

    up = "../" * (pagename.count("/") + 1)
    others = [
        {"lang": lang, "url": f"{up}{folder}/{pagename}.html", "name": LANGUAGE_NAMES[lang]}
        for lang, folder in sorted((app.config.ekraf_editions or {}).items())
    ]
    context["ekraf_other_editions"] = others
    if others:
        own = {"lang": app.config.ekraf_edition, "url": f"{pagename.rsplit('/', 1)[-1]}.html"}
        links = "".join(
            f'<link rel="alternate" hreflang="{e["lang"]}" href="{escape(e["url"])}">\n' for e in [own, *others]
        )
        context["metatags"] = context.get("metatags", "") + links


def _scholarly_metadata(app, pagename: str, context) -> None:
    """Citation tags, Dublin Core and JSON-LD for the page, from the project's CITATION.cff (metadata.py)."""
    from pathlib import Path

    from . import citation, metadata

    if not hasattr(app, "_ekraf_book"):
        cff = citation.load(Path(app.srcdir) / "CITATION.cff")
        cfg = app.config
        app._ekraf_book = metadata.book(
            cff,
            cfg.html_title or cfg.project,
            cfg.author,
            cfg.language or "id",
            cfg.ekraf_pdf,
            cfg.ekraf_canonical_url,
            cfg.ekraf_doi,
        )
    title = app.env.titles.get(pagename)
    page = metadata.Page(pagename, title.astext() if title else app._ekraf_book.title, _chapter_number(app, pagename))
    context["metatags"] = context.get("metatags", "") + metadata.tags(app._ekraf_book, page)


def _citable(app) -> dict:
    """The book's citable parts (cslcite.py) and their APA text in HTML, made once per build."""
    if not hasattr(app, "_ekraf_citable"):
        from pathlib import Path

        from . import cslcite

        cfg, lang = app.config, app.config.language or "id"
        items = cslcite.project_items(Path(app.srcdir), cfg.html_title or cfg.project, cfg.author, lang)
        html, plain = cslcite.render(items, lang, "html"), cslcite.render(items, lang, "plain")
        app._ekraf_citable = {
            "items": items,
            "html": {i["id"]: h for i, h in zip(items, html, strict=True)},
            "plain": {i["id"]: p for i, p in zip(items, plain, strict=True)},
        }
    return app._ekraf_citable


def _data_links(app, pagename: str, context) -> None:
    """Under every figure and table of a chapter or appendix page: its data (CSV) and their provenance."""
    import re

    from . import figuredata

    body = context.get("body")
    if not body or not pagename.startswith("notebooks/"):
        return
    from . import cslcite

    up = "../" * pagename.count("/")
    citable = {i["id"] for i in _citable(app)["items"]}
    out, at = [], 0
    for match in re.finditer(r'<(figure|table)\b[^>]*\bid="([^"]+)"', body):
        kind, label = match.groups()
        if label not in _placed_labels(app):
            continue
        end = body.index(f"</{kind}>", match.end()) + len(f"</{kind}>")
        if end < at:
            continue
        cite = ""
        if label in citable:  # a numbered figure or table of a chapter: its citation too
            cite = f" · {_('Cite:')} " + " · ".join(
                f'<a href="{up}{cslcite.FOLDER}/{label}.{ext}" download>{name}</a>'
                for ext, (name, _write) in cslcite.FORMATS.items()
            )
        links = (
            f'<p class="ekraf-data"><a href="{up}{figuredata.FOLDER}/{label}.csv" download>{_("Data (CSV)")}</a>'
            f' · <a href="{up}{figuredata.FOLDER}/{label}.json">{_("Provenance")}</a>{cite}</p>'
        )
        out.append(body[at:end] + links)
        at = end
    context["body"] = "".join(out) + body[at:]


def _placed_labels(app) -> set[str]:
    if not hasattr(app, "_ekraf_placed"):
        import json
        from pathlib import Path

        from . import figuredata

        app._ekraf_placed = {
            label
            for path in figuredata.notebooks(Path(app.srcdir))
            for label in figuredata.labels(json.loads(path.read_text(encoding="utf-8"))).values()
        }
    return app._ekraf_placed


def _chapter_number(app, pagename: str) -> int | None:
    """The chapter's number of a numbered chapter's page (None for any other page)."""
    number = (app.env.toc_secnumbers.get(pagename) or {}).get("")
    return number[0] if number else None


def _page_citation_key(app, pagename: str) -> str:
    """The citable part a page belongs to: its chapter, or the book."""
    number = _chapter_number(app, pagename)
    if pagename.startswith("notebooks/") and number:
        return [i for i in _citable(app)["items"] if i["type"] == "chapter"][number - 1]["id"]
    return "buku"


def _print_citation(app, pagename: str, context) -> None:
    """The page's citation (with the version) at the foot of every printed page (print stylesheet in ekraf.css)."""
    text = _citable(app)["plain"][_page_citation_key(app, pagename)]
    css = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    style = (
        '<style media="print">@page { margin-bottom: 2.2cm; @bottom-left { content: "' + css + '"; '
        "font-size: 7.5pt; color: #444; vertical-align: top; } }</style>\n"
    )
    context["metatags"] = context.get("metatags", "") + style


def _cite_box(app, pagename: str, context) -> None:
    """A box at the end of the front page (the book) and of each chapter: its APA reference and downloads."""
    from html import escape

    from . import cslcite

    key = _page_citation_key(app, pagename)
    if key == "buku" and pagename != "book/index":
        return  # only the front page and the chapters end with a cite box
    heading = _("Cite this book") if key == "buku" else _("Cite this chapter")
    up = "../" * pagename.count("/")
    links = " · ".join(
        f'<a href="{up}{cslcite.FOLDER}/{escape(key)}.{ext}" download>{name}</a>'
        for ext, (name, _write) in cslcite.FORMATS.items()
    )
    box = (
        f'<aside class="ekraf-cite" aria-label="{escape(heading)}">'
        f'<p class="ekraf-cite-title">{escape(heading)}</p>'
        f'<p class="ekraf-cite-apa">{_citable(app)["html"][key]}</p>'
        f'<p class="ekraf-cite-downloads">{escape(_("Download:"))} {links}</p></aside>'
    )
    context["body"] = context.get("body", "") + box


def _write_downloads(app, exception) -> None:
    """The downloads written afresh at the end of each build: the citation (BibTeX, RIS, CSL-JSON) of every
    citable part, and the data (CSV) and provenance (JSON) of every figure and table."""
    if exception is not None or app.builder.name != "html":
        return
    import shutil
    from pathlib import Path

    from . import cslcite, figuredata

    out = Path(app.outdir)
    shutil.rmtree(out / cslcite.FOLDER, ignore_errors=True)
    shutil.rmtree(out / figuredata.FOLDER, ignore_errors=True)
    written = {**cslcite.files(_citable(app)["items"]), **figuredata.files(Path(app.srcdir))}
    for rel, text in written.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")


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
    _drop_pdf_link(context, app.config.ekraf_pdf)
    if app.builder.name == "html":  # the web edition only: an EPUB has no other editions, downloads or print CSS
        _link_editions(app, pagename, context)
        _scholarly_metadata(app, pagename, context)
        _cite_box(app, pagename, context)
        _print_citation(app, pagename, context)
        _data_links(app, pagename, context)
    context["theme_search_bar_text"] = _("Search this book...")
    words = {"subpages": _("Subpages")}
    context["ekraf_color_mode"] = _("Color mode")
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


def _search_index_as_if_clean(app):
    """The search index of an incremental build equals a clean build's.

    Sphinx keeps the previous index, removes the pages it rebuilds from every word's list, then adds
    them again: a word no page holds any more stays in the index with an empty list. Words without
    pages are dropped whenever the index is pruned.
    """
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or getattr(indexer, "_ekraf_pruned", False):
        return []
    prune = indexer.prune

    def prune_and_drop_empty(docnames):
        prune(docnames)
        for mapping in (indexer._mapping, indexer._title_mapping):
            for word in [w for w, docs in mapping.items() if not docs]:
                del mapping[word]

    indexer.prune = prune_and_drop_empty
    indexer._ekraf_pruned = True
    return []


SHAPING = (
    "sphinx_ext.py",
    "search_id.py",
    "bibstyle.py",
    "metadata.py",
)  # the modules of this package that shape every page


def _outdated_when_changed(app, env, added, changed, removed):
    """Re-read (and so re-write) every page when the extension (:data:`SHAPING`) changed since the last build,
    or when a page was added or removed.

    Sphinx rebuilds a page when its source changes, not when an extension that
    shapes its HTML does.
    """
    import hashlib
    from pathlib import Path

    here = Path(__file__).parent
    digest = hashlib.sha256(b"".join((here / name).read_bytes() for name in SHAPING)).hexdigest()
    if getattr(env, "ekraf_sphinx_ext", None) == digest and not added and not removed:
        return []
    # Also when a page came or went: every page's sidebar lists every page, and Sphinx rewrites only the
    # pages it re-read, so the others would keep the old list (an incremental build unlike a clean one).
    env.ekraf_sphinx_ext = digest
    return sorted(env.found_docs - added - changed)


def _mystnb_stylesheet_first(app) -> None:
    """myst-nb copies its stylesheet when the build finishes. A clean build then writes its pages while the file
    is missing, and Sphinx links it without its ``?v=`` checksum; a later build finds it and adds one. Copied
    before any page is written, every build links it the same way."""
    if app.builder.format != "html":
        return
    from pathlib import Path

    from myst_nb.sphinx_ext import add_global_html_resources

    (Path(app.builder.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def setup(app):
    from docutils import nodes
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")  # its node must be registered before we override the visitor
    app.add_config_value("ekraf_variant", None, "env")  # a variant book's identity (bookmaker/variant.py)
    app.add_config_value("ekraf_pdf", False, "env")  # whether the book has a PDF of its own to link
    app.add_config_value("ekraf_canonical_url", "", "html")  # where the book is published; empty until it is
    app.add_config_value("ekraf_doi", "", "html")  # the book's DOI; empty until one is registered
    app.add_config_value("ekraf_edition", "id", "env")  # this edition's language (bookmaker/editions.py)
    app.add_config_value("ekraf_editions", {}, "html")  # the other editions: language -> folder beside this one
    for lang in ("id", "en"):
        app.add_role(f"lang-{lang}", _language_role(lang))
    app.add_node(nodes.citation, override=True, html=(_visit_citation, _depart_citation))
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hide_cell, _depart_hide_cell))
    app.add_domain(_cached_numref_domain(), override=True)
    from .search_id import SearchIndonesian

    app.add_search_language(SearchIndonesian)
    app.connect("builder-inited", _override_templates)
    app.connect("builder-inited", _own_catalogues_first)
    app.connect("builder-inited", _copybutton_messages, priority=900)  # after sphinx-copybutton adds its folder
    app.connect("builder-inited", _mystnb_stylesheet_first)
    app.connect("env-get-outdated", _outdated_when_changed)
    app.connect("html-collect-pages", _search_index_as_if_clean)  # before Sphinx dumps the index
    app.connect("env-get-updated", _unnumber_unnumbered_pages, priority=900)  # after Sphinx assigned the numbers
    # after pydata-sphinx-theme (priority 500) has put generate_toctree_html in the context
    app.connect("html-page-context", _page_fixes, priority=900)
    app.connect("build-finished", _write_downloads)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
