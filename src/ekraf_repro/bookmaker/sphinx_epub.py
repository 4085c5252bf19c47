"""What Sphinx's EPUB 3 builder needs to make an EPUB that EPUBCheck accepts (issue 16).

Loaded as a Sphinx extension beside ``sphinx_ext``; it acts only for the ``epub`` builder:

- the table of contents starts at ``book/index``, so Sphinx's spine entries read
  ``book/../notebooks/…`` and match no manifest item: they are normalised;
- an e-reader gets the text, figures and tables, not the web book's machinery:
  no scripts, no stylesheets but the EPUB theme's own, no code cells (their
  ``<details>`` toggles are not valid EPUB XHTML either), no language switcher;
- the static files the pages no longer use are removed before the manifest is
  written, so EPUBCheck does not read CSS written for browsers.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

KEEP_STATIC = {"epub.css", "pygments.css", "basic.css"}
_CODE_CELL = re.compile(r'<details class="[^"]*\bhide\b[^"]*">.*?</details>', flags=re.S)
_SCRIPT = re.compile(r"<script\b.*?</script>", flags=re.S)
_PDF_SPANS = re.compile(r'\s*<span class="ekraf-(?:no-)?pdf">.*?</span><!-- /ekraf-(?:no-)?pdf -->', flags=re.S)
# a link to a file only the web edition has (citation and data downloads): its text stays, the link goes
_WEB_ONLY = re.compile(r'<a href="[^"]*(?:_kutipan|_data)/[^"]*"[^>]*>(.*?)</a>', flags=re.S)
_PAGE_LINK = re.compile(r'(<a\b[^>]*\bhref="(?![a-z]+:)[^"#]*)\.html([#"])')


def _normalised_toc(builder) -> None:
    original = builder.get_toc

    def get_toc() -> None:
        original()
        for item in builder.refnodes:
            path, hash_, fragment = item["refuri"].partition("#")
            item["refuri"] = posixpath.normpath(path) + hash_ + fragment

    builder.get_toc = get_toc


def _drop_web_assets(builder) -> None:
    original = builder.build_content

    def build_content() -> None:
        static = Path(builder.outdir) / "_static"
        for item in sorted(static.rglob("*"), reverse=True):
            if item.is_file() and item.name not in KEEP_STATIC and item.suffix not in (".png", ".svg", ".gif"):
                item.unlink()
            elif item.is_dir() and not any(item.iterdir()):
                item.rmdir()
        original()

    builder.build_content = build_content


def _builder_inited(app) -> None:
    if app.builder.name != "epub":
        return
    _normalised_toc(app.builder)
    _drop_web_assets(app.builder)


def _page(app, pagename, templatename, context, doctree) -> None:
    if app.builder.name != "epub":
        return
    context["script_files"] = []
    context["css_files"] = [
        c for c in context.get("css_files", []) if Path(str(getattr(c, "filename", c))).name in KEEP_STATIC
    ]
    context["metatags"] = _SCRIPT.sub("", context.get("metatags", ""))
    body = context.get("body")
    if body:
        body = _PDF_SPANS.sub("", _SCRIPT.sub("", _CODE_CELL.sub("", body)))
        body = _WEB_ONLY.sub(r"\1", body)
        context["body"] = _PAGE_LINK.sub(r"\1.xhtml\2", body)  # raw HTML links written for the web pages


def setup(app):
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
