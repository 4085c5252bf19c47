"""What a course needs: the concordance (every paragraph of the paper, with where the book treats it) and the
glossary."""

import json
import re
from collections import Counter

import browser_support as bs
import prose_support as ps
import pybtex.database
import pytest

from ekraf_repro import coded, paths
from ekraf_repro.bookmaker import pages
from ekraf_repro.bookmaker.pages import concordance, glossary

BIB = pybtex.database.parse_file(str(paths.BOOK / "references.bib"))
# Paragraphs per section of the paper (Tabel 1.1 counts as one paragraph of A).
PER_SECTION = {"Abs": 5, "A": 7, "B": 3, "C": 2, "D1": 4, "D2": 6, "D3": 3, "D4": 2, "E": 4}


def book_labels() -> set[str]:
    """Every MyST label ``(name)=`` in the book's sources (pages and the chapters' Markdown cells)."""
    texts = [p.read_text(encoding="utf-8") for p in paths.BOOK.rglob("*.md")]
    for nb in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return {label for text in texts for label in re.findall(r"^\(([\w-]+)\)=", text, flags=re.M)}


def test_concordance_lists_every_paragraph_of_the_paper():
    k = coded.table("konkordansi")
    assert k["id"].is_unique
    assert Counter(k["id"].map(concordance._key)) == PER_SECTION
    for key, n in PER_SECTION.items():
        numbers = k.loc[k["id"].map(concordance._key) == key, "nomor"].astype(int).tolist()
        assert numbers == list(range(1, n + 1)), key
    assert (k["ringkasan"].str.len() > 30).all() and (k["ringkasan_en"].str.len() > 30).all()


def test_every_paragraph_has_a_place_in_the_book():
    k = coded.table("konkordansi")
    known = book_labels()
    for row in k.itertuples():
        places = row.dibahas.split()
        assert places, f"{row.id} is treated nowhere"
        assert set(places) <= known, f"{row.id}: unknown sections {set(places) - known}"


def test_every_paragraph_the_data_points_to_is_in_the_concordance():
    ids = set(coded.table("konkordansi")["id"])
    for name in coded.names():
        t = coded.table(name)
        if "paragraf" in t.columns and name != "konkordansi":
            cited = {p for cell in t["paragraf"] for p in cell.split(", ") if p}  # a note may name several
            assert cited <= ids, (name, sorted(cited - ids))
    audited = {p for cid in coded.table("klaim")["id"] for p in [coded.claim(cid)["paragraf"]]}
    assert all(concordance.audited(p) for p in audited)


def test_concordance_page_is_generated():
    assert pages.page(concordance.NAME).read_text(encoding="utf-8") == concordance.render()


def test_concordance_links_carry_section_numbers():
    """Chapters 4 and 6 share section titles, so a link shows the section's number before its title (review E3,
    M3); a section of a guide page, which has no number, is linked by its title alone."""
    page = concordance.render()
    assert "{numref}`{number} {name} <hasil-kerja-sama>`" in page
    assert "{numref}`{number} {name} <penutup-kerja-sama>`" in page
    assert "{ref}`ringkasan-makalah`" in page and "<ringkasan-makalah>" not in page
    assert "{ref}`hasil-kerja-sama`" not in page


@pytest.mark.slow
def test_concordance_links_resolve():
    html = bs.HTML / "book" / "_generated" / "konkordansi.html"
    if not html.exists():
        pytest.fail("the book is not built: run `make book`")
    text = html.read_text(encoding="utf-8")
    rows = re.findall(r"<strong>((?:Abs|[A-E]\d?)\.\d+)</strong>", text)
    assert len(rows) == sum(PER_SECTION.values())
    assert 'href="../../notebooks/01_pendahuluan.html#pendahuluan-cek"' in text
    assert text.count('href="../../notebooks/05_audit.html#audit-hasil"') >= len(
        {p for p in coded.table("klaim")["paragraf"]}
    )
    # a section of a chapter shows its number before its title: two chapters share the title of this one
    for page, label, number in (("04_hasil", "hasil-kerja-sama", "4"), ("06_penutup", "penutup-kerja-sama", "6")):
        link = rf'href="../../notebooks/{page}.html#{label}"><span class="std std-numref">{number}\.\d+ \w'
        assert re.search(link, text), label


OFFICIAL = (
    "UMKM",
    "HKI",
    "SKA",
    "Permendagri No. 3 Tahun 2008",
    "Permendagri No. 25 Tahun 2020",
    "ekonomi kreatif",
    "subsektor ekonomi kreatif",
    "KBBI",
    "HIPMI",
    "HIMKI",
    "Kemenlu",
    "Kemendagri",
    "Disdagin",
    "usaha kecil",
)
# Capitalised words of the book that are names or formats, not abbreviations a student must look up.
NOT_ABBREVIATIONS = {
    "PDF",
    "HTML",
    "CSV",
    "UTF",
    "APA",
    "BibTeX",
    "RIS",  # citation file formats, named like BibTeX and CSV
    "CSL",
    "JSON",
    "DOI",
    "URL",
    "II",
    "ASEAN",
    "ITB",
    "BPS",
    "SDM",
    "AS",
    "SME",
    "SMEs",
    "MSME",
    "MSMEs",
    "LSM",
    "CFF",
    "RM",
    "JB",
    # names of an organisation, outlets, a wiki and a licence (issue 20's sources), not abbreviations to define
    "UNESCO",
    "JPNN",
    "VIVA",
    "SAASS",
    "WikiMili",
    "CC",
    "BY",
}


@pytest.mark.slow
def test_glossary_defines_every_abbreviation_the_book_uses():
    terms = {t.casefold() for t in coded.table("glosarium")["istilah"]}
    found = set()
    reading = [
        p
        for p in bs.toc_pages()
        if p.chapter
        or p.path in ("book/index.html", "book/_generated/konkordansi.html")
        or p.path.startswith("notebooks/lampiran/")
    ]
    for page in reading:
        html = (bs.HTML / page.path).read_text(encoding="utf-8")
        for block in ps.blocks(html):
            if block.lang == "id":
                found |= set(re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", block.text))
    missing = sorted(
        a
        for a in found
        if a.casefold() not in terms
        and a not in NOT_ABBREVIATIONS
        and not any(a.casefold() in t.split() for t in terms)
    )
    assert not missing, f"abbreviations without a glossary entry: {missing}"


def test_official_terms_cite_a_public_source():
    g = coded.table("glosarium").set_index("istilah")
    for term in OFFICIAL:
        keys = g.loc[term, "sumber"].split()
        assert keys and set(keys) <= set(BIB.entries), term
    for value in g["sumber"]:
        assert set(value.split()) <= set(BIB.entries), value
    assert (
        (g["definisi"].str.len() > 20).all()
        and (g["definisi_en"].str.len() > 20).all()
        and (g["istilah_en"] != "").all()
    )


def test_glossary_page_is_generated():
    assert pages.page(glossary.NAME).read_text(encoding="utf-8") == glossary.render()
    assert "Inggris: *micro" in glossary.render()


# Keys of the bibliography that could be mistaken for words are not looked for (e.g. "makalah", "kbbi").
KEYLIKE = [k for k in BIB.entries if re.search(r"[\d_]", k)]
CITE_ROLE = re.compile(r"\{cite:(?:p|t|ps|ts|year|yearpar|author|authorpar)\}`([^`]+)`")


def test_glossary_cites_with_roles_never_with_bare_keys():
    """A reader sees "(Sindonews.com, 2015)", not "lihat sindonews2015": notes cite with {cite} roles that resolve."""
    g = coded.table("glosarium")
    for row in g.itertuples():
        for text in (row.definisi, row.catatan, row.kepanjangan):
            outside = glossary.ROLE.sub("", text)
            assert not [k for k in KEYLIKE if re.search(rf"(?<![\w`]){re.escape(k)}(?![\w`])", outside)], row.istilah
            for group in CITE_ROLE.findall(text):
                assert set(group.split(",")) <= set(BIB.entries), (row.istilah, group)
            assert "bibliografi buku" not in text, row.istilah
    page = glossary.render()
    assert "{cite:t}`ahmad_seet2009`" in page and "{cite:p}`reaksinasional_mou`" in page


def test_glossary_says_whose_words_and_identifications_are_its_own():
    g = coded.table("glosarium").set_index("istilah")
    for term in ("fesyen", "kriya", "kuliner", "musik", "seni rupa"):
        # the news pages only name the subsector: they are cited for that, not as the source of the definition
        assert g.loc[term, "sumber"] == "", term
        note = g.loc[term, "catatan"]
        assert note.startswith("Definisi ini rumusan kami.") and "{cite:p}`" in note, term
    for term in ("penarikan kesimpulan", "metode deskriptif", "et al."):
        assert "identifikasi kami" in g.loc[term, "catatan"], term
    assert g.loc["koperasi", "sumber"] == "uu_perkoperasian"
    assert "izin" in g.loc["HKI", "catatan"] and "bukan izin" not in g.loc["HKI", "catatan"]
    # the MoU's date and term come from one source, the same the chapters use
    for term in ("MoU", "sister city"):
        note = g.loc[term, "catatan"]
        assert "27 November 2015 untuk lima tahun {cite:p}`reaksinasional_mou`" in note, term
    # the paper does not call the city governments non-state actors; the note says so
    note = g.loc["aktor nonnegara", "catatan"]
    assert "Makalah tidak menyebut pemerintah kota sebagai aktor nonnegara" in note, note


def test_glossary_writing_follows_eyd_v():
    g = coded.table("glosarium")
    for row in g.itertuples():
        for text in (row.definisi, row.catatan):
            plain = re.sub(r"\*[^*]+\*", "", glossary.ROLE.sub("", text))  # italics quote the paper
            assert not re.search(r"\b(?:Mall|mall|non-negara|non-pemerintah)\b", plain), row.istilah
            # numbers of one or two words are written as words (dates, years, article numbers and amounts aside)
            assert not re.search(
                r"(?<![\w.,/–-])\d{1,3}(?= (?:subsektor|negara|pekerja|penulis|orang|kota|bidang|"
                r"tahun|asosiasi|kali)\b)",
                plain,
            ), (row.istilah, plain)
            assert not re.search(r"\^|\) x \d|/ nilai", text), row.istilah  # formulas in words, not code


def test_glossary_italics_never_nest_and_leave_roles_alone():
    assert (
        glossary.italic("Makalah menulis *Ahmad et al., 2009* {cite:t}`ahmad_seet2009`")
        == "Makalah menulis *Ahmad et al., 2009* {cite:t}`ahmad_seet2009`"
    )
    assert glossary.italic("nota kesepahaman sister city") == "nota kesepahaman *sister city*"
    assert glossary.italic("Memorandum of Understanding") == "*Memorandum of Understanding*"


def broken_italics(line: str) -> bool:
    """Single stars that do not pair into spans, as in "*Ahmad *et al.*, 2009*" (a span opened inside a span)."""
    stars = [i for i, c in enumerate(line.replace("**", "")) if c == "*"]
    pairs = [line.replace("**", "")[a + 1 : b] for a, b in zip(stars[::2], stars[1::2])]
    return len(stars) % 2 == 1 or any(not p or p[0].isspace() or p[-1].isspace() for p in pairs)


def test_glossary_page_has_no_broken_italics():
    assert broken_italics("Makalah menulis *Ahmad *et al.*, 2009*.") and not broken_italics("*a*. Lalu *b* dan **c**")
    assert not [line for line in glossary.render().splitlines() if broken_italics(line)]


# ----------------------------------------------------------------------- the glossary's sources and terms (issue 20)

TEXT_COLUMNS = ("kepanjangan", "istilah_en", "definisi", "definisi_en", "catatan", "catatan_en")


def source_keys(row) -> set[str]:
    """Every bibliography key an entry names: its sources, and every {cite} role in any of its texts."""
    keys = set(row["sumber"].split())
    for column in TEXT_COLUMNS:
        for group in CITE_ROLE.findall(row[column]):
            keys |= {k.strip() for k in group.split(",")}
    return keys


def missing_sources(table) -> dict[str, set[str]]:
    missing = {r["istilah"]: source_keys(r) - set(BIB.entries) for r in table.to_dict("records")}
    return {term: keys for term, keys in missing.items() if keys}


def test_every_source_of_the_glossary_is_in_the_bibliography():
    g = coded.table("glosarium")
    assert missing_sources(g) == {}
    broken = g.copy()
    broken.loc[broken["istilah"] == "NKRI", "catatan_en"] += " {cite:p}`no_such_key`"  # an English note counts too
    broken.loc[broken["istilah"] == "RI", "sumber"] = "uud1945 another_missing_key"
    assert missing_sources(broken) == {"NKRI": {"no_such_key"}, "RI": {"another_missing_key"}}


SENTENCE = re.compile(r"[^.;:]+(?:[.;:]|$)")
# Malaysia's small and medium enterprises: the only entries whose English may say SMEs without naming Malaysia.
MALAYSIAN_SMES = {"UKM", "PKS"}


def smes_not_about_malaysia(table) -> list[str]:
    """English sentences that say SME(s) without being about Malaysia: the book's UMKM is "MSMEs" everywhere, and
    "SMEs" is kept for Malaysia's UKM/PKS (the paper's own distinction)."""
    return [
        f"{r['istilah']}: {s.strip()}"
        for r in table.to_dict("records")
        if r["istilah"] not in MALAYSIAN_SMES
        for column in ("istilah_en", "definisi_en", "catatan_en")
        for s in SENTENCE.findall(r[column])
        if re.search(r"\bSMEs?\b", s) and "Malaysia" not in s
    ]


def test_english_glossary_says_msmes_for_umkm():
    g = coded.table("glosarium")
    assert smes_not_about_malaysia(g) == []
    page = glossary.render("en")
    umkm = "**UMKM** (*Usaha Mikro, Kecil, dan Menengah*)\n: English: micro, small and medium enterprises (MSMEs)."
    assert umkm in page
    broken = g.copy()
    broken.loc[broken["istilah"] == "akses permodalan", "definisi_en"] = "A brake on SMEs. Malaysia's SMEs too."
    assert smes_not_about_malaysia(broken) == ["akses permodalan: A brake on SMEs."]


# Abbreviations of addresses and numbering: they name no concept a student must learn, so they are padding.
PADDING = {"jl.", "jln.", "no.", "nomor", "hlm.", "dll.", "dsb.", "tel."}


def padding(terms) -> set[str]:
    return {t for t in terms if t.casefold() in PADDING}


def test_the_glossary_has_no_padding_entries():
    assert padding(coded.table("glosarium")["istilah"]) == set()
    assert padding(["Jl.", "MBPJ", "No."]) == {"Jl.", "No."}


def unsourced_without_a_word(table) -> list[str]:
    """Entries without a public source whose notes do not say, in both languages, whose definition it is."""
    out = []
    for r in table.to_dict("records"):
        if r["sumber"]:
            continue
        ours_id = "rumusan kami" in r["catatan"] or "mengikuti makalah" in r["catatan"]
        ours_en = "our own" in r["catatan_en"] or "follows the paper" in r["catatan_en"]
        if not (ours_id and ours_en):
            out.append(r["istilah"])
    return out


def test_a_definition_without_a_source_says_it_is_ours():
    g = coded.table("glosarium")
    assert unsourced_without_a_word(g) == []
    broken = g.copy()
    broken.loc[broken["istilah"] == "daya saing", "catatan_en"] = ""
    assert unsourced_without_a_word(broken) == ["daya saing"]


# Terms whose definition is a legal one: at least one source is the law or regulation itself, not a press page.
LEGAL = {
    "NKRI": "uud1945",
    "RI": "uud1945",
    "perwakilan RI": "uu37_1999",
    "UMKM": "pp7_2021",
    "usaha mikro": "pp7_2021",
    "usaha kecil": "pp7_2021",
    "usaha menengah": "pp7_2021",
    "kerja sama daerah": "pp28_2018",
    "KSDPL": "pp28_2018",
    "Permendagri No. 25 Tahun 2020": "permendagri25_2020",
    "ekspor": "uu_kepabeanan",
    "daerah pabean": "uu_kepabeanan",
}
LAW_TITLE = re.compile(r"^\{?(?:Undang-Undang|Peraturan|Keputusan)\b")


def test_laws_are_cited_as_laws():
    g = coded.table("glosarium").set_index("istilah")
    for term, key in LEGAL.items():
        assert key in g.loc[term, "sumber"].split(), term
        assert LAW_TITLE.match(BIB.entries[key].fields["title"]), (term, key)


def test_glossary_fixes_of_issue_20():
    g = coded.table("glosarium").set_index("istilah")
    assert g.loc["KLCC", "kepanjangan"] == "Kuala Lumpur City Centre"
    # the current UMKM criteria, with their numbers, from PP No. 7 Tahun 2021
    for term, limits in {
        "usaha mikro": ("Rp1 miliar", "Rp2 miliar"),
        "usaha kecil": ("Rp5 miliar", "Rp15 miliar"),
        "usaha menengah": ("Rp10 miliar", "Rp50 miliar"),
    }.items():
        assert all(limit in g.loc[term, "definisi"] and limit in g.loc["UMKM", "definisi"] for limit in limits), term
        assert "modal usaha" in g.loc[term, "definisi"] and "hasil penjualan tahunan" in g.loc[term, "definisi"]
    assert "Pasal 35 PP No. 7 Tahun 2021" in g.loc["UMKM", "catatan"]
    assert "26 Oktober 2016" in g.loc["HIMKI", "catatan"] and "menarik diri" in g.loc["HIMKI", "catatan"]
    assert "regional cooperation" not in g.loc["kerja sama daerah", "istilah_en"]
    assert not g.loc["daerah otonom", "istilah_en"].startswith("autonomous region")
    assert "daerah pabean" in g.loc["ekspor", "definisi"] and "daerah pabean" in g.loc["impor", "definisi"]
    assert "duchacek1990" in g.loc["paradiplomasi", "sumber"].split()
    assert "tidak mendefinisikan" not in g.loc["paradiplomasi", "definisi"] + g.loc["paradiplomasi", "catatan"]
    assert "dicabut" in g.loc["Permendagri No. 3 Tahun 2008", "definisi"]
    assert "Istilah resmi" not in g.loc["Perda Kota Bandung No. 23 Tahun 2009", "catatan"]
    for term in ("MBPJ", "Datuk Bandar", "Menteri Besar", "negara bagian", "friendship city", "LoI", "ATIGA", "Form D"):
        assert g.loc[term, "sumber"], term
    assert g.loc["PKS", "kepanjangan"] == "Perusahaan Kecil dan Sederhana" and "Malaysia" in g.loc["PKS", "istilah_en"]
    # an Indonesian headword inside a longer English word is not an English term ("impor", "import")
    assert "***impor***\n: English: import." in glossary.render("en") and "**brand**\n: A name" in glossary.render("en")
