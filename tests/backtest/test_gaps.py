"""Gaps in the data (missing candles): the replay runs on, and stale books reach the risk
layer exactly as a live agent's would — their age grows and new risk is blocked."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import run_backtest
from btcbot.backtest.schedule import planned_cycles
from btcbot.exchange.datasets import ReplayDataset, Series
from btcbot.runtime.report import CycleReport
from tests.backtest.factories import HOUR_MS, START, lively, wave_series

GAP = range(20, 24)  # four candles missing


def gapped(hours: int = 96) -> tuple[ReplayDataset, int, int]:
    """The wave series without ``GAP``; the last close before it and the first after it."""
    series = wave_series(hours)
    bars = tuple(bar for index, bar in enumerate(series.bars) if index not in GAP)
    before = series.bars[GAP.start - 1].close_ms
    after = series.bars[GAP.stop].close_ms
    return ReplayDataset.of(Series(series.symbol, HOUR_MS, bars, "gapped")), before, after


def decisions(path: Path, started_ms: int) -> list[tuple[str, str | None]]:
    connection = sqlite3.connect(path)
    try:
        query = (
            "select d.reason_code, d.detail from decisions d join cycles c "
            "on c.cycle_id = d.cycle_id where c.started_ms = ? order by d.decision_id"
        )
        return connection.execute(query, (started_ms,)).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("stage", [3, 4])
async def test_cycles_run_through_a_gap_on_stale_books_and_place_nothing(
    stage: int, tmp_path: Path
) -> None:
    dataset, before, after = gapped()
    reports: list[CycleReport] = []
    out = tmp_path / "gap.db"
    await run_backtest(
        dataset,
        stage=stage,
        params=lively(stage),
        out_db=out,
        starting_balances=START,
        seed=1,
        spread_bps=Decimal(10),
        on_report=reports.append,
    )
    started = [r.started_ms for r in reports]
    assert started == list(range(started[0], started[-1] + 1, HOUR_MS))  # no hour skipped
    assert planned_cycles(dataset) == len(reports)  # the progress bar's total counts them
    in_gap = [r for r in reports if before < r.started_ms < after]
    assert [dict(r.data_ages_ms)["BTC_TRY"] for r in in_gap] == [
        HOUR_MS * n for n in range(1, len(GAP) + 1)
    ]
    assert all(r.skipped is None and r.planned_submits == 0 for r in in_gap)
    for report in in_gap:
        age = report.started_ms - before
        assert ("stale_market_data", f"age_ms={age}") in decisions(out, report.started_ms)
    fresh = [r for r in reports if r.started_ms in (before, after)]
    assert [dict(r.data_ages_ms)["BTC_TRY"] for r in fresh] == [0, 0]
    for started_ms in (before, after):  # fresh data on either side of the gap
        assert all(code != "stale_market_data" for code, _ in decisions(out, started_ms))
