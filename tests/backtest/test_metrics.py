"""Report figures on hand-made equity series and fills: each number checked by hand."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from btcbot.accounting import build_ledger
from btcbot.backtest.metrics import (
    EquityPoint,
    drawdown_series,
    drawdowns,
    monthly_returns,
    ratios,
    total_return,
    worst_drawdown,
    yearly_from_monthly,
)
from btcbot.backtest.trades import exposure, replay_fills, trip_stats
from btcbot.domain import Fill, Side, Symbol
from tests.backtest.factories import BTC_TRY, HOUR_MS, T0

D = Decimal
DAY_MS = 24 * HOUR_MS


def series(*values: str, step: int = HOUR_MS) -> list[EquityPoint]:
    return [EquityPoint(T0 + i * step, D(v)) for i, v in enumerate(values)]


def fill(trade: int, side: Side, price: str, qty: str, fee: str, order: int, hour: int,
         symbol: Symbol = BTC_TRY) -> Fill:  # fmt: skip
    return Fill(trade, order, f"c{order}", symbol, side, D(price), D(qty), D(fee), D("0.1"),
                T0 + hour * HOUR_MS)  # fmt: skip


def test_drawdown_episodes_depth_and_duration() -> None:
    points = series("100", "120", "90", "110", "125", "100", "110")
    episodes = drawdowns(points)
    assert [(e.peak, e.trough, e.recovered_ms) for e in episodes] == [
        (D(120), D(90), T0 + 4 * HOUR_MS),  # 120 -> 90, back above at 125
        (D(125), D(100), None),  # not recovered by the end
    ]
    worst = worst_drawdown(episodes)
    assert worst is not None and worst.fraction == D("0.25") and worst.amount == D(30)
    assert worst.duration_ms == 3 * HOUR_MS  # peak at hour 1, recovered at hour 4
    assert episodes[1].duration_ms == 2 * HOUR_MS  # peak at hour 4 to the end at hour 6
    assert drawdown_series(points)[2] == (T0 + 2 * HOUR_MS, D("0.25"))
    assert total_return(points) == D("0.1")


def test_ratios_annualise_with_the_sampling_interval() -> None:
    points = series("100", "101", "100", "102", "101", step=DAY_MS)
    returns = [0.01, 100 / 101 - 1, 0.02, 101 / 102 - 1]
    mean = sum(returns) / 4
    stdev = math.sqrt(sum((r - mean) ** 2 for r in returns) / 3)
    downside = math.sqrt(sum(min(r, 0) ** 2 for r in returns) / 4)
    result = ratios(points, worst_drawdown(drawdowns(points)))
    assert result.sampling_ms == DAY_MS and result.periods_per_year == pytest.approx(365.25)
    assert result.sharpe == pytest.approx(mean / stdev * math.sqrt(365.25))
    assert result.sortino == pytest.approx(mean / downside * math.sqrt(365.25))
    assert result.volatility == pytest.approx(stdev * math.sqrt(365.25))
    assert result.cagr == pytest.approx(1.01 ** (365.25 / 4) - 1)
    assert result.calmar == pytest.approx(result.cagr / (1 / 101))  # 101 -> 100 is deepest
    hourly = ratios(series("100", "101", "100", "102", "101"), None)
    assert hourly.periods_per_year == pytest.approx(8766)
    assert hourly.sharpe == pytest.approx(mean / stdev * math.sqrt(8766))


def test_flat_or_tiny_series_have_no_ratios() -> None:
    assert ratios(series("100"), None).sharpe is None
    flat = ratios(series("100", "100", "100"), None)
    assert flat.sharpe is None and flat.sortino is None and flat.volatility == 0


def test_monthly_returns_chain_month_ends() -> None:
    jan, feb = T0, T0 + 31 * DAY_MS  # 2024-01-01, 2024-02-01
    points = [
        EquityPoint(jan, D(100)), EquityPoint(jan + DAY_MS, D(110)),
        EquityPoint(feb, D(99)), EquityPoint(feb + DAY_MS, D(121)),
    ]  # fmt: skip
    months = monthly_returns(points)
    assert [(m.year, m.month, m.value) for m in months] == [
        (2024, 1, D("0.1")),
        (2024, 2, D("0.1")),
    ]
    assert yearly_from_monthly(months) == {2024: D("0.21")}


def test_round_trips_add_up_to_the_ledger_realized_pnl() -> None:
    fills = [
        fill(1, Side.BUY, "100", "2", "1", order=1, hour=0),
        fill(2, Side.SELL, "110", "1", "0.5", order=2, hour=2),  # part 1 of order 2
        fill(3, Side.SELL, "120", "0.5", "0.5", order=2, hour=3),  # part 2 of order 2
        fill(4, Side.SELL, "90", "0.5", "0.2", order=3, hour=5),  # a losing exit, now flat
        fill(5, Side.BUY, "95", "1", "0", order=4, hour=8),  # reopened, still open
    ]
    ledger = build_ledger(fills)
    trading = replay_fills(ledger.fills)
    first, second = trading.round_trips
    # average cost (200 + 1 + 0.1) / 2 = 100.55; entry fees and tax are in it
    assert first.entry_price == D("100.55") and first.quantity == D("1.5")
    assert first.exit_price == (D(110) + D(60)) / D("1.5")
    assert first.pnl == D("9.45") - D("0.6") + D("9.725") - D("0.6")
    assert (first.opened_ms, first.closed_ms) == (T0, T0 + 3 * HOUR_MS)
    assert second.pnl < 0 and second.quantity == D("0.5")
    assert first.pnl + second.pnl == ledger.realized_pnl["TRY"]
    stats = trip_stats(trading.round_trips)
    assert (stats.count, stats.wins, stats.losses, stats.win_rate) == (2, 1, 1, 0.5)
    assert stats.profit_factor == pytest.approx(float(first.pnl / -second.pnl))
    assert stats.expectancy == (first.pnl + second.pnl) / 2
    # in the market from hour 0 to 5 and from hour 8 on: 5 + 2 of 10 hours
    assert exposure(trading.holdings, T0, T0 + 10 * HOUR_MS) == pytest.approx(0.7)
    assert exposure(trading.holdings, T0 + 6 * HOUR_MS, T0 + 8 * HOUR_MS) == 0


def test_a_sell_without_cost_basis_is_no_round_trip() -> None:
    trading = replay_fills(build_ledger([fill(1, Side.SELL, "100", "1", "0", 1, 0)]).fills)
    assert trading.round_trips == () and trading.uncovered_sells == 1
