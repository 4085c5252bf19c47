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
    if s.startswith("-") and not s.strip("-0.,"):  # a value that rounds to zero has no sign: never "-0,00"
        s = s[1:]
    if lang == "id":
        s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return s.replace("-", "\u2212")


def pct(value: float, decimals: int = 2, lang: str = "id", sign: bool = False) -> str:
    """A percentage: ``-23.5`` -> ``'−23,50%'``; ``sign`` adds ``+`` to positive values."""
    s = fmt(value, decimals, lang)
    if s == "–":  # undefined (a division by zero): no unit either
        return s
    if sign and value > 0 and s.strip("0.,"):  # a value that rounds to zero gets no sign either
        s = "+" + s
    return s + "%"


_ONES_ID = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")
_ONES_EN = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def words(n: int, lang: str = "id") -> str:
    """A count as the running text writes it.

    Indonesian (EYD V): a number that can be said in one or two words is written
    in letters ("tiga", "dua belas", "dua puluh", "seratus"); others in digits.
    English: numbers below ten in letters, others in digits.
    """
    n = int(n)
    if lang == "en":
        return _ONES_EN[n] if 0 <= n < 10 else f"{n:,}"
    if 0 <= n <= 11:
        return _ONES_ID[n]
    if 12 <= n <= 19:
        return f"{_ONES_ID[n - 10]} belas"
    if n < 100 and n % 10 == 0:
        return f"{_ONES_ID[n // 10]} puluh"
    if n in (100, 1000):
        return {100: "seratus", 1000: "seribu"}[n]
    return fmt(n, 0, "id")


_ORDINAL_EN = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(n: int, lang: str = "id") -> str:
    """A rank as the running text writes it: ``1`` -> ``'pertama'``, ``3`` -> ``'ketiga'`` (EYD V).

    English: ``'first'``, ``'third'``.
    """
    n = int(n)
    if lang == "en":
        return _ORDINAL_EN[n] if 0 < n <= 10 else f"{n}th"
    if n == 1:
        return "pertama"
    spelled = words(n, "id")
    return f"ke{spelled}" if " " not in spelled and not spelled[0].isdigit() else f"ke-{n}"
