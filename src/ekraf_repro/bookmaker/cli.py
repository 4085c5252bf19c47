"""Command line: ``ekraf validate|execute|book|rerun|sweep|render|pdf|pages|lab``.

Every error in the user's input ends the command with one line on stderr
(``error: ...``) and exit status 2, never a traceback.
"""

import argparse
import sys
from pathlib import Path

from .. import loader, paths
from ..errors import InputError
from ..params import DEFAULTS
from . import bookbuild, changelog, citation, concordance, datapage, editions, generated, glossary, pipeline

MANIFEST = paths.BUILD / ".ekraf" / "manifest.json"
GENERATED = (
    datapage,
    citation,
    concordance,
    glossary,
    changelog,
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
    jobs = editions.plan()
    pipeline.run(jobs, MANIFEST, force=args.force, workers=args.jobs)
    for lang in editions.EDITIONS:
        pipeline.prune_appendix(jobs, editions.executed(lang))


def write_pages(report: bool = False) -> None:
    """The generated pages of every edition (``book/_generated/``, ``book/<lang>/_generated/``)."""
    for lang in editions.EDITIONS:
        for module in GENERATED:
            changed = module.write(lang=lang)
            if changed or report:
                state = "written" if changed else "up to date"
                print(f"{paths.display(generated.page(module.NAME, lang))}: {state}")


def build_editions(force: bool = False) -> None:
    for lang in editions.EDITIONS:
        editions.build(lang, force=force)
    print(f"book: {paths.display(editions.SITE / 'index.html')} (editions: {', '.join(editions.EDITIONS)})")


def cmd_book(args) -> None:
    print(loader.summary(loader.load(paths.RAW_TABLE)), flush=True)
    cmd_execute(args)
    write_pages()
    build_editions(force=args.force)


def cmd_rerun(args) -> None:
    """A variant book in OUT, built in a staging folder beside it and moved into place only when complete."""
    from .reruns import rerun

    index = rerun(args.out, data=args.data, pdf=args.pdf, jobs=args.jobs, force=args.force, **parse_params(args.param))
    print(f"variant book: {paths.display(index)}")


def cmd_sweep(args) -> None:
    """One variant book per row of a sweep file, or per --params set, into OUT/<nama>."""
    from .reruns import read_sweep, sweep

    if args.file:
        sets = read_sweep(Path(args.file))
    else:
        sets = [{"nama": f"varian-{i}", **parse_params(group.split())} for i, group in enumerate(args.params, 1)]
    if not sets:
        raise InputError("sweep: give FILE=sweep.csv or one or more PARAMS sets")
    for index in sweep(sets, args.out, pdf=args.pdf, jobs=args.jobs):
        print(f"variant book: {paths.display(index)}")


def cmd_render(args) -> None:
    build_editions(force=args.force)


def cmd_pdf(args) -> None:
    import os

    if args.if_possible and not bookbuild.have_latex() and os.environ.get("CI") != "true":
        print(f"WARNING: no PDF built, the PDF tests will skip. {bookbuild.LATEX_MISSING}", file=sys.stderr)
        return
    for lang in editions.EDITIONS:
        print(editions.pdf(lang, force=args.force))
    build_editions()  # each edition now links its PDF


def cmd_epub(args) -> None:
    import os

    from . import epub

    for lang in editions.EDITIONS:
        print(editions.epub(lang, force=args.force))
    if not epub.have_epubcheck():
        print(f"WARNING: the EPUBs are built but cannot be checked here. {epub.EPUBCHECK_MISSING}", file=sys.stderr)
        if os.environ.get("CI") == "true":
            raise SystemExit(1)


def cmd_dist(args) -> None:
    """The book, its PDFs and EPUBs, brought up to date, then the archive (bookmaker/dist.py)."""
    from . import dist

    for lang in editions.EDITIONS:
        editions.pdf(lang)
        editions.epub(lang)
    build_editions()  # the HTML as published: each edition linking its PDF
    print(dist.build())


def cmd_pages(args) -> None:
    write_pages(report=True)


def cmd_lab(args) -> None:
    from . import lab

    lab.run(args.edition)


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
    r.add_argument("--pdf", action="store_true", help="build the variant's own PDF too (TeX Live)")
    r.set_defaults(fn=cmd_rerun)
    sw = sub.add_parser("sweep", help="one variant book per parameter set (a sweep file, or several --params)")
    sw.add_argument("--file", default=None, help="a ;-separated file: nama;data;subsektor;... one variant per row")
    sw.add_argument("--params", action="append", default=[], metavar='"NAME=VALUE ..."')
    sw.add_argument("--out", default=str(paths.BUILD / "sweep"))
    sw.add_argument("--jobs", type=int, default=pipeline.WORKERS)
    sw.add_argument("--pdf", action="store_true")
    sw.set_defaults(fn=cmd_sweep)
    pdf = sub.add_parser("pdf", help="build _build/pdf/book.pdf with LaTeX (xelatex) and link it from the HTML book")
    pdf.add_argument("--force", action="store_true")
    pdf.add_argument(
        "--if-possible", action="store_true", help="only warn when TeX Live is missing (never with CI=true)"
    )
    rnd = sub.add_parser("render", help="build _build/html from the committed notebooks, executing nothing")
    rnd.add_argument("--force", action="store_true")
    rnd.set_defaults(fn=cmd_render)
    pdf.set_defaults(fn=cmd_pdf)
    epb = sub.add_parser("epub", help="build _build/epub/book.epub and book-en.epub (EPUB 3)")
    epb.add_argument("--force", action="store_true")
    epb.set_defaults(fn=cmd_epub)
    dst = sub.add_parser("dist", help="build _build/dist/ekraf-reproduksi-<version>.zip, the archive to deposit")
    dst.set_defaults(fn=cmd_dist)
    d = sub.add_parser(
        "pages",
        help="write the generated pages of book/_generated/ (data dictionary, how to cite, concordance, glossary)",
    )
    d.set_defaults(fn=cmd_pages)
    lb = sub.add_parser("lab", help="JupyterLab on one edition's student notebooks (make lab LANG=id|en)")
    lb.add_argument("--edition", default=editions.DEFAULT)
    lb.set_defaults(fn=cmd_lab)
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
