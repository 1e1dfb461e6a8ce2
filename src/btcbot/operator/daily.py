"""The daily figures (the Telegram bot's ``/daily`` and daily summary): the last 24 hours.

A day here is the 24 hours before the moment asked about: realized PnL net of fee and tax
(:func:`btcbot.accounting.performance.realized_between`, per quote currency: TRY pairs in TRY,
others in their own quote), fee and tax paid, our fills and the orders placed, and the equity
of the first and last valued cycle of the window (from the cycles table, in TRY).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from sqlalchemy import Connection, func, select

from btcbot.accounting.performance import realized_between
from btcbot.domain import OrderStatus, Side
from btcbot.domain.money import ZERO
from btcbot.store import FillRepository
from btcbot.store.schema import cycles, orders

DAY_MS = 86_400_000
_NEVER_PLACED = (OrderStatus.REJECTED.value, OrderStatus.NOT_PLACED.value)


@dataclass(frozen=True, slots=True)
class DailyFigures:
    start_ms: int
    end_ms: int
    realized: Mapping[str, Decimal] = field(default_factory=dict)  # per quote currency
    fees: Mapping[str, Decimal] = field(default_factory=dict)  # fee + tax per quote currency
    fills: int = 0
    buys: int = 0
    sells: int = 0
    placed: int = 0
    equity_start: Decimal | None = None
    equity_end: Decimal | None = None

    @property
    def equity_change(self) -> Decimal | None:
        if self.equity_start is None or self.equity_end is None:
            return None
        return self.equity_end - self.equity_start


def daily_figures(conn: Connection, end_ms: int, mode: str | None = None) -> DailyFigures:
    """The 24 hours before ``end_ms``, from the state database (``mode``: live or dry_run
    orders and cycles only; None: all)."""
    start_ms = end_ms - DAY_MS
    ours = FillRepository(conn).ours()
    window = [f for f in ours if start_ms <= f.timestamp_ms < end_ms]
    fees: dict[str, Decimal] = {}
    for fill in window:
        fees[fill.symbol.quote] = fees.get(fill.symbol.quote, ZERO) + fill.cost
    first, last = _equity_bounds(conn, start_ms, end_ms, mode)
    return DailyFigures(
        start_ms=start_ms,
        end_ms=end_ms,
        realized=realized_between(ours, start_ms, end_ms),
        fees=MappingProxyType(fees),
        fills=len(window),
        buys=sum(1 for f in window if f.side is Side.BUY),
        sells=sum(1 for f in window if f.side is Side.SELL),
        placed=_placed(conn, start_ms, end_ms, mode),
        equity_start=first,
        equity_end=last,
    )


def _placed(conn: Connection, start_ms: int, end_ms: int, mode: str | None) -> int:
    query = (
        select(func.count())
        .select_from(orders)
        .where(orders.c.created_ms >= start_ms, orders.c.created_ms < end_ms)
        .where(orders.c.status.notin_(_NEVER_PLACED))
    )
    if mode is not None:
        query = query.where(orders.c.mode == mode)
    return int(conn.execute(query).scalar_one())


def _equity_bounds(
    conn: Connection, start_ms: int, end_ms: int, mode: str | None
) -> tuple[Decimal | None, Decimal | None]:
    query = (
        select(cycles.c.equity)
        .where(cycles.c.started_ms >= start_ms, cycles.c.started_ms < end_ms)
        .where(cycles.c.equity.is_not(None))
    )
    if mode is not None:
        query = query.where(cycles.c.mode == mode)
    first = conn.execute(query.order_by(cycles.c.started_ms.asc()).limit(1)).scalar()
    last = conn.execute(query.order_by(cycles.c.started_ms.desc()).limit(1)).scalar()
    return first, last
