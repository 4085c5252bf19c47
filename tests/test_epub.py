"""The EPUB 3 edition of each language (issue 16): EPUBCheck accepts it, it is reproducible, and it is the book.

`make test` builds both EPUBs (`ekraf epub`) before the suite. Without EPUBCheck (Debian's `epubcheck`,
installed by `bash .ci/system-deps`) these tests fail with the install command under CI=true and skip
loudly elsewhere.
"""

import re
import zipfile

import pytest
from bs4 import BeautifulSoup
from conftest import not_here

from ekraf_repro import paths
from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.build import editions
from ekraf_repro.bookmaker.build import epub as epub_mod
from ekraf_repro.bookmaker.files import sha256

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def book(lang):
    path = paths.ROOT / "_build" / "epub" / editions.EPUB_NAMES[lang]
    if not path.exists():
        pytest.fail(f"{path.name} is not built: run `make epub` (make test builds it first)")
    return path


def _require_epubcheck():
    if epub_mod.have_epubcheck():
        return
    not_here("EPUB CHECK", epub_mod.EPUBCHECK_MISSING)


def test_epubcheck_accepts_it(book):
    _require_epubcheck()
    verdict = epub_mod.epubcheck(book)
    assert verdict.returncode == 0, verdict.stdout[-3000:] + verdict.stderr[-3000:]
    assert "No errors or warnings detected." in verdict.stdout + verdict.stderr


def test_epubcheck_rejects_a_broken_one(book, tmp_path):
    """The check can fail: a page that names an image the container does not hold."""
    _require_epubcheck()
    broken = tmp_path / "rusak.epub"
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "book/index.xhtml":
                data = data.replace(b"</body>", b'<img src="tiada.png" alt="x"/></body>')
            zout.writestr(item, data)
    verdict = epub_mod.epubcheck(broken)
    assert verdict.returncode != 0 and "tiada.png" in verdict.stdout + verdict.stderr


def test_two_builds_are_byte_identical(book, lang, fresh_checkout):
    """Built again by another checkout in another folder, with its own environment: the same bytes."""
    again = fresh_checkout / "_build" / "epub" / editions.EPUB_NAMES[lang]
    assert sha256(again.read_bytes()) == sha256(book.read_bytes())  # a digest: a failure's message stays short
    with zipfile.ZipFile(book) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert {i.date_time for i in z.infolist()} == {epub_mod.FIXED_TIME}


def test_it_is_the_edition_in_its_language_with_alt_text_on_every_figure(book, lang):
    cff = settings.cff()
    with zipfile.ZipFile(book) as z:
        opf = z.read("content.opf").decode("utf-8")
        pages = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml")}
    title, author = settings.edition(cff, lang)
    assert f"<dc:language>{lang}</dc:language>" in opf and f"<dc:title>{title}</dc:title>" in opf
    assert f"<dc:creator>{author}</dc:creator>" in opf
    assert f"<dc:date>{cff['date-released']}T00:00:00Z</dc:date>" in opf
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    manifest = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    chapters = [manifest[i] for i in spine if manifest[i].startswith("notebooks/0")]
    assert chapters == sorted(chapters) and len(chapters) == 7
    images = 0
    for name, page in pages.items():
        soup = BeautifulSoup(page, "html.parser")
        for img in soup.find_all("img"):
            images += 1
            assert img.get("alt", "").strip(), f"{name}: an image without alt text"
        assert not soup.find("script"), name
        assert "bab.table(" not in page and "bab.figure(" not in page, f"{name}: code in the EPUB"
    assert images >= 10
    words = {"id": "Daftar pustaka", "en": "Bibliography"}[lang]
    assert any(words in page for page in pages.values())
