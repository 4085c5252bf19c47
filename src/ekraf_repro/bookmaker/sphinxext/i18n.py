"""The interface in the edition's language: our gettext catalogues first, the copy button's messages, an
Indonesian search (words as written, the commonest function words left out: no light stemmer is safe for
Indonesian), and words in the other language marked: the role ``{lang-id}`text``` or the class ``lang-en``
gives ``lang`` (the writer turns a class ``language-<code>`` into that attribute).
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.search import SearchLanguage
from sphinx.transforms import SphinxTransform

from .. import guards, settings
from ..files import update

STOPWORDS = frozenset(
    """
    ada adalah agar akan antara atas atau bagi bahwa baik banyak beberapa begitu belum berbagai bukan dalam
    dan dapat dari demikian dengan di dia hal hanya harus ia ialah ini itu jika juga kami kalau karena ke
    kepada ketika lagi lain lebih maka masih mereka meski namun oleh pada para per saat sama sangat sebagai
    sebuah secara sedang sejak selain semua seperti serta setelah sini situ suatu sudah tanpa telah tentang
    tersebut tetapi tidak untuk walau yaitu yakni yang
    """.split()
)


class SearchIndonesian(SearchLanguage):
    lang = "id"
    language_name = "Indonesian"
    stopwords = STOPWORDS


def _(message: str) -> str:
    """An interface string in the edition's language (our catalogues in ``book/_locale``, then Sphinx's)."""
    return str(get_translation("sphinx")(message))


def _own_catalogues_first(app) -> None:
    """Our catalogue of a theme's strings (``booktheme``) before the theme's own, which is kept behind ours."""
    guards.check("theme-catalogues")
    from sphinx.locale import translators  # imported once its guard has passed

    code = settings.lang(app.config.language)
    for folder in app.config.locale_dirs:
        base = Path(app.srcdir) / folder
        for mo in sorted((base / code / "LC_MESSAGES").glob("*.mo")):
            if mo.stem == "sphinx":
                continue  # Sphinx itself reads this one first
            ours = gettext.translation(mo.stem, str(base), [code])
            theirs = translators.get(("general", mo.stem))
            if theirs is not None and theirs is not ours:
                ours.add_fallback(theirs)
            translators[("general", mo.stem)] = ours


def _copybutton_messages(app) -> None:
    """sphinx-copybutton's tooltips in the edition's language, in a static folder copied after its own."""
    code = settings.lang(app.config.language)
    if code == "en" or "sphinx_copybutton" not in app.extensions or app.builder.format != "html":
        return
    import sphinx_copybutton

    guards.check("copybutton-messages")
    template = Path(sphinx_copybutton.__file__).parent / "_static" / "copybutton.js_t"
    source = template.read_text(encoding="utf-8")
    words = {"copy": "Copy", "copy_to_clipboard": "Copy to clipboard", "copy_success": "Copied!",
             "copy_failure": "Failed to copy"}  # fmt: skip
    entry = ",\n".join(f"    '{key}': {json.dumps(_(msg), ensure_ascii=False)}" for key, msg in words.items())
    marker = "const messages = {\n"
    if marker not in source:
        raise guards.HookOutOfRange("book machine hook 'copybutton-messages': its messages table was not found")
    source = source.replace(marker, f"{marker}  '{code}': {{\n{entry}\n  }},\n", 1)
    folder = Path(app.doctreedir).parent / "ekraf_static"
    update(folder / "copybutton.js_t", source.encode())
    app.config.html_static_path.append(str(folder))


def _language_role(code: str):  # {lang-<code>}`text`: a word or title in another language inside a sentence
    return lambda name, rawtext, value, *args, **kwargs: ([nodes.inline(rawtext, value, classes=[f"lang-{code}"])], [])


class MarkLanguages(SphinxTransform):
    """A block or span of class ``lang-<code>`` gets ``language-<code>`` too: the writer makes that ``lang``."""

    default_priority = 700

    def apply(self, **kwargs) -> None:
        for node in self.document.findall(nodes.Element):
            for cls in list(node["classes"]) if "classes" in node else []:
                code = cls[5:] if cls.startswith("lang-") else None
                if code in settings.EDITIONS and f"language-{code}" not in node["classes"]:
                    node["classes"].append(f"language-{code}")


def setup(app):
    for code in settings.EDITIONS:
        app.add_role(f"lang-{code}", _language_role(code))
    app.add_transform(MarkLanguages)
    app.add_search_language(SearchIndonesian)
    app.connect("builder-inited", _own_catalogues_first)
    app.connect("builder-inited", _copybutton_messages, priority=900)  # after sphinx-copybutton adds its folder
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
