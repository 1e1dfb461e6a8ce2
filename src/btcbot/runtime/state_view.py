"""Reads of the state database that feed one snapshot (inside the cycle's transaction)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from btcbot.accounting import LedgerState, build_ledger
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import OpenOrder
from btcbot.domain import OrderStatus, Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.runtime.risk_state_codec import decode_risk_state
from btcbot.store import (
    ExecutionMode,
    FillRepository,
    OpState,
    OpStatus,
    OrderRepository,
    RiskStateRepository,
    StoredOrder,
)
from btcbot.store.schema import orders

UNRESOLVED = frozenset({OrderStatus.PENDING_SUBMIT, OrderStatus.IN_FLIGHT})


@dataclass(frozen=True, slots=True)
class StateView:
    op: OpStatus
    risk: RiskState
    ledger: LedgerState
    live: tuple[StoredOrder, ...]
    last_submit_ms: Mapping[tuple[Symbol, Side], int]

    @property
    def unresolved(self) -> int:
        """Orders whose fate is not known yet (the unknown-order freeze counts them)."""
        return sum(1 for stored in self.live if stored.status in UNRESOLVED)

    def open_orders(self) -> tuple[OpenOrder, ...]:
        return tuple(_open_order(stored) for stored in self.live)


def read_state(conn: Connection, account_key: str, mode: ExecutionMode) -> StateView:
    return StateView(
        op=OpState(conn).get(account_key),
        risk=decode_risk_state(RiskStateRepository(conn).get(account_key)),
        ledger=build_ledger(FillRepository(conn).ours()),  # foreign fills are not ours
        live=tuple(OrderRepository(conn).live_orders(mode)),
        last_submit_ms=last_submits(conn, mode),
    )


def last_submits(conn: Connection, mode: ExecutionMode) -> dict[tuple[Symbol, Side], int]:
    """When the agent last decided to submit on each (symbol, side): the cooldown input.
    Protective stops do not count: the cooldown paces strategy orders, not their cover."""
    query = (
        select(orders.c.symbol, orders.c.side, func.max(orders.c.created_ms))
        .where(orders.c.mode == mode.value)
        .where(orders.c.stop_price.is_(None))
        .group_by(orders.c.symbol, orders.c.side)
    )
    return {
        (Symbol.parse(symbol), Side(side)): int(created)
        for symbol, side, created in conn.execute(query)
    }


def active_symbols(conn: Connection, mode: ExecutionMode, since_ms: int) -> set[Symbol]:
    """Symbols with an order that is live or changed since ``since_ms``: their fills and
    open orders must be reconciled even when they are not in the configured list."""
    query = (
        select(orders.c.symbol)
        .where(orders.c.mode == mode.value)
        .where(
            (orders.c.updated_ms >= since_ms)
            | orders.c.status.notin_([s.value for s in OrderStatus if s.is_terminal])
        )
        .distinct()
    )
    return {Symbol.parse(symbol) for (symbol,) in conn.execute(query)}


def _open_order(stored: StoredOrder) -> OpenOrder:
    order = stored.order
    request = order.request
    price = request.price or request.stop_price or request.quote_amount or ZERO
    return OpenOrder(
        client_order_id=request.client_order_id,
        exchange_order_id=order.exchange_order_id,
        symbol=request.symbol,
        side=request.side,
        price=price,
        quantity=request.quantity,
        filled_quantity=order.filled_quantity,
        status=order.status,
        created_ms=stored.created_ms,
        stop_price=request.stop_price,
    )
