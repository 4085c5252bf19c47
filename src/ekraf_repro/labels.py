"""Every word the code shows a reader: axis labels, table headers, coded terms, yes/no, subsector names.

The notebooks' ``bahasa`` parameter picks the language. Nothing else in the
package holds text that a reader sees beside a number, so a language is one
more column here, and a test checks that every entry has every language.
Keys are code (``perubahan_pct``); values are what a reader reads ("Perubahan (%)").
"""

import re

LANGUAGES = ("id", "en")

# Axis labels, legend titles, table headers and short words, keyed as the code names them.
_LABELS = {
    # the table and its computations
    "tahun": ("Tahun", "Year"),
    "subsektor": ("Subsektor", "Subsector"),
    "nilai": ("Nilai ekspor (satuan tidak disebut)", "Export value (unit not stated)"),
    "nilai_log": ("Nilai ekspor (skala log)", "Export value (log scale)"),
    "nilai_tabel": ("Nilai", "Value"),
    "nilai_sebelumnya": ("Nilai tahun sebelumnya", "Value in the previous year"),
    "pangsa": ("Pangsa dari total tahunan (%)", "Share of the yearly total (%)"),
    "pangsa_pct": ("Pangsa (%)", "Share (%)"),
    "pertumbuhan": ("Perubahan dari tahun sebelumnya (%)", "Change on the previous year (%)"),
    "perubahan_pct": ("Perubahan (%)", "Change (%)"),
    "arah": ("Arah", "Direction"),
    "indeks": ("Indeks ({base} = 100)", "Index ({base} = 100)"),
    "indeks_kolom": ("Indeks", "Index"),
    "total": ("Total", "Total"),
    "cagr": ("Pertumbuhan majemuk tahunan (%)", "Compound annual growth (%)"),
    "peringkat": ("Peringkat", "Rank"),
    "di_tabel": ("Ada di tabel", "In the table"),
    "di_teks": ("Disebut teks", "Named in the text"),
    "baris": ("Baris", "Row"),
    "perhitungan": ("Perhitungan", "Computation"),
    "periode": ("Periode", "Period"),
    "nilai_pct": ("Hasil (%)", "Result (%)"),
    "selisih": ("Selisih dari angka makalah (poin)", "Distance from the paper's figure (points)"),
    "tercetak": ("Tercetak", "Printed"),
    "dipakai": ("Dipakai", "Used"),
    "kolom_errata": ("Isian erata", "Errata field"),
    "koreksi_ke": ("Koreksi {n}", "Correction {n}"),
    "berkas": ("Berkas", "File"),
    "kolom": ("Kolom", "Column"),
    "alasan": ("Alasan", "Reason"),
    "turun": ("turun", "fell"),
    "naik": ("naik", "rose"),
    "tetap": ("tetap", "unchanged"),
    # coded data
    "nama": ("Nama", "Name"),
    "jenis": ("Jenis", "Kind"),
    "tingkat": ("Tingkat", "Level"),
    "negara": ("Negara", "Country"),
    "bagian": ("Bagian makalah", "Section of the paper"),
    "bagian_kode": ("Bagian tempat dikodekan", "Section where coded"),
    "paragraf": ("Paragraf", "Paragraph"),
    "atribut": ("Atribut", "Attribute"),
    "satuan": ("Satuan", "Unit"),
    "keterangan": ("Keterangan", "Note"),
    "dari": ("Dari", "From"),
    "ke": ("Ke", "To"),
    "hubungan": ("Hubungan", "Relation"),
    "no": ("No.", "No."),
    "prinsip": ("Prinsip", "Principle"),
    "peraturan_kolom": ("Peraturan", "Rule"),
    "mulai_berlaku": ("Berlaku sejak", "In force from"),
    "dicabut_kolom": ("Dicabut", "Revoked"),
    "ketentuan_kolom": ("Ketentuan yang relevan (menurut pembacaan kami)", "What is relevant (by our reading)"),
    "nomor_lama": ("Nomor lama", "Old number"),
    "label_kolom": ("Label", "Label"),
    "tempat_kini": ("Tempatnya sekarang", "Where it is now"),
    "nomor_dihapus": ("dihapus; isinya ada di {ganti}", "dropped; its content is in {ganti}"),
    "komponen": ("Komponen", "Component"),
    "abstrak": ("Abstrak", "Abstract"),
    "bagian_c": ("Bagian C", "Section C"),
    "sumber": ("Sumber bukti", "Source of evidence"),
    "sumber_asal": ("Asal sumber", "Origin of the source"),
    "tanggal": ("Tanggal", "Date"),
    "temuan": ("Temuan", "Finding"),
    "jumlah_sumber": ("Jumlah sumber", "Number of sources"),
    "sumber_independen": ("Sumber independen", "Independent sources"),
    "semua_sebutan": ("Semua sumber yang disebut", "All sources named"),
    "kendala": ("Kendala / hambatan", "Constraint / barrier"),
    "kendala_saja": ("Kendala", "Constraint"),
    "ringkasan": ("Ringkasan", "Summary"),
    "upaya": ("Upaya / kebijakan", "Effort / policy"),
    "hambatan_saja": ("Hambatan", "Barrier"),
    "tanpa_rujukan": ("tanpa rujukan", "no citation"),
    "kelompok": ("Kelompok", "Group"),
    "upaya_id": ("Upaya", "Effort"),
    "target_id": ("Kendala atau hambatan", "Constraint or barrier"),
    "peristiwa": ("Peristiwa", "Event"),
    "dari_makalah": ("dari makalah", "from the paper"),
    "dari_konteks": ("sumber publik", "public source"),
    "jumlah": ("Jumlah pernyataan", "Number of statements"),
    "jumlah_kali": ("Jumlah", "Count"),
    # the audit
    "id": ("No.", "No."),
    "klaim": ("Pernyataan makalah (parafrase kami)", "The paper's statement (our paraphrase)"),
    "status": ("Status", "Status"),
    "arti": ("Arti", "Meaning"),
    "aturan": ("Aturan", "Rule"),
    "bukti": ("Dasar status", "What the status rests on"),
    "dasar": ("Dasar", "Basis"),
    "aturan_bukti": ("Aturan dan dasar status", "Rule and basis of the status"),
    "diuji": ("Yang diuji: dipakai \u2192 alternatif", "What is varied: used \u2192 alternative"),
    "pemeriksaan": ("Pemeriksaan", "Check"),
    "diharapkan": ("Yang diharapkan", "Expected"),
    "ditemukan": ("Yang ditemukan", "Found"),
    "cocok": ("Cocok", "Matches"),
    "pernyataan": ("Pernyataan", "Statement"),
    "ambang": ("Ambang atau pembacaan", "Threshold or reading"),
    "dipakai_buku": ("Yang dipakai buku ini", "Used in this book"),
    "alternatif": ("Alternatif", "Alternative"),
    "hasil_dipakai": ("Hasil dengan yang dipakai", "Result as used"),
    "hasil_alternatif": ("Hasil dengan alternatif", "Result with the alternative"),
    "berubah": ("Status berubah", "Status changes"),
    "temuan_buku": ("Temuan", "Finding"),
    "bab": ("Bab", "Chapter"),
    "pembacaan_kami": ("Pembacaan kami", "Our reading"),
    "pembacaan_lain": ("Setara tahun sebelum dan sesudahnya", "At the level of the years before and after"),
    "mulai": ("Tanggal acuan", "Reference date"),
    "batas_lima_tahun": (
        "Awal paling awal bila kerja sama perusahaan itu belum genap lima tahun pada tanggal wawancara",
        "Earliest start if the firm's cooperation had run for less than five years by the date of the interview",
    ),
    "tahun_berlalu": ("Tahun sampai wawancara", "Years to the interview"),
    "tabel": ("Tabel 1.1", "Table 1.1"),
    "tabel_ribu": ("Tabel 1.1, dibaca sebagai ribu dolar AS", "Table 1.1, read as thousand US$"),
    "pers": ("dilaporkan pers", "reported in the press"),
    "pangsa_tabel": ("Pangsa Tabel 1.1 (%)", "Table 1.1 share (%)"),
    "pangsa_pers": ("Pangsa menurut pers (%)", "Press-reported share (%)"),
    "selisih_poin": ("Selisih (poin)", "Difference (points)"),
    "total_pers": ("Total menurut pers (juta dolar AS)", "Press-reported total (million US$)"),
    "total_tabel": (
        "Total Tabel 1.1 bila dibaca ribu dolar AS (juta dolar AS)",
        "Table 1.1 total read as thousand US$ (million US$)",
    ),
    "rasio": ("Rasio tabel terhadap pers", "Ratio of table to press"),
    "rujukan": ("Rujukan", "Reference"),
    "juta_usd": ("Juta dolar AS", "Million US$"),
    "judul_total": ("Total ekspor ekonomi kreatif per tahun", "Creative-economy exports per year"),
    "judul_pangsa": ("Pangsa subsektor, {tahun}", "Subsector shares, {tahun}"),
    "dekat": ("dekat", "close"),
    "tidak_dekat": ("tidak dekat", "not close"),
    "setara": ("sebanding", "of the same size"),
    "tidak_setara": ("tidak sebanding", "not of the same size"),
    "searah": ("searah", "in the same direction"),
    "berlawanan": ("berlawanan", "in the opposite direction"),
    "perhitungan_cocok": ("{n} perhitungan cocok", "{n} computations match"),
    "perhitungan_cocok_1": ("{n} perhitungan cocok", "{n} computation matches"),
    "perhitungan_cocok_nol": ("tidak ada perhitungan yang cocok", "no computation matches"),
    "temuan_berganda": ("{n} temuan dengan dua sumber atau lebih", "{n} findings with two or more sources"),
    "temuan_berganda_1": ("{n} temuan dengan dua sumber atau lebih", "{n} finding with two or more sources"),
    "pengamatan_pangsa": ("Mutu data: pangsa menurut pers", "Data quality: press-reported shares"),
    "pengamatan_besaran": ("Mutu data: total menurut pers", "Data quality: press-reported totals"),
    # findings that a reading of the malformed cell could move (chapter 5)
    "sel_total_perubahan": ("Perubahan total {tahun} (lampiran)", "Change in the total, {tahun} (appendix)"),
    "sel_pangsa_sel": ("Pangsa {sub} {tahun} (lampiran)", "Share of {sub}, {tahun} (appendix)"),
    "sel_perubahan_sel": ("Perubahan {sub} {tahun} (lampiran)", "Change in {sub}, {tahun} (appendix)"),
    "sel_terbesar": ("Subsektor terbesar {tahun} (lampiran)", "Largest subsector, {tahun} (appendix)"),
    "sel_dua_terbesar_min": (
        "Pangsa terendah dua subsektor terbesar (lampiran)",
        "Lowest share of the two largest subsectors (appendix)",
    ),
    "sel_cagr_total": ("Pertumbuhan majemuk total (lampiran)", "Compound growth of the total (appendix)"),
    "sel_cagr_sel": ("Pertumbuhan majemuk {sub} (lampiran)", "Compound growth of {sub} (appendix)"),
    "sel_turun_tiap_tahun": ("Status pernyataan k03 (pendahuluan)", "Status of statement k03 (introduction)"),
    "sel_persen_terdekat": (
        "Perhitungan terdekat dengan angka 13,59% (pendahuluan)",
        "Computation nearest to the 13.59% figure (introduction)",
    ),
    "sel_arah_pers": (
        "Arah perubahan total {tahun} dibanding pers (mutu data)",
        "Direction of the change in the total, {tahun}, against the press (data quality)",
    ),
    "sel_pangsa_pers_maks": (
        "Selisih pangsa terbesar dengan pers (mutu data)",
        "Largest share gap to the press (data quality)",
    ),
    "poin": ("poin", "points"),
    "hasil": ("Hasil (% atau poin)", "Result (% or points)"),
    "arah_sel": (
        "Seperti ditunjukkan di atas, selisih arah ini bergantung pada sel yang rusak.",
        "As shown above, this difference in direction depends on the malformed cell.",
    ),
    "berubah_temuan": ("Berubah", "Changes"),
    "dekat_kolom": ("Dekat", "Close"),
    "setara_kolom": ("Sebanding", "Same size"),
    # the paper's sections and the subsections of D, as the concordance names them (in our words)
    "konkordansi_abs": ("Abstrak", "Abstract"),
    "konkordansi_a": ("A. Pendahuluan", "A. Introduction"),
    "konkordansi_b": ("B. Tinjauan teoretis", "B. Theoretical review"),
    "konkordansi_c": ("C. Metode penelitian", "C. Research method"),
    "konkordansi_d1": (
        "D. Hasil dan pembahasan (1): kerja sama kedua kota",
        "D. Results and discussion (1): the cooperation of the two cities",
    ),
    "konkordansi_d2": (
        "D. Hasil dan pembahasan (2): Kriya dengan Kriya dan Golya",
        "D. Results and discussion (2): Kriya with Kriya dan Golya",
    ),
    "konkordansi_d3": ("D. Hasil dan pembahasan (3): kendala kerja sama", "D. Results and discussion (3): constraints"),
    "konkordansi_d4": (
        "D. Hasil dan pembahasan (4): upaya mengatasi kendala",
        "D. Results and discussion (4): efforts",
    ),
    "konkordansi_e": ("E. Penutup", "E. Conclusion"),
    # reading notes (chapter 5): kinds and columns
    "catatan_salah_tulis": ("salah tulis", "slip of the pen"),
    "catatan_peristilahan": ("peristilahan", "terminology"),
    "catatan_kalimat_terpotong": ("kalimat terpotong", "truncated sentence"),
    "catatan_kalimat_terbalik": ("kalimat yang maknanya terbalik", "sentence with its logic reversed"),
    "catatan_rujukan_tidak_cocok": ("rujukan yang tidak cocok", "reference that does not match"),
    "catatan_identitas": ("nama dan jabatan", "name and office"),
    "catatan_ketegangan": ("ketegangan antara teori dan hukum", "tension between theory and law"),
    "tertulis": ("Yang tertulis di makalah", "What the paper writes"),
    "catatan": ("Pembacaan kami", "Our reading"),
    # where the first edition's statement numbers went (chapter 5)
    "pindah_transkripsi": (
        "ke pemeriksaan transkripsi dan konsistensi",
        "to the transcription and consistency checks",
    ),
    "pindah_pustaka": ("ke catatan daftar pustaka", "to a bibliography note"),
    "pindah_catatan": ("ke catatan bacaan", "to the reading notes"),
    "pindah_mutu": ("ke subbab mutu data di lampiran", "to the data-quality section of the appendix"),
    # what the computed text calls the table it reads: the paper's, or a variant's
    "tabel_data_asli": ("Tabel 1.1", "Table 1.1"),
    "tabel_data_varian": ("tabel data varian ini", "this variant's data table"),
    # what Tabel 1.1 (or a variant's table) shows about the craft row, for statement k03
    "k03_tanpa_baris": (
        "{tabel_data:cap} tidak memuat baris {baris}, sehingga pernyataan ini tidak dapat diuji dengan tabel itu.",
        "{tabel_data:cap} has no {baris} row, so the statement cannot be tested on it.",
    ),
    "k03_satu_tahun": (
        "{tabel_data:cap} hanya memuat satu tahun, sehingga perubahan nilai {baris} dari tahun ke tahun tidak dapat "
        "diuji.",
        "{tabel_data:cap} contains one year only, so the change of {baris} from one year to the next cannot be tested.",
    ),
    "k03_turun_semua": (
        "Menurut {tabel_data}, {baris} turun pada setiap tahun: {turun}.",
        "By {tabel_data}, {baris} fell in every year: {turun}.",
    ),
    "k03_naik": (
        "Menurut {tabel_data}, {baris} turun pada {turun} tetapi naik pada {naik}.",
        "By {tabel_data}, {baris} fell in {turun} but rose in {naik}.",
    ),
    "k03_naik_dalam_periode": (
        "Menurut {tabel_data}, {baris} turun pada {turun} tetapi naik pada {naik}. Kenaikan {naik_periode} "
        "berada di dalam periode yang disebut makalah, bagaimanapun awal periode itu dibaca.",
        "By {tabel_data}, {baris} fell in {turun} but rose in {naik}. The rise in {naik_periode} lies within "
        "the period the paper names, however its start is read.",
    ),
    "k04_tahun_hilang": (
        "{tabel_data:cap} mencakup {tabel}, dan di tahun-tahun periode itu yang dimuatnya {baris} tidak naik; "
        "penurunan pada {hilang} tidak dapat dilihat di tabel itu. Teks makalah menyebut {periode_teks}, sedangkan "
        "keterangan Tabel 1.1 makalah menyebut {periode_keterangan}.",
        "{tabel_data:cap} covers {tabel}, and in the years of the period that it contains {baris} did not rise; a "
        "decline in {hilang} cannot be seen in it. The paper's text names {periode_teks}, while the source line of the "
        "paper's Table 1.1 names {periode_keterangan}.",
    ),
    "k04_naik_tahun_dimuat": (
        "{tabel_data:cap} mencakup {tabel}, jadi tidak memuat {hilang}. Di tahun-tahun periode {periode_teks} yang "
        "dimuatnya, {baris} naik pada {naik_periode}, dan satu kenaikan sudah membantah penurunan setiap tahun, apa "
        "pun yang terjadi pada {hilang}. Teks makalah menyebut {periode_teks}, sedangkan keterangan Tabel 1.1 makalah "
        "menyebut {periode_keterangan}.",
        "{tabel_data:cap} covers {tabel}, so it does not contain {hilang}. In the years of the period {periode_teks} "
        "that it contains, {baris} rose in {naik_periode}, and one rise already refutes a decline every year, whatever "
        "happened in {hilang}. The paper's text names {periode_teks}, while the source line of the paper's Table 1.1 "
        "names {periode_keterangan}.",
    ),
    "k04_naik_dalam_periode": (
        "{tabel_data:cap} mencakup seluruh periode {periode_teks}, dan di dalamnya {baris} naik pada {naik_periode}.",
        "{tabel_data:cap} covers the whole period {periode_teks}, and within it {baris} rose in {naik_periode}.",
    ),
    "k04_turun_dalam_periode": (
        "{tabel_data:cap} mencakup seluruh periode {periode_teks}, dan di dalamnya {baris} tidak pernah naik.",
        "{tabel_data:cap} covers the whole period {periode_teks}, and within it {baris} never rose.",
    ),
    # statement k18: a public record of joint action, and of one city's programme, weighed by the rule beside it
    "k18_bersama": (
        "{fakta}. Menurut aturan di atas, sumber itu menjadi bukti bahwa kedua kota bersama menjalankan satu kebijakan "
        "dalam daftar makalah, yaitu promosi produk Bandung di Malaysia; sumber yang sama mencatat bahwa toko itu "
        "sudah ditutup jauh sebelum makalah ditulis.",
        "{fakta}. By the rule above, this source is evidence that the two cities together carried out one policy on "
        "the paper's list, the promotion of Bandung products in Malaysia; the same sources record that the shop "
        "had closed well before the paper was written.",
    ),
    "k18_satu_kota": (
        "{fakta}. Menurut aturan di atas, sumber itu menjadi bukti bahwa {kota} menjalankan kebijakan serupa, bukan "
        "bukti pelaksanaan bersama.",
        "{fakta}. By the rule above, this source is evidence that {kota} carries out a similar policy, not evidence "
        "of joint action.",
    ),
    # statement k34: who handles each procedure of the first joint policy
    "prosedur_oleh": ("{prosedur} diurus lewat {lembaga}", "{prosedur} is handled by {lembaga}"),
    # statement k29: how many words of a quotation differ from the source
    "kata_sama": ("tidak ada yang berbeda dari", "none differs from"),
    "kata_beda": ("{n} berbeda dari", "{n} differ from"),
    "kata_beda_1": ("{n} berbeda dari", "{n} differs from"),
    # chapter 5: the comparisons with the press, weighed together (only those the data's years allow)
    "timbang_pangsa": (
        "pangsa subsektornya {hasil} dengan pangsa menurut pers",
        "its subsector shares are {hasil} to the press-reported ones",
    ),
    "timbang_besaran": (
        "totalnya {hasil} dengan total pers bila dibaca sebagai ribu dolar AS",
        "its totals are {hasil} as the press totals when read as thousand US dollars",
    ),
    "timbang_arah": (
        "arah perubahan totalnya pada {tahun} {hasil} dengan perkiraan pers",
        "the change in its total in {tahun} went {hasil} compared with the press estimate",
    ),
    "timbang": ("Ditimbang bersama: {daftar}.", "Weighed together: {daftar}."),
    "timbang_nol": (
        "Tahun-tahun data ini tidak bertemu dengan tahun angka pers, sehingga tidak ada perbandingan yang dapat "
        "dibuat.",
        "The years of these data do not meet the years of the press figures, so no comparison can be made.",
    ),
    # the appendix and the profile pages: a measure that a zero in the table leaves undefined (issue 22)
    "besar_kecil": (
        "Pada tahun terakhir, subsektor terbesar adalah {terbesar} dan yang terkecil {terkecil}; nilai yang pertama "
        "sekitar {rasio} kali nilai yang kedua.",
        "In the last year the largest subsector is {terbesar} and the smallest {terkecil}; the value of the former "
        "is about {rasio} times that of the latter.",
    ),
    "besar_kecil_nol": (
        "Pada tahun terakhir, subsektor terbesar adalah {terbesar}, sedangkan {terkecil} bernilai nol, sehingga "
        "perbandingan keduanya tidak dapat dihitung.",
        "In the last year the largest subsector is {terbesar}, while {terkecil} is zero, so no ratio between them "
        "can be computed.",
    ),
    "besar_kecil_nol_banyak": (
        "Pada tahun terakhir, subsektor terbesar adalah {terbesar}, sedangkan {terkecil} bernilai nol, sehingga "
        "perbandingannya dengan subsektor-subsektor itu tidak dapat dihitung.",
        "In the last year the largest subsector is {terbesar}, while {terkecil} are zero, so no ratio to them can be "
        "computed.",
    ),
    "besar_kecil_satu": (
        "Data ini hanya memuat satu subsektor, {terbesar}, sehingga tidak ada yang terbesar atau terkecil.",
        "These data contain one subsector only, {terbesar}, so there is no largest or smallest subsector.",
    ),
    "ubah_fokus": (
        "Untuk subsektor fokus, {fokus}, penurunan terdalam terjadi pada {turun_tahun} ({turun}) dan kenaikan "
        "tertinggi pada {naik_tahun} ({naik}).",
        "For the focus subsector, {fokus}, the deepest fall came in {turun_tahun} ({turun}) and the largest rise "
        "in {naik_tahun} ({naik}).",
    ),
    "ubah_fokus_satu": (
        "Untuk subsektor fokus, {fokus}, satu-satunya perubahan tahunan yang terdefinisi terjadi pada {naik_tahun} "
        "({naik}).",
        "For the focus subsector, {fokus}, the only defined yearly change came in {naik_tahun} ({naik}).",
    ),
    "ubah_fokus_naik": (
        "Untuk subsektor fokus, {fokus}, nilainya tidak pernah turun dari tahun ke tahun; kenaikan terkecil terjadi "
        "pada {turun_tahun} ({turun}) dan yang tertinggi pada {naik_tahun} ({naik}).",
        "For the focus subsector, {fokus}, the value never fell from one year to the next; the smallest rise came "
        "in {turun_tahun} ({turun}) and the largest in {naik_tahun} ({naik}).",
    ),
    "ubah_fokus_turun": (
        "Untuk subsektor fokus, {fokus}, nilainya tidak pernah naik dari tahun ke tahun; penurunan terdalam terjadi "
        "pada {turun_tahun} ({turun}) dan yang terkecil pada {naik_tahun} ({naik}).",
        "For the focus subsector, {fokus}, the value never rose from one year to the next; the deepest fall came "
        "in {turun_tahun} ({turun}) and the smallest in {naik_tahun} ({naik}).",
    ),
    "ubah_fokus_nol": (
        "Untuk subsektor fokus, {fokus}, tidak ada perubahan tahunan yang terdefinisi karena nilainya nol pada "
        "setiap tahun sebelum tahun terakhir.",
        "For the focus subsector, {fokus}, no yearly change is defined, because its value is zero in every year "
        "before the last.",
    ),
    "cagr_fokus": (
        "Untuk {fokus}, CAGR {periode} adalah {nilai}; untuk total, {total}.",
        "For {fokus}, the CAGR over {periode} is {nilai}; for the total, {total}.",
    ),
    "cagr_fokus_nol": (
        "Untuk {fokus}, CAGR {periode} tidak terdefinisi karena nilainya pada tahun pertama nol; CAGR total adalah "
        "{total}.",
        "For {fokus}, the CAGR over {periode} is undefined, because its value in the first year is zero; the CAGR "
        "of the total is {total}.",
    ),
    "indeks_fokus": (
        "Pada tahun terakhir, indeks {fokus} berada pada {nilai} dan indeks total pada {total}.",
        "In the last year the index for {fokus} stands at {nilai} and that for the total at {total}.",
    ),
    "indeks_fokus_nol": (
        "Indeks {fokus} tidak terdefinisi karena nilainya pada tahun dasar nol; pada tahun terakhir, indeks total "
        "berada pada {total}.",
        "The index for {fokus} is undefined, because its value in the base year is zero; in the last year the "
        "index for the total stands at {total}.",
    ),
    "total_gerak": (
        "Total tahunan bergerak dari {awal} menjadi {akhir}.",
        "The yearly total moves from {awal} to {akhir}.",
    ),
    "total_satu": ("Total tahunannya pada {tahun} adalah {awal}.", "The yearly total in {tahun} is {awal}."),
    "satu_tahun": (
        "Data ini hanya memuat satu tahun, {tahun}, sehingga perubahan tahunan, pertumbuhan majemuk, dan indeks "
        "tidak dapat dihitung.",
        "These data contain one year only, {tahun}, so no yearly change, compound growth or index can be computed.",
    ),
    "pangsa_dua": (
        "{dua} bersama-sama menyumbang paling sedikit {minimum} dari total di setiap tahun. Pangsa {besar} mencapai "
        "puncaknya pada {tahun}, yaitu {puncak}.",
        "{dua} together account for at least {minimum} of the total in every year. The share of {besar} peaks in "
        "{tahun}, at {puncak}.",
    ),
    "pangsa_dua_satu": (
        "{dua} bersama-sama menyumbang {minimum} dari total; pangsa terbesar adalah milik {besar}, yaitu {puncak}.",
        "{dua} together account for {minimum} of the total; the largest share is that of {besar}, at {puncak}.",
    ),
    "pangsa_sendiri": (
        "Data ini hanya memuat subsektor {besar}, sehingga pangsanya {puncak}.",
        "These data contain only the {besar} subsector, so its share is {puncak}.",
    ),
    "profil_gerak": (
        "Nilai ekspor {nama} bergerak dari {nilai_awal} pada {tahun_awal} ke {nilai_akhir} pada {tahun_akhir}.",
        "The export value of the {nama} subsector moves from {nilai_awal} in {tahun_awal} to {nilai_akhir} in "
        "{tahun_akhir}.",
    ),
    "profil_satu": (
        "Nilai ekspor {nama} pada {tahun_awal} adalah {nilai_awal}; dengan satu tahun saja, pertumbuhannya tidak "
        "dapat dihitung.",
        "The export value of the {nama} subsector in {tahun_awal} is {nilai_awal}; with a single year, its growth "
        "cannot be computed.",
    ),
    "cagr_profil": ("Pertumbuhan majemuk tahunannya adalah {cagr}.", "Its compound annual growth rate is {cagr}."),
    "cagr_profil_nol": (
        "Pertumbuhan majemuk tahunannya tidak terdefinisi karena nilainya pada tahun pertama nol.",
        "Its compound annual growth rate is undefined, because its value in the first year is zero.",
    ),
    "profil_pangsa": (
        "Pangsanya terhadap total berkisar antara {pangsa_min} dan {pangsa_max}, dan di antara {n_subsektor} "
        "subsektor ia {peringkat}.",
        "Its share of the total ranges from {pangsa_min} to {pangsa_max}, and its place among the {n_subsektor} "
        "subsectors is {peringkat}.",
    ),
    "profil_pangsa_satu": (
        "Pangsanya terhadap total adalah {pangsa_min}, dan di antara {n_subsektor} subsektor ia {peringkat}.",
        "Its share of the total is {pangsa_min}, and its place among the {n_subsektor} subsectors is {peringkat}.",
    ),
    "profil_pangsa_tetap": (
        "Pangsanya terhadap total adalah {pangsa_min} pada setiap tahun, dan di antara {n_subsektor} subsektor ia "
        "{peringkat}.",
        "Its share of the total is {pangsa_min} in every year, and its place among the {n_subsektor} subsectors is "
        "{peringkat}.",
    ),
    "profil_sendiri": (
        "{nama} adalah satu-satunya subsektor dalam data ini, sehingga pangsanya {pangsa_min}.",
        "{nama} is the only subsector in these data, so its share is {pangsa_min}.",
    ),
    # chapter 5: a comparison with the press that these data leave nothing to compare in (a sentence, no table)
    "pangsa_tak_bertemu": (
        "Pers melaporkan pangsa subsektor untuk {tahun_pers}; tidak satu pun tahun itu ada dalam data ini "
        "({periode}), sehingga pangsa tidak dapat dibandingkan.",
        "The press reported subsector shares for {tahun_pers}; none of those years is in these data "
        "({periode}), so the shares cannot be compared.",
    ),
    "pangsa_tak_bersubsektor": (
        "Pers melaporkan pangsa {subsektor_pers} untuk {tahun}, tetapi data ini tidak memuat satu pun subsektor "
        "itu, sehingga pangsa tidak dapat dibandingkan.",
        "The press reported the shares of {subsektor_pers} for {tahun}, but these data contain none of those "
        "subsectors, so the shares cannot be compared.",
    ),
    "total_tak_bertemu": (
        "Deret total menurut pers yang kami pakai mencakup {tahun_pers}; tidak satu pun tahun itu ada dalam "
        "data ini ({periode}), sehingga besarnya tidak dapat dibandingkan.",
        "The series of press-reported totals we use covers {tahun_pers}; none of those years is in these data "
        "({periode}), so the magnitudes cannot be compared.",
    ),
    "kepekaan_mutu_nol": (
        "Karena tidak ada pangsa atau total yang dapat dibandingkan dengan angka pers, tidak ada pula ambang mutu "
        "data yang kepekaannya perlu diuji untuk data ini.",
        "Because no share or total can be compared with the press figures, there is no data-quality threshold "
        "whose sensitivity needs testing for these data either.",
    ),
    "koreksi_ada": (
        "dengan koreksi eksplisit atas {n} sel yang tercatat di erata",
        "with explicit corrections of {n} cells recorded in the errata",
    ),
    "koreksi_ada_1": (
        "dengan koreksi eksplisit atas {n} sel yang tercatat di erata",
        "with an explicit correction of {n} cell recorded in the errata",
    ),
    "koreksi_tidak_ada": ("tanpa koreksi apa pun", "without any correction"),
    "tidak_ada": ("tidak ada", "none"),
    # a variant book (ekraf rerun): its title, banner and citation
    "varian_judul": ("{judul} (varian {hash})", "{judul} (variant {hash})"),
    "varian_bukan_asli": ("Varian, bukan edisi asli.", "A variant, not the original edition."),
    "varian_data": ("Data: {berkas} (SHA-256 {hash}).", "Data: {berkas} (SHA-256 {hash})."),
    "varian_param": ("Parameter yang diubah: {param}.", "Parameters changed: {param}."),
    "varian_cara_kutip": (
        "Untuk mengutip, kutip edisi asli dan tambahkan: \u201c{tambahan}\u201d.",
        "To cite it, cite the original edition and add: \u201c{tambahan}\u201d.",
    ),
    "varian_kutip": ("varian dengan data {berkas} (SHA-256 {hash})", "variant with the data {berkas} (SHA-256 {hash})"),
    "varian_kutip_param": (
        "varian dengan data {berkas} (SHA-256 {hash}) dan parameter {param}",
        "variant with the data {berkas} (SHA-256 {hash}) and the parameters {param}",
    ),
    "dengan_alternatif": ("{p} dengan alternatif \u201c{alt}\u201d", "{p} with the alternative \u201c{alt}\u201d"),
    "kepekaan_tetap": (
        "tidak satu pun dari {n} pembacaan lain mengubah statusnya",
        "none of the {n} other readings changes its status",
    ),
    "kepekaan_berubah": (
        "{m} dari {n} pembacaan lain mengubah statusnya: {daftar}",
        "{m} of the {n} other readings change its status: {daftar}",
    ),
    "kepekaan_berubah_1": (
        "{m} dari {n} pembacaan lain mengubah statusnya: {daftar}",
        "{m} of the {n} other readings changes its status: {daftar}",
    ),
    "cocok_nol": ("tidak ada yang dibulatkan menjadi {angka}", "none rounds to {angka}"),
    "cocok_ada_1": ("{n} dibulatkan menjadi {angka}", "{n} rounds to {angka}"),
    "cocok_ada": ("{n} dibulatkan menjadi {angka}", "{n} round to {angka}"),
    "tidak_ada_status": (
        "tidak ada pernyataan yang berstatus \u201c{status}\u201d",
        "none is rated \u201c{status}\u201d",
    ),
    "ya": ("ya", "yes"),
    "tidak": ("tidak", "no"),
}

# Values of the coded data's categorical columns (actor kinds, levels, source kinds, groups, relations).
_TERMS = {
    # actor kinds
    "pemerintah_kota": ("pemerintah kota", "city government"),
    "pemkot_dipilih": ("pemerintah kota, wali kota dipilih", "city government, elected mayor"),
    "dewan_kota_diangkat": ("dewan kota, diangkat negara bagian", "city council, appointed by the state"),
    "pemerintah_negara_bagian": ("pemerintah negara bagian", "state government"),
    "pemerintah_pusat": ("pemerintah pusat", "central government"),
    "dinas": ("dinas daerah", "city agency"),
    "perusahaan": ("perusahaan", "firm"),
    "toko": ("toko", "shop"),
    "asosiasi": ("asosiasi", "association"),
    "tokoh": ("tokoh", "person"),
    "kelompok_usaha": ("kelompok usaha", "group of businesses"),
    "perwakilan": ("perwakilan di luar negeri", "mission abroad"),
    # levels
    "nasional": ("nasional", "national"),
    "subnasional": ("subnasional", "subnational"),
    "non_negara": ("nonnegara", "non-state"),
    # sources of evidence
    "kamus": ("kamus", "dictionary"),
    "studi_dikutip": ("karya yang dikutip", "cited work"),
    "pernyataan_pejabat": ("pernyataan pejabat", "statement by an official"),
    "pernyataan_tokoh": ("pernyataan tokoh nonpemerintah", "statement by a non-government figure"),
    "regulasi": ("peraturan", "regulation"),
    "wawancara": ("wawancara", "interview"),
    "observasi": ("observasi", "observation"),
    "situs_resmi": ("situs resmi", "official website"),
    "sumber_tabel": ("sumber tabel", "source of the table"),
    # efforts
    "kebijakan_bersama": ("kebijakan bersama Bandung dan Petaling Jaya", "joint policy of Bandung and Petaling Jaya"),
    "kebijakan_pemkot_bandung": ("kebijakan Pemkot Bandung", "policy of the Bandung city government"),
    "regulasi_daerah": ("peraturan daerah", "city regulation"),
    # method components
    "pendekatan": ("pendekatan", "approach"),
    "teori": ("teori", "theory"),
    "teknik_pengumpulan": ("teknik pengumpulan data", "data collection"),
    "teknik_analisis": ("teknik analisis", "analysis"),
    "uji_validitas": ("uji keabsahan", "validity test"),
    "sumber_data": ("sumber data", "data sources"),
    # relation kinds
    "sister_city": ("sister city", "sister city"),
    "paradiplomasi": ("paradiplomasi", "paradiplomacy"),
    "bagian_dari": ("bagian dari", "part of"),
    "penjajakan_kerja_sama": ("penjajakan kerja sama", "exploring cooperation"),
    "pernyataan": ("pernyataan", "statement"),
    "regulasi_mengikat": ("peraturan yang mengikat", "binding regulation"),
    "pendiri": ("pendiri", "founder"),
    "nama": ("nama", "name"),
    "dipasarkan_melalui": ("dipasarkan melalui", "sold through"),
    "kerja_sama": ("kerja sama", "cooperation"),
    "ekspor": ("ekspor", "export"),
    "ketua": ("ketua", "chair"),
    "narasumber": ("narasumber", "informant"),
    "kepala": ("kepala", "head"),
    "fasilitasi": ("fasilitasi", "facilitation"),
    "pembinaan": ("pembinaan", "support"),
    "promosi": ("promosi", "promotion"),
    "penguatan_peran": ("penguatan peran", "a larger role"),
    "anggota": ("anggota", "member"),
    # firm facts
    "bentuk_usaha": ("bentuk usaha", "form of business"),
    "tahun_berdiri": ("tahun berdiri", "year founded"),
    "lama_di_industri_kerajinan": ("lama di industri kerajinan", "years in the craft industry"),
    "jumlah_negara_ekspor": ("jumlah negara tujuan ekspor", "number of export countries"),
    "pasar": ("pasar", "market"),
    "produk": ("produk", "product"),
    "produk_umkm_kriya": ("produk UMKM kriya (contoh narasumber)", "craft SME product (informant's example)"),
    "lingkup_kerja": ("lingkup kerja", "scope of work"),
    "alamat": ("alamat", "address"),
    "toko_di_malaysia": ("toko di Malaysia", "shop in Malaysia"),
    "lokasi_toko": ("lokasi toko", "location of the shop"),
    "lama_kerja_sama_dengan_malaysia": ("lama kerja sama dengan Malaysia", "years of cooperation with Malaysia"),
    "ciri": ("ciri karya", "character of the work"),
    "tahun": ("tahun", "years"),
    "negara": ("negara", "countries"),
    "jabatan": ("jabatan", "office held"),
    "penilaian": ("penilaian", "assessment"),
    # computations on the table
    "perubahan": ("perubahan antartahun", "change between two years"),
    "cagr": ("pertumbuhan majemuk tahunan", "compound annual growth"),
    "rata_rata": ("rata-rata perubahan tahunan", "mean yearly change"),
    "pangsa": ("pangsa dari total", "share of the total"),
    "perubahan_pangsa": ("perubahan pangsa (poin)", "change in share (points)"),
    "selain_kriya": ("semua selain Kriya", "all but craft"),
    # barrier/constraint kinds
    "kendala": ("kendala kerja sama", "constraint on the cooperation"),
    "hambatan": ("hambatan dari pendahuluan", "barrier from the introduction"),
}

# The paper's sections, as the reader sees them.
SECTIONS = {
    "Abstrak": ("Abstrak", "Abstract"),
    "A": ("A. Pendahuluan", "A. Introduction"),
    "B": ("B. Tinjauan teoretis", "B. Theoretical review"),
    "C": ("C. Metode penelitian", "C. Research method"),
    "D": ("D. Hasil dan pembahasan", "D. Results and discussion"),
    "E": ("E. Penutup", "E. Conclusion"),
}

_IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _pick(pair: tuple[str, str], lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"bahasa must be one of {', '.join(LANGUAGES)}, got '{lang}'")
    return pair[LANGUAGES.index(lang)]


def label(key: str, lang: str = "id", **fmt) -> str:
    """The label ``key`` in ``lang``; ``fmt`` fills placeholders such as ``{base}``."""
    text = _pick(_LABELS[key], lang)
    return text.format(**fmt) if fmt else text


def counted(key: str, count: int, lang: str = "id", **fmt) -> str:
    """The label ``key`` for ``count`` things: ``key_1`` (English singular agreement) when ``count`` is one."""
    return label(f"{key}_1" if count == 1 and f"{key}_1" in _LABELS else key, lang, **fmt)


def term(key: str, lang: str = "id") -> str:
    """A coded value (actor kind, source kind, relation ...) as a reader reads it. Unknown codes are an error."""
    if key in _TERMS:
        return _pick(_TERMS[key], lang)
    if looks_like_code(key):
        raise KeyError(f"no reader's wording for the coded value '{key}' (add it to labels._TERMS)")
    return key


def section(code: str, lang: str = "id") -> str:
    """A section of the paper (``'D'`` or ``'D. Hasil dan Pembahasan / ...'``) as a reader reads it."""
    key = code.split(".")[0].strip() if code != "Abstrak" else code
    key = "Abstrak" if key.startswith("Abstrak") else key[:1]
    return _pick(SECTIONS[key], lang)


def yes_no(value: bool, lang: str = "id") -> str:
    return label("ya" if value else "tidak", lang)


def header(name, lang: str = "id") -> str:
    """A table column as its header: a key of the catalogue, a year, or text already written for readers."""
    if isinstance(name, (int,)) or str(name).isdigit():
        return str(name)
    if name in _LABELS:
        return label(name, lang)
    text = str(name)
    if looks_like_code(text) or text[:1].islower():
        raise KeyError(f"table column '{text}' has no header for readers (add it to labels._LABELS)")
    return text


def looks_like_code(text: str) -> bool:
    """True for identifier-like text (``snake_case``), ``True``/``False`` and ISO dates."""
    s = str(text)
    return bool(
        _IDENTIFIER.search(s)
        or re.search(r"\b(True|False|None|nan)\b", s)
        or re.search(r"\b\d{4}-\d{2}(?:-\d{2})?\b", s)
    )


def catalogue() -> dict[str, dict[str, tuple[str, str]]]:
    """Every entry, for the completeness test."""
    return {"labels": _LABELS, "terms": _TERMS, "sections": SECTIONS}
