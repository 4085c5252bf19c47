"""Sphinx extension for the PDF: a title page carrying the citation, generated from CITATION.cff, in the edition's
language, and no code cells on paper (nor in the EPUB)."""

from pathlib import Path

from ... import escape, tanggal
from .. import guards, settings, text
from ..cite import items
from ..variant import from_config


def tex(text: str) -> str:
    """Escape LaTeX specials; ``*...*`` (Markdown emphasis) becomes italics."""
    parts = escape.latex(text).split("*")
    return "".join(f"\\textit{{{p}}}" if i % 2 else p for i, p in enumerate(parts))


def variant_box(variant) -> str:
    """The variant's identity on the title page, in a frame above the citation."""
    body = r"\par\smallskip ".join(variant.statements(escape.latex, escape.latex))  # a name's * stays a star
    return rf"\fbox{{\begin{{minipage}}{{0.8\textwidth}}\small {body}\end{{minipage}}}}\par\vspace{{0.8cm}}"


def title_page(cff: dict, variant=None, lang: str = "id") -> str:
    """The PDF's title page in the edition's language: title, authors, version and date, how to cite."""
    t = text.group("cite", lang)
    title, authors = settings.edition(cff, lang)
    box = variant_box(variant) if variant else ""
    return rf"""
\begin{{titlepage}}
\centering
\vspace*{{2cm}}
{{\Huge\bfseries {tex(variant.title(title) if variant else title)}\par}}
\vspace{{1.2cm}}
{{\Large {t["subtitle"]}\par}}
\vspace{{1.2cm}}
{{\large {tex(authors)}\par}}
\vspace{{0.4cm}}
{{\large {t["version"]} {tex(str(cff["version"]))} \textperiodcentered{{}} {tex(tanggal.show(str(cff["date-released"]), lang))}\par}}
\vfill
{box}
\begin{{minipage}}[b]{{0.85\textwidth}}  % [b]: its last line sits on the type area's foot, not half below it
\small
\textbf{{{t["title"]}}}\par\smallskip
{tex(items.render([items.book(cff, lang)], lang, "markdown")[0])}\par\medskip
\textbf{{{t["original"]}}}\par\smallskip
{tex(items.render([items.paper(cff, lang)], lang, "markdown")[0])}\par\medskip
{tex(t["licence_short"].format(lic=cff["license"].replace("-", " ")))}
\end{{minipage}}
\end{{titlepage}}
"""


def _configure(app, config):
    cff = settings.cff(Path(app.srcdir))
    elements = dict(config.latex_elements or {})
    lang = settings.lang(config.language)
    elements["maketitle"] = title_page(cff, from_config(getattr(config, "ekraf_variant", None)), lang)
    elements.setdefault("papersize", "a4paper")
    elements.setdefault("preamble", "")
    elements["preamble"] += "\n\\usepackage{newunicodechar}\n\\newunicodechar{✓}{\\checkmark}\n"
    config.latex_elements = elements


def _print_without_code(app):
    """Code cells stay in the HTML (behind a toggle), not on paper or in an e-reader: myst-nb's own setting."""
    if app.builder.name in ("latex", "epub"):
        guards.check("remove-code-for-print")
        app.config.nb_remove_code_source = True


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _print_without_code, priority=100)  # before myst-nb reads its config
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
