"""Orders and their append-only event history.

The intent is inserted as ``PENDING_SUBMIT`` *before* anything is sent (RELIABILITY: persist the
client id first). Every later change goes through :meth:`OrderRepository.apply_event` (the
domain transition table decides the new status; an impossible event raises) or, for
reconciliation and operator actions that set a status the exchange proved,
:meth:`OrderRepository.update_status`. Both append to ``order_events``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Row, func, select

from btcbot.domain import (
    Order,
    OrderEvent,
    OrderMethod,
    OrderRequest,
    OrderStatus,
    Side,
    Symbol,
)
from btcbot.domain.slots import evolve, fast_init
from btcbot.store.errors import OrderNotFound
from btcbot.store.rows import UNREADABLE, read_stored, stored_columns
from btcbot.store.schema import order_events, orders

LIVE_STATUSES = tuple(status.value for status in OrderStatus if status.is_live)


@dataclass(frozen=True, slots=True)
class UnreadableOrder:
    """An ``orders`` row that does not read back as an order (edited by hand, damaged)."""

    client_order_id: str
    problem: str

    def describe(self) -> str:
        return f"{self.client_order_id}: {self.problem}"


class ExecutionMode(StrEnum):
    LIVE = "live"
    DRY_RUN = "dry_run"
    REPLAY = "replay"


@fast_init
@dataclass(frozen=True, slots=True)
class StoredOrder:
    order: Order
    mode: ExecutionMode
    created_ms: int
    updated_ms: int
    resolve_attempts: int = 0
    next_resolve_ms: int | None = None
    last_error: str | None = None

    @property
    def client_order_id(self) -> str:
        return self.order.request.client_order_id

    @property
    def status(self) -> OrderStatus:
        return self.order.status


@dataclass(frozen=True, slots=True)
class OrderEventRecord:
    event: str
    from_status: OrderStatus | None
    to_status: OrderStatus
    at_ms: int
    exchange_order_id: int | None
    filled_quantity: Decimal | None
    detail: str | None


class OrderRepository:
    """Orders table access on one unit-of-work connection."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def insert_pending(
        self,
        request: OrderRequest,
        *,
        mode: ExecutionMode,
        now_ms: int,
        reason: str | None = None,
    ) -> StoredOrder:
        """Persist the intent (``PENDING_SUBMIT``) before the request is sent."""
        stored = pending(request, mode=mode, now_ms=now_ms, reason=reason)
        self._conn.execute(orders.insert().values(order_row(stored)))
        self._conn.execute(order_events.insert().values(intent_event_row(stored)))
        return stored

    def apply_event(
        self,
        client_order_id: str,
        event: OrderEvent,
        *,
        now_ms: int,
        exchange_order_id: int | None = None,
        filled_quantity: Decimal | None = None,
        reason: str | None = None,
    ) -> StoredOrder:
        """Advance the order by the domain transition table and record the event."""
        stored = self.require(client_order_id)
        order = stored.order.on(
            event,
            exchange_order_id=exchange_order_id,
            filled_quantity=filled_quantity,
            reason=reason,
        )
        return self._write(stored, order, event.value, now_ms, reason)

    def update_status(
        self,
        client_order_id: str,
        status: OrderStatus,
        *,
        now_ms: int,
        note: str,
        exchange_order_id: int | None = None,
        filled_quantity: Decimal | None = None,
    ) -> StoredOrder:
        """Set a status the exchange proved (reconciliation, operator); ``note`` says why."""
        stored = self.require(client_order_id)
        current = stored.order
        order = Order(
            request=current.request,
            status=status,
            exchange_order_id=exchange_order_id or current.exchange_order_id,
            filled_quantity=current.filled_quantity if filled_quantity is None else filled_quantity,
            reason=current.reason,
        )
        return self._write(stored, order, "STATUS_SET", now_ms, note)

    def schedule_resolve(
        self, client_order_id: str, *, next_resolve_ms: int, error: str | None, now_ms: int
    ) -> None:
        """One more resolution attempt failed or is due: count it and set the next try."""
        stored = self.require(client_order_id)
        self.record_schedule(stored, next_resolve_ms=next_resolve_ms, error=error, now_ms=now_ms)

    def record_schedule(
        self, stored: StoredOrder, *, next_resolve_ms: int, error: str | None, now_ms: int
    ) -> StoredOrder:
        """:meth:`schedule_resolve` for a caller that holds the current row (no re-read)."""
        self._conn.execute(
            orders.update()
            .where(orders.c.client_order_id == stored.client_order_id)
            .values(
                resolve_attempts=stored.resolve_attempts + 1,
                next_resolve_ms=next_resolve_ms,
                last_error=error,
                updated_ms=now_ms,
            )
        )
        return scheduled(stored, next_resolve_ms=next_resolve_ms, error=error, now_ms=now_ms)

    def get(self, client_order_id: str) -> StoredOrder | None:
        row = self._conn.execute(
            select(orders).where(orders.c.client_order_id == client_order_id)
        ).first()
        return None if row is None else _to_stored(row)

    def require(self, client_order_id: str) -> StoredOrder:
        stored = self.get(client_order_id)
        if stored is None:
            raise OrderNotFound(f"no order with client_order_id {client_order_id!r} in the store")
        return stored

    def by_exchange_id(self, exchange_order_id: int) -> StoredOrder | None:
        row = self._conn.execute(
            select(orders).where(orders.c.exchange_order_id == exchange_order_id)
        ).first()
        return None if row is None else _to_stored(row)

    def live_orders(self, mode: ExecutionMode | None = None) -> list[StoredOrder]:
        """Every order not yet terminal (open, in flight, pending cancel...), oldest first."""
        query = select(orders).where(orders.c.status.in_(LIVE_STATUSES))
        if mode is not None:
            query = query.where(orders.c.mode == mode.value)
        rows = self._conn.execute(query.order_by(orders.c.created_ms, orders.c.client_order_id))
        return [_to_stored(row) for row in rows]

    def live_orders_readable(
        self, mode: ExecutionMode | None = None
    ) -> tuple[list[StoredOrder], list[UnreadableOrder]]:
        """:meth:`live_orders`, with each row that does not read back as an order set aside
        and named instead of failing the read (for the operator's views)."""
        query = select(*stored_columns(orders)).where(orders.c.status.in_(LIVE_STATUSES))
        if mode is not None:
            query = query.where(orders.c.mode == mode.value)
        query = query.order_by(orders.c.created_ms, orders.c.client_order_id)
        readable: list[StoredOrder] = []
        unreadable: list[UnreadableOrder] = []
        for row in self._conn.execute(query):
            try:
                readable.append(_to_stored(read_order_row(row, self._conn)))
            except UNREADABLE as exc:
                unreadable.append(UnreadableOrder(str(row.client_order_id), str(exc)))
        return readable, unreadable

    def due_for_resolution(self, now_ms: int) -> list[StoredOrder]:
        """In-flight orders whose next resolution attempt is due."""
        query = (
            select(orders)
            .where(orders.c.status == OrderStatus.IN_FLIGHT.value)
            .where((orders.c.next_resolve_ms.is_(None)) | (orders.c.next_resolve_ms <= now_ms))
            .order_by(orders.c.created_ms)
        )
        return [_to_stored(row) for row in self._conn.execute(query)]

    def last_submits(self, mode: ExecutionMode) -> dict[tuple[Symbol, Side], int]:
        """When an order was last created on each (symbol, side) in ``mode`` (a start-up read:
        the runtime carries it from there). Protective stops do not count: the cooldown paces
        strategy orders, not their cover."""
        query = (
            select(orders.c.symbol, orders.c.side, func.max(orders.c.created_ms))
            .where(orders.c.mode == mode.value)
            .where(orders.c.stop_price.is_(None))
            .group_by(orders.c.symbol, orders.c.side)
        )
        return {
            (Symbol.parse(symbol), Side(side)): int(created)
            for symbol, side, created in self._conn.execute(query)
        }

    def touched_since(self, mode: ExecutionMode, since_ms: int) -> dict[Symbol, int]:
        """Symbols with an order of ``mode`` changed at or after ``since_ms``, and when last."""
        query = (
            select(orders.c.symbol, func.max(orders.c.updated_ms))
            .where(orders.c.mode == mode.value)
            .where(orders.c.updated_ms >= since_ms)
            .group_by(orders.c.symbol)
        )
        return {Symbol.parse(symbol): int(at) for symbol, at in self._conn.execute(query)}

    def events(self, client_order_id: str) -> list[OrderEventRecord]:
        rows = self._conn.execute(
            select(order_events)
            .where(order_events.c.client_order_id == client_order_id)
            .order_by(order_events.c.event_id)
        )
        return [_to_event(row) for row in rows]

    def _write(
        self, stored: StoredOrder, order: Order, event: str, now_ms: int, detail: str | None
    ) -> StoredOrder:
        self.record_change(stored, order, event, now_ms=now_ms, detail=detail)
        return self.require(stored.client_order_id)

    def record_change(
        self, stored: StoredOrder, order: Order, event: str, *, now_ms: int, detail: str | None
    ) -> StoredOrder:
        """Write ``order`` (the new state of ``stored``) and its history row; the caller
        decided the transition and holds the current row, so nothing is read back."""
        coid = stored.client_order_id
        self._conn.execute(
            orders.update()
            .where(orders.c.client_order_id == coid)
            .values(
                status=order.status.value,
                exchange_order_id=order.exchange_order_id,
                filled_quantity=order.filled_quantity,
                reason=order.reason,
                updated_ms=now_ms,
            )
        )
        self._append_event(
            coid,
            event,
            stored.status,
            order.status,
            now_ms,
            detail,
            exchange_order_id=order.exchange_order_id,
            filled_quantity=order.filled_quantity,
        )
        return changed(stored, order, now_ms)

    def _append_event(
        self,
        coid: str,
        event: str,
        from_status: OrderStatus | None,
        to_status: OrderStatus,
        at_ms: int,
        detail: str | None,
        *,
        exchange_order_id: int | None = None,
        filled_quantity: Decimal | None = None,
    ) -> None:
        row = event_row(
            coid,
            event,
            from_status,
            to_status,
            at_ms,
            detail,
            exchange_order_id=exchange_order_id,
            filled_quantity=filled_quantity,
        )
        self._conn.execute(order_events.insert().values(row))


def order_row(stored: StoredOrder) -> dict[str, Any]:
    """The ``orders`` row of ``stored``."""
    order = stored.order
    request = order.request
    return {
        "client_order_id": request.client_order_id,
        "exchange_order_id": order.exchange_order_id,
        "symbol": request.symbol.normalized,
        "side": request.side.value,
        "method": request.method.value,
        "price": request.price,
        "quantity": request.quantity,
        "quote_amount": request.quote_amount,
        "stop_price": request.stop_price,
        "status": order.status.value,
        "filled_quantity": order.filled_quantity,
        "reason": order.reason,
        "mode": stored.mode.value,
        "created_ms": stored.created_ms,
        "updated_ms": stored.updated_ms,
        "resolve_attempts": stored.resolve_attempts,
        "next_resolve_ms": stored.next_resolve_ms,
        "last_error": stored.last_error,
    }


def intent_event_row(stored: StoredOrder) -> dict[str, Any]:
    """The ``order_events`` row that records a new intent."""
    return event_row(
        stored.client_order_id,
        "INTENT",
        None,
        OrderStatus.PENDING_SUBMIT,
        stored.created_ms,
        stored.order.reason,
    )


def event_row(
    coid: str,
    event: str,
    from_status: OrderStatus | None,
    to_status: OrderStatus,
    at_ms: int,
    detail: str | None,
    *,
    exchange_order_id: int | None = None,
    filled_quantity: Decimal | None = None,
) -> dict[str, Any]:
    """One ``order_events`` row (the history of every change)."""
    return {
        "client_order_id": coid,
        "event": event,
        "from_status": None if from_status is None else from_status.value,
        "to_status": to_status.value,
        "at_ms": at_ms,
        "exchange_order_id": exchange_order_id,
        "filled_quantity": filled_quantity,
        "detail": detail,
    }


def pending(
    request: OrderRequest, *, mode: ExecutionMode, now_ms: int, reason: str | None
) -> StoredOrder:
    """The row :meth:`OrderRepository.insert_pending` writes."""
    return StoredOrder(Order(request, reason=reason), mode, now_ms, now_ms)


def changed(stored: StoredOrder, order: Order, now_ms: int) -> StoredOrder:
    """The row after :meth:`OrderRepository.record_change` wrote ``order``."""
    return evolve(stored, order=order, updated_ms=now_ms)


def scheduled(
    stored: StoredOrder, *, next_resolve_ms: int, error: str | None, now_ms: int
) -> StoredOrder:
    """The row after :meth:`OrderRepository.record_schedule`."""
    return evolve(
        stored,
        resolve_attempts=stored.resolve_attempts + 1,
        next_resolve_ms=next_resolve_ms,
        last_error=error,
        updated_ms=now_ms,
    )


def read_order_row(row: Row[Any], conn: Connection) -> SimpleNamespace:
    """An ``orders`` row selected through :func:`~btcbot.store.rows.stored_columns`, with its
    values converted (:class:`~btcbot.store.rows.BadRow` names a value that does not convert)."""
    return SimpleNamespace(**read_stored(row, orders, conn.dialect))


def _to_stored(row: Any) -> StoredOrder:
    request = OrderRequest(
        symbol=Symbol.parse(row.symbol),
        side=Side(row.side),
        method=OrderMethod(row.method),
        client_order_id=row.client_order_id,
        quantity=row.quantity,
        price=row.price,
        quote_amount=row.quote_amount,
        stop_price=row.stop_price,
    )
    order = Order(
        request=request,
        status=OrderStatus(row.status),
        exchange_order_id=row.exchange_order_id,
        filled_quantity=row.filled_quantity,
        reason=row.reason,
    )
    return StoredOrder(
        order=order,
        mode=ExecutionMode(row.mode),
        created_ms=row.created_ms,
        updated_ms=row.updated_ms,
        resolve_attempts=row.resolve_attempts,
        next_resolve_ms=row.next_resolve_ms,
        last_error=row.last_error,
    )


def _to_event(row: Row[Any]) -> OrderEventRecord:
    return OrderEventRecord(
        event=row.event,
        from_status=None if row.from_status is None else OrderStatus(row.from_status),
        to_status=OrderStatus(row.to_status),
        at_ms=row.at_ms,
        exchange_order_id=row.exchange_order_id,
        filled_quantity=row.filled_quantity,
        detail=row.detail,
    )
