"""One build at a time per checkout (issue 22): a command that writes takes ``_build/.ekraf/lock``; a second one
waits, saying so, or with ``EKRAF_WAIT`` gives up in one line. Both tried with two processes, on a checkout of their
own (``EKRAF_ROOT``): the fast tier runs on every core, and a lock held on this checkout would make the other
tests' commands wait."""

import fcntl
import os
import subprocess
import sys
import time

from conftest import ROOT

HOLD = "import fcntl,sys,time; f=open(sys.argv[1],'a+'); fcntl.flock(f,fcntl.LOCK_EX); f.truncate(0); f.write('4242'); f.flush(); print('held',flush=True); time.sleep(60)"  # noqa: E501


def _lock(checkout):
    return checkout / "_build" / ".ekraf" / "lock"


def _holder(checkout):
    _lock(checkout).parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(_lock(checkout))], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def _cli(checkout, cmd: str, *more: str, **env):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "EKRAF_ROOT": str(checkout), **env}
    args = [sys.executable, "-m", "ekraf_repro.bookmaker.cli", cmd, *more]
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_run_gives_up_after_the_wait_in_one_line(tmp_path):
    holder = _holder(tmp_path)
    try:
        out, err = _cli(tmp_path, "render", EKRAF_WAIT="0.2").communicate(timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert err.splitlines() == [
        "waiting for another ekraf run in this checkout (pid 4242)…",
        "error: another ekraf run in this checkout (pid 4242) still runs after 0.2 s",
    ]


def test_a_second_run_waits_while_the_first_holds_the_lock(tmp_path):
    holder = _holder(tmp_path)
    second = _cli(tmp_path, "execute")
    try:
        assert second.stderr.readline().strip() == "waiting for another ekraf run in this checkout (pid 4242)…"
        time.sleep(0.5)
        assert second.poll() is None  # still waiting: it wrote nothing
    finally:
        second.kill()
        second.wait()
        holder.kill()
        holder.wait()
    with open(_lock(tmp_path), "a+") as handle:  # released when both are gone
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_bad_input_is_refused_at_once_while_another_run_holds_the_lock(tmp_path):
    """A rerun or a sweep checks its input before it waits: a bad parameter, OUT or data file is one line at once
    (the tests on two cores met it: the refusal waited for another test's sweep and said so first)."""
    holder = _holder(tmp_path)
    try:
        bad_param = _cli(tmp_path, "rerun", "--param", "warna=merah").communicate(timeout=30)
        bad_out = _cli(tmp_path, "sweep", "--params", "subsektor=Musik", "--out", str(tmp_path / "data")).communicate(
            timeout=30
        )
    finally:
        holder.kill()
        holder.wait()
    assert bad_param[1].splitlines() == [
        "error: unknown parameter 'warna'; allowed: data, subsektor, tahun_awal, tahun_akhir, tahun_dasar, bahasa"
    ]
    assert bad_out[1].splitlines() == ["error: OUT=data: must not be or contain data"]
