"""Notifications from what the runtime already records: nothing here decides anything.

* :class:`OrderActivity` reads the store's order events (placed, cancelled, rejected) and our
  fills (grouped per order) that appeared since the last read. Its cursors start at "now", so
  a restart does not replay history.
* :class:`TripWatch` compares each cycle report's trips with the previous ones: a trip that came
  into force is news (with the command that resolves it), one that went away too. Trips the
  settings hold (``KILL_SWITCH``/``SAFE_MODE`` at INFO) are not news.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Connection, func, select

from btcbot.domain import OrderStatus, Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.trips import Trip, TripKind
from btcbot.store.schema import fills, order_events, orders
from btcbot.telegram.notes import OrderChange, OrderNote, TripNote

_SUBMITTED = (None, OrderStatus.PENDING_SUBMIT.value, OrderStatus.IN_FLIGHT.value)
_RESTING = (OrderStatus.OPEN.value, OrderStatus.PARTIALLY_FILLED.value)


@dataclass
class OrderActivity:
    """Order notes since the last :meth:`read` (``mode``: the run's execution mode)."""

    mode: str
    notify_orders: bool = True
    _event_id: int = 0
    _fills_ms: int = 0
    _fills_seen: set[str] = field(default_factory=set)  # trade ids recorded at _fills_ms

    def start(self, conn: Connection) -> None:
        """Skip everything recorded so far."""
        self._event_id = int(conn.execute(select(func.max(order_events.c.event_id))).scalar() or 0)
        self._fills_ms = int(conn.execute(select(func.max(fills.c.recorded_ms))).scalar() or 0)
        self._fills_seen = {
            str(trade_id)
            for (trade_id,) in conn.execute(
                select(fills.c.trade_id).where(fills.c.recorded_ms == self._fills_ms)
            )
        }

    def read(self, conn: Connection) -> list[OrderNote]:
        notes = self._order_notes(conn) if self.notify_orders else []
        self._skip_events(conn)
        return notes + self._fill_notes(conn)

    def _skip_events(self, conn: Connection) -> None:
        latest = conn.execute(select(func.max(order_events.c.event_id))).scalar()
        self._event_id = max(self._event_id, int(latest or 0))

    def _order_notes(self, conn: Connection) -> list[OrderNote]:
        query = (
            select(order_events, orders)
            .join(orders, orders.c.client_order_id == order_events.c.client_order_id)
            .where(order_events.c.event_id > self._event_id, orders.c.mode == self.mode)
            .order_by(order_events.c.event_id)
        )
        notes = []
        for row in conn.execute(query):
            change = _change(row.from_status, row.to_status)
            if change is None:
                continue
            reason = row.detail if change is OrderChange.REJECTED else None
            notes.append(
                OrderNote(
                    change=change,
                    client_order_id=row.client_order_id,
                    symbol=row.symbol,
                    side=row.side,
                    quantity=row.quantity,
                    price=row.price,
                    stop_price=row.stop_price,
                    quote=Symbol.parse(row.symbol).quote,
                    reason=reason,
                )
            )
        return notes

    def _fill_notes(self, conn: Connection) -> list[OrderNote]:
        query = (
            select(fills, orders.c.client_order_id.label("ours"), orders.c.status)
            .join(orders, orders.c.exchange_order_id == fills.c.order_id)
            .where(fills.c.recorded_ms >= self._fills_ms, orders.c.mode == self.mode)
            .order_by(fills.c.recorded_ms, fills.c.timestamp_ms)
        )
        groups: dict[str, list[_FillRow]] = {}
        newest = self._fills_ms
        for row in conn.execute(query):
            trade = str(row.trade_id)
            if row.recorded_ms == self._fills_ms and trade in self._fills_seen:
                continue
            if row.recorded_ms > newest:
                newest, self._fills_seen = row.recorded_ms, set()
            self._fills_seen.add(trade)
            groups.setdefault(row.ours, []).append(
                _FillRow(
                    row.symbol, row.side, row.price, row.quantity, row.fee + row.tax, row.status
                )
            )
        self._fills_ms = newest
        return [_fill_note(coid, rows) for coid, rows in groups.items()]


@dataclass(frozen=True, slots=True)
class _FillRow:
    symbol: str
    side: str
    price: Decimal
    quantity: Decimal
    cost: Decimal
    status: str


def _fill_note(client_order_id: str, rows: list[_FillRow]) -> OrderNote:
    quantity = sum((r.quantity for r in rows), ZERO)
    value = sum((r.price * r.quantity for r in rows), ZERO)
    first = rows[0]
    done = first.status == OrderStatus.FILLED.value
    return OrderNote(
        change=OrderChange.FILLED if done else OrderChange.PARTIAL,
        client_order_id=client_order_id,
        symbol=first.symbol,
        side=first.side,
        quantity=quantity,
        price=value / quantity if quantity else None,
        value=value,
        cost=sum((r.cost for r in rows), ZERO),
        quote=Symbol.parse(first.symbol).quote,
    )


def _change(from_status: str | None, to_status: str) -> OrderChange | None:
    if to_status in _RESTING and from_status in _SUBMITTED:
        return OrderChange.PLACED
    if to_status == OrderStatus.CANCELED.value:
        return OrderChange.CANCELED
    if to_status == OrderStatus.REJECTED.value:
        return OrderChange.REJECTED
    return None  # fills are told from the fills themselves


@dataclass
class TripWatch:
    """Trips that came into force or went away since the previous report."""

    _previous: dict[TripKind, Trip] | None = None
    current: tuple[Trip, ...] = ()

    def update(self, trips: Iterable[Trip]) -> list[TripNote]:
        notable = {trip.kind: trip for trip in trips if trip.level >= logging.WARNING}
        self.current = tuple(notable.values())
        previous, self._previous = self._previous or {}, notable
        notes = [TripNote(trip) for kind, trip in notable.items() if kind not in previous]
        notes += [
            TripNote(trip, cleared=True) for kind, trip in previous.items() if kind not in notable
        ]
        return notes
