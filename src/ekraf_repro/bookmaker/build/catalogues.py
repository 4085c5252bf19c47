"""Our interface catalogues, compiled for an edition's project: ``book/_locale/<lang>/LC_MESSAGES/*.po`` into
``_locale/<lang>/LC_MESSAGES/*.mo`` (Babel), and Sphinx's search-page messages with ours over them."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO
from pathlib import Path

from ... import paths
from .. import guards, settings

LOCALE = paths.BOOK / "_locale"  # our gettext catalogues (.po), by language and domain


def _sphinx_js(code: str, catalog) -> bytes:
    """Sphinx's own JavaScript messages for ``code`` with ours over them (the search page reads these)."""
    import sphinx

    guards.check("sphinx-js-catalogue")
    builtin = Path(sphinx.__file__).parent / "locale" / code / "LC_MESSAGES" / "sphinx.js"
    data = {"locale": code, "messages": {}, "plural_expr": "0"}
    if builtin.exists():
        source = builtin.read_text(encoding="utf-8")
        data = json.loads(source[source.index("(") + 1 : source.rindex(")")])
    for message in catalog:
        if message.id and message.string:
            data["messages"][message.id] = message.string
    data["messages"] = dict(sorted(data["messages"].items()))
    body = json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True)
    return f"Documentation.addTranslations({body});\n".encode()


def catalogues(code: str, locale: Path = LOCALE, root: Path = paths.ROOT) -> dict[str, bytes]:
    """The edition's compiled catalogues, by their path in the project: ``_locale/<lang>/LC_MESSAGES/<domain>.mo``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    files = {}
    released = dt.datetime.fromisoformat(str(settings.cff(root)["date-released"])).replace(tzinfo=dt.UTC)
    for po in sorted((locale / code / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=code)
        # Babel stamps a catalogue with the time it was read; the release date instead, so the bytes stay put.
        catalog.creation_date = catalog.revision_date = released
        out = BytesIO()
        write_mo(out, catalog)
        base = f"{settings.LOCALE_STAGED}/{code}/LC_MESSAGES/{po.stem}"
        files[f"{base}.mo"] = out.getvalue()
        if po.stem == "sphinx":
            files[f"{base}.js"] = _sphinx_js(code, catalog)
    return files
