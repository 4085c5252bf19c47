"""The keys of what a chapter glues (written by :mod:`ekraf_repro.notebook`, read by the book machine): myst-nb's
mime-type prefix for a glued output, and the prefix of the keys that record a passage's condition. A module of its
own, without pandas or matplotlib, so that a command which only reads notebooks starts quickly."""

GLUE_PREFIX = "application/papermill.record/"
CONDITION = "kondisi_"  # glue keys that record a condition (see Bab.condition)
