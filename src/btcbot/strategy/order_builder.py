"""Order builder (profile 7): rebalance moves -> limit intents at mid +/- offset.

BUY at ``mid * (1 + offset)``, SELL at ``mid * (1 - offset)``, quantized to the exchange's
scales (passive side); quantity = notional (TRY) / (price * the quote currency's TRY rate)
rounded down; a sell never exceeds free inventory (spot); the floor is the larger of the
exchange's minimum (converted to TRY) and ``min_order_notional``. Skips carry the
predecessor's reason codes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from btcbot.config.params import PortfolioParams, RiskLimits
from btcbot.decision.account import AccountView
from btcbot.decision.intents import Intent
from btcbot.decision.market import MarketView
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.domain import Side, Symbol, SymbolRules
from btcbot.domain.money import BPS, ONE, ZERO
from btcbot.strategy.portfolio import Rebalance

_L = Layer.ORDER_BUILDER


def _build_one(
    move: Rebalance,
    mid: Decimal,
    rate: Decimal,
    rules: SymbolRules,
    account: AccountView,
    factor: Decimal,
    floor: Decimal,
) -> Intent | str:
    """``factor``: ``1 + offset`` for a buy, ``1 - offset`` for a sell (see the module)."""
    price = rules.quantize_price(mid * factor, move.side)
    if price <= ZERO:
        return "price_rounds_to_zero"
    quantity = rules.quantize_quantity(move.notional / (price * rate))
    if move.side is Side.SELL:
        available = rules.quantize_quantity(account.sellable.get(move.symbol, ZERO))
        if available <= ZERO:
            return "spot_sell_requires_inventory"
        quantity = min(quantity, available)
    if quantity <= ZERO:
        return "qty_rounds_to_zero"
    if quantity * price * rate < floor:
        return "insufficient_notional_after_buffers"
    reason = "rebalance_buy" if move.side is Side.BUY else "rebalance_sell"
    return Intent(move.symbol, move.side, price, quantity, reason)


def build_intents(
    moves: Sequence[Rebalance],
    market: MarketView,
    rules: Mapping[Symbol, SymbolRules],
    account: AccountView,
    params: PortfolioParams,
    limits: RiskLimits,
    log: DecisionLog,
) -> list[Intent]:
    intents = []
    offset = params.order_offset_bps / BPS  # the same for every move: computed once
    buy_factor, sell_factor = ONE + offset, ONE - offset
    for move in moves:
        mid = market.mid(move.symbol)
        rate = market.rate(move.symbol.quote)
        symbol_rules = rules.get(move.symbol)
        if mid is None or symbol_rules is None:
            code = "missing_mark_price" if mid is None else "rules_unavailable"
            log.add(move.symbol, _L, Action.SKIP, code)
            continue
        if rate is None:
            log.add(move.symbol, _L, Action.BLOCK, market.rate_problem(move.symbol.quote))
            continue
        floor = max(symbol_rules.min_exchange_value * rate, limits.min_order_notional)
        factor = buy_factor if move.side is Side.BUY else sell_factor
        built = _build_one(move, mid, rate, symbol_rules, account, factor, floor)
        if isinstance(built, str):
            log.add(move.symbol, _L, Action.SKIP, built)
        else:
            intents.append(built)
    return intents
