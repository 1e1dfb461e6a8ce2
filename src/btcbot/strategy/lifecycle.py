"""Our own live orders: which are stale (TTL, price drift), which intents duplicate them, and
which intents must wait for a cancel.

Drift is measured against the order's own symbol's mid (the predecessor used the first
symbol's mid for every order). Only resting orders with an exchange id can be cancelled;
orders still submitting or in flight are left to the order manager's resolution ladder.

Cancel, then replace -- never both at once. BTCTurk acknowledges a cancel before it happens
and the order can fill meanwhile (or the cancel can be lost), so an intent on a (symbol, side)
whose order is being cancelled in this plan, or whose cancel is not proven yet
(``PENDING_CANCEL``), is held (``replace_awaits_cancel``). Once the exchange proves the cancel
(WS 452 / ``order/{id}`` Canceled, or Closed: it filled), a later cycle plans afresh from the
position and balances that the old order's fills left, so the replacement is sized from what is
left and two of our orders never rest where one is allowed.

Protective stops are none of this module's business (no TTL, no drift, never a duplicate of a
strategy order nor one a strategy intent waits for): :mod:`btcbot.kernel.protective_stops`
manages them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.config.params import LifecycleParams
from btcbot.decision.intents import Intent
from btcbot.decision.market import MarketView
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.decision.snapshot import OpenOrder
from btcbot.domain import OrderStatus, Side, Symbol
from btcbot.domain.money import BPS, ZERO

_L = Layer.LIFECYCLE


@dataclass(frozen=True, slots=True)
class StaleOrder:
    order: OpenOrder
    reason: str  # ttl_expired | price_drift


def stale_reason(
    order: OpenOrder, mid: Decimal | None, params: LifecycleParams, now_ms: int
) -> str | None:
    if now_ms - order.created_ms >= params.ttl_seconds * 1000:
        return "ttl_expired"
    drift = params.drift_bps
    if drift is not None and mid is not None and mid > ZERO:
        return "price_drift" if abs(order.price - mid) / mid * BPS >= drift else None
    return None


def find_stale(
    orders: Iterable[OpenOrder], market: MarketView, params: LifecycleParams, now_ms: int
) -> list[StaleOrder]:
    stale = []
    for order in orders:
        if not order.cancellable or order.is_stop:
            continue
        reason = stale_reason(order, market.mid(order.symbol), params, now_ms)
        if reason is not None:
            stale.append(StaleOrder(order, reason))
    return stale


def is_duplicate(intent: Intent, order: OpenOrder, params: LifecycleParams) -> bool:
    if order.side is not intent.side or order.price <= ZERO:
        return False
    remaining = order.remaining
    if remaining <= ZERO:
        return False
    price_bps = abs(intent.price - order.price) / order.price * BPS
    qty_ratio = abs(intent.quantity - remaining) / remaining
    return price_bps <= params.dedupe_price_bps and qty_ratio <= params.dedupe_quantity_ratio


def match_open_orders(
    intents: Sequence[Intent],
    live: Mapping[Symbol, Sequence[OpenOrder]],
    stale_ids: frozenset[str],
    params: LifecycleParams,
    log: DecisionLog,
) -> list[Intent]:
    """Hold intents whose (symbol, side) has an order on its way out; drop duplicates of live
    orders that stay."""
    kept = []
    for intent in intents:
        symbol_orders = live.get(intent.symbol)
        if not symbol_orders:  # nothing to duplicate or wait for
            kept.append(intent)
            continue
        orders = [o for o in symbol_orders if o.side is intent.side and not o.is_stop]
        leaving = next((o for o in orders if _leaving(o, stale_ids)), None)
        if leaving is not None:
            log.add(
                intent.symbol, _L, Action.HOLD, "replace_awaits_cancel", leaving.client_order_id
            )
            continue
        duplicate = next((o for o in orders if is_duplicate(intent, o, params)), None)
        if duplicate is not None:
            log.add(
                intent.symbol, _L, Action.HOLD, "duplicate_of_open_order", duplicate.client_order_id
            )
            continue
        kept.append(intent)
    return kept


def _leaving(order: OpenOrder, stale_ids: frozenset[str]) -> bool:
    """Cancelled in this plan, or cancelled earlier and not proven gone yet."""
    return order.client_order_id in stale_ids or order.status is OrderStatus.PENDING_CANCEL


def open_buys_to_reduce(orders: Iterable[OpenOrder]) -> list[OpenOrder]:
    """Cancellable buys: in REDUCE_RISK_ONLY they are risk we no longer want to add."""
    return [o for o in orders if o.side is Side.BUY and o.cancellable]
