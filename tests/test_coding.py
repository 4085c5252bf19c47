"""Computations on the data coded from the paper, and what the figures and tables show a reader."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from ekraf_repro import coded, figures, idnum, labels, loader, matrices, network, show, tanggal  # noqa: E402
from ekraf_repro.chapters import hasil, metode, pemeriksaan, pendahuluan, penutup, profil, teori  # noqa: E402
from ekraf_repro.notebook import start  # noqa: E402

CHAPTERS = {
    "pendahuluan": pendahuluan,
    "teori": teori,
    "metode": metode,
    "hasil": hasil,
    "pemeriksaan": pemeriksaan,
    "penutup": penutup,
    "profil": profil,
}


def test_triangulation_counts_independent_origins():
    m = matrices.triangulation()
    assert m.shape == (len(coded.table("temuan")), len(coded.table("sumber_bukti")))
    every, independent = matrices.support_counts(False), matrices.support_counts(True)
    # Sobur's remark has no citation of its own (the one to Mulyadi sits on the passage's first sentence);
    # the interview and the observation are one person on one day
    assert every["t14"] == 1 and independent["t14"] == 1 and every["t04"] == 0
    assert every["t13"] == 2 and independent["t13"] == 1
    assert independent["t09"] == 2 and independent["t06"] == 0
    # the informant's shop in Petaling Jaya is not counted as support for the shop in Suria KLCC
    assert every["t05"] == 1
    assert int((independent >= 2).sum()) == 1 and int((every >= 2).sum()) == 2


def test_constraint_effort_matrix():
    m = matrices.constraint_effort()
    assert list(m.index[:4]) == ["k1", "k2", "k3", "k4"]
    assert m.loc["k3", "u3"] == 1 and m.loc["k4", "u1c"] == 1 and m.loc["k1", "u2"] == 0
    assert (m.loc[["k1", "k2", "k3", "k4"]].sum(axis=1) > 0).all()
    assert sorted(matrices.unaddressed()["id"]) == [
        "h_inovasi",
        "h_kualitas",
        "h_lingkungan_sosial",
        "h_permodalan",
        "h_standardisasi",
    ]
    assert matrices.idle_efforts() == ["p1", "r1"]


def test_barriers_and_their_citation():
    h = coded.table("hambatan")
    assert (h["kunci_bib"] == "anggia2020").sum() == 6 and h.set_index("id").loc["h_standardisasi", "kunci_bib"] == ""


def test_every_link_has_a_reason_in_both_languages():
    links = coded.table("tautan_upaya")
    assert (links["alasan"].str.len() > 30).all() and (links["alasan_en"].str.len() > 30).all()


def test_sources_are_typed_fairly():
    s = coded.table("sumber_bukti").set_index("id")
    assert s.loc["sobur_pernyataan", "jenis"] == s.loc["pernyataan_hipmi", "jenis"] == "pernyataan_tokoh"
    assert (
        s.loc["pernyataan_johari", "dikutip_lewat"] == ""
        and "tidak memberi sumber" in s.loc["pernyataan_johari", "keterangan"]
    )
    # a citation is read where it stands: Mulyadi (2000) covers the passage's first sentence, not Sobur's remark
    assert s.loc["sobur_pernyataan", "asal"] != s.loc["mulyadi2000", "asal"]
    assert s.loc["sobur_pernyataan", "dikutip_lewat"] == ""


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
    assert pos["pemkot_bandung"][0] < 12 < pos["pemkot_pj"][0]
    assert pos["kemendagri"][1] > pos["pemkot_bandung"][1] > pos["kriya_golya"][1]


def test_timeline_events_by_id():
    t = coded.timeline()
    assert t["x"].is_monotonic_increasing and t["id"].is_unique
    assert coded.event("e_little_tutup")["tanggal"] == "2017-12"
    assert round(t.set_index("id").loc["e_wawancara", "x"], 3) == round(2023 + 258 / 365, 3)
    assert set(t["sumber"]) == {"makalah", "konteks"}
    sourced = t[t["sumber"] == "konteks"]
    assert (sourced["kunci_bib"] != "").all(), "every public-context event names its source"


def test_every_context_fact_names_a_public_source():
    import pybtex.database

    from ekraf_repro import paths

    keys = set(pybtex.database.parse_file(str(paths.BOOK / "references.bib")).entries)
    for name in ("konteks", "konteks_ekspor"):
        for value in coded.table(name)["kunci_bib"]:
            assert value and set(value.split()) <= keys, (name, value)
    for name in coded.names():
        text = coded.table(name).to_csv()
        assert "context.md" not in text and "shared/paper" not in text, f"{name} points outside the project"


def test_dates_read_as_the_text_writes_them():
    assert tanggal.show("2023-09-16") == "16 September 2023" and tanggal.show("2017-12") == "Desember 2017"
    assert tanggal.show("2017-12", "en") == "December 2017" and tanggal.show("1995") == "1995"
    assert tanggal.weekday("2023-09-16") == "Sabtu"
    with pytest.raises(ValueError):
        tanggal.parts("16/09/2023")


def test_counts_in_words_follow_eyd_and_english_style():
    assert [idnum.words(n) for n in (1, 6, 11, 13, 20, 25, 100)] == [
        "satu",
        "enam",
        "sebelas",
        "tiga belas",
        "dua puluh",
        "25",
        "seratus",
    ]
    assert [idnum.words(n, "en") for n in (1, 9, 13)] == ["one", "nine", "13"]


def test_labels_exist_in_every_language():
    for table, entries in labels.catalogue().items():
        for key, pair in entries.items():
            assert len(pair) == len(labels.LANGUAGES) and all(pair), (table, key)


def test_tables_refuse_code():
    import pandas as pd

    with pytest.raises(KeyError, match="no header for readers"):
        show.Table(pd.DataFrame({"kolom_baru": [1]}))
    with pytest.raises(ValueError, match="looks like code"):
        show.Table(pd.DataFrame({"tahun": ["2017-12"]}))
    assert "| ya |" in show.Table(pd.DataFrame({"cocok": [True]})).markdown()
    with pytest.raises(KeyError, match="coded value"):
        labels.term("jenis_baru")


# ------------------------------------------------------------------------ what every chapter shows, in both languages


def _bab(name: str, lang: str):
    params = {} if name in ("teori", "metode", "hasil") else {"data": "data/raw/tabel_1_1_ekspor_ekraf.csv"}
    if name == "profil":
        params["subsektor"] = "Fashion"
    return start(bahasa=lang, **params)


@pytest.fixture
def in_notebooks(monkeypatch):
    from ekraf_repro import paths

    monkeypatch.chdir(paths.NOTEBOOKS)


@pytest.mark.parametrize("lang", labels.LANGUAGES)
@pytest.mark.parametrize("name", sorted(CHAPTERS))
def test_chapter_outputs_hold_no_code_and_no_other_language(name, lang, in_notebooks):
    """Every glued value, table and figure text of every chapter, in each language."""
    import matplotlib.pyplot as plt

    from ekraf_repro import audit

    module, bab = CHAPTERS[name], _bab(name, lang)
    other = {audit.status_name(s, "id" if lang == "en" else "en") for s in audit.status_keys()}
    # a file name is shown as code on purpose (show.FileName), so it is not read as text
    texts = [str(v) for v in module.glues(bab, lang).values() if not isinstance(v, show.FileName)]
    import inspect

    makers = [
        fn
        for fn_name, fn in vars(module).items()
        if inspect.isfunction(fn)
        and fn.__module__ == module.__name__
        and fn_name != "glues"
        and list(inspect.signature(fn).parameters) == ["bab", "lang"]
    ]
    assert makers, name
    for fn in makers:
        out = fn(bab, lang)
        if isinstance(out, show.Table):
            texts += [str(c) for c in out.frame.columns] + [str(v) for v in out.frame.to_numpy().ravel()]
        elif isinstance(out, matplotlib.figure.Figure):
            for t in out.findobj(matplotlib.text.Text):
                texts.append(t.get_text())
            plt.close(out)
    for text in texts:
        assert not labels.looks_like_code(text), (name, lang, text)
        assert not text.endswith(("…", "...")), f"label cut off: {text!r}"
        assert not any(w in text for w in other), (name, lang, text)  # no status word of the other edition


def test_figures_are_opaque_and_deterministic():
    figures.theme()
    df = loader.load()
    one, two = figures.png(figures.shares(df)), figures.png(figures.shares(df))
    assert one == two and b"Software" not in one
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(one)).convert("RGBA")
    assert image.getpixel((0, 0)) == (255, 255, 255, 255)


def test_figures_use_the_readers_names():
    fig = figures.levels(loader.load(), "en")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Year" and ax.get_legend().get_title().get_text() == "Subsector"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Craft", "Culinary", "Music", "Fashion", "Fine arts"]
    fig = figures.levels(loader.load(), "id")
    assert "Fesyen" in [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_counted_labels_agree_in_number_in_english():
    """English says "one cell", "one of the readings changes"; Indonesian nouns do not change with the count."""
    from ekraf_repro import idnum, labels

    assert labels.counted("koreksi_ada", 1, "en", n=idnum.words(1, "en")).endswith("of one cell recorded in the errata")
    assert labels.counted("koreksi_ada", 2, "en", n=idnum.words(2, "en")).endswith(
        "of two cells recorded in the errata"
    )
    one = labels.counted("kepekaan_berubah", 1, "en", m="one", n="three", daftar="x")
    assert one == "one of the three other readings changes its status: x"
    assert labels.counted("kepekaan_berubah", 2, "en", m="two", n="three", daftar="x").startswith(
        "two of the three other readings change "
    )
    assert labels.counted("cocok_ada", 1, "id", n="satu", angka="1") == labels.counted(
        "cocok_ada", 2, "id", n="satu", angka="1"
    )


def test_a_list_whose_items_hold_the_conjunction_is_parted_by_semicolons():
    assert show.listing(["a", "b", "c"], "id") == "a, b, dan c"
    assert show.listing(["a", "b", "c"], "en") == "a, b and c"
    items = ["innovation", "little regard for environmental and social factors", "weak standardisation"]
    assert show.listing(items, "en") == (
        "innovation; little regard for environmental and social factors; and weak standardisation"
    )
    assert show.listing(["inovasi", "faktor lingkungan dan sosial", "mutu"], "id") == (
        "inovasi; faktor lingkungan dan sosial; dan mutu"
    )
