"""The claims audit: statuses with their rules, every check's facts, thresholds and their sensitivity,
our transcription checks, and the quality of Tabel 1.1 (issue 12)."""

import re

import pytest

from ekraf_repro import audit, coded, labels, loader, notes, quality, sensitivity, show, tablechecks, transcription

EXPECTED = {
    "k03": "bertentangan",
    "k04": "bertentangan",  # issue 20: on k03's basis, the rise in 2021 refutes it whatever 2023 did
    "k05": "tidak_dapat",
    "k06": "tidak_dapat",
    "k08": "tidak_dapat",
    "k09": "sejalan",
    "k10": "tidak_dapat",
    "k11": "tidak_dapat",
    "k12": "tidak_dapat",
    "k15": "sesuai",
    "k18": "sejalan",  # E3 review B1: Little Bandung (2016-2017) is a public record of joint action
    "k19": "sejalan",  # E3 review S2: judged at the signing of the MoU (2015), when Permendagri 3/2008 applied
    "k20": "sejalan",
    "k21": "tidak_dapat",
    "k22": "tidak_dapat",
    "k23": "tidak_dapat",
    "k26": "tidak_dilaporkan",  # issue 20: the paper's silence on its own method, not our limit
    "k27": "tidak_dilaporkan",
    "k28": "tidak_dapat",
    "k29": "sejalan",
    "k30": "sejalan",
    "k31": "sejalan",
    "k33": "tidak_sejalan",
    "k34": "tidak_dapat",  # E3 review S1: who issues an SKA does not say who gave the advice
}


@pytest.fixture(scope="module")
def df():
    return loader.load()


@pytest.fixture(scope="module")
def a(df):
    return audit.Audit(df)


# --------------------------------------------------------------------------- statuses and rules


def test_seven_statuses_in_three_groups_each_defined_in_both_languages():
    s = audit.statuses()
    assert list(s["status"]) == [
        "sesuai",
        "bertentangan",
        "tidak_didukung",
        "sejalan",
        "tidak_sejalan",
        "tidak_dilaporkan",
        "tidak_dapat",
    ]
    assert audit.groups() == {
        "makalah": ("sesuai", "bertentangan", "tidak_didukung"),
        "luar": ("sejalan", "tidak_sejalan"),
        "terbuka": ("tidak_dilaporkan", "tidak_dapat"),
    }
    for col in ("nama", "nama_en", "arti", "arti_en", "aturan", "aturan_en"):
        assert (s[col].str.len() > 10).all(), col
    assert audit.status_name("tidak_sejalan", "id") == "tidak sejalan dengan sumber luar"
    assert "not a refutation" in s.set_index("status").loc["tidak_sejalan", "arti_en"]
    # two kinds of silence: what the paper does not report, and what we could not check (our limit, not its fault)
    assert audit.status_name("tidak_dilaporkan", "en") == "not reported in the paper"
    assert audit.status_name("tidak_dapat", "id") == "tidak dapat kami periksa"
    assert "not a fault of the paper" in s.set_index("status").loc["tidak_dapat", "arti_en"]


def test_only_the_papers_own_statements_are_audited():
    ids = set(coded.table("klaim")["id"])
    assert ids == set(EXPECTED)
    # transcription and consistency checks, data-quality observations, how a work is cited and slips of the pen
    # are not claims
    moved = coded.table("nomor_lama")
    assert list(moved["nomor"]) == ["k01", "k02", "k13", "k07", "k14", "k16", "k17", "k24", "k25", "k32"]
    assert moved.set_index("nomor").loc["k32", "rujukan"] == "c13"  # E3 review B2: B.3 is theory, a reading note
    assert not ids & set(moved["nomor"])
    # every number of the first edition (k01-k26) is either audited or said to have moved, exactly once
    first_edition = {f"k{n:02d}" for n in range(1, 27)}
    assert first_edition <= ids | set(moved["nomor"]) and len(ids | set(moved["nomor"])) == len(ids) + len(moved)
    assert set(coded.table("transkripsi")["pemeriksa"]) == {
        "sel_tabel",
        "periode_keterangan",
        "jumlah_kendala",
        "jumlah_upaya",
        "hari_wawancara",
    }


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_status(a, claim_id):
    assert a.status(claim_id) == EXPECTED[claim_id]


@pytest.mark.parametrize("lang", labels.LANGUAGES)
def test_every_statement_has_its_rule_and_a_filled_evidence_sentence(a, lang):
    rows = a.rows(lang)
    assert len(rows) == len(EXPECTED)
    for r in rows.itertuples():
        assert len(r.aturan) > 40 and len(r.klaim) > 20, r.id
        assert "{" not in r.bukti and "}" not in r.bukti and len(r.bukti) > 30, (r.id, r.bukti)
        assert not labels.looks_like_code(r.bukti), (r.id, r.bukti)
        assert r.status == audit.status_name(EXPECTED[r.id], lang)


def test_the_audit_runs_each_check_once(df, monkeypatch):
    calls = []
    original = audit.CHECKS["turun_tiap_tahun"]
    monkeypatch.setitem(audit.CHECKS, "turun_tiap_tahun", lambda d, c: calls.append(1) or original(d, c))
    once = audit.Audit(df)
    once.rows("id"), once.rows("en"), once.counts(), once.status("k03")
    assert calls == [1]


# --------------------------------------------------------------------------- the facts behind each status


def test_decline_every_year(a):
    assert a.result("k03").facts["naik"] == [2019, 2021] and a.result("k03").facts["turun"] == [2020, 2022]


def test_period_and_percentage(a):
    # on k03's basis: the rise in 2021 lies inside 2019-2023 and refutes "every year", whatever 2023 did
    f = a.result("k04").facts
    assert f["hilang"] == [2023] and f["naik_periode"] == [2021] and a.status("k04") == "bertentangan"
    assert "2021" in a.evidence("k04", "id") and "(catatan" not in a.evidence("k04", "id")
    assert a.result("k03").facts["naik_periode"] == [2021]
    f = a.result("k05").facts
    assert f["n_dicoba"] == 237 and f["n_cocok"] == 0 and f["toleransi"] == 0.005
    assert (f["terdekat_baris"], f["terdekat_perhitungan"]) == ("Kuliner", "rata_rata")
    assert round(f["terdekat_nilai"], 2) == 13.78


def test_a_missing_year_leaves_the_period_open_only_when_no_held_year_rises(df):
    """k04 is contradicted by a rise in a year the table holds, and only a table without such a rise leaves the
    missing year open."""
    claim = coded.claim("k04")
    falling = df.copy()
    falling.loc[falling["subsektor"] == "Kriya", "nilai"] = [5.0, 4.0, 3.0, 2.0, 1.0]
    falling.attrs = dict(df.attrs)
    result = audit.periode_teks(falling, claim)
    assert result.status == "tidak_dapat" and result.facts["hilang"] == [2023] and result.facts["naik_periode"] == []
    rising_2019_only = falling.copy()
    rising_2019_only.loc[rising_2019_only["subsektor"] == "Kriya", "nilai"] = [4.0, 5.0, 3.0, 2.0, 1.0]
    # a rise into 2019 is not inside the period "2019-2023" however its start is read
    assert audit.periode_teks(rising_2019_only, claim).status == "tidak_dapat"


def test_present_day_description_under_a_source_from_2000(df, a):
    f = a.result("k10").facts
    assert (f["sumber"], f["kini"], f["selisih"], f["berdiri"], f["tercapai"]) == (2000, 2023, 23, 1995, 2020)
    # read where it stands, the citation covers one sentence; read as covering the passage, it cannot support it
    assert audit.rujukan_kini(df, coded.claim("k10"), scope="paparan").status == "tidak_didukung"
    with pytest.raises(ValueError, match="scope must be one of kalimat, paparan"):
        audit.rujukan_kini(df, coded.claim("k10"), scope="semua")


def test_the_last_five_years_and_a_citation_from_2009(df, a):
    """k08 gets the same wider-citation reading that k10 has: a 2009 source cannot describe 2018-2023."""
    f = a.result("k08").facts
    assert (f["sumber"], f["awal"], f["kini"], f["selisih"]) == (2009, 2018, 2023, 9)
    assert a.status("k08") == "tidak_dapat"
    assert audit.rujukan_tetangga(df, coded.claim("k08"), scope="paparan").status == "tidak_didukung"


def test_almost_five_years_is_not_judged_against_the_mou(a):
    f = a.result("k12").facts
    assert round(f["dari_mou"], 1) == 7.8 and f["batas"] == "2018-09-16"
    # no source links the firm to the Little Bandung shop, so its opening and closing are not offered as starts
    starts = audit.start_points()
    assert list(starts["id"]) == ["c_mou", "batas_lima_tahun"]
    assert [round(v, 1) for v in starts["tahun_berlalu"]] == [7.8, 5.0]
    assert list(starts["tanggal"]) == ["2015-11-27", "2018-09-16"]


def test_method_statements(a):
    f = a.result("k15").facts
    assert f["n_wawancara"] == 1 and f["tanggal"] == "2023-09-16" and f["n_dokumen"] == 9
    assert "menurut pengodean kami" in a.evidence("k15", "id") and "by our coding" in a.evidence("k15", "en")
    assert "triangulasi" in coded.claim("k15")["parafrase"]  # the paraphrase keeps what the abstract lists


def test_joint_policies_are_tested_on_what_the_paper_asserts(a):
    """k18: implementation and joint action. Little Bandung (Republika and Merdeka, 2018) records the two cities
    promoting Bandung products in Petaling Jaya together; PRFM (2020) is one city's programme and counts for Bandung
    only, by the rule written beside the statement."""
    f = a.result("k18").facts
    assert (f["n_bersama"], f["n_satu_kota"], f["kebijakan_bersama"]) == (1, 1, ["u3"])
    assert a.status("k18") == "sejalan"
    text = a.evidence("k18", "id")
    assert "85 pelaku UKM" in text and "September 2020" in text and "bukan bukti pelaksanaan bersama" in text
    assert "Republika.co.id (2018)" in text and "4 November 2016" in text and "Desember 2017" in text
    assert "December 2017" in a.evidence("k18", "en") and "k34, part of this statement" in a.evidence("k18", "en")
    assert "our coding" not in a.rule("k18", "en") and "one city alone" in a.rule("k18", "en")
    # without the joint record it would fall back to "we could not check it", and k34 never leans on Little Bandung
    records = coded.table("pelaksanaan")
    records = records[records["pelaksana"] != "keduanya"].reset_index(drop=True)
    real = coded.table
    try:
        coded.table = lambda name: records if name == "pelaksanaan" else real(name)
        assert audit.kebijakan_dijalankan(None, coded.claim("k18")).status == "tidak_dapat"
    finally:
        coded.table = real
    assert a.status("k34") == "tidak_dapat" and a.result("k34").facts["dalam_negeri"]
    assert "Part of k18" in a.rule("k34", "en") and "Kantor Wilayah Kementerian Hukum" in a.evidence("k34", "id")


def test_outside_sources(a):
    assert a.result("k19").facts["diundangkan"] == "2020-05-22" and a.result("k19").facts["selisih"] == 3
    assert a.result("k19").facts["mou"] == "2015-11-27" and "27 November 2015" in a.evidence("k19", "id")
    assert audit.regulation_in_force(2015) and not audit.regulation_in_force(2023)
    # k21: the 2022 visit of Petaling Jaya's deputy mayor is offered as our inference, not counted as evidence
    assert a.status("k21") == "tidak_dapat" and "8 Agustus 2022" in a.evidence("k21", "id")
    assert "Our inference" in a.evidence("k21", "en") and "WikiMili" in a.evidence("k33", "id")
    assert a.result("k20").facts["n"] == 6 and a.result("k20").facts["n_negara"] == 6
    assert a.result("k20").facts["tambahan"] == {"id": "Liuzhou (Tiongkok)", "en": "Liuzhou (China)"}
    assert "Fort Worth Sister Cities International" in a.evidence("k20", "id")  # an institutional source too
    # the quotation of the KBBI matches the press quotation word for word (one comma aside)
    assert (a.result("k29").facts["n_kata"], a.result("k29").facts["n_beda"]) == (16, 0)
    assert (a.result("k30").facts["n"], a.result("k30").facts["n_ada"]) == (4, 4)
    assert a.result("k31").facts["tanggal"] == "2015-12-11" and a.result("k31").facts["bidang"]["en"] == "design"
    # B.3 against the legal frame is a reading note now (c13), with the rules counted by code
    assert "k32" not in a.results
    c13 = notes.rows("id").set_index("id").loc["c13 (B.3, D1.3)"]
    assert "tiga dari empat peraturan Indonesia yang berlaku pada 2023" in c13["catatan"]
    assert c13["jenis"] == "ketegangan antara teori dan hukum"
    assert a.result("k33").facts["kepala"] == "Menteri Besar" and a.result("k33").facts["n_gubernur"] == 4
    assert a.result("k34").facts["n"] == 2 and "DJKI" in a.evidence("k34", "en")


def test_a_quotation_that_differs_is_at_odds():
    assert audit.differing_words("kegiatan atau usaha", "Kegiatan, atau usaha!") == 0
    assert audit.differing_words("kegiatan atau usaha bersama", "kegiatan dan usaha bersama") == 1
    assert audit.differing_words("usaha bersama", "usaha bersama untuk tujuan") == 2


def test_legal_frame_at_the_time_of_the_mou():
    """At the signing of the MoU (2015) the rules in force were UU 37/1999, UU 23/2014 and Permendagri 3/2008."""
    in_force = audit.rules_in_force(2015)
    assert list(in_force["id"]) == ["uu37_1999", "uu23_2014", "permendagri3_2008"]
    assert audit.central_involvement(2015).facts["n_wajib"] == 2
    assert audit.central_involvement(1998).status == "sejalan"  # no rule read requires it before UU 37/1999


def test_triangulation_counts_independent_sources(a):
    f = a.result("k26").facts
    assert (f["multi"], f["n"], f["multi_semua"]) == (1, 14, 2)


@pytest.mark.parametrize("lang", labels.LANGUAGES)
def test_reading_notes_are_recorded_without_a_status(lang):
    rows = notes.rows(lang)
    assert list(rows["id"].str.split(" ").str[0]) == [f"c{n}" for n in range(1, 14)]
    assert "status" not in rows.columns
    first = rows.iloc[0]["tertulis"]
    quoted = ("\u201cKriya Nusantara & Golya\u201d", "\u201cKriya dan Golya\u201d", "\u201cKriya dan Gloya\u201d")
    assert all(q in first for q in quoted) and ("tiga cara" if lang == "id" else "three ways") in first
    for r in rows.itertuples():
        assert "{" not in r.tertulis + r.catatan and not labels.looks_like_code(r.catatan), r.id
    # the notes issue 20 asked for: the office, the inverted conditional, triangulation, the period mismatch
    by_id = dict(zip(rows["id"].str.split(" ").str[0], rows["tertulis"]))
    assert "Selangor" in by_id["c10"] and "2018" in by_id["c12"] and "2023" in by_id["c12"]


def test_first_edition_numbers_are_accounted_for():
    assert audit.moved("id") == (
        "k01, k02, k13, k16, dan k17 ke pemeriksaan transkripsi dan konsistensi; k07 ke catatan daftar pustaka; "
        "k14 dan k32 ke catatan bacaan; k24 dan k25 ke subbab mutu data di lampiran"
    )


# --------------------------------------------------------------------------- statuses follow the data and the rules


def test_statuses_follow_the_data(df):
    claim = coded.claim("k03")
    rising = df.copy()
    rising.loc[rising["subsektor"] == "Kriya", "nilai"] = [1.0, 2.0, 3.0, 4.0, 5.0]
    rising.attrs = dict(df.attrs)
    assert audit.turun_tiap_tahun(rising, claim).status == "bertentangan"
    falling = rising.copy()
    falling.loc[falling["subsektor"] == "Kriya", "nilai"] = [5.0, 4.0, 3.0, 2.0, 1.0]
    assert audit.turun_tiap_tahun(falling, claim).status == "sesuai"


def test_weekday_check_can_fail(df, monkeypatch):
    """The interview's weekday (formerly k13) is a consistency check: it counts on neither side, but it can fail."""
    t = transcription.checks(df).set_index("pemeriksa")
    assert t.loc["hari_wawancara", "ditemukan"] == "Sabtu" and t.loc["hari_wawancara", "cocok"]
    real = coded.table
    monkeypatch.setattr(
        coded,
        "table",
        lambda name: real(name).replace({"diharapkan": {"Sabtu": "Jumat"}}) if name == "transkripsi" else real(name),
    )
    assert not transcription.checks(df).set_index("pemeriksa").loc["hari_wawancara", "cocok"]


def test_regulation_reference_time():
    assert not audit.regulation_in_force(2023) and audit.regulation_in_force(2015)


def test_thresholds_come_from_one_file():
    assert audit.threshold("toleransi_persen") == 0.005 and audit.alternatives("toleransi_persen") == [0.05, 0.5]
    assert audit.threshold("pita_besaran") == (0.8, 1.25)
    assert audit.threshold("toleransi_pangsa") == 5.0


def test_sensitivity_table_shows_which_alternatives_change_a_result(df, a):
    for lang in labels.LANGUAGES:
        rows = sensitivity.rows(df, a, lang)
        assert len(rows) == 20
        claims = sensitivity.claims_only(rows)
        assert len(claims) == 18 and len(sensitivity.quality_only(rows)) == 2
        changed = claims.loc[claims["berubah"], "pernyataan"].tolist()
        # readings that would change a verdict in either direction: against the paper (k08, k10, k15 ...) and for
        # it (k03, k04, k05, k18 ...)
        assert changed == [
            "k03", "k04", "k05", "k08", "k10", "k15", "k18", "k19", "k29", "k30", "k30", "k34",
        ], changed  # fmt: skip
    rows = sensitivity.rows(df, a, "id")
    by = dict(zip(rows["alternatif"], rows["berubah"]))
    assert by["hanya tahun terakhir dibanding tahun pertama"] and not by["total semua subsektor"]
    assert rows.loc[rows["pernyataan"] == "k19", "berubah"].item()
    assert by["seluruh paparan, termasuk kalimat tentang masa kini"]
    k10 = rows[rows["pernyataan"] == "k10"].iloc[0]
    assert (k10["hasil_dipakai"], k10["hasil_alternatif"]) == ("tidak dapat kami periksa", "tidak didukung rujukannya")
    k08 = rows[rows["pernyataan"] == "k08"].iloc[0]
    assert (k08["hasil_dipakai"], k08["hasil_alternatif"]) == ("tidak dapat kami periksa", "tidak didukung rujukannya")
    k04 = rows[rows["pernyataan"] == "k04"].iloc[0]
    assert (k04["hasil_dipakai"], k04["hasil_alternatif"]) == (
        "bertentangan dengan makalah sendiri",
        "tidak dapat kami periksa",
    )
    k15 = rows[rows["pernyataan"] == "k15"].iloc[0]
    assert k15["hasil_alternatif"] == "tidak dilaporkan makalah"
    assert "k32" not in set(rows["pernyataan"])
    k18 = rows[rows["pernyataan"] == "k18"]
    assert not k18.iloc[0]["berubah"]  # a one-city source can only add to what the joint record already shows
    assert (k18.iloc[1]["hasil_dipakai"], k18.iloc[1]["hasil_alternatif"]) == (
        "sejalan dengan sumber luar",
        "tidak dapat kami periksa",
    )
    k19 = rows[rows["pernyataan"] == "k19"].iloc[0]
    assert (k19["hasil_dipakai"], k19["hasil_alternatif"]) == (
        "sejalan dengan sumber luar",
        "tidak sejalan dengan sumber luar",
    )
    k34 = rows[rows["pernyataan"] == "k34"].iloc[0]
    assert (k34["hasil_dipakai"], k34["hasil_alternatif"]) == (
        "tidak dapat kami periksa",
        "tidak sejalan dengan sumber luar",
    )
    assert (
        rows.loc[rows["pernyataan"] == "k05", "hasil_alternatif"]
        .tolist()[1]
        .startswith("sesuai dengan makalah sendiri (enam")
    )


def test_matches_within_a_looser_tolerance(df):
    assert tablechecks.matches_within(df, 13.59, 0.005) == 0
    assert tablechecks.matches_within(df, 13.59, 0.05) == 0
    assert tablechecks.matches_within(df, 13.59, 0.5) == 6


# --------------------------------------------------------------------------- transcription and data quality


def test_transcription_checks_all_match(df):
    t = transcription.checks(df)
    assert list(t["ditemukan"]) == ["25", "2018-2022", "4", "3+2", "Sabtu"] and t["cocok"].all()


def test_transcription_check_fails_when_the_coding_is_wrong(df, monkeypatch):
    real = coded.table
    monkeypatch.setattr(coded, "table", lambda name: real(name).iloc[:3] if name == "kendala" else real(name))
    assert not transcription.checks(df).set_index("pemeriksa").loc["jumlah_kendala", "cocok"]


def test_press_comparisons(df):
    shares = quality.press_shares(df)
    assert round(shares["selisih_poin"].abs().max(), 1) == 3.3 and shares["dekat"].all()
    assert not quality.press_shares(df, 2.5)["dekat"].all()
    totals = quality.press_totals(df)
    assert list(totals["tahun"]) == [2018] and round(totals["rasio"].iloc[0], 2) == 0.47 and not totals["setara"].any()
    direction = quality.press_direction(df)
    assert direction["tahun"] == 2020 and round(direction["tabel"], 2) == 28.66 and not direction["searah"]
    assert round(quality.press_share_moves(), 2) == 2.27


def test_the_malformed_cell_under_two_readings(df):
    r = quality.cell_readings(df)
    assert (r["subsektor"], r["tahun"], r["kami"]) == ("Fashion", 2020, 8872098.7)
    assert round(r["tetangga"], 2) == 5043078.05
    ours, theirs = r["temuan_kami"], r["temuan_tetangga"]
    assert round(ours["total_perubahan"], 2) == 28.66 and round(theirs["total_perubahan"], 2) == -7.89
    assert ours["arah_pers"] is False and theirs["arah_pers"] is True  # the 2020 sign conflict follows the cell
    assert ours["cagr_total"] == theirs["cagr_total"] and ours["terbesar"] == theirs["terbesar"] == "Fashion"


def test_no_cell_readings_without_an_erratum(df):
    clean = df.copy()
    clean.attrs = {**df.attrs, "koreksi": [], "koreksi_sel": []}
    assert quality.cell_readings(clean) is None


def test_sentences_fill_from_facts_in_both_languages():
    facts = {"n": 3, "xs": [2019, 2021], "d": "2017-12", "w": {"id": "Sabtu", "en": "Saturday"}, "p": -12.93}
    assert (
        show.fill("{n:w} tahun: {xs}, {d:date}, {w}, {p:spct}", facts, "id")
        == "tiga tahun: 2019 dan 2021, Desember 2017, Sabtu, −12,93%"
    )
    assert (
        show.fill("{n:w} years: {xs}, {d:date}, {w}, {p:spct}", facts, "en")
        == "three years: 2019 and 2021, December 2017, Saturday, −12.93%"
    )
    assert re.search(r"\{", show.fill("{{literal}}", {}, "id"))
