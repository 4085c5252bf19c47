"""Command line: ``ekraf validate|execute|book|rerun|datapage``.

Every error in the user's input ends the command with one line on stderr
(``error: ...``) and exit status 2, never a traceback.
"""

import argparse
import shutil
import sys
from pathlib import Path

from .. import loader, paths
from ..errors import InputError
from ..params import DEFAULTS
from . import bookbuild, citation, concordance, datapage, glossary, pipeline

MANIFEST = paths.BUILD / ".ekraf" / "manifest.json"
GENERATED = (
    datapage,
    citation,
    concordance,
    glossary,
)  # modules that write a page of book/ (their write() returns True on change)


def parse_params(items: list[str]) -> dict:
    """``["subsektor=Fashion", "tahun_awal=2019"]`` -> dict; years become ints, ``None`` becomes None."""
    out = {}
    for item in items:
        if "=" not in item:
            raise InputError(f"parameter '{item}': write it as name=value; allowed names: {', '.join(DEFAULTS)}")
        key, value = item.split("=", 1)
        key, value = key.strip(), value.strip()
        if key not in DEFAULTS:
            raise InputError(f"unknown parameter '{key}'; allowed: {', '.join(DEFAULTS)}")
        if value == "None":
            out[key] = None
        elif key.startswith("tahun_") and value.lstrip("-").isdigit():
            out[key] = int(value)
        else:
            out[key] = value
    return out


def cmd_validate(args) -> None:
    # the command line resolves a relative path against the working directory
    print(loader.summary(loader.load(Path(args.data).expanduser().resolve())))


def cmd_execute(args) -> None:
    jobs, _ = pipeline.plan()
    pipeline.run(jobs, MANIFEST, force=args.force, workers=args.jobs)
    pipeline.prune_appendix(jobs, paths.NOTEBOOKS)


def cmd_book(args) -> None:
    print(loader.summary(loader.load(paths.RAW_TABLE)), flush=True)
    cmd_execute(args)
    for module in GENERATED:
        if module.write():
            print(f"wrote {paths.display(module.PAGE)}")
    bookbuild.build(force=args.force)


def _stage_data(given: Path, src: Path) -> str:
    """The variant's ``data`` parameter, a path inside its own project.

    The given file is copied in, unless it is one of the book's own files.
    """
    if not given.is_file():
        loader.load(given)  # the one-line error: file not found, or a directory
    for known in sorted((src / "data").rglob("*.csv")):
        if known.read_bytes() == given.read_bytes():
            return known.relative_to(src).as_posix()
    target = src / "data" / "varian" / given.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(given, target)
    return target.relative_to(src).as_posix()


def cmd_rerun(args) -> None:
    """A variant book in OUT, built in a staging folder beside it and moved into place only when complete."""
    params = parse_params(args.param)
    out = Path(args.out).resolve()
    for protected in (paths.NOTEBOOKS, paths.DATA, paths.BUILD / "html"):
        if out == protected or protected in out.parents or out in protected.parents:
            raise InputError(f"OUT={args.out}: must not be or contain {paths.display(protected)}")
    stage = out.with_name(f".{out.name}.staging")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        if out.exists():
            shutil.copytree(out, stage, symlinks=True)  # keeps the variant's manifest: only changed notebooks run
        src = stage / "source"
        src.mkdir(parents=True, exist_ok=True)
        for name in ("_config.yml", "_toc.yml"):
            shutil.copy2(paths.ROOT / name, src / name)
        for name in ("book", "data"):
            shutil.rmtree(src / name, ignore_errors=True)
            shutil.copytree(paths.ROOT / name, src / name)
        if args.data:
            params["data"] = _stage_data(Path(args.data).expanduser().resolve(), src)
        jobs, _ = pipeline.plan(parameters=params, root=src, outdir=src / "notebooks")  # checks the parameters, once
        pipeline.run(jobs, stage / "manifest.json", force=args.force, workers=args.jobs)
        pipeline.prune_appendix(jobs, src / "notebooks")
        citation.write(
            src / "book" / "_generated" / "mengutip.md", src / "notebooks"
        )  # the variant's own figures and tables
        bookbuild.build(root=src, out=stage, force=args.force)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)  # nothing half-written; an existing OUT is untouched
        raise
    old = out.with_name(f".{out.name}.old")
    if out.exists():
        out.rename(old)
    stage.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    print(f"variant book: {paths.display(out / 'html' / 'index.html')}")


def cmd_render(args) -> None:
    bookbuild.build(force=args.force)


def cmd_pdf(args) -> None:
    import os

    if args.if_possible and not bookbuild.have_latex() and os.environ.get("CI") != "true":
        print(f"WARNING: no PDF built, the PDF tests will skip. {bookbuild.LATEX_MISSING}", file=sys.stderr)
        return
    print(bookbuild.pdf(force=args.force))


def cmd_pages(args) -> None:
    for module in GENERATED:
        changed = module.write()
        print(f"{paths.display(module.PAGE)}: {'written' if changed else 'up to date'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ekraf", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("validate", help="check a table in the layout of Tabel 1.1")
    v.add_argument("data")
    v.set_defaults(fn=cmd_validate)
    for name, fn, hlp in [
        ("execute", cmd_execute, "execute changed notebooks in place"),
        ("book", cmd_book, "validate, execute changed notebooks, build the HTML book"),
    ]:
        s = sub.add_parser(name, help=hlp)
        s.add_argument("--force", action="store_true", help="execute and build everything")
        s.add_argument("--jobs", type=int, default=pipeline.WORKERS)
        s.set_defaults(fn=fn)
    r = sub.add_parser("rerun", help="execute every notebook with other parameters or data into OUT")
    r.add_argument("--data", default=None)
    r.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    r.add_argument("--out", default=str(paths.BUILD / "rerun"))
    r.add_argument("--force", action="store_true")
    r.add_argument("--jobs", type=int, default=pipeline.WORKERS)
    r.set_defaults(fn=cmd_rerun)
    pdf = sub.add_parser("pdf", help="build _build/pdf/book.pdf with LaTeX (xelatex) and link it from the HTML book")
    pdf.add_argument("--force", action="store_true")
    pdf.add_argument(
        "--if-possible", action="store_true", help="only warn when TeX Live is missing (never with CI=true)"
    )
    rnd = sub.add_parser("render", help="build _build/html from the committed notebooks, executing nothing")
    rnd.add_argument("--force", action="store_true")
    rnd.set_defaults(fn=cmd_render)
    pdf.set_defaults(fn=cmd_pdf)
    d = sub.add_parser(
        "pages",
        help="write the generated pages of book/_generated/ (data dictionary, how to cite, concordance, glossary)",
    )
    d.set_defaults(fn=cmd_pages)
    args = ap.parse_args(argv)
    try:
        args.fn(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except pipeline.ExecutionFailed as err:
        print(f"error: notebook execution failed: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
