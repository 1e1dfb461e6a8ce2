"""Fills → positions: weighted average cost, realized PnL net of fees and tax.

Cost convention (documented in :class:`btcbot.domain.Position` too):

* a BUY adds ``price * quantity + fee + tax`` to the cost basis, so ``average_cost`` is the
  break-even price before selling costs;
* a SELL leaves ``average_cost`` unchanged and realizes
  ``(price - average_cost) * quantity - fee - tax``;
* ``fees_paid`` accumulates fee and tax of both sides (quote currency).

A SELL larger than the holding is never turned into a negative position: the held part is
realized, the excess is reported as an :class:`Oversell` (fees are booked in full, they were
paid). The runtime decides what an oversell means (missing fills, a holding that predates the
agent — pass it as ``opening``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from btcbot.accounting.fills import FillConflict, dedupe_fills
from btcbot.domain import Fill, Position, Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.slots import evolve


@dataclass(frozen=True, slots=True)
class Oversell:
    """A SELL fill for more than the ledger held: ``excess`` base units had no cost basis."""

    trade_id: int
    symbol: Symbol
    held: Decimal
    sold: Decimal

    @property
    def excess(self) -> Decimal:
        return self.sold - self.held


@dataclass(frozen=True, slots=True)
class LedgerState:
    """Positions per symbol after a deduplicated fill stream, with everything worth reporting."""

    positions: Mapping[Symbol, Position]
    fills: tuple[Fill, ...]
    conflicts: tuple[FillConflict, ...] = ()
    oversells: tuple[Oversell, ...] = ()

    def position(self, symbol: Symbol) -> Position:
        return self.positions.get(symbol, Position(symbol))

    @property
    def realized_pnl(self) -> Mapping[str, Decimal]:
        """Realized PnL summed per quote currency (TRY and USDT never add up blindly)."""
        totals: dict[str, Decimal] = {}
        for symbol, position in self.positions.items():
            totals[symbol.quote] = totals.get(symbol.quote, ZERO) + position.realized_pnl
        return MappingProxyType(totals)


def apply_fill(position: Position, fill: Fill) -> tuple[Position, Oversell | None]:
    """One fill applied to the position of its symbol (pure)."""
    if fill.symbol != position.symbol:
        raise ValueError(f"fill {fill.trade_id} is for {fill.symbol}, not {position.symbol}")
    fees = position.fees_paid + fill.cost
    if fill.side is Side.BUY:
        return _buy(position, fill, fees), None
    return _sell(position, fill, fees)


def _buy(position: Position, fill: Fill, fees: Decimal) -> Position:
    quantity = position.quantity + fill.quantity
    basis = position.cost_basis() + fill.notional + fill.cost
    return evolve(position, quantity=quantity, average_cost=basis / quantity, fees_paid=fees)


def _sell(position: Position, fill: Fill, fees: Decimal) -> tuple[Position, Oversell | None]:
    sold = min(fill.quantity, position.quantity)
    oversell = None
    if fill.quantity > position.quantity:
        oversell = Oversell(fill.trade_id, fill.symbol, position.quantity, fill.quantity)
    realized = (fill.price - position.average_cost) * sold - fill.cost
    quantity = position.quantity - sold
    average = position.average_cost if quantity > ZERO else ZERO
    updated = evolve(
        position,
        quantity=quantity,
        average_cost=average,
        realized_pnl=position.realized_pnl + realized,
        fees_paid=fees,
    )
    return updated, oversell


def build_ledger(
    fills: Iterable[Fill],
    opening: Mapping[Symbol, Position] | None = None,
) -> LedgerState:
    """Positions from a fill stream; duplicates and arrival order do not change the result."""
    deduped = dedupe_fills(fills)
    positions: dict[Symbol, Position] = dict(opening or {})
    oversells: list[Oversell] = []
    for fill in deduped.fills:
        current = positions.get(fill.symbol, Position(fill.symbol))
        positions[fill.symbol], oversell = apply_fill(current, fill)
        if oversell is not None:
            oversells.append(oversell)
    return LedgerState(
        positions=MappingProxyType(positions),
        fills=deduped.fills,
        conflicts=deduped.conflicts,
        oversells=tuple(oversells),
    )
