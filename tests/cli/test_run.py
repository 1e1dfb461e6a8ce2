"""``btcbot run`` and ``btcbot demo`` through ``btcbot.cli`` in-process, and the SIGTERM stop
through a real process (``python -m btcbot``)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from btcbot.store.locks import FileLock, LockFileRecord
from tests.cli.rig import emulator_env, threaded_emulator
from tests.cli.runner import cli
from tests.helpers import eventually, is_setting


def test_run_refuses_contradictory_gates_with_exit_2(tmp_path: Path) -> None:
    result = cli(
        "run",
        "--stage",
        "3",
        cwd=tmp_path,
        env={"LIVE_TRADING": "true", "DRY_RUN": "true", "STATE_DB_PATH": str(tmp_path / "s.db")},
    )
    assert result.code == 2
    assert "LIVE_TRADING" in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_run_without_an_exchange_fails_clearly(tmp_path: Path) -> None:
    result = cli(
        "run",
        "--stage",
        "3",
        cwd=tmp_path,
        env={
            "BTCTURK_BASE_URL": "http://127.0.0.1:9",
            "BTCTURK_REST_MAX_RETRIES": "0",
            "STARTUP_EXCHANGE_WAIT_SECONDS": "0",  # no waiting for the exchange at start-up
            "STATE_DB_PATH": str(tmp_path / "s.db"),
        },
    )
    assert result.code == 1
    assert "exchange unavailable" in result.stderr
    assert "STARTUP_EXCHANGE_WAIT_SECONDS" in result.stderr


def test_run_loop_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    with threaded_emulator() as emu:
        env = {
            **{k: v for k, v in os.environ.items() if not is_setting(k)},
            **emulator_env(emu),
            "KILL_SWITCH": "false",
            "SAFE_MODE": "false",
            "STATE_DB_PATH": str(tmp_path / "s.db"),
        }
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "btcbot",
                "run",
                "--stage",
                "3",
                "--loop",
                "--cycle-seconds",
                "0.2",
            ],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdout is not None
            first = proc.stdout.readline()
            assert first.startswith("DRY RUN"), first
            second = proc.stdout.readline()
            assert second.startswith("cycle "), second
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, err
    assert "stopped cleanly" in out
    assert "(stopped by SIGTERM)" in out


def test_demo_runs_end_to_end_and_its_ledger_matches(tmp_path: Path) -> None:
    result = cli("demo", "--cycles", "4", "--cycle-seconds", "0.2", cwd=tmp_path)
    assert result.code == 0, result.output
    assert "ARMED against the emulator" in result.stdout
    assert result.stdout.count("cycle ") >= 4
    assert "ledger equals exchange balances" in result.stdout
    assert "│ yes" in result.stdout or " yes " in result.stdout
    assert (tmp_path / ".btcbot-demo" / "state.db").exists()


def test_sigterm_ends_a_start_up_that_waits_for_the_exchange(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("BTCTURK_", "DRY_RUN"))},
        "BTCTURK_BASE_URL": "http://127.0.0.1:9",  # nothing listens: the exchange is "down"
        "BTCTURK_REST_MAX_RETRIES": "0",
        "STARTUP_RETRY_BASE_SECONDS": "30",  # the pause after the first failure is long
        "STATE_DB_PATH": str(tmp_path / "s.db"),
        "LOCK_DIR": str(tmp_path / "locks"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "btcbot", "run", "--stage", "3", "--loop"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        while line and "startup_waiting_for_exchange" not in line:
            line = proc.stderr.readline()
        assert "retry_in_s=" in line and "attempt=1" in line, line
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped cleanly after 0 cycle(s) (stopped by SIGTERM)" in out


def test_run_refuses_pairs_the_exchange_does_not_list(tmp_path: Path) -> None:
    with threaded_emulator() as emu:
        env = {
            **emulator_env(emu),
            "STATE_DB_PATH": str(tmp_path / "s.db"),
            "SYMBOLS": "BTC_TRY,BTC_TRT,FOO_TRY",
        }
        result = cli("run", env=env)
        seven = cli(
            "run",
            "--stage",
            "7",
            env={**env, "SYMBOLS": "BTC_TRY", "STAGE7_UNIVERSE_WHITELIST": "ETH_TRY,ETHH_TRY"},
        )
        nowhere = cli(  # a universe quoted in a currency nothing trades in: empty for ever
            "run",
            "--stage",
            "7",
            env={**env, "SYMBOLS": "BTC_TRY", "STAGE7_UNIVERSE_QUOTE_CCY": "XYZ"},
        )
        assert emu.faults.counters.mutating_total == 0
    assert result.code == 2, result.output
    assert "SYMBOLS: BTC_TRT is not listed on the exchange (did you mean BTC_TRY" in result.stderr
    assert "SYMBOLS: FOO_TRY is not listed on the exchange" in result.stderr
    assert "Traceback" not in result.output
    assert "cycle " not in result.stdout
    assert seven.code == 2, seven.output
    assert "STAGE7_UNIVERSE_WHITELIST: ETHH_TRY is not listed" in seven.stderr
    assert "did you mean ETH_TRY" in seven.stderr
    assert nowhere.code == 2, nowhere.output
    assert "STAGE7_UNIVERSE_QUOTE_CCY: no listed pair is quoted in XYZ" in nowhere.stderr


def test_a_demo_refuses_to_start_while_another_runs_in_the_directory(tmp_path: Path) -> None:
    """A second demo in the same directory recreated .btcbot-demo/state.db under the running
    one (deleting its database and -wal) before its lock told it another demo ran."""
    first = cli("demo", "--cycles", "1", "--cycle-seconds", "0", cwd=tmp_path)
    assert first.code == 0, first.output
    demo = tmp_path / ".btcbot-demo"
    [lock_file] = (demo / "locks").glob("*.lock")
    before = (demo / "state.db").read_bytes()
    running = FileLock(lock_file)  # what the running demo holds while it trades
    running.acquire(LockFileRecord(pid=4242, instance_id="first-demo"))
    try:
        second = cli("demo", "--cycles", "1", "--cycle-seconds", "0", cwd=tmp_path)
    finally:
        running.release()
    assert second.code == 2, second.output
    [line] = second.stderr.strip().splitlines()
    assert line.startswith("error: another btcbot demo (pid 4242, instance first-demo) is running")
    assert (demo / "state.db").read_bytes() == before


@pytest.mark.timeout(180)  # the demo notices the release at its next heartbeat (~25 s)
def test_a_demo_whose_lock_is_force_released_stops_with_one_error_line(tmp_path: Path) -> None:
    """It ended in a LockLost traceback; `run` says what happened and how to resolve it."""
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    demo = subprocess.Popen(
        [sys.executable, "-m", "btcbot", "demo", "--cycles", "600", "--cycle-seconds", "0.2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    db = tmp_path / ".btcbot-demo" / "state.db"
    try:
        asyncio.run(
            eventually(
                lambda: db.exists() and "lock: exchange account" in _lock_status(db, tmp_path),
                timeout=60,
                interval=0.2,
            )
        )
        released = cli(
            "lock",
            "release",
            "--yes",
            "--force",
            cwd=tmp_path,
            env={"STATE_DB_PATH": str(db), "LOCK_DIR": str(db.parent / "locks")},
        )
        assert released.code == 0, released.output
        out, err = demo.communicate(timeout=120)
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.communicate()
    assert demo.returncode == 1, (out, err)
    assert "Traceback" not in err
    [line] = [text for text in err.splitlines() if text.startswith("error:")]
    assert line.startswith("error: the demo stopped: lost the single-writer lock"), line


def _lock_status(db: Path, cwd: Path) -> str:
    env = {"STATE_DB_PATH": str(db), "LOCK_DIR": str(db.parent / "locks")}
    return cli("lock", "status", cwd=cwd, env=env).stdout
