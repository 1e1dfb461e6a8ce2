"""Per-cycle risk limits: the predecessor's ``RiskPolicy.evaluate`` in its order, plus a
position cap and a spot-inventory check.

Every limit is a TRY amount and holds in TRY on every pair: an intent's notional (in its
pair's quote currency) is converted with the cycle's fresh rate of that currency; a pair
without one is blocked (``quote_rate_unavailable`` / ``quote_rate_stale``).

1. more intents than ``max_orders_per_cycle`` -> the rest are dropped (CAP) unevaluated;
2. live orders on the symbol (every order not proven finished: resting, pending cancel, in
   flight; plus orders approved earlier in this cycle) >= ``max_open_orders_per_symbol`` ->
   BLOCK. An order being cancelled still counts: it rests on the exchange until the cancel is
   proven;
3. a submit on the same (symbol, side) less than ``cooldown_seconds`` ago -> BLOCK;
4. quantize price (passive side) and quantity to the exchange rules; no rules, a non-positive
   result or a notional below ``minExchangeValue`` (quote currency) or ``min_order_notional``
   (TRY) -> BLOCK;
5. SELL larger than the free inventory not already promised to our unlocked sells -> BLOCK
   (spot: never sell what is not held);
6. BUY beyond the investable cash of its quote currency still unspent this cycle -> BLOCK. The
   predecessor skipped this check when investable cash was <= 0 (so buys passed below the
   reserve) and counted sells against cash; here a reserve shortfall blocks every buy and only
   buys spend cash;
7. notional above ``max_notional_per_order`` (when set; 0 blocks every order) -> shrink (CAP);
8. BUY taking position (at mid) + open buys + the buys approved earlier in this cycle + this
   order above ``max_position_per_symbol`` -> shrink to fit (CAP) or BLOCK;
9. the cycle's submitted notional above ``notional_cap_per_cycle`` -> BLOCK.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from btcbot.config.params import RiskLimits
from btcbot.decision.intents import Intent
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.domain import Side, Symbol, SymbolRules
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init

_L = Layer.RISK_POLICY


@fast_init
@dataclass(frozen=True, slots=True)
class PolicyContext:
    now_ms: int
    rules: Mapping[Symbol, SymbolRules]
    last_submit_ms: Mapping[tuple[Symbol, Side], int]
    open_counts: Mapping[Symbol, int]
    investable: Mapping[str, Decimal]
    """Per quote currency, in TRY (see :class:`~btcbot.decision.account.AccountView`)."""
    exposure_quantity: Mapping[Symbol, Decimal]
    """Position plus remaining quantity of live buys, per symbol."""
    mids: Mapping[Symbol, Decimal]
    rates: Mapping[str, Decimal]
    """TRY value of one unit of each quote currency with a fresh rate (TRY itself: 1)."""
    rate_problems: Mapping[str, str] = field(default_factory=dict)
    sellable: Mapping[Symbol, Decimal] | None = None
    """Free base inventory net of unlocked sells; None skips the inventory check."""


@dataclass(slots=True)
class _Tally:
    spent_buy: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    sold: dict[Symbol, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    bought: dict[Symbol, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
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
        value = sized.notional * ctx.rates[sized.symbol.quote]
        tally.notional += value
        if sized.side is Side.BUY:
            tally.spent_buy[sized.symbol.quote] += value
            tally.bought[sized.symbol] += sized.quantity
        else:
            tally.sold[sized.symbol] += sized.quantity
        tally.approved[sized.symbol] += 1
        approved.append(sized)
    return approved


def _check_intent(
    intent: Intent, ctx: PolicyContext, limits: RiskLimits, tally: _Tally, log: DecisionLog
) -> Intent:
    quote = intent.symbol.quote
    rate = ctx.rates.get(quote)
    if rate is None:
        raise _Blocked(ctx.rate_problems.get(quote, "quote_rate_unavailable"), quote)
    _check_open_orders(intent, ctx, limits, tally)
    _check_cooldown(intent, ctx, limits)
    rules = ctx.rules.get(intent.symbol)
    if rules is None:
        raise _Blocked("exchange_rules_unavailable")
    floor = _Floor(rules.min_exchange_value, limits.min_order_notional, rate)
    intent = _quantize(intent, rules, floor)
    if intent.side is Side.SELL:
        _check_inventory(intent, ctx, tally)
    else:
        investable = ctx.investable.get(quote, ZERO)
        if tally.spent_buy[quote] + intent.notional * rate > investable:
            raise _Blocked("RISK_BLOCK_CASH_RESERVE_TARGET", f"investable={investable}")
    intent = _cap_per_order(intent, rules, floor, limits, log)
    if intent.side is Side.BUY:
        intent = _cap_position(intent, rules, floor, ctx, limits, tally, log)
    value = intent.notional * rate
    if tally.notional + value > limits.notional_cap_per_cycle:
        raise _Blocked("notional_cap", f"planned={tally.notional} order={value}")
    return intent


@dataclass(frozen=True, slots=True)
class _Floor:
    """The smallest order allowed: the exchange's minimum (quote currency) and ours (TRY)."""

    exchange: Decimal
    ours: Decimal
    rate: Decimal

    def refuses(self, intent: Intent) -> bool:
        notional = intent.notional
        return notional < self.exchange or notional * self.rate < self.ours

    def describe(self, intent: Intent) -> str:
        """In TRY, like every other limit's detail."""
        floor = max(self.exchange * self.rate, self.ours)
        return f"notional={intent.notional * self.rate} floor={floor}"


def _check_inventory(intent: Intent, ctx: PolicyContext, tally: _Tally) -> None:
    if ctx.sellable is None:
        return
    free = ctx.sellable.get(intent.symbol, ZERO) - tally.sold[intent.symbol]
    if intent.quantity > free:
        raise _Blocked("RISK_BLOCK_SELL_EXCEEDS_INVENTORY", f"free={free} sell={intent.quantity}")


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


def _quantize(intent: Intent, rules: SymbolRules, floor: _Floor) -> Intent:
    price = rules.quantize_price(intent.price, intent.side)
    quantity = rules.quantize_quantity(intent.quantity)
    if price <= ZERO or quantity <= ZERO:
        raise _Blocked("non_positive_after_quantize")
    sized = Intent(intent.symbol, intent.side, price, quantity, intent.reason)
    if floor.refuses(sized):
        raise _Blocked("min_notional", floor.describe(sized))
    return sized


def _shrink(
    intent: Intent, budget: Decimal, rules: SymbolRules, floor: _Floor, code: str
) -> Intent:
    """``intent`` shrunk to at most ``budget`` TRY."""
    price_try = intent.price * floor.rate
    quantity = rules.quantize_quantity(budget / price_try) if budget > ZERO else ZERO
    shrunk = intent.with_quantity(quantity)
    if quantity <= ZERO or floor.refuses(shrunk):
        raise _Blocked(code, f"room={budget}")
    return shrunk


def _cap_per_order(
    intent: Intent, rules: SymbolRules, floor: _Floor, limits: RiskLimits, log: DecisionLog
) -> Intent:
    cap = limits.max_notional_per_order
    if cap is None or intent.notional * floor.rate <= cap:
        return intent
    shrunk = _shrink(intent, cap, rules, floor, "RISK_BLOCK_MAX_NOTIONAL_PER_ORDER")
    log.add(intent.symbol, _L, Action.CAP, "RISK_CAP_MAX_NOTIONAL_PER_ORDER", f"cap={cap}")
    return shrunk


def _cap_position(
    intent: Intent,
    rules: SymbolRules,
    floor: _Floor,
    ctx: PolicyContext,
    limits: RiskLimits,
    tally: _Tally,
    log: DecisionLog,
) -> Intent:
    mid = ctx.mids.get(intent.symbol, intent.price)
    # this cycle's earlier buys on the symbol are exposure too, like the live ones
    quantity = ctx.exposure_quantity.get(intent.symbol, ZERO) + tally.bought[intent.symbol]
    held = quantity * mid * floor.rate
    room = limits.max_position_per_symbol - held
    if intent.notional * floor.rate <= room:
        return intent
    shrunk = _shrink(intent, room, rules, floor, "RISK_BLOCK_POSITION_CAP")
    log.add(intent.symbol, _L, Action.CAP, "RISK_CAP_POSITION", f"held={held}")
    return shrunk
