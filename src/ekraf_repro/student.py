"""What a student notebook does: the chapter's computations, shown in Jupyter, in one language.

The book's notebooks glue values that only the book can place (:mod:`.notebook`).
A student notebook (one per chapter and edition, generated from them by the book
machine, never edited by hand) runs the same code through this module instead:

- ``bab.glue(...)`` and ``bab.condition(...)`` keep the values and facts in the
  notebook's :class:`Bab`, showing nothing;
- ``bab.teks(template, jika=..., jika_tidak=...)`` shows a passage of prose as
  Markdown, with the values written into it (``{key}``, ``{key:md}`` for a value
  placed as Markdown); a passage whose condition does not hold shows nothing;
- ``bab.table(key, make, keterangan=...)`` and ``bab.figure(...)`` show the
  table or figure with its caption, as the output of the cell that makes it.

So a student who changes a parameter and runs all cells sees the prose, the
tables and the figures follow. The generator computes a student notebook's
stored outputs with the same functions (:func:`render`, :func:`table_bundle`,
:func:`figure_bundles`), and nbval checks that running it gives them again.

Importing this module in IPython makes a bad input (:class:`InputError`, a
missing file) show as one line that names the parameter or file and what to
do, instead of a traceback through the package.
"""

import re
import string
import sys

from . import figures, notebook, paths, show
from .errors import InputError
from .subsectors import placeholders

_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~$#"})


_CODE_SPAN = re.compile(r"(`+).+?\1", re.S)


def no_maths(markdown: str) -> str:
    """Markdown whose ``$`` Jupyter must not read as maths ("US$"): each escaped, except in code."""
    out, at = [], 0
    for m in _CODE_SPAN.finditer(markdown):
        out += [re.sub(r"(?<!\\)\$", r"\\$", markdown[at : m.start()]), m.group(0)]
        at = m.end()
    return "".join(out) + re.sub(r"(?<!\\)\$", r"\\$", markdown[at:])


def escape(text: str) -> str:
    """Text set literally in Markdown: every character that could start Markdown, HTML or maths escaped."""
    return str(text).translate(_MARKDOWN)


class _Prose(string.Formatter):
    """``{key}``: a value as text (escaped); ``{key:md}``: a value placed as Markdown (a file name as code)."""

    def get_value(self, key, args, values):
        if key not in values:
            raise KeyError(f"the text needs the value '{key}', which no cell of this notebook computed")
        return values[key]

    def format_field(self, value, spec):
        if spec == "md":
            return f"`{value}`" if isinstance(value, show.FileName) else str(value)
        if spec:
            raise ValueError(f"unknown format '{spec}' in the text")
        return escape(value)


def render(template: str | None, values: dict) -> str:
    """A passage, caption or alt text with its values written in."""
    return _Prose().format(template, **values) if template else ""


def prose_bundle(markdown: str) -> dict:
    return {"text/markdown": markdown, "text/plain": markdown}


def table_bundle(caption: str, table_markdown: str, table_text: str) -> dict:
    """A table as a student sees it: its caption (number and text) above it."""
    head = f"{caption}\n\n" if caption else ""
    return {"text/markdown": head + no_maths(table_markdown), "text/plain": head + table_text}


def figure_bundles(png_base64: str, caption: str, alt: str) -> list[dict]:
    """A figure (its alt text as the plain-text form), then its caption."""
    bundles = [{"image/png": png_base64, "text/plain": alt or "<figure>"}]
    return bundles + ([prose_bundle(caption)] if caption else [])


def _names(value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value or ())


def holds(facts: dict[str, bool], jika=(), jika_tidak=()) -> bool:
    """Does a passage tagged ``jika:`` (all must hold) and ``jika-tidak:`` (none may hold) apply?"""
    return all(facts.get(n, False) for n in _names(jika)) and not any(facts.get(n, False) for n in _names(jika_tidak))


def _display(bundle: dict) -> None:
    from IPython.display import display

    display(bundle, raw=True)


class Bab(notebook.Bab):
    """A chapter in a student notebook: values and facts kept, prose, tables and figures shown."""

    def __init__(self, params, bahasa: str):
        super().__init__(params, bahasa)
        self.values: dict = {}
        self.facts: dict[str, bool] = {}

    @property
    def lang(self) -> str:
        return self.langs[0]

    def glue(self, make) -> None:
        for key, value in make(self, self.lang).items():
            show.check_text(key, value)
            self.values[key] = value

    def condition(self, name: str, value: bool) -> None:
        self.facts[name] = bool(value)

    def _values(self) -> dict:
        """The glued values, and the template's ``{{name}}`` placeholders (the subsector of an appendix page)."""
        own = placeholders(self.p.subsektor, self.lang) if self.p is not None else {}
        return {**own, **self.values}

    def teks(self, template: str, jika=(), jika_tidak=()) -> None:
        """Show a passage of prose when its conditions hold (the newlines around it are not part of it)."""
        if holds(self.facts, jika, jika_tidak):
            _display(prose_bundle(render(template.strip("\n"), self._values())))

    def table(self, key: str, make, keterangan: str | None = None, jika=(), jika_tidak=()) -> None:
        """Show the table ``make(self, lang)`` with its caption (nothing when it is None or its passage is hidden)."""
        if not holds(self.facts, jika, jika_tidak):
            return
        table = make(self, self.lang)
        if table is not None:
            _display(table_bundle(render(keterangan, self._values()), table.markdown(), repr(table)))

    def figure(self, key: str, make, keterangan: str | None = None, alt: str | None = None, jika=(), jika_tidak=()):
        """Show the figure ``make(self, lang)`` with its caption (nothing when its passage is hidden)."""
        import base64

        import matplotlib.pyplot as plt

        if not holds(self.facts, jika, jika_tidak):
            return
        fig = make(self, self.lang)
        png = base64.b64encode(figures.png(fig)).decode("ascii")
        plt.close(fig)
        values = self._values()
        for bundle in figure_bundles(png, render(keterangan, values), render(alt, values)):
            _display(bundle)


_LANG = ["id"]  # the language of the notebook that started last (for the one-line errors)


def start(bahasa: str = "id", **params) -> Bab:
    """Check the parameters, load the data, and return the chapter's :class:`Bab` for a student notebook."""
    _LANG[0] = bahasa
    return Bab(notebook.prepare(bahasa, **params), bahasa)


# --------------------------------------------------------------------------- one-line errors in Jupyter

HINTS = {
    "id": {
        "parameter": "Ubah nilainya di sel parameter, lalu jalankan ulang semua sel.",
        "file": "Berkas dibaca relatif terhadap folder {root}. Periksa nilai data di sel parameter, atau "
        "kembalikan berkas itu ke tempatnya (misalnya dengan membongkar unduhan notebook lagi), lalu jalankan "
        "ulang semua sel.",
    },
    "en": {
        "parameter": "Change its value in the parameters cell, then run all cells again.",
        "file": "Files are read relative to the folder {root}. Check the value of data in the parameters cell, "
        "or put the file back in its place (for instance by unpacking the notebooks download again), then run "
        "all cells again.",
    },
}


def one_line(error: BaseException, lang: str | None = None) -> str:
    """What a student reads for a bad input: the problem, then what to do."""
    hints = HINTS.get(lang or _LANG[0], HINTS["id"])
    if isinstance(error, FileNotFoundError):
        name = paths.display(error.filename) if error.filename else str(error)
        return f"{name}: file not found. " + hints["file"].format(root=paths.ROOT)
    text = str(error)
    kind = "file" if "file not found" in text else "parameter"
    return f"{text}. " + hints[kind].format(root=paths.ROOT)


def _handler(shell, etype, value, tb, tb_offset=None):
    """Show only the exception's one line (IPython's public ``showtraceback``), not where it was raised."""
    shell.showtraceback((etype, etype(one_line(value)), None), exception_only=True)


def _install() -> None:
    """In IPython, show :class:`InputError` and a missing file as :func:`one_line` (the cell still fails)."""
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    if shell is not None:
        shell.set_custom_exc((InputError, FileNotFoundError), _handler)


_install()
