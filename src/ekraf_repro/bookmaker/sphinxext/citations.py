"""Scholarly citation of the web book, from the registry (``registry.py``) as CSL items (``cite/items.py``):
each page's metadata and print line, cite boxes and data links (doctree nodes), the downloads (written when the
build finishes) and the parts of the page "Cara mengutip" made from the built book. Its HTML is built from escaped
values.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ... import escape
from .. import settings, text
from ..cite import formats, items
from ..files import sha256
from ..variant import from_config
from . import metadata, registry, to_root
from .i18n import _

DATA = "_data"  # where a built edition holds each figure's and table's numbers (CSV) and provenance (JSON)


class fragment(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A piece of HTML the web edition adds to a page (``node["html"]``); other builders leave it out."""


def _visit_fragment(self, node) -> None:
    self.body.append(node["html"])
    raise nodes.SkipNode


def _skip(self, node) -> None:
    raise nodes.SkipNode


def citable(app) -> dict:
    """The book's citable parts as CSL items, with their APA text as HTML and plain text (by key), once a build."""
    if not hasattr(app, "_ekraf_citable"):
        cfg, code = app.config, settings.lang(app.config.language)
        book = items.book(settings.cff(Path(app.srcdir)), code, cfg.html_title or cfg.project, cfg.author)
        if variant := from_config(cfg.ekraf_variant):  # its citation files name it, as its banner asks
            suffix = variant.citation_suffix(code)
            book["note"] = f"{book['note']} {suffix[:1].upper()}{suffix[1:]}."
        chapter, found = text.group("cite", code)["chapter"], [book]
        numbered = [p for p in registry.parts(app.env) if p["number"]]
        for part in numbered:
            if part["kind"] == "chapter":
                title = f"{chapter} {part['number'][0]}: {part['caption']}"
                found.append(items.part(book, part["label"], "chapter", title))
            else:
                word = cfg.numfig_format[part["kind"]].replace("%s", "").strip()
                title = f"{word} {'.'.join(map(str, part['number']))}: {part['caption'].rstrip('.')}"
                found.append(items.part(book, part["label"], part["kind"], title, word))
        app._ekraf_citable = {"items": found, "parts": {p["label"]: p for p in numbered}}
    return app._ekraf_citable


def rendered(app, output: str) -> dict[str, str]:
    """The APA text of every citable part in ``output`` (html, plain or markdown), by key: rendered once a build,
    when a page first needs it (citeproc takes about half a second for the whole book)."""
    book, code = citable(app), settings.lang(app.config.language)
    if output not in book:
        texts = items.render(book["items"], code, output)
        book[output] = dict(zip([i["id"] for i in book["items"]], texts, strict=True))
    return book[output]


def page_key(app, pagename: str) -> str:  # the citable part a page belongs to: its numbered chapter, or the book
    found = [p for p in citable(app)["parts"].values() if p["kind"] == "chapter" and p["doc"] == pagename]
    return found[0]["label"] if found else "buku"


def _downloads(up: str, key: str) -> list[tuple[str, str]]:
    """The downloads of one part's citation: ``(href, name)`` for BibTeX, RIS and CSL-JSON."""
    return [(f"{up}{formats.FOLDER}/{key}.{ext}", name) for ext, (name, _write) in formats.FORMATS.items()]


def _links(up: str, key: str) -> str:
    return " · ".join(f'<a href="{escape.html(href)}" download>{name}</a>' for href, name in _downloads(up, key))


def _link_nodes(up: str, key: str, web: bool) -> list[nodes.Node]:
    """The same links as nodes of a page (``web``: raw HTML links around the names; otherwise the names alone)."""
    found: list[nodes.Node] = []
    for href, name in _downloads(up, key):
        found += [nodes.Text(" · ")] if found else []
        if web:
            found += [nodes.raw("", f'<a href="{escape.html(href)}" download>', format="html"), nodes.Text(name)]
            found += [nodes.raw("", "</a>", format="html")]
        else:
            found.append(nodes.Text(name))
    return found


def _add_to_pages(app, doctree, docname: str) -> None:
    """A cite box ends the front page and each chapter; data, provenance and citation follow each figure and table."""
    if app.builder.name != "html":
        return  # the web edition only: an EPUB or a PDF has no downloads
    up, book = to_root(docname), citable(app)
    key = page_key(app, docname)
    if key != "buku" or docname == app.config.root_doc:
        heading = escape.html(_("Cite this book") if key == "buku" else _("Cite this chapter"))
        box = f'<aside class="ekraf-cite" aria-label="{heading}"><p class="ekraf-cite-title">{heading}</p>'
        box += f'<p class="ekraf-cite-apa">{rendered(app, "html")[key]}</p>'
        box += f'<p class="ekraf-cite-downloads">{escape.html(_("Download:"))} {_links(up, key)}</p></aside>'
        doctree.append(fragment(html=box))
    if not docname.startswith("notebooks/"):
        return
    placed = {p["id"]: p for p in registry.parts(app.env) if p["doc"] == docname and p.get("data") is not None}
    for node in list(doctree.findall(lambda n: type(n) in registry.KINDS and n["ids"] and n["ids"][0] in placed)):
        part = placed[node["ids"][0]]
        html = f'<p class="ekraf-data"><a href="{up}{DATA}/{part["id"]}.csv" download>'
        html += f"{escape.html(_('Data (CSV)'))}</a>"
        html += f' · <a href="{up}{DATA}/{part["id"]}.json">{escape.html(_("Provenance"))}</a>'
        if part["label"] in book["parts"]:
            html += f" · {escape.html(_('Cite:'))} {_links(up, part['label'])}"
        node.parent.insert(node.parent.index(node) + 1, fragment(html=html + "</p>\n"))


def _head(app, pagename: str, templatename, context, doctree) -> None:
    """The page's citation tags, Dublin Core and JSON-LD, and its citation at the foot of every printed page."""
    if app.builder.name != "html":
        return
    if not hasattr(app, "_ekraf_book"):
        cfg, meta = app.config, settings.cff(Path(app.srcdir))
        item = citable(app)["items"][0]
        app._ekraf_book = metadata.book(item, meta, cfg.ekraf_pdf, cfg.ekraf_canonical_url, cfg.ekraf_doi)
    key = page_key(app, pagename)
    title = app.env.titles.get(pagename)
    number = citable(app)["parts"][key]["number"][0] if key != "buku" else None
    page = metadata.Page(pagename, title.astext() if title else app._ekraf_book.title, number)
    cited = rendered(app, "plain")[key].replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    style = f'<style media="print">@page {{ margin-bottom: 2.2cm; @bottom-left {{ content: "{cited}"; '
    style += "font-size: 7.5pt; color: #444; vertical-align: top; } }</style>\n"
    context["metatags"] = context.get("metatags", "") + metadata.tags(app._ekraf_book, page) + style


class citable_block(nodes.General, nodes.Element):  # noqa: N801
    """Where the page "Cara mengutip" shows something made from the registry (filled in before writing)."""


class CitableDirective(SphinxDirective):
    """``ekraf-citable`` chapters | chapter-bibtex | example | table (``:caption:`` and ``:name:``)."""

    required_arguments = 1
    option_spec = {"caption": str, "name": str}

    def run(self):
        block = citable_block(block=self.arguments[0], docname=self.env.docname)
        if self.arguments[0] != "table":
            return [block]
        header = text.group("cite", self.env.config.language)["items_header"]
        caption = nodes.title(self.options["caption"], self.options["caption"])
        table = nodes.table("", caption, classes=["colwidths-auto"])
        group = nodes.tgroup(cols=len(header))
        group += [nodes.colspec(colwidth=100 // len(header)) for _ in header]
        group += nodes.thead("", nodes.row("", *(_entry(nodes.Text(h)) for h in header)))
        group += nodes.tbody("", block)
        table += group
        if "name" in self.options:
            self.add_name(table)
        return [table]


def _entry(*children) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _markdown(value: str) -> list[nodes.Node]:
    """citeproc's Markdown (``*italics*``, escaped ``\\*``) as docutils nodes."""
    found = []
    for i, piece in enumerate(re.split(r"(?<!\\)\*", value)):
        piece = piece.replace(r"\*", "*").replace(r"\`", "`")
        if piece:
            found.append(nodes.emphasis(piece, piece) if i % 2 else nodes.Text(piece))
    return found


def _xref(docname: str, kind: str, target: str, title: str, explicit: bool):
    inner = (nodes.inline if kind == "ref" else nodes.literal)(title, title, classes=["xref", "std", f"std-{kind}"])
    return pending_xref("", inner, refdoc=docname, refdomain="std", refexplicit=explicit, reftarget=target,
                        reftype=kind, refwarn=True)  # fmt: skip


def _row(docname: str, key: str, caption: str, up: str, web: bool) -> nodes.row:
    number, label = _entry(_xref(docname, "numref", key, key, False)), _entry(nodes.literal(key, key))
    return nodes.row("", number, label, _entry(nodes.Text(caption)), _entry(*_link_nodes(up, key, web)))


class FillCitableBlocks(SphinxPostTransform):
    """Fill each ``ekraf-citable`` block before its cross-references are resolved (ReferencesResolver: 10)."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        blocks = list(self.document.findall(citable_block))
        if not blocks:  # most pages
            return
        book = citable(self.app)
        code = settings.lang(self.config.language)
        parts = [i for i in book["items"] if i["type"] in ("figure", "table")]
        chapters = [i for i in book["items"] if i["type"] == "chapter"]
        markdown = rendered(self.app, "markdown")
        word = text.group("cite", code)["chapter"]
        for block in blocks:
            docname, kind = block["docname"], block["block"]
            if kind == "chapters":
                found = nodes.bullet_list(bullet="-")
                for number, item in enumerate(chapters, start=1):
                    link = _xref(docname, "ref", item["id"], f"{word} {number}", True)
                    entry = nodes.paragraph("", "", link, nodes.Text(": "), *_markdown(markdown[item["id"]]))
                    found += nodes.list_item("", entry)
                block.replace_self(found)
            elif kind == "chapter-bibtex":
                code_text = formats.bibtex(chapters[0]).rstrip("\n")
                block.replace_self(nodes.literal_block(code_text, code_text, language="bibtex"))
            elif kind == "example":
                block.replace_self(nodes.block_quote("", nodes.paragraph("", "", *_markdown(markdown[parts[0]["id"]]))))
            else:
                up, web = to_root(docname), self.app.builder.name != "epub"  # an EPUB has no downloads
                block.replace_self([_row(docname, i["id"], book["parts"][i["id"]]["caption"], up, web) for i in parts])


def _provenance(run: dict, root: Path) -> dict:
    """The notebook, the parameters papermill recorded for it, and every file it read, with its SHA-256."""
    from papermill.translators import translate_parameters

    reads, params = set(run["reads"]), run["parameters"]
    if params.get("data"):  # a variant's data replace the book's table
        reads = {r for r in reads if not r.startswith("data/raw/")} | {params["data"]}
    shown = translate_parameters("python3", "python", params, "Parameters").strip() if params else ""
    inputs = [{"path": r, "sha256": sha256((root / r).read_bytes())}
              for r in sorted(reads) if (root / r).is_file()]  # fmt: skip
    shown = shown or "defaults: the notebook's parameters cell"
    return {"notebook": run["notebook"], "parameters": shown, "inputs": inputs}


def _write_downloads(app, exception) -> None:
    """Written afresh after each web build: every part's citation (BibTeX, RIS, CSL-JSON), every figure's and
    table's data (CSV) and provenance (JSON)."""
    if exception is not None or app.builder.name != "html":
        return
    out, root = Path(app.outdir), Path(app.srcdir)
    files = formats.files(citable(app)["items"])
    runs = registry.runs(app.env)
    for part in registry.parts(app.env):
        if part.get("data") is None or part["doc"] not in runs:
            continue
        files[f"{DATA}/{part['id']}.csv"] = part["data"]
        record = {"label": part["id"], "glue": part["glue"], **_provenance(runs[part["doc"]], root)}
        files[f"{DATA}/{part['id']}.json"] = escape.json(record, indent=1) + "\n"
    for folder in (formats.FOLDER, DATA):
        shutil.rmtree(out / folder, ignore_errors=True)
    for rel, content in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(content, encoding="utf-8")


def setup(app):
    from ..cite import bibstyle, citestyle  # noqa: F401  (importing them registers the bibliography's styles)

    app.setup_extension("ekraf_repro.bookmaker.sphinxext.registry")
    app.setup_extension("ekraf_repro.bookmaker.sphinxext.editions")  # the ekraf_* settings
    skip = (_skip, None)
    app.add_node(fragment, html=(_visit_fragment, None), latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(citable_block, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_directive("ekraf-citable", CitableDirective)
    app.add_post_transform(FillCitableBlocks)
    app.connect("doctree-resolved", _add_to_pages)
    app.connect("html-page-context", _head, priority=895)  # after editions.py's alternates
    app.connect("build-finished", _write_downloads)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
