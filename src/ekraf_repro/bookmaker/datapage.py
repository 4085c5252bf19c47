"""Write the book's data page (``_generated/data.md`` of each edition) from ``data/datapackage.json``.

The package describes everything twice: ``title``/``description``/``unit`` in English (the Frictionless
fields) and ``judul``/``deskripsi``/``satuan`` in Indonesian.
"""

import json
from pathlib import Path

from .. import paths
from . import generated

NAME = "data.md"
PAGE = generated.page(NAME)

TEXT = {
    "title": ("Data dan kamus data", "Data and data dictionary"),
    "intro": (
        "Setiap berkas data buku ini tercantum di bawah beserta kolom, tipe, satuan,\n"
        "sumber, dan lisensinya, dengan tautan untuk mengunduh berkasnya. Deskripsi\n"
        "paket data ditulis dalam format Frictionless Data Package. Berkas mentah\n"
        "`data/raw/` tidak pernah diubah oleh kode; koreksi dilakukan lewat\n"
        "`data/errata.csv`.",
        "Every data file of this book is listed below with its columns, types, units,\n"
        "sources and licence, and a link to download it. The data package is described\n"
        "in the Frictionless Data Package format. The raw files in `data/raw/` are never\n"
        "changed by the code; corrections are made through `data/errata.csv`.",
    ),
    "package": (
        "**Paket data:** `{name}`. **Lisensi paket:** {lic}.",
        "**Data package:** `{name}`. **Package licence:** {lic}.",
    ),
    "file": ("Berkas", "File"),
    "source": ("Sumber", "Source"),
    "licence": ("Lisensi", "Licence"),
    "columns": ("Kolom berkas `{path}`", "Columns of the file `{path}`"),
    "header": (("Kolom", "Tipe", "Satuan", "Keterangan"), ("Column", "Type", "Unit", "Description")),
}
TYPES = {
    "string": ("teks", "text"),
    "integer": ("bilangan bulat", "integer"),
    "number": ("angka", "number"),
    "date": ("tanggal", "date"),
    "any": ("bebas", "any"),
}
# The Indonesian field of the package beside each English one.
FIELDS = {"title": "judul", "description": "deskripsi", "unit": "satuan"}


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _get(item: dict, key: str, lang: str, default="") -> str:
    """``item[key]`` in the language: the English field, or its Indonesian twin (falling back on each other)."""
    first, second = (FIELDS[key], key) if lang == "id" else (key, FIELDS[key])
    return item.get(first, item.get(second, default))


def render(package: dict, data_prefix: str = "../../data/", lang: str = "id") -> str:
    t = {k: generated.pick(v, lang) for k, v in TEXT.items()}
    lines = [
        "(halaman-data)=",
        f"# {t['title']}",
        "",
        "% Generated from data/datapackage.json by `ekraf pages`: edit datapackage.json, not this file.",
        "",
        t["intro"],
        "",
    ]
    lic = ", ".join(lic_.get("title", lic_["name"]) for lic_ in package.get("licenses", []))
    lines += [t["package"].format(name=package["name"], lic=lic), ""]
    for res in package["resources"]:
        lines += [f"## {_get(res, 'title', lang, res['name'])}", ""]
        lines += [
            f"- **{t['file']}:** {{download}}`{res['path']} <{data_prefix}{res['path']}>`",
            f"- **{t['source']}:** " + "; ".join(_cell(_get(s, "title", lang)) for s in res.get("sources", [])),
            f"- **{t['licence']}:** "
            + ", ".join(x.get("title", x["name"]) for x in res.get("licenses", package.get("licenses", []))),
            "",
            _cell(_get(res, "description", lang)),
            "",
            f":::{{table}} {t['columns'].format(path=res['path'])}",
            f":name: tbl-data-{res['name']}",
            "",
            "| " + " | ".join(t["header"]) + " |",
            "|---|---|---|---|",
        ]
        for f in res["schema"]["fields"]:
            kind = f.get("type", "any")
            kind = generated.pick(TYPES[kind], lang) if kind in TYPES else kind
            unit = _cell(_get(f, "unit", lang, "–"))
            lines.append(f"| `{f['name']}` | {kind} | {unit} | {_cell(_get(f, 'description', lang))} |")
        lines += [":::", ""]
    return "\n".join(lines).rstrip() + "\n"


def write(datapackage: Path = paths.DATAPACKAGE, page: Path | None = None, lang: str = "id") -> bool:
    """Write the page; returns True when its content changed."""
    page = page or generated.page(NAME, lang)
    return generated.write(page, render(json.loads(datapackage.read_text(encoding="utf-8")), lang=lang))
