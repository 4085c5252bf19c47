"""Write the book's data page (``_generated/data.md`` of each edition) from ``data/datapackage.json``.

The package describes everything twice: ``title``/``description``/``unit`` in English (the Frictionless
fields) and ``judul``/``deskripsi``/``satuan`` in Indonesian.
"""

import json

from ... import paths
from .. import text
from . import cell

NAME = "data.md"
TYPES = ("string", "integer", "number", "date", "any")  # the field types the catalogue names
# The Indonesian field of the package beside each English one.
FIELDS = {"title": "judul", "description": "deskripsi", "unit": "satuan"}


def _get(item: dict, key: str, lang: str, default="") -> str:
    """``item[key]`` in the language: the English field, or its Indonesian twin (falling back on each other)."""
    first, second = text.pick(((FIELDS[key], key), (key, FIELDS[key])), lang)
    return item.get(first, item.get(second, default))


def render(lang: str = "id", package: dict | None = None, data_prefix: str = "../../data/") -> str:
    t = text.group("datapage", lang)
    package = package or json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    generated = "% Generated from data/datapackage.json by `ekraf pages`: edit datapackage.json, not this file."
    lines = ["(halaman-data)=", f"# {t['title']}", "", generated, "", t["intro"], ""]
    lic = ", ".join(lic_.get("title", lic_["name"]) for lic_ in package.get("licenses", []))
    lines += [t["package"].format(name=package["name"], lic=lic), ""]
    for res in package["resources"]:
        lines += [f"## {_get(res, 'title', lang, res['name'])}", ""]
        sources = "; ".join(cell(_get(s, "title", lang)) for s in res.get("sources", []))
        licences = ", ".join(x.get("title", x["name"]) for x in res.get("licenses", package.get("licenses", [])))
        lines += [f"- **{t['file']}:** {{download}}`{res['path']} <{data_prefix}{res['path']}>`"]
        lines += [f"- **{t['source']}:** {sources}", f"- **{t['licence']}:** {licences}", ""]
        lines += [cell(_get(res, "description", lang)), "", f":::{{table}} {t['columns'].format(path=res['path'])}"]
        lines += [f":name: tbl-data-{res['name']}", "", "| " + " | ".join(t["header"]) + " |", "|---|---|---|---|"]
        for f in res["schema"]["fields"]:
            kind = f.get("type", "any")
            kind = t[kind] if kind in TYPES else kind
            unit = cell(_get(f, "unit", lang, "–"))
            lines.append(f"| `{f['name']}` | {kind} | {unit} | {cell(_get(f, 'description', lang))} |")
        lines += [":::", ""]
    return "\n".join(lines).rstrip() + "\n"
