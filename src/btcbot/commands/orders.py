"""``btcbot orders``: our orders from the state database, newest first, read-only."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from btcbot.commands.common import EnvFile, fail
from btcbot.commands.operator_access import reading
from btcbot.commands.status import Json, age, money, when
from btcbot.domain import OrderStatus
from btcbot.operator.views import OrderView
from btcbot.store.orders import LIVE_STATUSES


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
    with reading(env_file) as services:
        readable, unreadable = services.order_listing(wanted, limit)
    rows = [_order(order) for order in readable]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
    else:
        print_orders(rows, "live" if wanted == LIVE_STATUSES else (status or "all"))
    if unreadable:
        shown = "; ".join(f"{u.client_order_id}: {u.problem}" for u in unreadable[:3])
        more = f" (and {len(unreadable) - 3} more)" if len(unreadable) > 3 else ""
        fail(
            f"{len(unreadable)} order row(s) in the state database cannot be read and are not "
            f"listed: {shown}{more}; restore the database from a backup or correct the row"
        )


def _statuses(show_all: bool, status: str | None) -> tuple[str, ...] | None:
    if status is not None:
        try:
            return (OrderStatus(status.strip().upper()).value,)
        except ValueError:
            fail(f"--status {status}: choose one of {', '.join(s.value for s in OrderStatus)}")
    return None if show_all else LIVE_STATUSES


def _order(order: OrderView) -> dict[str, Any]:
    return {
        "client_order_id": order.client_order_id,
        "exchange_order_id": order.exchange_order_id,
        "symbol": order.symbol,
        "side": order.side,
        "method": order.method,
        "price": money(order.price),
        "stop_price": money(order.stop_price),
        "quantity": money(order.quantity),
        "filled": money(order.filled),
        "status": order.status,
        "mode": order.mode,
        "created": when(order.created_ms),
        "age_s": order.age_s,
        "reason": order.reason,
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
            f"{_price(o):>12} {o['quantity']:>12} {o['filled']:>12} "
            f"{o['status']:<16} {age(o['age_s'] * 1000):>7}  {o['reason'] or ''}"
        )
    typer.echo(f"{len(rows)} {what} order(s)")


def _price(row: dict[str, Any]) -> str:
    """The limit price, ``market``, or for a stop ``stop@<stop price>`` (with its limit)."""
    limit = row["price"] or "market"
    if row["stop_price"] is None:
        return str(limit)
    return f"stop@{row['stop_price']}" + ("" if row["price"] is None else f"/{row['price']}")


__all__ = ["orders_command"]
