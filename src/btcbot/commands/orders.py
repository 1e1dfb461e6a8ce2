"""``btcbot orders``: our orders from the state database, newest first, read-only."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from sqlalchemy import Connection, select

from btcbot.commands.common import EnvFile, fail, inspected_store, load_common, now_ms
from btcbot.commands.status import Json, age, money, when
from btcbot.domain import OrderStatus
from btcbot.store.orders import LIVE_STATUSES
from btcbot.store.schema import orders


def orders_command(
    show_all: Annotated[
        bool, typer.Option("--all", help="Every order, not only live (non-terminal) ones.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Newest N orders.")] = 50,
    status: Annotated[
        str | None,
        typer.Option("--status", help="Only this status, e.g. OPEN, FILLED, REJECTED."),
    ] = None,
    as_json: Json = False,
    env_file: EnvFile = None,
) -> None:
    """List our orders from the state database (live ones by default), newest first."""
    wanted = _statuses(show_all, status)
    common = load_common(env_file)
    now = now_ms()
    with inspected_store(common) as engine, engine.connect() as conn:
        rows = list_orders(conn, wanted, limit, now)
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    print_orders(rows, "live" if wanted == LIVE_STATUSES else (status or "all"))


def _statuses(show_all: bool, status: str | None) -> tuple[str, ...] | None:
    if status is not None:
        try:
            return (OrderStatus(status.strip().upper()).value,)
        except ValueError:
            fail(f"--status {status}: choose one of {', '.join(s.value for s in OrderStatus)}")
    return None if show_all else LIVE_STATUSES


def list_orders(
    conn: Connection, statuses: tuple[str, ...] | None, limit: int, now: int
) -> list[dict[str, Any]]:
    query = select(orders).order_by(orders.c.created_ms.desc(), orders.c.client_order_id.desc())
    if statuses is not None:
        query = query.where(orders.c.status.in_(statuses))
    return [_order(row, now) for row in conn.execute(query.limit(limit))]


def _order(row: Any, now: int) -> dict[str, Any]:
    return {
        "client_order_id": row.client_order_id,
        "exchange_order_id": row.exchange_order_id,
        "symbol": row.symbol,
        "side": row.side,
        "method": row.method,
        "price": money(row.price),
        "quantity": money(row.quantity),
        "filled": money(row.filled_quantity),
        "status": row.status,
        "mode": row.mode,
        "created": when(row.created_ms),
        "age_s": max(now - row.created_ms, 0) // 1000,
        "reason": row.reason or row.last_error,
    }


def print_orders(rows: list[dict[str, Any]], what: str) -> None:
    if not rows:
        typer.echo(f"no {what} orders")
        return
    typer.echo(
        f"{'client id':<34} {'exch id':>10} {'symbol':<9} {'side':<4} {'price':>12} "
        f"{'qty':>12} {'filled':>12} {'status':<16} {'age':>7}  reason"
    )
    for o in rows:
        exchange_id = "-" if o["exchange_order_id"] is None else str(o["exchange_order_id"])
        typer.echo(
            f"{o['client_order_id']:<34} {exchange_id:>10} {o['symbol']:<9} {o['side']:<4} "
            f"{o['price'] or 'market':>12} {o['quantity']:>12} {o['filled']:>12} "
            f"{o['status']:<16} {age(o['age_s'] * 1000):>7}  {o['reason'] or ''}"
        )
    typer.echo(f"{len(rows)} {what} order(s)")


__all__ = ["list_orders", "orders_command"]
