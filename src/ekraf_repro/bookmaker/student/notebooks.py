"""Student notebooks (issue 21): a chapter's executed notebook rewritten for Jupyter, in one language.

Only the edition's passages stay: plain Markdown when nothing in them is computed or conditional, else a hidden
code cell that writes them through :meth:`ekraf_repro.student.Bab.teks` when it runs. Cross-references and
citations become the text this very Sphinx build prints; each table and figure gets a cell of its own where the
book places it; ``glue`` and ``condition`` calls move into the first code cell (:mod:`.code`). Stored outputs are
computed from the executed notebook's glued outputs, so no kernel runs here (nbval reruns them in
tests/test_student.py). Anything not understood stops with the notebook, the cell and the text named.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable

import nbformat

from ... import student
from ...params import DEFAULTS
from ...show import FileName
from ...subsectors import placeholders
from .. import settings
from .code import Code, NotConvertible, assignments, cell_source, conditions, glued_outputs, literal, tagged

ROLE = re.compile(r"\{(?P<role>[a-z][\w:-]*)\}`(?P<text>[^`]+)`|\{\{(?P<fill>\w+)\}\}")
OPTIONS = r"(?P<options>(?::[\w-]+:[^\n]*\n)*)\n*"  # a directive's :name: value lines
TABLE = re.compile(r"^:::\{table\}[ \t]*(?P<caption>[^\n]*)\n" + OPTIONS + r"(?P<body>.*?)\n:::[ \t]*$", re.M | re.S)
FIGURE = re.compile(r"^```\{glue:figure\}[ \t]+(?P<key>\S+)\n" + OPTIONS + r"(?P<caption>.*?)\n```[ \t]*$", re.M | re.S)
GLUE_MD = re.compile(r"```\{glue:md\}[ \t]+(?P<key>\S+)\n(?::[\w-]+:.*\n)*```")
LABEL = re.compile(r"^\([\w.:{}-]+\)=[ \t]*$\n?", re.M)
RESOLVED = ("numref", "ref", "doc", "cite:")  # roles that the book's build resolves to text
LEFT_OVER = re.compile(r"\{\{(glue|cite|numref|ref|doc)|:::\{\{|```\{\{|^\([\w.:{}-]+\)=", re.M)

NOTE = {
    "id": "**{title}**: *notebook* ini adalah halaman buku itu untuk dijalankan ulang di Jupyter, dalam bahasa "
    "Indonesia. Pilih *Run › Run All Cells* untuk menghitung ulang semua angka, tabel, dan gambar. {params}"
    "Teks di bawah ditulis oleh sel kode yang masukannya disembunyikan (klik tanda ⋯ untuk melihat kodenya), "
    "sehingga angka di dalam kalimat ikut dihitung ulang.",
    "en": "**{title}**: this notebook is that book's page for rerunning in Jupyter, in English. Choose "
    "*Run › Run All Cells* to compute every number, table and figure again. {params}The text below is written "
    "by code cells whose input is hidden (click ⋯ to see their code), so the numbers in its sentences are "
    "computed again too.",
}
NOTE_PARAMS = {
    "id": "Ubah nilai di sel parameter (misalnya `subsektor`), lalu jalankan lagi semua sel: teks, tabel, dan "
    "gambar mengikuti nilai yang baru. ",
    "en": "Change a value in the parameters cell (for instance `subsektor`), then run all cells again: the text, "
    "tables and figures follow the new value. ",
}
PARAMS_COMMENT = {
    "id": "# Parameter: ubah nilainya, lalu jalankan semua sel. Berkas data dibaca relatif terhadap folder yang\n"
    "# memuat data/; None berarti tahun pertama atau terakhir di data.",
    "en": "# Parameters: change a value, then run all cells. The data file is read relative to the folder that\n"
    "# holds data/; None means the first or last year in the data.",
}
LANGUAGE_COMMENT = {"id": "bahasa notebook ini", "en": "the language of this notebook"}


class _Prose:
    """MyST prose of one notebook, rewritten as Markdown templates for :func:`ekraf_repro.student.render`."""

    def __init__(self, where: str, resolve: Callable, number: Callable, fills: dict):
        self.where, self.resolve, self.number, self.fills = where, resolve, number, fills

    def fail(self, what: str) -> None:
        raise NotConvertible(f"{self.where}: {what}")

    @staticmethod
    def plain(text: str) -> str:
        """Prose text: ``$`` escaped outside code (Jupyter would read maths), braces kept literal."""
        return student.no_maths(text).replace("{", "{{").replace("}", "}}")

    def role(self, m: re.Match) -> str:
        if m["fill"]:
            if m["fill"] not in self.fills:
                self.fail(f"unknown placeholder {m.group(0)}")
            return "{" + m["fill"] + "}"
        role, text = m["role"], m["text"].strip()
        if role in ("glue", "glue:text"):
            return "{" + text + "}"
        if role == "glue:md":
            return "{" + text + ":md}"
        if role in RESOLVED or role.startswith("cite:"):
            return student.escape(self.resolve(role, text)).replace("{", "{{").replace("}", "}}")
        self.fail(f"the role {{{role}}} has no reading in a student notebook: {m.group(0)}")

    def template(self, text: str) -> str:
        text = LABEL.sub("", text).strip()
        out, at = [], 0
        for m in ROLE.finditer(text):
            out += [self.plain(text[at : m.start()]), self.role(m)]
            at = m.end()
        out = "".join(out + [self.plain(text[at:])])
        if LEFT_OVER.search(out):
            self.fail(f"MyST syntax left in the text: {LEFT_OVER.search(out).group(0)!r} in {text[:120]!r}")
        return out

    def caption(self, kind: str, options: dict, text: str) -> str:
        label = settings.fill(options.get("name", ""), self.fills)
        number = self.number(kind, label) if label else None
        return (f"**{number}** " if number else "") + self.template(text)

    def pieces(self, source: str) -> list[dict]:
        """The passage as runs of text and the places of its tables and figures, in order."""
        found = [(m.start(), m.end(), "table", m) for m in TABLE.finditer(source)]
        found += [(m.start(), m.end(), "figure", m) for m in FIGURE.finditer(source)]
        out, at = [], 0
        for start, end, kind, m in sorted(found, key=lambda f: f[0]):
            options = dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", m["options"], flags=re.M))
            text = source[at:start]
            glue = GLUE_MD.fullmatch(m["body"].strip()) if kind == "table" else None
            out.append({"text": self.template(text)})
            if kind == "figure" or glue:
                key = m["key"] if kind == "figure" else glue["key"]
                alt = self.template(options.get("alt", ""))
                out.append({"key": key, "kind": kind, "caption": self.caption(kind, options, m["caption"]), "alt": alt})
            else:  # a table written in the prose: its caption above it
                out.append({"text": self.caption(kind, options, m["caption"]) + "\n\n" + self.template(m["body"])})
            at = end
        out.append({"text": self.template(source[at:])})
        merged: list[dict] = []
        for piece in out:  # runs of text next to each other become one
            if merged and "key" not in piece and "key" not in merged[-1]:
                merged[-1] = {"text": "\n\n".join(t for t in (merged[-1]["text"], piece["text"]) if t)}
            else:
                merged.append(piece)
        return [p for p in merged if p.get("key") or p["text"]]


# --------------------------------------------------------------------------- the notebook


def _conditions(tags: set[str]) -> tuple[tuple, tuple, str]:
    """A passage's conditions (its language tag aside), and the arguments that pass them on."""
    yes, no = tagged([t for t in tags if not t.startswith("jika:bahasa_")])
    return yes, no, (f", jika={_py(yes)}" if yes else "") + (f", jika_tidak={_py(no)}" if no else "")


class _Student:
    """A student notebook being written: its cells, and the values and facts of the run it shows."""

    def __init__(self, name: str, cells: list[dict], params: dict, lang: str, bab: str):
        self.name, self.bab, self.out = name, bab, []
        self.glued = glued = glued_outputs(cells)
        self.facts = conditions(cells)
        texts = {k: literal(v.get("text/plain", "")) for k, v in glued.items()}
        texts = {k: FileName(v) if "text/markdown" in glued[k] else v for k, v in texts.items() if isinstance(v, str)}
        self.fills = placeholders(literal(params.get("subsektor", repr(DEFAULTS["subsektor"]))), lang) if params else {}
        self.values = {**self.fills, **texts}
        self.placed: set[str] = set()

    def markdown(self, cid: str, text: str) -> None:
        self.out.append(nbformat.v4.new_markdown_cell(text, id=cid))

    def code(self, cid: str, source: str, outputs: list[dict], hidden: bool = True, display: bool = True) -> None:
        count = sum(1 for c in self.out if c.cell_type == "code") + 1
        cell = nbformat.v4.new_code_cell(source, id=cid, execution_count=count)
        shown = [{"output_type": "display_data", "data": b, "metadata": {}} for b in outputs] if display else outputs
        cell.outputs = [nbformat.from_dict(o) for o in shown]
        if hidden:
            cell.metadata["jupyter"] = {"source_hidden": True}
        self.out.append(cell)

    def passage(self, cid: str, piece: dict, yes: tuple, no: tuple, args: str) -> None:
        """A run of prose: Markdown when nothing in it is computed, else a ``teks`` cell that writes it."""
        fields = [f for _, f, _, _ in string.Formatter().parse(piece["text"]) if f is not None]
        if not args and not fields:
            return self.markdown(cid, student.render(piece["text"], {}))
        shown = []
        if student.holds(self.facts, yes, no):
            shown = [student.prose_bundle(student.render(piece["text"], self.values))]
        self.code(cid, f"bab.teks(\n{_triple(piece['text'])}{args}\n)", shown)

    def place(self, cid: str, piece: dict, code: Code, yes: tuple, no: tuple, args: str) -> None:
        """The statement that makes a table or figure, given its caption and conditions, where its passage puts it."""
        key = piece["key"]
        if key not in code.makers:
            raise NotConvertible(f"{self.name}: cell {cid} places '{key}', which no code cell makes")
        seg, free, _ = code.makers[key]
        if not free <= code.bound:
            raise NotConvertible(f"{self.name}: {seg!r} reads names set only later; make it in the first code cell")
        self.placed.add(key)
        extra = f", keterangan={_py(piece['caption'])}" + (f", alt={_py(piece['alt'])}" if piece["alt"] else "")
        data, shown = self.glued.get(key), []
        caption = student.render(piece["caption"], self.values)
        if data and student.holds(self.facts, yes, no) and piece["kind"] == "table":
            shown = [student.table_bundle(caption, data["text/markdown"], data["text/plain"])]
        elif data and student.holds(self.facts, yes, no):
            shown = student.figure_bundles(data["image/png"], caption, student.render(piece["alt"], self.values))
        self.code(cid, seg.rstrip()[:-1].rstrip().rstrip(",") + extra + args + ")", shown)


def make(nb: dict, lang: str, *, name: str, title: str, resolve: Callable, number: Callable, prose: dict | None = None):
    """The student notebook of the executed notebook ``nb`` (edition ``lang``), as a notebook node.

    ``resolve(role, text)``: a cross-reference or citation as the book prints it; ``number(kind, label)``: the number of
    a table or figure ("Tabel 4.3", None when unnumbered); ``prose``: Markdown by cell id to use instead of the
    notebook's (the appendix template's, with its ``{{name}}`` placeholders); ``name`` names the notebook in errors.
    """
    cells = settings.strip_other_language(nb, lang)["cells"]
    tags = [set(c.get("metadata", {}).get("tags", [])) for c in cells]
    code_cells = [i for i, c in enumerate(cells) if c["cell_type"] == "code"]
    params = next((i for i in code_cells if "parameters" in tags[i]), None)
    injected = next((i for i in code_cells if "injected-parameters" in tags[i]), None)
    first = next((i for i in code_cells if i not in (params, injected)), None)
    if first is None:
        raise NotConvertible(f"{name}: no code cell after the parameters")
    values = {**assignments(cell_source(cells[params]))} if params is not None else {}
    values.update(assignments(cell_source(cells[injected])) if injected is not None else {})
    values.pop("bahasa", None)
    code = Code(name, cells, first, set(values) | {"bahasa"})
    nbk = _Student(name, cells, values, lang, code.bab)
    nbk.markdown("pengantar", NOTE[lang].format(title=title, params=NOTE_PARAMS[lang] if values else ""))
    if values:
        listed = "\n".join(f"{k} = {v}" for k, v in values.items())
        nbk.code(cells[params].get("id", "parameter"), f"{PARAMS_COMMENT[lang]}\n{listed}", [], hidden=False)
        nbk.out[-1].metadata["tags"] = ["parameters"]
    setup = [f"bahasa = {_py(lang)}  # {LANGUAGE_COMMENT[lang]}", *code.setup]
    nbk.code(cells[first].get("id", "mulai"), "\n".join(setup), [])
    for i, cell in enumerate(cells):
        cid = cell.get("id", f"sel{i}")
        if cell["cell_type"] == "markdown":
            yes, no, args = _conditions(tags[i])
            prose_ = _Prose(f"{name}: cell {cid}", resolve, number, nbk.fills)
            for n, piece in enumerate(prose_.pieces((prose or {}).get(cid, cell_source(cell)))):
                if piece.get("key"):
                    nbk.place(f"{cid}-{piece['key']}".replace("_", "-"), piece, code, yes, no, args)
                else:
                    nbk.passage(cid if n == 0 else f"{cid}-{n}", piece, yes, no, args)
        elif code.kept.get(i) and i != first:
            split = i in code.split
            source = "\n".join(code.kept[i]) if split else cell_source(cell)
            nbk.code(cid, source, [] if split else cell.get("outputs", []), "hide-input" in tags[i], display=False)
    unplaced = sorted(set(code.makers) - nbk.placed)
    if unplaced:
        raise NotConvertible(f"{name}: '{unplaced[0]}' is made by a code cell but placed by no passage")
    meta = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}}
    meta["language_info"] = nb.get("metadata", {}).get("language_info", {"name": "python"})
    return nbformat.v4.new_notebook(cells=nbk.out, metadata=meta)


def _py(value) -> str:
    """A Python literal for a string or a tuple of strings (double quotes, like the book's code)."""
    if isinstance(value, tuple):
        return "(" + ", ".join(map(_py, value)) + ("," if len(value) == 1 else "") + ")"
    return json.dumps(value, ensure_ascii=False)


def _triple(text: str) -> str:
    """A template as a raw triple-quoted string when it can be one, else an escaped one."""
    if '"""' not in text and not text.endswith("\\"):
        return f'    r"""\n{text}\n"""'
    return "    " + json.dumps("\n" + text + "\n", ensure_ascii=False)


def dumps(nb) -> str:
    """A notebook's bytes as written: nbformat's layout, keys sorted, one newline at the end."""
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
