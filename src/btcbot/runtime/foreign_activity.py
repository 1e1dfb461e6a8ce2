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

:class:`ForeignAlarms` carries that state between cycles: it reads the reported ids once and
looks only at the fills the OMS's book saw become foreign since its last look (plus those it
had to defer), so a cycle does not re-read every foreign fill ever stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import structlog

from btcbot.domain import Fill
from btcbot.domain.money import format_decimal
from btcbot.domain.slots import fast_init
from btcbot.exchange.reports import ExchangeOrder
from btcbot.execution.booking import FillBook
from btcbot.store import StateStore, StoredOrder

log = structlog.get_logger(__name__)

RESOLVE_ORDERS = "check them on the exchange, then lift the freeze: btcbot freeze clear"
RESOLVE_FILLS = (
    "not booked as ours; check them on the exchange, accept the balance change with "
    "btcbot ledger rebase, then lift the freeze: btcbot freeze clear"
)


def alarm_key(account_key: str) -> str:
    return f"{account_key}:foreign-fills"


@fast_init
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


class ForeignAlarms:
    """Foreign activity of one account, alarmed once per fill (see the module docstring)."""

    def __init__(self, account_key: str) -> None:
        self.account_key = account_key
        self._reported: set[str] | None = None  # read from the store at the first look
        self._cursor = 0  # position in the book's log of fills that became foreign
        self._pending: dict[int, Fill] = {}  # foreign, not reported yet, not judged yet

    def raise_alarms(
        self,
        store: StateStore,
        book: FillBook,
        unknown_orders: Sequence[ExchangeOrder],
        live: Sequence[StoredOrder],
        now_ms: int,
    ) -> ForeignActivity:
        """Find foreign fills not reported yet; freeze (sticky) when anything foreign was
        found (the freeze's reason names it)."""
        new, self._cursor = book.foreign_since(self._cursor)
        self._pending.update((fill.trade_id, fill) for fill in new)
        if self._reported is None:
            with store.session() as session:
                document = session.documents.get(alarm_key(self.account_key)) or {}
            self._reported = {str(trade_id) for trade_id in document.get("reported", [])}
        fills = self._judge(book, self._reported, live)
        activity = ForeignActivity(tuple(unknown_orders), fills)
        if not activity.found:
            return activity
        with store.session() as session:
            if fills:
                self._reported.update(str(fill.trade_id) for fill in fills)
                document = {"reported": sorted(self._reported)}
                session.documents.put(alarm_key(self.account_key), document, now_ms=now_ms)
                log.error(
                    "foreign_fills", fills=[_fill_text(f) for f in fills], account=self.account_key
                )
            session.op_state.set_freeze(self.account_key, reason=activity.reason(), now_ms=now_ms)
        return activity

    def _judge(
        self, book: FillBook, reported: set[str], live: Sequence[StoredOrder]
    ) -> tuple[Fill, ...]:
        waiting = {(o.order.request.symbol, o.order.request.side) for o in live if _unidentified(o)}
        found: list[Fill] = []
        for trade_id, fill in list(self._pending.items()):
            if not book.is_foreign(trade_id) or str(trade_id) in reported:
                del self._pending[trade_id]  # became ours, or alarmed before
            elif (fill.symbol, fill.side) not in waiting:
                del self._pending[trade_id]
                found.append(fill)
        return tuple(sorted(found, key=lambda f: (f.timestamp_ms, f.trade_id)))


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
    "ForeignAlarms",
    "alarm_key",
    "describe_foreign_fills",
    "describe_unknown_orders",
    "list_fills",
]
