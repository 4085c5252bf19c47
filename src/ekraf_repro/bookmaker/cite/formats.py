"""A citable part's citation as a file, from its CSL item: BibTeX (pybtex), RIS (rispy) and CSL-JSON; the one
writer of each, for the downloads and the page "Cara mengutip" alike.
"""

from __future__ import annotations

from pathlib import Path

import pybtex.database
import rispy

from ... import escape

FOLDER = "_kutipan"  # where a built edition holds the downloads: _kutipan/<key>.bib, .ris, .json
LANGUAGE_NAMES = {"id": "indonesian", "en": "english"}  # BibTeX's language field


def _bibliography(key: str, entry: pybtex.database.Entry) -> str:
    return pybtex.database.BibliographyData({key: entry}).to_string("bibtex")


def bibtex(item: dict) -> str:
    """The item as a BibTeX entry (``@book`` for the book, ``@incollection`` for a part of it)."""
    fields = [("title", item["title"])]
    if "container-title" in item:
        fields.append(("booktitle", item["container-title"]))
    fields += [("year", str(item["issued"]["date-parts"][0][0])), ("edition", item["version"])]
    fields += [("language", LANGUAGE_NAMES[item["language"]]), ("note", item["note"])]
    fields = [(key, escape.bibtex(value)) for key, value in fields]  # a BibTeX field is LaTeX
    author = pybtex.database.Person("{" + escape.bibtex(item["author"][0]["literal"]) + "}")  # one name
    kind = "book" if item["type"] == "book" else "incollection"
    return _bibliography(item["id"], pybtex.database.Entry(kind, fields=fields, persons={"author": [author]}))


class _Ris(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # one record per file: no "1." before it


def ris(item: dict) -> str:
    """The item as an RIS record (``BOOK`` for the book, ``CHAP`` for a part of it)."""
    year, month, day = item["issued"]["date-parts"][0]
    record = {"type_of_reference": "BOOK" if item["type"] == "book" else "CHAP"}
    record.update(authors=[escape.ris(item["author"][0]["literal"])], title=escape.ris(item["title"]))
    if "container-title" in item:
        record["secondary_title"] = escape.ris(item["container-title"])
    record.update(year=str(year), date=f"{year:04d}/{month:02d}/{day:02d}", edition=item["version"])
    record.update(language=item["language"], id=item["id"], notes=[escape.ris(item["note"])])
    return rispy.dumps([record], implementation=_Ris)


def csl_json(item: dict) -> str:
    return escape.json([item], indent=1) + "\n"


FORMATS = {"bib": ("BibTeX", bibtex), "ris": ("RIS", ris), "json": ("CSL-JSON", csl_json)}


def files(items: list[dict]) -> dict[str, str]:
    """The downloads of every item, by their path in the built edition: ``_kutipan/<key>.<ext>``."""
    return {f"{FOLDER}/{item['id']}.{ext}": write(item) for item in items for ext, (_, write) in FORMATS.items()}


def bib_entry(key: str, bib: Path, code: str) -> str:
    """One entry of ``references.bib`` as a reader copies it: its note in the edition's language only."""
    entries = pybtex.database.parse_file(str(bib), "bibtex").entries
    if key not in entries:
        raise KeyError(f"{bib.name}: no entry '{key}'")
    source = entries[key]
    fields = [(k, v) for k, v in source.fields.items() if k != "note_en"]
    if code != "id" and "note_en" in source.fields:
        fields = [(k, source.fields["note_en"] if k == "note" else v) for k, v in fields]
    return _bibliography(key, pybtex.database.Entry(source.type, fields=fields, persons=source.persons))
