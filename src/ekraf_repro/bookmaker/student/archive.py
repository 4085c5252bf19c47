"""The "notebooks to run" zip of an edition, ``ekraf-notebook-<lang>.zip``: the student notebooks at the top
(so ``data/...`` reads the same), the data, the analysis package's source (not the book machine), the lock,
CITATION.cff, the licences and a README with the one command that opens JupyterLab. Sorted entries with a fixed
time and mode: the same bytes every build.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..files import under
from . import lab

BOOK_MACHINE = "bookmaker/"  # the book's own machinery: no notebook imports it, so it stays out of the download
FILES = ("pyproject.toml", "uv.lock", "CITATION.cff", "LICENSE", "LICENSE-CONTENT.md")


def pyproject(text: str) -> str:
    """The checkout's ``pyproject.toml`` without its ``[project.scripts]`` table: the ``ekraf`` command it declares
    runs the book machine, which the download leaves out. The table is one block ended by a blank line; the result
    is checked to be the same TOML but for that table."""
    head, found, rest = text.partition("\n[project.scripts]\n")
    if not found:
        return text
    shortened = head + "\n" + rest.partition("\n\n")[2]
    expected = tomllib.loads(text)
    del expected["project"]["scripts"]
    if tomllib.loads(shortened) != expected:
        raise ValueError("pyproject.toml: [project.scripts] is not one block ended by a blank line")
    return shortened


def name(lang: str) -> str:
    return f"ekraf-notebook-{lang}"


def start_command(jupyterlab: str | None = None) -> str:
    """The README's one command (the tests run it with ``jupyter execute`` in place of ``jupyter lab``)."""
    return f"uv run --frozen --no-dev --with jupyterlab=={jupyterlab or lab.version()} jupyter lab"


README = {
    "id": """# {title}: *notebook* untuk dijalankan

Folder ini memuat *notebook* setiap bab dan lampiran edisi bahasa Indonesia buku ini, datanya (`data/`), paket
analisisnya (`src/ekraf_repro/`), serta `pyproject.toml` dan `uv.lock`, yang mengunci versi setiap paket.

Yang diperlukan: Python 3.11, [uv](https://docs.astral.sh/uv/) (misalnya `python3 -m pip install uv`), dan akses
ke internet untuk memasang paket pada kali pertama. Di folder ini, jalankan:

```sh
{command}
```

Bila perintah `uv` tidak ditemukan, tulis `python3 -m uv` sebagai gantinya. JupyterLab terbuka di peramban: buka
sebuah *notebook*, lalu pilih *Run › Run All Cells*. Ubah nilai di sel parameter (misalnya `subsektor`) dan
jalankan lagi semua sel: teks, tabel, dan gambar mengikuti nilai yang baru. Berkas data dibaca relatif terhadap
folder ini.

Lisensi: kode MIT (`LICENSE`), teks dan data CC BY 4.0 (`LICENSE-CONTENT.md`). Cara mengutip: `CITATION.cff`.
""",
    "en": """# {title}: notebooks to run

This folder holds the notebooks of every chapter and appendix page of this book's English edition, their data
(`data/`), the analysis package (`src/ekraf_repro/`), and `pyproject.toml` and `uv.lock`, which pin the version of
every package.

You need Python 3.11, [uv](https://docs.astral.sh/uv/) (for instance `python3 -m pip install uv`), and internet
access to install the packages the first time. In this folder, run:

```sh
{command}
```

If the `uv` command is not found, write `python3 -m uv` instead. JupyterLab opens in your browser: open a notebook
and choose *Run › Run All Cells*. Change a value in the parameters cell (for instance `subsektor`) and run all
cells again: the text, tables and figures follow the new value. Data files are read relative to this folder.

Licences: code MIT (`LICENSE`), text and data CC BY 4.0 (`LICENSE-CONTENT.md`). How to cite: `CITATION.cff`.
""",
}


def contents(notebooks: dict[str, bytes], data: Path, lang: str, title: str, checkout: Path = lab.CHECKOUT):
    missing = [f for f in FILES if not (checkout / f).is_file()]
    if missing:
        raise FileNotFoundError(f"{checkout / missing[0]}: the notebooks download needs the package's checkout")
    files = {f: (checkout / f).read_bytes() for f in FILES}
    files["pyproject.toml"] = pyproject(files["pyproject.toml"].decode("utf-8")).encode("utf-8")
    files["README.md"] = README[lang].format(title=title, command=start_command()).encode()
    for base, prefix, suffix in ((checkout / "src" / "ekraf_repro", "src/ekraf_repro/", ".py"), (data, "data/", "")):
        files.update({prefix + rel: path.read_bytes() for rel, path in under(base).items()
                      if rel.endswith(suffix) and not rel.startswith(BOOK_MACHINE)})  # fmt: skip
    return {**files, **notebooks}
