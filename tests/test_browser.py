"""The reader's view, tested in a real browser (issues 7 and 15).

The built site (``_build/html``; run ``make book`` first) is served on
127.0.0.1 and read in Debian's Chromium through Playwright, each edition in
turn (``id``, ``en``; every test runs once per edition). Every page of the
table of contents is opened once (two at a time); what the checks need is
collected on that visit and the checks below judge it:

- each page loads without console errors, failed requests or HTTP errors;
- nothing is requested from anywhere but the book's own origin;
- article images load and have real alt text; figures and tables are numbered
  and captioned;
- search finds what it should, and its results open the right page;
- every internal link and #anchor resolves;
- in dark mode, figures keep an opaque light background;
- axe-core finds no serious or critical accessibility violation;
- every string the reader meets, once the page's scripts ran (copy buttons,
  search messages), is in the edition's language (language_support.py);
- the language switcher opens the same page in the other edition;
- a full-page screenshot of each page lands in ``_build/screenshots/<edition>``;
- at 360, 390 and 414 px (a phone), no page scrolls sideways, every header control
  is on the screen and wide tables scroll in their own box; the first screen of
  each page lands in ``_build/screenshots/phone/<edition>/<width>``;
- and a copy of the book broken on purpose shows that the checks catch it.

Missing Chromium or axe-core skips these tests loudly (``bash .ci/system-deps``
installs both); with ``CI=true`` they fail instead. ``EKRAF_BOOK_HTML=path``
points them at another build of the book.
"""

import re
import shutil
import struct
from pathlib import Path

import browser_support as bs
import language_support as ls
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EDITIONS = bs.editions()
# Words each edition's search must find: a name, a word of its own language, an author cited.
SEARCH_TERMS = {"id": ["Petaling Jaya", "kriya", "Keohane"], "en": ["Petaling Jaya", "craft", "Keohane"]}


def assert_no_problems(problems: list[str], what: str) -> None:
    assert not problems, f"{len(problems)} {what}:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def requirements():
    missing = bs.missing_requirements()
    if missing:
        bs.skip_or_fail(missing)


@pytest.fixture(scope="session")
def browser(requirements):
    chromium = bs.Browser()
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def server(requirements):
    """The folder that holds the editions, served once: the switcher's links between editions resolve."""
    (folder,) = {e.html.parent for e in EDITIONS}
    with bs.serve(folder) as base:
        yield base


@pytest.fixture(scope="session", params=EDITIONS, ids=lambda e: e.name)
def edition(request) -> bs.Edition:
    return request.param


@pytest.fixture(scope="session")
def site(server, edition) -> str:
    return f"{server}{edition.html.name}/"


@pytest.fixture(scope="session")
def toc(requirements, edition) -> list[bs.TocPage]:
    return bs.toc_pages(edition.source)


@pytest.fixture(scope="session")
def shots(edition) -> Path | None:
    return bs.SCREENSHOTS and bs.SCREENSHOTS / edition.name


@pytest.fixture(scope="session")
def reports(browser, site, toc, shots) -> dict[str, bs.PageReport]:
    """Every page of the table of contents, visited once: most checks read these reports."""
    if shots:
        shutil.rmtree(shots, ignore_errors=True)
    return browser.run(
        bs.inspect_pages(
            browser.browser,
            site,
            [p.path for p in toc],
            axe_source=bs.AXE.read_text(encoding="utf-8"),
            screenshot_dir=shots,
        )
    )


@pytest.fixture(scope="session")
def fetcher() -> bs.Fetcher:
    return bs.Fetcher()


@pytest.fixture(scope="session")
def phones(browser, site, toc, edition) -> dict[int, dict[str, bs.PhoneReport]]:
    """Every page at each phone width (issue 24), one context per width; the first screens are kept in
    _build/screenshots/phone/<edition>/<width>/."""
    out = {}
    for width in bs.PHONE_WIDTHS:
        shots = bs.SCREENSHOTS / "phone" / edition.name / str(width)
        shutil.rmtree(shots, ignore_errors=True)
        paths = [p.path for p in toc] + ["search.html"]
        out[width] = browser.run(bs.phone_pages(browser.browser, site, paths, width, shots))
    return out


# --------------------------------------------------------------------------- the checks


def test_every_toc_page_is_built_and_visited(toc, reports, edition):
    paths = [p.path for p in toc]
    assert len(paths) == len(set(paths)), f"a page is listed twice in _toc.yml: {paths}"
    assert any(p.startswith("notebooks/lampiran/") for p in paths), "the appendix pages are missing from the pages"
    built = set(bs.built_pages(edition.html))
    assert not set(paths) - built, f"in _toc.yml but not built: {sorted(set(paths) - built)}"
    assert not built - set(paths), f"built but not in _toc.yml: {sorted(built - set(paths))}"
    assert sorted(reports) == sorted(paths)


def test_pages_load_without_console_errors_or_failed_requests(reports):
    assert all(len(r.requests) > 5 for r in reports.values()), "requests were not recorded"
    assert_no_problems([p for r in reports.values() for p in bs.load_problems(r)], "console errors / failed requests")


def test_book_is_self_contained(reports):
    assert_no_problems(
        [p for r in reports.values() for p in bs.foreign_request_problems(r)],
        "requests leaving the book's own origin (fonts, scripts, MathJax... must be local)",
    )


def test_article_images_load_and_have_meaningful_alt_text(reports):
    assert sum(len(r.images) for r in reports.values()) >= 5, "hardly any article images found: selector broken?"
    assert_no_problems([p for r in reports.values() for p in bs.image_problems(r)], "image problems")


def test_figures_and_tables_are_numbered_and_captioned(reports, toc, edition):
    assert sum(len(r.figures) for r in reports.values()) >= 5
    assert sum(len(r.tables) for r in reports.values()) >= 5
    problems = [p for page in toc for p in bs.caption_problems(reports[page.path], page.chapter, edition.lang)]
    assert_no_problems(problems, "figures/tables without a number or caption")


@pytest.mark.parametrize("which", range(3))
def test_search_finds_the_term_and_opens_a_page_with_it(browser, site, fetcher, edition, which):
    term = SEARCH_TERMS[edition.lang][which]
    outcome = browser.run(bs.search(browser.browser, site, term))
    report = outcome["report"]
    problems = (
        bs.search_problems(term, outcome, fetcher) + bs.load_problems(report) + bs.foreign_request_problems(report)
    )
    assert_no_problems(problems, f"problems searching for {term!r}")
    assert outcome["opened"].startswith(site) and "search.html" not in outcome["opened"]
    # the search page speaks the edition's language, its messages included
    assert outcome["summary"], "the search page showed no summary of its results"
    found = ls.foreign("search.html", outcome["pieces"], edition.lang, ls.allow_list()[edition.lang])
    assert_no_problems([str(f) for f in found], "strings of the search page in the other language")


def test_every_string_the_reader_meets_is_in_the_editions_language(reports, edition):
    """Text, tooltips, accessible names and placeholders, after the pages' scripts ran (copy buttons too)."""
    assert all(len(r.pieces) > 50 for r in reports.values()), "the pages' strings were not collected"
    assert any(p.kind == "data-tooltip" for r in reports.values() for p in r.pieces), "no copy button was seen"
    allowed = ls.allow_list()[edition.lang]
    found = [f for path, r in reports.items() for f in ls.foreign(path, r.pieces, edition.lang, allowed)]
    assert_no_problems([str(f) for f in found], "strings in the other language")


def test_the_language_switcher_opens_the_same_page_in_the_other_edition(browser, site, edition, toc):
    if edition.name == "varian":
        pytest.skip("a variant book is one edition: it has no switcher (tests/test_variants.py checks that)")
    page = next(p.path for p in toc if p.chapter == 2)
    outcome = browser.run(bs.switch_language(browser.browser, site, page))
    other = next(lang for lang in bs.LANGUAGES if lang != edition.lang)
    assert outcome["lang"] == other and outcome["url"].endswith(f"/{other}/{page}"), outcome
    assert outcome["back"].endswith(f"/{edition.lang}/{page}"), outcome


def test_the_two_editions_side_by_side(browser, server):
    """The audit chapter as a reader opens it in each edition, side by side in _build/screenshots/."""
    from PIL import Image, ImageChops

    if {e.lang for e in EDITIONS} != set(bs.LANGUAGES):
        pytest.skip("a variant book is one edition: there is nothing to put beside it")
    out = bs.SCREENSHOTS / "edisi-berdampingan.png"
    out.unlink(missing_ok=True)
    assert bs.side_by_side(browser, server, "notebooks/05_audit.html", out) == list(bs.LANGUAGES)
    joined = Image.open(out)
    assert joined.size == (2 * 960, 900)
    left, right = joined.crop((0, 0, 960, 900)), joined.crop((960, 0, 1920, 900))
    assert ImageChops.difference(left, right).getbbox() is not None  # two different pages, both drawn
    assert all(half.convert("L").getextrema()[0] < 100 for half in (left, right))  # text on each, not blank


def test_a_printed_chapter_has_its_citation_on_every_page_and_no_controls_or_code(browser, site, edition, tmp_path):
    """Chapter 5 printed to PDF by Chromium: the chapter's citation (with the version) at the foot of every page,
    no buttons, toggles, code or sidebars, and every figure and table kept whole on one page."""
    import re

    from conftest import cited
    from pypdf import PdfReader

    from ekraf_repro.bookmaker import settings
    from ekraf_repro.bookmaker.cite import items as csl

    pdf = tmp_path / "bab5.pdf"
    styles = bs.print_to_pdf(browser, site + "notebooks/05_audit.html", pdf)
    assert styles["figures"] >= 1 and styles["tables"] >= 5  # chapter 5 keeps its status grid (issue 20)
    assert set(styles["whole"]) == {"avoid"}, styles["whole"]
    assert styles["shown_controls"] == []
    pages = [page for page in PdfReader(pdf).pages]
    texts = [re.sub(r"\s+", "", page.extract_text()).replace("\u2019", "'") for page in pages]
    cff = settings.cff()
    items = cited(edition.html)
    chapter = [i for i in items if i["type"] == "chapter"][4]
    (line,) = csl.render([chapter], edition.lang, "plain")
    assert len(pages) > 3 and all(re.sub(r"\s+", "", line) in text for text in texts)
    assert str(cff["version"]) in line
    for word in ("from ekraf_repro", "bab.table(", "bab.figure(", "Tampilkan kode", "Show code", "Unduh:", "Download:"):
        assert not any(re.sub(r"\s+", "", word) in text for text in texts), word
    figures = [i for i in items if i["type"] == "figure" and i["title"].split(":")[0].endswith(tuple("0123456789"))]
    figures = [i for i in figures if i["title"].split(" ")[1].startswith("5.")]
    assert figures
    for item in figures:  # the caption (number and words) is on a page that also holds the image
        number, caption = item["title"].split(": ", 1)
        key = re.sub(r"\s+", "", number + caption[:30])
        holding = [k for k, text in enumerate(texts) if key in text]
        assert holding and pages[holding[0]].images, f"{number}: its caption and its image are not on one page"


def test_internal_links_and_anchors_resolve(reports, site, fetcher, edition):
    internal = {h for r in reports.values() for h in r.links if h.startswith(site)}
    assert len(internal) > 50 and any("#" in h.split("/")[-1][1:] for h in internal), "too few internal links found"
    problems = bs.link_problems(reports.values(), site, fetcher)
    # a PDF is linked only when it exists (`make book` alone links the guide to making one: test_pipeline.py)
    links_pdf = any(h.endswith("/book.pdf") for r in reports.values() for h in r.links)
    assert links_pdf == (edition.html / "book.pdf").exists()
    assert_no_problems(problems, "dead internal links")


def test_dark_mode_keeps_figures_readable(browser, site, reports):
    pages = [path for path, r in reports.items() if r.images]
    assert pages, "no page with article images"
    outcome = browser.run(bs.dark_mode(browser.browser, site, pages))
    assert outcome["before"] == "light", f"the page did not start in light mode: {outcome['before']!r}"
    assert outcome["after"] == "dark", f"the theme switch did not turn the page dark: {outcome['after']!r}"
    not_dark = {p: t for p, t in outcome["themes"].items() if t != "dark"}
    assert not not_dark, f"pages that did not open in dark mode after the switch: {not_dark}"
    assert outcome["images"] == sum(len(reports[p].images) for p in pages)
    assert_no_problems(outcome["problems"], "figures unreadable in dark mode")


def test_no_serious_or_critical_accessibility_violations(reports):
    assert all(r.axe is not None for r in reports.values()), "axe-core did not run on every page"
    assert_no_problems(
        [p for r in reports.values() for p in bs.axe_problems(r)], "serious/critical axe-core violations"
    )


def test_every_page_has_a_full_page_screenshot(reports, shots):
    assert shots is not None, "EKRAF_SCREENSHOTS=off: this run takes no screenshots"
    for path, report in reports.items():
        shot = shots / bs.screenshot_name(path)
        assert report.screenshot == shot and shot.is_file(), f"no screenshot for {path}"
        head = shot.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{shot} is not a PNG"
        width, height = struct.unpack(">II", head[16:24])
        assert width == bs.VIEWPORT["width"] and height >= bs.VIEWPORT["height"], (shot, width, height)


@pytest.mark.parametrize("width", bs.PHONE_WIDTHS)
def test_no_page_scrolls_sideways_on_a_phone_and_the_header_fits(phones, toc, width):
    """At 360, 390 and 414 px no page is wider than the screen, every control of the header is on it, and a wide
    table scrolls inside its own box (issue 24)."""
    reports = phones[width]
    assert sorted(reports) == sorted([p.path for p in toc] + ["search.html"])
    assert all(r.screen == width for r in reports.values()), {r.path: r.screen for r in reports.values()}
    assert all(len(r.controls) >= 5 for r in reports.values()), "the header's controls were not found"
    assert sum(len(r.tables) for r in reports.values()) >= 20, "hardly any tables found: selector broken?"
    assert_no_problems([p for r in reports.values() for p in bs.phone_problems(r)], f"problems at {width} px")
    for report in reports.values():
        head = report.screenshot.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">I", head[16:20])[0] == width, report.screenshot


# --------------------------------------------------------------------------- the checks catch breakage


def _article_images(page_html: str) -> list[str]:
    article = page_html[page_html.index('<article class="bd-article">') : page_html.index("</article>")]
    return re.findall(r'<img[^>]*\bsrc="([^"]*_images/[^"]+)"', article)


def test_checks_catch_a_broken_copy_of_the_book(browser, requirements, tmp_path):
    """Break a copy on purpose; the same checks must name every breakage."""
    toc = bs.toc_pages(bs.SOURCE)
    copy = shutil.copytree(bs.HTML, tmp_path / "html")
    page = next(p.path for p in toc if p.chapter and len(_article_images((copy / p.path).read_text("utf-8"))) >= 2)
    page_file = copy / page
    text = page_file.read_text("utf-8")
    deleted_src, transparent_src = _article_images(text)[:2]
    deleted, transparent = deleted_src.rsplit("/", 1)[-1], transparent_src.rsplit("/", 1)[-1]

    # 1. a figure's image file is gone
    (page_file.parent / deleted_src).resolve().unlink()
    # 2. another figure becomes a transparent PNG (black on dark in dark mode) without alt text
    from PIL import Image

    png = (page_file.parent / transparent_src).resolve()
    with Image.open(png) as im:
        size = im.size
    Image.new("RGBA", size, (0, 0, 0, 0)).save(png)
    text = re.sub(r'(<img[^>]*?)\balt="[^"]*"([^>]*src="' + re.escape(transparent_src) + '")', r"\1\2", text, count=1)
    # 3. a figure loses its number
    text = re.sub(r'<span class="caption-number">Gambar [^<]*</span>', "", text, count=1)
    # 4. a dead link, a dead anchor, a script from a CDN and a script error
    text = text.replace(
        '<article class="bd-article">',
        '<article class="bd-article">'
        '<p><a href="tidak-ada.html">halaman yang hilang</a> '
        '<a href="#tidak-ada-jangkar">jangkar yang hilang</a></p>'
        '<script src="https://cdn.example.org/lib.js"></script>'
        '<script>throw new Error("rusak dengan sengaja")</script>',
        1,
    )
    page_file.write_text(text, "utf-8")

    with bs.serve(copy) as base:
        report = browser.run(bs.inspect_pages(browser.browser, base, [page], bs.AXE.read_text("utf-8")))[page]
        links = bs.link_problems([report], base, bs.Fetcher())
        dark = browser.run(bs.dark_mode(browser.browser, base, [page]))

    def caught(problems, *needles):
        found = [p for p in problems if all(n in p for n in needles)]
        assert found, f"not caught: {needles} in\n  " + "\n  ".join(problems)

    images = bs.image_problems(report)
    caught(images, deleted, "did not load")
    caught(images, transparent, "no alt text")
    caught(bs.load_problems(report), deleted, "HTTP 404")
    caught(bs.load_problems(report), "rusak dengan sengaja")
    caught(bs.foreign_request_problems(report), "cdn.example.org")
    caught(links, "tidak-ada.html", "HTTP 404")
    caught(links, "tidak-ada-jangkar")
    caught(bs.caption_problems(report, next(p.chapter for p in toc if p.path == page)), "has no number")
    caught(bs.axe_problems(report), "image-alt")
    caught(dark["problems"], transparent, "alpha 0")
    caught(dark["problems"], deleted, "did not load")


def test_phone_checks_catch_a_page_that_is_too_wide(browser, requirements, tmp_path):
    """A copy of a chapter with a header link too long for a phone and a wide table outside any scrolling box:
    the phone checks must name the page's width, the control pushed off the screen and the table."""
    copy = shutil.copytree(bs.HTML, tmp_path / "html")
    page = next(p.path for p in bs.toc_pages(bs.SOURCE) if p.chapter == 2)
    text = (copy / page).read_text("utf-8")
    long_link = '<a class="btn btn-sm" style="white-space:nowrap" href="#">Bahasa yang sangat panjang sekali</a>'
    text = text.replace('<div class="article-header-buttons">', long_link + '<div class="article-header-buttons">', 1)
    wide = '<table id="tabel-lebar" style="width:900px"><tr><td>lebar</td></tr></table>'
    text = text.replace('<article class="bd-article">', '<article class="bd-article">' + wide, 1)
    (copy / page).write_text(text, "utf-8")
    with bs.serve(copy) as base:
        report = browser.run(bs.phone_pages(browser.browser, base, [page], 360))[page]
    problems = bs.phone_problems(report)
    assert any("scrolls sideways" in p for p in problems), problems
    assert any("header control" in p and "off the screen" in p for p in problems), problems
    assert any("'tabel-lebar'" in p for p in problems), problems


def test_missing_browser_skips_loudly_but_fails_on_ci(monkeypatch):
    reasons = [f"/usr/bin/chromium not found: {bs.INSTALL_HINT}"]
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=re.escape("bash .ci/system-deps")):
        bs.skip_or_fail(reasons)
    monkeypatch.delenv("CI")
    with (
        pytest.warns(UserWarning, match="BROWSER TESTS NOT RUN"),
        pytest.raises(pytest.skip.Exception, match=re.escape("bash .ci/system-deps")),
    ):
        bs.skip_or_fail(reasons)
