"""Helpers for the browser tests (tests/test_browser.py): the reader's view of the built book.

The book in ``_build/html`` is served on 127.0.0.1 by a small threaded HTTP
server, read in Debian's Chromium through Playwright, and every page is
inspected once (:func:`inspect_page`). The checks are plain functions over the
collected :class:`PageReport` objects that return a list of problems (empty
when all is well), so the same functions judge the real book and a copy that
was broken on purpose.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html.parser
import os
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import language_support
import yaml
from conftest import not_here

ROOT = Path(__file__).resolve().parents[1]
# The built site: one folder per edition (id/, en/), each built from its own staged project.
SITE = ROOT / "_build" / "html"
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Edition:
    name: str  # "id", "en", or "varian" for a variant book
    lang: str
    html: Path  # the edition's built pages
    source: Path  # the project they were built from (its _toc.yml and pages)


def editions() -> list[Edition]:
    """The books under test: both editions of the site, or the one book EKRAF_BOOK_HTML names.

    EKRAF_BOOK_HTML points the tests at another build (a variant's OUT/html), and
    EKRAF_BOOK_SOURCE at the project it was built from (the variant's own source).
    """
    given = os.environ.get("EKRAF_BOOK_HTML")
    if given:
        html = Path(given)
        source = Path(os.environ.get("EKRAF_BOOK_SOURCE") or ROOT)
        lang = os.environ.get("EKRAF_BOOK_LANG") or "id"
        return [Edition("varian", lang, html, source)]
    return [Edition(lang, lang, SITE / lang, ROOT / "_build" / "editions" / lang / "source") for lang in LANGUAGES]


# The book that tests of one edition read: the Indonesian edition (or the book EKRAF_BOOK_HTML names).
HTML = editions()[0].html
SOURCE = editions()[0].source
# Where screenshots go; EKRAF_SCREENSHOTS=off: none (a variant's browser run checks the pages, it keeps no pictures)
SCREENSHOTS = (
    None
    if os.environ.get("EKRAF_SCREENSHOTS") == "off"
    else Path(os.environ.get("EKRAF_SCREENSHOTS") or ROOT / "_build" / "screenshots")
)
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "run `bash .ci/system-deps` (apt-installs chromium and runs `npm ci` for axe-core)"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Pages of the built site that are not chapters: the root redirect, the index and the search page.
NOT_IN_TOC = {"index.html", "genindex.html", "search.html"}
SOURCE_SUFFIXES = (".ipynb", ".md")
VIEWPORT = {"width": 1280, "height": 900}


# --------------------------------------------------------------------------- environment


def missing_requirements() -> list[str]:
    """What is missing to run the browser tests, each with how to get it."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} not found: {INSTALL_HINT}")
    if not AXE.exists():
        missing.append(f"{AXE.relative_to(ROOT)} not found: {INSTALL_HINT}")
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright is missing: run `make setup` (uv sync --all-groups)")
    if not (HTML / "index.html").exists():
        missing.append(f"{HTML} is not built: run `make book`")
    return missing


def skip_or_fail(reasons: list[str]) -> None:
    """The browser tests cannot run here: :func:`conftest.not_here`."""
    not_here("BROWSER TESTS", *reasons)


class Browser:
    """One headless Chromium for the whole test session.

    Driven through Playwright's async API on a private event loop, so that a few
    pages can be read at once (two cores: two pages); tests call :meth:`run`.
    Playwright gives Chromium a fresh temporary profile of its own.
    """

    def __init__(self):
        from playwright.async_api import async_playwright

        self.loop = asyncio.new_event_loop()
        self._playwright = self.run(async_playwright().start())
        self.browser = self.run(
            self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        )

    def run(self, coro):
        return self.loop.run_until_complete(coro)

    def close(self) -> None:
        try:
            self.run(self.browser.close())
            self.run(self._playwright.stop())
        finally:
            self.loop.close()


async def new_context(browser, color_scheme: str = "light", viewport: dict | None = None, mobile: bool = False):
    """An isolated browser context in which nothing may leave 127.0.0.1.

    Requests to any other host are aborted before they reach the network (so a
    stray CDN link fails fast instead of hanging); they are still seen by the
    ``request`` listeners and reported by :func:`foreign_request_problems`.
    ``mobile``: a phone's browser (its viewport meta tag honoured, touch events).
    """
    context = await browser.new_context(
        viewport=viewport or VIEWPORT,
        color_scheme=color_scheme,
        service_workers="block",
        is_mobile=mobile,
        has_touch=mobile,
    )
    context.set_default_timeout(20_000)
    await context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])(?!data:)(?!blob:)"), lambda route: route.abort())
    return context


# --------------------------------------------------------------------------- serving


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection before the whole file is sent (it had what it needed) is not an
        error of the book; anything else is printed, as the standard server does."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 at a free port from a thread; yields the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------- the pages


@dataclass(frozen=True)
class TocPage:
    path: str  # relative URL of the built page, e.g. "notebooks/04_hasil.html"
    part: str  # caption of the part in _toc.yml ("" for the root page)
    chapter: int | None  # chapter number in a numbered part, else None


def _docname(entry: str) -> str:
    """A _toc.yml ``file`` entry, which may or may not carry its suffix, as a docname."""
    for suffix in SOURCE_SUFFIXES:
        if entry.endswith(suffix):
            return entry[: -len(suffix)]
    return entry


def _expand(root: Path, entry: dict) -> list[str]:
    if "file" in entry:
        return [_docname(entry["file"])]
    if "glob" in entry:
        # dot-files are papermill's temporary outputs, never pages
        return sorted(
            {
                p.relative_to(root).with_suffix("").as_posix()
                for suffix in SOURCE_SUFFIXES
                for p in root.glob(entry["glob"] + suffix)
                if not p.name.startswith(".")
            }
        )
    return []  # url entries: not pages of the book


def toc_pages(root: Path | None = None) -> list[TocPage]:
    """Every page listed in ``_toc.yml`` (globs expanded), in reading order."""
    root = root or SOURCE
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [TocPage(_docname(toc["root"]) + ".html", "", None)]

    def walk(entries, part, numbered, counter):
        for entry in entries or []:
            for doc in _expand(root, entry):
                chapter = None
                if numbered and counter is not None:
                    counter[0] += 1
                    chapter = counter[0]
                pages.append(TocPage(doc + ".html", part, chapter))
            # sections are numbered 4.1, 4.2 ...; their figures still carry the chapter number
            walk(entry.get("sections"), part, numbered, None)

    numbering = [0]  # Jupyter Book numbers chapters on across numbered parts (use_multitoc_numbering)
    for part in toc.get("parts", []):
        walk(part.get("chapters"), part.get("caption", ""), bool(part.get("numbered")), numbering)
    walk(toc.get("chapters"), "", bool(toc.get("numbered")), [0])
    return pages


def built_pages(html_root: Path = HTML) -> list[str]:
    """Every HTML page of the built book, except _static, the index, the search page and the root redirect."""
    pages = []
    for p in sorted(html_root.rglob("*.html")):
        rel = p.relative_to(html_root).as_posix()
        if rel.startswith(("_static/", "_sources/", "_images/")) or rel in NOT_IN_TOC:
            continue
        pages.append(rel)
    return pages


def screenshot_name(path: str) -> str:
    """``notebooks/lampiran/profil_kriya.html`` -> ``notebooks_lampiran_profil_kriya.png``."""
    return re.sub(r"\.html$", "", path).replace("/", "_") + ".png"


# --------------------------------------------------------------------------- one visit per page


@dataclass
class PageReport:
    path: str
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    axe: list[dict] | None = None
    pieces: list = field(default_factory=list)  # every string the reader meets (language_support.Piece)
    screenshot: Path | None = None
    recording: bool = True  # what the reader's browser does; off while axe-core (the test's tool) runs


# What the page shows the reader: images, numbered figures and tables, links.
_COLLECT_JS = r"""
() => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const text = el => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
  const numbered = cap => {
    const num = cap && cap.querySelector('span.caption-number');
    return {number: num ? text(num) : null, caption: text(cap && (cap.querySelector('.caption-text') || cap))};
  };
  const images = [...article.querySelectorAll('img')].map(img => ({
    src: img.currentSrc || img.src, alt: img.getAttribute('alt'),
    complete: img.complete, naturalWidth: img.naturalWidth,
  }));
  const figures = [...article.querySelectorAll('figure, div.figure')].map(fig => ({
    id: fig.id, ...numbered(fig.querySelector('figcaption, .caption'))}));
  const tables = [...article.querySelectorAll('table')].map(table => ({
    id: table.id || (table.closest('[id]') || {}).id || '', head: text(table.querySelector('tr')).slice(0, 80),
    ...numbered(table.querySelector(':scope > caption'))}));
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  return {images, figures, tables, links};
}
"""

# Every rule axe-core runs by default, plus its experimental rules (which include
# label-content-name-mismatch); nothing is switched off.
_AXE_JS = r"""
async () => {
  const experimental = Object.fromEntries(axe.getRules(['experimental']).map(r => [r.ruleId, {enabled: true}]));
  const result = await axe.run(document, {resultTypes: ['violations'], rules: experimental});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact, html: n.html.slice(0, 160),
                              summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)})),
  }));
}
"""


def _record(page, report: PageReport) -> None:
    def console(msg):
        if report.recording and msg.type == "error":
            where = msg.location or {}
            report.console_errors.append(
                f"console error: {msg.text} ({where.get('url', '')}:{where.get('lineNumber', '')})"
            )

    def page_error(err):
        if report.recording:
            report.console_errors.append(f"page error: {err}")

    def request(req):
        if report.recording:
            report.requests.append(req.url)

    def request_failed(req):
        if report.recording:
            report.failed_requests.append(f"{req.url} failed ({req.failure})")

    def response(resp):
        if report.recording and resp.status >= 400:
            report.failed_requests.append(f"{resp.url} -> HTTP {resp.status}")

    page.on("console", console)
    page.on("pageerror", page_error)
    page.on("request", request)
    page.on("requestfailed", request_failed)
    page.on("response", response)


async def inspect_page(
    context, base: str, path: str, axe_source: str | None = None, screenshot_dir: Path | None = None
) -> PageReport:
    """Open one page: collect what the checks need, take a full-page screenshot, then run axe-core.

    Console messages and requests are recorded until the page has loaded, been
    read and photographed; axe-core runs afterwards, unrecorded, because its own
    requests are not the reader's (it fetches @import-ed stylesheets from a wrong
    URL: dequelabs/axe-core#5268).
    """
    url = base + path
    report = PageReport(path=path, url=url)
    page = await context.new_page()
    _record(page, report)
    try:
        await page.goto(url, wait_until="load")
        await page.evaluate("() => document.fonts.ready.then(() => true)")
        collected = await page.evaluate(_COLLECT_JS)
        report.images, report.figures = collected["images"], collected["figures"]
        report.tables, report.links = collected["tables"], collected["links"]
        report.pieces = [language_support.Piece(**p) for p in await page.evaluate(language_support.PIECES_JS)]
        if screenshot_dir is not None:
            screenshot_dir.mkdir(parents=True, exist_ok=True)
            report.screenshot = screenshot_dir / screenshot_name(path)
            await page.screenshot(path=str(report.screenshot), full_page=True)
        report.recording = False
        if axe_source is not None:
            await page.add_script_tag(content=axe_source)
            report.axe = await page.evaluate(_AXE_JS)
    finally:
        await page.close()
    return report


async def inspect_pages(
    browser, base: str, paths, axe_source: str | None = None, screenshot_dir: Path | None = None, concurrency: int = 2
) -> dict[str, PageReport]:
    """:func:`inspect_page` for every path, ``concurrency`` pages at a time, in one light-mode context."""
    context = await new_context(browser)
    gate = asyncio.Semaphore(concurrency)

    async def one(path):
        async with gate:
            return await inspect_page(context, base, path, axe_source, screenshot_dir)

    try:
        reports = await asyncio.gather(*(one(p) for p in paths))
    finally:
        await context.close()
    return {r.path: r for r in reports}


# --------------------------------------------------------------------------- phones (issue 24)

PHONE_WIDTHS = (360, 390, 414)  # common phone viewports in CSS pixels, narrowest first
PHONE_HEIGHT = 780

# The page's width against the screen's, what sticks out, where the header's controls are, and how each table of
# the article is held: a table wider than its column must sit in a box that scrolls sideways.
_PHONE_JS = r"""
() => {
  const root = document.documentElement, screen = root.clientWidth;
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const held = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
                         if (scrolls(p) || getComputedStyle(p).overflowX === 'hidden') return p; return null; };
  const name = el => (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent).trim()
                     .replace(/\s+/g, ' ').slice(0, 40);
  const sticking = [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > screen + 1 && !held(el);
  }).slice(0, 8).map(el => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} ends at `
                             + Math.round(el.getBoundingClientRect().right));
  const controls = [...document.querySelectorAll('.bd-header a, .bd-header button, .bd-header-article a, '
                                                 + '.bd-header-article button')]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
                  && !el.closest('.dropdown-menu'))
    .map(el => { const r = el.getBoundingClientRect();
                 return {name: name(el), left: r.left, right: r.right, width: r.width}; });
  const tables = [...(document.querySelector('article.bd-article') || document.body).querySelectorAll('table')]
    .map(t => { const box = held(t), r = t.getBoundingClientRect();
                return {id: t.id || (t.closest('[id]') || {}).id || '', width: r.width,
                        box: box ? {right: box.getBoundingClientRect().right, scrolls: scrolls(box),
                                    width: box.clientWidth} : null}; });
  return {scrollWidth: root.scrollWidth, screen, sticking, controls, tables};
}
"""


@dataclass
class PhoneReport:
    path: str
    width: int
    scroll_width: int = 0
    screen: int = 0
    sticking: list[str] = field(default_factory=list)
    controls: list[dict] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    screenshot: Path | None = None


async def phone_pages(browser, base: str, paths, width: int, screenshot_dir: Path | None = None, workers: int = 2):
    """Open every page at a phone's ``width`` (one context, ``workers`` tabs reused page after page) and collect
    :class:`PhoneReport` objects; the first screen of each page is kept in ``screenshot_dir``."""
    context = await new_context(browser, viewport={"width": width, "height": PHONE_HEIGHT}, mobile=True)
    queue, reports = list(paths), {}

    async def work():
        page = await context.new_page()
        while queue:
            path = queue.pop(0)
            await page.goto(base + path, wait_until="load")
            await page.evaluate("() => document.fonts.ready.then(() => true)")
            found = await page.evaluate(_PHONE_JS)
            report = PhoneReport(path, width, found["scrollWidth"], found["screen"], found["sticking"])
            report.controls, report.tables = found["controls"], found["tables"]
            if screenshot_dir is not None:
                screenshot_dir.mkdir(parents=True, exist_ok=True)
                report.screenshot = screenshot_dir / screenshot_name(path)
                await page.screenshot(path=str(report.screenshot))
            reports[path] = report
        await page.close()

    try:
        await asyncio.gather(*(work() for _ in range(workers)))
    finally:
        await context.close()
    return reports


def phone_problems(report: PhoneReport) -> list[str]:
    """A page wider than the phone's screen, a header control not wholly on it, a wide table not in a box that
    scrolls on its own."""
    where = f"{report.path} at {report.width} px"
    problems = []
    if report.scroll_width > report.screen:
        sticking = "; ".join(report.sticking) or "?"
        problems.append(f"{where}: the page is {report.scroll_width} px wide and scrolls sideways ({sticking})")
    for c in report.controls:
        if c["left"] < -0.5 or c["right"] > report.screen + 0.5 or c["width"] < 1:
            span = f"{c['left']:.0f}-{c['right']:.0f} px"
            problems.append(f"{where}: header control {c['name']!r} at {span} is off the screen")
    for t in report.tables:
        box = t["box"]
        if box is None:
            if t["width"] > report.screen:
                problems.append(f"{where}: table {t['id']!r} ({t['width']:.0f} px) is in no box of its own")
        elif box["right"] > report.screen + 0.5 or (t["width"] > box["width"] + 0.5 and not box["scrolls"]):
            problems.append(f"{where}: table {t['id']!r} ({t['width']:.0f} px) does not scroll inside its own box")
    return problems


# --------------------------------------------------------------------------- checks


def load_problems(report: PageReport) -> list[str]:
    """Console errors, uncaught exceptions, failed requests and HTTP errors while the page loaded."""
    return [f"{report.path}: {p}" for p in report.console_errors + report.failed_requests]


def foreign_request_problems(report: PageReport) -> list[str]:
    """Requests that left the book's own origin (anything not on 127.0.0.1)."""
    problems = []
    for url in report.requests:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.hostname != "127.0.0.1":
            problems.append(f"{report.path}: request to {parts.hostname or parts.scheme}: {url}")
    return problems


_FILE_NAME = re.compile(r"^[\w.\-/]+\.(png|jpe?g|gif|svg|webp)$", re.I)


def image_problems(report: PageReport, min_words: int = 4) -> list[str]:
    """Article images that did not load, or whose alt text does not describe them."""
    problems = []
    for img in report.images:
        name = img["src"].rsplit("/", 1)[-1]
        if not (img["complete"] and img["naturalWidth"] > 0):
            problems.append(f"{report.path}: image {name} did not load (naturalWidth={img['naturalWidth']})")
        alt = (img["alt"] or "").strip()
        if not alt:
            problems.append(f"{report.path}: image {name} has no alt text")
        elif _FILE_NAME.match(alt) or alt == name or len(alt.split()) < min_words:
            problems.append(f"{report.path}: image {name} has no meaningful alt text: {alt!r}")
    return problems


CAPTION_WORDS = {"id": ("Gambar", "Tabel"), "en": ("Figure", "Table")}


def caption_problems(report: PageReport, chapter: int | None, lang: str = "id") -> list[str]:
    """Figures and tables without a caption, or numbered wrongly.

    In a numbered chapter every figure and table carries the chapter's own number
    (``Gambar 4.2``). Elsewhere (landing page, appendix, guides) they carry none:
    a number counted across unnumbered pages ("Tabel 2" on a guide) cannot be cited.
    """
    problems = []
    figure, table = CAPTION_WORDS[lang]
    for kind, word, items in (("figure", figure, report.figures), ("table", table, report.tables)):
        pattern = re.compile(rf"^{word} {chapter}\.\d+$")
        for item in items:
            where = f"{report.path}: {kind} {item['id'] or item.get('head', '')!r}"
            missing = []
            if chapter is None:
                if item["number"] is not None:
                    missing.append(f"a number ({item['number']!r}) on a page outside the numbered chapters")
            elif item["number"] is None:
                missing.append("no number (span.caption-number)")
            elif not pattern.match(item["number"]):
                missing.append(f"the number {item['number']!r}, expected {pattern.pattern}")
            if not item["caption"]:
                missing.append("no caption")
            if missing:
                problems.append(f"{where} has " + " and ".join(missing))
    return problems


def axe_problems(report: PageReport, impacts=("serious", "critical")) -> list[str]:
    """axe-core violations of the given impacts, with rule, impact and the offending nodes."""
    problems = []
    for v in report.axe or []:
        nodes = [n for n in v["nodes"] if (n["impact"] or v["impact"]) in impacts]
        if not nodes:
            continue
        detail = "; ".join(f"{n['target']} [{n['html']}] {n['summary']}" for n in nodes[:6])
        more = f" (+{len(nodes) - 6} more)" if len(nodes) > 6 else ""
        problems.append(f"{report.path}: {v['id']} ({v['impact']}, {len(nodes)} nodes: {v['help']}): {detail}{more}")
    return problems


class _Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "id" or (key == "name" and tag == "a"):
                if value:
                    self.anchors.add(value)


class Fetcher:
    """HTTP GET of same-origin targets (no proxy), cached: status and, for HTML, the ids/names in it."""

    def __init__(self):
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self._cache: dict[str, tuple[int, set[str] | None, str]] = {}

    def get(self, url: str) -> tuple[int, set[str] | None, str]:
        if url not in self._cache:
            try:
                with self._opener.open(url, timeout=10) as resp:
                    status, ctype, body = resp.status, resp.headers.get_content_type(), resp.read()
            except urllib.error.HTTPError as err:
                status, ctype, body = err.code, "", b""
            anchors, text = None, ""
            if ctype == "text/html":
                text = body.decode("utf-8", "replace")
                parser = _Anchors()
                parser.feed(text)
                anchors = parser.anchors
            self._cache[url] = (status, anchors, text)
        return self._cache[url]


def link_problems(reports, base: str, fetcher: Fetcher) -> list[str]:
    """Same-origin links that lead nowhere: a target that is not 200, or a #fragment with no such id/name."""
    problems = []
    for report in reports:
        for href in sorted(set(report.links)):
            if not href.startswith(base):
                continue
            target, _, fragment = href.partition("#")
            status, anchors, _ = fetcher.get(target)
            if status != 200:
                problems.append(f"{report.path}: link {href} -> HTTP {status}")
            elif fragment and anchors is not None and urllib.parse.unquote(fragment) not in anchors:
                problems.append(f"{report.path}: link {href}: no element with id/name {fragment!r} in the target")
    return problems


# Corners of every article image, read from its own pixels (drawn onto a canvas).
_CORNERS_JS = r"""
() => [...(document.querySelector('article.bd-article') || document.body).querySelectorAll('img')].map(img => {
  const w = img.naturalWidth, h = img.naturalHeight;
  if (!w || !h) return {src: img.src, corners: null};
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = h;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  ctx.drawImage(img, 0, 0);
  const at = (x, y) => { const [r, g, b, a] = ctx.getImageData(x, y, 1, 1).data;
                         return {x, y, alpha: a, luminance: Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b)}; };
  return {src: img.src, corners: [at(0, 0), at(w - 1, 0), at(0, h - 1), at(w - 1, h - 1)]};
})
"""


def dark_image_problems(path: str, corners: list[dict], min_luminance: int = 200) -> list[str]:
    """Images whose corners are transparent or dark: unreadable (black on dark) in dark mode."""
    problems = []
    for img in corners:
        name = img["src"].rsplit("/", 1)[-1]
        if img["corners"] is None:
            problems.append(f"{path}: image {name} did not load")
            continue
        for c in img["corners"]:
            if c["alpha"] < 255 or c["luminance"] < min_luminance:
                problems.append(
                    f"{path}: image {name} corner ({c['x']},{c['y']}) has alpha {c['alpha']}, "
                    f"luminance {c['luminance']}: not an opaque light background"
                )
    return problems


def visible_text(html_text: str) -> str:
    """The text of an HTML page without tags, scripts and styles, whitespace collapsed."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


def _contains(text: str, term: str) -> bool:
    return re.sub(r"\s+", " ", term).casefold() in re.sub(r"\s+", " ", text).casefold()


async def dark_mode(browser, base: str, paths: list[str], concurrency: int = 2) -> dict:
    """Switch the first page to dark with the theme's own button, then read every page's images in dark mode.

    Returns the ``data-theme`` before and after the click, the theme each page
    then loaded in (the choice is remembered), the number of images read and the
    problems found by :func:`dark_image_problems`.
    """
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    theme = "() => document.documentElement.dataset.theme"
    outcome = {"before": None, "after": None, "themes": {}, "images": 0, "problems": []}
    context = await new_context(browser, color_scheme="light")
    gate = asyncio.Semaphore(concurrency)

    async def read(page, path):
        outcome["themes"][path] = await page.evaluate(theme)
        corners = await page.evaluate(_CORNERS_JS)
        outcome["images"] += len(corners)
        outcome["problems"] += dark_image_problems(path, corners)

    async def visit(path):
        async with gate:
            page = await context.new_page()
            try:
                await page.goto(base + path, wait_until="load")
                await read(page, path)
            finally:
                await page.close()

    try:
        page = await context.new_page()
        await page.goto(base + paths[0], wait_until="load")
        outcome["before"] = await page.evaluate(theme)
        await page.locator(".theme-switch-button:visible").first.click()
        with contextlib.suppress(PlaywrightTimeout):
            await page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'", timeout=5_000)
        outcome["after"] = await page.evaluate(theme)
        await read(page, paths[0])
        await page.close()
        await asyncio.gather(*(visit(path) for path in paths[1:]))
    finally:
        await context.close()
    return outcome


# Sphinx's searchtools titles the results "Searching" (with pulsing dots) and,
# once every result is listed, "Search Results" (both translated); each result
# then gets a summary fetched from its page.
_SEARCH_DONE_JS = """() => {
  const title = document.querySelector('#search-results > h2');
  const items = document.querySelectorAll('#search-results ul.search > li');
  return title !== null && title.textContent === Documentation.gettext('Search Results')
    && [...items].every(li => li.querySelector('.context') !== null);
}"""
_SEARCH_RESULTS = "#search-results ul.search li a"


async def search(browser, base: str, term: str) -> dict:
    """Search the book for ``term`` on its search page, then click the first result.

    Returns the results (title and URL), the URL and article text of the page the
    click opened, and the search page's own :class:`PageReport`.
    """
    context = await new_context(browser)
    report = PageReport(path="search.html", url=f"{base}search.html?q={urllib.parse.quote_plus(term)}")
    outcome = {"results": [], "opened": None, "text": "", "report": report, "summary": "", "pieces": []}
    try:
        page = await context.new_page()
        _record(page, report)
        await page.goto(report.url, wait_until="load")
        await page.wait_for_function(_SEARCH_DONE_JS)
        outcome["summary"] = await page.evaluate(
            "() => (document.querySelector('#search-results .search-summary') || {}).textContent || ''"
        )
        outcome["pieces"] = [language_support.Piece(**p) for p in await page.evaluate(language_support.PIECES_JS)]
        outcome["results"] = await page.evaluate(
            f"() => [...document.querySelectorAll('{_SEARCH_RESULTS}')]"
            ".map(a => ({title: a.textContent.trim(), url: a.href}))"
        )
        report.recording = False  # leaving the page is the test's doing
        if outcome["results"]:
            async with page.expect_navigation(wait_until="load"):
                await page.locator(_SEARCH_RESULTS).first.click()
            outcome["opened"] = page.url
            outcome["text"] = await page.evaluate(
                "() => (document.querySelector('article.bd-article') || document.body).innerText"
            )
    finally:
        await context.close()
    return outcome


async def switch_language(browser, base: str, path: str) -> dict:
    """Open ``path``, click the language switcher, note where it led, and click it again to come back."""
    context = await new_context(browser)
    try:
        page = await context.new_page()
        await page.goto(base + path, wait_until="load")
        async with page.expect_navigation(wait_until="load"):
            await page.locator("a.ekraf-language").first.click()
        there = {"url": page.url, "lang": await page.evaluate("() => document.documentElement.lang")}
        async with page.expect_navigation(wait_until="load"):
            await page.locator("a.ekraf-language").first.click()
        return {**there, "back": page.url}
    finally:
        await context.close()


def search_problems(term: str, outcome: dict, fetcher: Fetcher) -> list[str]:
    """No results, a clicked result that does not show the term, or a result page without the term."""
    if not outcome["results"]:
        return [f"search for {term!r} found nothing"]
    problems = []
    if not _contains(outcome["text"], term):
        problems.append(f"search for {term!r}: the first result opened {outcome['opened']}, which does not contain it")
    for result in outcome["results"]:
        status, _, page_html = fetcher.get(result["url"].partition("#")[0].partition("?")[0])
        if status != 200 or not _contains(visible_text(page_html), term):
            problems.append(
                f"search for {term!r}: result {result['title']!r} ({result['url']}, HTTP {status}) does not contain it"
            )
    return problems


async def _first_screen(browser, url: str, path: Path, size: tuple[int, int]) -> str:
    """What a reader sees on opening ``url`` (one screen, light mode), saved to ``path``; returns ``<html lang>``."""
    context = await new_context(browser)
    try:
        page = await context.new_page()
        await page.set_viewport_size({"width": size[0], "height": size[1]})
        await page.goto(url, wait_until="load")
        await page.screenshot(path=str(path))
        return await page.evaluate("() => document.documentElement.lang")
    finally:
        await context.close()


def side_by_side(browser: Browser, base: str, page: str, out: Path, size: tuple[int, int] = (960, 900)) -> list[str]:
    """One page of each edition, opened by a reader, put side by side in ``out``; returns the pages' languages."""
    from PIL import Image

    out.parent.mkdir(parents=True, exist_ok=True)
    shots, langs = [], []
    for lang in LANGUAGES:
        shot = out.with_name(f"{out.stem}-{lang}.png")
        langs.append(browser.run(_first_screen(browser.browser, f"{base}{lang}/{page}", shot, size)))
        shots.append(Image.open(shot).convert("RGB"))
    joined = Image.new("RGB", (sum(s.width for s in shots), max(s.height for s in shots)), "white")
    x = 0
    for shot in shots:
        joined.paste(shot, (x, 0))
        x += shot.width
    joined.save(out, optimize=True)
    return langs


PRINT_STYLES = """() => {
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const shown = (el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  return {
    whole: all('article figure, article table').map(el => getComputedStyle(el).breakInside),
    shown_controls: all('button, .headerlink, .ekraf-language, .cell_input, .ekraf-cite-downloads, .bd-sidebar-primary')
      .filter(shown).map(el => el.className || el.tagName),
    figures: all('article figure').length,
    tables: all('article table').length,
  };
}"""


async def _print(browser, url: str, path: Path) -> dict:
    context = await new_context(browser)
    try:
        page = await context.new_page()
        await page.goto(url, wait_until="load")
        await page.emulate_media(media="print")
        styles = await page.evaluate(PRINT_STYLES)
        await page.pdf(path=str(path), format="A4", print_background=False)
        return styles
    finally:
        await context.close()


def print_to_pdf(browser: Browser, url: str, path: Path) -> dict:
    """Print a page with Chromium (print media, A4) into ``path``; returns what the print stylesheet did."""
    return browser.run(_print(browser.browser, url, path))
