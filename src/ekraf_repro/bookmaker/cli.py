"""Command line: ``ekraf validate|execute|book|rerun|sweep|render|pdf|epub|dist|pages|lab``. An error in the user's
input ends the command with one line on stderr (``error: ...``) and exit status 2, never a traceback; every command
writes the run report (``report.py``).
"""

import argparse
import contextlib
import fcntl
import os
import sys
import time
from pathlib import Path

from .. import loader, paths
from ..errors import InputError
from ..params import DEFAULTS
from . import pages, report, settings
from .build import book, dist, editions, epub, variants
from .build.variants import read_sweep, rerun, sweep, typed
from .run import execute, plan
from .student import lab

MANIFEST = paths.BUILD / ".ekraf" / "manifest.json"
LOCK = paths.BUILD / ".ekraf" / "lock"
WRITERS = {"book", "execute", "render", "rerun", "sweep", "pdf", "epub", "dist"}  # one at a time per checkout


@contextlib.contextmanager
def one_at_a_time(wait: float | None = None):
    """Hold the checkout's lock (``fcntl.flock``): a second run waits, saying so, or gives up after ``wait`` s
    (``EKRAF_WAIT``)."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "a+", encoding="utf-8") as handle:
        start, said = time.monotonic(), False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "?"
                other = f"another ekraf run in this checkout (pid {holder})"
                if wait is not None and time.monotonic() - start >= wait:
                    raise InputError(f"{other} still runs after {wait:g} s") from None
                if not said:
                    print(f"waiting for {other}…", file=sys.stderr, flush=True)
                said = True
                time.sleep(0.2)
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield


def parse_params(items: list[str]) -> dict:
    """``["subsektor=Fashion", "tahun_awal=2019"]`` -> dict; years become ints, ``None`` becomes None."""
    out = {}
    for item in items:
        if "=" not in item:
            raise InputError(f"parameter '{item}': write it as name=value; allowed names: {', '.join(DEFAULTS)}")
        key, value = (part.strip() for part in item.split("=", 1))
        if key not in DEFAULTS:
            raise InputError(f"unknown parameter '{key}'; allowed: {', '.join(DEFAULTS)}")
        out[key] = typed(key, value)
    return out


def cmd_validate(args) -> None:  # a relative path is resolved against the working directory
    print(loader.summary(loader.load(Path(args.data).expanduser().resolve())))


def cmd_execute(args) -> None:
    jobs = plan.editions()
    execute.run(jobs, MANIFEST, force=args.force, workers=args.jobs)
    for lang in settings.EDITIONS:
        execute.prune_appendix(jobs, settings.executed(lang))


def write_pages(verbose: bool = False) -> None:
    """The generated pages of every edition (``book/_generated/``, ``book/<lang>/_generated/``)."""
    for lang in settings.EDITIONS:
        for module in pages.modules():
            changed = pages.write_page(module, lang)
            if changed or verbose:
                print(f"{paths.display(pages.page(module.NAME, lang))}: {'written' if changed else 'up to date'}")


def build_editions(force: bool = False) -> None:
    editions.build(force=force)
    print(f"book: {paths.display(settings.SITE / 'index.html')} (editions: {', '.join(settings.EDITIONS)})")


def cmd_book(args) -> None:
    print(loader.summary(loader.load(paths.RAW_TABLE)), flush=True)
    cmd_execute(args)
    write_pages()
    build_editions(force=args.force)


def _rerun_sets(args) -> list[dict]:
    return [{**parse_params(args.param), **({"data": args.data} if args.data is not None else {})}]


def _sweep_sets(args) -> list[dict]:
    if args.file:
        sets = read_sweep(Path(args.file))
    else:
        sets = [{"nama": f"varian-{i}", **parse_params(group.split())} for i, group in enumerate(args.params, 1)]
    if not sets:
        raise InputError("sweep: give FILE=sweep.csv or one or more PARAMS sets")
    return sets


PRECHECKS = {"rerun": _rerun_sets, "sweep": _sweep_sets}  # read and checked before the lock, kept in args.sets


def cmd_rerun(args) -> None:
    """A variant book in OUT, built in a staging folder beside it and moved into place only when complete."""
    given = dict(args.sets[0])
    index = rerun(args.out, data=given.pop("data", None), pdf=args.pdf, jobs=args.jobs, force=args.force, **given)
    print(f"variant book: {paths.display(index)}")


def cmd_sweep(args) -> None:
    """One variant book per row of a sweep file, or per --params set, into OUT/<nama>."""
    for index in sweep(args.sets, args.out, pdf=args.pdf, jobs=args.jobs):
        print(f"variant book: {paths.display(index)}")


def cmd_render(args) -> None:
    build_editions(force=args.force)


def cmd_pdf(args) -> None:
    """The PDFs, then the HTML book (each edition linking its PDF). ``--if-possible`` (`make test`): without TeX Live
    outside CI, a warning and the HTML book alone; so the HTML is built once, after the PDFs, not before and after."""
    if args.if_possible and not book.have_latex() and os.environ.get("CI") != "true":
        print(f"WARNING: no PDF built, the PDF tests will skip. {book.LATEX_MISSING}", file=sys.stderr)
    else:
        for built in editions.pdfs(force=args.force):
            print(built)
    build_editions()


def cmd_epub(args) -> None:
    for built in editions.epubs(force=args.force):
        print(built)
    if not epub.have_epubcheck():
        print(f"WARNING: the EPUBs are built but cannot be checked here. {epub.EPUBCHECK_MISSING}", file=sys.stderr)
        if os.environ.get("CI") == "true":
            raise SystemExit(1)


def cmd_dist(args) -> None:
    """The book, its PDFs and EPUBs, brought up to date, then the archive."""
    editions.prints()
    build_editions()  # the HTML as published: each edition linking its PDF
    print(dist.build())


def cmd_pages(args) -> None:
    write_pages(verbose=True)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="ekraf", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    flag, jobs = {"action": "store_true"}, {"type": int, "default": plan.WORKERS}
    force = {"--force": {**flag, "help": "execute and build everything, every page again"}}
    variants = {"--force": flag, "--jobs": jobs, "--pdf": {**flag, "help": "each variant's own PDF too (TeX Live)"}}
    for name, fn, hlp, options in [
        ("validate", cmd_validate, "check a table in the layout of Tabel 1.1", {"data": {}}),
        ("execute", cmd_execute, "execute changed notebooks in place", {**force, "--jobs": jobs}),
        ("book", cmd_book, "validate, execute changed notebooks, build the HTML book", {**force, "--jobs": jobs}),
        ("rerun", cmd_rerun, "execute every notebook with other parameters or data into OUT, build its book", {
            "--data": {}, "--param": {"action": "append", "default": [], "metavar": "NAME=VALUE"},
            "--out": {"default": str(paths.BUILD / "rerun")}, **variants}),
        ("sweep", cmd_sweep, "one variant book per row of a ;-separated FILE (nama;data;subsektor;...) or --params", {
            "--file": {}, "--params": {"action": "append", "default": [], "metavar": '"NAME=VALUE ..."'},
            "--out": {"default": str(paths.BUILD / "sweep")}, **variants}),
        ("render", cmd_render, "build _build/html from the committed notebooks, executing nothing", force),
        ("pdf", cmd_pdf, "each edition's PDF (xelatex), then the HTML linking it", {**force, "--if-possible": flag}),
        ("epub", cmd_epub, "build _build/epub/book.epub and book-en.epub (EPUB 3)", force),
        ("dist", cmd_dist, "build _build/dist/ekraf-reproduksi-<version>.zip, the archive to deposit", {}),
        ("pages", cmd_pages, "write the generated pages of book/_generated/ and book/<lang>/_generated/", {}),
        ("lab", cmd_lab, "JupyterLab on one edition's student notebooks (make lab LANG=id|en)", {
            "--edition": {"default": settings.DEFAULT}}),
    ]:  # fmt: skip
        command = sub.add_parser(name, help=hlp)
        for option, settings_ in options.items():
            command.add_argument(option, **settings_)
        command.set_defaults(fn=fn)
    return ap


def cmd_lab(args) -> None:
    lab.run(args.edition)


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    args = ap.parse_args(argv)
    report.begin(args.cmd)
    wait = os.environ.get("EKRAF_WAIT")
    try:
        if args.cmd in PRECHECKS:
            args.sets = PRECHECKS[args.cmd](args)
            variants.check(args.out, args.sets)
        with one_at_a_time(float(wait) if wait else None) if args.cmd in WRITERS else contextlib.nullcontext():
            args.fn(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except execute.ExecutionFailed as err:
        print(f"error: notebook execution failed: {err}", file=sys.stderr)
        return 1
    finally:
        report.write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
