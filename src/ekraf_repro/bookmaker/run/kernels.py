"""Warm kernels: one python3 kernel per worker, reused for the notebooks that worker executes.

Starting a kernel and importing pandas, matplotlib and the analysis package
costs about a second per notebook, more than most notebooks take to run. A
worker therefore starts one kernel, imports the package once, and executes its
notebooks one after the other in it. Before each notebook the kernel is put
back to the state a fresh kernel has after those imports: the user namespace
is emptied (``%reset -f``), open figures are closed, Matplotlib's settings are
restored from a snapshot taken after the imports, the working directory is the
notebook folder, and the record of files read is cleared. Execution counts come
from the notebook client (1, 2, ... in each notebook), not from the kernel.
Papermill still injects the parameters (:func:`papermill.parameterize.parameterize_notebook`).

A notebook that fails, or a kernel that dies, ends that kernel; the worker
starts a new one for its next notebook. A kernel that does not start is tried
once more, then the notebook fails with a one-line message.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from .. import guards

TIMEOUT = 600  # seconds per cell
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]

# The imports a notebook's first cell makes (the package selects the Agg backend before pyplot is
# imported), for every chapter; then a snapshot of Matplotlib's settings as they stand after them.
WARM = """\
import importlib, pkgutil
import ekraf_repro.notebook, ekraf_repro.chapters
for _m in pkgutil.iter_modules(ekraf_repro.chapters.__path__):
    importlib.import_module("ekraf_repro.chapters." + _m.name)
import matplotlib
get_ipython()._ekraf_rc = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
"""

RESET = """\
get_ipython().run_line_magic("reset", "-f")
import os as _os, matplotlib as _mpl, matplotlib.pyplot as _plt
_plt.close("all")
_mpl.rcParams.update(get_ipython()._ekraf_rc)
_os.chdir({cwd!r})
from ekraf_repro import paths as _paths
_paths.READS.clear()
del _os, _mpl, _plt, _paths
"""


class KernelFailed(Exception):
    """The kernel did not start (twice), or died."""


class CellFailed(Exception):
    """A cell raised; ``str()`` names the cell: ``cell 5 ('bab.table(...)'): ValueError: ...``."""


class WarmKernel:
    """One kernel kept alive across the notebooks of one worker (always used from the same thread)."""

    def __init__(self, cwd: Path):
        self.cwd = Path(cwd)
        self.km = None
        self.kc = None

    # ------------------------------------------------------------------ life cycle

    def _start_once(self) -> None:
        from nbclient import NotebookClient

        starter = NotebookClient(
            nbformat.v4.new_notebook(), kernel_name="python3", timeout=TIMEOUT, extra_arguments=KERNEL_ARGS
        )
        starter.km = starter.create_kernel_manager()
        starter.start_new_kernel(cwd=str(self.cwd))
        starter.start_new_kernel_client()
        self.km, self.kc = starter.km, starter.kc
        self._silent(WARM)

    def start(self, on_retry=None) -> None:
        """Start the kernel and import the package; one retry when the start fails."""
        guards.check("warm-kernels")
        for attempt in (1, 2):
            try:
                self._start_once()
                return
            except Exception as err:  # e.g. 'Kernel died before replying to kernel_info'
                self.close()
                if attempt == 2:
                    raise KernelFailed(f"kernel failed twice: {type(err).__name__}: {err}") from None
                if on_retry:
                    on_retry(err)

    @property
    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        if self.km is None:
            return False
        try:
            return bool(run_sync(self.km.is_alive)())
        except Exception:
            return False

    def close(self) -> None:
        from jupyter_core.utils import run_sync

        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:
                pass
        if self.km is not None:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            except Exception:
                pass
        self.km = self.kc = None

    # ------------------------------------------------------------------ execution

    def _silent(self, code: str) -> None:
        from jupyter_core.utils import run_sync

        reply = run_sync(self.kc.execute_interactive)(
            code, silent=True, store_history=False, timeout=TIMEOUT, output_hook=lambda msg: None
        )
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise KernelFailed(f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}")

    def execute(self, nb, cwd: Path) -> None:
        """Execute ``nb`` in place in this kernel, from the state of a freshly warmed kernel."""
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, DeadKernelError

        self._silent(RESET.format(cwd=str(cwd)))
        client = NotebookClient(
            nb, km=self.km, kernel_name="python3", timeout=TIMEOUT, resources={"metadata": {"path": str(cwd)}}
        )
        client.kc = self.kc
        try:
            client.execute(cleanup_kc=False)
        except CellExecutionError as err:
            self.close()  # a failed notebook may leave the kernel in any state
            raise CellFailed(_describe(nb, err)) from None
        except DeadKernelError as err:
            self.close()
            raise KernelFailed(f"kernel died: {err}") from None


def _describe(nb, err) -> str:
    """Name the failing cell by its index in the notebook and its first line."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            first = (cell.source.strip().splitlines() or [""])[0]
            value = str(err.evalue).splitlines()[0] if err.evalue else ""
            return f"cell {index} ({first[:60]!r}): {err.ename}: {value}"
    return f"{err.ename}: {err.evalue}"
