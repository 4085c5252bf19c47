"""Are the two editions complete against each other? (issue 15)

The chapters are written once per language in the same notebook: every Markdown
cell is tagged ``jika:bahasa_id`` or ``jika:bahasa_en`` and is followed by (or
follows) its counterpart in the other language. The guide pages are
``book/<page>.md`` and ``book/en/<page>.md``. A counterpart must carry the same
skeleton: the same MyST labels, the same tables and figures (``:name:``), the
same cross-references, the same works cited, the same computed values (glue
keys) and the same conditions (the other tags). :func:`cell_problems` and
:func:`page_problems` name every difference; the tests run them on the book and
on planted examples.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

TAGS = {"id": "jika:bahasa_id", "en": "jika:bahasa_en"}


def skeleton(text: str) -> dict[str, list[str]]:
    """What a passage must share with its counterpart, each as a sorted list."""
    found = {
        "labels": re.findall(r"^\(([\w-]+)\)=", text, flags=re.M),
        "names": re.findall(r"^:name: ([\w-]+)", text, flags=re.M),
        "refs": re.findall(r"\{(?:numref|ref|doc)\}`(?:[^`<]*<)?([\w/-]+)>?`", text),
        "cites": [k.strip() for g in re.findall(r"\{cite:[pt]\}`([^`]+)`", text) for k in g.split(",")],
        "glue": re.findall(r"\{glue:(?:text|md)\}`(\w+)(?::[^`]*)?`", text)
        + re.findall(r"^```\{glue:(?:md|figure)\} (\w+)", text, flags=re.M),
        "directives": re.findall(r"^(?:```|:::)\{([\w:-]+)\}", text, flags=re.M),
        "headings": [str(len(h)) for h in re.findall(r"^(#{1,6}) ", text, flags=re.M)],
        "downloads": re.findall(r"\{download\}`[^`<]*<([^>]+)>`", text),
    }
    return {k: sorted(v) for k, v in found.items()}


def _differences(where: str, a: str, b: str) -> list[str]:
    ska, skb = skeleton(a), skeleton(b)
    out = []
    for key in ska:
        if ska[key] != skb[key]:
            only_a = sorted(set(ska[key]) - set(skb[key])) or ska[key]
            only_b = sorted(set(skb[key]) - set(ska[key])) or skb[key]
            out.append(f"{where}: {key} differ (Indonesian {only_a}, English {only_b})")
    return out


def _source(cell: dict) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def cell_problems(nb: dict, name: str) -> list[str]:
    """Every Markdown cell without a language, without a counterpart, or unlike its counterpart."""
    cells = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    problems, i = [], 0
    while i < len(cells):
        tags = cells[i].get("metadata", {}).get("tags", [])
        first = _source(cells[i]).strip().splitlines()[0][:60] if _source(cells[i]).strip() else ""
        where = f"{name}, Markdown cell {i + 1} ({first!r})"
        if TAGS["id"] not in tags:
            kind = "is English without an Indonesian cell before it" if TAGS["en"] in tags else "has no language tag"
            problems.append(f"{where} {kind}")
            i += 1
            continue
        partner = cells[i + 1] if i + 1 < len(cells) else None
        partner_tags = partner.get("metadata", {}).get("tags", []) if partner else []
        if TAGS["en"] not in partner_tags:
            problems.append(f"{where} has no English counterpart after it")
            i += 1
            continue
        own = sorted(t for t in tags if t not in (TAGS["id"], "remove-cell"))
        theirs = sorted(t for t in partner_tags if t not in (TAGS["en"], "remove-cell"))
        if own != theirs:
            problems.append(f"{where}: conditions differ (Indonesian {own}, English {theirs})")
        problems += _differences(where, _source(cells[i]), _source(partner))
        i += 2
    return problems


def notebook_problems(path: Path) -> list[str]:
    return cell_problems(json.loads(path.read_text(encoding="utf-8")), path.name)


def page_problems(book: Path, lang: str = "en") -> list[str]:
    """Every guide page of ``book/`` without its ``book/<lang>/`` counterpart (or the reverse), or unlike it."""
    own = {p.relative_to(book).as_posix() for p in book.glob("*.md")}
    theirs = {p.relative_to(book / lang).as_posix() for p in (book / lang).glob("*.md")}
    problems = [f"book/{p} has no counterpart book/{lang}/{p}" for p in sorted(own - theirs)]
    problems += [f"book/{lang}/{p} has no counterpart book/{p}" for p in sorted(theirs - own)]
    for page in sorted(own & theirs):
        a = (book / page).read_text(encoding="utf-8")
        b = (book / lang / page).read_text(encoding="utf-8")
        problems += _differences(f"book/{page}", a, b)
    return problems
