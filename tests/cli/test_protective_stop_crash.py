"""The protective stop protects a position while the agent is down, end to end.

An armed ``btcbot run --stage 3`` (a real subprocess) with ``PROTECTIVE_STOP_BPS`` buys, places
its stop on the exchange and is killed with SIGKILL; the price falls (the emulator's admin price
driver) and the stop sells the position on the exchange with no agent running; the restarted
agent books that sale exactly: ledger = exchange balances, position flat, stop order terminal.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from btcbot.accounting import build_ledger, expected_holdings
from btcbot.domain import OrderMethod, OrderStatus, Symbol
from btcbot.domain.money import to_decimal
from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from btcbot.emulator.orders import Order
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import (
    DbRole,
    FillRepository,
    OrderRepository,
    RiskStateRepository,
    open_store,
    sqlite_url,
    unit_of_work,
)
from tests.helpers import eventually

BTC_TRY = Symbol("BTC", "TRY")
SCRUBBED = ("BTCTURK_", "STAGE7_", "STATE_DB", "DRY_RUN", "KILL_SWITCH", "SAFE_MODE", "LIVE_")


def agent_env(emu: Emulator, db: Path, **settings: str) -> dict[str, str]:
    """Armed against the emulator's demo account, BTC_TRY only, 1000 TRY entries, a stop 2 %
    under average cost; a short lock TTL so a restart may take over from the killed holder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(SCRUBBED)}
    return clean | {
        "BTCTURK_BASE_URL": emu.rest_url,
        "BTCTURK_GRAPH_URL": emu.graph_url,
        "BTCTURK_WS_URL": emu.ws_url,
        "BTCTURK_API_KEY": emu.demo_account.api_key,
        "BTCTURK_API_SECRET": emu.demo_account.api_secret,
        "STATE_DB_PATH": str(db),
        "DRY_RUN": "false",
        "KILL_SWITCH": "false",
        "SAFE_MODE": "false",
        "LIVE_TRADING": "true",
        "LIVE_TRADING_ACK": "I_UNDERSTAND",
        "SYMBOLS": "BTC_TRY",
        "ENTRY_NOTIONAL_TRY": "1000",
        "TARGET_TRY": "1000",
        "PROTECTIVE_STOP_BPS": "200",
        "PROCESS_INSTANCE_TTL_SECONDS": "2",
        "PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS": "1",
        **settings,
    }


async def btcbot(
    tmp_path: Path, name: str, env: dict[str, str], *args: str
) -> asyncio.subprocess.Process:
    """``python -m btcbot`` with its output in files (a full pipe would stall the agent)."""
    out = (tmp_path / f"{name}.out").open("w")
    err = (tmp_path / f"{name}.err").open("w")
    try:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "btcbot", *args, cwd=tmp_path, env=env, stdout=out, stderr=err
        )
    finally:
        out.close()
        err.close()


def output(tmp_path: Path, pattern: str) -> str:
    """Everything the runs matching ``pattern`` (``agent.out``, ``restart-*.err``) wrote."""
    return "".join(path.read_text() for path in sorted(tmp_path.glob(pattern)))


def waiting_stop(emu: Emulator) -> Order | None:
    waiting = emu.exchange.stops["BTCTRY"]
    return waiting[0] if waiting else None


async def restart_until_the_lock_is_free(tmp_path: Path, env: dict[str, str]) -> int:
    """Run 2 cycles; while the killed holder's lock row is still fresh the run is refused
    (exit 2, naming the lock) and is tried again."""
    for attempt in range(10):
        proc = await btcbot(tmp_path, f"restart-{attempt}", env, "run", "--stage", "3",
                            "--cycles", "2", "--cycle-seconds", "0.2")  # fmt: skip
        code = await proc.wait()
        refusal = output(tmp_path, f"restart-{attempt}.err")
        if not (code == 2 and "lock" in refusal.lower()):
            return code
    raise AssertionError("the killed agent's lock was never taken over")


@pytest.mark.timeout(240)
async def test_the_stop_sells_while_the_agent_is_down_and_the_restart_books_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "state.db"
    quiet = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with (
        running_emulator(quiet) as emu,
        httpx.AsyncClient(base_url=emu.rest_url, timeout=10) as admin,
    ):
        env = agent_env(emu, db)
        agent = await btcbot(tmp_path, "agent", env, "run", "--stage", "3", "--loop",
                             "--cycle-seconds", "0.2")  # fmt: skip
        try:
            stop = await eventually(lambda: waiting_stop(emu), timeout=120, interval=0.05)
        finally:
            agent.send_signal(signal.SIGKILL)
            await agent.wait()
        assert agent.returncode == -signal.SIGKILL
        assert "LIVE: armed" in output(tmp_path, "agent.out")
        user = emu.exchange.user_by_key(emu.demo_account.api_key)
        assert user is not None
        (buy,) = {f.order_id for f in emu.exchange.fills[user.user_id]}
        bought = emu.exchange.orders[buy].filled
        assert (stop.side, stop.method, stop.quantity) == ("sell", "stopmarket", bought)

        # the price falls 10 %; the stop must sell on the exchange with no agent running
        fallen = (emu.exchange.last_price("BTCTRY") * Decimal("0.9")).quantize(Decimal(1))
        moved = await admin.post("/_emulator/price", params={"symbol": "BTCTRY", "price": fallen})
        assert moved.status_code == 200, moved.text

        async def sold() -> bool:
            await admin.post("/_emulator/step", params={"n": 1})
            return stop.status == "Closed"

        await eventually(sold, timeout=30)
        sale = [f for f in emu.exchange.fills[user.user_id] if f.order_id == stop.id]
        assert sum(f.amount for f in sale) == bought
        assert stop.stop_price is not None and all(f.price <= stop.stop_price for f in sale)

        code = await restart_until_the_lock_is_free(tmp_path, env | {"ENTRY_NOTIONAL_TRY": "0"})
        assert code == 0, output(tmp_path, "restart-*.out") + output(tmp_path, "restart-*.err")
        balances = {a: user.wallet.total(a) for a in user.wallet.assets()}
        assert not [o for o in emu.exchange.user_orders(user.user_id) if o.is_open]

    engine = open_store(sqlite_url(db), DbRole.LIVE)
    try:
        with unit_of_work(engine) as conn:
            orders = OrderRepository(conn)
            stored = orders.by_exchange_id(stop.id)
            fills = FillRepository(conn).all()
            baseline = RiskStateRepository(conn).get(baseline_key("main"))
    finally:
        engine.dispose()
    assert stored is not None, "the stop was persisted before it was sent"
    assert stored.order.request.method is OrderMethod.STOP_MARKET
    assert stored.status is OrderStatus.FILLED and stored.order.filled_quantity == bought
    booked = sorted((f.trade_id, f.price, f.quantity, f.fee, f.tax) for f in fills)
    on_exchange = sorted(
        (f.trade_id, f.price, f.amount, f.fee, f.tax) for f in emu.exchange.fills[user.user_id]
    )
    assert booked == on_exchange  # the buy and the stop's sale, each trade exactly once
    ledger = build_ledger(fills)
    position = ledger.positions[BTC_TRY]
    assert position.is_flat and position.realized_pnl < 0  # sold at a loss, as a stop does
    assert baseline is not None
    expected = expected_holdings(fills, {a: to_decimal(v) for a, v in baseline.items()})
    for asset in set(expected) | set(balances):
        assert expected.get(asset, Decimal(0)) == balances.get(asset, Decimal(0)), asset
