"""Everything a report shows, computed once from a run database: figures, series and tables.

Works on any run database: a backtest's (with its manifest: final valuation, dataset) and a
live or dry-run state database (equity per cycle, fills). A window (``since``/``until``, epoch
ms) keeps the equity samples and fills inside it; round trips count when they close inside it
(their cost basis still comes from every earlier fill). Definitions: :mod:`metrics` (equity
figures) and :mod:`trades` (round trips, exposure, turnover).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from btcbot.backtest.metrics import (
    Drawdown,
    EquityPoint,
    MonthReturn,
    Ratios,
    drawdowns,
    monthly_returns,
    ratios,
    total_return,
    worst_drawdown,
)
from btcbot.backtest.records import RunData
from btcbot.backtest.trades import RoundTrip, TripStats, exposure, replay_fills, trip_stats
from btcbot.domain import Fill, Side, Symbol
from btcbot.domain.money import ZERO, to_decimal
from btcbot.exchange.datasets import ReplayDataset

VALUATION = "TRY"


@dataclass(frozen=True, slots=True)
class Window:
    since_ms: int | None = None
    until_ms: int | None = None

    def holds(self, at_ms: int) -> bool:
        return (self.since_ms is None or at_ms >= self.since_ms) and (
            self.until_ms is None or at_ms <= self.until_ms
        )


@dataclass(frozen=True, slots=True)
class Figures:
    start_ms: int | None
    end_ms: int | None
    samples: int
    initial_equity: Decimal | None
    final_equity: Decimal | None
    pnl: Decimal | None  # final - initial equity (TRY)
    total_return: Decimal | None  # fraction
    ratios: Ratios
    max_drawdown: Drawdown | None
    longest_drawdown: Drawdown | None
    trips: TripStats
    exposure: float | None
    traded_notional: Decimal  # TRY-quoted fills
    turnover: float | None  # traded notional / mean equity
    fees: Decimal  # TRY
    tax: Decimal  # TRY
    other_costs: Mapping[str, Decimal]  # fee + tax of fills quoted in other currencies
    fills: int
    buys: int
    sells: int
    realized_pnl: Decimal  # sum of the round trips' PnL (TRY-quoted)


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    role: str | None
    account: str | None
    stage: int | None
    window: Window
    figures: Figures
    equity: tuple[EquityPoint, ...]
    monthly: tuple[MonthReturn, ...]
    round_trips: tuple[RoundTrip, ...]
    fills: tuple[Fill, ...]
    prices: Mapping[Symbol, tuple[tuple[int, Decimal], ...]]  # closes per symbol, for charts
    notes: tuple[str, ...]
    manifest: Mapping[str, Any] | None


def build_report(
    run: RunData,
    *,
    title: str,
    window: Window = Window(),
    dataset: ReplayDataset | None = None,
    charts: bool = True,
) -> Report:
    """The report of ``run`` over ``window``; ``dataset``: the candles of the price chart
    (None: the fills' prices stand in). ``charts`` False: a report that draws nothing (text,
    JSON, CSV) holds no price series and needs no candles."""
    equity = tuple(p for p in equity_points(run) if window.holds(p.at_ms))
    trading = replay_fills(run.ledger.fills)
    trips = tuple(t for t in trading.round_trips if window.holds(t.closed_ms))
    fills = tuple(f for f in run.ledger.fills if window.holds(f.timestamp_ms))
    start = equity[0].at_ms if equity else window.since_ms
    end = equity[-1].at_ms if equity else window.until_ms
    notes = []
    if trading.uncovered_sells:
        notes.append(
            f"{trading.uncovered_sells} sell fill(s) had no cost basis in the ledger (holdings "
            "from before the agent): they are in the fills, not in the round trips"
        )
    if run.foreign_fills:
        notes.append(
            f"{run.foreign_fills} fill(s) of orders the agent did not place (another client on "
            "the account) are left out of positions, round trips and fees"
        )
    if not equity:
        notes.append("no equity samples in the window: no return, drawdown or ratio figures")
    prices = _prices(dataset, fills, start, end) if charts else {}
    if charts and dataset is None and fills:
        notes.append("no price series (pass --data): the price chart shows fill prices only")
    figures = _figures(equity, trips, fills, trading.holdings)
    manifest = run.manifest
    stage = manifest.get("stage") if manifest else None
    return Report(
        title=title,
        role=run.role,
        account=run.account_key,
        stage=stage if isinstance(stage, int) else None,
        window=window,
        figures=figures,
        equity=equity,
        monthly=tuple(monthly_returns(equity)),
        round_trips=trips,
        fills=fills,
        prices=prices,
        notes=tuple(notes),
        manifest=manifest,
    )


def equity_span(run: RunData, window: Window) -> tuple[int | None, int | None]:
    """When the report of ``run`` over ``window`` starts and ends: its first and last equity
    sample, else the window's own bounds."""
    times = [point.at_ms for point in equity_points(run) if window.holds(point.at_ms)]
    if not times:
        return window.since_ms, window.until_ms
    return times[0], times[-1]


def equity_points(run: RunData) -> list[EquityPoint]:
    """Every cycle's recorded equity, then a backtest's final valuation (manifest), which
    replaces a last cycle recorded at the same moment (the run's own final figure)."""
    points = [EquityPoint(c.started_ms, c.equity) for c in run.cycles if c.equity is not None]
    manifest = run.manifest or {}
    final, final_ms = manifest.get("final_equity"), manifest.get("final_ms")
    if final is None or not isinstance(final_ms, int):
        return points
    if points and points[-1].at_ms >= final_ms:  # the data ran out: same moment, final marks
        points.pop()
    points.append(EquityPoint(final_ms, to_decimal(str(final))))
    return points


def _figures(
    equity: tuple[EquityPoint, ...],
    trips: tuple[RoundTrip, ...],
    fills: tuple[Fill, ...],
    holdings: Any,
) -> Figures:
    episodes = drawdowns(equity)
    worst = worst_drawdown(episodes)
    start = equity[0].at_ms if equity else None
    end = equity[-1].at_ms if equity else None
    valued = [f for f in fills if f.symbol.quote == VALUATION]
    notional = sum((f.notional for f in valued), ZERO)
    mean_equity = sum((p.equity for p in equity), ZERO) / len(equity) if equity else ZERO
    other: dict[str, Decimal] = {}
    for fill in fills:
        if fill.symbol.quote != VALUATION:
            other[fill.symbol.quote] = other.get(fill.symbol.quote, ZERO) + fill.cost
    try_trips = [t for t in trips if t.symbol.quote == VALUATION]
    initial = equity[0].equity if equity else None
    final = equity[-1].equity if equity else None
    return Figures(
        start_ms=start,
        end_ms=end,
        samples=len(equity),
        initial_equity=initial,
        final_equity=final,
        pnl=None if initial is None or final is None else final - initial,
        total_return=total_return(equity),
        ratios=ratios(equity, worst),
        max_drawdown=worst,
        longest_drawdown=max(episodes, key=lambda d: d.duration_ms, default=None),
        trips=trip_stats(try_trips),
        exposure=None if start is None or end is None else exposure(holdings, start, end),
        traded_notional=notional,
        turnover=float(notional / mean_equity) if mean_equity > ZERO else None,
        fees=sum((f.fee for f in valued), ZERO),
        tax=sum((f.tax for f in valued), ZERO),
        other_costs=other,
        fills=len(fills),
        buys=sum(f.side is Side.BUY for f in fills),
        sells=sum(f.side is Side.SELL for f in fills),
        realized_pnl=sum((t.pnl for t in try_trips), ZERO),
    )


def _prices(
    dataset: ReplayDataset | None,
    fills: tuple[Fill, ...],
    start: int | None,
    end: int | None,
) -> dict[Symbol, tuple[tuple[int, Decimal], ...]]:
    """Candle closes inside the window per symbol (from the dataset), else fill prices."""
    if dataset is None:
        by_symbol: dict[Symbol, list[tuple[int, Decimal]]] = {}
        for fill in fills:
            by_symbol.setdefault(fill.symbol, []).append((fill.timestamp_ms, fill.price))
        return {symbol: tuple(points) for symbol, points in sorted(by_symbol.items())}
    prices: dict[Symbol, tuple[tuple[int, Decimal], ...]] = {}
    for symbol, series in sorted(dataset.series.items()):
        prices[symbol] = tuple(
            (bar.close_ms, bar.candle.close)
            for bar in series.bars
            if (start is None or bar.close_ms >= start) and (end is None or bar.close_ms <= end)
        )
    return prices


def manifest_sources(manifest: Mapping[str, Any] | None) -> dict[str, Path]:
    """The dataset files a backtest recorded, per symbol, that still exist here."""
    series = ((manifest or {}).get("dataset") or {}).get("series") or {}
    found: dict[str, Path] = {}
    for symbol, entry in series.items():
        source = entry.get("source") if isinstance(entry, dict) else None
        if isinstance(source, str) and Path(source).is_file():
            found[symbol] = Path(source)
    return found
