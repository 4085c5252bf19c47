"""The editions: their settings, the link to the same page in the other edition (the header, ``hreflang``) and
the tag ``ekraf_pdf`` of a book with a PDF of its own (``{only}`` in ``book/index.md``).
"""

from __future__ import annotations

from html import escape

from ..text import LANGUAGE_NAMES
from . import to_root


def _tags(app, config) -> None:
    if config.ekraf_pdf:
        app.tags.add("ekraf_pdf")


def _link_editions(app, pagename: str, templatename, context, doctree) -> None:
    """The same page in the other editions: ``ekraf_other_editions`` for the header, alternates in the head."""
    if app.builder.name != "html":
        return  # an EPUB stands alone
    up = "../" + to_root(pagename)
    editions = sorted((app.config.ekraf_editions or {}).items())
    others = [{"lang": c, "url": f"{up}{folder}/{pagename}.html", "name": LANGUAGE_NAMES[c]} for c, folder in editions]
    context["ekraf_other_editions"] = others
    if others:
        own = {"lang": app.config.ekraf_edition, "url": f"{pagename.rsplit('/', 1)[-1]}.html"}
        links = [f'<link rel="alternate" hreflang="{e["lang"]}" href="{escape(e["url"])}">\n' for e in [own, *others]]
        context["metatags"] = context.get("metatags", "") + "".join(links)


def setup(app):
    app.add_config_value("ekraf_variant", None, "env")  # a variant book's identity (bookmaker/variant.py)
    app.add_config_value("ekraf_pdf", False, "env")  # whether the book has a PDF of its own to link
    app.add_config_value("ekraf_canonical_url", "", "html")  # where the book is published; empty until it is
    app.add_config_value("ekraf_doi", "", "html")  # the book's DOI; empty until one is registered
    app.add_config_value("ekraf_edition", "id", "env")  # this edition's language (bookmaker/build/editions.py)
    app.add_config_value("ekraf_editions", {}, "html")  # the other editions: language -> folder beside this one
    app.connect("config-inited", _tags)
    app.connect("html-page-context", _link_editions, priority=890)  # before the page's citation tags
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
