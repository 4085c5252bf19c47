"""The book machine: the command line, the papermill pipeline (``run/``), the builds of the editions, PDFs, EPUBs,
variants and archive (``build/``), the generated pages (``pages/``), the citations (``cite/``), the Sphinx
extensions (``sphinxext/``) and the benchmark; at the bottom, ``settings.py``, the reader-visible texts
(``text.py``), the hooks into other libraries (``guards.py``) and the run report (``report.py``).

The analysis (the rest of ``ekraf_repro``) never imports it (a test of the import graph guards the wall), and the
notebooks' execution cache hashes only the analysis, so a change here re-executes no notebook.
"""

__all__ = ["rerun", "sweep"]


def __getattr__(name: str):
    """``from ekraf_repro.bookmaker import rerun``, lazily: loading a Sphinx extension does not load the pipeline."""
    if name in __all__:
        from .build import variants

        return getattr(variants, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
