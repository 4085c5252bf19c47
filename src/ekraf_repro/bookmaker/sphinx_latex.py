"""Sphinx extension for the PDF: a title page carrying the citation, generated from CITATION.cff, in the edition's
language."""

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


def variant_box(variant) -> str:
    """The variant's identity on the title page, in a frame above the citation."""
    from .. import labels

    lines = [
        labels.label("varian_bukan_asli", variant.lang),
        labels.label("varian_data", variant.lang, berkas=variant.data_name, hash=variant.data_hash),
    ]
    if variant.changed:
        lines.append(labels.label("varian_param", variant.lang, param=variant.settings))
    lines.append(labels.label("varian_cara_kutip", variant.lang, tambahan=variant.citation_suffix()))
    body = r"\par\smallskip ".join(tex(line) for line in lines)
    return rf"\fbox{{\begin{{minipage}}{{0.8\textwidth}}\small {body}\end{{minipage}}}}\par\vspace{{0.8cm}}"


TITLE_PAGE = {
    "subtitle": ("Edisi reproduksi", "A reproducible edition"),
    "version": ("Versi", "Version"),
    "cite": ("Cara mengutip", "How to cite"),
    "original": ("Makalah asli", "The original paper"),
    "licence": ("Lisensi: teks dan data {lic}; kode MIT.", "Licence: text and data {lic}; code MIT."),
}


def title_page(cff: dict, variant=None, lang: str = "id") -> str:
    """The PDF's title page in the edition's language: title, authors, version and date, how to cite."""
    from . import generated

    t = {k: generated.pick(v, lang) for k, v in TITLE_PAGE.items()}
    pc = cff["preferred-citation"]
    title, authors = citation.edition(cff, lang)
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
{{\large {t["version"]} {tex(pc.get("version", cff["version"]))} \textperiodcentered{{}} {tex(tanggal.show(str(cff["date-released"]), lang))}\par}}
\vfill
{box}
\begin{{minipage}}[b]{{0.85\textwidth}}  % [b]: its last line sits on the type area's foot, not half below it
\small
\textbf{{{t["cite"]}}}\par\smallskip
{tex(citation.apa(cff, lang=lang))}\par\medskip
\textbf{{{t["original"]}}}\par\smallskip
{tex(citation.apa_original(cff, lang))}\par\medskip
{tex(t["licence"].format(lic=cff["license"].replace("-", " ")))}
\end{{minipage}}
\end{{titlepage}}
"""


def _configure(app, config):
    from .variant import from_config

    cff = citation.load()
    elements = dict(config.latex_elements or {})
    lang = (config.language or "id").split("_")[0]
    elements["maketitle"] = title_page(cff, from_config(getattr(config, "ekraf_variant", None)), lang)
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
