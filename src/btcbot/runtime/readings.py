"""Readings the runtime measures for the anomaly detectors; the kernel only compares them.

* the fills cursor: the newest booked trade id per symbol (CURSOR_STALL, live runs);
* PnL divergence: what the exchange says we made versus what the ledger says. The exchange
  side is the balances at the cycle's marks minus the ledger baseline (the balances before the
  booked fills) at the same marks; the ledger side is realized plus unrealized PnL of the
  positions, each pair's PnL converted from its quote currency. Both are in TRY and agree to
  the rounding of fees unless a fill is missing, doubled or booked wrongly. ``None`` when a
  holding or a quote currency has no mark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from btcbot.accounting import Valuation, rate, value_holdings
from btcbot.domain import Fill, Position, Symbol
from btcbot.domain.money import ZERO


def fills_cursor(fills: Sequence[Fill]) -> dict[Symbol, int]:
    cursor: dict[Symbol, int] = {}
    for fill in fills:
        if fill.trade_id > cursor.get(fill.symbol, -1):
            cursor[fill.symbol] = fill.trade_id
    return cursor


def pnl_divergence(
    held: Valuation,
    unrealized: Valuation,
    baseline: Mapping[str, Decimal],
    positions: Mapping[Symbol, Position],
    marks: Mapping[Symbol, Decimal],
    valuation: str = "TRY",
) -> Decimal | None:
    """``held``: the balance totals valued at ``marks``; ``unrealized``: the positions'
    unrealized PnL at them (both in ``valuation``)."""
    start = value_holdings(dict(baseline), marks, valuation)
    if not (held.complete and start.complete and unrealized.complete):
        return None
    realized = ZERO
    for position in positions.values():
        if not position.realized_pnl:
            continue
        conversion = rate(position.symbol.quote, marks, valuation)
        if conversion is None:
            return None
        realized += position.realized_pnl * conversion
    return held.total - start.total - realized - unrealized.total
