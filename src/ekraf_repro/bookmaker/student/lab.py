"""``make lab``: JupyterLab on one edition's student notebooks, bound to 127.0.0.1, with ``.venv`` as its kernel.

The server has its own environment, ``lab/.venv`` (locked in ``lab/uv.lock``: the jupyter_server stack would slow
every papermill run in ``.venv``). The notebooks are copied from the built book into ``_build/lab/<lang>``, keeping
any a student changed there. The tests start the server through :func:`command` too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ... import paths
from ...errors import InputError
from .. import settings
from ..files import sha256

CHECKOUT = Path(__file__).resolve().parents[4]  # the project this package was installed from (editable)
PROJECT = CHECKOUT / "lab"  # the server's own uv project
SERVER = PROJECT / ".venv" / "bin" / "jupyter-lab"
FOLDER = "_notebooks"  # an edition's student notebooks in its built site


def version(project: Path = PROJECT) -> str:
    """The JupyterLab version the server environment pins (``jupyterlab==X`` in ``lab/pyproject.toml``)."""
    found = re.search(r'"jupyterlab==([^"]+)"', (project / "pyproject.toml").read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{project / 'pyproject.toml'}: no pinned jupyterlab==<version>")
    return found[1]


def kernel_spec(folder: Path, python: Path | None = None) -> Path:
    """A ``python3`` kernel spec in ``folder/kernels`` that runs ``python`` (default: this interpreter, .venv)."""
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True, exist_ok=True)
    argv = [str(python or sys.executable), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    body = {"argv": argv, "display_name": "Python 3 (ekraf)", "language": "python", "metadata": {"debugger": True}}
    (spec / "kernel.json").write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    return folder


# JupyterLab settings of the server: no news or update prompts, the project's kernel started without asking, and
# every cell kept on the page (the notebooks are short).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autoStartDefaultKernel": True},
}


def command(notebooks: Path, state: Path, port: int = 8888, token: str = "", browser: bool = True) -> tuple:
    """The server's command line and environment: JupyterLab on ``notebooks``, bound to 127.0.0.1.

    ``state`` holds the kernel spec and the server's runtime files and settings, so that nothing of the
    user's own Jupyter set-up changes which kernel runs.
    """
    for rel, values in SETTINGS.items():
        (state / "settings" / rel).parent.mkdir(parents=True, exist_ok=True)
        (state / "settings" / rel).write_text(json.dumps(values) + "\n", encoding="utf-8")
    env = {**os.environ, "JUPYTER_PATH": str(kernel_spec(state / "jupyter"))}
    env.update(JUPYTER_RUNTIME_DIR=str(state / "runtime"), JUPYTER_CONFIG_DIR=str(state / "config"))
    env.update(JUPYTERLAB_SETTINGS_DIR=str(state / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"))
    env.update(PYDEVD_DISABLE_FILE_VALIDATION="1", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("EKRAF_ROOT", None)
    argv = [str(SERVER), f"--ServerApp.root_dir={notebooks}", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}"]
    argv += [f"--IdentityProvider.token={token}", "--LabApp.news_url=", "--ServerApp.disable_check_xsrf=False"]
    argv += ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    argv += ([] if browser else ["--no-browser"]) + (["--allow-root"] if os.geteuid() == 0 else [])
    return argv, env


def prepare(lang: str, root: Path = paths.ROOT) -> Path:
    """Copy the edition's student notebooks into ``_build/lab/<lang>``, keeping those a student changed."""
    if lang not in settings.EDITIONS:
        raise InputError(f"LANG={lang}: allowed values are {', '.join(settings.EDITIONS)} (make lab LANG=en)")
    built = root / "_build" / "html" / lang / FOLDER
    if not any(built.glob("*.ipynb")):
        raise InputError(f"{paths.display(built)}: no student notebooks; run `make book` first")
    work = root / "_build" / "lab" / lang
    work.mkdir(parents=True, exist_ok=True)
    record = work.parent / f".{lang}-copied.json"
    copied = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    for source in sorted(built.glob("*.ipynb")):
        target = work / source.name
        if target.exists() and copied.get(source.name) != sha256(target.read_bytes()):
            print(f"lab: kept {paths.display(target)} (changed since it was copied)")
            continue
        shutil.copyfile(source, target)
        copied[source.name] = sha256(target.read_bytes())
    record.write_text(json.dumps(copied, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return work


def run(lang: str, root: Path = paths.ROOT) -> None:
    """``make lab``: prepare the notebooks and run JupyterLab until it is stopped (Ctrl+C)."""
    work = prepare(lang, root)
    if not SERVER.exists():
        raise InputError(f"{paths.display(SERVER)} not found: run `make lab` (it sets up lab/.venv)")
    argv, env = command(work, root / "_build" / "lab" / ".state")
    print(f"lab: JupyterLab on {paths.display(work)} at http://127.0.0.1:8888/ (Ctrl+C stops it)", flush=True)
    try:
        subprocess.run(argv, env=env, cwd=work, check=False)
    except KeyboardInterrupt:
        pass
