"""The notebooks' parameters: names, defaults, and the checks run before any kernel starts.

Each notebook has one cell tagged ``parameters`` that assigns the defaults
below (only those it uses). :func:`resolve` checks a set of values and returns
them completed, with the data loaded and cut to the chosen years; every
problem is one :class:`InputError` line naming the parameter and what is allowed.
The ``data`` parameter is a path relative to the project root (``paths.ROOT``).
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from . import loader, paths
from .errors import InputError
from .labels import LANGUAGES
from .subsectors import official_name

DEFAULT_DATA = "data/raw/tabel_1_1_ekspor_ekraf.csv"  # relative to the project root
DEFAULTS = {
    "data": DEFAULT_DATA,
    "subsektor": "Kriya",
    "tahun_awal": None,
    "tahun_akhir": None,
    "tahun_dasar": None,
    "bahasa": "id",
}


@dataclass(frozen=True)
class Params:
    path: Path
    subsektor: str
    tahun_awal: int
    tahun_akhir: int
    tahun_dasar: int
    bahasa: str
    table: pd.DataFrame = field(repr=False, compare=False)

    @property
    def years(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))

    @property
    def original(self) -> bool:
        """Is the data the book's own Tabel 1.1, whole (not another file, not a cut of its years)?"""
        return bool(self.table.attrs.get("asli"))


def data_path(value: str | Path, root: Path | None = None) -> Path:
    """Resolve a ``data`` value against the project root."""
    p = Path(value)
    return p if p.is_absolute() else ((root or paths.ROOT) / p).resolve()


def _year(name: str, value, allowed: list[int]) -> int:
    try:
        year = int(value)
        if str(value).strip() != str(year):
            raise ValueError
    except (TypeError, ValueError):
        raise InputError(f"parameter {name}={value!r}: must be a year, one of {allowed[0]}-{allowed[-1]}") from None
    if year not in allowed:
        raise InputError(f"parameter {name}={year}: outside the data's years {allowed[0]}-{allowed[-1]}")
    return year


def language(value) -> str:
    """The ``bahasa`` parameter, checked: one of the book's languages."""
    if value not in LANGUAGES:
        raise InputError(f"parameter bahasa={value!r}: allowed values are {', '.join(LANGUAGES)}")
    return value


def resolve(root: Path | None = None, **given) -> Params:
    """Check ``given`` parameter values and complete them with defaults, loading the data once."""
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise InputError(f"unknown parameter '{unknown[0]}'; allowed: {', '.join(DEFAULTS)}")
    values = {**DEFAULTS, **{k: v for k, v in given.items()}}
    language(values["bahasa"])
    path = data_path(values["data"], root)
    df = loader.load(path, root=root)
    names = df.attrs["subsektor"]
    wanted = official_name(str(values["subsektor"])) or str(values["subsektor"]).casefold()
    match = [n for n in names if (official_name(n) or n.casefold()) == wanted]
    if not match:
        raise InputError(
            f"parameter subsektor={values['subsektor']!r}: not in the data; choose one of {', '.join(names)}"
        )
    years = sorted(int(y) for y in df["tahun"].unique())
    start = years[0] if values["tahun_awal"] is None else _year("tahun_awal", values["tahun_awal"], years)
    end = years[-1] if values["tahun_akhir"] is None else _year("tahun_akhir", values["tahun_akhir"], years)
    if start > end:  # one year is a period too: the book says what it cannot compute
        raise InputError(
            f"parameters tahun_awal={start}, tahun_akhir={end}: tahun_awal must not come after tahun_akhir "
            f"(years in the data: {years[0]}-{years[-1]})"
        )
    span = list(range(start, end + 1))
    base_year = start if values["tahun_dasar"] is None else _year("tahun_dasar", values["tahun_dasar"], years)
    if base_year not in span:
        raise InputError(f"parameter tahun_dasar={base_year}: must lie within tahun_awal-tahun_akhir ({start}-{end})")
    cut = df[df["tahun"].between(start, end)].reset_index(drop=True)
    # The book's own table, whole: only then may the text describe Tabel 1.1 as the data of this run.
    original = path.resolve() == data_path(DEFAULT_DATA, root).resolve() and (start, end) == (years[0], years[-1])
    cut.attrs = {**df.attrs, "asli": original, "tahun_berkas": (years[0], years[-1])}
    return Params(path, match[0], start, end, base_year, values["bahasa"], cut)


def for_subsector(checked: Params, name: str) -> Params:
    """The same checked parameters for another subsector of the same data (no second load)."""
    if name not in checked.table.attrs["subsektor"]:
        raise InputError(
            f"parameter subsektor={name!r}: not in the data; choose one of "
            f"{', '.join(checked.table.attrs['subsektor'])}"
        )
    return replace(checked, subsektor=name)
