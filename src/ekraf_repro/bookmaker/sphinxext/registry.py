"""The registry of citable parts: every chapter, figure and table of the book, as Sphinx reads and numbers them.

An environment collector records, for each page Sphinx reads, its chapter (the first section's label and
title) and each captioned figure and table: label, HTML id, kind, caption, the glue key that placed it and the
numbers the notebook drew it from (a chapter's code glues them as output metadata ``ekraf.data``). For a
notebook it also records what the notebook was run with: the parameters papermill recorded and the files
it declares it reads. Numbers are Sphinx's own, read when they are assigned: a part on a page outside the
numbered part of the book (an appendix page) keeps its label and caption and has no number. The cite boxes,
the downloads, the figure data, the page "Cara mengutip" and the PDF's title page read this registry
(``sphinxext/citations.py``, ``sphinxext/latex.py``); nothing else decides what a part is or its number.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from .. import guards

KINDS = {nodes.figure: "figure", nodes.table: "table"}  # Sphinx's enumerable types, as CSL names them too


def _caption(node) -> nodes.Element | None:
    return node.next_node(nodes.caption) if isinstance(node, nodes.figure) else node.next_node(nodes.title)


def _source(path: Path) -> dict:
    """A notebook's record of its run: parameters (papermill's), declared reads, and each glue key's data."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    meta = nb.get("metadata", {})
    data = {}
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            key = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if key and "data" in output["metadata"].get("ekraf", {}):
                data[key] = output["metadata"]["ekraf"]["data"]
    params = meta.get("papermill", {}).get("parameters", {})
    return {"parameters": params, "reads": meta.get("ekraf", {}).get("reads", []), "data": data}


class CitableParts(EnvironmentCollector):
    """Keeps ``env.ekraf_parts`` (docname -> the page's parts, in reading order) and ``env.ekraf_runs``
    (docname -> how its notebook was run)."""

    def clear_doc(self, app, env, docname: str) -> None:
        for store in (_store(env, "ekraf_parts"), _store(env, "ekraf_runs")):
            store.pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        for name in ("ekraf_parts", "ekraf_runs"):
            theirs = getattr(other, name, {})
            _store(env, name).update({d: theirs[d] for d in docnames if d in theirs})

    def process_doc(self, app, doctree) -> None:
        env, docname = app.env, app.env.docname
        source = Path(env.doc2path(docname))
        run = _source(source) if source.suffix == ".ipynb" else None
        parts = []
        section = doctree.next_node(nodes.section)
        if section is not None:  # the page's chapter: its first section, under its label (or its id)
            label = next((n for n in section["names"] if doctree.nametypes.get(n)), section["ids"][0])
            parts.append({"kind": "chapter", "label": label, "id": section["ids"][0], "caption": section[0].astext()})
        for node in doctree.findall(lambda n: type(n) in KINDS):
            caption = _caption(node)
            if not node["ids"] or caption is None:
                continue  # Sphinx numbers only captioned, labelled figures and tables
            glue = node.get("ekraf_glue")
            part = {"kind": KINDS[type(node)], "label": (node["names"] or node["ids"])[0], "id": node["ids"][0]}
            part.update(caption=caption.astext(), glue=glue, data=(run or {}).get("data", {}).get(glue))
            parts.append(part)
        _store(env, "ekraf_parts")[docname] = parts
        if run is not None:
            _store(env, "ekraf_runs")[docname] = {
                "notebook": source.relative_to(app.srcdir).as_posix(),
                "parameters": run["parameters"],
                "reads": run["reads"],
            }


def _store(env, name: str) -> dict:
    if not hasattr(env, name):
        setattr(env, name, {})
    return getattr(env, name)


def parts(env) -> list[dict]:
    """Every part of the book with its document, number (a tuple, or None) and, for a chapter, the chapter's
    number; numbered chapters first, in order, then the rest by document name."""
    out = []
    for docname, records in _store(env, "ekraf_parts").items():
        chapter = (env.toc_secnumbers.get(docname) or {}).get("")
        for position, record in enumerate(records):
            figtype = record["kind"] if record["kind"] != "chapter" else None
            number = chapter if figtype is None else env.toc_fignumbers.get(docname, {}).get(figtype, {}).get(record["id"])
            out.append({**record, "doc": docname, "number": tuple(number) if number else None, "_order": position})
    out.sort(key=lambda p: (_chapter_key(env, p["doc"]), p["_order"]))
    return [{k: v for k, v in p.items() if k != "_order"} for p in out]


def _chapter_key(env, docname: str) -> tuple:
    number = (env.toc_secnumbers.get(docname) or {}).get("")
    return (0, tuple(number), "") if number else (1, (), docname)


def runs(env) -> dict[str, dict]:
    """How each notebook page was run: ``{docname: {"notebook", "parameters", "reads"}}``."""
    return dict(_store(env, "ekraf_runs"))


def _unnumber_unnumbered_pages(app, env):
    """Only numbered chapters number their figures and tables.

    Sphinx numbers every captioned, labelled figure and table, and on pages outside the numbered part (the
    appendix, the guides) it counts them across the whole book ("Tabel 2" on a guide page). Those pages keep
    their labels and captions but lose the number.
    """
    guards.check("unnumbered-pages")
    for docname in list(env.toc_fignumbers):
        if not env.toc_secnumbers.get(docname):
            del env.toc_fignumbers[docname]
    return []


def _keyed(base):
    """A glue directive that leaves its key on what it pastes (``ekraf_glue``), for the collector to read."""

    class Keyed(base):
        def run(self):
            pasted = super().run()
            for node in pasted:
                if isinstance(node, nodes.Element):
                    node["ekraf_glue"] = self.arguments[0]
            return pasted

    Keyed.__name__ = f"Keyed{base.__name__}"
    return Keyed


def setup(app):
    from myst_nb.ext.glue.directives import PasteFigureDirective, PasteMarkdownDirective

    guards.check("glue-keys")
    app.setup_extension("myst_nb")  # its glue domain first: the keyed directives replace two of its directives
    app.add_directive_to_domain("glue", "figure", _keyed(PasteFigureDirective), override=True)
    app.add_directive_to_domain("glue", "md", _keyed(PasteMarkdownDirective), override=True)
    app.add_env_collector(CitableParts)
    app.connect("env-get-updated", _unnumber_unnumbered_pages, priority=900)  # after Sphinx assigned the numbers
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
