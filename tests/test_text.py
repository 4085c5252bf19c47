"""One home for the book machine's reader-visible text (bookmaker/text.py): each string once, picked one way."""

import re

from babel.messages.pofile import read_po
from conftest import ROOT

from ekraf_repro.bookmaker import settings, text

MACHINE = ROOT / "src" / "ekraf_repro" / "bookmaker"


def strings(code: str) -> dict[str, list[str]]:
    """Each string of the catalogue in one language, with the entries that hold it."""
    found: dict[str, list[str]] = {}
    for group, entries in text.TEXT.items():
        for key, pair in entries.items():
            value = text.pick(pair, code)
            if isinstance(value, str):  # a table's header may name a column as another table does
                found.setdefault(value, []).append(f"{group}.{key}")
    return found


def test_no_string_is_defined_twice():
    """A text is one pair, defined once: the same words may stand for two things in one language only when
    the other language tells them apart ("number": a data type, "angka"; an issue's number, "nomor")."""
    pairs = [pair for entries in text.TEXT.values() for pair in entries.values()]
    assert [p for p in pairs if pairs.count(p) > 1] == []
    for code in settings.EDITIONS:
        for value, keys in strings(code).items():
            partners = {text.pick(text.TEXT[k.split(".")[0]][k.split(".")[1]], settings.other(code)) for k in keys}
            assert len(partners) == len(keys), (code, value, keys)


def test_no_catalogue_string_is_also_an_interface_message():
    po = ROOT / "book" / "_locale" / "id" / "LC_MESSAGES" / "sphinx.po"
    with po.open("rb") as fh:
        messages = {m.string for m in read_po(fh) if m.id}
    assert set(strings("id")) & messages == set()


def test_every_group_speaks_both_languages():
    for group, entries in text.TEXT.items():
        for key, pair in entries.items():
            assert len(pair) == len(settings.EDITIONS) and all(pair), f"{group}.{key}"
    assert (
        text.pick(text.TEXT["cite"]["chapter"], "en_US") == "Chapter" and text.group("cite", "id")["chapter"] == "Bab"
    )


def test_the_book_machine_picks_a_language_one_way():
    """A language is read from a setting with settings.lang and a text picked with text.pick; no module
    splits a locale or chooses between two strings on its own."""
    idioms = re.compile(r'split\("_"\)\[0\]|0 if lang|if lang == "id" else|\{"id": "[^"]*", "en": "[^"]*"\}\[')
    found = [
        f"{path.relative_to(MACHINE)}: {m.group(0)}"
        for path in sorted(MACHINE.rglob("*.py"))
        if path.name != "settings.py"  # settings.lang: the one way
        for m in idioms.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
