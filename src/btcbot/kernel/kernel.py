"""The PlanningKernel: snapshot + profile -> plan, pure and deterministic.

Pipeline (one for every profile, built-in or an operator's strategy):

1. price every symbol from its own book and every quote currency in TRY (a fresh rate from
   its conversion book, e.g. ``USDT_TRY``); derive cash/inventory net of our live orders;
2. the profile decides intents: its universe rule picks the symbols, its risk layer decides a
   mode (:mod:`btcbot.risk.layers`), its strategy turns a read-only view into intents
   (:mod:`btcbot.strategy.api`; what is no valid intent -- a float, NaN, infinite or absurd
   price or quantity, not an Intent at all -- is dropped first, so a strategy's bug never
   crashes a cycle; intents on a symbol outside the universe or still warming up are
   dropped), the risk layer trims them, and symbols cooling down after 1123 rejects get
   none;
3. global switches (kill switch, safe mode, unknown-order freeze) can only make it worse;
4. lifecycle: stale orders (TTL / drift) are cancelled; duplicates of live orders dropped;
   intents on a (symbol, side) whose order is being cancelled wait until the cancel is proven
   (never a replacement in the same plan); intents on a pair without a fresh TRY rate or fresh
   data are dropped;
5. mode gate (OBSERVE: no submits, REDUCE: sells only, degrade BUY shrink);
6. risk policy (per-cycle limits, all in TRY), quantized to exchange rules; every order not
   proven finished (pending cancels and orders in flight too) counts against the limits;
7. requests with deterministic client ids; anything ``SymbolRules.check`` refuses is dropped;
8. protective stops (:mod:`btcbot.kernel.protective_stops`): a sell that needs a stop's
   inventory waits for its cancel; stops are placed, kept, resized or cancelled.

Every intent that is dropped or shrunk leaves a decision with its reason code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from btcbot.config.params import LifecycleParams
from btcbot.decision.account import AccountView, orders_by_symbol
from btcbot.decision.intents import Intent, intent_problem, is_intent_collection
from btcbot.decision.market import MarketView
from btcbot.decision.modes import Mode, combine_modes
from btcbot.decision.plan import (
    Action,
    DecisionLog,
    Layer,
    Plan,
    PlannedCancel,
    PlannedSubmit,
    PortfolioReport,
)
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import OpenOrder, Snapshot
from btcbot.domain import OrderMethod, OrderRequest, Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init
from btcbot.kernel import client_ids
from btcbot.kernel.gates import forced_mode, gate_intents
from btcbot.kernel.profile import Profile
from btcbot.kernel.protective_stops import plan_protective_stops
from btcbot.risk.layers import RiskInputs, drop_cooling
from btcbot.risk.policy import PolicyContext, evaluate
from btcbot.strategy.lifecycle import (
    StaleOrder,
    find_stale,
    match_open_orders,
    open_buys_to_reduce,
)
from btcbot.strategy.view import StrategyView


@fast_init
@dataclass(frozen=True, slots=True)
class _Decided:
    """What the profile decided, before the kernel's own steps."""

    mode: Mode
    buy_multiplier: Decimal
    risk_state: RiskState
    intents: list[Intent]
    portfolio: PortfolioReport | None


class PlanningKernel:
    """``plan(snapshot, profile)`` is the whole decision; it keeps no state between calls."""

    def plan(self, snapshot: Snapshot, profile: Profile) -> Plan:
        limits = profile.limits
        market = MarketView.of(snapshot, limits.max_data_age_ms)
        account = AccountView.of(snapshot, limits.cash_reserve, market.rates)
        log = DecisionLog()
        decided = _decide(snapshot, market, account, profile, log)
        forced = forced_mode(snapshot, profile.freeze_on_unknown_orders, log)
        mode = combine_modes(decided.mode, forced)
        stale = (
            []
            if snapshot.safe_mode
            else find_stale(snapshot.open_orders, market, profile.lifecycle, snapshot.now_ms)
        )
        intents = _prepare(snapshot, market, decided, stale, mode, profile.lifecycle, log)
        approved = (  # no intent (most cycles): nothing to weigh, no policy context to build
            evaluate(intents, _policy_context(snapshot, market, account), limits, log)
            if intents
            else []
        )
        submits = _requests(snapshot, approved, log)
        cancels = _cancels(snapshot, stale, mode, log)
        stops = plan_protective_stops(snapshot, market, submits, mode, profile.protective_stop, log)
        return Plan(
            submits=stops.submits,
            cancels=(*cancels, *stops.cancels),
            decisions=log.freeze(),
            mode=mode,
            next_risk_state=decided.risk_state,
            portfolio=decided.portfolio,
        )


def _decide(
    snapshot: Snapshot,
    market: MarketView,
    account: AccountView,
    profile: Profile,
    log: DecisionLog,
) -> _Decided:
    """Universe -> risk layer's mode -> strategy's intents -> risk layer's trim -> cooldown."""
    choice = profile.universe.choose(snapshot, market, log)
    inputs = RiskInputs(snapshot, market, log, choice.symbols)
    assessment = profile.risk.assess(inputs)
    needs = profile.requirements
    view = StrategyView(
        snapshot=snapshot,
        market=market,
        account=account,
        log=log,
        symbols=choice.symbols,
        params=profile.params,
        indicators=profile.indicators if needs.candles else None,
    )
    intents = _wellformed(profile.strategy.decide(view), snapshot, log)
    intents = _admitted(intents, view, needs.warmup_bars, log)
    intents = profile.risk.restrict(intents, inputs, assessment)
    intents = drop_cooling(intents, snapshot, profile.reject_cooldown, log)
    changes = {**choice.state_changes, **assessment.state_changes}
    if profile.params_version is not None:
        changes["params_version"] = profile.params_version
    if view.remembered is not None:
        changes["strategy_state"] = view.remembered
    report = None
    if view.targets is not None:
        version = profile.params_version or 0
        report = PortfolioReport(choice.symbols, choice.exclusions, view.targets, version)
    state = _changed(snapshot.risk_state, changes)
    return _Decided(assessment.mode, assessment.buy_multiplier, state, intents, report)


def _changed(state: RiskState, changes: dict[str, Any]) -> RiskState:
    """``state`` with ``changes``; ``state`` itself when they change nothing (most cycles:
    a risk state is a value, and copying it validates every mapping again)."""
    if all(getattr(state, name) == value for name, value in changes.items()):
        return state
    return replace(state, **changes)


def _wellformed(returned: object, snapshot: Snapshot, log: DecisionLog) -> list[Intent]:
    """The intents ``decide`` returned that are fit to weigh. Anything else is a strategy's
    bug, and must not crash a live cycle: a return that is no collection of intents, an item
    that is no :class:`Intent`, a price or quantity that is not a finite positive Decimal
    (a float, NaN, Infinity) or that cannot be quantized (``Decimal("1e30")``) is dropped
    with ``invalid_intent`` and what was wrong (:func:`~btcbot.decision.intents.
    intent_problem`)."""
    if type(returned) is list and not returned:
        return returned  # most cycles: nothing to check
    if is_intent_collection(returned):
        items = returned
    else:
        detail = f"decide returned {type(returned).__name__}: return a list of intents"
        log.add(None, Layer.KERNEL, Action.SKIP, "invalid_intent", detail)
        return []
    kept = []
    for item in items:
        symbol = getattr(item, "symbol", None)
        rules = snapshot.rules.get(symbol) if isinstance(symbol, Symbol) else None
        problem = intent_problem(item, rules)
        if problem is not None:
            where = symbol if isinstance(symbol, Symbol) else None
            log.add(where, Layer.KERNEL, Action.SKIP, "invalid_intent", problem)
        elif isinstance(item, Intent):  # always so once no problem was found
            kept.append(item)
    return kept


def _admitted(
    intents: list[Intent], view: StrategyView, warmup_bars: int, log: DecisionLog
) -> list[Intent]:
    """A strategy trades only its universe, and a symbol only once it has warmed up."""
    if not intents:  # most cycles: no universe set to build
        return intents
    universe = frozenset(view.symbols)
    kept = []
    for intent in intents:
        symbol = intent.symbol
        if symbol not in universe:
            log.add(symbol, Layer.KERNEL, Action.SKIP, "outside_universe", intent.reason)
        elif warmup_bars and view.bars(symbol) < warmup_bars:
            detail = f"{view.bars(symbol)}/{warmup_bars} bars: {intent.reason}"
            log.add(symbol, Layer.KERNEL, Action.SKIP, "strategy_warmup", detail)
        else:
            kept.append(intent)
    return kept


def _prepare(
    snapshot: Snapshot,
    market: MarketView,
    decided: _Decided,
    stale: Sequence[StaleOrder],
    mode: Mode,
    lifecycle: LifecycleParams,
    log: DecisionLog,
) -> list[Intent]:
    if not decided.intents:  # most cycles: no live orders to group, no stale ids to collect
        return []
    fresh = []
    for intent in decided.intents:
        quote = market.quotes.get(intent.symbol)
        if quote is None or not quote.fresh:
            log.add(intent.symbol, Layer.KERNEL, Action.SKIP, "stale_market_data", intent.reason)
        elif market.rate(intent.symbol.quote) is None:
            code = market.rate_problem(intent.symbol.quote)
            log.add(intent.symbol, Layer.KERNEL, Action.BLOCK, code, intent.reason)
        else:
            fresh.append(intent)
    stale_ids = frozenset(s.order.client_order_id for s in stale)
    live = orders_by_symbol(snapshot.open_orders)
    matched = match_open_orders(fresh, live, stale_ids, lifecycle, log)
    return gate_intents(
        matched, mode, decided.buy_multiplier, log, stop_entries=snapshot.stop_entries
    )


def _policy_context(snapshot: Snapshot, market: MarketView, account: AccountView) -> PolicyContext:
    """Every order of ours not proven finished counts: resting ones, pending cancels (the
    exchange may not have cancelled yet) and orders in flight (they may rest already).
    Protective stops do not: they add no exposure and yield to any sale."""
    counts: dict[Symbol, int] = {}
    for order in snapshot.open_orders:
        if order.status.is_live and not order.is_stop:
            counts[order.symbol] = counts.get(order.symbol, 0) + 1
    exposure: dict[Symbol, Decimal] = {}
    positions, open_buys = snapshot.positions, account.open_buy_quantity
    for symbol in positions.keys() | open_buys.keys():
        position = positions.get(symbol)
        held = position.quantity if position is not None else ZERO
        exposure[symbol] = held + open_buys.get(symbol, 0)
    return PolicyContext(
        now_ms=snapshot.now_ms,
        rules=snapshot.rules,
        last_submit_ms=snapshot.last_submit_ms,
        open_counts=counts,
        investable=account.investable,
        exposure_quantity=exposure,
        mids={s: q.mid for s, q in market.quotes.items()},
        rates=market.rates,
        rate_problems=market.rate_problems,
        sellable=account.sellable,
    )


def _requests(
    snapshot: Snapshot, approved: Sequence[Intent], log: DecisionLog
) -> tuple[PlannedSubmit, ...]:
    if not approved:
        return ()  # most cycles: no client order id to derive (the cycle tag is a SHA-256)
    tag = client_ids.cycle_tag(snapshot.cycle_id)
    submits = []
    for ordinal, intent in enumerate(approved):
        request = OrderRequest(
            symbol=intent.symbol,
            side=intent.side,
            method=OrderMethod.LIMIT,
            client_order_id=client_ids.client_order_id(tag, intent.symbol, intent.side, ordinal),
            quantity=intent.quantity,
            price=intent.price,
        )
        refused = snapshot.rules[intent.symbol].check(request)
        if refused is not None:
            log.add(intent.symbol, Layer.RULES, Action.BLOCK, refused.violation, refused.detail)
            continue
        log.add(intent.symbol, Layer.KERNEL, Action.SUBMIT, intent.reason, request.client_order_id)
        submits.append(PlannedSubmit(request, intent.reason))
    return tuple(submits)


def _cancels(
    snapshot: Snapshot,
    stale: Sequence[StaleOrder],
    mode: Mode,
    log: DecisionLog,
) -> tuple[PlannedCancel, ...]:
    if snapshot.safe_mode:
        if any(o.cancellable for o in snapshot.open_orders):
            log.add(None, Layer.KERNEL, Action.BLOCK, "safe_mode", "cancels frozen")
        return ()
    reasons: dict[str, tuple[OpenOrder, str]] = {}
    for item in stale:
        reasons[item.order.client_order_id] = (item.order, item.reason)
    if mode is Mode.REDUCE_RISK_ONLY:
        for order in open_buys_to_reduce(snapshot.open_orders):
            reasons.setdefault(order.client_order_id, (order, "mode_reduce_risk"))
    cancels = []
    for oid in sorted(reasons):
        order, reason = reasons[oid]
        log.add(order.symbol, Layer.LIFECYCLE, Action.CANCEL, reason, oid)
        cancels.append(PlannedCancel(oid, order.exchange_order_id, order.symbol, reason))
    return tuple(cancels)


__all__ = ["PlanningKernel"]
