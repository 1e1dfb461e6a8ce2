"""Equity over time: peak and drawdown; fees (fee + tax) per calendar day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from types import MappingProxyType

from btcbot.accounting.ledger import build_ledger
from btcbot.domain import Fill
from btcbot.domain.money import BPS, ZERO


@dataclass(frozen=True, slots=True)
class DrawdownState:
    """Highest equity seen and the latest equity, in one valuation currency."""

    peak: Decimal
    equity: Decimal

    @property
    def drawdown(self) -> Decimal:
        """How far below the peak, as an amount (never negative)."""
        return max(self.peak - self.equity, ZERO)

    @property
    def drawdown_bps(self) -> Decimal:
        """Drawdown in basis points of the peak (0 when the peak is not positive)."""
        if self.peak <= ZERO:
            return ZERO
        return self.drawdown / self.peak * BPS


def track_equity(previous: DrawdownState | None, equity: Decimal) -> DrawdownState:
    """Next drawdown state after observing ``equity`` (the first observation is the peak)."""
    if previous is None:
        return DrawdownState(peak=equity, equity=equity)
    return DrawdownState(peak=max(previous.peak, equity), equity=equity)


def max_drawdown(equities: Iterable[Decimal]) -> Decimal:
    """Largest peak-to-trough fall over a series (amount)."""
    state: DrawdownState | None = None
    worst = ZERO
    for equity in equities:
        state = track_equity(state, equity)
        worst = max(worst, state.drawdown)
    return worst


def fill_day(fill: Fill, tz: tzinfo = UTC) -> date:
    return datetime.fromtimestamp(fill.timestamp_ms / 1000, tz).date()


def fees_by_day(fills: Iterable[Fill], tz: tzinfo = UTC) -> Mapping[date, Mapping[str, Decimal]]:
    """Fee + tax per day (in ``tz``) per quote currency; value them with ``value_holdings``.

    Pass deduplicated fills (``LedgerState.fills``): a repeated report would count twice.
    """
    days: dict[date, dict[str, Decimal]] = {}
    for fill in fills:
        per_asset = days.setdefault(fill_day(fill, tz), {})
        quote = fill.symbol.quote
        per_asset[quote] = per_asset.get(quote, ZERO) + fill.cost
    return MappingProxyType({day: MappingProxyType(v) for day, v in sorted(days.items())})


def realized_between(fills: Iterable[Fill], start_ms: int, end_ms: int) -> Mapping[str, Decimal]:
    """Realized PnL of the fills in ``[start_ms, end_ms)`` per quote currency, net of fee and
    tax as the ledger books it: a sell realizes its gain over the average cost at that moment
    (which holds the buys' fee and tax) minus its own fee and tax. ``fills``: the whole history
    of our fills (the average cost needs every earlier buy); duplicates are dropped as the
    ledger drops them."""
    ordered = build_ledger(fills).fills
    before = build_ledger(f for f in ordered if f.timestamp_ms < start_ms)
    through = build_ledger(f for f in ordered if f.timestamp_ms < end_ms)
    totals: dict[str, Decimal] = {}
    for symbol, position in through.positions.items():
        change = position.realized_pnl - before.position(symbol).realized_pnl
        totals[symbol.quote] = totals.get(symbol.quote, ZERO) + change
    return MappingProxyType(totals)
