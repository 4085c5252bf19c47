"""Every text the book machine writes for a reader, in both languages: one catalogue, one way to pick.

Each entry is a pair ``(Indonesian, English)`` grouped by where it appears; :func:`pick` chooses by the edition's
language. The README's table names the other homes of reader-visible text.
"""

from __future__ import annotations

from .settings import EDITIONS, lang

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}  # each edition's name, in its own language

TEXT: dict[str, dict[str, tuple]] = {
    "cite": {  # the page "Cara mengutip", the PDF's title page, the citations themselves
        "title": ("Cara mengutip", "How to cite"),
        "chapter": ("Bab", "Chapter"),
        "genre": ("Buku Jupyter", "Jupyter Book"),
        "note": (
            "Buku Jupyter yang setiap babnya dapat dijalankan ulang; teks dan data CC BY 4.0, kode MIT.",
            "Jupyter Book with executable notebooks; text and data CC BY 4.0, code MIT.",
        ),
        "manuscript": (
            "Naskah tanpa keterangan judul, penulis, tahun, dan terbitan",
            "Manuscript with no title, author, year or venue given",
        ),
        "subtitle": ("Edisi reproduksi", "A reproducible edition"),
        "version": ("Versi", "Version"),
        "licence_short": ("Lisensi: teks dan data {lic}; kode MIT.", "Licence: text and data {lic}; code MIT."),
        "variant": ("Varian ini", "This variant"),
        "variant_text": (
            "Buku ini adalah varian, bukan edisi asli. Kutiplah edisi asli dan tambahkan keterangan varian: "
            "{ref} {suffix}.",
            "This book is a variant, not the original edition. Cite the original edition and add what makes the "
            "variant: {ref} {suffix}.",
        ),
        "book": ("Buku ini", "This book"),
        "licence": (  # a reader meets no file names: the page says where the files are, in words
            "Lisensi: teks dan data {lic}, kode MIT. Naskah lengkap kedua lisensi dan metadata kutipan yang dapat "
            "dibaca mesin disertakan dalam berkas zip yang diunduh lewat tautan “Semua *notebook*” dan dalam "
            "repositori buku ini.",
            "Licence: text and data {lic}, code MIT. The full text of both licences and machine-readable citation "
            "metadata come with the zip file that the link “All notebooks” downloads, and with the book's "
            "repository.",
        ),
        "a_chapter": ("Sebuah bab", "A chapter"),
        "chapter_intro": (
            "Sebutkan nomor dan judul bab. Contoh untuk setiap bab:",
            "Give the chapter's number and title. An example for each chapter:",
        ),
        "an_item": ("Sebuah gambar atau tabel", "A figure or a table"),
        "item_intro": (
            "Gambar dan tabel diberi nomor per bab dan memiliki label tetap, sehingga nomor yang dikutip hari ini "
            "tetap menunjuk ke benda yang sama setelah buku dibangun ulang (sebuah pengujian menjaga penomoran ini). "
            "Kutiplah nomornya bersama keterangannya, misalnya:",
            "Figures and tables are numbered by chapter and have fixed labels, so a number cited today still points "
            "to the same figure or table after the book is rebuilt (a test guards the numbering). Cite the number "
            "together with the caption, for example:",
        ),
        "items_caption": (
            "Gambar dan tabel bernomor di bab-bab buku ini, dengan labelnya yang tetap",
            "The numbered figures and tables in the chapters of this book, with their fixed labels",
        ),
        "items_header": (("Nomor", "Label", "Keterangan", "Unduh kutipan"), ("Number", "Label", "Caption", "Download")),
        "downloads": (
            "Kutipan setiap gambar dan tabel, juga setiap bab dan buku ini, dapat diunduh sebagai BibTeX, RIS, atau "
            "CSL-JSON untuk diimpor ke pengelola referensi seperti Zotero; teks APA-nya dibuat dari berkas CSL-JSON "
            "yang sama dengan gaya APA resmi. Setiap bab dan halaman depan juga memuat kotak kutipannya sendiri.",
            "The citation of every figure and table, and of every chapter and of the book, can be downloaded as "
            "BibTeX, RIS or CSL-JSON to import into a reference manager such as Zotero; its APA text is made from "
            "the same CSL-JSON file with the official APA style. Every chapter and the front page also carry their "
            "own cite box.",
        ),
        "original": ("Makalah aslinya", "The original paper"),
        "original_intro": (
            "Fakta dan angka di buku ini berasal dari makalah yang direproduksinya. Salinan yang kami terima tidak "
            "memuat judul, nama penulis, maupun keterangan terbitan; kutiplah dengan menyebut keterbatasan itu:",
            "The facts and figures in this book come from the paper it reproduces. The copy we received carries no "
            "title, no author's name and no publication details; cite it with that limitation stated:",
        ),
    },
    "changelog": {  # the page "Riwayat edisi"; Keep a Changelog's kinds of change, in the order shown
        "added": ("Ditambahkan", "Added"),
        "changed": ("Diubah", "Changed"),
        "removed": ("Dihapus", "Removed"),
        "fixed": ("Diperbaiki", "Fixed"),
        "title": ("Riwayat edisi", "Edition history"),
        "intro": (
            "Setiap rilis buku ini diberi nomor versi. Kutipan menyebut versi yang dipakai (lihat {ref}`mengutip`), "
            "sehingga pembaca tahu edisi mana yang dimaksud dan apa yang berubah sesudahnya. Versi sekarang adalah "
            "**{version}**, terbit {date}. Kesalahan di buku ini sendiri yang telah diperbaiki dicatat di bawah "
            "\u201cDiperbaiki\u201d dan dihimpun lagi sebagai ralat buku di akhir halaman; koreksi atas data "
            "makalah adalah hal lain, yang dicatat di erata data.",
            "Every release of this book has a version number. A citation names the version used (see "
            "{ref}`mengutip`), so that a reader knows which edition is meant and what has changed since. The "
            "current version is **{version}**, released on {date}. Errors in the book itself that have been "
            "corrected are listed under \u201cFixed\u201d and gathered again as the book's errata at the end of "
            "this page; corrections to the paper's data are another matter, recorded in the data errata.",
        ),
        "version": ("Versi {version} ({date})", "Version {version} ({date})"),
        "errata": ("Ralat buku", "The book's errata"),
        "errata_intro": (
            "Kesalahan yang ada di sebuah versi buku ini dan diperbaiki di versi berikutnya. Siapa pun yang "
            "mengutip versi sebelumnya sebaiknya memeriksa daftar ini.",
            "Errors present in one version of this book and corrected in a later one. Anyone who cited an earlier "
            "version should check this list.",
        ),
        "errata_caption": (
            "Ralat buku menurut versi perbaikannya",
            "The book's errata, by the version that fixed them",
        ),
        "errata_header": (("Diperbaiki di versi", "Kesalahan"), ("Fixed in version", "Error")),
        "no_errata": ("Belum ada ralat.", "No errata yet."),
    },
    "concordance": {
        "title": ("Konkordansi: paragraf makalah di buku ini", "Concordance: the paper's paragraphs in this book"),
        "intro": (
            "Setiap paragraf makalah {cite:p}`makalah` tercantum di bawah menurut bagian dan nomor urutnya, dengan "
            "ringkasan isinya dalam kata-kata kami dan tautan ke bagian buku yang membahasnya. Tabel 1.1 dihitung "
            "sebagai satu paragraf. Nomor paragraf inilah yang dipakai buku ini untuk menunjuk tempat sebuah "
            "pernyataan di makalah, misalnya di tabel audit. Kolom terakhir menyebut pernyataan yang diaudit dari "
            "paragraf itu dan catatan bacaan tentang salah tulis atau peristilahan yang menyangkut paragraf itu.",
            "Every paragraph of the paper {cite:p}`makalah` is listed below by section and position, with a "
            "summary of its content in our own words and links to the parts of this book that discuss it. Table "
            "1.1 counts as one paragraph. These paragraph numbers are how this book says where in the paper a "
            "statement is made, for example in the audit table. The last column names the statements audited from "
            "that paragraph and the reading notes on slips of the pen or terminology that concern it.",
        ),
        "caption": (
            "Paragraf {section} dan tempat pembahasannya di buku ini",
            "Paragraphs of {section} and where this book discusses them",
        ),
        "header": (
            ("Paragraf", "Isi (ringkasan kami)", "Dibahas di", "Pernyataan dan catatan"),
            ("Paragraph", "Content (our summary)", "Discussed in", "Statements and notes"),
        ),
    },
    "datapage": {
        "title": ("Data dan kamus data", "Data and data dictionary"),
        "intro": (
            "Setiap berkas data buku ini tercantum di bawah beserta kolom, tipe, satuan,\n"
            "sumber, dan lisensinya, dengan tautan untuk mengunduh berkasnya. Deskripsi\n"
            "paket data ditulis dalam format Frictionless Data Package. Berkas mentah\n"
            "`data/raw/` tidak pernah diubah oleh kode; koreksi dilakukan lewat\n"
            "`data/errata.csv`.",
            "Every data file of this book is listed below with its columns, types, units,\n"
            "sources and licence, and a link to download it. The data package is described\n"
            "in the Frictionless Data Package format. The raw files in `data/raw/` are never\n"
            "changed by the code; corrections are made through `data/errata.csv`.",
        ),
        "package": (
            "**Paket data:** `{name}`. **Lisensi paket:** {lic}.",
            "**Data package:** `{name}`. **Package licence:** {lic}.",
        ),
        "file": ("Berkas", "File"),
        "source": ("Sumber", "Source"),
        "licence": ("Lisensi", "Licence"),
        "columns": ("Kolom berkas `{path}`", "Columns of the file `{path}`"),
        "header": (("Kolom", "Tipe", "Satuan", "Keterangan"), ("Column", "Type", "Unit", "Description")),
        "string": ("teks", "text"),  # the field types of the data package
        "integer": ("bilangan bulat", "integer"),
        "number": ("angka", "number"),
        "date": ("tanggal", "date"),
        "any": ("bebas", "any"),
    },
    "glossary": {
        "title": ("Glosarium", "Glossary"),
        "intro": (
            "Glosarium ini menjelaskan setiap singkatan dan istilah teknis yang dipakai makalah atau buku ini, "
            "dengan padanannya dalam bahasa Inggris. Definisi ditulis dengan kata-kata kami. Untuk istilah hukum "
            "atau resmi, sumber publiknya disebut; catatan menyebut cara makalah memakai istilah itu bila berbeda "
            "dari yang lazim, dan menyebut bila sebuah definisi atau identifikasi merupakan rumusan kami sendiri "
            "tanpa sumber.",
            "This glossary explains every abbreviation and technical term that the paper or this book uses, under "
            "its Indonesian form (the form the paper prints), with its English equivalent. The definitions are in "
            "our own words. For legal or official terms the public source is cited; a note says how the paper uses "
            "a term when that differs from the usual sense, and says when a definition or identification is our "
            "own, without a source.",
        ),
        "equivalent": ("Bahasa Inggris", "English"),
        "note": ("Catatan", "Note"),
    },
    "bib": {  # the bibliography's words (cite/bibstyle.py, cite/citestyle.py), EYD V in Indonesian
        "and": ("dan", "and"),  # "Ahmad dan Seet"; three or more: "A, B, dan C" (EYD V: comma before dan)
        "et_al": ("dkk.", "et al."),  # dan kawan-kawan
        "no_year": ("t.t.", "n.d."),  # tanpa tahun
        "in": ("Dalam", "In"),  # a chapter in an edited volume
        "editor": ("editor", "editor"),  # KBBI: editor; the Indonesian word does not change for several
        "editors": ("editor", "editors"),
    },
}


def pick(pair: tuple, code: str):
    """The Indonesian or the English of a pair (``code``: an edition's language, or a locale of it)."""
    return pair[EDITIONS.index(lang(code))]


def group(name: str, code: str) -> dict:
    return {key: pick(pair, code) for key, pair in TEXT[name].items()}
