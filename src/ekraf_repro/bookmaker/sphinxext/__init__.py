"""The Sphinx extensions of the book, one per job: theme and accessibility, interface language, editions, the
registry of citable parts, citations, reproducible output, EPUB and PDF. Each is listed in ``_config.yml``."""
