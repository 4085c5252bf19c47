"""The book machine: the command line, the papermill pipeline, the Jupyter Book build, the generated pages,
the Sphinx extensions and the benchmark.

Nothing in the analysis (the rest of ``ekraf_repro``, which the notebooks
import) imports this subpackage, directly or indirectly; a test of the import
graph guards the wall, and the notebooks' execution cache hashes only the
analysis, so a change here re-executes no notebook.
"""

__all__ = ["rerun", "sweep"]


def __getattr__(name: str):
    """``from ekraf_repro.bookmaker import rerun`` (the Python entry point for variant books), imported lazily
    so that loading a Sphinx extension of this package does not load the pipeline."""
    if name in __all__:
        from . import reruns

        return getattr(reruns, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
