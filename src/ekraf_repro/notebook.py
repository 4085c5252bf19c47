"""What every chapter notebook does with the package: one call to start, then glue.

A notebook computes; its Markdown places. Code cells glue text, tables and
figures under keys; the Markdown cells put them on the page with
``{glue:text}``, ``{glue:md}`` (inside a captioned ``table`` directive) and
``{glue:figure}`` (with its caption and alt text), so every sentence, caption
and alt text a reader sees lives in a Markdown cell, in the page's language.
Each glued output carries the language it was made for (output metadata
``ekraf.lang``).
"""

from collections.abc import Callable
from functools import cached_property

import pandas as pd

from . import figures, labels
from .errors import InputError
from .gluekeys import CONDITION, GLUE_PREFIX
from .params import Params, resolve


def _display(key: str, bundle: dict, lang: str, data: pd.DataFrame | None = None, **extra) -> None:
    """Glue ``bundle`` under ``key``; ``data``: the numbers a table shows or a figure draws, kept in the output's
    metadata as CSV (``ekraf.data``) for the book to offer beside it; ``extra``: more of the output's ``ekraf``
    metadata (a figure's printed size)."""
    from IPython.display import display

    meta = {"lang": lang, **extra}
    if data is not None:
        meta["data"] = data.to_csv(index=False, lineterminator="\n")
    display(
        {GLUE_PREFIX + k: v for k, v in bundle.items()},
        raw=True,
        metadata={"scrapbook": {"name": key, "mime_prefix": GLUE_PREFIX}, "ekraf": meta},
    )


class Bab:
    """One chapter's notebook: its parameters, its data, and the language(s) it writes."""

    def __init__(self, params: Params | None, bahasa: str):
        self.p = params
        self.langs = (bahasa,)

    @property
    def df(self) -> pd.DataFrame:
        return self.p.table

    @property
    def asli(self) -> bool:
        """Does this notebook read the book's own Tabel 1.1, whole? (False in a variant on other data or years.)"""
        return self.p is None or self.p.original

    @cached_property
    def audit(self):
        """The claims audit of this notebook's table, computed once."""
        from .audit import Audit

        return Audit(self.df if self.p is not None else None)

    def glue(self, make: Callable[["Bab", str], dict]) -> None:
        """Glue every ``key: text`` that ``make(self, lang)`` returns, for each language."""
        from . import escape, show

        for lang in self.langs:
            for key, value in make(self, lang).items():
                show.check_text(key, value)
                bundle = {"text/plain": repr(str(value))}
                if isinstance(value, show.FileName):  # placed with {glue:md}, set as code
                    bundle["text/markdown"] = escape.code(value)
                _display(key, bundle, lang)

    def condition(self, name: str, value: bool) -> None:
        """Record a fact about this run's data that decides which passages of the chapter apply.

        A Markdown cell tagged ``jika:<name>`` is shown only when the condition holds,
        one tagged ``jika-tidak:<name>`` only when it does not; after execution the
        pipeline tags the others ``remove-cell`` (:func:`ekraf_repro.bookmaker.run.execute.clean`),
        so they stay in the notebook for a run on other data.
        """
        for lang in self.langs:
            _display(f"{CONDITION}{name}", {"text/plain": repr("ya" if value else "tidak")}, lang)

    def conditions(self, make: Callable[["Bab"], dict[str, bool]]) -> None:
        """Record every condition ``make(self)`` returns (see :meth:`condition`)."""
        for name, value in make(self).items():
            self.condition(name, value)

    def table(self, key: str, make: Callable[["Bab", str], object]) -> None:
        """Glue the table ``make(self, lang)`` (a :class:`show.Table`) as Markdown under ``key``.

        Nothing is glued when it is None; a table without rows stops the notebook, naming it (issue 22): a comparison
        with nothing to compare is a sentence saying so, placed by a ``jika-tidak:`` passage, never an empty table
        (which also breaks Sphinx's LaTeX writer)."""
        for lang in self.langs:
            table = make(self, lang)
            if table is None:
                continue
            if table.frame.empty:
                raise ValueError(
                    f"table {key}: it has no rows for these data; return None and say so in a sentence instead"
                )
            _display(key, {"text/markdown": table.markdown(), "text/plain": repr(table)}, lang, table.data)

    def figure(self, key: str, make: Callable[["Bab", str], object]) -> None:
        """Glue the figure ``make(self, lang)`` as a PNG under ``key``, with its printed size (``ekraf.print``).

        Nothing is glued when it is None. A figure wider than the PDF's text, with text under 7 pt or that draws no
        data stops the notebook, naming it."""
        import base64

        import matplotlib.pyplot as plt

        for lang in self.langs:
            fig = make(self, lang)
            if fig is None:
                continue
            data = getattr(fig, "ekraf_data", None)
            if data is None:
                raise ValueError(f"figure {key}: it carries no data (return it through figures.with_data)")
            if data.empty:
                raise ValueError(f"figure {key}: it draws no data; return None and say so in a sentence instead")
            problems = figures.print_problems(fig, key)
            if problems:
                raise ValueError("; ".join(problems))
            printed = figures.print_size(fig)
            png = figures.png(fig)
            plt.close(fig)
            bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": f"<figure {key}>"}
            _display(key, bundle, lang, data, print=printed)


def prepare(bahasa: str = "id", **params) -> Params | None:
    """Check every parameter of the notebook, load its data when it has some, set the figure theme.

    ``bahasa`` is checked in every notebook, including those that read no table.
    """
    if bahasa not in labels.LANGUAGES:
        raise InputError(f"parameter bahasa={bahasa!r}: allowed values are {', '.join(labels.LANGUAGES)}")
    figures.theme()
    pd.set_option("display.width", 120)
    return resolve(bahasa=bahasa, **params) if params else None


def start(bahasa: str = "id", **params) -> Bab:
    """The chapter's :class:`Bab`, its parameters checked and its data loaded (:func:`prepare`)."""
    bab = Bab(prepare(bahasa, **params), bahasa)
    # Markdown cells tagged jika:bahasa_id / jika:bahasa_en are shown only in a run in that language.
    for lang in labels.LANGUAGES:
        bab.condition(f"bahasa_{lang}", lang == bahasa)
    return bab
