"""The registry of citable parts: every chapter, figure and table, as Sphinx reads and numbers them.

An environment collector records label, id, kind, caption and glue key (with its data) of each part, and for a
notebook the parameters papermill recorded and the files it reads. A part outside the numbered chapters has no
number. Cite boxes, downloads, figure data, "Cara mengutip" and the PDF's title page read it.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from .. import guards
from ..student.code import glued

KINDS = {nodes.figure: "figure", nodes.table: "table"}  # Sphinx's enumerable types, as CSL names them too


def _caption(node) -> nodes.Element | None:
    return node.next_node(nodes.caption) if isinstance(node, nodes.figure) else node.next_node(nodes.title)


def _source(path: Path) -> dict:
    """A notebook's record of its run: parameters (papermill's), declared reads, and each glue key's data."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    meta, glues = nb.get("metadata", {}), [(key, o["metadata"].get("ekraf", {})) for key, o in glued(nb["cells"])]
    data = {key: ekraf["data"] for key, ekraf in glues if "data" in ekraf}
    params = meta.get("papermill", {}).get("parameters", {})
    return {"parameters": params, "reads": meta.get("ekraf", {}).get("reads", []), "data": data}


class CitableParts(EnvironmentCollector):
    """Keeps ``env.ekraf_parts`` (docname -> its parts) and ``env.ekraf_runs`` (docname -> its notebook's run)."""

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
            notebook = source.relative_to(app.srcdir).as_posix()
            _store(env, "ekraf_runs")[docname] = {"notebook": notebook, "parameters": run["parameters"]}
            _store(env, "ekraf_runs")[docname]["reads"] = run["reads"]


def _store(env, name: str) -> dict:
    return env.__dict__.setdefault(name, {})


def parts(env) -> list[dict]:
    """Every part with its document and number (a tuple, or None): numbered chapters first, then by document."""
    out = []
    for docname, records in _store(env, "ekraf_parts").items():
        chapter = (env.toc_secnumbers.get(docname) or {}).get("")
        key = (0, tuple(chapter), "") if chapter else (1, (), docname)
        for position, record in enumerate(records):
            figures = env.toc_fignumbers.get(docname, {}).get(record["kind"], {})
            number = chapter if record["kind"] == "chapter" else figures.get(record["id"])
            out.append({**record, "doc": docname, "number": tuple(number) if number else None, "_at": (key, position)})
    out.sort(key=lambda p: p["_at"])
    return [{k: v for k, v in p.items() if k != "_at"} for p in out]


def runs(env) -> dict[str, dict]:
    """How each notebook page was run: ``{docname: {"notebook", "parameters", "reads"}}``."""
    return dict(_store(env, "ekraf_runs"))


def _unnumber_unnumbered_pages(app, env):
    """Only numbered chapters number their figures and tables: elsewhere (appendix, guides) Sphinx counts them
    across the book ("Tabel 2" on a guide page); those keep their labels and captions, not the number."""
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
