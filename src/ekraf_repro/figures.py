"""The book's figures: one seaborn theme, labels from :mod:`labels`, opaque white backgrounds.

Every function returns a matplotlib Figure. Backgrounds are opaque white so a
figure stays readable in the book's dark mode, and nothing random enters the
drawing, so the PNG bytes are the same on every run.

Every figure is drawn at the size it is printed: no wider than :data:`PRINT_WIDTH`
(the PDF's text width), so LaTeX never shrinks it, with no text smaller than
:data:`MIN_TEXT_PT` (:func:`print_problems` says when one breaks that rule).
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from . import analysis, idnum, subsectors, tanggal  # noqa: E402
from .labels import label, term  # noqa: E402

PRINT_WIDTH = 6.2  # inches: the PDF's text width is 6.27 in, so a figure prints at the size it is drawn
MIN_TEXT_PT = 7.0  # the smallest text a printed figure may hold
DPI = 150  # sharp on paper and on high-density screens; the browser scales it to the column
SIZE = (PRINT_WIDTH, 3.6)


def with_data(fig, data):
    """Attach to ``fig`` the numbers it draws (a DataFrame), so the book can offer them beside it as a CSV."""
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    fig.ekraf_data = frame.reset_index() if not isinstance(frame.index, pd.RangeIndex) else frame.copy()
    return fig


def theme() -> None:
    """Apply the book's theme (call once per notebook; idempotent)."""
    sns.set_theme(style="whitegrid", context="paper", palette="colorblind", font="DejaVu Sans")
    plt.rcParams.update(
        {
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "savefig.transparent": False,
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
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
        ax.plot(row.index, row.values, marker="o", lw=lw, label=subsectors.display(name, lang))
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: idnum.fmt(v, 0, lang)))
    ax.yaxis.set_minor_formatter(mticker.NullFormatter())
    _years_axis(ax, w.columns)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("nilai_log", lang))
    ax.legend(title=label("subsektor", lang), bbox_to_anchor=(1.02, 1), loc="upper left", frameon=False)
    fig.tight_layout()
    return with_data(fig, w)


def shares(df: pd.DataFrame, lang: str = "id"):
    """Stacked bars: each subsector's share of the yearly total."""
    s = analysis.shares(df)
    fig, ax = plt.subplots(figsize=SIZE)
    bottom = pd.Series(0.0, index=s.columns)
    colors = sns.color_palette("colorblind", len(s))
    for color, (name, row) in zip(colors, s.iterrows()):
        ax.bar(
            [str(y) for y in s.columns],
            row.values,
            bottom=bottom.values,
            label=subsectors.display(name, lang),
            color=color,
        )
        bottom += row
    ax.set_ylim(0, 100)
    _number_axis(ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("pangsa", lang))
    ax.legend(title=label("subsektor", lang), bbox_to_anchor=(1.02, 1), loc="upper left", frameon=False)
    fig.tight_layout()
    return with_data(fig, s)


def growth_heatmap(df: pd.DataFrame, lang: str = "id"):
    """Year-on-year change per subsector and for the total, as an annotated heatmap."""
    g = analysis.yoy(df, total=True)
    g.index = [label("total", lang) if i == analysis.TOTAL else subsectors.display(i, lang) for i in g.index]
    annot = g.map(lambda v: idnum.fmt(v, 1, lang))
    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, 0.42 * len(g) + 1.2))
    lim = max(abs(g.min().min()), abs(g.max().max()))
    sns.heatmap(
        g,
        annot=annot,
        fmt="",
        cmap="RdBu",
        vmin=-lim,
        vmax=lim,
        center=0,
        linewidths=0.5,
        linecolor="white",
        cbar_kws={"label": label("pertumbuhan", lang)},
        ax=ax,
    )
    cbar = ax.collections[0].colorbar
    _number_axis(cbar.ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("subsektor", lang))
    ax.tick_params(axis="y", rotation=0)
    fig.tight_layout()
    return with_data(fig, g)


def index_lines(df: pd.DataFrame, base: int, lang: str = "id"):
    """Index (base year = 100) per subsector and for the total."""
    ix = analysis.index(df, base=base, total=True)
    fig, ax = plt.subplots(figsize=SIZE)
    for name, row in ix.iterrows():
        is_total = name == analysis.TOTAL
        ax.plot(
            row.index,
            row.values,
            marker="o",
            lw=3 if is_total else 1.5,
            color="black" if is_total else None,
            ls="--" if is_total else "-",
            label=label("total", lang) if is_total else subsectors.display(name, lang),
        )
    ax.axhline(100, color="grey", lw=0.8)
    _years_axis(ax, ix.columns)
    _number_axis(ax.yaxis, lang)
    ax.set_xlabel(label("tahun", lang))
    ax.set_ylabel(label("indeks", lang, base=base))
    ax.legend(bbox_to_anchor=(1.02, 1), loc="upper left", frameon=False)
    fig.tight_layout()
    return with_data(fig, ix)


def png(fig) -> bytes:
    """The figure as PNG bytes, without metadata, so the same drawing gives the same bytes."""
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def smallest_text(fig) -> float:
    """The size in points of the smallest text the figure shows (tick labels, legend, annotations)."""
    from matplotlib.text import Text

    fig.canvas.draw()  # tick labels exist once the figure is drawn
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min(sizes) if sizes else float("inf")


def print_size(fig) -> dict:
    """How the figure prints: its size in inches and its smallest text in points."""
    width, height = (round(float(v), 3) for v in fig.get_size_inches())
    return {"inches": [width, height], "smallest_text_pt": round(smallest_text(fig), 2)}


def print_problems(fig, name: str) -> list[str]:
    """Why ``fig`` would not print well: wider than the PDF's text (LaTeX would shrink it) or text too small."""
    size = print_size(fig)
    problems = []
    if size["inches"][0] > PRINT_WIDTH:
        problems.append(f"figure {name}: {size['inches'][0]} in wide, more than the {PRINT_WIDTH} in the PDF prints")
    if size["smallest_text_pt"] < MIN_TEXT_PT:
        problems.append(f"figure {name}: text of {size['smallest_text_pt']} pt, under {MIN_TEXT_PT} pt")
    return problems


def show(fig) -> None:
    """Display ``fig`` once as a PNG and release it."""
    from IPython.display import Image, display

    display(Image(data=png(fig), format="png"))
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
    ax.legend(
        handles, [h.get_label() for h in handles], loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False
    )
    fig.tight_layout()
    return with_data(fig, prof)


def _wrap(text: str, width: int = 18) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def network(g, pos, lang: str = "id"):
    """The actors (coloured by kind) and their relations (arrows)."""
    import networkx as nx

    from .network import SPLIT_X, TIER_GAP

    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, 7.6))
    kinds = sorted({d["jenis"] for _, d in g.nodes(data=True)})
    palette = dict(zip(kinds, sns.color_palette("colorblind", len(kinds))))
    simple = nx.DiGraph(g)
    nx.draw_networkx_edges(
        simple,
        pos,
        ax=ax,
        edge_color="#666666",
        arrows=True,
        arrowsize=7,
        width=0.7,
        node_size=160,
        connectionstyle="arc3,rad=0.08",
    )
    for kind in kinds:
        for country, marker in (("Indonesia", "o"), ("Malaysia", "s")):
            nodes = [n for n, d in g.nodes(data=True) if d["jenis"] == kind and d["negara"] == country]
            nx.draw_networkx_nodes(
                g,
                pos,
                nodelist=nodes,
                node_color=[palette[kind]] * len(nodes),
                node_shape=marker,
                node_size=160,
                edgecolors="black",
                linewidths=0.5,
                ax=ax,
            )
        ax.scatter([], [], color=palette[kind], label=term(kind, lang), s=40, edgecolors="black", linewidths=0.5)
    labels = {n: _wrap(d["nama"] if lang == "id" else d["nama_en"], 15) for n, d in g.nodes(data=True)}
    nx.draw_networkx_labels(
        g, {n: (x, y - 0.3) for n, (x, y) in pos.items()}, labels, font_size=7, ax=ax, verticalalignment="top"
    )
    tiers = [term(t, lang).capitalize() for t in ("nasional", "subnasional", "non_negara")]
    for i, name in enumerate(tiers):
        ax.text(-1.3, (2 - i) * TIER_GAP, name, rotation=90, ha="center", va="center", fontsize=8, weight="bold")
    top = 2 * TIER_GAP + 1.9
    for x, name in ((5.7, "Indonesia"), (15.6, "Malaysia")):
        ax.text(x, top, name, ha="center", fontsize=9, weight="bold")
    ax.axvline(SPLIT_X, color="#999999", lw=0.8, ls=":")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False, fontsize=7, columnspacing=1.0)
    ax.set_axis_off()
    ax.set_xlim(-1.8, 19.6)
    ax.set_ylim(-2.8, top + 0.6)
    fig.tight_layout(pad=0.2)
    return with_data(fig, nx.to_pandas_edgelist(g))


def binary_matrix(
    m: pd.DataFrame,
    xlabel: str,
    ylabel: str,
    row_names: dict | None = None,
    col_names: dict | None = None,
    lang: str = "id",
):
    """A 0/1 matrix as a two-colour heatmap with a tick in every linked cell."""
    shown = m.rename(
        index={k: _wrap(v, 34) for k, v in (row_names or {}).items()},
        columns={k: _wrap(v, 20) for k, v in (col_names or {}).items()},
    )
    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, max(3.0, 0.3 * m.shape[0] + 1.9)))
    cmap = matplotlib.colors.ListedColormap(["#f2f2f2", "#0173b2"])
    sns.heatmap(
        shown,
        cmap=cmap,
        vmin=0,
        vmax=1,
        cbar=False,
        linewidths=0.8,
        linecolor="white",
        annot=shown.map(lambda v: "✓" if v else ""),
        fmt="",
        annot_kws={"color": "white", "fontsize": 9},
        ax=ax,
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="both", labelsize=7.5)
    ax.tick_params(axis="x", rotation=90)  # upright columns of words: wrapped labels never run into the next one
    ax.tick_params(axis="y", rotation=0)
    fig.tight_layout()
    return with_data(fig, m)


def timeline(events: pd.DataFrame, lang: str = "id"):
    """Dated events, one row each in date order: a dot on the time axis and the event written beside it.

    ``events`` is :func:`ekraf_repro.coded.timeline`; dates are written as the text writes them.
    """
    import matplotlib.transforms as mtransforms

    n = len(events)
    height = 0.42 * n + 0.9
    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, height))
    fig.subplots_adjust(left=0.02, right=0.33, top=1 - 0.1 / height, bottom=0.55 / height)
    colors = sns.color_palette("colorblind", 2)
    text_at = mtransforms.blended_transform_factory(ax.transAxes, ax.transData)
    for i, row in enumerate(events.itertuples(index=False)):
        color = colors[0 if row.sumber == "makalah" else 1]
        y = n - 1 - i
        ax.plot([events["x"].min() - 1, row.x], [y, y], color="#dddddd", lw=0.8, zorder=1)
        ax.scatter([row.x], [y], color=color, s=45, zorder=3)
        event = row.peristiwa if lang == "id" else row.peristiwa_en
        ax.text(
            1.03,
            y,
            _wrap(f"{tanggal.show(row.tanggal, lang)}: {event}", 68),
            transform=text_at,
            va="center",
            fontsize=7.5,
            color="black",
            linespacing=1.1,
        )
    ax.scatter([], [], color=colors[0], label=label("dari_makalah", lang))
    ax.scatter([], [], color=colors[1], label=label("dari_konteks", lang))
    ax.set_yticks([])
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_xlim(events["x"].min() - 1, events["x"].max() + 1)
    ax.set_xlabel(label("tahun", lang))
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(mticker.MultipleLocator(10))
    ax.legend(loc="lower left", frameon=True, fontsize=7)
    return with_data(fig, events.drop(columns=[c for c in events.columns if c == "x"]))


def counts_bar(counts: pd.Series, xlabel: str, ylabel: str):
    """Horizontal bars for a count per category (largest at the top)."""
    counts = counts.sort_values()
    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, 0.3 * len(counts) + 1.2))
    ax.barh([str(i) for i in counts.index], counts.values, color=sns.color_palette("colorblind")[0])
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout()
    return with_data(fig, counts)


STATUS_COLORS = {
    "sesuai": "#029e73",
    "sejalan": "#56b4e9",
    "tidak_dilaporkan": "#cc78bc",
    "tidak_dapat": "#949494",
    "tidak_didukung": "#ece133",
    "tidak_sejalan": "#de8f05",
    "bertentangan": "#d55e00",
}


def status_grid(results: pd.DataFrame, names: dict, sections: dict, lang: str = "id"):
    """Every audited statement as its number, placed by the section of the paper (rows) and its status (columns).

    ``results`` has columns ``id``, ``bagian`` and ``status`` (keys); ``names`` maps
    status keys and ``sections`` section keys to what the reader reads.
    """
    order = [s for s in names if s in set(results["status"])]
    rows = [b for b in sections if b in set(results["bagian"])]
    fig, ax = plt.subplots(figsize=(PRINT_WIDTH, 0.6 * len(rows) + 1.2))
    for x, status in enumerate(order):
        for y, section in enumerate(rows):
            ids = results.loc[(results["status"] == status) & (results["bagian"] == section), "id"].tolist()
            if ids:
                ax.add_patch(
                    matplotlib.patches.Rectangle(
                        (x - 0.47, y - 0.42), 0.94, 0.84, color=STATUS_COLORS[status], alpha=0.35, lw=0
                    )
                )
                ax.text(
                    x,
                    y,
                    "\n".join(", ".join(ids[i : i + 3]) for i in range(0, len(ids), 3)),
                    ha="center",
                    va="center",
                    fontsize=7.5,
                )
    ax.set_xlim(-0.5, len(order) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xticks(range(len(order)))
    ax.set_xticklabels([_wrap(names[s], 13) for s in order], fontsize=7.5)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([_wrap(sections[r], 16) for r in rows], fontsize=8)
    ax.xaxis.tick_top()
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.tight_layout()
    return with_data(fig, results)


def press_comparison(press_totals: pd.DataFrame, table_totals: pd.Series, shares: pd.DataFrame, lang: str = "id"):
    """Left: every press-reported total and the table's totals read as thousand US$ (million US$). Right: shares."""
    fig, (a1, a2) = plt.subplots(2, 1, figsize=(PRINT_WIDTH, 6.0))
    c = sns.color_palette("colorblind", 2)
    a1.plot(press_totals["tahun"], press_totals["nilai"], marker="s", color=c[1], label=label("pers", lang))
    a1.plot(table_totals.index, table_totals.values, marker="o", color=c[0], label=label("tabel_ribu", lang))
    a1.set_xticks(sorted(set(press_totals["tahun"]) | set(table_totals.index)))
    a1.set_ylim(0, None)
    _number_axis(a1.yaxis, lang)
    a1.set_xlabel(label("tahun", lang))
    a1.set_ylabel(label("juta_usd", lang))
    a1.legend(frameon=False, loc="lower left")
    a1.set_title(label("judul_total", lang), fontsize=9)
    x = range(len(shares))
    a2.bar([i - 0.2 for i in x], shares["pangsa_tabel"], width=0.4, color=c[0], label=label("tabel", lang))
    a2.bar([i + 0.2 for i in x], shares["pangsa_pers"], width=0.4, color=c[1], label=label("pers", lang))
    a2.set_xticks(list(x))
    a2.set_xticklabels([subsectors.display(n, lang) for n in shares["subsektor"]])
    _number_axis(a2.yaxis, lang)
    a2.set_ylabel(label("pangsa", lang))
    year = int(shares["tahun"].iloc[0]) if len(shares) else ""
    a2.set_title(label("judul_pangsa", lang, tahun=year), fontsize=9)
    a2.legend(frameon=False)
    fig.tight_layout()
    totals = table_totals.rename("nilai").rename_axis("tahun").reset_index()
    plotted = [press_totals.assign(seri="pers"), totals.assign(seri="tabel_ribu_usd"), shares.assign(seri="pangsa")]
    return with_data(fig, pd.concat(plotted, ignore_index=True))
