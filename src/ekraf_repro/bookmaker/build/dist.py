"""`make dist`: one reproducible archive of the edition to deposit (``_build/dist/ekraf-reproduksi-<version>.zip``),
with ``.zenodo.json`` and an RO-Crate; sorted entries, fixed times and modes. No address or DOI is written while
``ekraf_doi`` and ``ekraf_canonical_url`` are empty.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ... import paths
from .. import settings
from ..files import under, zipped
from . import editions

FILES = ("uv.lock", "pyproject.toml", "CITATION.cff", "CHANGELOG.md", "CHANGELOG.id.md", "README.md", "LICENSE",
         "LICENSE-CONTENT.md")  # fmt: skip
PARTS = {  # folder in the archive -> what it is (the RO-Crate's description of that part)
    "html": "The HTML book: both editions (id/, en/) and the front door (index.html).",
    "pdf": "The PDF of each edition (book.pdf: Indonesian; book-en.pdf: English).",
    "epub": "The EPUB 3 of each edition (book.epub: Indonesian; book-en.epub: English).",
    "notebooks": "The executable notebooks with their outputs (notebooks/en/: the English execution).",
    "data": "The raw table as printed, its errata, the coded facts, the audit and the public context.",
}


def name(cff: dict) -> str:
    return f"ekraf-reproduksi-{cff['version']}"


def contents(root: Path = paths.ROOT) -> dict[str, Path]:
    build = root / "_build"
    found: dict[str, Path] = {}
    for folder, base in (("html", build / "html"), ("notebooks", root / "notebooks"), ("data", root / "data")):
        found.update({f"{folder}/{rel}": path for rel, path in under(base).items()})
    for lang in settings.EDITIONS:
        found[f"pdf/{editions.PDF_NAMES[lang]}"] = build / "pdf" / editions.PDF_NAMES[lang]
        found[f"epub/{editions.EPUB_NAMES[lang]}"] = build / "epub" / editions.EPUB_NAMES[lang]
    for file in FILES:
        found[file] = root / file
    missing = [rel for rel, path in found.items() if not path.is_file()]
    if missing:
        raise SystemExit(f"error: dist: {missing[0]} is missing (run `make book`, `make pdf` and `make epub` first)")
    return found


def zenodo(cff: dict, root: Path = paths.ROOT) -> dict:
    """``.zenodo.json``: Zenodo's deposit metadata, from CITATION.cff (a DOI only once one is set)."""
    title, author = settings.edition(cff, settings.DEFAULT, root)
    record = {"title": title, "upload_type": "publication", "publication_type": "book",
              "description": " ".join(str(cff["abstract"]).split()), "creators": [{"name": author}],
              "version": str(cff["version"]), "publication_date": str(cff["date-released"]), "language": "ind",
              "license": settings.LICENCES[cff["license"]][0], "keywords": list(cff.get("keywords", [])),
              "notes": "Two editions: Indonesian (id) and English (en), in one deposit."}  # fmt: skip
    doi = settings.config(settings.DEFAULT, root)["sphinx"]["config"].get("ekraf_doi")
    if doi:
        record["doi"] = doi
    return record


def ro_crate(cff: dict, files: dict[str, Path], root: Path = paths.ROOT) -> dict:
    """``ro-crate-metadata.json``, made with rocrate: the edition, each part, and every file outside the site."""
    from rocrate.model.contextentity import ContextEntity
    from rocrate.rocrate import ROCrate

    title, author = settings.edition(cff, settings.DEFAULT, root)
    paper = settings.original(cff)
    crate = ROCrate()
    dataset = crate.root_dataset
    dataset["name"] = title
    dataset["description"] = " ".join(str(cff["abstract"]).split())
    dataset["datePublished"] = str(cff["date-released"])
    dataset["version"] = str(cff["version"])
    dataset["license"] = settings.LICENCES[cff["license"]][1]
    dataset["inLanguage"] = list(settings.EDITIONS)
    editors = crate.add(ContextEntity(crate, "#editors", properties={"@type": "Organization", "name": author}))
    source = {"@type": "ScholarlyArticle", "name": paper["title"].strip("[]"), "inLanguage": "id"}
    dataset["author"] = editors
    dataset["isBasedOn"] = crate.add(ContextEntity(crate, "#paper", properties=source))
    for folder, description in PARTS.items():
        crate.add_dataset(None, dest_path=f"{folder}/", properties={"name": folder, "description": description})
    for rel in (r for r in sorted(files) if not r.startswith("html/")):  # the site is one part, the html/ dataset
        properties = {"name": Path(rel).name, "contentSize": files[rel].stat().st_size}
        crate.add_file(None, dest_path=rel, properties=properties)
    with tempfile.TemporaryDirectory() as tmp:
        crate.metadata.write(tmp)
        return json.loads((Path(tmp) / "ro-crate-metadata.json").read_text(encoding="utf-8"))


def build(root: Path = paths.ROOT, out: Path | None = None) -> Path:
    """Write the archive (atomically: a failed run leaves an earlier archive in place)."""
    cff, files = settings.cff(root), contents(root)
    top = name(cff)
    generated = {
        ".zenodo.json": json.dumps(zenodo(cff, root), ensure_ascii=False, indent=1) + "\n",
        "ro-crate-metadata.json": json.dumps(ro_crate(cff, files, root), ensure_ascii=False, indent=1) + "\n",
    }
    out = out or root / "_build" / "dist"
    out.mkdir(parents=True, exist_ok=True)
    target, tmp = out / f"{top}.zip", out / f".{top}.zip.tmp"
    data = {rel: path.read_bytes() for rel, path in files.items()} | {k: v.encode() for k, v in generated.items()}
    tmp.write_bytes(zipped(data, top))
    os.replace(tmp, target)
    return target
