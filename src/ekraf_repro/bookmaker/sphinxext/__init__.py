"""The Sphinx extensions of the book, one per job: theme and accessibility, interface language, editions, the
registry of citable parts, citations, reproducible output, EPUB and PDF. Each is listed in ``_config.yml``."""


def to_root(docname: str) -> str:  # the way from a page back to its edition's root
    return "../" * docname.count("/")
