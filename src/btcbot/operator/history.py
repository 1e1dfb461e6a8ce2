"""What the bot did: orders, fills, cycles with their decisions, the equity series."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import structlog
from sqlalchemy import Connection, and_, case, or_, select
from sqlalchemy.engine import Dialect

from btcbot.domain.money import ZERO, to_decimal
from btcbot.domain.reasons import explain
from btcbot.operator.status import cycle_view
from btcbot.operator.views import (
    CycleDetail,
    CycleView,
    DecisionView,
    EquityPoint,
    EquitySeries,
    FillView,
    OrderView,
    UnreadableOrderView,
)
from btcbot.store import CycleRepository
from btcbot.store.orders import read_order_row
from btcbot.store.rows import UNREADABLE, BadRow, read_stored, stored_columns
from btcbot.store.schema import cycles, fills, orders

log = structlog.get_logger(__name__)


def list_orders(
    conn: Connection, statuses: Sequence[str] | None, limit: int, now: int
) -> tuple[list[OrderView], list[UnreadableOrderView]]:
    """Our orders, newest first; ``statuses`` None means every order. A row that does not
    read back (edited by hand, damaged) is set aside and named, not a failed read."""
    query = select(*stored_columns(orders)).order_by(
        orders.c.created_ms.desc(), orders.c.client_order_id.desc()
    )
    if statuses is not None:
        query = query.where(orders.c.status.in_(tuple(statuses)))
    readable: list[OrderView] = []
    unreadable: list[UnreadableOrderView] = []
    for row in conn.execute(query.limit(limit)):
        try:
            readable.append(_order(read_order_row(row, conn), now))
        except BadRow as exc:
            unreadable.append(UnreadableOrderView(str(row.client_order_id), str(exc)))
    return readable, unreadable


def _order(row: Any, now: int) -> OrderView:
    return OrderView(
        client_order_id=row.client_order_id,
        exchange_order_id=row.exchange_order_id,
        symbol=row.symbol,
        side=row.side,
        method=row.method,
        price=row.price,
        stop_price=row.stop_price,
        quantity=row.quantity,
        filled=row.filled_quantity,
        status=row.status,
        mode=row.mode,
        created_ms=row.created_ms,
        updated_ms=row.updated_ms,
        age_s=max(now - row.created_ms, 0) // 1000,
        reason=row.reason or row.last_error,
    )


def _ours_column() -> Any:
    """True for a fill of an order the agent placed (the ledger books only those)."""
    by_id = fills.c.order_id.in_(
        select(orders.c.exchange_order_id).where(orders.c.exchange_order_id.is_not(None))
    )
    by_client = and_(
        fills.c.client_order_id.is_not(None),
        fills.c.client_order_id.in_(select(orders.c.client_order_id)),
    )
    return case((or_(by_id, by_client), True), else_=False).label("ours")


def list_fills(
    conn: Connection, limit: int, *, since_ms: int | None = None, newest_first: bool = True
) -> list[FillView]:
    query = select(*stored_columns(fills), _ours_column())
    if since_ms is not None:
        query = query.where(fills.c.timestamp_ms >= since_ms)
    order = (fills.c.timestamp_ms.desc(),) if newest_first else (fills.c.timestamp_ms,)
    rows = conn.execute(query.order_by(*order).limit(limit))
    found = []
    for row in rows:
        try:
            found.append(_fill(row, conn.dialect))
        except UNREADABLE as exc:
            log.warning("fill_unreadable", trade_id=str(row.trade_id), problem=str(exc)[:200])
    return found


def _fill(stored: Any, dialect: Dialect) -> FillView:
    row = SimpleNamespace(**read_stored(stored, fills, dialect), ours=stored.ours)
    return FillView(
        trade_id=int(row.trade_id),
        order_id=int(row.order_id),
        client_order_id=row.client_order_id,
        ours=bool(row.ours),
        symbol=row.symbol,
        side=row.side,
        price=row.price,
        quantity=row.quantity,
        fee=row.fee,
        tax=row.tax,
        timestamp_ms=row.timestamp_ms,
    )


def list_cycles(conn: Connection, limit: int) -> list[CycleView]:
    """The newest cycles; a row that does not read back is left out (logged; ``status``
    fails its health naming it)."""
    readable, unreadable = CycleRepository(conn).latest_readable(limit)
    for cycle_id, problem in unreadable:
        log.warning("cycle_unreadable", cycle_id=cycle_id, problem=problem[:200])
    return [cycle_view(c) for c in readable]


def cycle_detail(conn: Connection, cycle_id: str) -> CycleDetail | None:
    repository = CycleRepository(conn)
    record = repository.get_checked(cycle_id)
    if record is None:
        return None
    decisions = tuple(
        DecisionView(
            symbol=d.symbol,
            layer=d.layer,
            action=d.action,
            reason_code=d.reason_code,
            meaning=explain(d.reason_code),
            detail=d.detail,
        )
        for d in repository.decisions(cycle_id)
    )
    return CycleDetail(cycle_view(record), decisions)


def equity_series(conn: Connection, limit: int, fill_limit: int) -> EquitySeries:
    """The last ``limit`` valued cycles, oldest first: equity, PnL since the first point, and
    drawdown from the running peak; with our fills in that window for chart marks."""
    stored = {column.name: column for column in stored_columns(cycles)}
    query = (
        select(cycles.c.cycle_id, stored["started_ms"], stored["ended_ms"], stored["equity"])
        .where(cycles.c.equity.is_not(None))
        .order_by(cycles.c.started_ms.desc())
        .limit(limit)
    )
    rows = [
        row
        for row in (_equity_row(found) for found in list(conn.execute(query))[::-1])
        if row is not None
    ]
    points: list[EquityPoint] = []
    peak: Decimal | None = None
    worst = ZERO
    for row in rows:
        equity: Decimal = row.equity
        peak = equity if peak is None or equity > peak else peak
        drawdown = (peak - equity) / peak if peak > 0 else ZERO
        worst = max(worst, drawdown)
        first = points[0].equity if points else equity
        points.append(EquityPoint(row.ended_ms or row.started_ms, equity, equity - first, drawdown))
    since = rows[0].started_ms if rows else None
    marks = [f for f in list_fills(conn, fill_limit, since_ms=since, newest_first=False) if f.ours]
    return EquitySeries(tuple(points), worst, tuple(marks))


def _equity_row(row: Any) -> SimpleNamespace | None:
    """One equity point's columns, or None (logged) for a row that does not read back."""
    try:
        started, ended = row.started_ms, row.ended_ms
        if not isinstance(started, int) or not (ended is None or isinstance(ended, int)):
            raise ValueError(f"started_ms/ended_ms {started!r}/{ended!r} are not integers")
        return SimpleNamespace(
            started_ms=started, ended_ms=ended, equity=to_decimal(str(row.equity))
        )
    except UNREADABLE as exc:
        log.warning("cycle_unreadable", cycle_id=str(row.cycle_id), problem=str(exc)[:200])
        return None
