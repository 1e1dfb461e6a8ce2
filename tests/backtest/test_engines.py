"""The fast engine (state in memory, written at the end) and the database engine (every write
a transaction, as live) run the same objects: same plans, same fills, same database."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import BacktestSetupError, compare_runs, run_backtest
from btcbot.backtest.storage import BacktestEngine
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset
from btcbot.store import memory as memory_module
from tests.backtest.factories import START, lively, wave_dataset, wave_series
from tests.backtest.test_gaps import gapped


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


async def run(
    out: Path, engine: BacktestEngine, stage: int, dataset: ReplayDataset
) -> tuple[str, int]:
    result = await run_backtest(
        dataset,
        stage=stage,
        params=lively(stage),
        out_db=out,
        starting_balances=START,
        seed=1,
        spread_bps=Decimal(10),
        engine=engine,
    )
    return result.summary.fingerprint, result.summary.fills


@pytest.mark.parametrize("spill", [memory_module.SPILL_ROWS, 5])
@pytest.mark.parametrize("stage", [3, 4, 7])
async def test_fast_and_database_engines_give_the_same_run(
    stage: int, spill: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also when the fast engine writes its cycles and decisions as it goes (every few
    cycles: ``spill`` rows held at most before a write)."""
    monkeypatch.setattr(memory_module, "SPILL_ROWS", spill)
    dataset = wave_dataset(96)
    fast = await run(tmp_path / "fast.db", "fast", stage, dataset)
    db = await run(tmp_path / "db.db", "db", stage, dataset)
    assert fast == db and fast[1] > 0  # fingerprint, and fills to compare
    assert compare_runs(tmp_path / "fast.db", tmp_path / "db.db").match
    assert dump(tmp_path / "fast.db") == dump(tmp_path / "db.db")  # every row, every id


async def test_the_engines_agree_through_gaps_and_on_two_symbols(tmp_path: Path) -> None:
    dataset, _, _ = gapped()
    assert await run(tmp_path / "a.db", "fast", 4, dataset) == await run(
        tmp_path / "b.db", "db", 4, dataset
    )
    eth = wave_series(48, symbol=Symbol("ETH", "TRY"), base=100_000, volume="0.5", seed=3)
    pair = ReplayDataset.of(wave_series(48), eth)
    assert await run(tmp_path / "c.db", "fast", 7, pair) == await run(
        tmp_path / "d.db", "db", 7, pair
    )
    assert dump(tmp_path / "c.db") == dump(tmp_path / "d.db")


async def test_an_unknown_engine_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(BacktestSetupError, match="engine 'turbo'"):
        await run(tmp_path / "x.db", "turbo", 3, wave_dataset(10))  # type: ignore[arg-type]
    assert not (tmp_path / "x.db").exists()
