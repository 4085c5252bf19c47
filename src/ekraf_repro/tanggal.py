"""Dates as a reader writes them: ``2023-09-16`` -> "16 September 2023" (EYD V; the English text alike).

The coded data keep dates in ISO form (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
as precise as the source); nothing a reader sees shows that form.
"""

import datetime as dt

MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def parts(text: str) -> tuple[int, ...]:
    """``'2017-12'`` -> ``(2017, 12)``; raises ValueError on anything but YYYY, YYYY-MM or YYYY-MM-DD."""
    pieces = str(text).strip().split("-")
    if not 1 <= len(pieces) <= 3 or len(pieces[0]) != 4 or not all(p.isdigit() for p in pieces):
        raise ValueError(f"not a date in the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    numbers = tuple(int(p) for p in pieces)
    if len(numbers) == 3:
        dt.date(*numbers)  # validates the day
    elif len(numbers) == 2 and not 1 <= numbers[1] <= 12:
        raise ValueError(f"no month {numbers[1]} in {text!r}")
    return numbers


def date(text: str) -> dt.date:
    """A full ISO date as a :class:`datetime.date`."""
    numbers = parts(text)
    if len(numbers) != 3:
        raise ValueError(f"not a full date: {text!r}")
    return dt.date(*numbers)


def show(value, lang: str = "id") -> str:
    """A date for the text, as precise as it is known: "16 September 2023", "Desember 2017", "2020"."""
    if isinstance(value, dt.date):
        numbers = (value.year, value.month, value.day)
    else:
        numbers = parts(value)
    if len(numbers) == 1:
        return str(numbers[0])
    month = MONTHS[lang][numbers[1] - 1]
    if len(numbers) == 2:
        return f"{month} {numbers[0]}"
    return f"{numbers[2]} {month} {numbers[0]}"


def weekday(value, lang: str = "id") -> str:
    """The day of the week of a full date, in ``lang``."""
    day = value if isinstance(value, dt.date) else date(value)
    return WEEKDAYS[lang][day.weekday()]


def decimal_year(text: str) -> float:
    """A date as a decimal year for plotting: a year sits mid-year, a month mid-month."""
    numbers = parts(text)
    if len(numbers) == 1:
        return numbers[0] + 0.5
    if len(numbers) == 2:
        return numbers[0] + (numbers[1] - 0.5) / 12
    day = dt.date(*numbers)
    return numbers[0] + (day.timetuple().tm_yday - 1) / 365
