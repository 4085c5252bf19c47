"""Student notebooks in a real JupyterLab (issue 21), opened and run in Chromium the way a student does.

JupyterLab (from PyPI, ``lab/uv.lock``) serves a copy of the built student notebooks
(``_build/html/<lang>/_notebooks``) outside the project, on 127.0.0.1, with the
project's ``.venv`` as its kernel. Each chapter (and an appendix page) is opened,
its outputs cleared, and all its cells run from the menus; then:

- no cell fails, and every cell that should show something does;
- the text shows the chapter's computed values, read from the book's own
  executed notebook (its glue outputs), and its tables and figures are drawn;
- no MyST (``{glue``, ``{cite``, ``(label)=``, ``:::{``) and nothing of the other
  language is visible (the book's language check, tests/language_support.py);

and changing ``subsektor`` in the parameters cell and running all again changes
the prose and the figure to what the package computes for the new subsector.
Screenshots land in ``_build/screenshots/lab/``. Missing Chromium or the
JupyterLab environment skips loudly; with ``CI=true`` it fails.
"""

import base64
import json
import re
import shutil

import browser_support as bs
import lab_support as ls
import language_support
import pytest
from student_support import MYST, PAGES, executed, other_language, shown_values, squash, templates

from ekraf_repro import figures, notebook, student
from ekraf_repro.bookmaker import settings
from ekraf_repro.chapters import pendahuluan, profil
from ekraf_repro.subsectors import placeholders

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """Chromium, and JupyterLab on a copy of both editions' student notebooks outside the project."""
    missing = [m for m in bs.missing_requirements() if "axe" not in m] + ls.missing()
    if missing:
        bs.skip_or_fail(missing)
    folder = tmp_path_factory.mktemp("student")
    for lang in settings.EDITIONS:
        shutil.copytree(settings.SITE / lang / ls.lab.FOLDER, folder / lang, ignore=shutil.ignore_patterns("*.zip"))
    state = tmp_path_factory.mktemp("lab-state")
    chromium = bs.Browser()
    try:
        with ls.server(folder, state) as (base, token):
            yield chromium, base, token, folder
    finally:
        chromium.close()


async def _context(browser):
    """A browser context in which nothing may leave 127.0.0.1."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    await context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])(?!data:)(?!blob:)"), lambda r: r.abort())
    return context


async def _run_page(browser, base, token, lang, page_name, outputs):
    context = await _context(browser)
    try:
        page = await ls.open_notebook(context, base, token, f"{lang}/{page_name}.ipynb")
        try:
            await ls.run_all(page, outputs)
        finally:
            seen = await ls.read(page)
        await ls.screenshot(page, f"{lang}_{page_name}")
        if seen["images"]:
            await ls.screenshot(page, f"{lang}_{page_name}_gambar", f"{ls.NOTEBOOK} .jp-OutputArea-output img")
        return seen
    finally:
        await context.close()
        ls.stop_kernels(base, token)


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_a_chapter_runs_in_jupyterlab_and_shows_its_numbers_tables_and_figures(session, lang, page_name):
    chromium, base, token, folder = session
    path = folder / lang / f"{page_name}.ipynb"
    expected = ls.stored(path)
    seen = chromium.run(_run_page(chromium.browser, base, token, lang, page_name, expected["outputs"]))
    book_nb = executed(lang, page_name)
    assert not seen["errors"], seen["errors"]
    assert seen["outputs"] == expected["outputs"], "a cell that shows something in the file showed nothing when run"
    text = squash(seen["text"])
    values = shown_values(json.loads(path.read_text(encoding="utf-8")), book_nb)
    assert values, "no computed value found in the chapter's text"
    missing = {k: v for k, v in values.items() if squash(v) not in text}
    assert not missing, f"computed values not shown: {list(missing)[:5]} in {text[:1500]}"
    assert len(seen["images"]) == expected["images"] and all(i["width"] > 0 for i in seen["images"])
    assert seen["tables"] == expected["tables"] and (seen["tables"] > 0 or page_name == "06_penutup")
    assert not MYST.search(seen["text"]), MYST.search(seen["text"])
    allowed = language_support.allow_list().get(lang, [])
    pieces = [language_support.Piece(**p) for p in seen["pieces"]]
    foreign = language_support.foreign(f"{lang}/{page_name}", pieces, lang, allowed)
    assert not foreign, "\n".join(map(str, foreign[:10]))
    leaked = [s for s in other_language(book_nb, lang) if squash(s) in text]
    assert not leaked, leaked[:3]


def prose_text(markdown: str) -> str:
    """What JupyterLab shows of a Markdown passage, as text."""
    import html

    from markdown_it import MarkdownIt

    blocks = re.sub(r"</(p|h\d|li|td|th)>", " ", MarkdownIt("commonmark").enable("table").render(markdown))
    return squash(html.unescape(re.sub(r"<[^>]+>", "", blocks)))


def expected_for(lang: str, subsektor: str):
    """What the package computes for the introduction with another focus subsector: its values and figure."""
    bab = student.Bab(notebook.prepare(lang, subsektor=subsektor), lang)
    bab.glue(pendahuluan.glues)
    fig = pendahuluan.fig_levels(bab, lang)
    png = base64.b64encode(figures.png(fig)).decode("ascii")
    profile = student.Bab(notebook.prepare(lang, subsektor=subsektor), lang)
    profile.glue(profil.glues)
    return bab.values, png, profile


async def _change(browser, base, token, folder, lang, page_name, value, shot):
    outputs = ls.stored(folder / lang / f"{page_name}.ipynb")["outputs"]
    context = await _context(browser)
    try:
        page = await ls.open_notebook(context, base, token, f"{lang}/{page_name}.ipynb")
        await ls.run_all(page, outputs)
        before = await ls.read(page)
        await ls.set_parameter(page, "subsektor", json.dumps(value))
        await ls.run_all(page, outputs)
        after = await ls.read(page)
        await ls.screenshot(page, f"{lang}_{shot}")
        if after["images"]:
            await ls.screenshot(page, f"{lang}_{shot}_gambar", f"{ls.NOTEBOOK} .jp-OutputArea-output img")
        return before, after
    finally:
        await context.close()
        ls.stop_kernels(base, token)


@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_changing_subsektor_and_running_all_changes_the_prose_and_the_figure(session, lang):
    chromium, base, token, folder = session
    values, png, profile = expected_for(lang, "Musik")
    change = (chromium.browser, base, token, folder, lang)
    before, after = chromium.run(_change(*change, "01_pendahuluan", "Musik", "subsektor_musik"))
    assert not after["errors"], after["errors"]
    was, now = squash(before["text"]), squash(after["text"])
    # every passage that writes a value about the focus subsector reads as the package writes it for Musik
    nb = json.loads((folder / lang / "01_pendahuluan.ipynb").read_text(encoding="utf-8"))
    focus = [t for t in templates(nb) if "{fokus" in t]
    expected = [prose_text(student.render(t, {**placeholders("Musik", lang), **values})) for t in focus]
    assert focus and all(e in now and e not in was for e in expected), [e for e in expected if e not in now][:1]
    # gbr_nilai draws the focus subsector in bold: the page now shows the very PNG the package draws for Musik
    sources = [i["src"].split(",", 1)[1] for i in after["images"]]
    assert png in sources
    assert png not in [i["src"].split(",", 1)[1] for i in before["images"]]
    # an appendix page follows too, down to its title (the template's {{subsektor}})
    before, after = chromium.run(_change(*change, "profil_kriya", "Musik", "profil_musik"))
    title = {"id": "Profil subsektor: Musik", "en": "Subsector profile: Music"}[lang]
    assert title in after["text"] and title not in before["text"]
    assert squash(profile.values["cagr"]) in squash(after["text"])
    assert before["images"][0]["src"] != after["images"][0]["src"]
