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
from typing import Any

from sqlalchemy import Connection, Row, select

from btcbot.domain import (
    Order,
    OrderEvent,
    OrderMethod,
    OrderRequest,
    OrderStatus,
    Side,
    Symbol,
)
from btcbot.domain.money import ZERO
from btcbot.store.errors import OrderNotFound
from btcbot.store.schema import order_events, orders

LIVE_STATUSES = tuple(status.value for status in OrderStatus if status.is_live)


class ExecutionMode(StrEnum):
    LIVE = "live"
    DRY_RUN = "dry_run"
    REPLAY = "replay"


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
        self._conn.execute(
            orders.insert().values(
                client_order_id=request.client_order_id,
                exchange_order_id=None,
                symbol=request.symbol.normalized,
                side=request.side.value,
                method=request.method.value,
                price=request.price,
                quantity=request.quantity,
                quote_amount=request.quote_amount,
                stop_price=request.stop_price,
                status=OrderStatus.PENDING_SUBMIT.value,
                filled_quantity=ZERO,
                reason=reason,
                mode=mode.value,
                created_ms=now_ms,
                updated_ms=now_ms,
                resolve_attempts=0,
            )
        )
        self._append_event(
            request.client_order_id, "INTENT", None, OrderStatus.PENDING_SUBMIT, now_ms, reason
        )
        return self.require(request.client_order_id)

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
        self._conn.execute(
            orders.update()
            .where(orders.c.client_order_id == client_order_id)
            .values(
                resolve_attempts=stored.resolve_attempts + 1,
                next_resolve_ms=next_resolve_ms,
                last_error=error,
                updated_ms=now_ms,
            )
        )

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

    def due_for_resolution(self, now_ms: int) -> list[StoredOrder]:
        """In-flight orders whose next resolution attempt is due."""
        query = (
            select(orders)
            .where(orders.c.status == OrderStatus.IN_FLIGHT.value)
            .where((orders.c.next_resolve_ms.is_(None)) | (orders.c.next_resolve_ms <= now_ms))
            .order_by(orders.c.created_ms)
        )
        return [_to_stored(row) for row in self._conn.execute(query)]

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
        return self.require(coid)

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
        self._conn.execute(
            order_events.insert().values(
                client_order_id=coid,
                event=event,
                from_status=None if from_status is None else from_status.value,
                to_status=to_status.value,
                at_ms=at_ms,
                exchange_order_id=exchange_order_id,
                filled_quantity=filled_quantity,
                detail=detail,
            )
        )


def _to_stored(row: Row[Any]) -> StoredOrder:
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
