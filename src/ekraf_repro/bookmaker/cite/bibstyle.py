"""Bibliography and citations in the book's language: pybtex and sphinxcontrib-bibtex plugins.

pybtex's ``plain`` style and sphinxcontrib-bibtex's author-year style hardcode English ("and", "pages",
"May 2018", "n.d.", "et al.") and separate several citations in one bracket by commas. The plugins here take
every such word from the catalogue (``text.TEXT["bib"]``, months from ``ekraf_repro.tanggal``):

- formatting styles (the bibliography): ``ekraf_id`` and ``ekraf_en``, subclasses of pybtex's ``plain``
  (= ``unsrt`` sorted by author, year and title), for the entry types ``references.bib`` uses:
  :data:`ENTRY_TYPES` (a test keeps the file to them; another type is an error naming the entry);
- referencing styles (the in-text citations) are in :mod:`.citestyle`.

Indonesian follows EYD V and the usual Indonesian academic forms ("dan", "dkk.", "hlm.", "edisi", Indonesian
month names). ``references.bib`` writes an unknown year as ``t.t.``; both styles treat a missing year,
``t.t.`` and ``n.d.`` alike as unknown and print the language's word for it, so one file serves both
editions. Registered when this module is imported; chosen in ``_config.yml`` with ``bibtex_default_style``
and ``bibtex_reference_style``.
"""

from __future__ import annotations

import re

import pybtex.plugin
from pybtex.richtext import Symbol, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitleSorting
from pybtex.style.template import (
    FieldIsMissing,
    field,
    first_of,
    href,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    together,
    words,
)
from pybtex.style.template import names as _names

from ...tanggal import MONTHS
from .. import settings, text

ENTRY_TYPES = ("article", "book", "misc")  # the types references.bib uses; each has its template below
LANGUAGES = settings.EDITIONS
EDITION_BEFORE = {"id": True, "en": False}  # "edisi kedua", but "second edition"
# How references.bib (or a stray entry) may write a year that is not known.
UNKNOWN_YEARS = {"", "t.t.", "t.t", "n.d.", "n.d", "tanpa tahun"}
# A month as BibTeX writes it: a macro (``may``, expanded by pybtex to "May"), a number, or a name in either language.
_MONTH_INDEX = {name.casefold(): i for table in MONTHS.values() for i, name in enumerate(table)}
_MONTH_INDEX.update({name[:3].casefold(): i for table in MONTHS.values() for i, name in enumerate(table)})
_MONTH_INDEX.update({str(i + 1): i for i in range(12)} | {f"{i + 1:02d}": i for i in range(12)})


def word_table(code: str) -> dict:
    """The bibliography's words in ``code`` ("id", "en", or a locale such as "id_ID")."""
    return {**text.group("bib", code), "months": MONTHS[settings.lang(code)]}


def month_name(value: str, code: str) -> str:
    """``May``, ``may``, ``5`` or ``Mei`` in ``code``; an unrecognised value is returned unchanged."""
    i = _MONTH_INDEX.get(value.strip().rstrip(".").casefold())
    return value if i is None else MONTHS[settings.lang(code)][i]


def year_text(value: str | None, code: str) -> str:
    """The year as printed: the language's word for an unknown year when it is missing or marked unknown."""
    value = (value or "").strip()
    return word_table(code)["no_year"] if value.casefold() in UNKNOWN_YEARS else value


def year_node(value: str | None, code: str) -> Text:
    shown = year_text(value, code)
    return Text.from_latex(shown) if value and shown == value.strip() else Text(shown)


# ----------------------------------------------------------------------------- formatting style (bibliography)


@node
def _year(children, context):
    """The entry's year, or the style's word for an unknown year (never raises FieldIsMissing)."""
    assert not children
    return year_node(context["entry"].fields.get("year"), context["style"].lang)


@node
def _month(children, context):
    assert not children
    entry = context["entry"]
    if "month" not in entry.fields:
        raise FieldIsMissing("month", entry)
    return Text(month_name(str(entry.fields["month"]), context["style"].lang))


date = words[optional[_month], _year]


def _plain_key(value: str) -> str:
    """Sort text without BibTeX braces, the editors' square brackets or case."""
    return re.sub(r"[{}\[\]\\]", "", value).strip().casefold()


class Sorting(AuthorYearTitleSorting):
    """pybtex's author-year-title order, made total and readable.

    Braces of corporate authors (``{{Tirto.id}}``) and the square brackets of the editors' descriptive titles
    do not count; an entry without an author is sorted by its ``key`` field or, failing that, its title (as
    BibTeX's ``plain.bst`` does); the citation key breaks any remaining tie.
    """

    def sorting_key(self, entry):
        author, year, title = super().sorting_key(entry)
        author = _plain_key(author) or _plain_key(entry.fields.get("key", "")) or _plain_key(title)
        return (author, year, _plain_key(title), entry.key)


class LocalStyle(PlainStyle):
    """pybtex's ``plain`` style for :data:`ENTRY_TYPES`, with every word in the style's language."""

    lang = "id"
    default_sorting_style = Sorting

    @property
    def w(self) -> dict:
        return word_table(self.lang)

    def format_entry(self, label, entry, bib_data=None):
        """The entry with its note in the style's language: ``note`` is Indonesian, ``note_en`` English."""
        if entry.type not in ENTRY_TYPES:
            raise ValueError(f"references.bib: @{entry.type}{{{entry.key}}}: the book's styles know only "
                             f"@{', @'.join(ENTRY_TYPES)}; add a template to cite/bibstyle.py first")
        own = entry.fields.get(f"note_{self.lang}") if self.lang != "id" else None
        if own is not None:
            from pybtex.database import Entry

            translated = Entry(entry.type, fields={**entry.fields, "note": own}, persons=entry.persons)
            translated.key = entry.key
            entry = translated
        return super().format_entry(label, entry, bib_data=bib_data)

    def format_names(self, role, as_sentence=True):
        w = self.w
        formatted_names = _names(role, sep=", ", sep2=f" {w['and']} ", last_sep=f", {w['and']} ")
        return sentence[formatted_names] if as_sentence else formatted_names

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        word = self.w["editor"][len(e.persons["editor"]) > 1]
        result = join(sep=", ")[editors, word]
        return sentence[result] if as_sentence else result

    def format_volume_and_series(self, e, as_sentence=True):
        w = self.w
        volume = w["volume"].capitalize() if as_sentence else w["volume"]
        number = w["number"].capitalize() if as_sentence else w["number"]
        volume_and_series = optional[
            words[together[volume, field("volume")], optional[words[w["of"], field("series")]]]
        ]
        number_and_series = optional[
            words[join(sep=Symbol("nbsp"))[number, field("number")], optional[words[w["in_series"], field("series")]]]
        ]
        result = first_of[volume_and_series, number_and_series, optional_field("series")]
        return sentence(capfirst=True)[result] if as_sentence else result

    def format_edition(self, e):
        edition = field("edition", apply_func=lambda x: x.lower())
        if EDITION_BEFORE[self.lang]:
            return optional[words[self.w["edition"], edition]]
        return optional[words[edition, self.w["edition"]]]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[f" ({self.w['visited']} ", field("urldate"), ")"]],
            optional[self.format_eprint(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_doi(e)],
        ]

    def format_url(self, e):
        url = field("url", raw=True)
        return words["URL:", href(url)[url]]

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[join[field("volume"), optional["(", field("number"), ")"], ":", pages]],
            words[self.w["pages"], pages],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[field("journal")], optional[volume_and_pages], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            self.format_btitle(e, "title"),
            self.format_volume_and_series(e),
            sentence[field("publisher"), optional_field("address"), self.format_edition(e), date],
            optional[sentence[self.format_isbn(e)]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


class IndonesianStyle(LocalStyle):
    lang = "id"


class EnglishStyle(LocalStyle):
    lang = "en"


FORMATTING = {"id": IndonesianStyle, "en": EnglishStyle}

FORMATTING_NAMES = {code: f"ekraf_{code}" for code in LANGUAGES}
for _code in LANGUAGES:  # registered on import: the names _config.yml chooses
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_NAMES[_code], FORMATTING[_code], force=True)
