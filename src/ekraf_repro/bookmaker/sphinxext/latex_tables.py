"""Column widths for the PDF's tables (issue 24), measured in the fonts the PDF sets them in.

A column's natural width is its widest cell on one line, its minimum its widest word (cells are never
hyphenated); :func:`widths` shares the line as browsers' automatic table layout does. A table taller than a third
of a page becomes a long table. :func:`spec` writes a ``tabularcolumns`` specification with ``ekraf.sty``'s
column types ``\\ekrafL`` (ragged right) and ``\\ekrafR`` (numbers).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

FONTS = Path("/usr/share/fonts/opentype/freefont")  # Debian's fonts-freefont-otf, which the PDF is set in
BODY, HEAD, MONO = "FreeSerif.otf", "FreeSans.otf", "FreeMono.otf"  # cells, header cells (sans), inline code
PAPER = (597.508, 845.047)  # A4 in TeX points (72.27 to the inch; the PDF counts 595.28 x 841.89 big points)
MARGIN = 72.27  # one inch on every side (Sphinx's default geometry, which the book keeps)
TEXT_WIDTH, TEXT_HEIGHT = PAPER[0] - 2 * MARGIN, PAPER[1] - 2 * MARGIN
TABLE_SIZE, TABLE_LEADING = 9.0, 11.0  # \small in a 10 pt book (ekraf.sty, \ekraf@tablefont)
TABCOLSEP = 6.0
SAFETY = 1.02  # bold or italic words, ligatures: never short
LONG_TABLE = TEXT_HEIGHT / 3  # taller than this, a table breaks between rows instead of moving whole
_SPACE = re.compile(r"([ \t\r\n]+)")  # not U+00A0: a name joined by no-break spaces is one word
_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")  # TeX may break after a hyphen between letters

Run = tuple[str, str]  # a piece of text and the font it is set in
Paragraph = list[Run]


class FontMissing(RuntimeError):
    pass


@cache
def _font(name: str):
    from matplotlib.ft2font import FT2Font

    path = FONTS / name
    if not path.is_file():
        raise FontMissing(
            f"{path} not found: the PDF is set in FreeSerif/FreeSans (Debian fonts-freefont-otf; bash .ci/system-deps)"
        )
    return FT2Font(str(path))


@cache
def width(text: str, font: str = BODY, size: float = TABLE_SIZE) -> float:
    """The advance width of ``text`` on one line, in points, as XeTeX sets it (unhinted, at a resolution fine
    enough that no rounding to pixels creeps in)."""
    from matplotlib.ft2font import LoadFlags

    if not text:
        return 0.0
    face = _font(font)
    face.set_size(size, 7200)
    face.set_text(text.replace("\u00a0", " "), 0.0, flags=LoadFlags.NO_HINTING)
    return face.get_width_height()[0] / 6400.0


def units(paragraph: Paragraph) -> list[Paragraph]:
    """The pieces of a paragraph a line may not break inside: words (a name joined by no-break spaces stays
    whole), split after a hyphen between letters; a word may change font midway (``(`id`)``)."""
    pieces: list[Paragraph] = [[]]
    for text, font in paragraph:
        for chunk in _SPACE.split(text):
            if not chunk:
                continue
            if _SPACE.fullmatch(chunk):
                pieces.append([])
                continue
            parts = [chunk] if font == MONO else _HYPHEN.split(chunk)
            pieces[-1].append((parts[0], font))
            for part in parts[1:]:
                pieces.append([(part, font)])
    return [p for p in pieces if p]


def run_width(runs: Paragraph) -> float:
    return sum(width(text, font) for text, font in runs)


def line_width(paragraph: Paragraph) -> float:
    """The paragraph set on one line (spaces collapsed, as TeX sets them)."""
    return run_width([(re.sub(r"[ \t\r\n]+", " ", text), font) for text, font in paragraph])


@dataclass
class Cell:
    paragraphs: list[Paragraph]
    header: bool = False
    right: bool = False  # right-aligned: a number


@dataclass
class Column:
    natural: float = 0.0  # the widest body cell on one line
    typical: float = 0.0  # wide enough for three body cells in four on one line
    minimum: float = 0.0  # the widest unbreakable piece, header included
    heading: float = 0.0  # the header on one line
    numeric: bool = True  # every body cell right-aligned (a number)
    cells: list[Cell] = field(default_factory=list)  # the body cells


def measure(rows: list[list[Cell]]) -> list[Column]:
    columns: list[Column] = []
    for row in rows:
        for i, cell in enumerate(row):
            while len(columns) <= i:
                columns.append(Column())
            col = columns[i]
            natural = max([line_width(p) * SAFETY for p in cell.paragraphs] or [0.0])
            col.minimum = max([col.minimum] + [run_width(u) * SAFETY for p in cell.paragraphs for u in units(p)])
            if cell.header:
                col.heading = max(col.heading, natural)
            else:
                col.natural = max(col.natural, natural)
                col.numeric = col.numeric and cell.right
                col.cells.append(cell)
    for col in columns:
        col.natural = max(col.natural, col.minimum)
        ones = sorted(max([line_width(p) * SAFETY for p in c.paragraphs] or [0.0]) for c in col.cells) or [0.0]
        col.typical = min(col.natural, max(col.minimum, ones[math.ceil(0.75 * len(ones)) - 1]))
    return columns


def _share(least: list[float], most: list[float], room: float) -> list[float]:
    """Give every column ``least`` and share what is left of ``room`` in proportion to ``most - least``."""
    need = [m - n for n, m in zip(least, most)]
    spare = room - sum(least)
    if sum(need) <= 0:
        return least
    return [n + spare * d / sum(need) for n, d in zip(least, need)]


def widths(columns: list[Column], line: float = TEXT_WIDTH) -> list[float]:
    """Content widths of the columns (without the space between columns) for a line of ``line`` points.

    At their natural width with the header on one line when that fits; else the body at its natural width and
    the headers wrapped, with what is left widening the columns whose header would like it; else each column
    wide enough for most of its cells (three in four) on one line and the rest shared in proportion to what
    each still needs for all of them; else every column at its minimum and the rest shared in the same way.
    """
    room = line - 2 * TABCOLSEP * len(columns)
    body = [c.natural for c in columns]
    full = [max(c.natural, c.heading) for c in columns]
    typical = [c.typical for c in columns]
    least = [c.minimum for c in columns]
    if sum(full) <= room:
        return full
    if sum(body) <= room:
        return _share(body, full, room)
    if sum(typical) <= room:
        return _share(typical, body, room)
    if sum(least) <= room:
        return _share(least, typical, room)
    return [room * m / sum(least) for m in least]  # even the longest words do not fit: share in proportion


def height(columns: list[Column], given: list[float]) -> float:
    """An estimate of the table's body height in points: each cell's lines at its width (ragged lines run
    about a tenth longer than the text)."""
    total = 0.0
    for r in range(len(columns[0].cells) if columns else 0):
        lines = 1
        for col, w in zip(columns, given):
            if r < len(col.cells):
                n = sum(max(1, math.ceil(line_width(p) * 1.1 / max(w, 1.0))) for p in col.cells[r].paragraphs)
                lines = max(lines, n)
        total += lines * TABLE_LEADING + 4.0
    return total


def spec(columns: list[Column], line: float = TEXT_WIDTH) -> str:
    """The ``tabularcolumns`` specification: each column's share of ``\\linewidth``, minus its padding."""
    parts = []
    for col, w in zip(columns, widths(columns, line)):
        share = (w + 2 * TABCOLSEP) / line
        kind = r"\ekrafR" if col.numeric else r"\ekrafL"
        parts.append(rf"{kind}{{\dimexpr{share:.4f}\linewidth-2\tabcolsep\relax}}")
    return "".join(parts)


def is_long(columns: list[Column], line: float = TEXT_WIDTH) -> bool:
    return height(columns, widths(columns, line)) > LONG_TABLE
