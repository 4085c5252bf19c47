"""The page "Cara mengutip" / "How to cite" (``_generated/mengutip.md`` of each edition).

The book, its licence and the original paper come from CITATION.cff and ``references.bib`` through the one
citation pipeline (``cite/``); what depends on the built book (chapters, figures and tables) is an
``ekraf-citable`` directive, filled from the registry when Sphinx writes the page (``sphinxext/citations.py``).
"""

from ... import escape, paths
from .. import settings, text
from ..cite import formats, items

NAME = "mengutip.md"


def _paper_title_marked(value: str, meta: dict, code: str) -> str:
    title = settings.original(meta)["title"]
    return value if code == settings.DEFAULT else value.replace(title, "{lang-id}`" + title + "`")


def _block(block: str, **options) -> list[str]:
    return [f"```{{ekraf-citable}} {block}", *(f":{key}: {value}" for key, value in options.items()), "```", ""]


def render(code: str = settings.DEFAULT, variant=None, root=paths.ROOT) -> str:
    meta, t = settings.cff(root), text.group("cite", code)
    book = items.book(meta, code)
    apa_book = items.render([book], code, "markdown")[0]
    lines = ["(mengutip)=", f"# {t['title']}", ""]
    lines += ["% Generated from CITATION.cff by `ekraf pages`: edit CITATION.cff, not this file.", ""]
    if variant is not None:
        suffix = variant.citation_suffix(code, escape.myst)
        lines += [
            f"## {t['variant']}",
            "",
            t["variant_text"].format(ref=apa_book, suffix=suffix[:1].upper() + suffix[1:]),
        ]
        lines += [""]
    lines += [f"## {t['book']}", "", apa_book, "", "```bibtex", formats.bibtex(book).rstrip("\n"), "```", ""]
    lines += [t["licence"].format(lic=meta["license"].replace("-", " ")), ""]  # the licence's name, CC BY 4.0
    lines += [f"## {t['a_chapter']}", "", t["chapter_intro"], "", *_block("chapters"), *_block("chapter-bibtex")]
    lines += [f"## {t['an_item']}", "", t["item_intro"], "", *_block("example"), t["downloads"], ""]
    lines += _block("table", caption=t["items_caption"], name="tbl-daftar-gambar-tabel")
    paper = items.render([items.paper(meta, code)], code, "markdown")[0]
    lines += [f"## {t['original']}", "", t["original_intro"], "", _paper_title_marked(paper, meta, code), ""]
    lines += ["```bibtex", formats.bib_entry("makalah", root / "book" / "references.bib", code).rstrip("\n"), "```", ""]
    return "\n".join(lines)
