"""`make dist` (issue 16): one archive, byte-identical when built twice, holding every part, with Zenodo and
RO-Crate metadata that a real parser (the rocrate library) reads back."""

import json
import zipfile

import pytest
import yaml
from conftest import not_here

from ekraf_repro import paths
from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.build import book as bookbuild
from ekraf_repro.bookmaker.build import dist, editions

pytestmark = pytest.mark.slow

CFF = settings.cff()


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    if not bookbuild.have_latex():  # the archive holds the PDFs
        not_here("DEPOSIT ARCHIVE TESTS", bookbuild.LATEX_MISSING)
    first = dist.build(out=tmp_path_factory.mktemp("satu"))
    second = dist.build(out=tmp_path_factory.mktemp("dua") / "folder lain")
    return first, second


def test_two_builds_are_byte_identical(archives):
    first, second = archives
    assert first.name == f"ekraf-reproduksi-{CFF['version']}.zip" == second.name
    assert first.read_bytes() == second.read_bytes()


def test_the_archive_holds_every_part(archives):
    top = f"ekraf-reproduksi-{CFF['version']}/"
    with zipfile.ZipFile(archives[0]) as z:
        names = z.namelist()
        assert names == sorted(names) and all(n.startswith(top) for n in names)
        read = {n[len(top) :]: z.read(n) for n in names}
    assert {"html/index.html", "html/id/book/index.html", "html/en/book/index.html"} <= set(read)
    build = paths.ROOT / "_build"
    for lang in settings.EDITIONS:
        assert read[f"pdf/{editions.PDF_NAMES[lang]}"] == (build / "pdf" / editions.PDF_NAMES[lang]).read_bytes()
        assert read[f"epub/{editions.EPUB_NAMES[lang]}"] == (build / "epub" / editions.EPUB_NAMES[lang]).read_bytes()
        assert read[f"html/{lang}/book.pdf"] == read[f"pdf/{editions.PDF_NAMES[lang]}"]  # the site links its PDF
    for file in ("uv.lock", "CITATION.cff", "pyproject.toml", "CHANGELOG.md", "CHANGELOG.id.md"):
        assert read[file] == (paths.ROOT / file).read_bytes(), file
    notebooks = {f"notebooks/{p.relative_to(paths.NOTEBOOKS).as_posix()}" for p in paths.NOTEBOOKS.rglob("*.ipynb")}
    assert notebooks <= set(read) and len(notebooks) >= 23
    data = {
        f"data/{p.relative_to(paths.ROOT / 'data').as_posix()}" for p in (paths.ROOT / "data").rglob("*") if p.is_file()
    }
    assert data == {n for n in read if n.startswith("data/")}


def test_zenodo_metadata_come_from_citation_cff_and_invent_no_doi(archives):
    top = f"ekraf-reproduksi-{CFF['version']}/"
    with zipfile.ZipFile(archives[0]) as z:
        record = json.loads(z.read(top + ".zenodo.json"))
    assert record["version"] == str(CFF["version"]) and record["publication_date"] == str(CFF["date-released"])
    assert record["title"] == settings.edition(CFF, "id")[0] and record["creators"] == [
        {"name": settings.edition(CFF, "id")[1]}
    ]
    assert record["upload_type"] == "publication" and record["license"] == "cc-by-4.0" and record["language"] == "ind"
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    assert ("doi" in record) == bool(config["ekraf_doi"])


def test_the_ro_crate_describes_every_part(archives, tmp_path):
    from rocrate.rocrate import ROCrate

    with zipfile.ZipFile(archives[0]) as z:
        z.extractall(tmp_path)
    folder = tmp_path / f"ekraf-reproduksi-{CFF['version']}"
    crate = ROCrate(folder)
    root = crate.root_dataset
    assert root["version"] == str(CFF["version"]) and root["datePublished"] == str(CFF["date-released"])
    assert root["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert root["isBasedOn"]["name"] == settings.original(CFF)["title"].strip("[]")
    for part in dist.PARTS:
        entity = crate.get(f"{part}/")
        assert entity is not None and "Dataset" in entity.type, part
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    described = [f for f in files if not f.startswith("html/") and f not in ("ro-crate-metadata.json", ".zenodo.json")]
    assert len(described) > 50
    for rel in described:
        entity = crate.get(rel)
        assert entity is not None and entity["contentSize"] == (folder / rel).stat().st_size, rel


def test_a_missing_part_is_a_one_line_error(tmp_path):
    (tmp_path / "CITATION.cff").write_bytes((paths.ROOT / "CITATION.cff").read_bytes())
    with pytest.raises(
        SystemExit, match=r"^error: dist: .+ is missing \(run `make book`, `make pdf` and `make epub` first\)$"
    ):
        dist.contents(tmp_path)
