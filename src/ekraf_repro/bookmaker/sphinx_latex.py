"""Sphinx extension for the PDF: a title page carrying the citation, generated from CITATION.cff."""

from .. import tanggal
from . import citation

LATEX_SPECIALS = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
}


def tex(text: str) -> str:
    """Escape LaTeX specials; ``*...*`` (Markdown emphasis) becomes italics."""
    out = "".join(LATEX_SPECIALS.get(ch, ch) for ch in text)
    parts = out.split("*")
    return "".join(f"\\textit{{{p}}}" if i % 2 else p for i, p in enumerate(parts))


def title_page(cff: dict) -> str:
    pc = cff["preferred-citation"]
    return rf"""
\begin{{titlepage}}
\centering
\vspace*{{2cm}}
{{\Huge\bfseries {tex(pc["title"])}\par}}
\vspace{{1.2cm}}
{{\Large A reproducible edition \textperiodcentered{{}} Edisi reproduksi\par}}
\vspace{{1.2cm}}
{{\large {tex(citation._authors(pc["authors"]))}\par}}
\vspace{{0.4cm}}
{{\large Versi {tex(pc.get("version", cff["version"]))} \textperiodcentered{{}} {tex(tanggal.show(str(cff["date-released"])))}\par}}
\vfill
\begin{{minipage}}{{0.85\textwidth}}
\small
\textbf{{Cara mengutip / How to cite}}\par\smallskip
{tex(citation.apa(cff))}\par\medskip
\textbf{{Makalah asli / Original paper}}\par\smallskip
{tex(citation.apa_original(cff))}\par\medskip
Lisensi: teks dan data {tex(cff["license"])}; kode MIT.
\end{{minipage}}
\end{{titlepage}}
"""


def _configure(app, config):
    cff = citation.load()
    elements = dict(config.latex_elements or {})
    elements["maketitle"] = title_page(cff)
    elements.setdefault("papersize", "a4paper")
    elements.setdefault("preamble", "")
    elements["preamble"] += "\n\\usepackage{newunicodechar}\n\\newunicodechar{✓}{\\checkmark}\n"
    config.latex_elements = elements


def _print_without_code(app):
    """The PDF is for reading and printing: code cells stay in the HTML (behind a toggle), not on paper."""
    if app.builder.name == "latex":
        app.config.nb_remove_code_source = True


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _print_without_code, priority=100)  # before myst-nb reads its config
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
