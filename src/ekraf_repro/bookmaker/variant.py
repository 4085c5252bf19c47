"""What makes a variant book (the book rerun on other data or parameters) say that it is one: its title, a banner
on every page and the PDF's title page, how to cite it. Its identity: the data file's name (never its path), a short
hash of its content and every parameter not at its default, in the staged ``_config.yml`` (``ekraf_variant``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from .. import escape, labels
from ..params import DEFAULTS, Params
from .files import sha256

HASH_LENGTH = 12


@dataclass(frozen=True)
class Variant:
    data_name: str  # the file's name, never its path
    data_hash: str  # the first characters of the SHA-256 of the file's content
    changed: dict = field(default_factory=dict)  # parameters that differ from their defaults (data excluded)
    lang: str = "id"
    pdf: bool = False  # whether the variant has a PDF of its own

    @property
    def settings(self) -> str:  # "subsektor=Fashion, bahasa=en", or ""
        return ", ".join(f"{k}={v}" for k, v in self.changed.items())

    def citation_suffix(self, lang: str | None = None, mark=str) -> str:
        """What a citation of the original edition adds to name this variant (``mark`` escapes the user's strings)."""
        key = "varian_kutip_param" if self.changed else "varian_kutip"
        given = {"berkas": mark(self.data_name), "hash": self.data_hash, "param": mark(self.settings)}
        return labels.label(key, lang or self.lang, **given)

    def title(self, original: str) -> str:
        return labels.label("varian_judul", self.lang, judul=original, hash=self.data_hash)

    def statements(self, name=str, plain=str) -> list[str]:
        """What the banner and the PDF's title page say, one sentence each; ``name`` marks names, ``plain`` escapes."""
        said = [labels.label("varian_bukan_asli", self.lang)]
        said.append(labels.label("varian_data", self.lang, berkas=name(self.data_name), hash=name(self.data_hash)))
        if self.changed:
            shown = ", ".join(name(f"{k}={v}") for k, v in self.changed.items())
            said.append(labels.label("varian_param", self.lang, param=shown))
        said.append(labels.label("varian_cara_kutip", self.lang, tambahan=plain(self.citation_suffix())))
        return said

    def banner(self) -> str:
        """The HTML shown at the top of every page: a variant, its data and parameters, how to cite it."""
        first, *rest = self.statements(lambda value: f"<code>{escape.html(value)}</code>", escape.html)
        return f'<span lang="{self.lang}">' + " ".join([f"<strong>{escape.html(first)}</strong>", *rest]) + "</span>"


def content_hash(path: Path) -> str:
    return sha256(Path(path).read_bytes())[:HASH_LENGTH]


def describe(checked: Params, given: dict, pdf: bool = False) -> Variant:
    """The variant of a checked run: its data file and every given parameter that is not the default."""
    changed = {}
    for name, value in given.items():
        if name in ("data", "bahasa"):  # the language names the edition the variant belongs to, not a change
            continue
        resolved = {"subsektor": checked.subsektor, "bahasa": checked.bahasa}.get(name, value)
        if str(resolved) != str(DEFAULTS.get(name)):
            changed[name] = resolved
    return Variant(checked.path.name, content_hash(checked.path), changed, checked.bahasa, pdf)


def apply(src: Path, variant: Variant) -> None:
    """Write the variant's identity into the staged project's configuration."""
    config = yaml.safe_load((config_path := src / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = variant.title(config["title"])
    config.setdefault("html", {})["announcement"] = variant.banner()
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx.update(ekraf_variant=asdict(variant), ekraf_pdf=variant.pdf)
    header = "# The configuration of a variant book, written by `ekraf rerun` (see bookmaker/variant.py).\n"
    config_path.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def from_config(value: dict | None) -> Variant | None:
    return Variant(**value) if value else None
