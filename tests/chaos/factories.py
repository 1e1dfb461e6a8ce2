"""Synthetic exchange and agent records for the invariant checks."""

from __future__ import annotations

from decimal import Decimal

from chaos.agent_db import AgentCycle, AgentEvent, AgentOrder, AgentRecords
from chaos.invariants import ExchangeRecords, Limits

from btcbot.emulator.order_history import FillRecord, OrderRecord, RequestRecord
from btcbot.store import OpStatus

D = Decimal


def order(
    order_id: int,
    client: str,
    *,
    opened: tuple[int, int],
    closed: tuple[int, int] | None = None,
    symbol: str = "BTCTRY",
    side: str = "buy",
    price: str = "100",
    quantity: str = "1",
    method: str = "limit",
    quote: str = "TRY",
    quote_in_try: str | None = "1",
) -> OrderRecord:
    return OrderRecord(
        order_id=order_id,
        user_id=7,
        client_id=client,
        symbol=symbol,
        base=symbol.removesuffix(quote),
        quote=quote,
        side=side,
        method=method,
        price=D(price),
        quantity=D(quantity),
        quote_in_try=None if quote_in_try is None else D(quote_in_try),
        opened_ms=opened[0],
        opened_seq=opened[1],
        closed_ms=None if closed is None else closed[0],
        closed_seq=None if closed is None else closed[1],
        status="Closed" if closed else "Untouched",
    )


def fill(
    trade_id: int,
    order_id: int,
    *,
    seq: int,
    side: str = "buy",
    amount: str = "1",
    symbol: str = "BTCTRY",
    price: str = "100",
) -> FillRecord:
    return FillRecord(
        trade_id, order_id, 7, symbol, side, D(price), D(amount), D(0), D(0), seq * 10, seq
    )


def exchange(
    orders: list[OrderRecord],
    fills: list[FillRecord] | None = None,
    requests: list[RequestRecord] | None = None,
) -> ExchangeRecords:
    return ExchangeRecords(tuple(orders), tuple(fills or ()), tuple(requests or ()))


def agent(
    *,
    known: dict[int, int] | None = None,
    events: list[AgentEvent] | None = None,
    cycles: list[AgentCycle] | None = None,
    booked: set[int] | None = None,
    orders: list[AgentOrder] | None = None,
    fill_totals: dict[int, Decimal] | None = None,
) -> AgentRecords:
    accepted = [
        AgentEvent(f"c{order_id}", "OPEN", at, order_id) for order_id, at in (known or {}).items()
    ]
    return AgentRecords(
        orders=tuple(orders or ()),
        events=tuple(accepted + (events or [])),
        cycles=tuple(cycles or ()),
        booked_trade_ids=frozenset(booked or ()),
        op=OpStatus("chaos"),
        fill_totals=fill_totals or {},
    )


def limits(**changes: object) -> Limits:
    values: dict[str, object] = {
        "stage": 3,
        "max_open_per_symbol": 1,
        "max_notional_try": D(400),
        "reconcile_threshold": 3,
        "resolution_window_ms": 20_000,
        "recovery_limit_ms": 45_000,
        "trip_within_ms": 60_000,
    }
    values.update(changes)
    return Limits(**values)  # type: ignore[arg-type]
