"""Slept cycles: a strategy that declares its triggers is planned only where it can act, and
the run places the same orders, books the same fills and values every cycle as one that plans
every bar (``--every-bar``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import pytest

from btcbot.backtest import BacktestSetupError, open_dataset, run_backtest
from btcbot.backtest import runner as runner_module
from btcbot.backtest.storage import BacktestEngine
from btcbot.backtest.truncation import ReplaySetup, check_decisions
from btcbot.config.params import Profile3Params, Profile4Params
from btcbot.exchange.datasets import ReplayDataset, Series
from btcbot.kernel.builtin import strategy_profile
from btcbot.kernel.profile import Profile
from btcbot.store import memory as memory_module
from btcbot.store.memory import MemoryCycles
from btcbot.strategy.api import (
    BaseStrategy,
    DataKind,
    Frame,
    Intent,
    Param,
    Params,
    Requirements,
    StrategyView,
    TriggerMissed,
)
from btcbot.strategy.indicators import crosses, sma
from btcbot.strategy.loader import load_strategy
from tests.backtest.factories import START, wave_dataset
from tests.helpers import REPO_ROOT, shared_path

SMA = f"{REPO_ROOT / 'examples' / 'sma_crossover.py'}:SmaCrossover"
SERIES = ("data", "binance_tr_btctry_1h", "BTCTRY_1h_2019-12-20_2026-05-31.csv")
FAST = {"fast": 3, "slow": 8}


def sma_profile(params: Mapping[str, Any] = FAST, stage: int = 3) -> Profile:
    host = Profile3Params() if stage == 3 else Profile4Params()
    return strategy_profile(load_strategy(SMA), SMA, dict(params), host)


def real(first: int, bars: int, gap: range | None = None) -> ReplayDataset:
    """``bars`` real BTC/TRY hours from row ``first``; rows in ``gap`` (relative) left out."""
    full = open_dataset(shared_path(*SERIES), symbol="BTC_TRY")
    series = next(iter(full.series.values()))
    rows = series.bars[first : first + bars]
    kept = tuple(bar for i, bar in enumerate(rows) if gap is None or i not in gap)
    return ReplayDataset.of(Series(series.symbol, series.interval_ms, kept, "real"))


async def replay(
    dataset: ReplayDataset,
    out: Path,
    *,
    every_bar: bool,
    profile: Profile | None = None,
    engine: BacktestEngine = "fast",
    **options: Any,
) -> tuple[int, str]:
    slept: list[int] = []
    result = await run_backtest(
        dataset,
        stage=3,
        params=Profile3Params(),
        profile=profile or sma_profile(),
        out_db=out,
        starting_balances=START,
        seed=5,
        spread_bps=Decimal(10),
        engine=engine,
        every_bar=every_bar,
        on_slept=slept.append,
        **options,
    )
    assert result.skipped == 0
    return sum(slept), result.summary.fingerprint


def rows(path: Path, query: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


CYCLES = "select cycle_id, started_ms, ended_ms, fills, equity, realized_pnl from cycles"
ORDERS = "select client_order_id, symbol, side, price, quantity, status from orders"
FILLS = "select trade_id, order_id, price, quantity, fee from fills"


def same_trading(a: Path, b: Path) -> None:
    """Every cycle (id, time, fills, equity, realized PnL), order and fill identical."""
    for query in (CYCLES, ORDERS, FILLS):
        found_a, found_b = sorted(rows(a, query)), sorted(rows(b, query))
        assert found_a == found_b, query


def planned(path: Path) -> int:
    return rows(path, "select count(*) from cycles where plan_fingerprint is not null")[0][0]


@pytest.mark.parametrize("engine", ["fast", "db"])
async def test_a_sleeping_run_trades_exactly_as_one_that_plans_every_bar(
    engine: BacktestEngine, tmp_path: Path
) -> None:
    dataset = real(20_000, 1_200)
    slept, fingerprint = await replay(
        dataset, tmp_path / "slept.db", every_bar=False, engine=engine
    )
    none, _ = await replay(dataset, tmp_path / "every.db", every_bar=True)
    same_trading(tmp_path / "slept.db", tmp_path / "every.db")
    assert rows(tmp_path / "slept.db", "select count(*) from fills")[0][0] > 20  # it traded
    assert none == 0 and planned(tmp_path / "every.db") == 1_200
    assert slept > 900 and planned(tmp_path / "slept.db") == 1_200 - slept
    summaries = rows(
        tmp_path / "slept.db", "select summary from cycles where plan_fingerprint is null"
    )
    assert len(summaries) == slept and all('"slept":true' in s for (s,) in summaries)
    if engine == "db":  # the same run in memory and in the database
        _, fast = await replay(dataset, tmp_path / "fast.db", every_bar=False)
        assert fast == fingerprint


async def test_the_runs_agree_through_a_gap_with_steps_and_a_window(tmp_path: Path) -> None:
    dataset = real(30_000, 700, gap=range(300, 340))  # 40 hours missing: stale books on the way
    options: dict[str, Any] = {"step_bars": 3, "max_cycles": 150}
    await replay(dataset, tmp_path / "a.db", every_bar=False, **options)
    await replay(dataset, tmp_path / "b.db", every_bar=True, **options)
    same_trading(tmp_path / "a.db", tmp_path / "b.db")
    end = dataset.series[next(iter(dataset.series))].bars[500].close_ms
    await replay(dataset, tmp_path / "c.db", every_bar=False, end_ms=end)
    await replay(dataset, tmp_path / "d.db", every_bar=True, end_ms=end)
    same_trading(tmp_path / "c.db", tmp_path / "d.db")
    assert rows(tmp_path / "c.db", "select max(started_ms) from cycles")[0][0] <= end


async def test_profiles_that_keep_state_between_cycles_never_sleep(tmp_path: Path) -> None:
    dataset = wave_dataset(120)
    # the degrade risk layer (profile 4) tracks equity peaks and detectors every cycle
    degrade = sma_profile(stage=4)
    assert not degrade.sleeps_between_triggers
    slept, _ = await replay(dataset, tmp_path / "a.db", every_bar=False, profile=degrade)
    assert slept == 0 and planned(tmp_path / "a.db") == 120
    assert sma_profile().sleeps_between_triggers


class LateSeller(BaseStrategy):
    """Buys on a cross up (a trigger) but sells on the first bar after it: no trigger."""

    parameters: ClassVar[Mapping[str, Param]] = {}

    def requirements(self, params: Params) -> Requirements:
        return Requirements(
            data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), warmup_bars=9, triggers="cross"
        )

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        fast, slow = sma(frame.columns["close"], 3), sma(frame.columns["close"], 8)
        return {"fast": fast, "slow": slow, "cross": crosses(fast, slow)}

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            held = view.sellable(symbol)
            intent = None
            if held > 0:
                intent = view.sell(symbol, quantity=held, reason="late_exit")
            elif view.series(symbol, "cross")[-1] and view.position(symbol) == 0:
                intent = view.buy(symbol, notional_try=Decimal(500), reason="cross")
            if intent is not None:
                yield intent


class LowBidder(LateSeller):
    """On a cross, bids far under the market (the order rests, the account stays busy and the
    next cycles are planned); on every other bar it bids again: no trigger there."""

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            low = view.series(symbol, "close")[-1] * Decimal("0.8")
            reason = "cross" if view.series(symbol, "cross")[-1] else "again"
            intent = view.buy(symbol, notional_try=Decimal(300), price=low, reason=reason)
            if intent is not None:
                yield intent


class NoColumn(LateSeller):
    def requirements(self, params: Params) -> Requirements:
        return Requirements(data=frozenset({DataKind.CANDLES}), warmup_bars=9, triggers="signal")


class BreaksLate(LateSeller):
    """Holds on every bar, then raises on the 60th decision."""

    def __init__(self) -> None:
        self.decided = 0

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        self.decided += 1
        if self.decided >= 60:
            raise RuntimeError("the strategy broke")
        yield from ()


async def test_a_fast_run_that_fails_commits_none_of_the_cycles_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its cycles and decisions went into the output database's transaction as it ran (a
    write every few cycles here); the failure rolls all of them back. (The run writes beside
    --out and a failed run removes that file; kept here to look inside, as a kill leaves it;
    --out itself is never created.)"""
    monkeypatch.setattr(memory_module, "SPILL_ROWS", 5)
    monkeypatch.setattr(runner_module, "_discard", lambda work: None)
    writes: list[int] = []
    write_held = MemoryCycles.write_held

    def counted(self: MemoryCycles) -> None:
        writes.append(len(list(self.rows())))
        write_held(self)

    monkeypatch.setattr(MemoryCycles, "write_held", counted)
    breaks = strategy_profile(BreaksLate(), "breaks", {}, Profile3Params())
    with pytest.raises(RuntimeError, match="the strategy broke"):
        await replay(wave_dataset(200), tmp_path / "a.db", every_bar=True, profile=breaks)
    assert len(writes) > 5 and sum(writes) > 40  # cycles were written before it failed
    assert not (tmp_path / "a.db").exists()
    (partial,) = tmp_path.glob("a.db.*.partial")  # noqa: ASYNC240
    connection = sqlite3.connect(partial)
    try:
        tables = ("cycles", "decisions", "orders", "fills", "risk_state")
        counts = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]
    finally:
        connection.close()
    assert counts == [0] * len(tables)


async def test_acting_where_the_triggers_column_is_false_is_caught(tmp_path: Path) -> None:
    # in a sleeping run: wherever a cycle is planned anyway (an order of ours rests)
    bidder = strategy_profile(LowBidder(), "low", {}, Profile3Params())
    with pytest.raises(TriggerMissed, match=r"acted on BTC_TRY at .* \(buy \(again\)\)"):
        await replay(wave_dataset(200), tmp_path / "a.db", every_bar=False, profile=bidder)
    # on every bar by the decision-level lookahead check (which plans every bar)
    late = strategy_profile(LateSeller(), "late", {}, Profile3Params())
    setup = ReplaySetup(Profile3Params(), START, seed=5, spread_bps=Decimal(10))
    with pytest.raises(TriggerMissed, match=r"\(sell \(late_exit\)\) where its triggers"):
        await check_decisions(wave_dataset(200), late, setup, cuts=2, scratch=tmp_path)
    # planned on every bar, the same strategy runs (only its promise was wrong)
    slept, _ = await replay(wave_dataset(200), tmp_path / "b.db", every_bar=True, profile=late)
    assert slept == 0
    missing = strategy_profile(NoColumn(), "nocolumn", {}, Profile3Params())
    with pytest.raises(BacktestSetupError, match="triggers names the column 'signal'"):
        await replay(wave_dataset(50), tmp_path / "c.db", every_bar=False, profile=missing)
    assert not (tmp_path / "c.db").exists()


def test_triggers_need_candles() -> None:
    with pytest.raises(ValueError, match=r"data must include DataKind\.CANDLES"):
        Requirements(triggers="cross")
    with pytest.raises(ValueError, match="must name one of"):
        Requirements(data=frozenset({DataKind.CANDLES}), triggers=" ")


def test_crosses_marks_each_change_of_side() -> None:
    fast = [None, Decimal(1), Decimal(3), Decimal(3), Decimal(1)]
    slow = [None, Decimal(2), Decimal(2), Decimal(2), Decimal(2)]
    assert crosses(fast, slow) == [False, False, True, False, True]
