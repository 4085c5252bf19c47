"""Two rooms: the analysis that notebooks import, and the book machine (``ekraf_repro.bookmaker``).

The analysis never imports the book machine, directly or indirectly (lazy
imports inside functions included), and neither do the notebooks. The check
reads every module's imports with :mod:`ast`, so an import hidden in a
function or written relatively is seen; it is shown failing on a planted crossing.

Inside the book machine, the sub-rooms read in one direction (:data:`ROOMS`, from the bottom: the settings,
texts, hooks and run report; citations; generated pages; Sphinx extensions; the pipeline; the builds; the
command line and the benchmark), no module imports itself back through others, no module is longer than
:data:`MAX_LINES`, and the whole machine is no larger than the analysis.
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
            "bench",
            "settings",
            "text",
            "guards",
            "report",
            "run.plan",
            "run.execute",
            "build.book",
            "build.editions",
            "sphinxext.registry",
            "sphinxext.citations",
            "sphinxext.latex",
            "cite.items",
            "pages.citing",
            "pages.glossary",
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
        indirect.read_text(encoding="utf-8") + "\nfrom ..bookmaker.run.plan import plan  # noqa\n", encoding="utf-8"
    )
    assert crossings(src) == [
        f"{PACKAGE}.chapters.teori imports {MACHINE}.run.plan",
        f"{PACKAGE}.figures imports {MACHINE}",
        f"{PACKAGE}.figures imports {MACHINE}.cli",
    ]


# --------------------------------------------------------------------------- inside the book machine

ROOMS = (
    "base",
    "cite",
    "pages",
    "student",
    "sphinxext",
    "run",
    "build",
    "top",
)  # from the bottom: each reads only below it
BASE = {"settings", "text", "guards", "report", "variant", "files"}
MAX_LINES = 350


def room(module: str) -> str:
    name = module.removeprefix(MACHINE).strip(".").split(".")[0]
    return "base" if name in BASE else name if name in ROOMS else "top"


def machine_graph(src: Path) -> dict[str, set[str]]:
    """The book machine's modules and the modules of it each one imports (``from .. import settings`` is an
    import of ``settings``, not of the package that holds it)."""
    files = {module_name(p, src): p for p in src.joinpath(*MACHINE.split(".")).rglob("*.py")}
    out = {}
    for name, path in files.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                target = ".".join(base[: len(base) - (node.level - 1)] + [node.module or ""]).strip(".")
                target = target if node.level else node.module or ""
                subs = {f"{target}.{a.name}" for a in node.names} & set(files)
                found |= subs or ({target} & set(files))
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names} & set(files)
        out[name] = found - {name}
    return out


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import one another, directly or through others (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return found


def upward(g: dict[str, set[str]]) -> list[str]:
    """Every import from a room into a room above it."""
    rank = {r: i for i, r in enumerate(ROOMS)}
    return sorted(f"{m} imports {t}" for m, ts in g.items() for t in ts if rank[room(t)] > rank[room(m)])


def test_the_book_machine_has_no_import_circle_and_its_rooms_read_downwards():
    g = machine_graph(ROOT / "src")
    assert len(g) > 30 and {room(m) for m in g} == set(ROOMS)
    assert cycles(g) == []
    assert upward(g) == []
    assert g[f"{MACHINE}.settings"] == set()  # the bottom: it reads nothing of the machine


def test_a_planted_circle_or_upward_import_is_caught(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    machine = src / PACKAGE / "bookmaker"
    settings = machine / "settings.py"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n\ndef _x():\n    from . import text  # noqa\n")
    items = machine / "cite" / "items.py"
    items.write_text(items.read_text(encoding="utf-8") + "\nfrom ..build import book  # noqa\n", encoding="utf-8")
    g = machine_graph(src)
    assert [f"{MACHINE}.settings", f"{MACHINE}.text"] in cycles(g)
    assert f"{MACHINE}.cite.items imports {MACHINE}.build.book" in upward(g)


def lines(folder: Path, skip: str | None = None) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in sorted(folder.rglob("*.py"))
        if not (skip and skip in p.relative_to(folder).parts)
    }


def test_no_module_of_the_book_machine_is_longer_than_350_lines():
    counts = lines(ROOT / "src" / PACKAGE / "bookmaker")
    assert {name: n for name, n in counts.items() if n > MAX_LINES} == {}


def test_the_book_machine_is_no_larger_than_the_analysis():
    machine = sum(lines(ROOT / "src" / PACKAGE / "bookmaker").values())
    analysis = sum(lines(ROOT / "src" / PACKAGE, skip="bookmaker").values())
    assert machine <= analysis, f"book machine {machine} lines, analysis {analysis}"
