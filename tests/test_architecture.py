"""Two rooms: the analysis that notebooks import, and the book machine (``ekraf_repro.bookmaker``).

The analysis never imports the book machine, directly or indirectly (lazy
imports inside functions included), and neither do the notebooks. The check
reads every module's imports with :mod:`ast`, so an import hidden in a
function or written relatively is seen; it is shown failing on a planted crossing.
"""

import ast
import json
import shutil
from pathlib import Path

from conftest import ROOT

PACKAGE = "ekraf_repro"
MACHINE = f"{PACKAGE}.bookmaker"


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(code: str, module: str, is_package: bool, known: set[str]) -> set[str]:
    """Modules of the package that ``code`` imports (absolute, relative, and names imported from a package)."""
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known}
    return {m for m in found if m == PACKAGE or m.startswith(PACKAGE + ".")}


def graph(src: Path) -> dict[str, set[str]]:
    files = {module_name(p, src): p for p in src.joinpath(PACKAGE).rglob("*.py")}
    known = set(files)
    return {
        name: imports_of(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", known) & known
        for name, path in files.items()
    }


def reach(g: dict[str, set[str]], start: set[str]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += sorted(g.get(m, ()))
    return seen


def crossings(src: Path) -> list[str]:
    """Every analysis module from which the book machine can be reached, with the import that reaches it."""
    g = graph(src)
    analysis = {m for m in g if not (m == MACHINE or m.startswith(MACHINE + "."))}
    out = []
    for m in sorted(analysis):
        for target in sorted(g[m]):
            if target == MACHINE or target.startswith(MACHINE + "."):
                out.append(f"{m} imports {target}")
    return out


def notebook_imports(nb_path: Path, known: set[str]) -> set[str]:
    cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return imports_of(code, "__notebook__", False, known)


def test_the_analysis_never_imports_the_book_machine():
    assert crossings(ROOT / "src") == []


def test_the_book_machine_is_a_room_of_its_own():
    g = graph(ROOT / "src")
    machine = {m for m in g if m.startswith(MACHINE + ".")}
    assert {
        f"{MACHINE}.{m}"
        for m in (
            "cli",
            "pipeline",
            "bookbuild",
            "sphinx_ext",
            "sphinx_latex",
            "bench",
            "citation",
            "datapage",
            "concordance",
            "glossary",
            "generated",
        )
    } <= machine
    analysis = set(g) - machine - {MACHINE}
    assert {
        f"{PACKAGE}.{m}" for m in ("loader", "analysis", "audit", "coded", "figures", "labels", "notebook")
    } <= analysis


def test_notebooks_import_only_the_analysis():
    g = graph(ROOT / "src")
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + [
        ROOT / "notebooks/templat/profil_subsektor.ipynb"
    ]
    for nb in notebooks:
        direct = notebook_imports(nb, set(g))
        assert direct, nb.name
        reached = reach(g, direct)
        assert not {m for m in reached if m.startswith(MACHINE)}, (
            nb.name,
            sorted(m for m in reached if m.startswith(MACHINE)),
        )


def test_a_crossing_is_caught_even_when_lazy_and_relative(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    target = src / PACKAGE / "figures.py"
    target.write_text(
        target.read_text(encoding="utf-8") + "\n\ndef _sneak():\n    from .bookmaker import cli  # noqa\n",
        encoding="utf-8",
    )
    indirect = src / PACKAGE / "chapters" / "teori.py"
    indirect.write_text(
        indirect.read_text(encoding="utf-8") + "\nfrom ..bookmaker.pipeline import plan  # noqa\n", encoding="utf-8"
    )
    assert crossings(src) == [
        f"{PACKAGE}.chapters.teori imports {MACHINE}.pipeline",
        f"{PACKAGE}.figures imports {MACHINE}",
        f"{PACKAGE}.figures imports {MACHINE}.cli",
    ]
