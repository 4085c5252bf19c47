"""data/datapackage.json: valid Frictionless, complete, and in agreement with the loader."""

import csv
import json
import re

import pytest
from frictionless import Package

from ekraf_repro import errata, loader, paths
from ekraf_repro.bookmaker import pages
from ekraf_repro.bookmaker.pages import datapage

PKG = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
RESOURCES = {r["path"]: r for r in PKG["resources"]}


def header(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh, delimiter=";"))


def test_package_is_valid_frictionless():
    report = Package(str(paths.DATAPACKAGE)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_data_file_is_described():
    files = sorted(p.relative_to(paths.DATA).as_posix() for p in paths.DATA.rglob("*.csv"))
    assert files == sorted(RESOURCES)


@pytest.mark.parametrize("path", sorted(RESOURCES))
def test_schema_fields_match_file_header(path):
    fields = [f["name"] for f in RESOURCES[path]["schema"]["fields"]]
    assert fields == header(paths.DATA / path)


@pytest.mark.parametrize("path", sorted(RESOURCES))
def test_every_resource_has_source_licence_and_description(path):
    res = RESOURCES[path]
    assert res.get("sources") and res.get("licenses") and len(res.get("description", "")) > 40
    assert all(f.get("description") for f in res["schema"]["fields"])


def test_raw_table_agrees_with_loader():
    res = RESOURCES["raw/tabel_1_1_ekspor_ekraf.csv"]
    df = loader.load()
    years = [f["name"] for f in res["schema"]["fields"][1:]]
    assert years == [str(y) for y in sorted(df["tahun"].unique())]
    assert all("unknown" in f["unit"] for f in res["schema"]["fields"][1:])
    source = res["sources"][0]["title"]
    assert (
        "Table 1.1" in source
        and "*Ekspor Ekonomi Kreatif*" in source
        and "*Ekspor ekonomi kreatif 2018-2022*" in source
    )
    assert "Tabel 1.1" in res["sources"][0]["judul"] and "'Ekspor Ekonomi Kreatif'" in res["sources"][0]["judul"]
    assert "unit is unknown" in res["description"]


def test_errata_schema_agrees_with_loader():
    assert [f["name"] for f in RESOURCES["errata.csv"]["schema"]["fields"]] == errata.COLUMNS


def test_coded_rows_point_to_a_section_or_paragraph_of_the_paper():
    """Rows coded from the paper name their place in it: a section as printed, or a paragraph of the concordance."""
    sections = (
        "Abstrak",
        "A. Pendahuluan",
        "B. Tinjauan Teoritis",
        "C. Metode Penelitian",
        "D. Hasil dan Pembahasan",
        "E. Penutup",
    )
    with open(paths.DATA / "coded" / "konkordansi.csv", encoding="utf-8", newline="") as fh:
        paragraphs = {row["id"] for row in csv.DictReader(fh, delimiter=";")}
    for path, res in RESOURCES.items():
        names = [f["name"] for f in res["schema"]["fields"]]
        with open(paths.DATA / path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=";"):
                if "paragraf" in names and row["paragraf"]:
                    for paragraph in row["paragraf"].split(", "):  # a note may concern several paragraphs
                        assert paragraph in paragraphs, (path, row["paragraf"])
                if "bagian" in names and path.startswith("coded/") and path != "coded/konkordansi.csv":
                    assert row["bagian"].startswith(sections), (path, row)
                if path == "klaim/klaim.csv":
                    assert re.fullmatch(r"(Abstrak|[A-E])( \+ [A-E])?", row["bagian"]), row["bagian"]


def test_data_page_is_generated_from_the_package():
    assert pages.page(datapage.NAME).read_text(encoding="utf-8") == datapage.render(package=PKG)
    text = datapage.render(package=PKG)
    for path in RESOURCES:
        assert f"<../../data/{path}>" in text
