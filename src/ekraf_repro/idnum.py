"""Numbers written the Indonesian way: ``.`` groups thousands, ``,`` marks decimals."""
import math
import re

_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")


def parse(text: str) -> float | None:
    """``'4.294.196,8'`` -> ``4294196.8``; None when the text is not such a number.

    Negative numbers and anything else (``'8.872.098.7'``, ``'1,2,3'``, ``'abc'``)
    return None: the caller decides what the error says.
    """
    s = text.strip()
    if not (_GROUPED.match(s) or _PLAIN.match(s)):
        return None
    return float(s.replace(".", "").replace(",", "."))


def is_negative(text: str) -> bool:
    s = text.strip()
    return s.startswith(("-", "\u2212")) and parse(s[1:]) is not None


def fmt(value: float, decimals: int = 1, lang: str = "id") -> str:
    """Format a number for the text: ``4294196.8`` -> ``'4.294.196,8'`` (id) or ``'4,294,196.8'`` (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    s = f"{value:,.{decimals}f}"
    if lang == "id":
        s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return s.replace("-", "\u2212")


def pct(value: float, decimals: int = 2, lang: str = "id", sign: bool = False) -> str:
    """A percentage: ``-23.5`` -> ``'−23,50%'``; ``sign`` adds ``+`` to positive values."""
    s = fmt(value, decimals, lang)
    if sign and value > 0:
        s = "+" + s
    return s + "%"
