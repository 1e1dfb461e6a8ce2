"""Activity on the account that the agent did not cause: alarm once, book nothing.

Two kinds reach the agent: open orders it did not place (reconciliation's ``unknown_orders``)
and fills of orders it did not place (another client's market buy on a traded pair, or a fill
naming an order id the store never saw). Neither enters positions, PnL or the ledger. Both
trip the sticky unknown-order freeze (no new risk; cancels go on) with a reason that names
what was found and the commands that resolve it; the foreign fills also change balances, so
the ledger check reports them until the operator accepts the new balances
(``btcbot ledger rebase``).

A foreign fill alarms once: the trade ids already reported are kept with the runtime state,
so clearing the freeze is not undone by the same fill next cycle. A fill is not judged while
one of our orders on its symbol and side still waits for its exchange id (it may be that
order's fill, attributed as soon as the id is known).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from sqlalchemy import Connection

from btcbot.domain import Fill
from btcbot.domain.money import format_decimal
from btcbot.exchange.reports import ExchangeOrder
from btcbot.store import FillRepository, OpState, RiskStateRepository, StoredOrder

log = structlog.get_logger(__name__)

RESOLVE_ORDERS = "check them on the exchange, then lift the freeze: btcbot freeze clear"
RESOLVE_FILLS = (
    "not booked as ours; check them on the exchange, accept the balance change with "
    "btcbot ledger rebase, then lift the freeze: btcbot freeze clear"
)


def alarm_key(account_key: str) -> str:
    return f"{account_key}:foreign-fills"


@dataclass(frozen=True, slots=True)
class ForeignActivity:
    unknown_orders: tuple[ExchangeOrder, ...] = ()
    new_foreign_fills: tuple[Fill, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.unknown_orders or self.new_foreign_fills)

    def reason(self) -> str:
        parts = []
        if self.unknown_orders:
            parts.append(describe_unknown_orders(self.unknown_orders))
        if self.new_foreign_fills:
            parts.append(describe_foreign_fills(self.new_foreign_fills))
        return "; ".join(parts)


def raise_alarms(
    conn: Connection,
    account_key: str,
    unknown_orders: Sequence[ExchangeOrder],
    live: Sequence[StoredOrder],
    now_ms: int,
) -> ForeignActivity:
    """Find foreign fills not reported yet; freeze (sticky) when anything foreign was found."""
    states = RiskStateRepository(conn)
    document = states.get(alarm_key(account_key)) or {}
    reported = set(document.get("reported", []))
    waiting = {(o.order.request.symbol, o.order.request.side) for o in live if _unidentified(o)}
    new = tuple(
        fill
        for fill in FillRepository(conn).foreign()
        if str(fill.trade_id) not in reported and (fill.symbol, fill.side) not in waiting
    )
    activity = ForeignActivity(tuple(unknown_orders), new)
    if not activity.found:
        return activity
    if new:
        reported.update(str(fill.trade_id) for fill in new)
        states.put(alarm_key(account_key), {"reported": sorted(reported)}, now_ms=now_ms)
        log.error("foreign_fills", fills=[_fill_text(f) for f in new], account=account_key)
    OpState(conn).set_freeze(account_key, reason=activity.reason(), now_ms=now_ms)
    return activity


def _unidentified(stored: StoredOrder) -> bool:
    return stored.order.exchange_order_id is None


def describe_unknown_orders(found: Sequence[ExchangeOrder]) -> str:
    ids = ", ".join(str(order.order_id) for order in found[:5])
    return f"{len(found)} open order(s) on the exchange not placed by us: {ids}; {RESOLVE_ORDERS}"


def describe_foreign_fills(found: Sequence[Fill]) -> str:
    return f"{list_fills(found)}; {RESOLVE_FILLS}"


def list_fills(found: Sequence[Fill]) -> str:
    """``N fill(s) of orders not placed by us: trade ...; trade ...`` (at most five shown)."""
    shown = "; ".join(_fill_text(fill) for fill in found[:5])
    more = f" (+{len(found) - 5} more)" if len(found) > 5 else ""
    return f"{len(found)} fill(s) of orders not placed by us: {shown}{more}"


def _fill_text(fill: Fill) -> str:
    return (
        f"trade {fill.trade_id} {fill.symbol.normalized} {fill.side.value} "
        f"{format_decimal(fill.quantity)} @ {format_decimal(fill.price)} (order {fill.order_id})"
    )


__all__ = [
    "ForeignActivity",
    "alarm_key",
    "describe_foreign_fills",
    "describe_unknown_orders",
    "list_fills",
    "raise_alarms",
]
