"""Reconciliation reads what it must every pass and sweeps idle symbols as the budget allows.

The emulator counts every request, so each test asserts what actually went over the wire.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from btcbot.domain import Symbol
from btcbot.exchange.read_budget import ReadKind
from btcbot.execution import OmsSettings, OrderManager, StreamGap
from tests.execution.rig import ACCOUNT, BTC_TRY, Rig, rig

ETH_TRY = Symbol("ETH", "TRY")
SOL_TRY = Symbol("SOL", "TRY")
TRADES = "GET /api/v1/users/transactions/trade"
OPEN = "GET /api/v1/openOrders"
SWEEP_MS = 60_000


@dataclass
class Budget:
    spare_now: bool = False

    def spare(self, read: ReadKind) -> bool:
        assert read in (ReadKind.FILLS, ReadKind.OPEN_ORDERS)
        return self.spare_now


def oms(r: Rig, budget: Budget) -> OrderManager:
    return OrderManager(
        r.engine,
        r.port,
        mode="live",
        clock_ms=r.clock,
        account_key=ACCOUNT,
        settings=OmsSettings(idle_sweep_max_interval_ms=SWEEP_MS),
        budget=budget,
    )


class Requests:
    def __init__(self, r: Rig) -> None:
        self._counts = r.emu.faults.counters.requests
        self._seen = dict(self._counts)

    def since(self) -> dict[str, int]:
        now = dict(self._counts)
        delta = {k: now[k] - self._seen.get(k, 0) for k in now if now[k] != self._seen.get(k, 0)}
        self._seen = now
        return delta


SYMBOLS = [BTC_TRY, ETH_TRY, SOL_TRY]


async def test_idle_symbols_are_read_at_start_then_only_when_spare_or_overdue(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        budget = Budget(spare_now=False)
        manager = oms(r, budget)
        seen = Requests(r)
        assert (await manager.startup(SYMBOLS)).ok
        start = seen.since()
        assert (await manager.reconcile(SYMBOLS)).ok
        tight = seen.since()
        budget.spare_now = True
        assert (await manager.reconcile(SYMBOLS)).ok
        spare = seen.since()
        budget.spare_now = False
        r.clock.advance(SWEEP_MS / 1000)
        assert (await manager.reconcile(SYMBOLS)).ok
        overdue = seen.since()
    # start-up reads everything: one user-trades request for all symbols, open orders of each
    assert start[TRADES] == 1 and start[OPEN] == 3
    # nothing of ours is live and the budget is tight: no sweep (balances are still read)
    assert TRADES not in tight and OPEN not in tight
    assert tight["GET /api/v1/users/balances"] == 1
    assert spare[TRADES] == 1 and spare[OPEN] == 3
    assert overdue[TRADES] == 1 and overdue[OPEN] == 3


async def test_a_symbol_with_a_live_order_is_read_every_pass_whatever_the_budget(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        manager = oms(r, Budget(spare_now=False))
        assert (await manager.startup(SYMBOLS)).ok
        request = await r.resting_buy("rest-1")
        r.persist(request)
        await manager.submit(request, "test")
        seen = Requests(r)
        for _ in range(3):
            assert (await manager.reconcile(SYMBOLS)).ok
        passes = seen.since()
    assert passes[OPEN] == 3  # BTC_TRY only, once per pass
    assert passes[TRADES] == 3  # one account-wide request per pass


async def test_an_order_that_finished_since_the_last_pull_still_gets_its_fills(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        manager = oms(r, Budget(spare_now=False))
        assert (await manager.startup(SYMBOLS)).ok
        request = await r.marketable_buy("taker-1")
        r.persist(request)
        await manager.submit(request, "test")  # fills at once; the order is still OPEN here
        first = await manager.reconcile(SYMBOLS)
        second = await manager.reconcile(SYMBOLS)
        stored = r.stored("taker-1")
    assert first.ok and first.fills.inserted == 1
    assert stored.status.is_terminal
    assert second.ok and second.fills.inserted == 0


async def test_a_gap_in_the_private_stream_makes_the_next_pass_read_everything(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        manager = oms(r, Budget(spare_now=False))
        assert (await manager.startup(SYMBOLS)).ok
        seen = Requests(r)
        manager.on_private_event(StreamGap("conn-1"))
        assert (await manager.reconcile(SYMBOLS)).ok
        after_gap = seen.since()
        assert (await manager.reconcile(SYMBOLS)).ok
        next_pass = seen.since()
    assert after_gap[TRADES] == 1 and after_gap[OPEN] == 3
    assert TRADES not in next_pass and OPEN not in next_pass


async def test_someone_elses_fill_on_an_idle_symbol_is_found_by_the_sweep(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        budget = Budget(spare_now=False)
        manager = oms(r, budget)
        assert (await manager.startup(SYMBOLS)).ok
        await r.client.submit_order(await r.marketable_buy("someone-else"))
        tight = await manager.reconcile(SYMBOLS)
        r.clock.advance(SWEEP_MS / 1000)
        swept = await manager.reconcile(SYMBOLS)
    assert tight.fills.unknown == ()
    assert [f.client_order_id for f in swept.fills.unknown] == ["someone-else"]
