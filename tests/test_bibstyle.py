"""The bibliography and the citations speak the book's language (EYD V for Indonesian; English for an English edition).

Real entries of book/references.bib are formatted with the plugins of
``ekraf_repro.bookmaker.cite.bibstyle`` and ``.citestyle`` through the pybtex and
sphinxcontrib-bibtex APIs, without a Sphinx build. The localised words are written out literally in
the expected strings; the rest (titles, notes, addresses) is read from the entry,
so a corrected note does not break a test about "dan" or "Mei".
"""

import dataclasses
import random
import re

import pybtex.database
import pybtex.plugin
import pytest
import sphinxcontrib.bibtex.plugin
import yaml
from conftest import ROOT
from pybtex.database import Entry, Person
from sphinxcontrib.bibtex.style.referencing import format_references
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

from ekraf_repro import paths
from ekraf_repro.bookmaker.cite import bibstyle, citestyle  # importing them registers the styles, as in a build

BIB = pybtex.database.parse_file(str(paths.BOOK / "references.bib"))


def formatting(lang: str):
    return pybtex.plugin.find_plugin("pybtex.style.formatting", f"ekraf_{lang}")()


def referencing(lang: str):
    return sphinxcontrib.bibtex.plugin.find_plugin("sphinxcontrib.bibtex.style.referencing", f"author_year_{lang}")()


def entry_text(key: str, lang: str, bib=BIB) -> str:
    """One bibliography entry as plain text, as the style renders it."""
    (formatted,) = formatting(lang).format_entries([bib.entries[key]])
    return formatted.text.render_as("text")


def cite(keys: list[str], lang: str, role: str = "p", bib=BIB) -> str:
    """A citation of ``keys`` as plain text: role "p" is {cite:p}, "t" is {cite:t}."""
    formatted = {e.key: e for e in formatting(lang).format_entries([bib.entries[k] for k in keys])}
    refs = [(bib.entries[k], formatted[k], SphinxReferenceInfo(None, "", "", k, None, "", "")) for k in keys]
    return str(format_references(referencing(lang), role, refs))


def fields(key: str, lang: str = "id") -> tuple[str, str, str]:
    """Title, note and address of an entry, as the style prints them in ``lang`` (braces gone, a final period on
    the note; the English edition prints ``note_en``)."""
    e = BIB.entries[key].fields
    title = re.sub(r"[{}]", "", e["title"])
    note = e["note_en"] if lang == "en" else e["note"]
    note = note if note.endswith(".") else note + "."
    return title, note, e["url"]


def test_every_note_has_an_english_note_and_each_edition_prints_its_own():
    missing = [k for k, e in BIB.entries.items() if e.fields.get("note") and not e.fields.get("note_en")]
    assert missing == []
    _, note_id, _ = fields("merdeka2018", "id")
    _, note_en, _ = fields("merdeka2018", "en")
    assert note_id != note_en
    assert note_id in entry_text("merdeka2018", "id") and note_en not in entry_text("merdeka2018", "id")
    assert note_en in entry_text("merdeka2018", "en") and note_id not in entry_text("merdeka2018", "en")


# ----------------------------------------------------------------------------- bibliography


def test_two_authors_are_joined_by_dan():
    for lang, joiner in (("id", "dan"), ("en", "and")):
        title, note, url = fields("ahmad_seet2009", lang)
        assert entry_text("ahmad_seet2009", lang) == (
            f"Noor Hazlina Ahmad {joiner} Pi-Shen Seet. {title}. Asian Social Science, 2009. {note} URL: {url}."
        )


@pytest.mark.parametrize(
    "key, author, id_date, en_date",
    [
        ("merdeka2018", "Endang Saputra", "Mei 2018", "May 2018"),
        ("detik2016", "Detik.com", "Desember 2016", "December 2016"),
        ("kompas_himki", "Kompas.com", "Juli 2016", "July 2016"),
    ],
)
def test_months_are_in_the_books_language(key, author, id_date, en_date):
    for lang, date in (("id", id_date), ("en", en_date)):
        title, note, url = fields(key, lang)
        assert entry_text(key, lang) == f"{author}. {title}. {date}. {note} URL: {url}."


def test_an_entry_without_a_year_says_tt():
    assert BIB.entries["tirto_hipmi"].fields["year"] == "t.t."
    for lang, word in (("id", "t.t."), ("en", "n.d.")):
        title, note, url = fields("tirto_hipmi", lang)
        assert entry_text("tirto_hipmi", lang) == f"Tirto.id. {title}. {word} {note} URL: {url}."


def test_a_missing_year_field_is_rendered_as_unknown_too():
    """The style does not depend on the bibliography writing t.t.: no year field at all gives the same text."""
    bib = pybtex.database.BibliographyData()
    original = BIB.entries["tirto_hipmi"]
    bib.add_entry(
        "tanpa_tahun",
        Entry(original.type, {k: v for k, v in original.fields.items() if k != "year"}, persons=original.persons),
    )
    for lang, word in (("id", "t.t."), ("en", "n.d.")):
        title, note, url = fields("tirto_hipmi", lang)
        assert entry_text("tanpa_tahun", lang, bib) == f"Tirto.id. {title}. {word} {note} URL: {url}."
    assert cite(["tanpa_tahun"], "id", bib=bib) == "(Tirto.id, t.t.)"


def test_no_entry_lacks_a_year():
    assert [k for k, e in BIB.entries.items() if not e.fields.get("year")] == []


def test_no_english_words_in_the_indonesian_bibliography():
    """The words pybtex's plain style hardcodes never reach an Indonesian entry (notes and titles excepted)."""
    style = formatting("id")
    # "editor" is Indonesian too (KBBI; the style's Indonesian word for one or more editors), "editors" is not
    english = re.compile(
        r"\b(?:and|In|editors|pages|edition|Volume|Number|of|Technical Report|PhD thesis|"
        r"Master's thesis|visited on|n\.d\.|January|February|March|May|June|July|August|October|"
        r"December)\b"
    )
    for formatted in style.format_bibliography(BIB).entries:
        e = BIB.entries[formatted.key].fields
        text = formatted.text.render_as("text")
        for name in ("title", "booktitle", "note", "journal", "publisher", "url"):
            text = text.replace(re.sub(r"[{}]", "", e.get(name, "")), "")
        assert not english.search(text), (formatted.key, text)


def test_the_bibliography_uses_only_the_entry_types_and_fields_the_styles_know():
    """The styles localise @article, @book, @incollection and @misc with the fields references.bib uses; another
    type or field would print pybtex's English words, so it stops the build naming the entry until the style learns
    it."""
    assert (
        {e.type for e in BIB.entries.values()}
        <= set(bibstyle.ENTRY_TYPES)
        == {
            "article",
            "book",
            "incollection",
            "misc",
        }
    )
    for key, entry in BIB.entries.items():
        assert {*entry.fields, *entry.persons} <= bibstyle.FIELDS[entry.type], key
    thesis = "@phdthesis{dis, author = {Empat, E.}, title = {Judul}, school = {ITB}, year = {2019}}"
    with pytest.raises(ValueError, match=r"references.bib: @phdthesis\{dis\}: the book's styles know only @article"):
        entry_text("dis", "id", pybtex.database.parse_string(thesis, "bibtex"))
    series = "@book{b, author = {Satu, A.}, title = {Judul}, publisher = {P}, year = {2020}, series = {S}}"
    with pytest.raises(ValueError, match=r"@book\{b\}: .* not 'series'"):
        entry_text("b", "en", pybtex.database.parse_string(series, "bibtex"))


@pytest.mark.parametrize(
    ("lang", "chapter", "volume"),
    [
        (
            "id",
            "Dalam Hans J. Michelmann dan Panayotis Soldatos (editor), ",
            "Hans J. Michelmann dan Panayotis Soldatos (editor). ",
        ),
        (
            "en",
            "In Hans J. Michelmann and Panayotis Soldatos (editors), ",
            "Hans J. Michelmann and Panayotis Soldatos (editors). ",
        ),
    ],
)
def test_edited_volumes_and_their_chapters_in_the_editions_words(lang, chapter, volume):
    """A chapter names its volume's editors with the edition's words; a volume without an author, its editors."""
    assert chapter + "Federalism and International Relations" in entry_text("duchacek1990", lang, BIB)
    assert entry_text("michelmann_soldatos1990", lang, BIB).startswith(volume)
    article = entry_text("milner1992", lang, BIB)
    assert "World Politics, 44(3), 466–496," in article and "DOI: 10.2307/2010546." in article


def test_the_bibliography_order_is_deterministic_and_readable():
    keys = list(BIB.entries)
    orders = set()
    for seed in range(3):
        random.Random(seed).shuffle(keys)
        orders.add(tuple(e.key for e in formatting("id").format_entries([BIB.entries[k] for k in keys])))
    assert len(orders) == 1
    (order,) = orders
    # corporate authors and works known by their key sort by their name, not after everyone else
    assert order.index("detik2016") < order.index("kbbi") < order.index("keohane1984") < order.index("merdeka2018")
    assert [e.key for e in formatting("en").format_entries(BIB.entries.values())] == list(order)


# ----------------------------------------------------------------------------- citations


def test_several_works_in_one_citation_are_separated_by_semicolons():
    for lang in bibstyle.LANGUAGES:
        assert cite(["merdeka2018", "terasjabar2018"], lang) == "(Saputra, 2018; Terasjabar.co, 2018)"
        assert cite(["merdeka2018", "terasjabar2018"], lang, "t") == "Saputra (2018); Terasjabar.co (2018)"


def test_two_authors_in_text():
    assert cite(["ahmad_seet2009"], "id") == "(Ahmad dan Seet, 2009)"
    assert cite(["ahmad_seet2009"], "id", "t") == "Ahmad dan Seet (2009)"
    assert cite(["ahmad_seet2009"], "en") == "(Ahmad and Seet, 2009)"
    assert cite(["ahmad_seet2009"], "en", "t") == "Ahmad and Seet (2009)"


def test_three_authors_in_text():
    bib = pybtex.database.BibliographyData()
    bib.add_entry(
        "tiga",
        Entry(
            "misc",
            {"title": "Judul", "year": "2020"},
            persons={"author": [Person("Anggia, A."), Person("Budi, B."), Person("Citra, C.")]},
        ),
    )
    assert cite(["tiga"], "id", bib=bib) == "(Anggia dkk., 2020)"
    assert cite(["tiga"], "id", "t", bib=bib) == "Anggia dkk. (2020)"
    assert cite(["tiga"], "id", "ps", bib=bib) == "(Anggia, Budi, dan Citra, 2020)"
    assert cite(["tiga"], "en", bib=bib) == "(Anggia et al., 2020)"
    assert cite(["tiga"], "en", "t", bib=bib) == "Anggia et al. (2020)"


def test_a_work_the_paper_names_only_as_x_et_al_is_cited_in_each_editions_words():
    """references.bib writes the paper's "Ahmad et al. (2009)" as BibTeX's "Ahmad and others": "dkk." in the
    Indonesian edition, "et al." in the English one, in the text (even where every author is named) and the list."""
    for key, name in (("ahmad2009", "Ahmad"), ("anggia2020", "Anggia"), ("hidayat2022", "Hidayat")):
        year = BIB.entries[key].fields["year"]
        assert [cite([key], "id", role) for role in ("p", "t", "ps")] == [
            f"({name} dkk., {year})",
            f"{name} dkk. ({year})",
            f"({name} dkk., {year})",
        ]
        assert cite([key], "en") == f"({name} et al., {year})"
        assert entry_text(key, "id").startswith(f"{name} dkk.") and entry_text(key, "en").startswith(f"{name} et al.")
    assert cite(["ahmad_seet2009"], "id") == "(Ahmad dan Seet, 2009)"  # a list without "others" is unchanged


def test_an_unknown_year_in_a_citation():
    assert cite(["tirto_hipmi"], "id") == "(Tirto.id, t.t.)"
    assert cite(["tirto_hipmi"], "en") == "(Tirto.id, n.d.)"
    assert cite(["tirto_hipmi"], "id", "yearpar") == "(t.t.)"


def test_the_book_uses_the_indonesian_styles():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    assert config["bibtex_default_style"] == "ekraf_id"
    assert config["bibtex_reference_style"] == "author_year_id"
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", "ekraf_id") is bibstyle.IndonesianStyle
    assert isinstance(referencing("id"), citestyle.LocalAuthorYear) and referencing("id").lang == "id"


def test_both_languages_have_every_word():
    tables = [bibstyle.word_table(lang) for lang in bibstyle.LANGUAGES]
    assert len({frozenset(t) for t in tables}) == 1 and all(len(t["months"]) == 12 for t in tables)
    assert bibstyle.month_name("may", "id") == "Mei" and bibstyle.month_name("12", "en") == "December"
    assert dataclasses.is_dataclass(citestyle.EnglishAuthorYear) and referencing("en").lang == "en"
