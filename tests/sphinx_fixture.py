"""A tiny Sphinx project for the extensions' unit tests (``test_sphinxext.py``, ``test_guards.py``).

One numbered chapter (a notebook with a glued table and figure, a hidden code cell and the parameters
papermill recorded), one unnumbered appendix chapter with a glued table, the page "Cara mengutip" as the
book machine writes it, the project's CITATION.cff and our compiled catalogues; the book's theme and our
extensions, built with ``sphinx.testing`` in a second or two.
"""

import json
from pathlib import Path

import nbformat

from ekraf_repro.bookmaker.build.catalogues import catalogues
from ekraf_repro.bookmaker.pages import citing

ROOT = Path(__file__).resolve().parents[1]
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
PREFIX = "application/papermill.record/"
TITLE = "Kerja Sama Kota Kembar Bandung–Petaling Jaya di Bidang Ekonomi Kreatif: Edisi Reproduksi"  # CITATION.cff's
EXTENSIONS = ["theme", "i18n", "editions", "registry", "citations", "reproducible", "latex", "epub"]
CONF = f"""
extensions = ["myst_nb", "sphinx_copybutton"] + [f"ekraf_repro.bookmaker.sphinxext.{{e}}" for e in {EXTENSIONS!r}]
html_theme = "sphinx_book_theme"
project = html_title = {TITLE!r}
author = "Para editor edisi reproduksi"
language = "id"
locale_dirs = ["_locale"]
numfig = True
numfig_secnum_depth = 1
numfig_format = {{"figure": "Gambar %s", "table": "Tabel %s", "code-block": "Kode %s", "section": "Bagian %s"}}
nb_execution_mode = "off"
nb_render_markdown_format = "myst"
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["mystnb.unknown_mime_type"]
ekraf_edition = "id"
ekraf_editions = {{"en": "en"}}
exclude_patterns = ["_build"]
"""
INDEX = """# Buku uji

```{only} builder_html and ekraf_pdf
**Edisi uji**<span class="ekraf-pdf"> · PDF</span>
```

```{only} builder_html and not ekraf_pdf
**Edisi uji**<span class="ekraf-no-pdf"> · tanpa PDF</span>
```

```{only} not builder_html
**Edisi uji**
```

Sebuah kata Inggris: {lang-en}`sister city`.

```{toctree}
:numbered:
:caption: Bab
notebooks/01_bab
```

```{toctree}
:caption: Lampiran
notebooks/lampiran
mengutip
```
"""


def _glue(key: str, data: dict, csv: str | None = None) -> dict:
    meta = {"scrapbook": {"name": key, "mime_prefix": PREFIX}, "ekraf": {"lang": "id"}}
    if csv is not None:
        meta["ekraf"]["data"] = csv
    return nbformat.v4.new_output("display_data", data={PREFIX + k: v for k, v in data.items()}, metadata=meta)


def notebook(label: str, title: str, table: str, parameters: dict, figure: bool) -> nbformat.NotebookNode:
    code = nbformat.v4.new_code_cell("bab.table(...)", metadata={"tags": ["hide-input"]})
    code.outputs = [
        _glue(f"{table}_glue", {"text/markdown": "| a | b |\n|---|---|\n| 1 | 2 |", "text/plain": "'t'"}, "a,b\n1,2\n")
    ]
    cells = [nbformat.v4.new_markdown_cell(f"({label})=\n# {title}\n\nTeks bab."), code]
    markdown = (
        f":::{{table}} Tabel uji {label}\n:name: {table}\n\n```{{glue:md}} {table}_glue\n:format: myst\n```\n:::\n"
    )
    if figure:
        code.outputs.append(_glue("gbr_glue", {"image/png": PNG, "text/plain": "<figure>"}, "x,y\n1,2\n"))
        markdown += "\n```{glue:figure} gbr_glue\n:name: gbr-uji\n:alt: Sebuah titik\n\nGambar uji.\n```\n"
    cells.append(nbformat.v4.new_markdown_cell(markdown))
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    meta = {"kernelspec": kernel, "ekraf": {"reads": ["CITATION.cff"]}, "papermill": {"parameters": parameters}}
    return nbformat.v4.new_notebook(cells=cells, metadata=meta)


def project(dest: Path) -> Path:
    """Write the fixture project into ``dest``; returns it."""
    (dest / "notebooks").mkdir(parents=True)
    (dest / "conf.py").write_text(CONF, encoding="utf-8")
    (dest / "index.md").write_text(INDEX, encoding="utf-8")
    (dest / "mengutip.md").write_text(citing.render("id"), encoding="utf-8")
    (dest / "CITATION.cff").write_bytes((ROOT / "CITATION.cff").read_bytes())
    for rel, data in catalogues("id").items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_bytes(data)
    chapter = notebook("bab-uji", "Bab uji", "tbl-uji", {"bahasa": "id"}, figure=True)
    appendix = notebook("lampiran-uji", "Lampiran uji", "tbl-lampiran", {}, figure=False)
    nbformat.write(chapter, dest / "notebooks" / "01_bab.ipynb")
    nbformat.write(appendix, dest / "notebooks" / "lampiran.ipynb")
    return dest


def page(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def downloads(app) -> dict[str, str]:
    out = Path(app.outdir)
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.glob("_[kd]*/*"))}


def load(text: str):
    return json.loads(text)
