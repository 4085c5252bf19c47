"""Two editions from one source, each entirely in its own language (issue 15).

- the editions are complete against each other: every chapter passage and
  guide page has its counterpart with the same skeleton (edition_support.py),
  and the check is shown to catch each kind of gap;
- the English edition's executed notebooks exist beside the Indonesian ones and
  show only their language's passages;
- the site holds both editions, the root opens the Indonesian one, every page
  links the same page of the other edition and names its language;
- every string of every page is in the edition's language (language_support.py;
  the browser suite runs the same judge on the pages as the reader's browser
  shows them), and the judge is shown to catch each kind of string;
- the interface catalogues are ours where Sphinx and the themes fall short, and
  search indexes each edition in its own language.
"""

from __future__ import annotations

import copy
import json
import re

import browser_support as bs
import edition_support as es
import language_support as ls
import pytest
import twin_support as ts
from bs4 import BeautifulSoup

from ekraf_repro import paths
from ekraf_repro.bookmaker import pages, settings
from ekraf_repro.bookmaker.build import catalogues, editions
from ekraf_repro.bookmaker.run import execute, plan

SOURCES = [*plan.chapters(paths.NOTEBOOKS), paths.NOTEBOOKS / plan.TEMPLATE]


# --------------------------------------------------------------------------- completeness (no build needed)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_chapter_passage_has_its_counterpart(path):
    problems = es.notebook_problems(path)
    assert not problems, "\n  ".join(problems)


def test_every_guide_page_has_its_counterpart():
    problems = es.page_problems(paths.BOOK)
    assert not problems, "\n  ".join(problems)
    assert len(list((paths.BOOK / "en").glob("*.md"))) == len(list(paths.BOOK.glob("*.md"))) >= 4


def _md(text: str, lang: str) -> dict:
    return {"cell_type": "markdown", "source": text, "metadata": {"tags": [f"jika:bahasa_{lang}"]}}


PAIR = (
    "(a-label)=\n## Judul\n\nLihat {numref}`tbl-x` dan {cite:p}`makalah`: {glue:text}`n_x`.\n\n"
    ":::{table} Keterangan\n:name: tbl-x\n\n```{glue:md} tabel_x\n:format: myst\n```\n:::\n",
    "(a-label)=\n## Title\n\nSee {numref}`tbl-x` and {cite:p}`makalah`: {glue:text}`n_x`.\n\n"
    ":::{table} Caption\n:name: tbl-x\n\n```{glue:md} tabel_x\n:format: myst\n```\n:::\n",
)


def test_the_completeness_check_catches_each_kind_of_gap():
    good = {"cells": [_md(PAIR[0], "id"), _md(PAIR[1], "en")]}
    assert es.cell_problems(good, "nb") == []

    def broken(change) -> list[str]:
        nb = copy.deepcopy(good)
        change(nb)
        return es.cell_problems(nb, "nb")

    def caught(problems, needle):
        assert any(needle in p for p in problems), f"{needle!r} not caught in {problems}"

    caught(broken(lambda nb: nb["cells"].pop(1)), "has no English counterpart")
    caught(broken(lambda nb: nb["cells"].pop(0)), "is English without an Indonesian cell")
    caught(
        broken(lambda nb: nb["cells"].append({"cell_type": "markdown", "source": "x", "metadata": {}})), "no language"
    )
    caught(broken(lambda nb: nb["cells"][1].update(source=PAIR[1].replace("(a-label)=", ""))), "labels differ")
    caught(broken(lambda nb: nb["cells"][1].update(source=PAIR[1].replace(":name: tbl-x", ":name: tbl-y"))), "names")
    caught(broken(lambda nb: nb["cells"][1].update(source=PAIR[1].replace("{glue:text}`n_x`", "4"))), "glue differ")
    caught(broken(lambda nb: nb["cells"][1].update(source=PAIR[1].replace("makalah", "keohane1984"))), "cites differ")
    caught(broken(lambda nb: nb["cells"][1].update(source=PAIR[1].replace("## Title", "Title"))), "headings differ")
    caught(broken(lambda nb: nb["cells"][1]["metadata"]["tags"].append("jika:asli")), "conditions differ")


@pytest.mark.parametrize("path", ts.sources(), ids=lambda p: p.name)
def test_every_english_twin_records_the_indonesian_text_it_translates(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert len(ts.pairs(nb)) >= 3, f"{path.name}: the pairs of passages were not found"
    problems = ts.stale(nb, path.name)
    assert not problems, "\n  ".join(problems)


def test_the_twin_check_names_the_changed_passage_and_the_command_records_it(tmp_path):
    assert {p.name for p in ts.sources()} == {p.name for p in SOURCES}
    source = paths.NOTEBOOKS / "03_metode.ipynb"
    nb = json.loads(source.read_text(encoding="utf-8"))
    id_cell, en_cell = ts.pairs(nb)[1]
    id_cell["source"] = "".join(id_cell["source"]).replace("makalah", "artikel", 1)
    copy_path = tmp_path / source.name
    copy_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    problems = ts.stale(json.loads(copy_path.read_text(encoding="utf-8")), source.name)
    assert problems == [
        f"03_metode.ipynb, cell {en_cell['id']} (English twin of cell {id_cell['id']}): the Indonesian passage "
        f"changed; update the English and its twin hash ({ts.COMMAND})"
    ]
    del nb["cells"][nb["cells"].index(en_cell)]["metadata"]["ekraf"]
    assert "records no twin hash" in ts.stale(nb, "x")[0]
    assert ts.record(copy_path) == 1 and ts.record(copy_path) == 0
    assert ts.stale(json.loads(copy_path.read_text(encoding="utf-8")), source.name) == []


def test_the_page_check_catches_a_missing_or_different_page(tmp_path):
    book = tmp_path / "book"
    (book / "en").mkdir(parents=True)
    (book / "a.md").write_text(PAIR[0])
    (book / "en" / "a.md").write_text(PAIR[1])
    assert es.page_problems(book) == []
    (book / "b.md").write_text("# B\n")
    (book / "en" / "a.md").write_text(PAIR[1].replace("{cite:p}`makalah`", ""))
    problems = es.page_problems(book)
    assert any("book/b.md has no counterpart book/en/b.md" in p for p in problems)
    assert any("book/a.md: cites differ" in p for p in problems)


@pytest.mark.parametrize("module", pages.modules(), ids=lambda m: m.NAME)
def test_every_generated_page_exists_in_both_editions_as_generated(module):
    found = {lang: pages.page(module.NAME, lang) for lang in settings.EDITIONS}
    assert found["en"] == paths.BOOK / "en" / "_generated" / module.NAME
    texts = {lang: page.read_text(encoding="utf-8") for lang, page in found.items()}
    assert texts["id"] != texts["en"]
    for lang in texts:
        assert not pages.write_page(module, lang), f"{found[lang]} is stale: run `ekraf pages`"
    skeletons = {lang: es.skeleton(text) for lang, text in texts.items()}
    for key in ("labels", "names", "refs", "cites", "headings"):
        assert skeletons["id"][key] == skeletons["en"][key], (module.NAME, key)


def _shown_prose(path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "markdown" and execute.shown(c)]


def test_the_english_edition_is_executed_beside_the_indonesian_one():
    """The same passages are shown in both editions' executed notebooks, each in its own language."""
    jobs = plan.editions()
    english = [j for j in jobs if j.target.is_relative_to(paths.NOTEBOOKS / "en")]
    assert len(english) == len(jobs) // 2 >= 11 and all(j.parameters.get("bahasa") == "en" for j in english)
    for job in english:
        twin = paths.NOTEBOOKS / job.target.relative_to(paths.NOTEBOOKS / "en")
        shown = {"en": _shown_prose(job.target), "id": _shown_prose(twin)}
        for lang, cells in shown.items():
            assert cells and all(f"jika:bahasa_{lang}" in c["metadata"]["tags"] for c in cells), (job.name, lang)
        order = [c["id"] for c in json.loads(twin.read_text(encoding="utf-8"))["cells"]]  # each English twin follows
        assert [c["id"] for c in shown["en"]] == [order[order.index(c["id"]) + 1] for c in shown["id"]], job.name
        skeletons = [es.skeleton("".join(c["source"])) for c in shown["id"] + shown["en"]]
        n = len(shown["id"])
        assert [s["labels"] for s in skeletons[:n]] == [s["labels"] for s in skeletons[n:]], job.name


def test_an_editions_project_holds_its_own_pages_config_and_catalogues():
    files = editions.project_files("en")
    config = files["_config.yml"].decode()
    assert "language: en" in config and "ekraf_edition: en" in config and "toc_captions" not in config
    toc = files["_toc.yml"].decode()
    assert "caption: The paper, chapter by chapter" in toc and "Makalah, bab demi bab" not in toc
    assert files["book/index.md"] == (paths.BOOK / "en" / "index.md").read_bytes()
    assert files["book/_generated/mengutip.md"] == (paths.BOOK / "en" / "_generated" / "mengutip.md").read_bytes()
    chapter = json.loads(files["notebooks/01_pendahuluan.ipynb"])
    assert not any("jika:bahasa_id" in c["metadata"].get("tags", []) for c in chapter["cells"])
    ours = catalogues.catalogues("id")
    assert set(ours) == {f"_locale/id/LC_MESSAGES/{d}" for d in ("sphinx.mo", "sphinx.js", "booktheme.mo")}
    assert "Langsung ke isi utama" in ours["_locale/id/LC_MESSAGES/sphinx.js"].decode()
    assert catalogues.catalogues("en") == {}


def test_compiled_catalogues_do_not_depend_on_the_clock():
    """Babel stamps a catalogue with the time it reads it; a .mo that changed every minute would make Sphinx
    re-read every page of an edition at every build. The only date in it is the release date, at midnight."""
    released = str(settings.cff()["date-released"])
    for name, data in catalogues.catalogues("id").items():
        if name.endswith(".mo"):
            stamps = re.findall(rb"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}[^\n]*)", data)
            assert stamps == [f"{released} 00:00+0000".encode()] * 2, (name, stamps)


def test_a_caption_without_a_translation_is_an_error(tmp_path):
    for name in ("_config.yml", "_toc.yml"):
        (tmp_path / name).write_bytes((paths.ROOT / name).read_bytes())
    (tmp_path / "_config.en.yml").write_text('language: en\ntoc_captions:\n  "Lampiran": "Appendix"\n')
    with pytest.raises(ValueError, match="toc_captions has no translation of the caption 'Makalah, bab demi bab'"):
        settings.toc("en", tmp_path)


def test_every_catalogue_entry_is_translated():
    from babel.messages.pofile import read_po

    for po in sorted((paths.BOOK / "_locale").rglob("*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        entries = [m for m in catalog if m.id]
        assert len(entries) >= 20, po
        assert all(m.string and m.string != m.id for m in entries if m.id not in ("Indices",)), po
        wrong = {"gudang", "Buka masalah"}
        assert not wrong & {m.string for m in entries}, po


# --------------------------------------------------------------------------- the built site


@pytest.fixture(scope="module")
def site():
    if not (settings.SITE / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test renders it first)")
    return settings.SITE


@pytest.mark.slow
def test_the_site_holds_both_editions_and_opens_the_indonesian_one(site):
    assert sorted(p.name for p in site.iterdir()) == ["en", "id", "index.html"]
    front = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert front.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith("url=id/index.html")
    assert {a["hreflang"] for a in front.find_all("link", rel="alternate")} == {"id", "en"}
    assert sorted(bs.built_pages(site / "id")) == sorted(bs.built_pages(site / "en"))


def _pages(root):
    """Every page of an edition (its front door, a redirect to the first page, aside)."""
    front = root / "index.html"
    assert "url=book/index.html" in front.read_text(encoding="utf-8"), "an edition's index.html opens its first page"
    return [
        p for p in sorted(root.rglob("*.html")) if not p.relative_to(root).as_posix().startswith("_") and p != front
    ]


@pytest.mark.slow
@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_every_page_names_its_language_and_links_the_same_page_in_the_other(site, lang):
    other = settings.other(lang)
    pages = _pages(site / lang)
    assert len(pages) >= 20
    for page in pages:
        rel = page.relative_to(site / lang).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang, rel
        switch = soup.select("a.ekraf-language")
        assert len(switch) == 1 and switch[0]["hreflang"] == other and switch[0]["lang"] == other, rel
        target = (page.parent / switch[0]["href"]).resolve()
        assert target == (site / other / rel).resolve() and target.exists(), (rel, switch[0]["href"])
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
        assert set(alternates) == {lang, other}, rel
        assert (page.parent / alternates[other]).resolve() == target, rel
        assert (page.parent / alternates[lang]).resolve() == page.resolve(), rel


@pytest.mark.slow
@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_every_string_of_every_page_is_in_the_editions_language(site, lang):
    """Visible text, tooltips, accessible names, placeholders and titles, as written (the browser suite checks
    them again after the pages' scripts ran)."""
    allowed = ls.allow_list()[lang]
    found = []
    pages = _pages(site / lang)
    pieces = 0
    for page in pages:
        read = ls.pieces_from_html(page.read_text(encoding="utf-8"))
        pieces += len(read)
        found += ls.foreign(page.relative_to(site / lang).as_posix(), read, lang, allowed)
    assert pieces > 5000, "the crawler read too little: is the extraction broken?"
    assert not found, f"{len(found)} strings in the other language:\n  " + "\n  ".join(map(str, found[:60]))


PLANTED = """<html lang="{lang}"><head><title>{title}</title></head><body>
<a class="skip-link" href="#main">Skip to main content</a>
<button title="Toggle primary sidebar" aria-label="Toggle primary sidebar"></button>
<input placeholder="Search this book..." aria-label="Search this book...">
<img src="a.png" alt="Grafik nilai ekspor menurut tahun dari data">
<a class="headerlink" href="#x" title="Link to this heading">#</a>
<p>Kalimat bahasa Indonesia yang sah, dengan <em>sister city</em> miring.</p>
<p lang="en">An English passage, marked as such.</p>
<div class="citation" role="listitem"><p>Keohane, R. O. (1984). After Hegemony: Cooperation and Discord.</p></div>
<a href="../book/bibliografi.html#keohane" title="Keohane. After Hegemony: Cooperation and Discord in the World">x</a>
<p>Nama usaha The Edge Malaysia dan lisensi CC BY 4.0.</p>
<pre><code>print("the code is exempt")</code></pre>
</body></html>"""


def test_the_language_judge_catches_each_kind_of_string():
    html = PLANTED.format(lang="id", title="Halaman buku")
    found = ls.foreign("p.html", ls.pieces_from_html(html), "id", ls.allow_list()["id"])
    kinds = {(f.piece.kind, f.piece.text) for f in found}
    assert kinds == {
        ("text", "Skip to main content"),
        ("title", "Toggle primary sidebar"),
        ("aria-label", "Toggle primary sidebar"),
        ("placeholder", "Search this book..."),
        ("aria-label", "Search this book..."),
        ("title", "Link to this heading"),
    }, kinds
    english = PLANTED.format(lang="en", title="Halaman buku").replace("Skip to main content", "Skip")
    found = ls.foreign("p.html", ls.pieces_from_html(english), "en", ls.allow_list()["en"])
    texts = {f.piece.text for f in found}
    assert "Halaman buku" in texts and "Grafik nilai ekspor menurut tahun dari data" in texts
    assert any(t.startswith("Kalimat bahasa Indonesia") for t in texts)
    assert not any("Keohane" in t or "code is exempt" in t for t in texts)


def test_the_allow_list_is_short_and_every_entry_has_a_reason():
    allowed = ls.allow_list()
    assert set(allowed) == {"id", "en"} and sum(map(len, allowed.values())) <= 15


# --------------------------------------------------------------------------- search in each language


def _search_index(site, lang) -> dict:
    text = (site / lang / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.mark.slow
def test_search_indexes_each_edition_in_its_own_language(site):
    indonesian, english = _search_index(site, "id")["terms"], _search_index(site, "en")["terms"]
    # Indonesian words as written: no English stemmer ("bisnis" is not "bisni"), no Indonesian stop words
    assert "bisnis" in indonesian and "bisni" not in indonesian and "kreatif" in indonesian
    assert "yang" not in indonesian and "dan" not in indonesian
    # English words stemmed, English stop words left out
    assert "cooper" in english and "cooperation" not in english and "the" not in english
    language_data = (site / "id" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert '"yang"' in language_data and '"the"' not in language_data
    assert re.search(r"this\.stemWord = function\(w\) \{\s*return w;", language_data)
