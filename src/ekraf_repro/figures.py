"""The book's figures: one seaborn theme, labels from :mod:`labels`, opaque white backgrounds.

Every function returns a matplotlib Figure. Backgrounds are opaque white so a
figure stays readable in the book's dark mode, and nothing random enters the
drawing, so the PNG bytes are the same on every run.
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from . import analysis, idnum  # noqa: E402
from .labels import label  # noqa: E402

SIZE = (7.5, 4.2)


def theme() -> None:
    """Apply the book's theme (call once per notebook; idempotent)."""
    sns.set_theme(style="whitegrid", context="notebook", palette="colorblind", font="DejaVu Sans")
    plt.rcParams.update(
        {
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "savefig.transparent": False,
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "svg.hashsalt": "ekraf",
            "figure.autolayout": False,
        }
    )


def _number_axis(axis, lang: str, decimals: int = 0) -> None:
    axis.set_major_formatter(mticker.FuncFormatter(lambda v, _: idnum.fmt(v, decimals, lang)))


def _years_axis(ax, years) -> None:
    ax.set_xticks(list(years))
    ax.set_xticklabels([str(y) for y in years])


def levels(df: pd.DataFrame, lang: str = "id", highlight: str | None = None):
    """Export value per subsector over time (log scale: the rows differ by a factor of ~300)."""
    fig, ax = plt.subplots(figsize=SIZE)
    w = analysis.wide(df)
    for name, row in w.iterrows():
        lw = 3 if name == highlight else 1.6
        ax.plot(row.index, row.values, marker="o", lw=lw, label=name)
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: idnum.fmt(v, 0, lang)))
    ax.yaxis.set_minor_formatter(mticker.NullFormatter())
    _years_axis(ax, w.columns)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("nilai_log", lang))
    ax.legend(title=label("subsektor", lang), bbox_to_anchor=(1.02, 1), loc="upper left", frameon=False)
    fig.tight_layout()
    return fig


def shares(df: pd.DataFrame, lang: str = "id"):
    """Stacked bars: each subsector's share of the yearly total."""
    s = analysis.shares(df)
    fig, ax = plt.subplots(figsize=SIZE)
    bottom = pd.Series(0.0, index=s.columns)
    colors = sns.color_palette("colorblind", len(s))
    for color, (name, row) in zip(colors, s.iterrows()):
        ax.bar([str(y) for y in s.columns], row.values, bottom=bottom.values, label=name, color=color)
        bottom += row
    ax.set_ylim(0, 100)
    _number_axis(ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("pangsa", lang))
    ax.legend(title=label("subsektor", lang), bbox_to_anchor=(1.02, 1), loc="upper left", frameon=False)
    fig.tight_layout()
    return fig


def growth_heatmap(df: pd.DataFrame, lang: str = "id"):
    """Year-on-year change per subsector and for the total, as an annotated heatmap."""
    g = analysis.yoy(df, total=True)
    g.index = [label("total", lang) if i == analysis.TOTAL else i for i in g.index]
    annot = g.map(lambda v: idnum.fmt(v, 1, lang))
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(g) + 1.4))
    lim = max(abs(g.min().min()), abs(g.max().max()))
    sns.heatmap(
        g, annot=annot, fmt="", cmap="RdBu", vmin=-lim, vmax=lim, center=0, linewidths=0.5,
        linecolor="white", cbar_kws={"label": label("pertumbuhan", lang)}, ax=ax,
    )
    cbar = ax.collections[0].colorbar
    _number_axis(cbar.ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("subsektor", lang))
    ax.tick_params(axis="y", rotation=0)
    fig.tight_layout()
    return fig


def index_lines(df: pd.DataFrame, base: int, lang: str = "id"):
    """Index (base year = 100) per subsector and for the total."""
    ix = analysis.index(df, base=base, total=True)
    fig, ax = plt.subplots(figsize=SIZE)
    for name, row in ix.iterrows():
        is_total = name == analysis.TOTAL
        ax.plot(row.index, row.values, marker="o", lw=3 if is_total else 1.5,
                color="black" if is_total else None, ls="--" if is_total else "-",
                label=label("total", lang) if is_total else name)
    ax.axhline(100, color="grey", lw=0.8)
    _years_axis(ax, ix.columns)
    _number_axis(ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("indeks", lang, base=base))
    ax.legend(bbox_to_anchor=(1.02, 1), loc="upper left", frameon=False)
    fig.tight_layout()
    return fig


def show(fig) -> None:
    """Display ``fig`` once as a PNG and release it."""
    from IPython.display import display

    display(fig)
    plt.close(fig)


def profile(df: pd.DataFrame, subsektor: str, lang: str = "id"):
    """One subsector: bars of its value per year, with its share of the total as a line on a second axis."""
    prof = analysis.profile(df, subsektor)
    fig, ax = plt.subplots(figsize=SIZE)
    years = [str(y) for y in prof.index]
    ax.bar(years, prof["nilai"], color=sns.color_palette("colorblind")[0], label=label("nilai_tabel", lang))
    _number_axis(ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("nilai", lang))
    ax2 = ax.twinx()
    ax2.plot(years, prof["pangsa_pct"], color="black", marker="o", label=label("pangsa", lang))
    ax2.set_ylabel(label("pangsa", lang))
    ax2.set_ylim(0, max(100, prof["pangsa_pct"].max() * 1.1))
    ax2.grid(False)
    _number_axis(ax2.yaxis, lang)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], loc="upper left", frameon=True)
    fig.tight_layout()
    return fig
