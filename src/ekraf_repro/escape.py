"""One escaping function per place a string from a user (a data file's name, a parameter's value) is written.

Each returns text that the target's own parser reads back as exactly the given text, with no element, role,
command or field of its own: :func:`html` (elements and attributes), :func:`myst` (MyST Markdown prose),
:func:`code` (a MyST inline code span), :func:`latex` (LaTeX), :func:`bibtex` (its fields), :func:`ris`
(one RIS line) and :func:`json` (JSON, also inside an HTML ``<script>``). The analysis writes a file's name into
the notebooks' glue and the book machine into its pages, so the module sits where both can read it. The strings
are one line: control characters (which no accepted file name holds, ``params.py``) become spaces.
"""

import html as _html
import json as _json
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character CommonMark lets one escape
LATEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
         "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip


def one_line(text: str) -> str:
    return _CONTROL.sub(" ", str(text))


def html(text: str) -> str:
    """For HTML text and attribute values (quotes included)."""
    return _html.escape(one_line(text), quote=True)


def myst(text: str) -> str:
    """For MyST Markdown prose: every ASCII punctuation backslash-escaped (no link, role, math, HTML or entity)."""
    return _PUNCTUATION.sub(r"\\\1", one_line(text))


def code(text: str) -> str:
    """A MyST inline code span: fenced by more backticks than any run inside, padded where CommonMark strips."""
    text = one_line(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" or (text[:1] == text[-1:] == " " and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def latex(text: str) -> str:
    """For LaTeX text: specials as commands, braces as commands too (so braces stay balanced, as BibTeX needs)."""
    return "".join(LATEX.get(ch, ch) for ch in one_line(text))


def bibtex(text: str) -> str:
    """For a BibTeX field written by pybtex, whose writer escapes ``_ % & #`` itself: :func:`latex` for the rest."""
    return "".join(ch if ch in "_%&#" else LATEX.get(ch, ch) for ch in one_line(text))


def ris(text: str) -> str:
    """For one RIS field: a single line (a line break would start another tag)."""
    return one_line(text).strip()


def json(value, indent: int | None = None) -> str:
    """JSON, safe inside an HTML ``<script>`` too: ``<``, ``>`` and ``&`` as ``\\u`` escapes."""
    out = _json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent)
    return out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
