"""Student notebooks in the HTML book (issue 21): ``_notebooks/<name>.ipynb`` for each notebook page
(:mod:`..student.notebooks`, references resolved by this build) and the zip of them all (:mod:`..student.archive`),
linked under each page's title and from the theme's download button instead of the MyST source.
"""

from __future__ import annotations

import json
import re
import shutil
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from .. import settings
from ..files import zipped
from ..student import archive as studentzip
from ..student import lab
from ..student import notebooks as studentnb
from . import to_root
from .i18n import _

FOLDER = lab.FOLDER
GUIDE = "book/menjalankan-ulang"  # the rerun guide also offers the zip


def pages(app) -> list[str]:
    found = app.env.found_docs
    return sorted(d for d in found if d.startswith("notebooks/") and str(app.env.doc2path(d)).endswith(".ipynb"))


def resolver(app, docname: str):
    """``resolve(role, text)``: the text this build prints for ``{role}`text``` on ``docname``."""

    def resolve(role: str, text: str) -> str:
        domain, typ = ("cite", role.split(":", 1)[1]) if role.startswith("cite:") else ("std", role)
        explicit = re.fullmatch(r"(.*?)\s*<([^<>]+)>", text, flags=re.S) if domain == "std" else None
        title, target = (explicit[1], explicit[2]) if explicit else (text, text)
        target = target.lower() if domain == "std" else target
        content = nodes.inline(title, title)  # as the role makes it: its text is the explicit title, if any
        node = addnodes.pending_xref(text, content, refdomain=domain, reftype=typ, reftarget=target, refdoc=docname)
        node["refexplicit"], node["refwarn"] = bool(explicit), True
        found = app.env.get_domain(domain).resolve_xref(app.env, docname, app.builder, typ, target, node, content)
        if found is None and typ == "numref":  # in a passage this build leaves out (its condition is false here)
            kind = {"tbl": "table", "gbr": "figure"}.get(target.split("-")[0], "section")
            return (title if explicit else app.config.numfig_format[kind]).replace("%s", "").strip()
        if found is None:
            raise studentnb.NotConvertible(f"{docname}: {{{role}}}`{text}` does not resolve")
        return " ".join(found.astext().split())

    return resolve


def number(app):
    """``number(kind, label)``: "Tabel 4.3" as this build numbers the table or figure, None when unnumbered."""

    def find(kind: str, label: str) -> str | None:
        docname, node_id = app.env.get_domain("std").anonlabels.get(label, (None, None))
        found = app.env.toc_fignumbers.get(docname, {}).get(kind, {}).get(node_id)
        return app.config.numfig_format[kind] % ".".join(map(str, found)) if found else None

    return find


def _template_prose() -> dict[str, str]:
    """The appendix template's Markdown by cell id, with its ``{{name}}`` placeholders (the pages fill them)."""
    nb = json.loads((lab.CHECKOUT / "notebooks" / settings.TEMPLATE).read_text(encoding="utf-8"))
    return {c["id"]: "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"}


def _write(app, exception) -> None:  # every student notebook of the edition, and their zip
    if exception is not None or app.builder.name != "html":
        return
    lang, title, made = app.config.language or "id", app.config.html_title or app.config.project, {}
    for docname in pages(app):
        nb = json.loads(Path(app.env.doc2path(docname)).read_text(encoding="utf-8"))
        prose = _template_prose() if docname.startswith(f"notebooks/{settings.APPENDIX}/") else None
        made_nb = studentnb.make(
            nb, lang, name=docname, title=title, resolve=resolver(app, docname), number=number(app), prose=prose
        )
        made[f"{Path(docname).name}.ipynb"] = studentnb.dumps(made_nb).encode()
    folder = Path(app.outdir) / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in made.items():
        (folder / name).write_bytes(data)
    files = studentzip.contents(made, Path(app.srcdir) / "data", lang, title)
    (folder / f"{studentzip.name(lang)}.zip").write_bytes(zipped(files, studentzip.name(lang)))


def _links(app, pagename, templatename, context, doctree) -> None:
    """Under the title of a notebook page: its student notebook and the zip; the theme's button offers it too."""
    if app.builder.name != "html" or not (pagename.startswith("notebooks/") or pagename == GUIDE):
        return

    def label(message: str) -> str:  # in Indonesian text, the English word "notebook" is a foreign term: italics
        shown = escape(_(message))
        return shown.replace("notebook", "<em>notebook</em>") if (app.config.language or "id") == "id" else shown

    up = f"{to_root(pagename)}{FOLDER}/"
    zipped = f'<a href="{up}{studentzip.name(app.config.language or "id")}.zip" download>{label("All notebooks, with the data and the package (zip)")}</a>'  # noqa: E501
    own = f"{up}{Path(pagename).name}.ipynb"
    links = zipped if pagename == GUIDE else f'<a href="{own}" download>{label("Download notebook")}</a> · {zipped}'
    box = f'<p class="ekraf-notebook"><i class="fa-solid fa-download" aria-hidden="true"></i> {links}</p>'
    body = context.get("body", "")
    at = body.find("</h1>")
    if at >= 0:
        context["body"] = body[: at + 5] + box + body[at + 5 :]
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []) if pagename != GUIDE else []:
            if button.get("text") == ".ipynb":
                button.update(url=own, tooltip=_("Download notebook"))


def setup(app):
    app.connect("html-page-context", _links, priority=950)  # after the theme made its header buttons
    app.connect("build-finished", _write)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
