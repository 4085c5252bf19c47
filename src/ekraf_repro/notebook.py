"""The few lines every chapter notebook starts with."""
import pandas as pd

from . import figures
from .params import Params, resolve


def start(**params) -> Params:
    """Check the parameters, load the data, and set the book's figure theme."""
    figures.theme()
    pd.set_option("display.width", 120)
    return resolve(**params)
