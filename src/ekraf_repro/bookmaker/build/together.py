"""The editions built side by side, one thread each (a thread only waits on its own Sphinx or LaTeX process, so
two editions take the time of about one on two cores). What each thread prints and reports is kept apart and given
back in the editions' order: the log and the run report read as if the editions were built one after the other.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from .. import report


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` while editions build: a worker thread writes into its own buffer."""

    def __init__(self, real):
        self.real, self.local = real, threading.local()

    def _target(self):
        return getattr(self.local, "buffer", None) or self.real

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()


def each(fn, items, workers: int | None = None) -> list:
    """``[fn(item) for item in items]``, side by side on ``workers`` threads (by default one per item, at most one per
    core). Every item runs to its end; its output and report entries then follow in ``items``' order, and the first
    failure (in that order) is raised."""
    items = list(items)
    workers = max(1, min(len(items), workers or os.cpu_count() or 1))
    if workers == 1:
        return [fn(item) for item in items]
    streams = _Stream(sys.stdout), _Stream(sys.stderr)

    def one(item):
        buffers = io.StringIO(), io.StringIO()
        for stream, buffer in zip(streams, buffers):
            stream.local.buffer = buffer
        with report.apart() as entries:
            try:
                result, failure = fn(item), None
            except BaseException as err:  # given back with the output, raised in order
                result, failure = None, err
        return result, failure, entries, [b.getvalue() for b in buffers]

    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = streams
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            done = list(pool.map(one, items))
    finally:
        sys.stdout, sys.stderr = real
    for _, _, entries, (out, err) in done:
        sys.stdout.write(out)
        sys.stderr.write(err)
        report.add(entries)
    sys.stdout.flush()
    for _, failure, _, _ in done:
        if failure is not None:
            raise failure
    return [result for result, _, _, _ in done]
