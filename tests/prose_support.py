"""What a reader sees in the built book, and the slips that must never be in it (issue 12).

Every page's visible text is read block by block (paragraphs, list items,
table cells, captions, headings, alt text), outside code cells and ``<code>``,
each block with the language it is written in (the nearest ``lang``
attribute). :func:`page_slips` returns every slip it finds, each naming the
page, the kind of slip and the offending text; ``tests/test_prose.py`` runs it
on the real book and on a page with one planted example of each kind.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]

BLOCKS = ("p", "li", "td", "th", "dt", "dd", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6")
HIDDEN = ("script", "style", "code", "kbd", "pre", "noscript")
HIDDEN_CLASSES = ("cell_input", "highlight", "headerlink", "toggle-details__summary")

IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
BOOLEAN = re.compile(r"\b(?:True|False|None|NaN|nan)\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-(?:0[1-9]|1[0-2])\b")
# A page must not depend on the day it was built ("Last updated on ...", "Terakhir diperbarui pada ...").
BUILD_DATE = re.compile(r"(?i)terakhir diperbarui|last updated")
EDITOR_NOTE = re.compile(r"(?i)jangan (?:menyunting|mengedit)|do not edit|edit (?:it|this page) by hand")
REPEATED_CITATION = re.compile(r"\b([A-Z][\w.'-]+) \(\1[ ,]")
# Indonesian spellings that EYD V and the KBBI do not accept (checked outside italics, which quote the paper).
MISSPELLINGS = {
    r"\bnon-negara\b": "nonnegara",
    r"\bnon-pemerintah\b": "nonpemerintah",
    r"\bantar (?:pemerintah|kota|negara|aktor)\b": "antar- is joined",
    r"\bperijinan\b": "perizinan",
    r"\baksesoris\b": "aksesori",
    r"\bstandarisasi\b": "standardisasi",
    r"\bpengrajin\b": "perajin",
    r"\bMall\b": "mal",
    r"\blinimasa\b": "lini masa",
    r"\bsebesaran\b": "sebanding",
    r"\berrata\b": "erata",
    r"\bDISDAGIN\b": "Disdagin",
    r"\blebih dari \d{1,2} negara\b": "a count of one or two words in letters",
}
# Indonesian text must not carry English function words or markers in citations.
# (An English title in the bibliography may say "Malaysia and Australia"; an in-text citation may not say "and".)
ENGLISH_IN_ID = re.compile(r"\b[A-Z][\w'-]+ and [A-Z][\w'-]+ \((?:\d{4}|t\.t\.)|\bn\.d\.")
# Two citations in one pair of brackets are separated by a semicolon: "(Saputra, 2018; Terasjabar.co, 2018)".
# A citation in brackets followed by another bracket: "(Akhwan, 2008) (pernyataan k20)".
DOUBLE_BRACKETS = re.compile(r"(?:\d{4}[a-z]?|t\.t\.)\)\s*\((?!\d)")
CITATION_COMMA = re.compile(r"\([^()]*?, (?:\d{4}[a-z]?|t\.t\.), [A-Z][^();]*?, (?:\d{4}[a-z]?|t\.t\.)\)")
# Foreign terms that an Indonesian sentence writes in italics (EYD V).
FOREIGN = re.compile(r"\b(?:sister city|state-centric|non-state|brand|handycraft|notebook|kernel)\b")
OLD_STATUS_WORDS = {
    "en": ("reproduced", "contradicted", "corroborated", "in tension", "not derivable"),
    "id": ("dikuatkan", "dibantah"),
}


def status_words() -> dict[str, tuple[str, ...]]:
    """Each language's status names (from data/klaim/status.csv): the words the *other* language must not show."""
    with open(ROOT / "data" / "klaim" / "status.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return {
        "id": tuple(r["nama"] for r in rows) + OLD_STATUS_WORDS["id"],
        "en": tuple(r["nama_en"] for r in rows) + OLD_STATUS_WORDS["en"],
    }


@dataclass(frozen=True)
class Slip:
    page: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: {self.text!r}"


@dataclass
class Block:
    lang: str
    text: str
    in_table: bool
    italic: str  # the block's text without its italic parts
    plain: bool = False  # headings and alt text, which carry no italics


def _hidden(tag) -> bool:
    classes = tag.get("class") or []
    return tag.name in HIDDEN or any(c in classes for c in HIDDEN_CLASSES)


def _text(tag, skip_italic: bool = False) -> str:
    parts = []
    for node in tag.descendants:
        if isinstance(node, str):
            parents = [p for p in node.parents if p is not tag.parent]
            if any(_hidden(p) for p in parents if hasattr(p, "name")):
                continue
            if skip_italic and any(getattr(p, "name", None) in ("em", "i") for p in parents):
                continue
            if any(getattr(p, "name", None) == "a" and p.get_text().startswith("http") for p in parents):
                continue
            parts.append(str(node))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _lang(tag, default: str) -> str:
    for p in [tag, *tag.parents]:
        if getattr(p, "get", None) and p.get("lang"):
            return p.get("lang").split("-")[0]
    return default


def blocks(html: str) -> list[Block]:
    """The visible text of a page's article, block by block, with its language."""
    soup = BeautifulSoup(html, "html.parser")
    page_lang = (soup.html.get("lang") if soup.html else None) or "id"
    article = soup.select_one("article.bd-article") or soup.body or soup
    out = []
    for tag in article.find_all(BLOCKS):
        if any(_hidden(p) for p in [tag, *tag.parents] if hasattr(p, "name")):
            continue
        if tag.find(BLOCKS):
            continue  # a block holding blocks: its inner blocks are read on their own
        text = _text(tag)
        if text:
            out.append(
                Block(
                    _lang(tag, page_lang),
                    text,
                    tag.find_parent("table") is not None,
                    _text(tag, True),
                    plain=tag.name.startswith("h") and tag.name[1:].isdigit(),
                )
            )
    for img in article.find_all("img"):
        if img.get("alt"):
            out.append(Block(_lang(img, page_lang), img["alt"], False, img["alt"], plain=True))
    return out


def page_slips(page: str, html: str, chapter_titles: tuple[str, ...] = (), numbered: bool = True) -> list[Slip]:
    """Every slip on one page."""
    words = status_words()
    found: list[Slip] = []

    def add(kind, match_text):
        found.append(Slip(page, kind, match_text))

    for b in blocks(html):
        for m in IDENTIFIER.finditer(b.text):
            add("identifier", m.group(0))
        for m in BOOLEAN.finditer(b.text):
            add("True/False", m.group(0))
        for m in ISO_DATE.finditer(b.text):
            add("ISO date", m.group(0))
        for m in EDITOR_NOTE.finditer(b.text):
            add("note for editors", m.group(0))
        for m in REPEATED_CITATION.finditer(b.text):
            add("citation repeating its name", m.group(0))
        other = "en" if b.lang == "id" else "id"
        for word in words[other]:
            if re.search(rf"(?i)\b{re.escape(word)}\b", b.text):
                add(f"{other} status word in {b.lang} text", word)
        if b.lang == "id":
            for pattern, fix in MISSPELLINGS.items():
                for m in re.finditer(pattern, b.italic, flags=re.I if pattern[3:4].islower() else 0):
                    add(f"spelling ({fix})", m.group(0))
            for m in ENGLISH_IN_ID.finditer(b.italic):
                add("English words in Indonesian text", m.group(0))
            if not b.in_table:
                for m in re.finditer(r"\bFashion\b", b.italic):
                    add("subsector name (Fesyen in running text)", m.group(0))
                if not b.plain:
                    for m in FOREIGN.finditer(b.italic):
                        add("foreign term not in italics", m.group(0))
        for m in CITATION_COMMA.finditer(b.text):
            add("citations separated by a comma", m.group(0))
        for m in DOUBLE_BRACKETS.finditer(b.text):
            add("two brackets in a row", m.group(0))
    soup = BeautifulSoup(html, "html.parser")
    for m in BUILD_DATE.finditer(soup.get_text(" ")):  # anywhere on the page, footer included
        add("date of the build", m.group(0))
    article = soup.select_one("article.bd-article") or soup
    for a in article.select("a.reference.internal"):
        text = a.get_text(" ", strip=True)
        if any(text.endswith(title) for title in chapter_titles):
            add("cross-reference made of a chapter title", text)
    if not numbered:
        for span in article.select("span.caption-number"):
            add("number on an unnumbered page", span.get_text(strip=True))
    return found


def book_slips(html_dir: Path, pages: list[str], chapter_titles: tuple[str, ...], numbered: set[str]) -> list[Slip]:
    """Every slip on the given pages of a built book."""
    out = []
    for page in pages:
        html = (html_dir / page).read_text(encoding="utf-8")
        out += page_slips(page, html, chapter_titles, page in numbered)
    return out


# --------------------------------------------------------------------------- the term base (issue 20)

TERMS = ROOT / "tests" / "data" / "istilah.csv"
SENTENCE = re.compile(r"(?<!\bal\.)(?<!\bdkk\.)(?<!\bNo\.)(?<!\bvs\.)(?<=[.!?])\s+(?=[\"*“‘]?[A-Z])")


@dataclass(frozen=True)
class Term:
    term: str
    english: str
    avoid: dict[str, re.Pattern | None]  # per language: the variants not to use
    unless: re.Pattern | None  # a sentence that matches this may use a variant (it discusses it)


def _variants(cell: str) -> re.Pattern | None:
    parts = [p.strip() for p in cell.split(" | ") if p.strip()]
    return re.compile("|".join(rf"(?<!\w)(?:{p})(?!\w)" for p in parts)) if parts else None


def terms(path: Path = TERMS) -> list[Term]:
    """The term base: one row per term, its one English rendering, the variants not to use in each language."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter=";"), start=2):
            if not (row["istilah"].strip() and row["en"].strip() and row["catatan"].strip()):
                raise ValueError(f"{path.name}, row {n}: istilah, en and catatan are required")
            avoid = {"en": _variants(row["en_hindari"]), "id": _variants(row["id_hindari"])}
            unless = re.compile(row["kecuali"]) if row["kecuali"].strip() else None
            out.append(Term(row["istilah"], row["en"], avoid, unless))
    return out


def term_slips(page: str, html: str, base: list[Term]) -> list[Slip]:
    """Every sentence of a page that uses a variant the term base forbids in the sentence's language."""
    found = []
    for b in blocks(html):
        if b.lang not in ("id", "en"):
            continue
        for term in base:
            pattern = term.avoid[b.lang]
            if pattern is None:
                continue
            for sentence in SENTENCE.split(b.italic):  # italics quote the paper or mark a foreign word
                m = pattern.search(sentence)
                if m and not (term.unless and term.unless.search(sentence)):
                    # name the sentence as the reader sees it (italics included) where it can be found
                    near = [s for s in SENTENCE.split(b.text) if m.group(0) in s] or [sentence]
                    shown = max(near, key=lambda s: difflib.SequenceMatcher(None, s, sentence).ratio())
                    found.append(Slip(page, f"{b.lang} term {term.term!r} ({m.group(0)!r})", shown))
    return found


# --------------------------------------------------------------------------- headings (issue 20, EYD V)

# Kata tugas (prepositions, conjunctions, particles) that a title keeps in lower case unless they open it.
KATA_TUGAS = frozenset(
    "di ke dari dan yang untuk atau pada dalam dengan oleh per serta tentang terhadap bagi sebagai antara demi "
    "hingga sampai tanpa menurut secara karena agar bahwa sejak lewat atas sebagaimana setelah sesudah sebelum "
    "daripada akan pun".split()
)


def eyd_title(text: str) -> str:
    """A heading capitalised as EYD V capitalises the title of a work: the first letter of every word (both halves
    of a kata ulang, "Kata-Kata"), except kata tugas that do not open it; names, abbreviations, numbers and
    placeholders stay as written."""
    words = []
    for n, w in enumerate(text.split(" ")):
        if not w[:1].isalpha() or any(c.isupper() for c in w) or (n and w.lower() in KATA_TUGAS):
            words.append(w)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(words)
