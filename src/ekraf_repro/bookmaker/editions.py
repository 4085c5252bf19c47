"""Two editions from one source: Indonesian (``id``) and English (``en``).

The notebooks are the single source of every chapter: each Markdown passage is
written twice, in cells tagged ``jika:bahasa_id`` and ``jika:bahasa_en``, and the
code once. The pipeline executes every notebook for each edition
(``notebooks/`` for Indonesian, ``notebooks/en/`` for English, both committed
with their outputs). The prose pages of the English edition are in ``book/en/``
(generated ones in ``book/en/_generated/``), its settings in ``_config.en.yml``
(only what differs from ``_config.yml``).

Each edition is built from a Sphinx project of its own, written under
``_build/editions/<lang>/source``: its configuration, its pages at the paths the
table of contents names, and its executed notebooks without the other
language's cells. Files are rewritten only when their content changes, so an
edit to one language's prose re-renders only that edition, and only the pages
that changed. The site is ``_build/html``: ``id/`` and ``en/``, kept equal to the
editions' builds file by file (files no longer built are removed), with an
``index.html`` that opens the Indonesian edition.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import yaml

from .. import paths
from . import citation

EDITIONS = ("id", "en")
DEFAULT = "id"
SITE = paths.BUILD / "html"
WORK = paths.BUILD / "editions"
TAG = "jika:bahasa_{}"


def executed(lang: str, root: Path = paths.ROOT) -> Path:
    """Where the edition's executed notebooks are committed."""
    return root / "notebooks" if lang == DEFAULT else root / "notebooks" / lang


def parameters(lang: str) -> dict:
    """The notebooks' parameters for an edition: the defaults, in its language."""
    return {} if lang == DEFAULT else {"bahasa": lang}


def plan(root: Path = paths.ROOT) -> list:
    """Every notebook job of both editions: the Indonesian ones in place, the others into their folders."""
    from . import pipeline

    jobs = []
    for lang in EDITIONS:
        outdir = None if lang == DEFAULT else executed(lang, root)
        jobs += pipeline.plan(parameters(lang), root=root, nbdir=root / "notebooks", outdir=outdir)[0]
    return jobs


def other(lang: str) -> str:
    return next(e for e in EDITIONS if e != lang)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _yaml(text: str):
    """YAML, parsed with libyaml when it is there (the configuration is read a few times per build)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _settings(lang: str, root: Path) -> dict:
    """``_config.yml`` with ``_config.<lang>.yml`` over it (our own keys included)."""
    cfg = _yaml((root / "_config.yml").read_text(encoding="utf-8"))
    overrides = root / f"_config.{lang}.yml"
    if overrides.exists():
        cfg = _merge(cfg, _yaml(overrides.read_text(encoding="utf-8")) or {})
    return cfg


OWN_KEYS = ("toc_captions",)  # keys of _config.<lang>.yml that are ours, not Jupyter Book's


def config(lang: str, root: Path = paths.ROOT, extra: dict | None = None, links: bool = True) -> dict:
    """The edition's Jupyter Book configuration: ``_config.yml``, with ``_config.<lang>.yml`` over it.

    ``links``: the edition is published beside the others (a language switcher on every page); a
    variant book stands alone.
    """
    cfg = {k: v for k, v in _settings(lang, root).items() if k not in OWN_KEYS}
    editions = {e: e for e in EDITIONS if e != lang} if links else {}
    own = {"ekraf_edition": lang, "ekraf_editions": editions, "locale_dirs": [LOCALE_STAGED]}
    version = str(citation.load(root / "CITATION.cff")["version"])
    own.update(
        {
            "version": version,
            "release": version,
            "epub_title": cfg["title"],
            "epub_author": cfg["author"],
            "epub_publisher": cfg["author"],
            "epub_description": cfg["title"],
            "epub_identifier": f"ekraf-reproduksi-{lang}-{version}",  # a name, not an address
            "epub_scheme": "",
            "epub_uid": f"ekraf-reproduksi-{lang}-{version}",  # the OPF's and the NCX's identifier must agree
        }
    )
    cfg = _merge(cfg, {"sphinx": {"config": own}})
    return _merge(cfg, extra or {})


def title(lang: str, root: Path = paths.ROOT) -> str:
    """The edition's title (``title`` in its configuration)."""
    return _settings(lang, root)["title"]


def toc(lang: str, root: Path = paths.ROOT) -> str:
    """``_toc.yml`` with the part captions in the edition's language (``toc_captions`` of its configuration)."""
    text = (root / "_toc.yml").read_text(encoding="utf-8")
    captions = _settings(lang, root).get("toc_captions") or {}
    found = re.findall(r"^(\s*- caption: )(.+)$", text, flags=re.M)
    missing = [c for _, c in found if lang != DEFAULT and c not in captions]
    if missing:
        raise ValueError(f"_config.{lang}.yml: toc_captions has no translation of the caption '{missing[0]}'")
    return re.sub(r"^(\s*- caption: )(.+)$", lambda m: m[1] + captions.get(m[2], m[2]), text, flags=re.M)


# --------------------------------------------------------------------------- interface catalogues

LOCALE = paths.BOOK / "_locale"  # our gettext catalogues (.po), by language and domain
LOCALE_STAGED = "_locale"  # where an edition's project holds them, compiled (.mo, and sphinx.js for the search)


def _sphinx_js(lang: str, catalog) -> bytes:
    """Sphinx's own JavaScript messages for ``lang`` with ours over them (the search page reads these)."""
    import sphinx

    builtin = Path(sphinx.__file__).parent / "locale" / lang / "LC_MESSAGES" / "sphinx.js"
    data = {"locale": lang, "messages": {}, "plural_expr": "0"}
    if builtin.exists():
        text = builtin.read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for message in catalog:
        if message.id and message.string:
            data["messages"][message.id] = message.string
    data["messages"] = dict(sorted(data["messages"].items()))
    body = json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True)
    return f"Documentation.addTranslations({body});\n".encode()


def catalogues(lang: str, locale: Path = LOCALE, root: Path = paths.ROOT) -> dict[str, bytes]:
    """The edition's compiled catalogues, by their path in the project: ``_locale/<lang>/LC_MESSAGES/<domain>.mo``."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    files = {}
    released = dt.datetime.fromisoformat(str(citation.load(root / "CITATION.cff")["date-released"])).replace(
        tzinfo=dt.UTC
    )
    for po in sorted((locale / lang / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        # Babel stamps a catalogue with the time it was read; the release date instead, so the bytes stay put.
        catalog.creation_date = catalog.revision_date = released
        out = BytesIO()
        write_mo(out, catalog)
        base = f"{LOCALE_STAGED}/{lang}/LC_MESSAGES/{po.stem}"
        files[f"{base}.mo"] = out.getvalue()
        if po.stem == "sphinx":
            files[f"{base}.js"] = _sphinx_js(lang, catalog)
    return files


def strip_other_language(nb: dict, lang: str) -> dict:
    """The notebook as the edition shows it: the other language's Markdown cells left out."""
    drop = TAG.format(other(lang))
    nb = dict(nb)
    nb["cells"] = [c for c in nb["cells"] if drop not in c.get("metadata", {}).get("tags", [])]
    return nb


def project_files(
    lang: str,
    root: Path = paths.ROOT,
    notebooks: Path | None = None,
    extra_config: dict | None = None,
    links: bool = True,
) -> dict[str, bytes]:
    """Every file of the edition's Sphinx project, by its path in the project.

    ``notebooks``: the folder of executed notebooks to take (default: the edition's committed ones);
    ``False`` for none (a variant executes its own into the project).
    """
    files: dict[str, bytes] = {}
    header = f"# The {lang} edition's configuration, written by ekraf (see bookmaker/editions.py).\n"
    cfg = config(lang, root, extra_config, links)
    files["_config.yml"] = (header + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)).encode()
    files["_toc.yml"] = toc(lang, root).encode()
    files["CITATION.cff"] = (root / "CITATION.cff").read_bytes()
    files.update(catalogues(lang, root / "book" / "_locale", root))
    book = root / "book"
    for path in sorted(book.rglob("*")):
        rel = path.relative_to(book)
        if path.is_file() and rel.parts[0] not in (*EDITIONS, "_locale"):
            files[f"book/{rel.as_posix()}"] = path.read_bytes()
    if lang != DEFAULT:  # the edition's own pages replace the Indonesian ones at the same paths
        for path in sorted((book / lang).rglob("*")):
            if path.is_file():
                files[f"book/{path.relative_to(book / lang).as_posix()}"] = path.read_bytes()
    for path in sorted((root / "data").rglob("*")):
        if path.is_file():
            files[f"data/{path.relative_to(root / 'data').as_posix()}"] = path.read_bytes()
    if notebooks is False:
        return files
    nbdir = notebooks or executed(lang, root)
    for path in sorted(nbdir.glob("[0-9][0-9]_*.ipynb")) + sorted((nbdir / "lampiran").glob("*.ipynb")):
        nb = strip_other_language(json.loads(path.read_text(encoding="utf-8")), lang)
        text = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        files[f"notebooks/{path.relative_to(nbdir).as_posix()}"] = text.encode()
    return files


def sync(files: dict[str, bytes], dest: Path, keep: tuple[str, ...] = ()) -> list[str]:
    """Make ``dest`` hold exactly ``files``: write what differs, remove what is not there (but ``keep``).

    Returns the paths written or removed. Unchanged files keep their bytes and times, so Sphinx sees
    only real changes.
    """
    changed = []
    dest.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        target = dest / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(rel)
    for path in sorted(dest.rglob("*"), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if rel.split("/")[0] in keep:
            continue
        if path.is_file() and rel not in files:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def stage(
    lang: str, dest: Path, root: Path = paths.ROOT, notebooks: Path | None = None, extra_config: dict | None = None
) -> Path:
    """Write the edition's project into ``dest`` (its build output beside it is left alone)."""
    sync(project_files(lang, root, notebooks, extra_config), dest)
    return dest


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


REDIRECT = """<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>Mengalihkan ke edisi bahasa Indonesia</title>
<meta http-equiv="refresh" content="0; url=id/index.html">
<link rel="alternate" hreflang="id" href="id/index.html">
<link rel="alternate" hreflang="en" href="en/index.html"></head>
<body><p><a href="id/index.html">Edisi bahasa Indonesia</a> ·
<a href="en/index.html" lang="en">English edition</a></p></body>
</html>
"""


def publish(lang: str, html: Path, site: Path = SITE) -> list[str]:
    """Copy an edition's build into ``site/<lang>``, file by file, and write the site's front door.

    The edition's folder ends up holding exactly the build: nothing an earlier build left is kept.
    """
    changed = sync(tree(html), site / lang)
    index = site / "index.html"
    if not index.exists() or index.read_text(encoding="utf-8") != REDIRECT:
        index.write_text(REDIRECT, encoding="utf-8")
    for stray in site.iterdir():  # a site holds the editions and the front door only
        if stray.name not in (*EDITIONS, "index.html"):
            shutil.rmtree(stray) if stray.is_dir() else stray.unlink()
    return changed


def workdir(lang: str, root: Path = paths.ROOT) -> Path:
    """Where an edition is staged (``source/``) and built (``_build/``: HTML, doctrees, PDF)."""
    return root / "_build" / "editions" / lang


def build(lang: str, force: bool = False, root: Path = paths.ROOT, site: Path | None = None) -> Path:
    """Stage, build and publish one edition; returns the edition's folder in the site.

    The edition links its PDF only when the PDF is there and made from the current sources
    (:func:`pdf_ready`); otherwise its landing page says how to make one, and no link is dead.
    """
    from . import bookbuild

    site = site or root / "_build" / "html"
    work = workdir(lang, root)
    with_pdf = pdf_ready(lang, root)
    source = stage(lang, work / "source", root, extra_config={"sphinx": {"config": {"ekraf_pdf": with_pdf}}})
    html = bookbuild.build(root=source, out=work / "_build", force=force)
    own = html / "book.pdf"
    if with_pdf:
        built = work / "_build" / "pdf" / "book.pdf"
        if not own.exists() or own.read_bytes() != built.read_bytes():
            shutil.copy2(built, own)
    else:
        own.unlink(missing_ok=True)
    publish(lang, html, site)
    return site / lang


EPUB_NAMES = {"id": "book.epub", "en": "book-en.epub"}  # in _build/epub/


def epub(lang: str, force: bool = False, root: Path = paths.ROOT) -> Path:
    """Build one edition's EPUB 3 into ``_build/epub/`` (staged like the PDF, from the edition's own project)."""
    from . import epub as epub_mod

    work = workdir(lang, root)
    source = stage(lang, work / PDF_SOURCE, root)
    built = epub_mod.build(source, work / "_build", force=force)
    target = root / "_build" / "epub" / EPUB_NAMES[lang]
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != built.read_bytes():
        shutil.copy2(built, target)
    return target


PDF_NAMES = {"id": "book.pdf", "en": "book-en.pdf"}  # in _build/pdf/; each edition's site links its own book.pdf
PDF_SOURCE = "pdf-source"  # the edition's project as the PDF is made from it, beside the HTML's ``source``


def pdf_ready(lang: str, root: Path = paths.ROOT) -> bool:
    """Is there a PDF of the edition made from its current sources?"""
    from . import bookbuild

    out = workdir(lang, root) / "_build"
    target, stamp = out / "pdf" / "book.pdf", bookbuild.stamp_path(out, "pdf")
    if not (target.exists() and stamp.exists()):
        return False  # nothing to check: the PDF project is not staged for it
    source = stage(lang, workdir(lang, root) / PDF_SOURCE, root)
    return bookbuild.is_current(target, stamp, bookbuild.source_hash(source))


def pdf(lang: str, force: bool = False, root: Path = paths.ROOT) -> Path:
    """Build one edition's PDF (LaTeX) into ``_build/pdf/`` (the next HTML build of the edition links it)."""
    from . import bookbuild

    work = workdir(lang, root)
    source = stage(lang, work / PDF_SOURCE, root)
    built = bookbuild.pdf(root=source, out=work / "_build", force=force)
    target = root / "_build" / "pdf" / PDF_NAMES[lang]
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != built.read_bytes():
        shutil.copy2(built, target)
    return target
