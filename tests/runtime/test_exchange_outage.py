"""Runs against an exchange that fails: start-up waits, the lock stays fresh while a cycle is
stuck, failing reconciliation trips the kill switch within a time bound, a lost lock stops
everything. The real runtime (``btcbot run``'s ``run_config`` / ``open_runtime``) against the
in-process emulator, with faults set through its admin state."""

from __future__ import annotations

import asyncio
import re
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from sqlalchemy import Engine
from structlog.testing import capture_logs

from btcbot.btcturk.exchange import NotArmed
from btcbot.commands.run import run_config
from btcbot.config import load_config
from btcbot.domain import OrderMethod, OrderRequest, Side, Symbol
from btcbot.emulator import Emulator
from btcbot.runtime.factory import open_runtime
from btcbot.store import (
    DbRole,
    LockHolder,
    LockLost,
    OpState,
    ProcessLock,
    open_store,
    sqlite_url,
    unit_of_work,
)
from btcbot.store.locks import read_all_holders
from tests.helpers import eventually
from tests.runtime.conftest import arm, point_at

PRIVATE = "/api/v1"  # BTCTurk's private (signed) endpoints


class FakeClock:
    def __init__(self, now_ms: int = 1_800_000_000_000) -> None:
        self.now_ms = now_ms

    def __call__(self) -> int:
        return self.now_ms

    def advance(self, seconds: float) -> None:
        self.now_ms += int(seconds * 1000)


@pytest.fixture
def armed(workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    point_at(monkeypatch, emulator)
    arm(monkeypatch, emulator)
    monkeypatch.setenv("SYMBOLS", "BTC_TRY,ETH_TRY")
    monkeypatch.setenv("BTCTURK_REST_MAX_RETRIES", "0")  # each failure shows at once
    return emulator


def the_holder(engine: Engine, key: str) -> LockHolder:
    holder = ProcessLock(engine, file_lock=False).status(key)
    assert holder is not None
    return holder


async def test_start_up_waits_through_an_exchange_outage_then_trades(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STARTUP_RETRY_BASE_SECONDS", "0.05")
    monkeypatch.setenv("STARTUP_RETRY_MAX_SECONDS", "0.2")
    monkeypatch.setenv("RECONCILE_FAILURE_THRESHOLD", "1000")  # this test is about waiting
    monkeypatch.setenv("RECONCILE_FAILURE_MAX_SECONDS", "100000")
    armed.faults.update({"http_5xx_probability": 1.0})  # maintenance: every request 503
    with capture_logs() as logs:
        run = asyncio.create_task(run_config(load_config(3), cycles=2, cycle_seconds=0.05))

        def waits() -> list[dict[str, object]]:
            return [e for e in logs if e["event"] == "startup_waiting_for_exchange"]

        await eventually(lambda: len(waits()) >= 3, timeout=30)
        assert not run.done()
        armed.faults.clear()
        done = await asyncio.wait_for(run, 60)
    assert done == 2
    attempts = waits()
    assert [e["attempt"] for e in attempts[:3]] == [1, 2, 3]
    for event in attempts:
        assert event["log_level"] == "warning"
        assert isinstance(event["retry_in_s"], float) and event["retry_in_s"] >= 0
        assert "503" in str(event["error"]) or "ServerError" in str(event["error"])
    assert armed.faults.counters.mutating["submit"] > 0  # it trades once the exchange is back
    assert "stopped cleanly after 2 cycle(s)" in capsys.readouterr().out


async def test_the_lock_heartbeat_stays_fresh_while_a_cycle_is_stuck(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROCESS_INSTANCE_TTL_SECONDS", "2")
    monkeypatch.setenv("PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS", "0.1")
    config = load_config(3)
    async with open_runtime(config) as runtime:
        identity_key = _held_key(runtime.engine)
        armed.faults.update({"latency_ms": 1500, "latency_path_prefix": PRIVATE})
        stuck = asyncio.create_task(runtime.runner.run_once())
        start = the_holder(runtime.engine, identity_key).heartbeat_ms

        def advanced_while_stuck() -> bool:
            holder = the_holder(runtime.engine, identity_key)
            return holder.heartbeat_ms >= start + 2_500 and not stuck.done()

        # More than the TTL passes inside one cycle, and the row never goes stale.
        await eventually(advanced_while_stuck, timeout=30)
        holder = the_holder(runtime.engine, identity_key)
        assert not holder.is_stale(holder.heartbeat_ms + 1)
        assert not runtime.heartbeat.lost
        armed.faults.clear()
        await asyncio.wait_for(stuck, 60)


def _held_key(engine: Engine) -> str:
    (holder,) = read_all_holders(engine)
    return holder.account_key


async def test_persistent_reconcile_failure_trips_the_kill_switch_within_the_time_bound(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Far fewer failed passes than the threshold, but failing for the time bound: tripped."""
    monkeypatch.setenv("RECONCILE_FAILURE_THRESHOLD", "10")
    monkeypatch.setenv("RECONCILE_FAILURE_MAX_SECONDS", "120")
    clock = FakeClock()
    async with open_runtime(load_config(3), clock_ms=clock) as runtime:
        armed.faults.update({"http_5xx_probability": 1.0})
        first = await runtime.runner.run_once()
        assert not first.reconcile_ok and not first.kill_switch_tripped
        clock.advance(100)
        second = await runtime.runner.run_once()
        assert not second.reconcile_ok and not second.kill_switch_tripped  # 100 s < 120 s
        clock.advance(21)
        third = await runtime.runner.run_once()
        assert third.kill_switch_tripped
        with unit_of_work(runtime.engine) as conn:
            op = OpState(conn).get("main")
        assert op.kill_switch and op.kill_switch_source == "reconcile"
        assert op.reconcile_failures == 3
        assert op.kill_switch_reason is not None
        assert "failing for 121s" in op.kill_switch_reason
        assert "RECONCILE_FAILURE_MAX_SECONDS 120" in op.kill_switch_reason
        armed.faults.clear()


async def test_a_reconciliation_pass_is_cut_at_its_deadline(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECONCILE_PASS_TIMEOUT_SECONDS", "0.3")
    config = load_config(3)
    async with open_runtime(config) as runtime:
        armed.faults.update({"latency_ms": 5000, "latency_path_prefix": PRIVATE})
        report = await runtime.runner.oms.reconcile(config.common.symbols)
        armed.faults.clear()
    assert not report.ok and report.failures == 1
    assert report.error is not None and "PassTimedOut" in report.error
    assert "RECONCILE_PASS_TIMEOUT_SECONDS" in report.error


async def test_a_lost_lock_blocks_every_exchange_write_at_once(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS", "0.05")
    async with open_runtime(load_config(3)) as runtime:
        await runtime.runner.run_once()
        ProcessLock(runtime.engine, file_lock=False).force_release(_held_key(runtime.engine))
        await eventually(lambda: runtime.heartbeat.lost)
        request = OrderRequest(
            Symbol("BTC", "TRY"),
            Side.BUY,
            OrderMethod.LIMIT,
            "lost-lock-probe",
            quantity=Decimal("0.001"),
            price=Decimal(1000),
        )
        submits = armed.faults.counters.mutating["submit"]
        with pytest.raises(NotArmed, match="LOCK_LOST"):
            await runtime.runner.port.submit(request)
        with pytest.raises(NotArmed, match="LOCK_LOST"):
            await runtime.runner.port.cancel(1)
        with pytest.raises(LockLost, match="force-released or taken over"):
            await runtime.runner.run_once()
        assert armed.faults.counters.mutating["submit"] == submits


async def test_a_lost_lock_stops_the_run_with_a_clear_message(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS", "0.05")
    config = load_config(3)
    run = asyncio.create_task(run_config(config, cycles=None, cycle_seconds=0.05))
    await eventually(lambda: "cycle " in capsys.readouterr().out, timeout=30)
    engine = open_store(sqlite_url(config.common.state_db_path), DbRole.LIVE)
    try:
        ProcessLock(engine, file_lock=False).force_release(_held_key(engine))
    finally:
        engine.dispose()
    with pytest.raises(typer.Exit) as stopped:
        await asyncio.wait_for(run, 30)
    assert stopped.value.exit_code == 1
    err = capsys.readouterr().err
    assert "lost the single-writer lock" in err and "btcbot lock status" in err


async def test_a_refused_key_at_start_up_is_not_waited_for(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 401 is settings, not an outage: exit 2 at once (the unit does not restart it)."""
    monkeypatch.setenv("BTCTURK_API_SECRET", "d3Jvbmctc2VjcmV0")  # base64 of "wrong-secret"
    with pytest.raises(typer.Exit) as refused:
        await run_config(load_config(3), cycles=1, cycle_seconds=0)
    assert refused.value.exit_code == 2
    err = capsys.readouterr().err
    assert "AuthError" in err and "check BTCTURK_API_KEY" in err


async def test_a_refused_key_in_websocket_mode_is_one_line_and_exit_2(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In ws mode the feed's login meets the bad key first: the same refusal, not a traceback."""
    monkeypatch.setenv("BTCTURK_API_SECRET", "d3Jvbmctc2VjcmV0")  # base64 of "wrong-secret"
    monkeypatch.setenv("MARKET_DATA_MODE", "ws")
    with pytest.raises(typer.Exit) as refused:
        await run_config(load_config(3), cycles=1, cycle_seconds=0)
    assert refused.value.exit_code == 2
    err = capsys.readouterr().err
    assert "refused the WebSocket login" in err and "check BTCTURK_API_KEY" in err


async def test_the_start_up_wait_has_a_bound(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STARTUP_EXCHANGE_WAIT_SECONDS", "1")
    monkeypatch.setenv("STARTUP_RETRY_BASE_SECONDS", "0.1")
    armed.faults.update({"http_5xx_probability": 1.0})
    with pytest.raises(typer.Exit) as gave_up:
        await run_config(load_config(3), cycles=1, cycle_seconds=0)
    armed.faults.clear()
    assert gave_up.value.exit_code == 1
    err = capsys.readouterr().err
    assert "exchange unavailable, refusing to trade" in err
    assert "STARTUP_EXCHANGE_WAIT_SECONDS 1" in err


async def test_a_failing_streak_cuts_the_next_pass_at_the_time_bound(
    armed: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kill switch trips on time even when one pass would run past the bound: the pass is
    cut where the bound falls, not at its own (longer) deadline or the REST timeout."""
    monkeypatch.setenv("RECONCILE_FAILURE_THRESHOLD", "100")
    monkeypatch.setenv("RECONCILE_FAILURE_MAX_SECONDS", "2")
    monkeypatch.setenv("RECONCILE_PASS_TIMEOUT_SECONDS", "50")
    config = load_config(3)
    async with open_runtime(config) as runtime:
        armed.faults.update({"http_5xx_next": 1})
        first = await runtime.runner.oms.reconcile(config.common.symbols)
        assert not first.ok and not first.kill_switch_tripped
        # Now private calls hang: the pass's deadline is what is left of the 2 s bound.
        armed.faults.update({"latency_ms": 40_000, "latency_path_prefix": PRIVATE})
        second = await runtime.runner.oms.reconcile(config.common.symbols)
        armed.faults.clear()
    assert not second.ok and second.failures == 2
    assert second.error is not None and "PassTimedOut" in second.error
    deadline = re.search(r"took longer than ([0-9.]+)s", second.error)
    assert deadline is not None and float(deadline.group(1)) <= 2, second.error
    assert second.kill_switch_tripped
