"""The code of a student notebook (:mod:`.notebooks`): ``glue`` and ``condition`` calls move into the first code
cell and each ``bab.table``/``bab.figure`` to where its passage places it; a statement that reads a name set later,
or a cell with outputs of its own that would lose statements, stops :class:`Code` with the notebook and cell named.
"""

from __future__ import annotations

import ast
import builtins

from ...gluekeys import CONDITION, GLUE_PREFIX


class NotConvertible(ValueError):
    """The notebook holds something a student notebook cannot show; the message names it."""


def statements(source: str) -> list[tuple[ast.stmt, str]]:
    """Top-level statements with their source (comment lines go with the statement after them)."""
    lines, out, prev = source.splitlines(keepends=True), [], 0
    for node in ast.parse(source).body:
        out.append((node, "".join(lines[prev : node.end_lineno]).strip("\n")))
        prev = node.end_lineno
    return out


def _method(node: ast.stmt, bab: str) -> str | None:
    """``"table"`` for ``bab.table(...)``, and so on; None for any other statement."""
    call = node.value if isinstance(node, ast.Expr) else None
    f = getattr(call, "func", None)
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == bab:
        return f.attr
    return None


def _free(node: ast.stmt) -> set[str]:
    """Names a statement reads and does not bind itself (lambda arguments, comprehension variables)."""
    bound = {a.arg for a in ast.walk(node) if isinstance(a, ast.arg)}
    bound |= {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    read = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return read - bound - set(dir(builtins))


def _binds(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in node.names}
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        return {node.name}
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def cell_source(cell: dict) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def assignments(source: str) -> dict[str, str]:
    """``name = value`` statements: each name with the source of its value."""
    tree = ast.parse(source)
    return {
        n.targets[0].id: ast.get_source_segment(source, n.value)
        for n in tree.body
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)
    }


def literal(source: str):
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return None


def glued(cells: list[dict]):
    """Each glued output of an executed notebook, with its glue key."""
    for o in (o for cell in cells for o in cell.get("outputs", [])):
        if name := o.get("metadata", {}).get("scrapbook", {}).get("name"):
            yield name, o


def glued_outputs(cells: list[dict]) -> dict[str, dict]:
    """Every glued output of the executed notebook, by key: its data without the glue prefix."""
    return {name: {k[len(GLUE_PREFIX) :]: v for k, v in o.get("data", {}).items()} for name, o in glued(cells)}


def tagged(tags: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A passage's ``jika:`` conditions (all must hold) and its ``jika-tidak:`` ones (none may), by name."""
    yes = tuple(sorted(t[5:] for t in tags if t.startswith("jika:")))
    return yes, tuple(sorted(t[11:] for t in tags if t.startswith("jika-tidak:")))


def conditions(cells: list[dict]) -> dict[str, bool]:
    """The conditions a run recorded (``Bab.condition``): ``{"koreksi": True, ...}``."""
    found = glued_outputs(cells)
    return {k[len(CONDITION) :]: literal(v["text/plain"]) == "ya" for k, v in found.items() if k.startswith(CONDITION)}


class Code:
    """The notebook's code from its first code cell on: what moves into that cell, and what makes each table and
    figure (``makers``: glue key -> statement, the names it reads, the cell it came from)."""

    def __init__(self, name: str, cells: list[dict], first: int, bound: set[str]):
        self.name, self.bab, self.setup, self.bound = name, None, [], set(bound)
        self.makers: dict[str, tuple[str, set[str], int]] = {}
        self.kept: dict[int, list[str]] = {}  # cell -> its statements that stay in place
        self.split: set[int] = {first}  # cells that lost statements
        for i in range(first, len(cells)):
            if cells[i]["cell_type"] == "code":
                self._read(cells, i, i == first)
        if self.bab is None or not any("ekraf_repro.student" in s for s in self.setup):
            raise NotConvertible(f"{name}: its first code cell must import start from ekraf_repro.notebook, call it")

    def _read(self, cells: list[dict], i: int, first: bool) -> None:
        keep = []
        for node, seg in statements(cell_source(cells[i])):
            method = _method(node, self.bab) if self.bab else None
            if isinstance(node, ast.ImportFrom) and node.module == "ekraf_repro.notebook":
                seg = seg.replace("ekraf_repro.notebook", "ekraf_repro.student")
            call = getattr(node, "value", None)
            if isinstance(node, ast.Assign) and isinstance(call, ast.Call) and ast.unparse(call.func) == "start":
                self.bab = node.targets[0].id
            if method in ("table", "figure"):
                self.makers[literal(ast.unparse(call.args[0]))] = (seg, _free(node), i)
            elif first or method in ("glue", "condition", "conditions"):
                if not first and not _free(node) <= self.bound:
                    raise NotConvertible(f"{self.name}: cell {cells[i].get('id')}: {seg!r} reads names set later")
                self.setup.append(seg)
                self.bound |= _binds(node)
            else:
                keep.append(seg)
                continue
            self.split.add(i)
        self.kept[i] = keep
        if i in self.split and any(not o.get("metadata", {}).get("scrapbook") for o in cells[i].get("outputs", [])):
            raise NotConvertible(f"{self.name}: cell {cells[i].get('id')} shows outputs and cannot be split")
