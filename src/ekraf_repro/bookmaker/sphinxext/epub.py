"""Sphinx's EPUB 3 builder, subclassed so that EPUBCheck accepts its EPUB: the spine's entries normalised, no
scripts, only the EPUB theme's stylesheets.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.builders.epub3 import Epub3Builder

from .. import guards
from ..files import clear

KEEP_STATIC = {"epub.css", "pygments.css", "basic.css"}


class EpubBuilder(Epub3Builder):
    def get_toc(self) -> None:
        super().get_toc()
        for item in self.refnodes:
            path, hash_, fragment = item["refuri"].partition("#")
            item["refuri"] = posixpath.normpath(path) + hash_ + fragment

    def build_content(self) -> None:
        images = (".png", ".svg", ".gif")
        clear(Path(self.outdir) / "_static", lambda rel: Path(rel).name in KEEP_STATIC or Path(rel).suffix in images)
        super().build_content()


def _no_scripts(app, doctree, docname: str) -> None:
    """The scripts other extensions add to a page as raw HTML nodes (sphinx-thebe's configuration) stay out."""
    if app.builder.name == "epub":
        for node in list(doctree.findall(nodes.raw)):
            if "html" in node.get("format", "").split() and "<script" in node.astext():
                node.parent.remove(node)


def _page(app, pagename, templatename, context, doctree) -> None:
    if app.builder.name != "epub":
        return
    context["script_files"] = []
    css = context.get("css_files", [])
    context["css_files"] = [c for c in css if Path(str(getattr(c, "filename", c))).name in KEEP_STATIC]


def setup(app):
    guards.check("epub-builder")
    app.add_builder(EpubBuilder, override=True)
    app.connect("doctree-resolved", _no_scripts, priority=900)  # after sphinx-thebe's (500)
    app.connect("html-page-context", _page, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
