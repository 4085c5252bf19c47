"""The book machine: command line, pipeline (``run/``), builds (``build/``), generated pages (``pages/``),
citations (``cite/``), Sphinx extensions (``sphinxext/``), student notebooks (``student/``) and the benchmark, over
``settings.py``, ``text.py``, ``guards.py`` and ``report.py``. The analysis never imports it (a test guards that),
so a change here re-executes no notebook.
"""

__all__ = ["rerun", "sweep"]


def __getattr__(name: str):
    """``from ekraf_repro.bookmaker import rerun``, lazily: loading a Sphinx extension does not load the pipeline."""
    if name in __all__:
        from .build import variants

        return getattr(variants, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
