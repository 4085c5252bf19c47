"""Small Sphinx extension for the book: author-year citations in round brackets."""
import dataclasses

import sphinxcontrib.bibtex.plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle



def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")



@dataclasses.dataclass
class RoundAuthorYear(AuthorYearReferenceStyle):
    """``(Keohane, 1984)`` rather than ``[Keohane, 1984]``."""

    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_textual: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_author: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_label: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_round)


sphinxcontrib.bibtex.plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing", "author_year_round", RoundAuthorYear
)


def setup(app):
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
