"""Computations on the data coded from the paper: matrices, network, timeline, figure labels."""
import matplotlib

matplotlib.use("Agg")

from ekraf_repro import coded, figures, labels, loader, matrices, network  # noqa: E402


def test_triangulation_matrix():
    m = matrices.triangulation()
    assert m.shape == (len(coded.table("temuan")), len(coded.table("sumber_bukti")))
    support = matrices.support_counts()
    assert support["t05"] == 3 and support["t09"] == 2 and support["t06"] == 0
    assert int((support >= 2).sum()) == 3 and int((support == 0).sum()) == 5


def test_constraint_effort_matrix():
    m = matrices.constraint_effort()
    assert list(m.index[:4]) == ["k1", "k2", "k3", "k4"]
    assert m.loc["k3", "u3"] == 1 and m.loc["k4", "u1c"] == 1 and m.loc["k1", "u2"] == 0
    assert (m.loc[["k1", "k2", "k3", "k4"]].sum(axis=1) > 0).all()
    assert sorted(matrices.unaddressed()["id"]) == ["h_inovasi", "h_kualitas", "h_lingkungan_sosial",
                                                    "h_permodalan", "h_standardisasi"]
    assert matrices.idle_efforts() == ["p1", "r1"]


def test_every_link_has_a_reason():
    links = coded.table("tautan_upaya")
    assert (links["alasan"].str.len() > 30).all()


def test_network():
    g = network.graph()
    assert g.number_of_nodes() == len(coded.table("aktor")) and g.number_of_edges() == len(coded.table("relasi"))
    deg = network.degree_table(g)
    assert deg.loc[0, "id"] == "pemkot_bandung" and deg.loc[0, "total"] == 9
    assert set(deg.loc[deg["total"] == 0, "id"]) == {"kemenlu", "pemerintah_malaysia"}


def test_network_layout_is_deterministic_and_layered():
    g = network.graph()
    pos = network.layout(g)
    assert pos == network.layout(g)
    assert pos["pemkot_bandung"][0] < 12 < pos["pemkot_pj"][0]  # Indonesia left, Malaysia right
    assert pos["kemendagri"][1] > pos["pemkot_bandung"][1] > pos["kriya_golya"][1]  # national > sub-national > non-state


def test_timeline_dates():
    t = coded.timeline()
    assert t["x"].is_monotonic_increasing
    row = t.set_index("tanggal").loc["2023-09-16"]
    assert round(row["x"], 3) == round(2023 + 258 / 365, 3)
    assert set(t["sumber"].eq("makalah")) == {True, False}


def test_labels_switch_language():
    assert labels.label("tahun", "en") == "Year" and labels.label("tahun", "id") == "Tahun"
    assert labels.label("indeks", "en", base=2019) == "Index (2019 = 100)"
    fig = figures.levels(loader.load(), "en")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Year" and ax.get_legend().get_title().get_text() == "Subsector"


def test_figures_are_opaque_and_deterministic():
    figures.theme()
    df = loader.load()
    one, two = figures.png(figures.shares(df)), figures.png(figures.shares(df))
    assert one == two and b"Software" not in one
    import io
    from PIL import Image
    image = Image.open(io.BytesIO(one)).convert("RGBA")
    assert image.getpixel((0, 0)) == (255, 255, 255, 255)  # white, not transparent, in dark mode too
