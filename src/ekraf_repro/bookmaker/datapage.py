"""Write the book's data page (``book/_generated/data.md``) from ``data/datapackage.json``."""

import json
from pathlib import Path

from .. import paths
from . import generated

PAGE = generated.FOLDER / "data.md"

INTRO = """\
% Generated from data/datapackage.json by `ekraf pages`: edit datapackage.json, not this file.

Setiap berkas data buku ini tercantum di bawah beserta kolom, tipe, satuan,
sumber, dan lisensinya, dengan tautan untuk mengunduh berkasnya. Deskripsi
paket data ditulis dalam format Frictionless Data Package. Berkas mentah
`data/raw/` tidak pernah diubah oleh kode; koreksi dilakukan lewat
`data/errata.csv`.
"""


TYPES = {"string": "teks", "integer": "bilangan bulat", "number": "angka", "date": "tanggal", "any": "bebas"}


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(package: dict, data_prefix: str = "../../data/") -> str:
    lines = ["(halaman-data)=", "# Data dan kamus data", "", INTRO]
    lic = ", ".join(lic_.get("title", lic_["name"]) for lic_ in package.get("licenses", []))
    lines += [f"**Paket data:** `{package['name']}`. **Lisensi paket:** {lic}.", ""]
    for res in package["resources"]:
        lines += [f"## {res.get('judul', res.get('title', res['name']))}", ""]
        lines += [
            f"- **Berkas:** {{download}}`{res['path']} <{data_prefix}{res['path']}>`",
            "- **Sumber:** " + "; ".join(_cell(s.get("judul", s.get("title", ""))) for s in res.get("sources", [])),
            "- **Lisensi:** "
            + ", ".join(x.get("title", x["name"]) for x in res.get("licenses", package.get("licenses", []))),
            "",
            _cell(res.get("deskripsi", res.get("description", ""))),
            "",
            f":::{{table}} Kolom berkas `{res['path']}`",
            f":name: tbl-data-{res['name']}",
            "",
            "| Kolom | Tipe | Satuan | Keterangan |",
            "|---|---|---|---|",
        ]
        for f in res["schema"]["fields"]:
            kind = TYPES.get(f.get("type", "any"), f.get("type", "any"))
            unit = _cell(f.get("satuan", f.get("unit", "–")))
            lines.append(f"| `{f['name']}` | {kind} | {unit} | {_cell(f.get('deskripsi', f.get('description', '')))} |")
        lines += [":::", ""]
    return "\n".join(lines).rstrip() + "\n"


def write(datapackage: Path = paths.DATAPACKAGE, page: Path = PAGE) -> bool:
    """Write the page; returns True when its content changed."""
    return generated.write(page, render(json.loads(datapackage.read_text(encoding="utf-8"))))
