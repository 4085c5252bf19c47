"""The actors the paper names and their relations, as a directed graph."""

import networkx as nx

from . import coded


def graph() -> nx.MultiDiGraph:
    """Nodes: ``data/coded/aktor.csv``; edges: ``data/coded/relasi.csv`` (with their relation kind)."""
    aktor, relasi = coded.table("aktor"), coded.table("relasi")
    g = nx.MultiDiGraph()
    for row in aktor.itertuples(index=False):
        g.add_node(row.id, nama=row.nama, nama_en=row.nama_en, jenis=row.jenis, tingkat=row.tingkat, negara=row.negara)
    for row in relasi.itertuples(index=False):
        for end in (row.sumber, row.target):
            if end not in g:
                raise ValueError(
                    f"data/coded/relasi.csv: relation {row.sumber}->{row.target} names unknown actor '{end}'"
                )
        g.add_edge(row.sumber, row.target, jenis=row.jenis_relasi)
    return g


TIERS = ("nasional", "subnasional", "non_negara")
COUNTRIES = ("Indonesia", "Malaysia")


TIER_GAP = 4.2  # vertical distance between the tiers (plot units; the printed figure gives ~0.5 in to a unit)
SPLIT_X = 12.0  # the line between the two countries
_GROUP = {"Indonesia": (0.0, 11.4), "Malaysia": (12.6, 6.0)}  # where each country's actors go: start, width


def layout(g: nx.MultiDiGraph) -> dict:
    """Deterministic layered positions: columns by country, rows by tier (national, subnational, non-state).

    Within a group, actors are ordered by number of relations (then id) and
    spread evenly; a group of three or more alternates between two sub-rows, so
    that each label has the width of two places and clears the row below.
    Nothing random is involved.
    """
    pos = {}
    for country in COUNTRIES:
        x0, width = _GROUP[country]
        for row, tier in enumerate(TIERS):
            nodes = [n for n, d in g.nodes(data=True) if d["negara"] == country and d["tingkat"] == tier]
            nodes.sort(key=lambda n: (-g.degree(n), n))
            y = (len(TIERS) - 1 - row) * TIER_GAP
            step = width / max(len(nodes), 1)
            for i, n in enumerate(nodes):
                stagger = 0.0 if len(nodes) < 3 else (-1.0 if i % 2 else 1.0)
                pos[n] = (x0 + step * (i + 0.5), y + stagger)
    return pos


def degree_table(g: nx.MultiDiGraph):
    """Actors with their number of relations (in + out), most connected first."""
    import pandas as pd

    rows = [
        (n, d["nama"], d["nama_en"], d["jenis"], d["negara"], g.in_degree(n), g.out_degree(n))
        for n, d in g.nodes(data=True)
    ]
    df = pd.DataFrame(rows, columns=["id", "nama", "nama_en", "jenis", "negara", "masuk", "keluar"])
    df["total"] = df["masuk"] + df["keluar"]
    return df.sort_values(["total", "id"], ascending=[False, True]).reset_index(drop=True)
