"""One version, kept in CITATION.cff, and the edition history built from the changelogs (issue 16)."""

import pytest

from ekraf_repro import paths
from ekraf_repro.bookmaker import pages, settings
from ekraf_repro.bookmaker.cite import formats, items
from ekraf_repro.bookmaker.pages import changelog, citing
from ekraf_repro.errors import InputError

CFF = settings.cff()


def test_the_version_is_kept_in_one_place():
    assert "version" not in CFF["preferred-citation"]  # the citation takes the file's one version
    version = str(CFF["version"])
    assert [int(p) for p in version.split(".")] and len(version.split(".")) == 3  # semantic: x.y.z
    for lang in settings.EDITIONS:
        newest = changelog.releases(lang)[0]
        assert (newest.version, newest.date) == (version, str(CFF["date-released"])), lang


def test_the_two_changelogs_are_the_same_history_entry_for_entry():
    ours, theirs = changelog.releases("id"), changelog.releases("en")
    assert [(r.version, r.date) for r in ours] == [(r.version, r.date) for r in theirs]
    for a, b in zip(ours, theirs, strict=True):
        assert {k: len(v) for k, v in a.changes.items()} == {k: len(v) for k, v in b.changes.items()}, a.version
    versions = [tuple(int(p) for p in r.version.split(".")) for r in ours]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert [r.date for r in ours] == sorted((r.date for r in ours), reverse=True)
    assert ours[0].changes.get("fixed")  # this version corrects errors of the first edition


def test_every_citation_names_the_version():
    version = str(CFF["version"])
    for lang in settings.EDITIONS:
        book = items.book(CFF, lang)
        assert version in items.render([book], lang)[0] and version in formats.bibtex(book)
        assert version in pages.page(citing.NAME, lang).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", settings.EDITIONS)
def test_the_history_page_lists_every_version_and_the_books_errata(lang):
    page = pages.page(changelog.NAME, lang)
    assert not pages.write_page(changelog, lang), f"{page} is stale: run `ekraf pages`"
    text = page.read_text(encoding="utf-8")
    history = changelog.releases(lang)
    for release in history:
        assert f"{release.version} (" in text
        for changes in release.changes.values():
            assert all(f"- {c}" in text for c in changes)
    errata = text.split("(riwayat-edisi-ralat)=", 1)[1]
    fixed = [(r.version, f) for r in history for f in r.changes.get("fixed", [])]
    assert len(fixed) >= 5 and all(f"| {v} | {f} |" in errata for v, f in fixed)
    assert "2026-" not in text  # dates as a reader writes them
    assert "book/_generated/riwayat" in (paths.ROOT / "_toc.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "line, message",
    [
        ("## 0.3.0 - 2026-12-01", "CHANGELOG.md, line 3: '## 0.3.0 - 2026-12-01' is not a version heading"),
        ("### Improved", "CHANGELOG.md, line 4: 'Improved' is not one of Added, Changed, Removed, Fixed"),
        ("* a star bullet", "CHANGELOG.md, line 4: '* a star bullet' is neither a heading nor a '- ' bullet"),
    ],
)
def test_a_broken_changelog_is_a_one_line_error(tmp_path, line, message):
    good = ["# Changelog", "", "## [0.2.0] - 2026-11-29", "### Added", "- x"]
    bad = good[:2] + [line] + good[3:] if line.startswith("## ") else good[:3] + [line] + good[4:]
    path = tmp_path / "CHANGELOG.md"
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        changelog.parse(path, "en")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)
