"""What a notebook displays: glued text for the prose and numbered tables.

Glued values are plain strings, already formatted the Indonesian way, so
the committed outputs (what nbval compares) show the real numbers.
Tables render as MyST ``table`` directives with a caption and a stable label,
so Sphinx numbers them per chapter ("Tabel 1.2").
"""
import re
from collections.abc import Callable

import pandas as pd

from . import idnum


def glue(key: str, value, **fmt) -> None:
    """Glue ``value`` under ``key`` for ``{glue:text}``.

    Numbers are formatted with :func:`idnum.fmt` (``fmt`` passes ``decimals``
    and ``lang``); strings are glued as they are. The stored text/plain is the
    string's repr, which ``{glue:text}`` unquotes and nbval compares.
    """
    from myst_nb import glue as _glue

    text = value if isinstance(value, str) else idnum.fmt(value, **fmt)
    _glue(key, str(text), display=False)


def glue_pct(key: str, value: float, decimals: int = 2, lang: str = "id", sign: bool = False) -> None:
    """Glue a percentage (``-23.5`` -> ``−23,50%``)."""
    glue(key, idnum.pct(value, decimals, lang, sign))


class Table:
    """A numbered table: caption, label (``name``) and already formatted cells."""

    def __init__(self, frame: pd.DataFrame, caption: str, name: str, index: bool = True):
        self.frame = frame.reset_index() if index else frame
        self.caption = caption
        self.name = name

    def _repr_markdown_(self) -> str:
        cols = [str(c) for c in self.frame.columns]
        lines = [
            f":::{{table}} {self.caption}",
            f":name: {self.name}",
            ":align: center",
            "",
            "| " + " | ".join(cols) + " |",
            "|" + "|".join("--:" if _numeric(self.frame[c]) else ":--" for c in self.frame.columns) + "|",
        ]
        for row in self.frame.itertuples(index=False):
            lines.append("| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |")
        lines.append(":::")
        return "\n".join(lines)

    def __repr__(self) -> str:
        with pd.option_context("display.width", 200, "display.max_columns", 50, "display.max_colwidth", 80):
            body = self.frame.to_string(index=False)
        return f"{self.caption} [{self.name}]\n{body}"


_NUMBER = re.compile(r"^[\u2212+\-]?[\d.,]+%?$|^\u2013$")


def _numeric(col: pd.Series) -> bool:
    """Right-align a column when every cell reads as a number."""
    return bool(len(col)) and all(_NUMBER.match(str(v)) for v in col)


def formatted(frame: pd.DataFrame, fn: Callable[[float], str]) -> pd.DataFrame:
    """Apply a number formatter to every cell (NaN shown as an en dash)."""
    return frame.apply(lambda col: col.map(lambda v: "–" if pd.isna(v) else fn(v)))


def listing(items, lang: str = "id") -> str:
    """``[2019, 2021]`` -> ``'2019 dan 2021'``; three or more get commas (``'a, b, dan c'``)."""
    words = [str(i) for i in items]
    conj = "dan" if lang == "id" else "and"
    if not words:
        return "–"
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {conj} {words[1]}"
    return ", ".join(words[:-1]) + f", {conj} {words[-1]}"


def span(a: int, b: int) -> str:
    """A period of years with an en dash: ``2018–2022``."""
    return f"{a}\u2013{b}"
