"""Round trips, exposure and turnover from a run's fills, on the ledger's own arithmetic.

A **round trip** is one SELL order (all its fills) closing base bought earlier: its entry price
is the ledger's average cost at the time (buy fees and tax included, as the ledger books
them), its exit price the order's volume-weighted fill price, its PnL exactly the realized PnL
the ledger booked for those fills (exit fee and tax deducted). So the round trips of a run add
up to its realized PnL. A round trip is a **win** when its PnL is > 0; **win rate** = wins /
round trips; **profit factor** = gross profit / gross loss; **expectancy** = mean PnL per round
trip. The part of a sell with no cost basis (holdings from before the agent) is no round trip.

**Exposure** is the fraction of the window during which any position was open (non-zero base
quantity in the ledger). **Turnover** is the traded notional (buys and sells) over the mean
equity of the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.accounting import apply_fill
from btcbot.domain import Fill, Position, Side, Symbol
from btcbot.domain.money import ZERO


@dataclass(frozen=True, slots=True)
class RoundTrip:
    symbol: Symbol
    order_id: int
    client_order_id: str | None
    opened_ms: int  # when the position being closed was opened (from flat)
    closed_ms: int  # the order's last fill
    quantity: Decimal  # base closed
    entry_price: Decimal  # average cost, fees included
    exit_price: Decimal  # volume-weighted
    pnl: Decimal  # quote currency, net of fees and tax
    exit_fees: Decimal  # the exit's fee + tax (the entry's are in entry_price)

    @property
    def return_fraction(self) -> Decimal:
        basis = self.entry_price * self.quantity
        return self.pnl / basis if basis > ZERO else ZERO


@dataclass
class _Open:
    symbol: Symbol
    order_id: int
    client_order_id: str | None
    opened_ms: int
    closed_ms: int
    quantity: Decimal = ZERO
    basis: Decimal = ZERO
    proceeds: Decimal = ZERO
    pnl: Decimal = ZERO
    exit_fees: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Holding:
    """From ``at_ms`` on, ``in_market`` says whether any position was open."""

    at_ms: int
    in_market: bool


@dataclass(frozen=True, slots=True)
class Trading:
    round_trips: tuple[RoundTrip, ...]
    holdings: tuple[Holding, ...]  # after each fill, in time order
    uncovered_sells: int  # sell fills (or parts) with no cost basis


def replay_fills(fills: Iterable[Fill]) -> Trading:
    """Walk deduplicated fills in ledger order (``LedgerState.fills``)."""
    positions: dict[Symbol, Position] = {}
    opened: dict[Symbol, int] = {}
    trips: dict[tuple[Symbol, int], _Open] = {}
    holdings: list[Holding] = []
    uncovered = 0
    for fill in fills:
        before = positions.get(fill.symbol, Position(fill.symbol))
        after, oversell = apply_fill(before, fill)
        positions[fill.symbol] = after
        if fill.side is Side.BUY and before.quantity == ZERO:
            opened[fill.symbol] = fill.timestamp_ms
        if fill.side is Side.SELL:
            uncovered += oversell is not None
            sold = min(fill.quantity, before.quantity)
            if sold > ZERO:
                key = (fill.symbol, fill.order_id)
                trip = trips.get(key) or _Open(
                    fill.symbol,
                    fill.order_id,
                    fill.client_order_id,
                    opened.get(fill.symbol, fill.timestamp_ms),
                    fill.timestamp_ms,
                )
                trips[key] = trip
                trip.quantity += sold
                trip.basis += before.average_cost * sold
                trip.proceeds += fill.price * sold
                trip.pnl += after.realized_pnl - before.realized_pnl
                trip.exit_fees += fill.cost
                trip.closed_ms = max(trip.closed_ms, fill.timestamp_ms)
        in_market = any(p.quantity > ZERO for p in positions.values())
        holdings.append(Holding(fill.timestamp_ms, in_market))
    closed = sorted((_closed(t) for t in trips.values()), key=lambda t: (t.closed_ms, t.order_id))
    return Trading(tuple(closed), tuple(holdings), uncovered)


def _closed(trip: _Open) -> RoundTrip:
    return RoundTrip(
        symbol=trip.symbol,
        order_id=trip.order_id,
        client_order_id=trip.client_order_id,
        opened_ms=trip.opened_ms,
        closed_ms=trip.closed_ms,
        quantity=trip.quantity,
        entry_price=trip.basis / trip.quantity,
        exit_price=trip.proceeds / trip.quantity,
        pnl=trip.pnl,
        exit_fees=trip.exit_fees,
    )


def exposure(holdings: Sequence[Holding], start_ms: int, end_ms: int) -> float | None:
    """Fraction of ``[start_ms, end_ms]`` with a position open (None for an empty window)."""
    if end_ms <= start_ms:
        return None
    state, since, held = False, start_ms, 0
    for change in holdings:
        at = min(max(change.at_ms, start_ms), end_ms)
        if state:
            held += at - since
        state, since = change.in_market, at
    if state:
        held += end_ms - since
    return held / (end_ms - start_ms)


@dataclass(frozen=True, slots=True)
class TripStats:
    count: int
    wins: int
    losses: int
    win_rate: float | None
    profit_factor: float | None
    expectancy: Decimal | None
    average_win: Decimal | None
    average_loss: Decimal | None
    best: Decimal | None
    worst: Decimal | None


def trip_stats(trips: Sequence[RoundTrip]) -> TripStats:
    wins = [t.pnl for t in trips if t.pnl > ZERO]
    losses = [t.pnl for t in trips if t.pnl <= ZERO]
    gross_win, gross_loss = sum(wins, ZERO), -sum(losses, ZERO)
    count = len(trips)
    return TripStats(
        count=count,
        wins=len(wins),
        losses=len(losses),
        win_rate=len(wins) / count if count else None,
        profit_factor=float(gross_win / gross_loss) if gross_loss > ZERO else None,
        expectancy=(gross_win - gross_loss) / count if count else None,
        average_win=gross_win / len(wins) if wins else None,
        average_loss=-gross_loss / len(losses) if losses else None,
        best=max((t.pnl for t in trips), default=None),
        worst=min((t.pnl for t in trips), default=None),
    )
