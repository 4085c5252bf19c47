"""Every label that appears in a figure or table, in Indonesian and English.

The notebooks' ``bahasa`` parameter picks the language; nothing else holds
label text, so a new language is one more column here.
"""

LANGUAGES = ("id", "en")

_LABELS = {
    "tahun": ("Tahun", "Year"),
    "subsektor": ("Subsektor", "Subsector"),
    "nilai": ("Nilai ekspor (satuan tidak disebut)", "Export value (unit not stated)"),
    "nilai_log": ("Nilai ekspor (skala log)", "Export value (log scale)"),
    "pangsa": ("Pangsa dari total tahunan (%)", "Share of the yearly total (%)"),
    "pertumbuhan": ("Perubahan dari tahun sebelumnya (%)", "Change on the previous year (%)"),
    "indeks": ("Indeks ({base} = 100)", "Index ({base} = 100)"),
    "total": ("Total", "Total"),
    "cagr": ("Pertumbuhan majemuk tahunan (%)", "Compound annual growth (%)"),
    "peringkat": ("Peringkat", "Rank"),
    "kendala": ("Kendala / hambatan", "Constraint / barrier"),
    "upaya": ("Upaya / kebijakan", "Effort / policy"),
    "temuan": ("Temuan", "Finding"),
    "sumber": ("Sumber bukti", "Source of evidence"),
    "didukung": ("didukung", "supported"),
    "status": ("Status", "Status"),
    "jumlah": ("Jumlah pernyataan", "Number of statements"),
    "jumlah_sumber": ("Jumlah sumber", "Number of sources"),
    "peristiwa": ("Peristiwa", "Event"),
    "dari_makalah": ("dari makalah", "from the paper"),
    "dari_konteks": ("konteks publik", "public context"),
    "koreksi": ("dikoreksi (errata)", "corrected (errata)"),
    "tercetak": ("Tercetak", "Printed"),
    "dipakai": ("Dipakai", "Used"),
    "jenis": ("Jenis", "Kind"),
    "nilai_tabel": ("Nilai", "Value"),
    "pers": ("dilaporkan pers", "press-reported"),
    "dikuatkan": ("dikuatkan", "confirmed"),
    "tak_dapat": ("tidak dapat diperiksa", "cannot be checked"),
    "dibantah": ("dibantah", "contradicted or in tension"),
    "tabel": ("Tabel 1.1", "Table 1.1"),
    "tabel_ribu": ("Tabel 1.1, dibaca sebagai ribu US$", "Table 1.1, read as thousand US$"),
    "juta_usd": ("Juta US$", "Million US$"),
    "judul_total": ("Total ekspor ekonomi kreatif per tahun", "Creative-economy exports per year"),
    "judul_pangsa": ("Pangsa subsektor, {tahun}", "Subsector shares, {tahun}"),
}

# Actor kinds and statuses shown in legends.
_TERMS = {
    "pemerintah_kota": ("pemerintah kota", "city government"),
    "pemerintah_negara_bagian": ("pemerintah negara bagian", "state government"),
    "pemerintah_pusat": ("pemerintah pusat", "central government"),
    "dinas": ("dinas daerah", "city agency"),
    "perusahaan": ("perusahaan", "firm"),
    "toko": ("toko", "shop"),
    "asosiasi": ("asosiasi", "association"),
    "tokoh": ("tokoh", "person"),
}


def label(key: str, lang: str = "id", **fmt) -> str:
    """The label ``key`` in ``lang``; ``fmt`` fills placeholders such as ``{base}``."""
    if lang not in LANGUAGES:
        raise ValueError(f"bahasa must be one of {', '.join(LANGUAGES)}, got '{lang}'")
    table = _LABELS if key in _LABELS else _TERMS
    text = table[key][LANGUAGES.index(lang)]
    return text.format(**fmt) if fmt else text


def term(key: str, lang: str = "id") -> str:
    """A coded term (actor kind, status) in ``lang``; unknown terms pass through with underscores as spaces."""
    if key in _TERMS or key in _LABELS:
        return label(key, lang)
    return key.replace("_", " ")
