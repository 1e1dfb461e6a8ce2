"""Fills, unique by exchange trade id (stored as exact text: ids exceed 2**53).

Every fill on the account is stored, ours or not. *Ours* are those of an order the agent
placed: the fill's exchange order id is one of our orders' ids, or (while our order still
waits for its id) its client id is that order's. Everything else is *foreign* (another
client's order on the same account): kept for the record, never booked into positions.
Attribution is read at query time, so a fill that arrived before its order's id is ours as
soon as the id is known.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import structlog
from sqlalchemy import ColumnElement, Connection, Row, and_, not_, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from btcbot.domain import Fill, Side, Symbol
from btcbot.store.schema import fills, orders

log = structlog.get_logger(__name__)


class FillInsert(StrEnum):
    INSERTED = "inserted"
    DUPLICATE = "duplicate"  # same trade id, same data: feeds overlap, nothing to do
    CONFLICT = "conflict"  # same trade id, different data: reported, stored one kept


class FillRepository:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def insert(self, fill: Fill, *, now_ms: int) -> FillInsert:
        """Insert unless the trade id is known; a differing duplicate is logged, not stored."""
        values = _to_values(fill, now_ms)
        dialect = self._conn.dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(fills)
            .values(values)
            .on_conflict_do_nothing(index_elements=[fills.c.trade_id])
            .returning(fills.c.trade_id)
        )
        # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT DO NOTHING
        if self._conn.execute(statement).first() is not None:
            return FillInsert.INSERTED
        stored = self.get(fill.trade_id)
        if stored == fill:
            return FillInsert.DUPLICATE
        log.warning(
            "fill_conflict",
            trade_id=str(fill.trade_id),
            stored=repr(stored),
            reported=repr(fill),
        )
        return FillInsert.CONFLICT

    def insert_if_new(self, fill: Fill, *, now_ms: int) -> bool:
        """True when the fill was new and is now stored."""
        return self.insert(fill, now_ms=now_ms) is FillInsert.INSERTED

    def get(self, trade_id: int) -> Fill | None:
        row = self._conn.execute(select(fills).where(fills.c.trade_id == trade_id)).first()
        return None if row is None else _to_fill(row)

    def all(self, symbol: Symbol | None = None, since_ms: int | None = None) -> list[Fill]:
        """Stored fills in canonical ledger order (timestamp, then trade id), ours or not."""
        return self._select(None, symbol, since_ms)

    def ours(self, symbol: Symbol | None = None, since_ms: int | None = None) -> list[Fill]:
        """Fills of orders the agent placed: what positions, PnL and the ledger book."""
        return self._select(_ours(), symbol, since_ms)

    def foreign(self, *, recorded_since_ms: int | None = None) -> list[Fill]:
        """Fills of orders the agent did not place, optionally only those stored since."""
        query = select(fills).where(not_(_ours()))
        if recorded_since_ms is not None:
            query = query.where(fills.c.recorded_ms >= recorded_since_ms)
        return _ordered(_to_fill(row) for row in self._conn.execute(query))

    def _select(
        self, condition: ColumnElement[bool] | None, symbol: Symbol | None, since_ms: int | None
    ) -> list[Fill]:
        query = select(fills)
        if condition is not None:
            query = query.where(condition)
        if symbol is not None:
            query = query.where(fills.c.symbol == symbol.normalized)
        if since_ms is not None:
            query = query.where(fills.c.timestamp_ms >= since_ms)
        return _ordered(_to_fill(row) for row in self._conn.execute(query))


def _ours() -> ColumnElement[bool]:
    by_id = fills.c.order_id.in_(
        select(orders.c.exchange_order_id).where(orders.c.exchange_order_id.is_not(None))
    )
    waiting = select(orders.c.client_order_id).where(orders.c.exchange_order_id.is_(None))
    by_client = and_(fills.c.client_order_id.is_not(None), fills.c.client_order_id.in_(waiting))
    return or_(by_id, by_client)


def _ordered(found: Iterable[Fill]) -> list[Fill]:
    return sorted(found, key=lambda f: (f.timestamp_ms, f.trade_id))  # ids are text in SQL


def _to_values(fill: Fill, now_ms: int) -> dict[str, Any]:
    return {
        "trade_id": fill.trade_id,
        "order_id": fill.order_id,
        "client_order_id": fill.client_order_id,
        "symbol": fill.symbol.normalized,
        "side": fill.side.value,
        "price": fill.price,
        "quantity": fill.quantity,
        "fee": fill.fee,
        "tax": fill.tax,
        "timestamp_ms": fill.timestamp_ms,
        "recorded_ms": now_ms,
    }


def _to_fill(row: Row[Any]) -> Fill:
    return Fill(
        trade_id=row.trade_id,
        order_id=row.order_id,
        client_order_id=row.client_order_id,
        symbol=Symbol.parse(row.symbol),
        side=Side(row.side),
        price=row.price,
        quantity=row.quantity,
        fee=row.fee,
        tax=row.tax,
        timestamp_ms=row.timestamp_ms,
    )
