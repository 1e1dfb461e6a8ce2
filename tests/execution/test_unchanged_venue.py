"""A venue that sees every change to its account (the replay's) lets a reconciliation pass be
skipped when it can prove the pass would find nothing; whenever that proof is missing, the
pass reads as always, and a whole backtest leaves the same database either way."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import run_backtest
from btcbot.backtest.rules import venue_rules
from btcbot.decision.plan import PlannedSubmit
from btcbot.domain import Balance, Fill, OrderMethod, OrderRequest, Side, Symbol
from btcbot.exchange.datasets import ReplayDataset
from btcbot.exchange.replay import ReplayExchange
from btcbot.exchange.reports import ExchangeOrder
from btcbot.execution import OmsSettings, OrderManager, SubmitResult, persist_intents
from btcbot.store import ExecutionMode, MemoryStateStore
from tests.backtest.factories import BTC_TRY, ETH_TRY, START, lively, wave_dataset, wave_series

RESTING = "950000"  # a buy below the wave's lows: it rests


class CountingReplay(ReplayExchange):
    """The replay exchange, counting the account reads a pass makes."""

    reads = 0

    async def balances(self) -> Mapping[str, Balance]:
        self.reads += 1
        return await super().balances()

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]:
        self.reads += 1
        return await super().open_orders(symbol)

    async def fills(self, symbol: Symbol, since_ms: int) -> Sequence[Fill]:
        self.reads += 1
        return await super().fills(symbol, since_ms)


def venue() -> CountingReplay:
    dataset = ReplayDataset.of(wave_series(48), wave_series(48, symbol=ETH_TRY, seed=3))
    return CountingReplay(dataset, venue_rules(dataset.symbols), {"TRY": Decimal(100_000)})


def oms(
    replay: CountingReplay, *, activity: bool = True, store: MemoryStateStore | None = None
) -> OrderManager:
    return OrderManager(
        store or MemoryStateStore(),
        replay,
        mode=ExecutionMode.REPLAY,
        clock_ms=replay.now_ms,
        settings=OmsSettings(reconcile_pass_timeout_ms=None),
        activity=replay if activity else None,
    )


def buy(client_order_id: str, price: str) -> OrderRequest:
    return OrderRequest(
        BTC_TRY,
        Side.BUY,
        OrderMethod.LIMIT,
        client_order_id,
        quantity=Decimal("0.001"),
        price=Decimal(price),
    )


async def test_a_pass_after_a_clean_one_on_an_unchanged_venue_reads_nothing() -> None:
    replay = venue()
    manager = oms(replay)
    await manager.startup([BTC_TRY])
    first = await manager.reconcile([BTC_TRY])
    replay.step()  # time moves, the account does not
    replay.reads = 0
    second = await manager.reconcile([BTC_TRY])
    assert replay.reads == 0
    assert second.ok and second.at_ms == replay.now_ms() > first.at_ms
    assert second.balances == first.balances and not second.unknown_orders
    # what a pass that reads returns on the same venue state
    reading = await oms(replay, activity=False).reconcile([BTC_TRY])
    assert (reading.ok, reading.unknown_orders, reading.changed) == (True, (), ())
    assert reading.balances == second.balances


@pytest.mark.parametrize(
    "change", ["live order", "venue changed", "new symbol", "thorough", "startup"]
)
async def test_without_the_proof_a_pass_reads(change: str) -> None:
    replay, store = venue(), MemoryStateStore()
    manager = oms(replay, store=store)
    await manager.startup([BTC_TRY])
    await manager.reconcile([BTC_TRY])
    symbols = [BTC_TRY]
    if change == "live order":
        request = buy("q-live", RESTING)
        with store.session() as session:  # the intent, persisted as the cycle runner does
            submits = [PlannedSubmit(request, "test")]
            stored = persist_intents(session.orders, submits, ExecutionMode.REPLAY, 0)
        manager.journal.track(stored)
        assert (await manager.submit(request, "test")).result is SubmitResult.ACCEPTED
        await manager.reconcile(symbols)  # a clean pass with our order resting: still read
    elif change == "venue changed":
        await replay.submit(buy("someone-else", RESTING))  # not through the OMS
    elif change == "new symbol":
        symbols = [BTC_TRY, ETH_TRY]
    replay.reads = 0
    if change == "startup":
        await manager.startup(symbols)
    else:
        await manager.reconcile(symbols, thorough=change == "thorough")
    assert replay.reads > 0


async def test_a_foreign_order_is_reported_by_every_pass() -> None:
    replay = venue()
    manager = oms(replay)
    await manager.startup([BTC_TRY])
    await replay.submit(buy("someone-else", RESTING))
    reports = [await manager.reconcile([BTC_TRY]) for _ in range(3)]
    assert all(len(r.unknown_orders) == 1 for r in reports)  # never a skipped pass


async def test_a_backtest_leaves_the_same_database_with_and_without_skipped_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def run(out: Path, stage: int) -> None:
        await run_backtest(
            wave_dataset(96),
            stage=stage,
            params=lively(stage),
            out_db=out,
            starting_balances=START,
            seed=1,
            spread_bps=Decimal(10),
        )

    for stage in (3, 4, 7):
        await run(tmp_path / f"skipping-{stage}.db", stage)
    versions = itertools.count()
    with monkeypatch.context() as patch:  # a venue that never proves anything: every pass reads
        patch.setattr(ReplayExchange, "account_version", lambda self: next(versions))
        for stage in (3, 4, 7):
            await run(tmp_path / f"reading-{stage}.db", stage)
    for stage in (3, 4, 7):
        assert _dump(tmp_path / f"skipping-{stage}.db") == _dump(tmp_path / f"reading-{stage}.db")


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()
