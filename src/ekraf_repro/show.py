"""What a notebook displays: glued text for the prose and numbered tables, in the reader's language.

Glued values are plain strings, already formatted for the language (``4.294.196,8``
or ``4,294,196.8``), so the committed outputs (what nbval compares) show the
real numbers. Tables render as MyST ``table`` directives with a caption and a
stable label, so Sphinx numbers them per chapter ("Tabel 1.2"). A table never
shows code: its headers come from :mod:`labels`, yes/no values read *ya*/*tidak*,
and a cell that still looks like code (``snake_case``, ``True``, an ISO date)
stops the notebook with the table, column and value named.
"""

import re
import string
from collections.abc import Callable

import pandas as pd

from . import idnum, labels, tanggal


class FileName(str):
    """A file's name shown to a reader: set as code (``tabel_saya.csv``), placed with ``{glue:md}``."""


def check_text(key: str, value) -> None:
    """Stop on a glued value that still looks like code (``snake_case``, ``True``, an ISO date).

    A :class:`FileName` is exempt: it is shown as code, which a reader recognises as a name. A name holds no
    ``/``; a backslash is a character of a name here (POSIX), escaped where it is written (``escape.code``)."""
    if isinstance(value, FileName):
        if "/" in value:
            raise ValueError(f"glue '{key}': {value!r} is a path; show the file's name only")
        return
    if labels.looks_like_code(str(value)):
        raise ValueError(f"glue '{key}': the value {str(value)!r} looks like code, not like text for a reader")


class Table:
    """A table for readers: headers from :mod:`labels`, cells already formatted, nothing that looks like code.

    Its caption and label are written where it is placed (a ``table`` directive
    around ``{glue:md}`` in a Markdown cell), in the page's language.
    """

    def __init__(self, frame: pd.DataFrame, lang: str = "id", index: bool = False):
        frame = frame.reset_index() if index else frame.copy()
        frame.columns = [labels.header(c, lang) for c in frame.columns]
        self.data = frame  # the values before formatting: the CSV beside the table
        self.frame = frame.apply(lambda col: col.map(lambda v: _cell(v, lang)))
        for col in self.frame.columns:
            for value in self.frame[col]:
                if labels.looks_like_code(value):
                    raise ValueError(
                        f"table column '{col}': the cell {value!r} looks like code; "
                        "give it a reader's wording (labels.term, tanggal.show, yes/no)"
                    )

    def markdown(self) -> str:
        """The table as a Markdown pipe table (numbers right-aligned)."""
        cols = [str(c) for c in self.frame.columns]
        lines = [
            "| " + " | ".join(cols) + " |",
            "|" + "|".join("--:" if _numeric(self.frame[c]) else ":--" for c in self.frame.columns) + "|",
        ]
        for row in self.frame.itertuples(index=False):
            lines.append("| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |")
        return "\n".join(lines)

    def __repr__(self) -> str:
        with pd.option_context("display.width", 200, "display.max_columns", 50, "display.max_colwidth", 80):
            return self.frame.to_string(index=False)


def _cell(value, lang: str) -> str:
    if isinstance(value, bool):
        return labels.yes_no(value, lang)
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return str(value)


_NUMBER = re.compile(r"^[\u2212+\-]?[\d.,]+%?$|^\u2013$")


def _numeric(col: pd.Series) -> bool:
    """Right-align a column when every cell reads as a number."""
    return bool(len(col)) and all(_NUMBER.match(str(v)) for v in col)


def formatted(frame: pd.DataFrame, fn: Callable[[float], str]) -> pd.DataFrame:
    """Apply a number formatter to every cell (NaN shown as an en dash)."""
    return frame.apply(lambda col: col.map(lambda v: "–" if pd.isna(v) else fn(v)))


def listing(items, lang: str = "id") -> str:
    """``[2019, 2021]`` -> ``'2019 dan 2021'``; three or more get commas.

    Indonesian ``'a, b, dan c'``, English ``'a, b and c'``. When an item holds a comma or the conjunction
    itself, semicolons part the items, so the reader sees where each ends: ``'a; b dan c; dan d'``.
    """
    words = [str(i) for i in items]
    conj = "dan" if lang == "id" else "and"
    if not words:
        return "–"
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {conj} {words[1]}"
    if any("," in w or f" {conj} " in w for w in words):
        return "; ".join(words[:-1]) + f"; {conj} {words[-1]}"
    comma = "," if lang == "id" else ""
    return ", ".join(words[:-1]) + f"{comma} {conj} {words[-1]}"


def lower_first(text: str) -> str:
    """A label as it reads inside a sentence: ``"Iklim usaha menurut Perda"`` -> ``"iklim usaha menurut Perda"``.

    Only the first letter is lowered, and not at all for an acronym (``"HKI ..."``),
    so proper names later in the label keep their capitals.
    """
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def span(a: int, b: int) -> str:
    """A period of years with an en dash: ``2018–2022``; one year is itself (``2021``, never ``2021–2021``)."""
    return str(a) if a == b else f"{a}\u2013{b}"


class _Facts(string.Formatter):
    """Fills ``{name}`` / ``{name:spec}`` from a dict of facts, formatting each value for the language.

    A value given as ``{"id": ..., "en": ...}`` is first narrowed to the language.
    Specs: ``w`` (a count in words where the text writes it so, :func:`idnum.words`),
    ``pct`` / ``pct1`` (percentages with 2 / 1 decimals), ``spct`` (signed),
    ``0``/``1``/``2`` (decimals), ``date`` (a date as the text writes it), ``cap`` (capitalised); lists are
    joined with :func:`listing`; other values are written as they are.
    """

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec):
        lang = self.lang
        if isinstance(value, dict) and lang in value:
            value = value[lang]
        if spec == "w":
            return idnum.words(value, lang)
        if spec == "cap":  # at the start of a sentence
            text = str(value)
            return text[:1].upper() + text[1:]
        if spec in ("pct", "pct1", "spct"):
            return idnum.pct(value, 1 if spec == "pct1" else 2, lang, sign=spec == "spct")
        if spec.isdigit():
            return idnum.fmt(value, int(spec), lang)
        if spec == "date":
            return tanggal.show(value, lang)
        if isinstance(value, (list, tuple)):
            return listing(value, lang)
        return str(value)


def fill(template: str, facts: dict, lang: str = "id") -> str:
    """A sentence from a template and the facts a check computed.

    ``fill('naik pada {naik}', {'naik': [2019, 2021]})`` -> ``'naik pada 2019 dan 2021'``.
    """
    return _Facts(lang).format(template, **facts)
