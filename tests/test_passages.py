"""Conditional passages (``jika:`` / ``jika-tidak:`` tags): whatever a run's data decide, each MyST label is shown
once, and a section's heading names only what the section then shows."""

import itertools
import json
import re

import pytest
from conftest import ROOT
from twin_support import sources

from ekraf_repro import student
from ekraf_repro.bookmaker.student.code import tagged

LABEL = re.compile(r"^\(([\w-]+)\)=\s*$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


def _markdown(path) -> list[tuple[str, tuple, tuple]]:
    """Each Markdown cell of a source notebook: its text and its conditions (all must hold, none may)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        ("".join(c["source"]), *tagged(c.get("metadata", {}).get("tags", [])))
        for c in cells
        if c["cell_type"] == "markdown"
    ]


def _exclusive(a, b) -> bool:
    """Can two passages never be shown in the same run? They are written in two languages, or one requires what the
    other excludes."""
    (_, yes_a, no_a), (_, yes_b, no_b) = a, b
    langs_a, langs_b = ({n for n in yes if n.startswith("bahasa_")} for yes in (yes_a, yes_b))
    return bool(langs_a and langs_b and langs_a != langs_b or set(yes_a) & set(no_b) or set(yes_b) & set(no_a))


def _shown(cells, facts: dict[str, bool]) -> str:
    return "\n".join(text for text, yes, no in cells if student.holds(facts, yes, no))


@pytest.mark.parametrize("path", sources(ROOT), ids=lambda p: p.name)
def test_a_label_defined_twice_is_never_shown_twice(path):
    """A passage written once per language, or once per case, repeats its label: no two cells that can be shown
    together may define the same one (Sphinx would warn, and the strict build fail, for the data that show both)."""
    cells = _markdown(path)
    clashes = [
        f"({label})= in cells {i + 1} and {j + 1}"
        for (i, a), (j, b) in itertools.combinations(enumerate(cells), 2)
        for label in set(LABEL.findall(a[0])) & set(LABEL.findall(b[0]))
        if not _exclusive(a, b)
    ]
    assert len(cells) > 2 and clashes == []


def test_the_exclusion_check_sees_two_passages_shown_together():
    both = [("(x)=\n## A", ("bahasa_id",), ()), ("(x)=\n## B", ("bahasa_id", "ada_perubahan"), ())]
    apart = [("(x)=\n## A", ("bahasa_id",), ("ada_perubahan",)), ("(x)=\n## B", ("bahasa_id", "ada_perubahan"), ())]
    languages = [("(x)=\n## A", ("bahasa_id",), ()), ("(x)=\n## B", ("bahasa_en",), ())]
    assert not _exclusive(*both) and _exclusive(*apart) and _exclusive(*languages)


@pytest.mark.parametrize(
    ("lang", "changes", "heading"),
    [
        ("id", True, "Pangsa dan Indeks"),
        ("id", False, "Pangsa"),
        ("en", True, "Shares and index"),
        ("en", False, "Shares"),
    ],
)
def test_the_appendix_names_the_index_only_when_it_shows_it(lang, changes, heading):
    """A table of one year has no index (nor changes): the appendix's section of shares is headed by shares alone."""
    cells = _markdown(ROOT / "notebooks" / "07_tabel_rinci.ipynb")
    facts = {f"bahasa_{lang}": True, "ada_perubahan": changes, "ada_pangsa": True, "ada_total": True}
    text = _shown(cells, facts)
    headings = HEADING.findall(text)
    assert heading in headings and ("{numref}`tbl-indeks`" in text) == changes
    index_words = [h for h in headings if re.search(r"\b(indeks|index)\b", h, re.IGNORECASE)]
    assert index_words == ([heading] if changes else [])
