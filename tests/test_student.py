"""Student notebooks (issue 21): one language, prose that follows the numbers, the book's numbering, a download.

The fast tests make student notebooks from the committed executed notebooks
(:func:`ekraf_repro.bookmaker.student.notebooks.make`, with stand-ins for the book's
cross-references) and run the student module; the slow ones read the built
book: its student notebooks (nbval runs them), their links, their agreement
with the book's pages, the zip, and the zip unpacked and run where only Python
and uv are installed. The real JupyterLab is tests/test_lab.py.
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from student_support import MYST, PAGES, everything, executed, other_language, shown_values, squash

from ekraf_repro import paths, student
from ekraf_repro.bookmaker import settings
from ekraf_repro.bookmaker.files import zipped
from ekraf_repro.bookmaker.run import plan
from ekraf_repro.bookmaker.sphinxext import student as sphinx_student
from ekraf_repro.bookmaker.student import archive as studentzip
from ekraf_repro.bookmaker.student import lab
from ekraf_repro.bookmaker.student import notebooks as studentnb
from ekraf_repro.errors import InputError
from ekraf_repro.show import FileName

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def resolve(role: str, text: str) -> str:
    return f"REF[{role}:{text}]"


def number(kind: str, label: str) -> str:
    return f"NUM[{label}]"


def make(lang: str, page: str, nb: dict | None = None):
    template = json.loads((paths.NOTEBOOKS / plan.TEMPLATE).read_text(encoding="utf-8"))
    prose = {c["id"]: "".join(c["source"]) for c in template["cells"] if c["cell_type"] == "markdown"}
    nb = nb or executed(lang, page)  # both languages: make() keeps the edition's own
    return studentnb.make(
        nb, lang, name=page, title="Buku", resolve=resolve, number=number, prose=None if page[:2].isdigit() else prose
    )


def cell(nb, cid: str):
    return next(c for c in nb.cells if c.id == cid)


# --------------------------------------------------------------------------- made from the executed notebooks


@pytest.mark.parametrize("page", PAGES)
def test_a_student_notebook_is_in_one_language_without_myst(lang, page):
    nb = make(lang, page)
    text = everything(nb)
    assert not MYST.search(text), MYST.search(text)
    assert not any(t.startswith("jika:bahasa_") for c in nb.cells for t in c.metadata.get("tags", []))
    leaked = [s for s in other_language(executed(lang, page), lang) if squash(s) in squash(text)]
    assert not leaked, leaked[:3]
    assert "REF\\[" in text  # cross-references and citations were read as text
    # every value the passages write is the one the book glued, and it is in the stored outputs
    values = shown_values(json.loads(studentnb.dumps(nb)), executed(lang, page))
    assert values and all(student.escape(v) in text for v in values.values())


def test_code_cells_come_from_the_book_and_call_the_student_module():
    nb = make("id", "04_hasil")
    first = nb.cells[1]  # after the note: the chapter's first code cell (04_hasil has no parameter but bahasa)
    assert first.source.splitlines()[:4] == [
        'bahasa = "id"  # bahasa notebook ini',
        "from ekraf_repro.chapters import hasil",
        "from ekraf_repro.student import start",
        "bab = start(bahasa=bahasa)",
    ]
    assert first.metadata["jupyter"]["source_hidden"] is True
    table = cell(nb, "c17-tbl-kendala")
    caption = "**NUM[tbl-kendala]** Kendala kerja sama menurut makalah"
    assert table.source == f'bab.table("tbl_kendala", hasil.constraints, keterangan="{caption}")'
    assert table.outputs[0]["data"]["text/markdown"].startswith(caption)
    # a table sits where the book places it: after the passage's text before it, before the text after it
    ids = [c.id for c in nb.cells]
    assert ids.index("c17") < ids.index("c17-tbl-kendala") < ids.index("c17-2") < ids.index("c17-tbl-hambatan")


def test_the_parameters_cell_is_in_the_notebooks_language_and_an_appendix_keeps_its_subsector(lang):
    nb = make(lang, "profil_fashion")
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert 'subsektor = "Fashion"' in params.source and "bahasa" not in params.source
    assert params.source.startswith(studentnb.PARAMS_COMMENT[lang])
    assert "jupyter" not in params.metadata  # shown with its code: this is what a student changes
    title = {"id": "# Profil subsektor: Fesyen", "en": "# Subsector profile: Fashion"}[lang]
    first = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith("bab.teks("))
    assert "{subsektor}" in first.source and first.outputs[0]["data"]["text/markdown"].startswith(title)


def test_a_value_used_before_the_code_computes_it_moves_to_the_first_code_cell():
    nb = make("id", "01_pendahuluan")
    assert 'bab.condition("koreksi", pendahuluan.has_correction(bab))' in nb.cells[2].source
    assert "bab.condition" not in cell(nb, "c18").source if any(c.id == "c18" for c in nb.cells) else True


def _with_fact(nb: dict, name: str, value: bool) -> dict:
    nb = copy.deepcopy(nb)
    for c in nb["cells"]:
        for o in c.get("outputs", []):
            if o.get("metadata", {}).get("scrapbook", {}).get("name") == f"kondisi_{name}":
                o["data"]["application/papermill.record/text/plain"] = repr("ya" if value else "tidak")
    return nb


def test_a_conditional_passage_shows_only_when_its_condition_holds_in_that_run():
    nb = make("id", "01_pendahuluan")
    assert cell(nb, "c07").outputs and not cell(nb, "c09").outputs  # the book's own table: Tabel 1.1 as printed
    assert cell(nb, "c09").source.rstrip().endswith('jika_tidak=("asli",)\n)'.rstrip())
    assert cell(nb, "c07-tbl-tercetak").outputs and not cell(nb, "c09-tbl-tercetak").outputs
    assert cell(nb, "c14").outputs and not cell(nb, "c16").outputs
    variant = make("id", "01_pendahuluan", _with_fact(executed("id", "01_pendahuluan"), "asli", False))
    assert not cell(variant, "c07").outputs and cell(variant, "c09").outputs
    assert student.holds({"asli": False}, jika_tidak="asli") and not student.holds({}, jika=("asli",))


def test_values_are_written_into_the_prose_as_text():
    values = {"a": "5*3 <b>x</b> & $2$", "f": FileName("data saya.csv"), "n": "tiga"}
    assert student.render("{a}; {f:md}; {f}; {n}; {{literal}}", values) == (
        "5\\*3 \\<b\\>x\\</b\\> \\& \\$2\\$; `data saya.csv`; data saya.csv; tiga; {literal}"
    )
    with pytest.raises(KeyError, match="'hilang'"):
        student.render("{hilang}", values)


def test_myst_that_has_no_reading_stops_the_generator_naming_the_cell():
    nb = executed("id", "04_hasil")
    planted = copy.deepcopy(nb)
    target = next(c for c in planted["cells"] if c.get("id") == "c05")
    target["source"] = "".join(target["source"]) + "\n\nSee {term}`UMKM`."
    with pytest.raises(studentnb.NotConvertible, match=r"cell c05: the role \{term\}"):
        make("id", "04_hasil", planted)
    target["source"] = "".join(nb["cells"][4]["source"]) + "\n\n::::{note}\nCatatan\n::::\n"
    with pytest.raises(studentnb.NotConvertible, match="MyST syntax left"):
        make("id", "04_hasil", planted)


def test_the_book_keeps_only_glued_outputs_so_nothing_shows_twice():
    """The book's notebooks are unchanged by the student notebooks: every output is glue, placed once by the page."""
    for path in sorted(paths.NOTEBOOKS.rglob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for c in nb["cells"]:
            for o in c.get("outputs", []):
                assert o.get("metadata", {}).get("scrapbook"), f"{path.name}: a visible output beside the glue"


# --------------------------------------------------------------------------- errors a student meets


def test_a_bad_input_reads_as_one_line_with_what_to_do():
    line = student.one_line(InputError("data/raw/hilang.csv: file not found"), "id")
    assert line.startswith("data/raw/hilang.csv: file not found. Berkas dibaca relatif terhadap folder ")
    assert str(paths.ROOT) in line
    err = FileNotFoundError(2, "No such file", str(paths.ROOT / "data" / "coded" / "x.csv"))
    assert student.one_line(err, "en").startswith("data/coded/x.csv: file not found. Files are read relative to")
    assert "parameters cell" in student.one_line(InputError("parameter subsektor='Batik': not in the data"), "en")


@pytest.mark.slow
def test_in_a_kernel_a_missing_file_is_one_line_not_a_traceback(tmp_path, edition_site, lang):
    """A student notebook copied outside the project, run by a kernel with one parameter wrong."""
    import nbclient
    import nbformat

    nb = nbformat.read(edition_site / lab.FOLDER / "profil_kriya.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = params.source.replace('"data/raw/tabel_1_1_ekspor_ekraf.csv"', '"data/raw/hilang.csv"')
    with pytest.raises(nbclient.exceptions.CellExecutionError):
        nbclient.NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    error = next(o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error")
    shown = "".join(error["traceback"])
    assert "data/raw/hilang.csv: file not found" in shown and student.HINTS[lang]["file"][:30] in shown
    assert str(paths.ROOT) in shown and "ekraf_repro/" not in shown and 'File "' not in shown, shown


# --------------------------------------------------------------------------- the built book


def _notebooks(site: Path) -> list[Path]:
    return sorted((site / lab.FOLDER).glob("*.ipynb"))


@pytest.mark.slow
def test_nbval_reruns_the_student_notebooks_to_their_stored_outputs(edition_site, tmp_path):
    """The stored outputs are what the code makes: nbval runs every student notebook of the edition."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval", "-o", "addopts=", "-o", "testpaths=",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "--nbval-cell-timeout", "180",
         "--rootdir", str(tmp_path), "-q", *map(str, _notebooks(edition_site))],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:]
    cells = [
        c for p in _notebooks(edition_site) for c in json.loads(p.read_text())["cells"] if c["cell_type"] == "code"
    ]
    assert f"{len(cells)} passed" in result.stdout


@pytest.mark.slow
def test_every_notebook_page_links_its_student_notebook_and_the_zip(edition_site, lang):
    from browser_support import visible_text

    word = {"id": "Unduh notebook", "en": "Download notebook"}[lang]
    markup = {"id": "Unduh <em>notebook</em>", "en": "Download notebook"}[lang]  # a foreign term in Indonesian
    pages = sorted((edition_site / "notebooks").rglob("*.html"))
    assert len(pages) == len(_notebooks(edition_site)) >= 11
    for page in pages:
        html = page.read_text(encoding="utf-8")
        up = "../" * (len(page.relative_to(edition_site).parts) - 1)
        own = f'href="{up}{lab.FOLDER}/{page.stem}.ipynb" download>{markup}</a>'
        assert own in html, page
        assert f'href="{up}{lab.FOLDER}/{studentzip.name(lang)}.zip"' in html
        assert f'href="{up}{lab.FOLDER}/{page.stem}.ipynb" target="_blank"' in html  # the theme's download button
        assert (edition_site / lab.FOLDER / f"{page.stem}.ipynb").is_file()
        assert word in visible_text(html)
    guide = (edition_site / (sphinx_student.GUIDE + ".html")).read_text(encoding="utf-8")
    assert f'{lab.FOLDER}/{studentzip.name(lang)}.zip"' in guide


@pytest.mark.slow
def test_the_student_notebooks_say_what_the_book_pages_say(edition_site, lang):
    """Every sentence of a student notebook's prose, numbers, cross-references and citations included, is on the
    book's page (rendered by Sphinx from the same executed notebook): "Tabel 4.3", "(Anonim, t.t.)"."""
    import html
    import re

    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")

    quotes = str.maketrans("‘’“”", "''\"\"")  # Sphinx makes quotes typographic; Jupyter shows them as written

    def text(fragment: str) -> str:
        return squash(html.unescape(re.sub(r"<[^>]+>", "", fragment))).translate(quotes)

    for path in _notebooks(edition_site):
        nb = json.loads(path.read_text(encoding="utf-8"))
        page = next((edition_site / "notebooks").rglob(f"{path.stem}.html"))
        book = text(re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S))
        prose = [
            o["data"]["text/markdown"]
            for c in nb["cells"][1:]
            for o in c.get("outputs", [])
            if "image/png" not in o["data"] and "\n|" not in o["data"].get("text/markdown", "|")
        ]
        prose += ["".join(c["source"]) for c in nb["cells"][1:] if c["cell_type"] == "markdown"]
        blocks = [text(b) for p in prose for b in re.split(r"</(?:p|li|h\d|td|th)>", md.render(p))]
        sentences = [s.removesuffix(".") for b in blocks for s in b.split(". ") if len(s) > 20]
        missing = [s for s in sentences if s not in book]
        assert sentences and not missing, f"{path.name}: {missing[:3]}"


@pytest.mark.slow
def test_the_numbers_of_tables_and_figures_are_the_books(edition_site, lang):
    """Each caption's number is the one the book prints (tests/data/penomoran.json guards the book's)."""
    registry = json.loads((ROOT / "tests" / "data" / "penomoran.json").read_text(encoding="utf-8"))
    words = {"id": {}, "en": {"Gambar": "Figure", "Tabel": "Table"}}[lang]
    makers = {}
    for path in _notebooks(edition_site):
        for c in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(c["source"])
            if source.startswith(("bab.table(", "bab.figure(")):
                makers.setdefault(source.split('"')[1], []).append(source)
    for label, printed in registry.items():
        printed = " ".join(words.get(w, w) for w in printed.split())
        sources = makers[label.replace("-", "_")]
        assert all(f'keterangan="**{printed}** ' in s for s in sources), (label, printed, sources[0][:160])


@pytest.mark.slow
def test_the_notebooks_download_holds_what_a_student_needs_and_is_the_same_bytes_each_time(edition_site, lang):
    target = edition_site / lab.FOLDER / f"{studentzip.name(lang)}.zip"
    with zipfile.ZipFile(target) as z:
        infos = z.infolist()
        names = [i.filename for i in infos]
        top = f"{studentzip.name(lang)}/"
        assert names == sorted(names) and all(n.startswith(top) for n in names)
        assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
        rel = {n[len(top) :] for n in names}
        assert {"README.md", "pyproject.toml", "uv.lock", "CITATION.cff", "LICENSE", "LICENSE-CONTENT.md"} <= rel
        assert {"src/ekraf_repro/student.py", "src/ekraf_repro/paths.py", "data/raw/tabel_1_1_ekspor_ekraf.csv"} <= rel
        assert [r for r in rel if r.startswith("src/ekraf_repro/bookmaker")] == []  # the notebooks never import it
        project = tomllib.loads(z.read(top + "pyproject.toml").decode())["project"]
        assert "scripts" not in project and project["dependencies"] == PYPROJECT["project"]["dependencies"]
        for nb in _notebooks(edition_site):
            assert z.read(top + nb.name) == nb.read_bytes()
        readme = z.read(top + "README.md").decode()
        assert studentzip.start_command() in readme and studentzip.README[lang].split("\n")[2][:40] in readme
        files = {n[len(top) :]: z.read(n) for n in names}
    assert zipped(files, studentzip.name(lang)) == target.read_bytes()
    assert f"jupyterlab=={lab.version()}" in studentzip.start_command()


@pytest.mark.slow
def test_the_two_downloads_differ_only_in_their_notebooks_and_readme():
    """So the English download runs wherever the Indonesian one does: same package, data, lock and licences (its
    notebooks are run by nbval and in JupyterLab like the Indonesian ones)."""
    paths_ = [settings.SITE / lang / lab.FOLDER / f"{studentzip.name(lang)}.zip" for lang in settings.EDITIONS]
    if not all(p.exists() for p in paths_):
        pytest.fail("the book is not built: run `make book` (make test renders it first)")
    shared = []
    for path in paths_:
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if not n.endswith((".ipynb", "/README.md"))]
            shared.append({n.split("/", 1)[1]: z.read(n) for n in names})
    assert shared[0] == shared[1] and "uv.lock" in shared[0]


@pytest.mark.slow
@pytest.mark.parametrize("lang", [settings.DEFAULT], scope="module")
def test_the_download_runs_where_only_python_and_uv_are_installed(tmp_path, edition_site, lang):
    """Unpacked outside the project and set up exactly as its README says, every notebook runs; a missing data
    file is named, with the student's own folder."""
    with zipfile.ZipFile(edition_site / lab.FOLDER / f"{studentzip.name(lang)}.zip") as z:
        z.extractall(tmp_path)
    folder = tmp_path / studentzip.name(lang)
    command = studentzip.start_command().split()
    assert command[-2:] == ["jupyter", "lab"] and command[0] == "uv"
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(uv).exists():
        uv = None
    prefix = [uv] if uv else ["python3", "-m", "uv"]
    # the machine's own settings (network, certificates) stay; nothing of the project's environment does
    project = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "EKRAF_ROOT", "UV_PROJECT_ENVIRONMENT", "JUPYTER_PATH",
               "PYTHONDONTWRITEBYTECODE", "UV_COMPILE_BYTECODE")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in project}
    env.update(PATH="/usr/local/bin:/usr/bin:/bin", LANG="C.UTF-8")
    books = sorted(p.name for p in folder.glob("*.ipynb"))
    run = [*prefix, *command[1:-2], "jupyter", "execute", *books]
    result = subprocess.run(run, cwd=folder, env=env, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert (folder / ".venv").is_dir() and not (
        folder / ".venv" / "lib" / "python3.11" / "site-packages" / "ekraf_repro"
    ).exists()
    (folder / "data" / "raw" / "tabel_1_1_ekspor_ekraf.csv").unlink()
    result = subprocess.run(
        [*run[: -len(books)], "01_pendahuluan.ipynb"], cwd=folder, env=env, capture_output=True, text=True, timeout=600
    )  # noqa: E501
    assert result.returncode != 0
    assert "data/raw/tabel_1_1_ekspor_ekraf.csv: file not found" in result.stderr
    assert str(folder) in result.stderr


# --------------------------------------------------------------------------- make lab


def test_the_lab_server_listens_on_127_0_0_1_and_runs_the_projects_environment(tmp_path):
    argv, env = lab.command(tmp_path / "nb", tmp_path / "state", port=8123, token="t", browser=False)
    assert argv[0] == str(lab.SERVER) and "--ServerApp.ip=127.0.0.1" in argv and "--ServerApp.port=8123" in argv
    spec = json.loads((Path(env["JUPYTER_PATH"]) / "kernels" / "python3" / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable  # the project's .venv, not the server's environment
    assert env["LANG"] == "C.UTF-8" and "EKRAF_ROOT" not in env
    settings = tmp_path / "state" / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    assert json.loads(settings.read_text()) == {"windowingMode": "none"}


def test_papermill_runs_in_an_environment_without_the_jupyter_server_stack():
    """JupyterLab has its own environment (lab/): rfc3987-syntax, which jupyter_server pulls in, costs every
    papermill run of the book about 0.8 s (docs/design.md), so it must not reach .venv."""
    import importlib.util
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = project["project"]["dependencies"] + [d for g in project["dependency-groups"].values() for d in g]
    server = ("jupyterlab", "notebook", "jupyter-server", "jupyter_server", "nbclassic", "jupyterlab-myst", "nbdime")
    assert not [d for d in wanted if d.split("=")[0].split(">")[0].split("<")[0].strip().lower() in server]
    assert importlib.util.find_spec("rfc3987_syntax") is None and importlib.util.find_spec("jupyter_server") is None
    assert "jupyterlab" not in (ROOT / "uv.lock").read_text(encoding="utf-8")
    assert f'"jupyterlab=={lab.version()}"' in (ROOT / "lab" / "pyproject.toml").read_text(encoding="utf-8")
    assert f'name = "jupyterlab"\nversion = "{lab.version()}"' in (ROOT / "lab" / "uv.lock").read_text(encoding="utf-8")


@pytest.mark.parametrize(("given", "edition"), [(["LANG=en"], "en"), (["LANG=id"], "id"), ([], "id")])
def test_make_lab_takes_the_edition_from_LANG_and_keeps_a_valid_locale(given, edition):
    env = {**os.environ, "LANG": "en_US.UTF-8"}  # a user's locale is not an edition
    shown = subprocess.run(
        ["make", "-s", "--eval", "show-locale: ; @echo locale=$$LANG edition=$(EDITION)", "show-locale", *given],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert f"edition={edition}" in shown
    assert "locale=C.UTF-8" in shown if given else "locale=en_US.UTF-8" in shown
    dry = subprocess.run(["make", "-n", "lab", *given], cwd=ROOT, env=env, capture_output=True, text=True).stdout
    assert f"lab --edition {edition}" in dry


def test_make_lab_refuses_an_unknown_edition_and_keeps_a_students_changes(tmp_path):
    with pytest.raises(InputError, match="LANG=fr: allowed values are id, en"):
        lab.prepare("fr", tmp_path)
    built = tmp_path / "_build" / "html" / "id" / lab.FOLDER
    built.mkdir(parents=True)
    (built / "01_a.ipynb").write_text("book 1")
    (built / "02_b.ipynb").write_text("book 1")
    work = lab.prepare("id", tmp_path)
    (work / "01_a.ipynb").write_text("my own changes")
    (built / "01_a.ipynb").write_text("book 2")
    (built / "02_b.ipynb").write_text("book 2")
    lab.prepare("id", tmp_path)
    assert (work / "01_a.ipynb").read_text() == "my own changes" and (work / "02_b.ipynb").read_text() == "book 2"


def test_the_downloads_pyproject_declares_no_command_of_the_book_machine():
    """The `ekraf` command runs the book machine, which the download leaves out: its pyproject.toml is the
    checkout's without the [project.scripts] table, and refuses a layout it cannot shorten safely."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "ekraf_repro.bookmaker" in text
    shortened = studentzip.pyproject(text)
    assert "ekraf_repro.bookmaker" not in shortened and "[project.scripts]" not in shortened
    expected = copy.deepcopy(PYPROJECT)
    del expected["project"]["scripts"]
    assert tomllib.loads(shortened) == expected
    assert studentzip.pyproject(shortened) == shortened
    with pytest.raises(ValueError, match=r"\[project.scripts\] is not one block"):
        studentzip.pyproject('[project]\nname = "x"\n\n[project.scripts]\nekraf = "a:b"\n[tool.x]\ny = 1\n')
