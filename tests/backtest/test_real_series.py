"""A few hundred hours of the real BTC/TRY series (shared data, read only)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from btcbot.backtest import open_dataset, run_backtest
from btcbot.backtest.parity import nonzero
from btcbot.exchange.datasets import parse_timestamp_ms
from tests.backtest.factories import START, lively
from tests.helpers import shared_path

SERIES = ("data", "binance_tr_btctry_1h", "BTCTRY_1h_2019-12-20_2026-05-31.csv")


async def test_three_hundred_hours_of_btctry(tmp_path: Path) -> None:
    path = shared_path(*SERIES)
    start = parse_timestamp_ms("2022-06-01")
    dataset = open_dataset(
        path, symbol="BTC_TRY", warmup_from_ms=start - 86_400_000, end_ms=start + 300 * 3_600_000
    )
    result = await run_backtest(
        dataset,
        stage=3,
        params=lively(3),
        out_db=tmp_path / "btctry.db",
        starting_balances=START,
        seed=123,
        spread_bps=Decimal(10),
        start_ms=start,
        max_cycles=300,
    )
    summary = result.summary
    assert result.cycles == 300 and result.skipped == 0
    assert summary.fills > 0 and summary.final_equity is not None
    assert summary.final_balances == nonzero(result.venue_balances)
