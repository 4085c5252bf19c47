"""In-text citations in the book's language: sphinxcontrib-bibtex's referencing styles ``author_year_id`` and
``author_year_en``: "(Ahmad dan Seet, 2009; Tirto.id, t.t.)", "(X dkk., 2020)", with :mod:`.bibstyle`'s words.
Subclasses of sphinxcontrib-bibtex's dataclasses (guarded); registered when imported, chosen in ``_config.yml``.
"""

from __future__ import annotations

import dataclasses

import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Text
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
from sphinxcontrib.bibtex.style.template import join2, node, post_text, pre_text, reference

from .. import guards
from .bibstyle import LANGUAGES, and_others, word_table, year


@node
def _author(children, data, person: PersonStyle, full: bool):
    """The author as sphinxcontrib-bibtex cites it, except a list the source gives only as "Ahmad et al." (BibTeX's
    "and others"): its named authors and the edition's word, even where every author is named ("ps")."""
    one = lambda p: person.style_plugin.format(p, person.abbreviate)
    joined = sjoin(sep=person.sep, sep2=person.sep2, last_sep=person.last_sep)
    return and_others(data, "author", one, joined, person.other, person.author_or_editor_or_title(full=full))


@dataclasses.dataclass
class _Parenthetical(BasicAuthorYearParentheticalReferenceStyle):
    def inner(self, role_name):
        author = _author(person=self.person, full="s" in role_name)
        cited = reference[sjoin(sep=self.author_year_sep)[author, year]]
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, cited, post_text]


@dataclasses.dataclass
class _Textual(BasicAuthorYearTextualReferenceStyle):
    def inner(self, role_name):
        author = _author(person=self.person, full="s" in role_name)
        dated = join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, reference[year], post_text]
        return sjoin(sep=self.text_reference_sep)[author, sjoin[self.bracket.left, dated, self.bracket.right]]


@dataclasses.dataclass
class _Year(ExtraYearReferenceStyle):
    def inner(self, role_name):
        return reference[year]


SEPARATOR = "; "  # between the works of one citation, in both languages


def round_brackets() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep=SEPARATOR)


def person_style(code: str) -> PersonStyle:
    w = word_table(code)
    return PersonStyle(sep=", ", sep2=f" {w['and']} ", last_sep=f", {w['and']} ", other=Text(" ", w["et_al"]))


@dataclasses.dataclass
class LocalAuthorYear(AuthorYearReferenceStyle):
    """Author-year citations in round brackets, in the language ``lang``: ``Ahmad dan Seet (2009)``."""

    lang: str = "id"
    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_textual: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_author: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_label: BracketStyle = dataclasses.field(default_factory=round_brackets)
    bracket_year: BracketStyle = dataclasses.field(default_factory=round_brackets)
    person: PersonStyle | None = None  # from lang unless given

    def __post_init__(self):
        guards.check("bibtex-referencing-style")
        self.person = self.person or person_style(self.lang)
        common = {"person": self.person, "pre_text_sep": self.pre_text_sep, "post_text_sep": self.post_text_sep}
        self.styles += [
            _Parenthetical(bracket=self.bracket_parenthetical, author_year_sep=self.author_year_sep, **common),
            _Textual(bracket=self.bracket_textual, text_reference_sep=self.text_reference_sep, **common),
            ExtraAuthorReferenceStyle(bracket=self.bracket_author, person=self.person),
            ExtraLabelReferenceStyle(bracket=self.bracket_label),
            _Year(bracket=self.bracket_year),
            ExtraEmptyReferenceStyle(),
        ]
        GroupReferenceStyle.__post_init__(self)  # not AuthorYearReferenceStyle's: it would add the English styles


@dataclasses.dataclass
class IndonesianAuthorYear(LocalAuthorYear):
    lang: str = "id"


@dataclasses.dataclass
class EnglishAuthorYear(LocalAuthorYear):
    lang: str = "en"


REFERENCING = {"id": IndonesianAuthorYear, "en": EnglishAuthorYear}
REFERENCING_NAMES = {code: f"author_year_{code}" for code in LANGUAGES}
for _code in LANGUAGES:  # registered on import: the names _config.yml chooses
    plugin = "sphinxcontrib.bibtex.style.referencing"
    sphinxcontrib.bibtex.plugin.register_plugin(plugin, REFERENCING_NAMES[_code], REFERENCING[_code], force=True)
