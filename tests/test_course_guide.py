"""The course guide (issue 20): learning outcomes and primary reading for every chapter and the appendix, one graded
assignment with its rubric, and how to find and cite the original paper; the same in both editions, with stable
labels that chapters can link to, and no number that code did not make."""

import json
import re

import yaml

from ekraf_repro import paths

PAGES = {"id": paths.BOOK / "kuliah.md", "en": paths.BOOK / "en" / "kuliah.md"}
# The page's sections, in order: chapters link to these labels, so they must not change.
LABELS = [
    "kuliah",
    "kuliah-pendahuluan",
    "kuliah-teori",
    "kuliah-metode",
    "kuliah-hasil",
    "kuliah-audit",
    "kuliah-penutup",
    "kuliah-lampiran",
    "kuliah-tugas",
    "kuliah-rubrik",
    "kuliah-mengutip",
]
OUTCOMES = {"id": "Setelah membaca", "en": "After reading"}
READING = {"id": "Bacaan primer:", "en": "Primary reading:"}
LABEL = re.compile(r"^\(([\w-]+)\)=$", re.M)
CITE_T = re.compile(r"\{cite:t\}`([^`]+)`")
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")


def sections(text: str) -> dict[str, str]:
    """The page's text under each label, up to the next label."""
    parts = LABEL.split(text)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def read(lang: str) -> dict[str, str]:
    return sections(PAGES[lang].read_text(encoding="utf-8"))


def chapter_labels() -> dict[str, str]:
    """Each numbered chapter's label (bab-x), from the table of contents and the chapter's first Markdown cell."""
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    numbered = next(p for p in toc["parts"] if p.get("numbered"))
    out = {}
    for chapter in numbered["chapters"]:
        nb = json.loads((paths.ROOT / f"{chapter['file']}.ipynb").read_text(encoding="utf-8"))
        first = "".join(next(c for c in nb["cells"] if c["cell_type"] == "markdown")["source"])
        out[chapter["file"]] = LABEL.search(first).group(1)
    return out


def test_the_guide_is_a_guide_page_of_both_editions():
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    guides = next(p for p in toc["parts"] if p["caption"] == "Panduan dan rujukan")
    assert {"file": "book/kuliah"} in guides["chapters"]
    for lang in PAGES:
        assert list(read(lang)) == LABELS, lang


def test_every_chapter_and_the_appendix_has_outcomes_and_primary_reading():
    chapters = chapter_labels()
    assert len(chapters) >= 6  # the book has at least its six chapters; each needs a section here
    for lang in PAGES:
        page = read(lang)
        for label in chapters.values():
            section = page[label.replace("bab-", "kuliah-")]
            assert f"<{label}>`" in section, (lang, label)  # it names its chapter by the chapter's label
        for label in [lab.replace("bab-", "kuliah-") for lab in chapters.values()] + ["kuliah-lampiran"]:
            section = page[label]
            outcomes, reading = section.split(READING[lang])
            assert OUTCOMES[lang] in outcomes and len(re.findall(r"^- ", outcomes, re.M)) >= 3, (lang, label)
            assert CITE_T.search(reading), (lang, label)
        assert "<lampiran>`" in page["kuliah-lampiran"]


def test_both_editions_recommend_the_same_works_in_each_section():
    by_lang = {lang: {label: CITE_T.findall(text) for label, text in read(lang).items()} for lang in PAGES}
    assert by_lang["id"] == by_lang["en"]
    keys = {k for cited in by_lang["id"].values() for group in cited for k in group.split(",")}
    assert {"keohane1984", "duchacek1990", "soldatos1990", "kuznetsov2015", "uu37_1999", "pp28_2018"} <= keys
    assert {"permendagri25_2020", "wikisource_uu_pemda", "denzin1978", "jick1979"} <= keys


def weights(lang: str) -> list[int]:
    rows = [line for line in read(lang)["kuliah-rubrik"].splitlines() if re.match(r"^\| [^-|]", line)][1:]
    return [int(re.fullmatch(r"\s*(\d+)%\s*", row.split("|")[2]).group(1)) for row in rows]


def test_the_rubric_weighs_the_same_criteria_in_both_editions_and_adds_up():
    assert weights("id") == weights("en")
    assert sum(weights("id")) == 100 and len(weights("id")) >= 4
    for lang in PAGES:
        header = next(line for line in read(lang)["kuliah-rubrik"].splitlines() if line.startswith("| "))
        assert header.count("|") - 1 >= 6, lang  # criterion, weight and at least four levels


def stated_numbers(text: str) -> list[str]:
    """Digits the reader would see outside the rubric's weights: roles, code, labels and directives aside, only the
    paper's own name for its table ("Tabel 1.1") may carry digits."""
    lines = [line for line in text.splitlines() if not line.startswith(("|", ":name:", ":widths:", "("))]
    prose = ROLE.sub("", re.sub(r"`[^`]*`", "", "\n".join(lines)))
    prose = re.sub(r"\bTab(?:el|le) 1\.1\b", "", prose)
    return re.findall(r"\d+", prose)


def test_the_guide_states_no_count_that_code_did_not_make():
    for lang, path in PAGES.items():
        assert stated_numbers(path.read_text(encoding="utf-8")) == [], lang
    assert stated_numbers("The book audits 28 statements in Tabel 1.1 (see {numref}`Bab %s <bab-audit>`).") == ["28"]


def test_the_note_on_citing_the_paper_says_what_is_unknown():
    note = {lang: read(lang)["kuliah-mengutip"] for lang in PAGES}
    assert "{cite:p}`makalah`" in note["id"] and "{cite:p}`makalah`" in note["en"]
    assert "<mengutip>`" in note["id"] and "<mengutip>`" in note["en"]
    for words in (("tidak diketahui", "kurung siku", "versinya", "Tahun wawancara bukan tahun terbit"),):
        assert all(w in note["id"] for w in words)
    for words in (("not known", "square brackets", "its version", "is not the year of publication"),):
        assert all(w in note["en"] for w in words)
