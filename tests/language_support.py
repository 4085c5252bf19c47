"""Is every string of an edition in that edition's language? (issue 15)

A page is read as *pieces*: each text node outside code, and the tooltips,
accessible names and placeholders of its elements (``title``, ``aria-label``,
``placeholder``, ``alt``, ``data-tooltip``, ``data-bs-title``), and the page
title. The browser collects them after the page's scripts ran
(:data:`PIECES_JS`, so the copy buttons' tooltips and the search page's
messages count); :func:`pieces_from_html` reads the same from HTML text.

A piece is in the other language when it holds one of that language's marker
words: function words that the edition's own language does not have, and the
words of the interface (search, link, page, toggle... / cari, tautan,
halaman...). Three kinds of piece are exempt by design, each a convention of
the book rather than an oversight:

- text marked with its language (``lang="en"`` inside the Indonesian edition,
  the language switcher, an Indonesian title in the English edition);
- italics, which both languages use for foreign words and quotations;
- bibliographic entries (the bibliography, and the tooltip of a citation,
  which repeats the entry): titles of works keep their own language.

Anything else needs an entry in the reviewed allow-list
(``tests/data/bahasa_lain.csv``: the edition, the exact text, and why).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOW_LIST = ROOT / "tests" / "data" / "bahasa_lain.csv"

# Words that mark a language: its function words and its interface words, none of them a word of the other.
MARKERS = {
    "en": frozenset(
        """
        the of and to this that these those with for is are was were be been by from on at an or not it its
        which who whom will would can could should has have had than then there their your you please
        page pages search searching searched results finished found matching match query documents spelled
        correctly selected enough categories preparing link heading toggle sidebar previous next show hide
        skip main content contents back top copy copied clipboard click download print fullscreen light dark
        system settings navigation section table figure image home breadcrumb announcement version warning
        edit suggest open issue repository launch theme color colour expand collapse cell code output source
        """.split()
    ),
    "id": frozenset(
        """
        yang dan di ke dari ini itu untuk dengan pada dalam adalah ialah tidak atau oleh sebagai juga akan
        dapat telah sudah belum karena tetapi namun serta kami kita mereka bahwa tersebut
        halaman cari pencarian tautan judul tampilkan sembunyikan unduh berkas kode sebelumnya berikutnya
        kembali atas buka tutup bilah sisi warna terang gelap navigasi beranda isi sumber cetak layar penuh
        subhalaman salin tersalin hasil selesai bab subbab gambar tabel pernyataan makalah
        """.split()
    ),
}
OTHER = {"id": "en", "en": "id"}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-tooltip", "data-bs-title", "aria-description")


@dataclass(frozen=True)
class Piece:
    text: str
    lang: str  # the nearest lang attribute ("" when none)
    kind: str  # "text", an attribute name, or "title" (the page title)
    italic: bool = False  # italics (or a search result's snippet, which quotes a page checked on its own)
    bibliographic: bool = False
    where: str = ""  # a little context for the message


@dataclass(frozen=True)
class Finding:
    page: str
    piece: Piece
    words: tuple[str, ...]

    def __str__(self) -> str:
        p = self.piece
        return f"{self.page}: {p.kind} {p.text[:90]!r} has {', '.join(self.words)} (in: {p.where[:90]!r})"


# Run in the page (Playwright's page.evaluate): every piece, after the page's own scripts ran.
PIECES_JS = r"""
() => {
  const attrs = %s;
  const out = [];
  const langOf = el => { const l = el.closest('[lang]'); return l ? l.getAttribute('lang').split('-')[0] : ''; };
  const bib = el => !!el.closest('div.citation, .citation-list, [role="doc-biblioentry"]');
  const squash = s => s.replace(/\s+/g, ' ').trim();
  const BLOCKS = 'p, li, td, th, dt, dd, figcaption, caption, h1, h2, h3, h4, h5, h6, a, button, label, summary, div';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = squash(node.textContent);
    const el = node.parentElement;
    if (!text || !el || el.closest('script, style, noscript, code, pre, kbd')) continue;
    const block = el.closest(BLOCKS) || el;
    // a search result's snippet quotes its page, whose own strings are judged on that page
    const quoted = !!el.closest('em, i, cite, #search-results .context');
    out.push({text, lang: langOf(el), kind: 'text', italic: quoted, bibliographic: bib(el),
              where: squash(block.textContent).slice(0, 160)});
  }
  for (const el of document.body.querySelectorAll(attrs.map(a => '[' + a + ']').join(','))) {
    if (el.closest('script, style')) continue;
    const cites = el.matches('a[href*="bibliografi"]');
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v && v.trim()) out.push({text: squash(v), lang: langOf(el), kind: a, italic: false,
                                   bibliographic: bib(el) || (a === 'title' && cites),
                                   where: el.outerHTML.slice(0, 160)});
    }
  }
  out.push({text: squash(document.title), lang: document.documentElement.lang, kind: 'title', italic: false,
            bibliographic: false, where: '<title>'});
  return out;
}
""" % ("[" + ", ".join(f"'{a}'" for a in ATTRIBUTES) + "]")


def pieces_from_html(html: str) -> list[Piece]:
    """The pieces of a page as written (without running its scripts): for planted examples and quick checks."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    page_lang = (soup.html.get("lang") if soup.html else "") or ""

    def lang_of(tag) -> str:
        for p in [tag, *tag.parents]:
            if getattr(p, "get", None) and p.get("lang"):
                return p.get("lang").split("-")[0]
        return page_lang

    def inside(tag, names=(), classes=(), roles=()) -> bool:
        for p in [tag, *tag.parents]:
            if getattr(p, "name", None) is None:
                continue
            if p.name in names or set(p.get("class") or []) & set(classes) or p.get("role") in roles:
                return True
        return False

    body = soup.body or soup
    out = []
    for node in body.find_all(string=True):
        if not isinstance(node, NavigableString) or type(node).__name__ in ("Comment", "Doctype"):
            continue
        text = re.sub(r"\s+", " ", str(node)).strip()
        el = node.parent
        if not text or inside(el, names=("script", "style", "noscript", "code", "pre", "kbd")):
            continue
        bib = inside(el, classes=("citation", "citation-list"), roles=("doc-biblioentry",))
        out.append(Piece(text, lang_of(el), "text", inside(el, names=("em", "i", "cite")), bib, el.get_text(" ")[:160]))
    for el in body.find_all(True):
        if inside(el, names=("script", "style")):
            continue
        cites = el.name == "a" and "bibliografi" in (el.get("href") or "")
        for attr in ATTRIBUTES:
            value = el.get(attr)
            if value and value.strip():
                bib = inside(el, classes=("citation", "citation-list")) or (attr == "title" and cites)
                out.append(Piece(re.sub(r"\s+", " ", value).strip(), lang_of(el), attr, False, bib, str(el)[:160]))
    if soup.title:
        out.append(Piece(soup.title.get_text(" ", strip=True), page_lang, "title", where="<title>"))
    return out


def allow_list(path: Path = ALLOW_LIST) -> dict[str, list[str]]:
    """The reviewed exceptions: for each edition, the exact strings that may stay in the other language."""
    allowed: dict[str, list[str]] = {"id": [], "en": []}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            if not row["alasan"].strip():
                raise ValueError(f"{path.name}: '{row['teks']}' has no reason")
            allowed[row["edisi"]].append(row["teks"])
    return allowed


def marker_words(text: str, lang: str) -> tuple[str, ...]:
    """The marker words of ``lang`` in ``text``."""
    text = re.sub(r"^(?:\.\.\.|…)\S*|\S*(?:\.\.\.|…)$", " ", text.strip())  # a snippet's cut words
    words = re.findall(r"[a-zà-ÿ]+(?:'[a-z]+)?", text.lower())
    return tuple(sorted({w for w in words if w in MARKERS[lang]}))


def foreign(page: str, pieces: list[Piece], edition: str, allowed: list[str] = ()) -> list[Finding]:
    """Every piece of ``page`` that is in the other language than ``edition`` and not exempt."""
    other = OTHER[edition]
    found = []
    for piece in pieces:
        if piece.italic or piece.bibliographic or (piece.lang and piece.lang != edition):
            continue
        text = piece.text
        for allowed_text in allowed:
            text = text.replace(allowed_text, " ")
        words = marker_words(text, other)
        if words:
            found.append(Finding(page, piece, words))
    return found
