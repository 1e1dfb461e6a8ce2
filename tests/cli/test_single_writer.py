"""One writer per exchange account, through the real ``btcbot run`` against the emulator.

The first bot is a real process (``python -m btcbot run --loop``); the second start runs
in-process through the CLI app (or as a process where a crash is the point).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from btcbot.cli import app
from btcbot.emulator import Emulator
from btcbot.store import (
    DbRole,
    ProcessLock,
    account_fingerprint,
    exchange_account_identity,
    open_store,
    sqlite_url,
)
from tests.cli.rig import PLANTED_KEY, armed_env, emulator_env, invoke, threaded_emulator
from tests.cli.runner import Result, cli

SCRUB = ("BTCTURK_", "STATE_DB", "DRY_RUN", "KILL_SWITCH", "SAFE_MODE", "LIVE_TRADING", "LOCK_DIR")


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with threaded_emulator() as emulator:
        yield emulator


def bot_env(emu: Emulator, tmp_path: Path, db: str, account: str, **extra: str) -> dict[str, str]:
    return {
        **emulator_env(emu),
        **armed_env(tmp_path / db),
        "ACCOUNT_KEY": account,
        "LOCK_DIR": str(tmp_path / "locks"),
        "SYMBOLS": "BTC_TRY,ETH_TRY",
        # Entries rest at mid in the quiet market, the TTL cancels them, new ones follow.
        "OFFSET_BPS": "0",
        "COOLDOWN_SECONDS": "0",
        "TTL_SECONDS": "1",
        **extra,
    }


@contextmanager
def running_bot(env: Mapping[str, str], cwd: Path) -> Iterator[subprocess.Popen[str]]:
    """A real ``btcbot run --loop`` that has finished its first cycle."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(SCRUB)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "btcbot", "run", "--stage", "3", "--loop", "--cycle-seconds", "0.2"],
        cwd=cwd,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        assert banner.startswith("LIVE: armed"), banner + (
            proc.stderr.read() if proc.stderr else ""
        )
        first = proc.stdout.readline()
        assert first.startswith("cycle "), first
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=30)  # also closes the pipes
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def run_in_process(env: Mapping[str, str], *args: str) -> Result:
    return invoke(app, ["run", "--stage", "3", *args], env)


def test_same_api_key_with_another_account_key_and_database_is_refused(
    emu: Emulator, tmp_path: Path
) -> None:
    with running_bot(bot_env(emu, tmp_path, "alpha.db", "alpha"), tmp_path) as first:
        other_db = run_in_process(bot_env(emu, tmp_path, "beta.db", "beta"))
        # Same database, another ACCOUNT_KEY and another LOCK_DIR: the row refuses.
        other_dir = run_in_process(
            bot_env(emu, tmp_path, "alpha.db", "beta", LOCK_DIR=str(tmp_path / "other-locks"))
        )
    assert other_db.code == 2, other_db.output
    assert f"pid {first.pid}" in other_db.stderr and "ACCOUNT_KEY 'alpha'" in other_db.stderr
    assert account_fingerprint(PLANTED_KEY) in other_db.stderr
    assert "Traceback" not in other_db.output and PLANTED_KEY not in other_db.output
    assert other_dir.code == 2, other_dir.output
    assert f"pid {first.pid} on" in other_dir.stderr and "only one writer" in other_dir.stderr


def test_kill_9_then_an_immediate_restart_takes_over_at_once_and_trades(
    emu: Emulator, tmp_path: Path
) -> None:
    env = bot_env(emu, tmp_path, "state.db", "main")
    with running_bot(env, tmp_path) as crashed:
        crashed.kill()  # SIGKILL: no clean-up, the lock row stays with a fresh heartbeat
        crashed.wait(10)
    # A look at the lock right after the crash: the dead process is called dead, not live.
    status = cli("lock", "status", cwd=tmp_path, env=env)
    assert status.code == 0, status.output
    assert f"pid {crashed.pid}" in status.stdout and "[DEAD]" in status.stdout, status.stdout
    overview = cli("status", cwd=tmp_path, env=env)
    assert "[DEAD]" in overview.stdout and "is dead" in overview.stdout, overview.stdout
    submits_before = emu.faults.counters.mutating["submit"]
    restarted = cli(
        "run", "--stage", "3", "--cycles", "8", "--cycle-seconds", "0.3", cwd=tmp_path, env=env
    )
    assert restarted.code == 0, restarted.output
    assert "lock_taken_over" in restarted.stderr
    assert f"old_pid={crashed.pid}" in restarted.stderr
    assert restarted.stdout.count("cycle ") == 8
    assert emu.faults.counters.mutating["submit"] > submits_before, restarted.stdout


def test_a_holder_on_another_host_within_the_ttl_still_refuses(
    emu: Emulator, tmp_path: Path
) -> None:
    env = bot_env(emu, tmp_path, "state.db", "main", PROCESS_INSTANCE_TTL_SECONDS="60")
    engine = open_store(sqlite_url(tmp_path / "state.db"), DbRole.LIVE)
    identity = exchange_account_identity(PLANTED_KEY, tmp_path / "locks")
    now = [int(time.time() * 1000)]

    def far_holder() -> None:  # its heartbeat at now[0]
        ProcessLock(
            engine,
            clock_ms=lambda: now[0],
            instance_id="far",
            pid=77,
            host="other-host",
            file_lock=False,
        ).acquire(identity, ttl_seconds=60)

    far_holder()
    refused = run_in_process(env, "--cycles", "1")
    assert refused.code == 2, refused.output
    assert "pid 77 on other-host" in refused.stderr
    assert "PROCESS_INSTANCE_TTL_SECONDS" in refused.stderr
    # The same holder past its TTL is taken over.
    now[0] -= 61_000
    far_holder()
    engine.dispose()
    taken = run_in_process(env, "--cycles", "1", "--cycle-seconds", "0")
    assert taken.code == 0, taken.output
    assert "stopped cleanly after 1 cycle(s)" in taken.stdout


def test_status_finds_the_running_bots_lock_without_the_api_key(
    emu: Emulator, tmp_path: Path
) -> None:
    env = bot_env(emu, tmp_path, "state.db", "main")
    shell = {"STATE_DB_PATH": env["STATE_DB_PATH"], "ACCOUNT_KEY": "main"}  # no key, no LOCK_DIR
    with running_bot(env, tmp_path) as bot:
        overview = cli("status", cwd=tmp_path, env=shell)
        locks = cli("lock", "status", cwd=tmp_path, env=shell)
    assert overview.code == 0 and locks.code == 0, overview.output + locks.output
    for shown in (overview.stdout, locks.stdout):
        assert f"pid {bot.pid}" in shown and "[live]" in shown.lower(), shown
        assert PLANTED_KEY not in shown, shown


def test_the_same_exchange_account_under_another_account_key_on_its_database_is_refused(
    emu: Emulator, tmp_path: Path
) -> None:
    """The kill switch, freeze, ledger baseline and loss limits are kept per ACCOUNT_KEY: a
    restart of the same exchange account (API key) on its database under another name would
    trade with none of them, a tripped kill switch included."""
    env = bot_env(emu, tmp_path, "state.db", "main")
    assert cli("run", "--stage", "3", "--cycles", "1", cwd=tmp_path, env=env).code == 0
    assert cli("kill-switch", "on", "--reason", "stop it", cwd=tmp_path, env=env).code == 0
    submits = emu.faults.counters.mutating["submit"]
    renamed = cli(
        "run", "--stage", "3", "--cycles", "2", cwd=tmp_path, env={**env, "ACCOUNT_KEY": "prod"}
    )
    assert renamed.code == 2, renamed.output
    assert "already runs on this database as ACCOUNT_KEY 'main'" in renamed.stderr
    assert "set ACCOUNT_KEY=main" in renamed.stderr
    assert "Traceback" not in renamed.output and PLANTED_KEY not in renamed.output
    assert "cycle " not in renamed.stdout
    assert emu.faults.counters.mutating["submit"] == submits
    preflight = cli("preflight", "--stage", "3", cwd=tmp_path, env={**env, "ACCOUNT_KEY": "prod"})
    assert preflight.code != 0, preflight.output
    assert "FAIL  lock" in preflight.stdout and "as ACCOUNT_KEY 'main'" in preflight.stdout
    # Under its own name it runs, and its kill switch holds.
    again = cli("run", "--stage", "3", "--cycles", "1", cwd=tmp_path, env=env)
    assert again.code == 0, again.output
    assert "KILL SWITCH on (set by an operator)" in again.stdout
