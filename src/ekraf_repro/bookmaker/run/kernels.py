"""Warm kernels: one python3 kernel per worker, reused for the notebooks that worker executes, put back in a
fresh kernel's state after the package's imports before each one. A failure ends the kernel; a start that fails is
tried once more.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

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
        self.cwd, self.km, self.kc = Path(cwd), None, None

    def _start_once(self) -> None:
        blank = nbformat.v4.new_notebook()
        starter = NotebookClient(blank, kernel_name="python3", timeout=TIMEOUT, extra_arguments=KERNEL_ARGS)
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
        with contextlib.suppress(Exception):
            return self.km is not None and bool(run_sync(self.km.is_alive)())
        return False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self.kc is not None:
                self.kc.stop_channels()
        with contextlib.suppress(Exception):
            if self.km is not None:
                run_sync(self.km.shutdown_kernel)(now=True)
        self.km = self.kc = None

    def _silent(self, code: str) -> None:
        run = run_sync(self.kc.execute_interactive)
        reply = run(code, silent=True, store_history=False, timeout=TIMEOUT, output_hook=lambda msg: None)
        if (content := reply["content"])["status"] != "ok":
            raise KernelFailed(f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}")

    def execute(self, nb, cwd: Path) -> None:
        """Execute ``nb`` in place in this kernel, from the state of a freshly warmed kernel."""
        self._silent(RESET.format(cwd=str(cwd)))
        where = {"metadata": {"path": str(cwd)}}
        client = NotebookClient(nb, km=self.km, kernel_name="python3", timeout=TIMEOUT, resources=where)
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
