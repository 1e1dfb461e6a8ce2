"""Ctrl-C stops a sweep at once, and the same command run again goes on where it stopped.

``btcbot sweep`` runs as a process of its own (the real entry point) with its study in a
SQLite storage; Ctrl-C reaches its whole process group, as a terminal's does. Before, a
replay never yielded to asyncio's SIGINT handling: the sweep ran every remaining trial and
wrote its report as if nothing had happened."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.backtest.factories import write_wave
from tests.cli.runner import cli
from tests.helpers import REPO_ROOT
from tests.research.conftest import SMA, SMA_SEARCH

TRIALS = 4


def sweep_args(data: Path, out: Path, storage: Path) -> list[str]:
    return [
        "sweep", "--strategy", SMA, "--dataset", str(data), "--out", str(out),
        "--trials", str(TRIALS), "--objective", "return", "--lookahead-cuts", "2",
        "--storage", f"sqlite:///{storage}", "--study", "s", "--no-progress", *SMA_SEARCH,
    ]  # fmt: skip


def states(storage: Path) -> Counter[str]:
    try:
        with sqlite3.connect(storage) as db:
            return Counter(state for (state,) in db.execute("SELECT state FROM trials"))
    except sqlite3.OperationalError:  # not created yet, or busy
        return Counter()


@pytest.mark.timeout(240)
def test_ctrl_c_stops_a_sweep_and_running_it_again_goes_on(tmp_path: Path) -> None:
    data = write_wave(tmp_path / "BTC_TRY.csv", 3000)
    out, storage = tmp_path / "sweep", tmp_path / "study.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "btcbot", *sweep_args(data, out, storage)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own: Ctrl-C reaches all of it
    )
    while not states(storage)["RUNNING"]:  # a trial is replaying
        assert process.poll() is None, process.communicate()
        os.sched_yield()
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stdout + stderr
    assert stderr.strip() == (
        "error: sweep interrupted (SIGINT): no report written; the finished trials are kept in "
        "study 's' and the ones cut short are queued again: run the same command to go on"
    )
    assert not (out / "sweep.json").exists()
    stopped = states(storage)
    assert stopped["RUNNING"] == 0 and stopped["FAIL"] == 1, stopped
    assert stopped["COMPLETE"] + stopped["WAITING"] == TRIALS, stopped  # the cut one queued
    again = cli(*sweep_args(data, out, storage))
    assert again.code == 0, again.output
    assert states(storage) == Counter({"COMPLETE": TRIALS, "FAIL": 1})
    assert (out / "sweep.json").exists()
