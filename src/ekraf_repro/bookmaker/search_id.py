"""Search in the Indonesian edition: Indonesian words, not English ones.

Sphinx has no Indonesian search language and falls back on English: Porter's
English stemmer cuts Indonesian words ("bisnis" to "bisni", "kreativitas" to
"kreativita") and English stop words are dropped while "yang", "dan" and "di"
fill the index. Here words are indexed as written (Indonesian builds words with
prefixes and suffixes that no light stemmer removes safely, so none is
attempted) and the commonest Indonesian function words are left out. The same
rule runs in the reader's browser (the stemmer in ``js_stemmer_code`` returns a
word unchanged).
"""

from sphinx.search import SearchLanguage

# The commonest Indonesian function words (conjunctions, prepositions, particles, pronouns, auxiliaries).
STOPWORDS = frozenset(
    """
    ada adalah agar akan antara atas atau bagi bahwa baik banyak beberapa begitu belum berbagai bukan dalam
    dan dapat dari demikian dengan di dia hal hanya harus ia ialah ini itu jika juga kami kalau karena ke
    kepada ketika lagi lain lebih maka masih mereka meski namun oleh pada para per saat sama sangat sebagai
    sebuah secara sedang sejak selain semua seperti serta setelah sini situ suatu sudah tanpa telah tentang
    tersebut tetapi tidak untuk walau yaitu yakni yang
    """.split()
)


class SearchIndonesian(SearchLanguage):
    lang = "id"
    language_name = "Indonesian"
    stopwords = STOPWORDS
