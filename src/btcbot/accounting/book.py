"""The ledger carried in memory: booked fill by fill, never rebuilt from history per cycle.

:class:`LedgerBook` holds what :func:`~btcbot.accounting.ledger.build_ledger` and
:func:`~btcbot.accounting.balances.expected_holdings` would compute from every booked fill —
positions (average cost, realized PnL, fees) and the balance change the fills explain — and
takes one fill at a time. A cycle then costs the same after a year of fills as on day one.

Positions depend on the order fills are applied in (canonical: the exchange's trade sequence,
:func:`~btcbot.accounting.fills.canonical_key`). A fill older than one already booked on its
symbol cannot simply be appended: :meth:`add` says so, and the caller rebuilds that symbol
from its fills (:meth:`rebuild`). The balance effect is a sum and needs no order. Duplicates
are the caller's business (the store is unique by trade id).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from btcbot.accounting.balances import add_effect
from btcbot.accounting.fills import canonical_key
from btcbot.accounting.ledger import apply_fill
from btcbot.domain import Fill, Position, Symbol
from btcbot.domain.money import ZERO


@dataclass(frozen=True, slots=True)
class LedgerView:
    """The book at one moment (read-only copies)."""

    positions: Mapping[Symbol, Position]
    fills: int  # booked fills
    effect: Mapping[str, Decimal]  # what the booked fills added to each asset's balance
    cursor: Mapping[Symbol, int]  # the newest (highest) booked trade id per symbol

    def position(self, symbol: Symbol) -> Position:
        return self.positions.get(symbol, Position(symbol))

    @property
    def realized_pnl(self) -> Mapping[str, Decimal]:
        """Realized PnL summed per quote currency."""
        totals: dict[str, Decimal] = {}
        for symbol, position in self.positions.items():
            totals[symbol.quote] = totals.get(symbol.quote, ZERO) + position.realized_pnl
        return MappingProxyType(totals)


class LedgerBook:
    """Positions and balance effect of booked fills, updated one fill at a time."""

    def __init__(self) -> None:
        self._positions: dict[Symbol, Position] = {}
        self._effect: dict[str, Decimal] = {}
        self._last: dict[Symbol, tuple[int, int]] = {}
        self._cursor: dict[Symbol, int] = {}
        self._count = 0
        self._view: LedgerView | None = None  # the last view, while nothing changed since

    @classmethod
    def of(cls, fills: Iterable[Fill]) -> LedgerBook:
        """A book of ``fills`` (distinct trade ids), in canonical order."""
        book = cls()
        for fill in sorted(fills, key=canonical_key):
            book.add(fill)
        return book

    @property
    def fills(self) -> int:
        return self._count

    def add(self, fill: Fill) -> bool:
        """Book ``fill``. False when it is older than a fill already booked on its symbol:
        its balance effect is booked, its position is not — :meth:`rebuild` that symbol."""
        return not self.add_all((fill,))

    def add_all(self, fills: Iterable[Fill]) -> set[Symbol]:
        """Book several fills (in canonical order); the symbols whose positions must be
        rebuilt (:meth:`rebuild`) because a fill came older than one already booked there —
        every fill's balance effect is booked either way."""
        stale: set[Symbol] = set()
        self._view = None
        for fill in sorted(fills, key=canonical_key):
            add_effect(self._effect, fill, 1)
            self._count += 1
            symbol, key = fill.symbol, canonical_key(fill)
            self._cursor[symbol] = max(self._cursor.get(symbol, fill.trade_id), fill.trade_id)
            last = self._last.get(symbol)
            if symbol in stale or (last is not None and key < last):
                stale.add(symbol)
                continue
            self._last[symbol] = key
            current = self._positions.get(symbol)
            self._positions[symbol], _ = apply_fill(current or Position(symbol), fill)
        return stale

    def remove(self, fill: Fill) -> None:
        """Take back a booked fill's balance effect (the caller rebuilds its symbol, which
        also sets its cursor again)."""
        self._view = None
        add_effect(self._effect, fill, -1)
        self._count -= 1

    def rebuild(self, symbol: Symbol, fills: Iterable[Fill]) -> None:
        """Replace the position (and cursor) of ``symbol`` by what ``fills`` (all booked ones
        of that symbol) give in canonical order. The balance effect and count are not touched."""
        self._view = None
        position = Position(symbol)
        last: tuple[int, int] | None = None
        ordered = sorted(fills, key=canonical_key)
        for fill in ordered:
            position, _ = apply_fill(position, fill)
            last = canonical_key(fill)
        if last is None:
            self._positions.pop(symbol, None)
            self._last.pop(symbol, None)
            self._cursor.pop(symbol, None)
            return
        self._positions[symbol] = position
        self._last[symbol] = last
        self._cursor[symbol] = max(fill.trade_id for fill in ordered)

    def view(self) -> LedgerView:
        """The book now; the same (immutable) view until a fill is booked or taken back."""
        if self._view is None:
            self._view = LedgerView(
                positions=MappingProxyType(dict(self._positions)),
                fills=self._count,
                effect=MappingProxyType(dict(self._effect)),
                cursor=MappingProxyType(dict(self._cursor)),
            )
        return self._view
