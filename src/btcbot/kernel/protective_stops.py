"""Protective stops: every open position covered on the exchange while the agent is down.

With ``PROTECTIVE_STOP_BPS`` set, each position gets one stop-market SELL of ours on the
exchange, ``bps`` below its average cost (buy fees included), for the position's full free
quantity: the position minus what our strategy sells already hold or will hold. Stop-market,
not stop-limit: the stop's job is to get out while nobody watches, and a stop-limit that the
price gaps through stays unfilled exactly then; BTCTurk's 5 % market protection bounds what a
stop-market can lose to slippage (and the only stop capture we have is a stop-market sell,
API_CONTRACT §3.2). Per symbol, in sorted order, after the strategy's submits are known:

1. a strategy sell that needs inventory our stop locks waits (BLOCK ``protective_stop_yield``)
   and the stop is cancelled (CANCEL ``protective_stop_yield``): BTCTurk locks a stop's
   balance, so the sell goes out the cycle after the cancel is proven;
2. with the setting off, our stops are cancelled (``protective_stop_off``);
3. a stop, or a stop's cancel, whose fate is not settled yet holds everything
   (``protective_stop_pending``): never two stops covering one position;
4. one settled stop of exactly the wanted size stays (``protective_stop_in_place``); any other
   settled stop is cancelled (``protective_stop_flat`` when the position is gone, else
   ``protective_stop_resize``) and replaced once that cancel is proven;
5. no stop: one is placed (``protective_stop``) when the book is fresh, the mode allows it and
   the exchange rules accept it. When the average-cost level is at or above the best bid (the
   position is already that far under water) the exchange would refuse it, so it goes ``bps``
   below the bid instead (CAP ``protective_stop_below_bid``).

Modes: a protective stop only ever sells what is held, so REDUCE_RISK_ONLY places them like
NORMAL. OBSERVE_ONLY (kill switch, unknown-order freeze, loss stops, stale or degraded data)
sends nothing new: no stop is placed, and a stop in place is kept even if its size is off
(some cover beats none), unless it covers more than the position (then it is cancelled, as
cancels are always allowed). SAFE_MODE freezes every write, stop cancels included.
Protective stops are not strategy orders: the per-cycle limits, the cooldown and
``MAX_OPEN_ORDERS_PER_SYMBOL`` do not count them (they add no exposure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.config.params import ProtectiveStopParams
from btcbot.decision.market import MarketView, by_symbol
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Action, DecisionLog, Layer, PlannedCancel, PlannedSubmit
from btcbot.decision.snapshot import OpenOrder, Snapshot
from btcbot.domain import OrderMethod, OrderRequest, Position, Side, Symbol
from btcbot.domain.money import BPS, ONE, ZERO, quantize_down
from btcbot.domain.slots import fast_init
from btcbot.kernel import client_ids

_L = Layer.PROTECTIVE_STOP
REASON = "protective_stop"


@fast_init
@dataclass(frozen=True, slots=True)
class StopPlan:
    submits: tuple[PlannedSubmit, ...]
    """The strategy's submits that may go (those waiting for a stop dropped), then stops."""
    cancels: tuple[PlannedCancel, ...]
    """Cancels of our stops."""


@dataclass(frozen=True, slots=True)
class _Symbol:
    """What one symbol's decision looks at."""

    symbol: Symbol
    position: Decimal
    average_cost: Decimal
    stops: tuple[OpenOrder, ...]
    other_sells: Decimal  # remaining of our live strategy sells
    available: Decimal  # base free now, net of our sells the exchange has not locked yet
    stop_locked: Decimal  # base our settled stops lock
    plan_sells: Decimal  # base the strategy's sells of this plan take

    @property
    def wanted(self) -> Decimal:
        """The stop's size: the position not yet committed to a sell, never more than the
        inventory a new stop could lock."""
        uncommitted = self.position - self.other_sells - self.plan_sells
        lockable = self.available + self.stop_locked - self.plan_sells
        return max(min(uncommitted, lockable), ZERO)


def plan_protective_stops(
    snapshot: Snapshot,
    market: MarketView,
    submits: Sequence[PlannedSubmit],
    mode: Mode,
    params: ProtectiveStopParams,
    log: DecisionLog,
) -> StopPlan:
    """Protective-stop submits and cancels for this plan (see the module docstring)."""
    stops = [o for o in snapshot.open_orders if o.is_stop]
    held = [s for s, p in snapshot.positions.items() if p.quantity > ZERO]
    if snapshot.safe_mode or not (stops or (params.enabled and held)):
        return StopPlan(tuple(submits), ())
    kept = list(submits)
    placed: list[PlannedSubmit] = []
    cancels: list[PlannedCancel] = []
    tag = client_ids.cycle_tag(snapshot.cycle_id)
    for symbol in by_symbol({o.symbol for o in stops} | set(held)):
        view = _view(snapshot, symbol, kept)
        if _conflicts(view, kept, log):
            kept = [s for s in kept if not _sells(s, symbol)]
            cancels += _cancel(view.stops, "protective_stop_yield", log)
            continue
        if not params.enabled:
            cancels += _cancel(view.stops, "protective_stop_off", log)
            continue
        settled = [o for o in view.stops if o.cancellable]
        if len(settled) < len(view.stops):
            log.add(symbol, _L, Action.HOLD, "protective_stop_pending", _ids(view.stops))
            continue
        if settled:
            cancels += _review(view, settled, mode, log)
            continue
        stop = _new_stop(snapshot, market, view, mode, params, tag, log)
        if stop is not None:
            placed.append(stop)
    return StopPlan((*kept, *placed), tuple(cancels))


def _sells(submit: PlannedSubmit, symbol: Symbol) -> bool:
    return submit.request.symbol == symbol and submit.request.side is Side.SELL


def _view(snapshot: Snapshot, symbol: Symbol, submits: Sequence[PlannedSubmit]) -> _Symbol:
    position = snapshot.positions.get(symbol) or Position(symbol)
    mine = [o for o in snapshot.open_orders if o.symbol == symbol and o.side is Side.SELL]
    unlocked = sum((o.remaining for o in mine if not o.funds_locked_on_exchange), ZERO)
    return _Symbol(
        symbol=symbol,
        position=position.quantity,
        average_cost=position.average_cost,
        stops=tuple(o for o in mine if o.is_stop),
        other_sells=sum((o.remaining for o in mine if not o.is_stop), ZERO),
        available=max(snapshot.free(symbol.base) - unlocked, ZERO),
        stop_locked=sum(
            (o.remaining for o in mine if o.is_stop and o.funds_locked_on_exchange), ZERO
        ),
        plan_sells=sum((s.request.quantity for s in submits if _sells(s, symbol)), ZERO),
    )


def _conflicts(view: _Symbol, submits: Sequence[PlannedSubmit], log: DecisionLog) -> bool:
    """A strategy sell of this plan needs inventory a stop of ours holds."""
    if not view.stops or view.plan_sells <= view.available:
        return False
    for submit in submits:
        if _sells(submit, view.symbol):
            detail = f"{submit.request.client_order_id} waits for the stop's cancel"
            log.add(view.symbol, _L, Action.BLOCK, "protective_stop_yield", detail)
    return True


def _review(
    view: _Symbol, settled: Sequence[OpenOrder], mode: Mode, log: DecisionLog
) -> list[PlannedCancel]:
    """Keep one stop of the wanted size; cancel the rest (see the module docstring)."""
    wanted = view.wanted
    covered = sum((o.remaining for o in settled), ZERO)
    if len(settled) == 1 and covered == wanted:
        (stop,) = settled
        detail = f"{stop.client_order_id} {stop.remaining} @ {stop.stop_price}"
        log.add(view.symbol, _L, Action.HOLD, "protective_stop_in_place", detail)
        return []
    if mode is Mode.OBSERVE_ONLY and covered <= wanted:
        log.add(view.symbol, _L, Action.HOLD, "mode_observe_only", f"stop kept: {covered}")
        return []
    reason = "protective_stop_flat" if view.position <= ZERO else "protective_stop_resize"
    return _cancel(settled, reason, log)


def _cancel(stops: Sequence[OpenOrder], reason: str, log: DecisionLog) -> list[PlannedCancel]:
    cancels = []
    for stop in stops:
        if stop.cancellable:
            log.add(stop.symbol, _L, Action.CANCEL, reason, stop.client_order_id)
            cancels.append(
                PlannedCancel(stop.client_order_id, stop.exchange_order_id, stop.symbol, reason)
            )
        else:
            log.add(stop.symbol, _L, Action.HOLD, "protective_stop_pending", stop.client_order_id)
    return cancels


def _new_stop(
    snapshot: Snapshot,
    market: MarketView,
    view: _Symbol,
    mode: Mode,
    params: ProtectiveStopParams,
    tag: str,
    log: DecisionLog,
) -> PlannedSubmit | None:
    symbol = view.symbol
    rules = snapshot.rules.get(symbol)
    quantity = rules.quantize_quantity(view.wanted) if rules is not None else view.wanted
    if view.position <= ZERO or quantity <= ZERO:
        return None  # flat, or all of it already committed to strategy sells
    quote = market.quotes.get(symbol)
    if mode is Mode.OBSERVE_ONLY:
        log.add(symbol, _L, Action.BLOCK, "mode_observe_only", "protective stop not placed")
        return None
    if rules is None:
        log.add(symbol, _L, Action.SKIP, "rules_unavailable", "protective stop not placed")
        return None
    if quote is None or not quote.fresh:
        code = "no_market_data" if quote is None else "stale_market_data"
        log.add(symbol, _L, Action.SKIP, code, "protective stop not placed")
        return None
    factor = ONE - (params.bps or ZERO) / BPS
    stop_price = quantize_down(view.average_cost * factor, rules.price_scale)
    if stop_price >= quote.bid:
        detail = f"average-cost level {stop_price} >= bid {quote.bid}"
        stop_price = quantize_down(quote.bid * factor, rules.price_scale)
        log.add(symbol, _L, Action.CAP, "protective_stop_below_bid", detail)
    if stop_price <= ZERO:
        log.add(symbol, _L, Action.SKIP, "price_rounds_to_zero")
        return None
    request = OrderRequest(
        symbol,
        Side.SELL,
        OrderMethod.STOP_MARKET,
        client_ids.protective_stop_id(tag, symbol),
        quantity=quantity,
        stop_price=stop_price,
    )
    refused = rules.check(request, quote.bid)
    if refused is not None:
        log.add(symbol, Layer.RULES, Action.BLOCK, refused.violation, refused.detail)
        return None
    log.add(symbol, _L, Action.SUBMIT, REASON, f"{request.client_order_id} @ {stop_price}")
    return PlannedSubmit(request, REASON)


def _ids(orders: Sequence[OpenOrder]) -> str:
    return ",".join(o.client_order_id for o in orders)


__all__ = ["StopPlan", "plan_protective_stops"]
