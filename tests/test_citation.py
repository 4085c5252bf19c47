"""Citable: CITATION.cff, the how-to-cite page, every {cite} key, the bibliography, stable numbering."""

import json
import re
import shutil
import subprocess

import jsonschema
import pybtex.database
import pytest
import stability_support as stability
import yaml
from conftest import ROOT

from ekraf_repro import paths
from ekraf_repro.bookmaker import pages, settings
from ekraf_repro.bookmaker.build import book
from ekraf_repro.bookmaker.cite import formats, items
from ekraf_repro.bookmaker.pages import citing

SCHEMA = json.loads((ROOT / "tests" / "data" / "cff-schema-1.2.0.json").read_text(encoding="utf-8"))
BIB = pybtex.database.parse_file(str(paths.BOOK / "references.bib"))
CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")


def prose_sources():
    """Every Markdown text of the book: pages in book/ and Markdown cells of the notebooks (template included)."""
    for md in sorted(paths.BOOK.rglob("*.md")):
        yield md.name, md.read_text(encoding="utf-8")
    for nb in sorted(paths.NOTEBOOKS.rglob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        yield nb.name, "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def cited_keys() -> dict[str, set[str]]:
    keys = {}
    for name, text in prose_sources():
        for group in CITE.findall(text):
            for key in group.split(","):
                keys.setdefault(key.strip(), set()).add(name)
    return keys


def test_citation_cff_is_valid_against_the_cff_schema():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.validate(cff, SCHEMA)
    for field in ["title", "authors", "version", "date-released", "license", "preferred-citation", "references"]:
        assert cff.get(field), field
    assert "version" not in cff["preferred-citation"]  # one version, in one place (test_changelog.py)
    original = settings.original(cff)
    assert "2023" in original["notes"] and "no title block" in original["notes"]


def test_the_package_takes_its_version_from_citation_cff():
    """One version, in one place: pyproject.toml declares it dynamic and hatchling reads CITATION.cff."""
    import importlib.metadata
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    hatch = project["tool"]["hatch"]["version"]
    assert hatch["path"] == "CITATION.cff"
    cff_text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(hatch["pattern"], cff_text)["version"] == str(settings.cff()["version"])
    assert importlib.metadata.version("ekraf-repro") == str(settings.cff()["version"])


def test_schema_rejects_a_broken_cff():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    del cff["authors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(cff, SCHEMA)


@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_how_to_cite_page_is_generated_from_cff(lang):
    """The page is the renderer's output; the book's APA and BibTeX on it are the one pipeline's, with the
    key, edition and note of the download (the registry's parts are filled in by Sphinx: the directives)."""
    page = pages.page(citing.NAME, lang).read_text(encoding="utf-8")
    cff = settings.cff()
    assert page == citing.render(lang)
    book_item = items.book(cff, lang)
    assert items.render([book_item], lang, "markdown")[0] in page and formats.bibtex(book_item).strip() in page
    assert "@book{buku," in page and f'edition = "{cff["version"]}"' in page
    assert (
        f'note = "{book_item["note"]}"' in page
        and book_item["note"]
        == {
            "id": "Buku Jupyter yang setiap babnya dapat dijalankan ulang; teks dan data CC BY 4.0, kode MIT.",
            "en": cff["preferred-citation"]["notes"],
        }[lang]
    )
    title = cff["title"] if lang == "id" else settings.edition(cff, lang)[0]
    assert title in page and cff["version"] in page
    assert formats.bib_entry("makalah", paths.BOOK / "references.bib", lang).strip() in page
    for block in ("chapters", "chapter-bibtex", "example", "table"):
        assert f"```{{ekraf-citable}} {block}" in page


FILE_NAME = re.compile(r"\bLICENSE\b|\b[\w-]+\.(?:md|cff|csv|bib|toml|lock|py|ipynb|zip)\b")


def prose_lines(page: str) -> list[str]:
    """The lines of a MyST page a reader reads as text: not in a fenced block, not a comment."""
    out, fenced = [], False
    for line in page.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and not line.startswith("%"):
            out.append(line)
    return out


@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_how_to_cite_page_names_no_file_in_its_prose(lang):
    """A reader of the citing page meets no file names (review E3, M6): the licences and the citation metadata are
    described in words; the BibTeX blocks, which are code, may hold anything."""
    page = citing.render(lang)
    assert [line for line in prose_lines(page) if FILE_NAME.search(line)] == []
    assert {"id": "Naskah lengkap kedua lisensi", "en": "The full text of both licences"}[lang] in page
    assert FILE_NAME.search("Lisensi: teks dan data CC BY 4.0 (lihat `LICENSE-CONTENT.md`).")  # the old wording
    assert prose_lines("a\n```bibtex\nx.md\n```\n% y.cff\nb") == ["a", "b"]


def test_each_edition_is_cited_in_its_own_language():
    cff = settings.cff()
    apa = {lang: items.render([items.book(cff, lang)], lang, "markdown")[0] for lang in settings.EDITIONS}
    assert apa["id"].endswith(f"(Versi {cff['version']}) [Buku Jupyter].")
    assert apa["en"].startswith("The editors of the reproducible edition. (2026). *Sister-City Cooperation")
    assert apa["en"].endswith(f"(Version {cff['version']}) [Jupyter Book].")
    assert 'language = "english"' in formats.bibtex(items.book(cff, "en"))
    bib = paths.BOOK / "references.bib"
    assert "note_en" not in formats.bib_entry("makalah", bib, "id") + formats.bib_entry("makalah", bib, "en")
    paper = {lang: items.render([items.paper(cff, lang)], lang, "plain")[0] for lang in settings.EDITIONS}
    assert "(n.d.)" in paper["en"] and "(t.t.)" in paper["id"]


def test_every_cite_key_resolves():
    unknown = {k: sorted(v) for k, v in cited_keys().items() if k not in BIB.entries}
    assert unknown == {}


def test_every_bib_entry_is_cited():
    uncited = sorted(set(BIB.entries) - set(cited_keys()))
    assert uncited == [], f"entries never cited (cite them, or list them here deliberately): {uncited}"


def test_bib_entries_that_lack_details_say_what_is_missing():
    for key in [
        "anggia2020",
        "hidayat2022",
        "aufar2014",
        "soedarso1990",
        "fauzi2017",
        "permana2015",
        "kbbi",
        "makalah",
    ]:
        note = BIB.entries[key].fields.get("note", "")
        assert re.search(r"(?i)tidak diketahui|tidak menyebut|tidak ditemukan|tidak memuat", note), key


ENGLISH = re.compile(r"\b(?:the|and|is|are|was|were|not|which|with|from|by)\b")
INDONESIAN = re.compile(r"\b(?:yang|dan|tidak|dari|untuk|dengan|pada|oleh|ini|itu)\b")


def test_bib_notes_are_in_indonesian_and_in_english():
    for key, entry in BIB.entries.items():
        note, note_en = entry.fields.get("note", ""), entry.fields.get("note_en", "")
        assert note and note_en, f"{key}: every entry says, in both languages, what it is or what is unknown"
        assert INDONESIAN.search(note) and not ENGLISH.search(note.replace("et al.", "")), f"{key}: {note[:120]}"
        assert ENGLISH.search(note_en), f"{key}: {note_en[:120]}"


def test_identifications_by_the_editors_are_marked():
    assert "dugaan" in BIB.entries["ahmad2009"].fields["note"] and "editor" in BIB.entries["ahmad2009"].fields["note"]
    assert [str(p) for p in BIB.entries["ahmad2009"].persons["author"]] == ["Ahmad", "others"]  # the paper's "et al."
    assert "Identifikasi editor" in BIB.entries["ahmad_seet2009"].fields["note"]


def test_the_papers_unknown_year_is_not_presented_as_known():
    paper = BIB.entries["makalah"].fields
    assert paper["year"] == "t.t." and "paling cepat" in paper["note"] and "2023" in paper["note"]
    cff = settings.cff()
    assert "year" not in settings.original(cff) and "(t.t.)" in items.render([items.paper(cff, "id")], "id")[0]


def test_addresses_are_real_addresses_or_none():
    for key, entry in BIB.entries.items():
        assert "howpublished" not in entry.fields, f"{key}: an address belongs in url, whole, or nowhere"
        url = entry.fields.get("url")
        if url:
            assert re.fullmatch(r"https?://[^\s()]+", url), f"{key}: {url!r} is not a whole address"


def test_no_key_implies_a_date_that_no_source_gives():
    for key, entry in BIB.entries.items():
        year = re.search(r"(19|20)\d{2}", key)
        if year:
            assert entry.fields.get("year") == year.group(0), f"{key}: year {entry.fields.get('year')!r}"


def test_no_two_entries_render_identically():
    import pybtex.plugin

    style = pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")()
    texts = [e.text.render_as("text") for e in style.format_bibliography(BIB).entries]
    assert len(texts) == len(set(texts)) == len(BIB.entries)
    labels = {}
    for key, entry in BIB.entries.items():
        names = " ".join(" ".join(p.last_names) for p in entry.persons.get("author", [])) or entry.fields.get("key", "")
        labels.setdefault((names, entry.fields.get("year", "")), []).append(key)
    same = {k: v for k, v in labels.items() if len(v) > 1}
    assert all(
        BIB.entries[a].fields["title"] != BIB.entries[b].fields["title"]
        for keys in same.values()
        for a, b in zip(keys, keys[1:])
    ), same


def test_paper_citations_carry_over():
    """Every work the paper cites is in the bibliography."""
    for key in [
        "keohane1984",
        "ahmad2009",
        "anggia2020",
        "hidayat2022",
        "aufar2014",
        "soedarso1990",
        "fauzi2017",
        "permana2015",
        "mulyadi2000",
        "permendagri2008",
        "perdabandung2009",
        "kbbi",
        "tabel_ekspor",
        "makalah",
    ]:
        assert key in BIB.entries
    assert BIB.entries["keohane1984"].fields["year"] == "1984"


@pytest.mark.slow
@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_figure_and_table_numbers_are_stable(root, lang):
    """A citation of 'Gambar 1.2' made today must point to the same figure after a rebuild, and 'Figure 1.2'
    of the English edition to the same figure as 'Gambar 1.2'.

    If numbering changes on purpose, update tests/data/penomoran.json in the same commit.
    """
    html = root / "_build" / "html" / lang
    assert html.joinpath("index.html").exists(), "run `make book` (or `make test`, which renders the book) first"
    registry = json.loads((root / "tests" / "data" / "penomoran.json").read_text(encoding="utf-8"))
    words = {"id": {}, "en": {"Gambar": "Figure", "Tabel": "Table"}}[lang]
    expected = {label: " ".join(words.get(w, w) for w in number.split()) for label, number in registry.items()}
    assert stability.numbers(html) == expected
    assert registry["gbr-nilai"] == "Gambar 1.1" and registry["tbl-tercetak"] == "Tabel 1.1"
    cited = {p.stem for p in (html / formats.FOLDER).glob("*.json")}  # the registry's citable parts
    assert set(registry) == {c for c in cited if c.startswith(("gbr-", "tbl-"))}
    assert {v.split()[1].split(".")[0] for v in registry.values()} == {"1", "2", "3", "4", "5", "6", "7"}


@pytest.mark.slow
def test_strict_build_fails_on_an_unknown_citation_key(tmp_path):
    src = tmp_path / "mini"
    (src / "book").mkdir(parents=True)
    shutil.copy(ROOT / "_config.yml", src / "_config.yml")
    shutil.copytree(ROOT / "book" / "_static", src / "book" / "_static")
    shutil.copy(ROOT / "book" / "references.bib", src / "book" / "references.bib")
    shutil.copy(ROOT / "CITATION.cff", src / "CITATION.cff")
    (src / "_toc.yml").write_text("format: jb-book\nroot: book/index\n", encoding="utf-8")
    (src / "book" / "index.md").write_text(
        "# Uji\n\nRujukan yang tidak ada {cite:p}`tidak_ada_2099`.\n", encoding="utf-8"
    )
    result = subprocess.run(
        [book.jupyter_book(), "build", str(src), "-W", "--keep-going"], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "tidak_ada_2099" in result.stdout + result.stderr
