"""A reader never meets code: the built book is crawled for every kind of slip, and the crawler is shown to catch each.

Needs the built book (``make book``; ``make test`` renders it first).
"""

import json
import re

import browser_support as bs
import conftest
import prose_support as ps
import pytest

from ekraf_repro import paths

EDITIONS = bs.editions()


@pytest.fixture(scope="module", params=EDITIONS, ids=lambda e: e.name)
def edition(request) -> bs.Edition:
    if not (request.param.html / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test renders it first)")
    return request.param


def chapter_titles(lang: str = "id") -> tuple[str, ...]:
    return tuple(conftest.chapter_titles(lang))


@pytest.mark.slow
def test_the_built_book_has_no_slips(edition):
    pages = bs.toc_pages(edition.source)
    numbered = {p.path for p in pages if p.chapter is not None}
    slips = ps.book_slips(edition.html, [p.path for p in pages], chapter_titles(edition.lang), numbered)
    assert not slips, f"{len(slips)} slips a reader would meet:\n  " + "\n  ".join(map(str, slips))


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, status", [("id", "bertentangan dengan makalah sendiri"), ("en", "contradicted by the paper itself")]
)
def test_the_crawler_reads_real_text(lang, status):
    """The crawler sees each edition's sentences, captions and alt text in its language, so a clean result
    means something."""
    html = (bs.SITE / lang / "notebooks" / "05_audit.html").read_text(encoding="utf-8")
    found = ps.blocks(html)
    assert {b.lang for b in found} == {lang}
    text = " ".join(b.text for b in found)
    assert status in text
    assert any(b.in_table for b in found) and len(found) > 100
    assert not any("bab.table" in b.text for b in found), "code cells must not be read as prose"


PLANTED = """<html lang="id"><body><article class="bd-article">
<p>Kolom nilai_sebelumnya memuat angka.</p>
<table><tr><td>di_tabel</td><td>True</td></tr></table>
<p>Wawancara dilakukan pada 2023-09-16, toko ditutup 2017-12.</p>
<p>Pernyataan ini berstatus <strong>contradicted</strong>.</p>
<div class="admonition lang-en" lang="en"><p>This statement is <strong>bertentangan dengan makalah sendiri</strong>.</p></div>
<p>Halaman ini dibuat otomatis; jangan menyuntingnya dengan tangan.</p>
<p>Aktor non-negara dan kerja sama antar pemerintah kota, serta perijinan dan aksesoris.</p>
<p>Subsektor Fashion tumbuh pesat lewat sister city.</p>
<p>Tokonya di Mall Suria KLCC; lihat linimasa, nilai yang sebesaran, dan berkas errata dari DISDAGIN.</p>
<p>Ia mengekspor ke lebih dari 13 negara, menurut Ahmad and Seet (2009) dan Tirto.id (n.d.).</p>
<p>Toko itu tutup (Saputra, 2018, Terasjabar.co, 2018).</p>
<p>Bandung punya banyak mitra (Akhwan, 2008) (pernyataan k20).</p>
<p>Terakhir diperbarui pada 29 Nov, 2026.</p>
<p>Menurut Keohane (Keohane, 1984) kerja sama lahir dari penyesuaian.</p>
<p>Lihat <a class="reference internal" href="x.html">Audit Pernyataan: Status, Aturan, dan Catatan Bacaan</a>.</p>
<figure><img src="a.png" alt="Grafik kendala_saja per tahun"/><figcaption><span class="caption-number">Gambar 3 </span>Keterangan.</figcaption></figure>
<div class="cell_input"><pre>bab.table("tbl_x", f)  # code is exempt: snake_case, True</pre></div>
<p>Kolom <code>nilai_koreksi</code> diformat sebagai kode dan boleh.</p>
</article></body></html>"""


def test_the_crawler_catches_each_kind_of_slip():
    slips = ps.page_slips("planted/halaman.html", PLANTED, chapter_titles("id"), numbered=False)
    found = {(s.kind, s.text) for s in slips}
    expected = {
        ("identifier", "nilai_sebelumnya"),
        ("identifier", "di_tabel"),
        ("identifier", "kendala_saja"),
        ("True/False", "True"),
        ("ISO date", "2023-09-16"),
        ("ISO date", "2017-12"),
        ("en status word in id text", "contradicted"),
        ("id status word in en text", "bertentangan dengan makalah sendiri"),
        ("note for editors", "jangan menyunting"),
        ("spelling (nonnegara)", "non-negara"),
        ("spelling (antar- is joined)", "antar pemerintah"),
        ("spelling (perizinan)", "perijinan"),
        ("spelling (aksesori)", "aksesoris"),
        ("subsector name (Fesyen in running text)", "Fashion"),
        ("foreign term not in italics", "sister city"),
        ("citation repeating its name", "Keohane (Keohane,"),
        ("number on an unnumbered page", "Gambar 3"),
        ("spelling (mal)", "Mall"),
        ("spelling (lini masa)", "linimasa"),
        ("spelling (sebanding)", "sebesaran"),
        ("spelling (erata)", "errata"),
        ("spelling (Disdagin)", "DISDAGIN"),
        ("spelling (a count of one or two words in letters)", "lebih dari 13 negara"),
        ("English words in Indonesian text", "Ahmad and Seet (2009"),
        ("English words in Indonesian text", "n.d."),
        ("citations separated by a comma", "(Saputra, 2018, Terasjabar.co, 2018)"),
        ("two brackets in a row", "2008) ("),
        ("date of the build", "Terakhir diperbarui"),
    }
    assert expected <= found, f"not caught: {sorted(expected - found)}"
    assert any(s.kind == "cross-reference made of a chapter title" for s in slips)
    assert all(s.page == "planted/halaman.html" for s in slips)
    assert not any(s.text in ("tbl_x", "nilai_koreksi") for s in slips), "code and <code> are exempt"


def test_italics_and_tables_may_quote_the_paper():
    """The paper's own spellings may be quoted in italics, and the printed table shows "Fashion" as printed."""
    html = (
        '<html lang="id"><article class="bd-article"><p>Makalah menulis <em>perijinan</em> dan <em>Fashion</em>, '
        "lewat <em>sister city</em>.</p><table><tr><td>Fashion</td></tr></table></article></html>"
    )
    assert ps.page_slips("p.html", html) == []


def test_every_chapter_ends_with_three_to_five_discussion_questions():
    """In both editions: the chapter's last passage (Indonesian, then its English counterpart)."""
    heading = {"id": "## Pertanyaan Diskusi", "en": "## Discussion questions"}
    for nb_path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        cells = [c for c in json.loads(nb_path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]
        counts = {}
        for lang, cell in zip(("id", "en"), cells[-2:]):
            text = "".join(cell["source"])
            assert f"jika:bahasa_{lang}" in cell["metadata"]["tags"], (nb_path.name, lang)
            assert heading[lang] in text, f"{nb_path.name}: the last passage must hold the discussion questions"
            questions = re.findall(r"^\d+\. .+\?", text.split(heading[lang], 1)[1], flags=re.M)
            assert 3 <= len(questions) <= 5, (nb_path.name, lang, len(questions))
            counts[lang] = len(questions)
        assert counts["id"] == counts["en"], nb_path.name


def test_indonesian_headings_are_capitalised_as_eyd_v_titles():
    """Every heading of the Indonesian chapters and of the course guide is capitalised as EYD V capitalises a
    title: each word, except kata tugas that do not open it."""
    headings = []
    for nb_path in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        for cell in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown" and "jika:bahasa_id" in cell["metadata"].get("tags", []):
                headings += [(nb_path.name, h) for h in re.findall(r"^#{1,4} (.+)$", "".join(cell["source"]), re.M)]
    guide = paths.BOOK / "kuliah.md"
    headings += [(guide.name, h) for h in re.findall(r"^#{1,4} (.+)$", guide.read_text(encoding="utf-8"), re.M)]
    assert len(headings) > 60
    assert [(page, h) for page, h in headings if ps.eyd_title(h) != h] == []
    assert ps.eyd_title("Kerja sama menurut Keohane") == "Kerja Sama menurut Keohane"
    assert ps.eyd_title("dari kata-kata kami") == "Dari Kata-Kata Kami"  # a kata tugas that opens the title
    assert ps.eyd_title("Tabel 1.1 dan UMKM: Kriya Nusantara & Golya") == "Tabel 1.1 dan UMKM: Kriya Nusantara & Golya"


# --------------------------------------------------------------------------- the term base (issue 20)


@pytest.mark.slow
def test_the_built_book_uses_one_rendering_of_each_term(edition):
    """Both editions, every page the reader reaches except the bibliography (whose titles are verbatim)."""
    base = ps.terms()
    pages = [p.path for p in bs.toc_pages(edition.source) if "bibliografi" not in p.path]
    slips = []
    for page in pages:
        slips += ps.term_slips(page, (edition.html / page).read_text(encoding="utf-8"), base)
    assert len(pages) > 10
    assert not slips, f"{len(slips)} sentences use a variant the term base (tests/data/istilah.csv) forbids:\n  " + (
        "\n  ".join(map(str, slips))
    )


TERM_PAGE = """<html lang="id"><body><article class="bd-article">
<p>Pernyataan itu bertahan. Data ini lebih dapat dipegang. Kalimat ini bersih.</p>
<p>Kerja sama Bandung - Petaling Jaya dibahas Budi et al. (2009), yang makalah tulis <em>Ahmad et al.</em> di halaman 2. Inggris: craft.</p>
<p>Makalah menulis <em>Kriya dan Gloya</em>; kami menulis Kriya dan Golya. Kriya dan Gloya mengekspor.</p>
<div lang="en"><p>The SMEs of Bandung grew by 5 percent. Malaysia's SMEs (UKM) are another matter.</p>
<p>It was a cooperation. It was a cooperation agreement. We met an MSME leader and the UMKM chair.</p></div>
<pre>bertahan percent</pre>
</article></body></html>"""


PLANTED_SENTENCE = (
    "Kerja sama Bandung - Petaling Jaya dibahas Budi et al. (2009), yang makalah tulis Ahmad et al. di halaman 2."
)


def test_the_term_check_names_the_page_and_the_sentence():
    slips = ps.term_slips("planted.html", TERM_PAGE, ps.terms())
    found = {(s.kind.split(" (")[0], s.text) for s in slips}
    assert found == {
        ("id term 'bertahan'", "Pernyataan itu bertahan."),
        ("id term 'lebih dapat dipegang'", "Data ini lebih dapat dipegang."),
        ("id term 'Bandung–Petaling Jaya'", PLANTED_SENTENCE),
        ("id term 'dkk.'", PLANTED_SENTENCE),
        ("id term 'bahasa Inggris'", "Inggris: craft."),
        ("id term 'Kriya dan Golya'", "Kriya dan Gloya mengekspor."),
        ("en term 'UMKM'", "The SMEs of Bandung grew by 5 percent."),
        ("en term 'persen'", "The SMEs of Bandung grew by 5 percent."),
        ("en term 'kerja sama'", "It was a cooperation."),
        ("en term 'ketua UMKM'", "We met an MSME leader and the UMKM chair."),
    }, sorted(found)
    assert all(s.page == "planted.html" for s in slips)


def test_every_row_of_the_term_base_is_complete():
    base = ps.terms()
    assert len(base) >= 20
    assert {t.term for t in base} >= {"UMKM", "ketua UMKM", "Permendagri", "subnasional", "kota kembar", "dkk."}
    assert all(t.avoid["en"] or t.avoid["id"] for t in base), "a row that forbids nothing"
