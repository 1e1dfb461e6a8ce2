"""Per-cycle risk limits: the predecessor's ``RiskPolicy.evaluate`` in its order, plus a
position cap.

1. more intents than ``max_orders_per_cycle`` -> the rest are dropped (CAP) unevaluated;
2. live orders on the symbol (those cancelled for replacement in this plan excluded, orders
   approved earlier in this cycle included) >= ``max_open_orders_per_symbol`` -> BLOCK;
3. a submit on the same (symbol, side) less than ``cooldown_seconds`` ago -> BLOCK;
4. quantize price (passive side) and quantity to the exchange rules; no rules, a non-positive
   result or a notional below ``max(minExchangeValue, min_order_notional)`` -> BLOCK;
5. BUY beyond the investable cash still unspent this cycle -> BLOCK. The predecessor skipped
   this check when investable cash was <= 0 (so buys passed below the reserve) and counted
   sells against cash; here a reserve shortfall blocks every buy and only buys spend cash;
6. notional above ``max_notional_per_order`` (when > 0) -> shrink (CAP);
7. BUY taking position (at mid) + open buys + this order above ``max_position_per_symbol`` ->
   shrink to fit (CAP) or BLOCK;
8. the cycle's submitted notional above ``notional_cap_per_cycle`` -> BLOCK.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from btcbot.domain import Side, Symbol, SymbolRules
from btcbot.domain.money import ZERO
from btcbot.kernel.params import RiskLimits
from btcbot.kernel.plan import Action, DecisionLog, Layer
from btcbot.strategy.intents import Intent

_L = Layer.RISK_POLICY


@dataclass(frozen=True, slots=True)
class PolicyContext:
    now_ms: int
    rules: Mapping[Symbol, SymbolRules]
    last_submit_ms: Mapping[tuple[Symbol, Side], int]
    open_counts: Mapping[Symbol, int]
    investable: Decimal
    exposure_quantity: Mapping[Symbol, Decimal]
    """Position plus remaining quantity of live buys, per symbol."""
    mids: Mapping[Symbol, Decimal]


@dataclass(slots=True)
class _Tally:
    spent_buy: Decimal = ZERO
    notional: Decimal = ZERO
    approved: dict[Symbol, int] = field(default_factory=lambda: defaultdict(int))


class _Blocked(Exception):
    """Internal: an intent was blocked (carries the reason code)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def evaluate(
    intents: Sequence[Intent], ctx: PolicyContext, limits: RiskLimits, log: DecisionLog
) -> list[Intent]:
    """Approved intents, quantized to exchange rules, in the order they came."""
    if len(intents) > limits.max_orders_per_cycle:
        for dropped in intents[limits.max_orders_per_cycle :]:
            log.add(
                dropped.symbol, _L, Action.CAP, "RISK_DROP_MAX_ORDERS_PER_CYCLE", dropped.reason
            )
        intents = intents[: limits.max_orders_per_cycle]
    tally = _Tally()
    approved = []
    for intent in intents:
        try:
            sized = _check_intent(intent, ctx, limits, tally, log)
        except _Blocked as blocked:
            log.add(intent.symbol, _L, Action.BLOCK, blocked.code, blocked.detail)
            continue
        tally.notional += sized.notional
        if sized.side is Side.BUY:
            tally.spent_buy += sized.notional
        tally.approved[sized.symbol] += 1
        approved.append(sized)
    return approved


def _check_intent(
    intent: Intent, ctx: PolicyContext, limits: RiskLimits, tally: _Tally, log: DecisionLog
) -> Intent:
    _check_open_orders(intent, ctx, limits, tally)
    _check_cooldown(intent, ctx, limits)
    rules = ctx.rules.get(intent.symbol)
    if rules is None:
        raise _Blocked("exchange_rules_unavailable")
    floor = max(rules.min_exchange_value, limits.min_order_notional)
    intent = _quantize(intent, rules, floor)
    if intent.side is Side.BUY and tally.spent_buy + intent.notional > ctx.investable:
        raise _Blocked("RISK_BLOCK_CASH_RESERVE_TARGET", f"investable={ctx.investable}")
    intent = _cap_per_order(intent, rules, floor, limits, log)
    if intent.side is Side.BUY:
        intent = _cap_position(intent, rules, floor, ctx, limits, log)
    if tally.notional + intent.notional > limits.notional_cap_per_cycle:
        raise _Blocked("notional_cap", f"planned={tally.notional} order={intent.notional}")
    return intent


def _check_open_orders(
    intent: Intent, ctx: PolicyContext, limits: RiskLimits, tally: _Tally
) -> None:
    count = ctx.open_counts.get(intent.symbol, 0) + tally.approved[intent.symbol]
    if count >= limits.max_open_orders_per_symbol:
        raise _Blocked("RISK_BLOCK_MAX_OPEN_ORDERS", f"open={count}")


def _check_cooldown(intent: Intent, ctx: PolicyContext, limits: RiskLimits) -> None:
    last = ctx.last_submit_ms.get((intent.symbol, intent.side))
    if last is not None and ctx.now_ms - last < limits.cooldown_seconds * 1000:
        raise _Blocked("cooldown", f"last_submit_ms={last}")


def _quantize(intent: Intent, rules: SymbolRules, floor: Decimal) -> Intent:
    price = rules.quantize_price(intent.price, intent.side)
    quantity = rules.quantize_quantity(intent.quantity)
    if price <= ZERO or quantity <= ZERO:
        raise _Blocked("non_positive_after_quantize")
    sized = Intent(intent.symbol, intent.side, price, quantity, intent.reason, intent.replaces)
    if sized.notional < floor:
        raise _Blocked("min_notional", f"notional={sized.notional} floor={floor}")
    return sized


def _shrink(
    intent: Intent, budget: Decimal, rules: SymbolRules, floor: Decimal, code: str
) -> Intent:
    quantity = rules.quantize_quantity(budget / intent.price) if budget > ZERO else ZERO
    if quantity <= ZERO or quantity * intent.price < floor:
        raise _Blocked(code, f"room={budget}")
    return intent.with_quantity(quantity)


def _cap_per_order(
    intent: Intent, rules: SymbolRules, floor: Decimal, limits: RiskLimits, log: DecisionLog
) -> Intent:
    cap = limits.max_notional_per_order
    if cap <= ZERO or intent.notional <= cap:
        return intent
    shrunk = _shrink(intent, cap, rules, floor, "RISK_BLOCK_MAX_NOTIONAL_PER_ORDER")
    log.add(intent.symbol, _L, Action.CAP, "RISK_CAP_MAX_NOTIONAL_PER_ORDER", f"cap={cap}")
    return shrunk


def _cap_position(
    intent: Intent,
    rules: SymbolRules,
    floor: Decimal,
    ctx: PolicyContext,
    limits: RiskLimits,
    log: DecisionLog,
) -> Intent:
    mid = ctx.mids.get(intent.symbol, intent.price)
    held = ctx.exposure_quantity.get(intent.symbol, ZERO) * mid
    room = limits.max_position_per_symbol - held
    if intent.notional <= room:
        return intent
    shrunk = _shrink(intent, room, rules, floor, "RISK_BLOCK_POSITION_CAP")
    log.add(intent.symbol, _L, Action.CAP, "RISK_CAP_POSITION", f"held={held}")
    return shrunk
