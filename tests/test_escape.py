"""The escapers (``ekraf_repro/escape.py``): for any one-line string, each target's own parser reads the escaped text
back as exactly that string, with no element, role, command or field of its own; and no other way of writing a
user's string into a page is left in the code that writes variant pages."""

import json
import re

import pybtex.database
import rispy
from bs4 import BeautifulSoup
from conftest import ROOT
from docutils import nodes
from docutils.core import publish_doctree
from hypothesis import given, settings
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser

from ekraf_repro import escape

# one line of any text: no control characters (which no accepted file name holds) and no lone surrogates
LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)
NASTY = [
    "<img src=x onerror=alert(1)>",
    '[l](http://x) {ref}`x` $\\input{x}$ "q" é',
    "a}b{c\\",
    "`` ` *a* _b_ &amp; &#60; <!-- -->",
    "# h\n- x",
    " ` ",
    "1. x | y |",
    "</script><img src=x onerror=alert(1)>",
]
SOME = st.one_of(LINE, st.sampled_from(NASTY), st.lists(st.sampled_from(NASTY + ["x", " "])).map("".join))


@given(SOME)
def test_html_round_trips_without_elements(s):
    soup = BeautifulSoup(f'<p title="{escape.html(s)}">x{escape.html(s)}x</p>', "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"]
    assert soup.p.get_text() == f"x{escape.one_line(s)}x" and soup.p["title"] == escape.one_line(s)
    assert list(soup.p.attrs) == ["title"]


def _myst(source: str) -> nodes.document:
    exts = ["colon_fence", "deflist", "substitution", "dollarmath"]  # the book's, and maths too
    overrides = {"myst_enable_extensions": exts, "report_level": 5, "halt_level": 5, "warning_stream": False}
    return publish_doctree(source, parser=Parser(), settings_overrides=overrides)


def _only_text(doc: nodes.document, allowed=(nodes.paragraph, nodes.Text)) -> str:
    found = [n for n in doc.findall() if not isinstance(n, (nodes.document, *allowed))]
    assert found == [], [n.pformat() for n in found]
    return doc.astext()


@settings(max_examples=150, deadline=None)
@given(SOME)
def test_myst_prose_round_trips_as_one_paragraph_of_text(s):
    doc = _myst(f"Data: {escape.myst(s)} (SHA-256 abc).\n")
    assert _only_text(doc) == f"Data: {escape.one_line(s)} (SHA-256 abc)."


@settings(max_examples=150, deadline=None)
@given(SOME.filter(bool))  # a file's name is never empty
def test_a_myst_code_span_holds_the_text_exactly(s):
    doc = _myst(f"File {escape.code(s)} here.\n")
    assert _only_text(doc, (nodes.paragraph, nodes.Text, nodes.literal)) == f"File {escape.one_line(s)} here."
    assert [n.astext() for n in doc.findall(nodes.literal)] == [escape.one_line(s)]


def _unlatex(value: str) -> str:
    table = {v: k for k, v in escape.LATEX.items()}
    pattern = "|".join(re.escape(v) for v in sorted(table, key=len, reverse=True))
    rest = re.sub(pattern, "", value)
    assert "\\" not in rest and "{" not in rest and "}" not in rest, value  # no command or group of its own
    return re.sub(pattern, lambda m: table[m.group(0)], value)


@settings(max_examples=150, deadline=None)
@given(SOME)
def test_bibtex_fields_parse_back_to_the_text(s):
    from ekraf_repro.bookmaker.cite import formats

    item = {"id": "buku", "type": "book", "title": s, "author": [{"literal": s}], "issued": {"date-parts": [[2025]]},
            "version": "1", "language": "id", "note": f"N {s} N"}  # fmt: skip
    parsed = pybtex.database.parse_string(formats.bibtex(item), "bibtex").entries
    assert list(parsed) == ["buku"]
    fields = parsed["buku"].fields
    assert set(fields) == {"title", "year", "edition", "language", "note"}
    words = " ".join(escape.one_line(s).split())  # BibTeX reads any run of spaces as one
    assert _unlatex(fields["note"]) == " ".join(f"N {words} N".split()) and _unlatex(fields["title"]) == words


@settings(max_examples=150, deadline=None)
@given(st.one_of(SOME, st.text(max_size=20)))  # control characters (line breaks) too: never a second tag
def test_ris_records_parse_back_to_the_text(s):
    from ekraf_repro.bookmaker.cite import formats

    item = {"id": "buku", "type": "book", "title": f"T{s}T", "author": [{"literal": "A"}], "note": f"N{s}N",
            "issued": {"date-parts": [[2025, 1, 2]]}, "version": "1", "language": "id"}  # fmt: skip
    (record,) = rispy.loads(formats.ris(item))
    line = escape.one_line(s)
    assert record["title"] == f"T{line}T" and record["notes"] == [f"N{line}N"]
    assert set(record) == {
        "type_of_reference",
        "authors",
        "title",
        "year",
        "date",
        "edition",
        "language",
        "id",
        "notes",
    }


@given(st.one_of(SOME, st.text()))
def test_json_parses_back_and_never_closes_a_script(s):
    out = escape.json({"name": s, "list": [s]})
    assert json.loads(out) == {"name": s, "list": [s]}
    soup = BeautifulSoup(f'<script type="application/ld+json">{out}</script>', "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["script"] and json.loads(soup.script.string)["name"] == s


def test_latex_escapes_every_special_and_keeps_braces_balanced():
    assert escape.latex("a_b$c{d\\e") == r"a\_b\$c\textbraceleft{}d\textbackslash{}e\textbraceright{}"[:-18] + "e"
    assert escape.latex("}{") == r"\textbraceright{}\textbraceleft{}"


def test_no_other_way_of_writing_a_variants_strings_into_pages():
    """The code that writes a variant's name, settings and citation uses the escapers, not its own."""
    machine = ROOT / "src" / "ekraf_repro" / "bookmaker"
    sources = {p: p.read_text(encoding="utf-8") for p in machine.rglob("*.py")}
    uses = [p for p, code in sources.items() if re.search(r"\.(citation_suffix|statements)\(|\.data_name", code)]
    assert sorted(p.name for p in uses) == ["citations.py", "citing.py", "latex.py", "variant.py"]
    assert [p.name for p in uses if re.search(r"from html import escape|LATEX_SPECIALS", sources[p])] == []
    for p in uses:
        for call in re.findall(r"\.(?:citation_suffix|statements)\([^)]*\)", sources[p]):
            assert "escape." in call or p.name in ("variant.py", "citations.py"), (p.name, call)


def test_the_cite_pages_variant_section_is_text_only():
    """Before: 'Varian dengan data <img src=x onerror=alert(1)>.csv' went raw into the MyST page."""
    from ekraf_repro.bookmaker.pages import citing
    from ekraf_repro.bookmaker.variant import Variant

    name = NASTY[0] + NASTY[1] + ".csv"
    page = citing.render("id", Variant(name, "abc123", {"subsektor": "Musik<b>"}))
    section = page.split("## ")[1].split("\n", 1)[1]  # the section "Varian ini", below its heading
    doc = _myst(section.split("```")[0])
    text = _only_text(doc, (nodes.paragraph, nodes.Text, nodes.emphasis))
    assert name in text and "subsektor=Musik<b>" in text
