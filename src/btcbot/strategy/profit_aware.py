"""ProfitAwareStrategyV1 (profiles 3 and 4), the predecessor's rules with allocated budgets.

Per symbol, in sorted order:

* a pair whose quote currency has no fresh rate into TRY -> skipped with the rate's reason
  code (its budget cannot be compared);
* holding and ``bid >= average_cost * (1 + take_profit_bps)`` -> SELL ``sell_fraction`` of the
  position, capped by free inventory and by what the position still has beyond our live
  sells (pending cancels included: they can still fill, and the agent never goes short), reason
  ``take_profit``;
* holding otherwise -> hold;
* flat, both sides quoted and ``(ask - bid) / bid <= max_entry_spread_bps`` -> BUY for
  ``min(entry_budget, what is left of the investable cash)``, reason ``conservative_entry``.
  Both are TRY amounts: the quantity is ``size / (price * rate)`` with the quote currency's
  rate, and the budget of that quote currency is decremented across symbols (the predecessor
  sized every entry from the same free balance and relied on the risk layer alone).

Prices carry the ``offset_bps`` protection described on
:class:`~btcbot.config.params.ProfitAwareParams`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from btcbot.config.params import ProfitAwareParams
from btcbot.decision.account import AccountView
from btcbot.decision.intents import Intent
from btcbot.decision.market import MarketView, Quote, by_symbol
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.domain import Position, Side, Symbol
from btcbot.domain.money import BPS, ONE, ZERO

_L = Layer.STRATEGY


def profit_aware_intents(
    symbols: Iterable[Symbol],
    positions: Mapping[Symbol, Position],
    market: MarketView,
    account: AccountView,
    params: ProfitAwareParams,
    log: DecisionLog,
) -> list[Intent]:
    budgets = dict(account.investable)
    intents: list[Intent] = []
    factors = _Factors.of(params)
    quotes = market.quotes
    for symbol in by_symbol(symbols):
        quote = quotes.get(symbol)
        if quote is None:
            log.add(symbol, _L, Action.SKIP, "no_market_data")
            continue
        if not quote.fresh:
            log.add(symbol, _L, Action.SKIP, "stale_market_data", f"age_ms={quote.age_ms}")
            continue
        rate = market.rate(symbol.quote)
        if rate is None:
            log.add(symbol, _L, Action.BLOCK, market.rate_problem(symbol.quote), symbol.quote)
            continue
        position = positions.get(symbol)
        if position is not None and position.quantity > ZERO:
            intent = _take_profit(quote, position, account, params, log, factors)
        else:
            budget = budgets.get(symbol.quote, ZERO)
            intent = _entry(quote, budget, rate, params, log, factors)
            if intent is not None:
                budgets[symbol.quote] = budget - intent.notional * rate
        if intent is not None:
            intents.append(intent)
    return intents


class _Factors:
    """The price factors of ``params``, computed once per cycle (the same Decimals the
    per-symbol expressions ``ONE +/- bps / BPS`` give)."""

    __slots__ = ("buy", "sell", "take_profit")

    def __init__(self, take_profit: Decimal, buy: Decimal, sell: Decimal) -> None:
        self.take_profit = take_profit
        self.buy = buy
        self.sell = sell

    @classmethod
    def of(cls, params: ProfitAwareParams) -> _Factors:
        return cls(
            ONE + params.take_profit_bps / BPS,
            ONE + params.offset_bps / BPS,
            ONE - params.offset_bps / BPS,
        )


def _take_profit(
    quote: Quote,
    position: Position,
    account: AccountView,
    params: ProfitAwareParams,
    log: DecisionLog,
    factors: _Factors | None = None,
) -> Intent | None:
    factors = factors or _Factors.of(params)
    threshold = position.average_cost * factors.take_profit
    if quote.bid < threshold:
        log.add(quote.symbol, _L, Action.HOLD, "below_profit_threshold", f"bid={quote.bid}")
        return None
    uncommitted = position.quantity - account.open_sell_quantity.get(quote.symbol, ZERO)
    quantity = min(
        position.quantity * params.sell_fraction,
        account.sellable.get(quote.symbol, ZERO),
        uncommitted,
    )
    if quantity <= ZERO:
        log.add(quote.symbol, _L, Action.SKIP, "no_free_inventory")
        return None
    price = max(quote.bid, quote.mid * factors.sell)
    return Intent(quote.symbol, Side.SELL, price, quantity, "take_profit")


def _entry(
    quote: Quote,
    budget: Decimal,
    rate: Decimal,
    params: ProfitAwareParams,
    log: DecisionLog,
    factors: _Factors | None = None,
) -> Intent | None:
    if (quote.ask - quote.bid) / quote.bid * BPS > params.max_entry_spread_bps:
        log.add(quote.symbol, _L, Action.SKIP, "spread_too_wide", f"spread_bps={quote.spread_bps}")
        return None
    size = min(budget, params.entry_budget)
    if size <= ZERO:
        log.add(quote.symbol, _L, Action.SKIP, "no_investable_cash")
        return None
    factors = factors or _Factors.of(params)
    price = min(quote.ask, quote.mid * factors.buy)
    return Intent(quote.symbol, Side.BUY, price, size / (price * rate), "conservative_entry")
