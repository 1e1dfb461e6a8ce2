"""Fills, unique by exchange trade id (stored as exact text: ids exceed 2**53)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import structlog
from sqlalchemy import Connection, Row, select
from sqlalchemy.dialects import postgresql, sqlite

from btcbot.domain import Fill, Side, Symbol
from btcbot.store.schema import fills

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
        """Stored fills in canonical ledger order (timestamp, then trade id)."""
        query = select(fills)
        if symbol is not None:
            query = query.where(fills.c.symbol == symbol.normalized)
        if since_ms is not None:
            query = query.where(fills.c.timestamp_ms >= since_ms)
        result = [_to_fill(row) for row in self._conn.execute(query)]
        return sorted(result, key=lambda f: (f.timestamp_ms, f.trade_id))  # ids are text in SQL


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
