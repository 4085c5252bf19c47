"""Write the book's data page (``book/data.md``) from ``data/datapackage.json``."""
import json
from pathlib import Path

from . import paths

PAGE = paths.BOOK / "data.md"

INTRO = """\
Halaman ini dibuat otomatis dari `data/datapackage.json` (Frictionless Data
Package) oleh `ekraf pages`; jangan menyuntingnya dengan tangan. Setiap
berkas data buku ini tercantum di bawah beserta kolom, tipe, satuan, sumber,
dan lisensinya, dengan tautan untuk mengunduh berkasnya. Berkas mentah
`data/raw/` tidak pernah diubah oleh kode; koreksi dilakukan lewat
`data/errata.csv`.
"""


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(package: dict, data_prefix: str = "../data/") -> str:
    lines = ["(halaman-data)=", "# Data dan kamus data", "", INTRO]
    lic = ", ".join(l.get("title", l["name"]) for l in package.get("licenses", []))
    lines += [f"**Paket data:** `{package['name']}`. **Lisensi paket:** {lic}.", ""]
    for res in package["resources"]:
        lines += [f"## {res.get('title', res['name'])}", ""]
        lines += [
            f"- **Berkas:** {{download}}`{res['path']} <{data_prefix}{res['path']}>`",
            f"- **Sumber:** " + "; ".join(_cell(s.get("title", "")) for s in res.get("sources", [])),
            f"- **Lisensi:** " + ", ".join(l.get("title", l["name"]) for l in res.get("licenses", package.get("licenses", []))),
            "",
            _cell(res.get("description", "")),
            "",
            f":::{{table}} Kolom berkas {res['path']}",
            f":name: tbl-data-{res['name']}",
            "",
            "| Kolom | Tipe | Satuan | Keterangan |",
            "|---|---|---|---|",
        ]
        for f in res["schema"]["fields"]:
            lines.append(
                f"| `{f['name']}` | {f.get('type', 'any')} | {_cell(f.get('unit', '–'))} | {_cell(f.get('description', ''))} |"
            )
        lines += [":::", ""]
    return "\n".join(lines).rstrip() + "\n"


def write(datapackage: Path = paths.DATAPACKAGE, page: Path = PAGE) -> bool:
    """Write the page; returns True when its content changed."""
    text = render(json.loads(datapackage.read_text(encoding="utf-8")))
    if page.exists() and page.read_text(encoding="utf-8") == text:
        return False
    page.write_text(text, encoding="utf-8")
    return True
