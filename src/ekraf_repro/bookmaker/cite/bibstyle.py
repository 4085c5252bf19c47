"""The bibliography in the book's language: the pybtex formatting styles ``ekraf_id`` and ``ekraf_en``.

pybtex's ``plain`` for the entry types and fields ``references.bib`` uses (:data:`FIELDS`; another stops the build),
with the words of ``text.TEXT["bib"]`` (EYD V); the note is ``note`` or ``note_en``. Registered when imported.
"""

from __future__ import annotations

import re

import pybtex.plugin
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitleSorting
from pybtex.style.template import (
    FieldIsMissing,
    field,
    href,
    join,
    names,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)

from ...tanggal import MONTHS
from .. import settings, text

LANGUAGES = settings.EDITIONS
COMMON = {"author", "title", "year", "note", "note_en", "url"}
PUBLISHED = {"publisher", "address"}
FIELDS = {
    "article": COMMON | {"journal", "volume", "number", "pages", "doi", "month"},
    "book": COMMON | PUBLISHED | {"editor", "isbn"},
    "incollection": COMMON | PUBLISHED | {"booktitle", "editor"},
    "misc": COMMON | {"key", "month"},
}
ENTRY_TYPES = tuple(sorted(FIELDS))
UNKNOWN_YEARS = {"", "t.t.", "t.t", "n.d.", "n.d", "tanpa tahun"}  # how a year that is not known may be written
# A month as BibTeX writes it: a macro (``may``, expanded by pybtex to "May"), a number, or a name in either language.
_MONTH_INDEX = {name.casefold(): i for table in MONTHS.values() for i, name in enumerate(table)}
_MONTH_INDEX.update({name[:3].casefold(): i for table in MONTHS.values() for i, name in enumerate(table)})
_MONTH_INDEX.update({str(i + 1): i for i in range(12)} | {f"{i + 1:02d}": i for i in range(12)})


def word_table(code: str) -> dict:  # the bibliography's words in code ("id", "en", "id_ID")
    return {**text.group("bib", code), "months": MONTHS[settings.lang(code)]}


def month_name(value: str, code: str) -> str:
    """``May``, ``may``, ``5`` or ``Mei`` in ``code``; an unrecognised value is returned unchanged."""
    i = _MONTH_INDEX.get(value.strip().rstrip(".").casefold())
    return value if i is None else MONTHS[settings.lang(code)][i]


@node
def year(children, data):
    """The year as printed (in the bibliography and in citations): the language's word for an unknown year when it
    is missing or marked unknown."""
    assert not children
    shown, code = (data["entry"].fields.get("year") or "").strip(), data["style"].lang
    return Text(word_table(code)["no_year"]) if shown.casefold() in UNKNOWN_YEARS else Text.from_latex(shown)


@node
def _month(children, context):
    assert not children
    if "month" not in context["entry"].fields:
        raise FieldIsMissing("month", context["entry"])
    return Text(month_name(str(context["entry"].fields["month"]), context["style"].lang))


date = words[optional[_month], year]


@node
def _editors(children, context):
    """The editors of a volume: "Michelmann, H. J. dan Soldatos, P. (editor)"."""
    assert not children
    style, entry = context["style"], context["entry"]
    word = word_table(style.lang)["editors" if len(entry.persons["editor"]) > 1 else "editor"]
    return words[style.format_names("editor", as_sentence=False), f"({word})"].format_data(context)


def and_others(data, role: str, one, joined, other: Text, otherwise):
    """``otherwise`` formatted, unless the source gives the list only as "Ahmad et al." (BibTeX's "and others"):
    then the persons it names (each through ``one``, ``joined``) and ``other``, the edition's word."""
    persons = data["entry"].persons.get(role, [])
    if len(persons) < 2 or str(persons[-1]) != "others":
        return otherwise.format_data(data)
    return Text(joined[[one(p) for p in persons[:-1]]].format_data(data), other)


@node
def _listed(children, context, role, **kwargs):
    """pybtex's ``names``, with "and others" written as the edition's word: "Ahmad dkk.", "Ahmad et al."."""
    style = context["style"]
    et_al = Text(" ", word_table(style.lang)["et_al"])
    one = lambda person: style.format_name(person, style.abbreviate_names)
    return and_others(context, role, one, join(**kwargs), et_al, names(role, **kwargs))


@node
def _in(children, context):
    assert not children
    return Text(word_table(context["style"].lang)["in"])


web = sentence[optional[words["URL:", href(field("url", raw=True))[field("url", raw=True)]]]]
TEMPLATES = {  # what each entry type prints, in order
    "article": lambda s, e: [s.format_names("author"), s.format_title(e, "title"),
                             sentence[tag("em")[field("journal")], optional[join[field("volume"), optional[
                                 join["(", field("number"), ")"]]]], optional[field("pages")], date],
                             optional[sentence[words["DOI:", field("doi", raw=True)]]]],
    "book": lambda s, e: [s.format_names("author") if "author" in e.persons else sentence[_editors],
                          s.format_btitle(e, "title"), sentence[field("publisher"), optional_field("address"), date],
                          optional[sentence[words["ISBN", field("isbn")]]]],
    "incollection": lambda s, e: [s.format_names("author"), s.format_title(e, "title"),
                                  sentence[words[_in, _editors], tag("em")[field("booktitle")]],
                                  sentence[field("publisher"), optional_field("address"), date]],
    "misc": lambda s, e: [optional[sentence[s.format_names("author")]], optional[s.format_title(e, "title")],
                          sentence[date]],
}  # fmt: skip


def _plain_key(value: str) -> str:  # sort text without BibTeX braces, the editors' square brackets or case
    return re.sub(r"[{}\[\]\\]", "", value).strip().casefold()


class Sorting(AuthorYearTitleSorting):
    """pybtex's author-year-title order, made total: without an author, by ``key`` or title (as ``plain.bst``);
    the citation key breaks any remaining tie."""

    def sorting_key(self, entry):
        author, year, title = super().sorting_key(entry)
        author = _plain_key(author) or _plain_key(entry.fields.get("key", "")) or _plain_key(title)
        return (author, year, _plain_key(title), entry.key)


class LocalStyle(PlainStyle):
    lang = "id"
    default_sorting_style = Sorting

    def format_entry(self, label, entry, bib_data=None):
        allowed = FIELDS.get(entry.type)
        unknown = [entry.type] if allowed is None else sorted({*entry.fields, *entry.persons} - allowed)
        if unknown:
            known = ", @".join(ENTRY_TYPES)
            raise ValueError(f"references.bib: @{entry.type}{{{entry.key}}}: the book's styles know only @{known} "
                             f"with their fields, not '{unknown[0]}'; add it to cite/bibstyle.py")  # fmt: skip
        if self.lang != "id" and "note_en" in entry.fields:  # the note in the style's language
            fields = {**entry.fields, "note": entry.fields["note_en"]}
            translated = Entry(entry.type, fields=fields, persons=entry.persons)
            translated.key, entry = entry.key, translated
        return super().format_entry(label, entry, bib_data=bib_data)

    def format_names(self, role, as_sentence=True):
        and_ = word_table(self.lang)["and"]
        found = _listed(role, sep=", ", sep2=f" {and_} ", last_sep=f", {and_} ")
        return sentence[found] if as_sentence else found

    def get_template(self, e):
        return toplevel[*TEMPLATES[e.type](self, e), sentence[optional_field("note")], web]

    get_article_template = get_book_template = get_incollection_template = get_misc_template = get_template


class IndonesianStyle(LocalStyle):
    lang = "id"


class EnglishStyle(LocalStyle):
    lang = "en"


FORMATTING = {"id": IndonesianStyle, "en": EnglishStyle}
FORMATTING_NAMES = {code: f"ekraf_{code}" for code in LANGUAGES}
for _code in LANGUAGES:  # registered on import: the names _config.yml chooses
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_NAMES[_code], FORMATTING[_code], force=True)
# The plugins a build asks pybtex for hundreds of times (the plain-text backend for every sort key, the BibTeX
# writer for every download): registered once, by name, as the class pybtex itself finds. pybtex otherwise scans the
# installed packages' entry points on every lookup (about 3 ms each, a tenth of a book's build).
for _group, _name in (("pybtex.backends", "plaintext"), ("pybtex.database.output", "bibtex")):
    pybtex.plugin.register_plugin(_group, _name, pybtex.plugin.find_plugin(_group, _name), force=True)
