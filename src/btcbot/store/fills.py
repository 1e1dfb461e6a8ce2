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
from decimal import Decimal
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

import structlog
from sqlalchemy import ColumnElement, Connection, Row, and_, func, not_, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from btcbot.domain import Fill, Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.store.errors import DamagedRow
from btcbot.store.rows import UNREADABLE, read_stored, stored_columns
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
        values = fill_row(fill, now_ms)
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
        """Stored fills by time (then trade id), ours or not; the ledger re-sorts them into its
        canonical order (:func:`btcbot.accounting.canonical_key`)."""
        return self._select(None, symbol, since_ms)

    def ours_checked(self) -> list[Fill]:
        """:meth:`ours` for the operator's ledger view: a row that does not read back raises
        :class:`~btcbot.store.errors.DamagedRow` naming it (the ledger cannot leave it out)."""
        rows = self._conn.execute(select(*stored_columns(fills)).where(_ours()))
        found = []
        for row in rows:
            try:
                found.append(
                    _to_fill(SimpleNamespace(**read_stored(row, fills, self._conn.dialect)))
                )
            except UNREADABLE as exc:
                raise DamagedRow(
                    f"fill {row.trade_id} in the state database cannot be read ({exc}): the "
                    "ledger cannot be built without it; restore the database from a backup"
                ) from None
        return _ordered(found)

    def ours(self, symbol: Symbol | None = None, since_ms: int | None = None) -> list[Fill]:
        """Fills of orders the agent placed: what positions, PnL and the ledger book."""
        return self._select(_ours(), symbol, since_ms)

    def quantity_of(self, order_id: int) -> Decimal:
        """Sum of the stored fills of one exchange order (base quantity)."""
        query = select(fills.c.quantity).where(fills.c.order_id == order_id)
        return sum((row.quantity for row in self._conn.execute(query)), ZERO)

    def latest_ms(self, symbol: Symbol) -> int | None:
        """Time of the newest stored fill of ``symbol``."""
        query = select(func.max(fills.c.timestamp_ms)).where(fills.c.symbol == symbol.normalized)
        value = self._conn.execute(query).scalar()
        return None if value is None else int(value)

    def of_client(self, client_order_id: str) -> list[tuple[Fill, int]]:
        """Stored fills carrying this client order id, with ``recorded_ms``, ledger order."""
        query = select(fills).where(fills.c.client_order_id == client_order_id)
        return _recorded(self._conn.execute(query))

    def waiting_for_id(self) -> list[tuple[Fill, int]]:
        """Our fills that are ours only through their client id (their order still waits for
        its exchange id), with ``recorded_ms``, in ledger order."""
        query = select(fills).where(not_(_by_exchange_id()), _by_waiting_client_id())
        return _recorded(self._conn.execute(query))

    def foreign_recorded(self) -> list[tuple[Fill, int]]:
        """Foreign fills with the time each was stored (``recorded_ms``), in ledger order."""
        return _recorded(self._conn.execute(select(fills).where(not_(_ours()))))

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
    return or_(_by_exchange_id(), _by_waiting_client_id())


def _by_exchange_id() -> ColumnElement[bool]:
    return fills.c.order_id.in_(
        select(orders.c.exchange_order_id).where(orders.c.exchange_order_id.is_not(None))
    )


def _by_waiting_client_id() -> ColumnElement[bool]:
    waiting = select(orders.c.client_order_id).where(orders.c.exchange_order_id.is_(None))
    return and_(fills.c.client_order_id.is_not(None), fills.c.client_order_id.in_(waiting))


def _recorded(rows: Iterable[Row[Any]]) -> list[tuple[Fill, int]]:
    found = [(_to_fill(row), int(row.recorded_ms)) for row in rows]
    return sorted(found, key=lambda pair: (pair[0].timestamp_ms, pair[0].trade_id))


def _ordered(found: Iterable[Fill]) -> list[Fill]:
    return sorted(found, key=lambda f: (f.timestamp_ms, f.trade_id))  # ids are text in SQL


def fill_row(fill: Fill, now_ms: int) -> dict[str, Any]:
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


def _to_fill(row: Any) -> Fill:
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
