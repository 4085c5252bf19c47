"""How much of Tabel 1.1's analysis the main reading path may hold: no more than the paper's own use of the table.

The paper uses its table for one background sentence (craft fell every year, by 13.59%). On the main reading path
(chapters 1 to 6) an output may derive from the table's numbers only if it reproduces that use: the table as printed,
its erratum, the figure the sentence rests on, the sentence checked, and the audit and sensitivity rows of those
statements wherever they are gathered or weighed. Everything else computed from the table (values after correction
with totals, yearly change, compound growth, shares, an index, data quality) belongs to the appendix chapter.
``tests/test_chapter_weight.py`` runs every chapter on altered copies of the table and fails when an output outside
this set changes with the numbers.
"""

APPENDIX = "07_tabel_rinci"

# The statements whose checks read the table: the paper's one sentence on it (k03, k04, k05).
TABLE_STATEMENTS = ("k03", "k04", "k05")

_STATUSES = {f"st_{cid}": "the status of a statement of the paper's sentence" for cid in TABLE_STATEMENTS}

ALLOWED: dict[str, dict[str, str]] = {
    "01_pendahuluan": {
        "tbl_tercetak": "the table as printed",
        "tbl_errata": "the erratum",
        "gbr_nilai": "the figure the paper's sentence rests on (its values by subsector and year)",
        "tbl_cek_turun": "the paper's sentence checked: craft every year (k03)",
        "tbl_cek_periode": "the paper's sentence checked: the period (k04)",
        "tbl_cek_persen": "the paper's sentence checked: the 13.59% figure (k05)",
        **{
            f"{cid}_{part}": "the rule and basis of a check of the sentence"
            for cid in TABLE_STATEMENTS
            for part in ("aturan", "bukti")
        },
        "k03_kepekaan": "the other readings of k03, as the sensitivity table gives them",
        "n_cocok": "the 13.59% check: how many computations match",
        "n_cocok_longgar": "the 13.59% check: how many match under the looser tolerance",
        "terdekat": "the 13.59% check: the nearest computation",
        "terdekat_nilai": "the 13.59% check: its value",
        "terdekat_selisih": "the 13.59% check: its distance",
        "tahun_tanpa_data": "the years of the period the table lacks (k04)",
        "periode_tabel": "the table's period (k04)",
        **_STATUSES,
    },
    "05_audit": {
        "tbl_audit": "the audit table, which includes k03-k05",
        "gbr_audit": "the status grid (Figure 5.1), which includes k03-k05",
        "tbl_kepekaan": "the sensitivity table, which includes the readings of k03-k05",
        "tbl_transkripsi": "the transcription check of the table's cells",
        "n_transkripsi_cocok": "how many transcription checks match",
        "ringkas": "the audit's tally, which includes k03-k05",
        "id_bertentangan": "which statements the paper's own text or table contradicts",
        "n_berubah": "how many other readings change a status, k03-k05's included",
        "daftar_berubah": "which other readings change a status (variants)",
        **{
            f"n_{status}": "a count in the audit's tally"
            for status in (
                "sesuai",
                "bertentangan",
                "tidak_didukung",
                "sejalan",
                "tidak_sejalan",
                "tidak_dilaporkan",
                "tidak_dapat",
            )
        },
        **_STATUSES,
    },
    "06_penutup": {
        "k03_naik": "the years craft rose, which the closing chapter weighs against the paper's sentence",
        **_STATUSES,
    },
}
MAIN_PATH = ("01_pendahuluan", "02_teori", "03_metode", "04_hasil", "05_audit", "06_penutup")


def allowed(notebook: str) -> set[str]:
    """The outputs of a main-path chapter that may derive from the table's numbers."""
    return set(ALLOWED.get(notebook, {}))
