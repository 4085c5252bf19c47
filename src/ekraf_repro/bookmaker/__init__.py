"""The book machine: the command line, the papermill pipeline, the Jupyter Book build, the generated pages,
the Sphinx extensions and the benchmark.

Nothing in the analysis (the rest of ``ekraf_repro``, which the notebooks
import) imports this subpackage, directly or indirectly; a test of the import
graph guards the wall, and the notebooks' execution cache hashes only the
analysis, so a change here re-executes no notebook.
"""
