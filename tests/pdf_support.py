"""Helpers for the PDF tests (tests/test_pdf.py): the typeset page as a reader sees it (issue 24).

Words and their boxes come from poppler (``pdftotext -bbox-layout``), pages as images from ``pdftoppm``, and the
type area and the hyphenation patterns from the lines ``ekraf.sty`` writes into the LaTeX log. The checks are
plain functions that return a list of problems (empty when all is well), so the same functions judge the
book's PDFs and a PDF broken on purpose.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

BP = 72 / 72.27  # one TeX point in PDF units (big points)
POPPLER = ("pdftotext", "pdftoppm", "pdfimages")
INSTALL_POPPLER = (
    "poppler-utils is missing (pdftotext, pdftoppm, pdfimages): run `bash .ci/system-deps` (root on Debian) or "
    "`sudo apt-get install --no-install-recommends poppler-utils`"
)
# Overfull boxes over 1 pt that may stay, by the text TeX shows for the box, with the reason. None so far: every
# table's columns are measured from their content, and names and code never outgrow their column.
ALLOWED_OVERFULL: dict[str, str] = {}
CAPTION_WORDS = {"id": ("Gambar", "Tabel"), "en": ("Figure", "Table")}
# How far a word's box may reach past the type area: poppler's boxes span the font's whole ascent and descent,
# which stand a little above the first line's and below the last line's glyphs.
SLACK = {"top": 4.0, "bottom": 4.0, "side": 1.0}


def have_poppler() -> bool:
    return all(shutil.which(tool) for tool in POPPLER)


# --------------------------------------------------------------------------- the LaTeX log


@dataclass(frozen=True)
class Overfull:
    kind: str  # "h" or "v"
    points: float
    where: str  # "in paragraph at lines 10--12", "in alignment at lines ...", "has occurred while \output ..."
    text: str  # the box's first line as TeX shows it


def overfull_boxes(log: str) -> list[Overfull]:
    """Every overfull box the LaTeX run reported, with the text it holds."""
    found = []
    pattern = re.compile(r"^Overfull \\([hv])box \(([\d.]+)pt too (?:wide|high)\) (.*)\n(.*)", re.M)
    for m in pattern.finditer(log):
        found.append(Overfull(m[1], float(m[2]), m[3].strip(), m[4].strip()))
    return found


def _record(log: str, marker: str, last: str) -> str:
    """The line ``ekraf.sty`` wrote after ``marker``, up to its ``last`` key, with TeX's wrapping at 79 characters
    undone (TeX breaks a long line without adding anything)."""
    start = log.find(marker)
    if start < 0:
        raise AssertionError(f"the LaTeX log has no {marker!r} line: is ekraf.sty loaded?")
    text = re.sub(r"\s+", "", log[start + len(marker) : start + len(marker) + 1200])
    m = re.match(rf"(.*?{last}=[-\w.]+)", text)
    if not m:
        raise AssertionError(f"the LaTeX log's {marker!r} line has no {last!r}: {text[:200]}")
    return m[1]


def overfull_problems(log: str) -> list[str]:
    """Overfull boxes over 1 pt that the allow-list does not name."""
    return [str(b) for b in overfull_boxes(log) if b.points > 1 and b.text not in ALLOWED_OVERFULL]


def layout_problems(pdf: Path, log: str, lang: str) -> list[str]:
    """What a reader of ``pdf`` would see go wrong: text out of place, overfull boxes, glued caption labels."""
    pages_ = pages(pdf)
    return (
        band_problems(pages_, typearea(log))
        + overfull_problems(log)
        + caption_label_problems(pages_, CAPTION_WORDS[lang])
    )


def typearea(log: str) -> dict[str, float]:
    """The page geometry ``ekraf.sty`` wrote into the log, in TeX points."""
    return {k: float(v) for k, v in re.findall(r"(\w+)=(-?[\d.]+)pt", _record(log, "ekraf-typearea:", "footskip"))}


def hyphenation(log: str) -> dict[str, str]:
    """The language of the body and the numbers of the hyphenation patterns ``ekraf.sty`` wrote into the log:
    the body's (``patterns``) and those of English, Indonesian and no hyphenation (-1 when not in the format)."""
    return dict(re.findall(r"(\w+)=([\w-]+)", _record(log, "ekraf-hyphenation:", "nohyphenation")))


# --------------------------------------------------------------------------- words on the page


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    line: int  # poppler's line number on the page (words of one line share it)
    block: int


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)


def pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its words and their boxes (PDF units, origin top left)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", out))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    result = []
    for number, page in enumerate(root.iterfind(".//x:page", ns), 1):
        p = Page(number, float(page.get("width")), float(page.get("height")))
        line_no = block_no = 0
        for block in page.iterfind(".//x:block", ns):
            block_no += 1
            for line in block.iterfind("x:line", ns):
                line_no += 1
                for w in line.iterfind("x:word", ns):
                    box = [float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
                    p.words.append(Word(*box, w.text or "", line_no, block_no))
        result.append(p)
    return result


def lines(page: Page) -> list[list[Word]]:
    """The page's lines in reading order, each a list of words."""
    grouped: dict[int, list[Word]] = {}
    for w in page.words:
        grouped.setdefault(w.line, []).append(w)
    return [grouped[k] for k in sorted(grouped)]


# --------------------------------------------------------------------------- the bands


@dataclass(frozen=True)
class Area:
    """The type area and the two bands of a page, in PDF units (origin top left)."""

    left: float
    right: float
    top: float
    bottom: float
    head_baseline: float
    foot_baseline: float


def area(geometry: dict[str, float], page_number: int) -> Area:
    """Where the type area, the head and the foot of page ``page_number`` are (right-hand pages are odd)."""
    g = {k: v * BP for k, v in geometry.items()}
    left = g["oddsidemargin"] if page_number % 2 else g["evensidemargin"]
    top = g["texttop"]
    bottom = top + g["textheight"]
    return Area(left, left + g["textwidth"], top, bottom, top - g["headsep"], bottom + g["footskip"])


def band_problems(pages_: list[Page], geometry: dict[str, float], folio_only: bool = True) -> list[str]:
    """Text in the head or foot band other than the running head and the folio, and text outside the type area.

    A word belongs to the head when it lies above the type area, to the foot when below it. Head words must sit
    on the head's line; the foot holds the page number alone; every other word lies inside the type area (with
    the small slack of poppler's boxes).
    """
    problems = []
    for page in pages_:
        a = area(geometry, page.number)
        for w in page.words:
            where = f"p. {page.number}: {w.text!r} at ({w.x0:.1f}, {w.y0:.1f})-({w.x1:.1f}, {w.y1:.1f})"
            if w.x0 < a.left - SLACK["side"] or w.x1 > a.right + SLACK["side"]:
                problems.append(f"{where} runs outside the type area ({a.left:.1f}-{a.right:.1f})")
            if w.y1 <= a.top - SLACK["top"] / 2 and w.y0 < a.top - SLACK["top"]:  # above the type area: the head
                if not (a.head_baseline - 12 <= w.y0 and w.y1 <= a.head_baseline + 4):
                    problems.append(f"{where} is in the header band but not on the running head's line")
            elif w.y0 >= a.bottom + SLACK["bottom"] / 2 and w.y1 > a.bottom + SLACK["bottom"]:  # below: the foot
                on_line = a.foot_baseline - 12 <= w.y0 and w.y1 <= a.foot_baseline + 4
                folio = re.fullmatch(r"\d+|[ivxlc]+", w.text) is not None
                if not on_line or (folio_only and not folio):
                    problems.append(f"{where} is in the footer band (only the page number belongs there)")
            elif w.y0 < a.top - SLACK["top"] or w.y1 > a.bottom + SLACK["bottom"]:
                problems.append(
                    f"{where} crosses the edge of the type area ({a.top:.1f}-{a.bottom:.1f}) into the "
                    f"{'header' if w.y0 < a.top - SLACK['top'] else 'footer'} band"
                )
    return problems


def stranded_headings(pages_: list[Page], geometry: dict[str, float], min_height: float = 11.5) -> list[str]:
    """Section headings (lines set larger than the text) with nothing under them on their page."""
    problems = []
    for page in pages_:
        a = area(geometry, page.number)
        body = [line for line in lines(page) if a.top - 5 <= line[0].y0 and line[-1].y1 <= a.bottom + 5]
        if body and body[-1][0].y1 - body[-1][0].y0 >= min_height and len(body) > 1:
            problems.append(f"p. {page.number}: the heading {' '.join(w.text for w in body[-1])!r} ends the page")
    return problems


# --------------------------------------------------------------------------- captions and names


def caption_label_problems(pages_: list[Page], words: tuple[str, str]) -> list[str]:
    """Caption labels glued to their number ("Gambar4.2", "Tabel4.6:") anywhere in the PDF."""
    pattern = re.compile(rf"^({'|'.join(words)})\d+(\.\d+)*:?$")
    return [f"p. {p.number}: {w.text!r}" for p in pages_ for w in p.words if pattern.match(w.text)]


def caption_labels(pages_: list[Page], words: tuple[str, str]) -> int:
    """How many caption labels ("Gambar 4.2:") the PDF shows, word and number apart."""
    count = 0
    for p in pages_:
        for line in lines(p):
            for a, b in zip(line, line[1:]):
                if a.text in words and re.fullmatch(r"\d+(\.\d+)+:", b.text):
                    count += 1
    return count


def broken_names(pages_: list[Page], names: list[str]) -> list[str]:
    """Names split over two lines: the end of one line and the start of the next make up a name."""
    problems = []
    squeeze = {re.sub(r"[\s\u00a0]+", " ", n): n for n in names}
    for p in pages_:
        rows = lines(p)
        for first, second in zip(rows, rows[1:]):
            if first[0].block != second[0].block:
                continue
            tail, head = first[-1].text, second[0].text
            for name in squeeze:
                words = name.split(" ")
                for cut in range(1, len(words) + 1):  # "Abdul / Sobur", "Indo- / nesia"
                    left, right = " ".join(words[:cut]), " ".join(words[cut:])
                    if right and tail == words[cut - 1] and " ".join(w.text for w in first[-cut:]) == left:
                        if " ".join(w.text for w in second[: len(words) - cut]) == right:
                            problems.append(f"p. {p.number}: {name!r} broken after {left!r}")
                for word in words:
                    for k in range(2, len(word) - 1):
                        if tail.endswith(word[:k] + "-") and head.startswith(word[k:]):
                            problems.append(f"p. {p.number}: {word!r} hyphenated as {tail!r} / {head!r}")
    return problems


# --------------------------------------------------------------------------- long tables


def _line_at(page: Page, top: float) -> list[str]:
    return sorted(w.text for w in page.words if top - 0.5 <= w.y0 <= top + 3)


def continued_tables(pages_: list[Page], table_word: str) -> list[tuple[int, str, list[str], list[list[str]]]]:
    """Every page on which a long table goes on: (page, table number, the first line under the continuation
    line, which is the header's, and the lines in the 50 points under the table's caption where it starts, among
    which the same header must be)."""
    found = []
    for p in pages_:
        for line in lines(p):
            texts = [w.text for w in line]
            if len(texts) < 3 or texts[0] != table_word or texts[2] != "\u2013":
                continue
            number, bottom = texts[1], max(w.y1 for w in line)
            below = [w.y0 for w in p.words if w.y0 > bottom + 0.5]
            here = _line_at(p, min(below)) if below else []
            start: list[list[str]] = []
            for q in reversed(pages_[: p.number - 1]):
                caption = [w for w in q.words if w.text == f"{number}:"]
                if caption:
                    tops = sorted({round(w.y0, 1) for w in q.words if caption[0].y0 < w.y0 <= caption[0].y0 + 50})
                    start = [_line_at(q, top) for top in tops]
                    break
            found.append((p.number, number, here, start))
    return found


# --------------------------------------------------------------------------- figures


def placed_images(pdf: Path) -> list[dict]:
    """Every image the PDF places (not its soft masks): page, size in pixels and resolution as placed."""
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    images = []
    for row in out.splitlines()[2:]:
        cols = row.split()
        if len(cols) > 13 and cols[2] == "image":
            images.append({"page": int(cols[0]), "px": (int(cols[3]), int(cols[4])), "ppi": float(cols[12])})
    return images


# --------------------------------------------------------------------------- contact sheets


def contact_sheets(pdf: Path, out: Path, per_sheet: int = 12, columns: int = 6, dpi: int = 40) -> list[Path]:
    """Every page of ``pdf`` as an image, and sheets of ``per_sheet`` numbered pages in ``out``."""
    from PIL import Image, ImageDraw

    shutil.rmtree(out, ignore_errors=True)
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pages_dir / "p")], check=True)
    images = sorted(pages_dir.glob("p-*.png"))
    sheets = []
    for start in range(0, len(images), per_sheet):
        chunk = [Image.open(f).convert("RGB") for f in images[start : start + per_sheet]]
        w, h = max(i.width for i in chunk), max(i.height for i in chunk)
        rows = -(-len(chunk) // columns)
        sheet = Image.new("RGB", (columns * (w + 8) + 8, rows * (h + 24) + 8), (120, 120, 120))
        draw = ImageDraw.Draw(sheet)
        for k, image in enumerate(chunk):
            x, y = 8 + (k % columns) * (w + 8), 8 + (k // columns) * (h + 24)
            sheet.paste(image, (x, y + 16))
            draw.text((x, y), f"{start + k + 1}", fill=(255, 255, 255))
        path = out / f"sheet-{start // per_sheet + 1:02d}.png"
        sheet.save(path, optimize=True)
        sheets.append(path)
    return sheets
