"""Helpers for the JupyterLab tests (tests/test_lab.py): a real JupyterLab, used the way a student uses it.

The server is the one ``make lab`` starts (:func:`ekraf_repro.bookmaker.lab.command`: JupyterLab from
``lab/.venv``, the project's ``.venv`` as its only kernel, 127.0.0.1 only), on a copy of the student notebooks
outside the project. Chromium opens a notebook, clears its outputs and runs all cells from the menus, and
:func:`read` collects what the page then shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from ekraf_repro.bookmaker.student import lab

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "screenshots" / "lab"
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
ERROR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'  # how JupyterLab shows an error


def missing() -> list[str]:
    """What is missing to start JupyterLab, with the command that sets it up."""
    return (
        []
        if lab.SERVER.exists()
        else [f"{lab.SERVER} not found: run `make lab` or `make test` (uv sync --project lab)"]
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(notebooks: Path, state: Path):
    """JupyterLab on ``notebooks``; yields ``(base URL, token)``; stopped (with its kernels) afterwards."""
    port, token = _free_port(), secrets.token_hex(16)
    argv, env = lab.command(notebooks, state, port=port, token=token, browser=False)
    log = (state / "server.log").open("w")
    proc = subprocess.Popen(argv, env=env, cwd=notebooks, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        for _ in range(240):
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped: {(state / 'server.log').read_text()[-2000:]}")
            with contextlib.suppress(OSError):
                opener.open(f"{base}api/status?token={token}", timeout=2)
                break
            time.sleep(0.5)
        else:
            raise RuntimeError("JupyterLab did not answer within two minutes")
        yield base, token
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the server's own process group: the server and its kernels
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def stop_kernels(base: str, token: str) -> None:
    """Shut down every session of the server (a notebook closed in the browser keeps its kernel)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{base}api/sessions?token={token}", timeout=10) as resp:
        sessions = json.load(resp)
    for session in sessions:
        request = urllib.request.Request(f"{base}api/sessions/{session['id']}?token={token}", method="DELETE")
        opener.open(request, timeout=30).close()


async def open_notebook(context, base: str, token: str, path: str):
    """Open ``path`` in JupyterLab and wait until its kernel is idle."""
    page = await context.new_page()
    await page.goto(f"{base}lab/tree/{path}?reset&token={token}", wait_until="load")  # only this notebook open
    await page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=90_000)
    await page.wait_for_function(
        """() => {
          const kernel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-KernelName');
          return /ekraf/.test(kernel ? kernel.textContent : '')
            && document.querySelector('.jp-Notebook-ExecutionIndicator').dataset.status === 'idle';
        }""",
        timeout=120_000,
    )
    return page


async def menu(page, name: str, command: str) -> None:
    await page.locator(".lm-MenuBar-item", has_text=name).click()
    await page.locator(f".lm-Menu-item[data-command='{command}']").click()


async def run_all(page, outputs: int) -> None:
    """Edit › Clear Outputs of All Cells, then Run › Run All Cells; wait until the kernel is idle and ``outputs``
    cells show something (or one shows an error)."""
    await menu(page, "Edit", "editmenu:clear-all")
    await menu(page, "Run", "runmenu:run-all")
    await page.wait_for_function(
        """([sel, outputs, ERROR]) => {
          const idle = document.querySelector('.jp-Notebook-ExecutionIndicator').dataset.status === 'idle';
          const cells = [...document.querySelectorAll(sel + ' .jp-CodeCell')];
          const shown = cells.filter(c => c.querySelector('.jp-OutputArea-output')).length;
          const failed = !!document.querySelector(sel + ' ' + ERROR);
          return idle && (shown >= outputs || failed);
        }""",
        arg=[NOTEBOOK, outputs, ERROR],
        timeout=300_000,
        polling=500,
    )


async def set_parameter(page, name: str, value: str) -> None:
    """Write ``name = value`` in the parameters cell (the only code cell shown with its code)."""
    cell = page.locator(f"{NOTEBOOK} .jp-CodeCell .cm-content", has_text=f"{name} = ").first
    source = await cell.inner_text()
    lines = [f"{name} = {value}" if line.startswith(f"{name} = ") else line for line in source.splitlines()]
    await cell.click()
    await page.keyboard.press("Control+a")
    await page.keyboard.insert_text("\n".join(lines))
    await page.keyboard.press("Escape")


_READ_JS = r"""
([sel, error]) => {
  const nb = document.querySelector(sel);
  const squash = s => s.replace(/\s+/g, ' ').trim();
  const rendered = [...nb.querySelectorAll('.jp-RenderedMarkdown, .jp-RenderedHTMLCommon')];
  const pieces = [];
  for (const root of rendered) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const text = squash(node.textContent), el = node.parentElement;
      if (!text || el.closest('code, pre')) continue;
      pieces.push({text, lang: '', kind: 'text', italic: !!el.closest('em, i'), bibliographic: false,
                   where: squash((el.closest('p, li, td, th, h1, h2, h3, h4') || el).textContent).slice(0, 160)});
    }
  }
  return {
    text: squash(rendered.map(r => r.innerText).join('\n')),
    pieces,
    images: [...nb.querySelectorAll('.jp-OutputArea-output img')].map(i => ({width: i.naturalWidth, src: i.src})),
    tables: nb.querySelectorAll('.jp-OutputArea-output table').length,
    errors: [...nb.querySelectorAll(error)].map(e => e.innerText.slice(0, 500)),
    outputs: [...nb.querySelectorAll('.jp-CodeCell')].filter(c => c.querySelector('.jp-OutputArea-output')).length,
  };
}
"""


async def read(page) -> dict:
    """What the notebook shows: rendered text and its pieces, images, tables, error outputs, cells with output."""
    return await page.evaluate(_READ_JS, [NOTEBOOK, ERROR])


async def screenshot(page, name: str, at: str | None = None) -> Path:
    """A screenshot in ``_build/screenshots/lab/``, scrolled to the element ``at`` when given."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if at:
        await page.locator(at).first.scroll_into_view_if_needed()
    path = SCREENSHOTS / f"{name}.png"
    await page.screenshot(path=str(path))
    return path


def stored(path: Path) -> dict:
    """What a student notebook file holds: its cells with outputs, images and tables."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    outs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    return {
        "outputs": sum(1 for c in nb["cells"] if c.get("outputs")),
        "images": sum(1 for o in outs if "image/png" in o.get("data", {})),
        "tables": sum(1 for o in outs if "\n|--" in o.get("data", {}).get("text/markdown", "").replace(":--", "--")),
    }
