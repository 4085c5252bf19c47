"""The PDF typeset as a book (issue 24), LaTeX builder only: ``ekraf.sty`` (running heads, caption labels, the
column types of :mod:`.latex_tables`, a record of the type area in the log for the PDF tests), column widths measured
from every table's content, and the names of ``data/coded/aktor.csv`` never hyphenated (a person's or the firm's
name never broken across lines).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex.util import ExtBabel
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import latex_tables

STY = Path(__file__).with_name("ekraf.sty")
PERSON = "tokoh"  # the kind of actor that is a person (data/coded/aktor.csv, column jenis)
FIRM = "perusahaan"  # a firm, whose name is not hyphenated either ("Kriya Nusantara & Golya")
_NO_TEXT = (nodes.literal_block, nodes.literal, nodes.raw, nodes.math, nodes.math_block, nodes.comment)


def names(srcdir: Path) -> tuple[list[str], list[str], list[str]]:
    """The countries, people and firms named in the coded actors (``data/coded/aktor.csv``)."""
    path = Path(srcdir) / "data" / "coded" / "aktor.csv"
    if not path.is_file():  # a project without the coded actors (a test's small book): no names to keep whole
        return [], [], []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))

    def of(kind: str) -> list[str]:
        return sorted({r[col] for r in rows if r["jenis"] == kind for col in ("nama", "nama_en") if r[col]})

    return sorted({r["negara"] for r in rows if r["negara"]}), of(PERSON), of(FIRM)


def _sphinx_language(config) -> str:
    """The name under which Sphinx writes its caption names (``\\captions<name>``)."""
    return ExtBabel(config.language or "en", config.latex_engine in ("xelatex", "lualatex")).get_language()


def _configure(app, config) -> None:
    countries, people, firms = names(Path(app.srcdir))
    # the names' words, and a country's adjective ("Indonesian", "Malaysian"), which may not be hyphenated either
    words = {w for name in countries + people + firms for w in re.findall(r"[^\W\d_]{2,}", name)}
    words = sorted(words | {f"{country}n" for country in countries if country.endswith("a")})
    elements = dict(config.latex_elements or {})
    ours = ["% ekraf.sty (bookmaker/sphinxext/latex_style.py)", rf"\ekrafcaptionsfrom{{{_sphinx_language(config)}}}"]
    ours.append(rf"\ekrafnohyphenation{{{' '.join(words)}}}")
    elements["preamble"] = elements.get("preamble", "") + "\n" + "\n".join(ours) + "\n"
    config.latex_elements = elements
    app.ekraf_people = people + firms  # names kept on one line


def _ship_style(app) -> None:
    if app.builder.name == "latex":
        app.config.latex_additional_files = [*app.config.latex_additional_files, str(STY)]


class KeepNamesWhole(SphinxPostTransform):
    """A person's or the firm's name on one line in the PDF: its spaces become no-break spaces."""

    default_priority = 390
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        people = [p for p in getattr(self.app, "ekraf_people", []) if " " in p]
        if not people:
            return
        pattern = re.compile("|".join(re.escape(p) for p in sorted(people, key=len, reverse=True)))
        for text in list(self.document.findall(nodes.Text)):
            if any(isinstance(a, _NO_TEXT) for a in _ancestors(text)) or not pattern.search(text):
                continue
            text.parent.replace(text, nodes.Text(pattern.sub(lambda m: m[0].replace(" ", "\u00a0"), str(text))))


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


class TableColumns(SphinxPostTransform):
    """Column widths from the content for every table (:mod:`.latex_tables`), and long tables that break."""

    default_priority = 400
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        for table in list(self.document.findall(nodes.table)):
            if any(isinstance(a, nodes.table) for a in _ancestors(table)):
                continue  # a nested table: Sphinx sets it as it can
            index = table.parent.index(table)
            if index and isinstance(table.parent[index - 1], addnodes.tabular_col_spec):
                continue  # the source gave its own specification
            rows = _rows(table)
            if rows is None:
                continue
            columns = latex_tables.measure(rows)
            table.parent.insert(index, addnodes.tabular_col_spec(spec=latex_tables.spec(columns)))
            if latex_tables.is_long(columns) and "longtable" not in table["classes"]:
                table["classes"].append("longtable")


def _rows(table) -> list[list[latex_tables.Cell]] | None:
    """The table's cells, each paragraph as runs of text in their fonts; None when a cell spans rows or
    columns (Sphinx then sets the table as it can)."""
    rows = []
    for part in table.findall(lambda n: isinstance(n, (nodes.thead, nodes.tbody))):
        header = isinstance(part, nodes.thead)
        for row in part.children:
            cells = []
            for entry in row.children:
                if entry.get("morecols") or entry.get("morerows"):
                    return None
                blocks = list(entry.findall(nodes.paragraph)) or [entry]
                paragraphs = [_runs(block, latex_tables.HEAD if header else latex_tables.BODY) for block in blocks]
                cells.append(latex_tables.Cell(paragraphs, header, "text-right" in entry.get("classes", [])))
            rows.append(cells)
    return rows or None


def _runs(block, font: str) -> latex_tables.Paragraph:
    runs = []
    for text in block.findall(nodes.Text):
        code = any(isinstance(a, nodes.literal) for a in _ancestors(text))
        runs.append((str(text), latex_tables.MONO if code else font))
    return runs


def setup(app):
    app.add_latex_package("ekraf")
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _ship_style)
    app.add_post_transform(KeepNamesWhole)
    app.add_post_transform(TableColumns)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
