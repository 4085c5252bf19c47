"""Bibliography and citations in the book's language: pybtex and sphinxcontrib-bibtex plugins.

pybtex's ``plain`` style and sphinxcontrib-bibtex's author-year style hardcode
English ("and", "In", "pages", "May 2018", "n.d.", "et al.") and separate
several citations in one bracket by commas. The plugins here take every such
word from :data:`WORDS`, one small table per language:

- formatting styles (the bibliography): ``ekraf_id`` and ``ekraf_en``, subclasses
  of pybtex's ``plain`` (= ``unsrt`` sorted by author, year and title);
- referencing styles (the in-text citations): ``author_year_id`` and
  ``author_year_en``, author-year in round brackets, several works separated by
  semicolons: "(Saputra, 2018; Terasjabar.co, 2018)".

Indonesian follows EYD V and the usual Indonesian academic forms ("dan", "dkk.",
"Dalam", "hlm.", "edisi", Indonesian month names). ``references.bib`` writes an
unknown year as ``t.t.``; both styles also treat a missing year, ``t.t.`` and
``n.d.`` alike as unknown and print the language's word for it, so one
bibliography file serves both editions.

Registered when this module is imported (``sphinx_ext`` imports it); choose them
in ``_config.yml`` with ``bibtex_default_style`` and ``bibtex_reference_style``.
"""

from __future__ import annotations

import dataclasses
import re

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
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
from sphinxcontrib.bibtex.style.referencing import BracketStyle, GroupReferenceStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
    BasicAuthorYearParentheticalReferenceStyle,
    BasicAuthorYearTextualReferenceStyle,
)
from sphinxcontrib.bibtex.style.referencing.extra_author import ExtraAuthorReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_empty import ExtraEmptyReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_label import ExtraLabelReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_year import ExtraYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join as sjoin
from sphinxcontrib.bibtex.style.template import join2, post_text, pre_text, reference

from ..tanggal import MONTHS  # one table of month names, for dates and references alike

# ----------------------------------------------------------------------------- the words

WORDS: dict[str, dict] = {
    "id": {
        "and": "dan",  # two authors: "Ahmad dan Seet"; three or more: "A, B, dan C" (EYD V: comma before dan)
        "et_al": "dkk.",  # dan kawan-kawan
        "no_year": "t.t.",  # tanpa tahun
        "months": MONTHS["id"],
        "in": "Dalam",
        "editor": "editor",
        "editors": "editor",
        "pages": "hlm.",
        "chapter": "bab",
        "edition": "edisi",
        "edition_before": True,  # "edisi kedua", not "kedua edisi"
        "volume": "volume",
        "of": "dari",
        "number": "nomor",
        "in_series": "dalam",
        "masters_thesis": "Tesis magister",
        "phd_thesis": "Disertasi doktor",
        "tech_report": "Laporan teknis",
        "visited": "diakses",
        "url": "URL:",
    },
    "en": {
        "and": "and",
        "et_al": "et al.",
        "no_year": "n.d.",
        "months": MONTHS["en"],
        "in": "In",
        "editor": "editor",
        "editors": "editors",
        "pages": "pages",
        "chapter": "chapter",
        "edition": "edition",
        "edition_before": False,
        "volume": "volume",
        "of": "of",
        "number": "number",
        "in_series": "in",
        "masters_thesis": "Master's thesis",
        "phd_thesis": "PhD thesis",
        "tech_report": "Technical Report",
        "visited": "visited on",
        "url": "URL:",
    },
}
LANGUAGES = tuple(WORDS)
# How references.bib (or a stray entry) may write a year that is not known.
UNKNOWN_YEARS = {"", "t.t.", "t.t", "n.d.", "n.d", "tanpa tahun"}

# A month as BibTeX writes it: a macro (``may``, expanded by pybtex to "May"), a number, or a name in either language.
_MONTH_INDEX = {}
for _table in WORDS.values():
    for _i, _name in enumerate(_table["months"]):
        _MONTH_INDEX[_name.casefold()] = _i
        _MONTH_INDEX[_name[:3].casefold()] = _i
_MONTH_INDEX.update({str(i + 1): i for i in range(12)} | {f"{i + 1:02d}": i for i in range(12)})


def word_table(lang: str) -> dict:
    """The word table of ``lang`` ("id", "en", or a locale such as "id_ID")."""
    return WORDS[(lang or "id").split("_")[0].split("-")[0]]


def month_name(value: str, lang: str) -> str:
    """``May``, ``may``, ``5`` or ``Mei`` in ``lang``; an unrecognised value is returned unchanged."""
    i = _MONTH_INDEX.get(value.strip().rstrip(".").casefold())
    return value if i is None else word_table(lang)["months"][i]


def year_text(value: str | None, lang: str) -> str:
    """The year as printed: the language's word for an unknown year when it is missing or marked unknown."""
    value = (value or "").strip()
    return word_table(lang)["no_year"] if value.casefold() in UNKNOWN_YEARS else value


# ----------------------------------------------------------------------------- formatting style (bibliography)


@node
def _year(children, context):
    """The entry's year, or the style's word for an unknown year (never raises FieldIsMissing)."""
    assert not children
    style = context["style"]
    value = context["entry"].fields.get("year")
    text = year_text(value, style.lang)
    return Text.from_latex(text) if value and text == value.strip() else Text(text)


@node
def _month(children, context):
    assert not children
    entry = context["entry"]
    if "month" not in entry.fields:
        raise FieldIsMissing("month", entry)
    return Text(month_name(str(entry.fields["month"]), context["style"].lang))


date = words[optional[_month], _year]


def _plain_key(text: str) -> str:
    """Sort text without BibTeX braces, the editors' square brackets or case."""
    return re.sub(r"[{}\[\]\\]", "", text).strip().casefold()


class Sorting(AuthorYearTitleSorting):
    """pybtex's author-year-title order, made total and readable.

    Braces of corporate authors (``{{Tirto.id}}``) and the square brackets of
    the editors' descriptive titles do not count; an entry without an author is
    sorted by its ``key`` field or, failing that, its title (as BibTeX's
    ``plain.bst`` does); the citation key breaks any remaining tie.
    """

    def sorting_key(self, entry):
        author, year, title = super().sorting_key(entry)
        author = _plain_key(author) or _plain_key(entry.fields.get("key", "")) or _plain_key(title)
        return (author, year, _plain_key(title), entry.key)


class LocalStyle(PlainStyle):
    """pybtex's ``plain`` style with every hardcoded word taken from :data:`WORDS`."""

    lang = "id"
    default_sorting_style = Sorting

    @property
    def w(self) -> dict:
        return word_table(self.lang)

    def format_entry(self, label, entry, bib_data=None):
        """The entry with its note in the style's language: ``note`` is Indonesian, ``note_en`` English."""
        own = entry.fields.get(f"note_{self.lang}") if self.lang != "id" else None
        if own is not None:
            from pybtex.database import Entry

            translated = Entry(entry.type, fields={**entry.fields, "note": own}, persons=entry.persons)
            translated.key = entry.key
            entry = translated
        return super().format_entry(label, entry, bib_data=bib_data)

    # -- pieces

    def format_names(self, role, as_sentence=True):
        w = self.w
        formatted_names = _names(role, sep=", ", sep2=f" {w['and']} ", last_sep=f", {w['and']} ")
        return sentence[formatted_names] if as_sentence else formatted_names

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        word = self.w["editors"] if len(e.persons["editor"]) > 1 else self.w["editor"]
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

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together[self.w["chapter"], field("chapter")]],
            optional[together[self.w["pages"], pages]],
        ]

    def format_edition(self, e):
        edition = field("edition", apply_func=lambda x: x.lower())
        if self.w["edition_before"]:
            return optional[words[self.w["edition"], edition]]
        return optional[words[edition, self.w["edition"]]]

    def format_address_organization_publisher_date(self, e, include_organization=True):
        organization = optional_field("organization") if include_organization else None
        return first_of[
            optional[
                join(sep=" ")[
                    sentence[field("address"), date],
                    sentence[organization, optional_field("publisher")],
                ],
            ],
            sentence[organization, optional_field("publisher"), date],
        ]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[f" ({self.w['visited']} ", field("urldate"), ")"]],
            optional[self.format_eprint(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_doi(e)],
        ]

    def format_url(self, e):
        url = field("url", raw=True)
        return words[self.w["url"], href(url)[url]]

    # -- templates (those of pybtex's unsrt that print a word or a date)

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

    def get_booklet_template(self, e):
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[optional_field("howpublished"), optional_field("address"), date, optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_inbook_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            sentence[self.format_btitle(e, "title", as_sentence=False), self.format_chapter_and_pages(e)],
            self.format_volume_and_series(e),
            sentence[
                field("publisher"), optional_field("address"), self.format_edition(e), date, optional_field("note")
            ],
            self.format_web_refs(e),
        ]

    def get_incollection_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                self.w["in"],
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    self.format_chapter_and_pages(e),
                ],
            ],
            sentence[optional_field("publisher"), optional_field("address"), self.format_edition(e), date],
            self.format_web_refs(e),
        ]

    def get_inproceedings_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                self.w["in"],
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    optional[pages],
                ],
                self.format_address_organization_publisher_date(e),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_manual_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            self.format_btitle(e, "title"),
            sentence[optional_field("organization"), optional_field("address"), self.format_edition(e), date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_mastersthesis_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[self.w["masters_thesis"], field("school"), optional_field("address"), date],
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

    def get_phdthesis_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_btitle(e, "title"),
            sentence[
                first_of[optional_field("type"), self.w["phd_thesis"]], field("school"), optional_field("address"), date
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_techreport_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                words[first_of[optional_field("type"), self.w["tech_report"]], optional_field("number")],
                field("institution"),
                optional_field("address"),
                date,
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_unpublished_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[field("note"), date],
            self.format_web_refs(e),
        ]


class IndonesianStyle(LocalStyle):
    lang = "id"


class EnglishStyle(LocalStyle):
    lang = "en"


FORMATTING = {"id": IndonesianStyle, "en": EnglishStyle}

# ----------------------------------------------------------------------------- referencing style (citations)


@node
def _cite_year(children, data):
    """sphinxcontrib-bibtex's ``year`` node, with the language's word for an unknown year instead of "n.d."."""
    assert not children
    value = data["entry"].fields.get("year")
    text = year_text(value, data["style"].lang)
    return Text.from_latex(text) if value and text == value.strip() else Text(text)


@dataclasses.dataclass
class _Parenthetical(BasicAuthorYearParentheticalReferenceStyle):
    def inner(self, role_name):
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[
                sjoin(sep=self.author_year_sep)[
                    self.person.author_or_editor_or_title(full="s" in role_name), _cite_year
                ]
            ],
            post_text,
        ]


@dataclasses.dataclass
class _Textual(BasicAuthorYearTextualReferenceStyle):
    def inner(self, role_name):
        return sjoin(sep=self.text_reference_sep)[
            self.person.author_or_editor_or_title(full="s" in role_name),
            sjoin[
                self.bracket.left,
                join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, reference[_cite_year], post_text],
                self.bracket.right,
            ],
        ]


@dataclasses.dataclass
class _Year(ExtraYearReferenceStyle):
    def inner(self, role_name):
        return reference[_cite_year]


# Between the works of one citation, in both languages: "(Saputra, 2018; Terasjabar.co, 2018)".
SEPARATOR = "; "


def round_brackets() -> BracketStyle:
    """Round brackets; several works in one citation are separated by :data:`SEPARATOR`."""
    return BracketStyle(left="(", right=")", sep=SEPARATOR)


def person_style(lang: str) -> PersonStyle:
    w = word_table(lang)
    return PersonStyle(sep=", ", sep2=f" {w['and']} ", last_sep=f", {w['and']} ", other=Text(" ", w["et_al"]))


@dataclasses.dataclass
class LocalAuthorYear(AuthorYearReferenceStyle):
    """Author-year citations in round brackets, in the language ``lang``.

    ``(Ahmad dan Seet, 2009)``, ``Ahmad dan Seet (2009)``, ``(X dkk., 2020)``,
    ``(Saputra, 2018; Terasjabar.co, 2018)``, ``(Tirto.id, t.t.)``.
    """

    lang: str = "id"
    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_textual: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_author: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_label: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_year: BracketStyle = dataclasses.field(default_factory=round_brackets)
    person: PersonStyle | None = None  # from lang unless given

    def __post_init__(self):
        if self.person is None:
            self.person = person_style(self.lang)
        self.styles.extend(
            [
                _Parenthetical(
                    bracket=self.bracket_parenthetical,
                    person=self.person,
                    author_year_sep=self.author_year_sep,
                    pre_text_sep=self.pre_text_sep,
                    post_text_sep=self.post_text_sep,
                ),
                _Textual(
                    bracket=self.bracket_textual,
                    person=self.person,
                    text_reference_sep=self.text_reference_sep,
                    pre_text_sep=self.pre_text_sep,
                    post_text_sep=self.post_text_sep,
                ),
                ExtraAuthorReferenceStyle(bracket=self.bracket_author, person=self.person),
                ExtraLabelReferenceStyle(bracket=self.bracket_label),
                _Year(bracket=self.bracket_year),
                ExtraEmptyReferenceStyle(),
            ]
        )
        GroupReferenceStyle.__post_init__(self)  # not AuthorYearReferenceStyle's: it would add the English styles


@dataclasses.dataclass
class IndonesianAuthorYear(LocalAuthorYear):
    lang: str = "id"


@dataclasses.dataclass
class EnglishAuthorYear(LocalAuthorYear):
    lang: str = "en"


REFERENCING = {"id": IndonesianAuthorYear, "en": EnglishAuthorYear}

# ----------------------------------------------------------------------------- registration

FORMATTING_NAMES = {lang: f"ekraf_{lang}" for lang in LANGUAGES}
REFERENCING_NAMES = {lang: f"author_year_{lang}" for lang in LANGUAGES}


def register() -> None:
    """Make the styles known to pybtex and sphinxcontrib-bibtex under their names (idempotent)."""
    for lang in LANGUAGES:
        pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_NAMES[lang], FORMATTING[lang], force=True)
        sphinxcontrib.bibtex.plugin.register_plugin(
            "sphinxcontrib.bibtex.style.referencing", REFERENCING_NAMES[lang], REFERENCING[lang], force=True
        )


register()
