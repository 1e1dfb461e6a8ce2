"""A backtest stopped by a signal leaves no litter and never half-replaces the previous run.

``btcbot backtest`` runs as a process of its own here (the real entry point), the way a user
stops it: Ctrl-C (SIGINT) or SIGTERM mid-run ends it at once with one line, exit 128+signal,
the previous ``--out`` byte for byte and no ``<out>.<pid>.partial`` file. SIGKILL cannot be
caught: the killed run's partial file stays, and the next run to the same ``--out`` removes
it (a partial file of a process still alive is another run's, and stays)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backtest.factories import write_wave
from tests.cli.runner import cli
from tests.helpers import REPO_ROOT

HOURS = 20_000  # long enough a run that a signal lands while it replays


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


def start_backtest(data: Path, out: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "btcbot", "backtest", "--data", str(data), "--out", str(out),
        "--overwrite", "--every-bar", "--spread-bps", "30", "--no-progress",
        "--progress-every", "0",
    ]  # fmt: skip
    return subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a terminal's Ctrl-C reaches it alone, not pytest
    )


def wait_for_partial(process: subprocess.Popen[str], folder: Path) -> None:
    """Until the run writes its partial file (it is replaying then)."""
    while not partials(folder):
        assert process.poll() is None, process.communicate()
        os.sched_yield()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_the_run_at_once_and_leaves_the_previous_run(
    workdir: Path, signum: signal.Signals
) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", HOURS)
    out = workdir / "run.db"
    first = cli("backtest", "--data", str(data), "--out", str(out), "--max-cycles", "5")
    assert first.code == 0, first.output
    before = digest(out)
    process = start_backtest(data, out)
    wait_for_partial(process, workdir)
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, stdout + stderr
    assert stderr.strip() == (
        f"error: backtest interrupted ({signum.name}): nothing was written, --out {out} is as "
        "it was"
    )
    assert "Traceback" not in stdout + stderr
    assert "database:" not in stdout  # no result summary
    assert digest(out) == before
    assert partials(workdir) == []


@pytest.mark.timeout(120)
def test_the_next_run_removes_a_killed_runs_partial_file(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", HOURS)
    out = workdir / "run.db"
    process = start_backtest(data, out)
    wait_for_partial(process, workdir)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    killed = partials(workdir)
    assert killed and all(f".{process.pid}.partial" in name for name in killed)
    alive = workdir / f"run.db.{os.getppid()}.partial"  # a live process: a run in progress
    alive.write_bytes(b"")
    other = workdir / "other.db.999999999.partial"  # another --out's: not this run's business
    other.write_bytes(b"")
    again = cli("backtest", "--data", str(data), "--out", str(out), "--max-cycles", "5")
    assert again.code == 0, again.output
    assert partials(workdir) == sorted([alive.name, other.name])


@pytest.mark.timeout(120)
def test_ctrl_c_stops_the_lookahead_check_and_leaves_no_scratch(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", HOURS)
    scratch = workdir / "tmp"
    scratch.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "btcbot", "lookahead", "--dataset", str(data), "--cuts", "3"],
        cwd=REPO_ROOT,
        env={**os.environ, "TMPDIR": str(scratch)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    while not any(scratch.rglob("*.db")):  # a replay is writing its throw-away database
        assert process.poll() is None, process.communicate()
        os.sched_yield()
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stdout + stderr
    assert stderr.strip() == "error: lookahead check interrupted (SIGINT): no verdict"
    assert list(scratch.iterdir()) == []
