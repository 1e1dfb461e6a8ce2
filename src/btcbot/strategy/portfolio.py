"""Portfolio policy (profile 7): target weights over investable equity, SELL first.

* every amount is in TRY: a symbol quoted in another currency is marked at ``mid * rate``
  with that currency's fresh TRY rate (no rate: skipped with the rate's reason code);
* equity = TRY balance + the balances of the selected symbols' other quote currencies + their
  holdings, all in TRY; investable = equity above the cash reserve;
* weights = configured targets restricted to the universe, or equal weights;
  target notional per symbol = weight x investable, capped at ``max_position_per_symbol``;
* current = (holding + remaining open buys) at the mark, so a partially filled buy is not
  re-bought;
* delta below ``min_order_notional`` -> hold; sells first (bounded by free inventory), then
  buys by size, consuming the turnover cap (``notional_cap_per_cycle``) and, for buys, the
  investable cash of their quote currency (allocated, decremented per symbol).

Holdings outside the universe are left alone: a symbol dropping out of the ranking is not a
reason to dump it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter

from btcbot.config.params import PortfolioParams, RiskLimits
from btcbot.decision.account import AccountView
from btcbot.decision.market import MarketView
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Side, Symbol
from btcbot.domain.money import ONE, ZERO
from btcbot.domain.slots import fast_init

_L = Layer.PORTFOLIO


@fast_init
@dataclass(frozen=True, slots=True)
class Rebalance:
    """A move toward a target: ``notional`` is in TRY."""

    symbol: Symbol
    side: Side
    notional: Decimal


def target_weights(
    universe: Sequence[Symbol], params: PortfolioParams
) -> tuple[tuple[Symbol, Decimal], ...]:
    if not universe:
        return ()
    if params.targets:
        configured = dict(params.targets)
        return tuple((s, configured[s.pair]) for s in universe if s.pair in configured)
    weight = Decimal(1) / len(universe)
    return tuple((s, weight) for s in universe)


def _deltas(
    weights: Sequence[tuple[Symbol, Decimal]],
    snapshot: Snapshot,
    market: MarketView,
    account: AccountView,
    limits: RiskLimits,
    log: DecisionLog,
) -> list[Rebalance]:
    quotes, rates, balances = market.quotes, market.rates, snapshot.balances
    # (symbol, weight, TRY mark, holding): each symbol's holding is read once and used twice.
    marked: list[tuple[Symbol, Decimal, Decimal | None, Decimal]] = []
    currencies = {snapshot.quote_currency: ONE}
    for symbol, weight in weights:
        quote, rate = quotes.get(symbol), rates.get(symbol.quote)  # market.rate, inlined
        mark = quote.mid * rate if quote is not None and rate is not None else None
        if rate is not None:
            currencies[symbol.quote] = rate
        balance = balances.get(symbol.base)
        marked.append((symbol, weight, mark, balance.total if balance is not None else ZERO))
    equity = ZERO
    for currency, rate in currencies.items():
        balance = balances.get(currency)
        if balance is not None:
            equity += balance.total * rate
    held_value = ZERO  # sum(holding * mark, ZERO), in the same order
    for _, _, mark, holding in marked:
        if mark is not None:
            held_value += holding * mark
    equity += held_value
    investable = max(equity - limits.cash_reserve, ZERO)
    max_position, min_notional = limits.max_position_per_symbol, limits.min_order_notional
    open_buys, sellable = account.open_buy_quantity, account.sellable
    moves: list[tuple[tuple[bool, Decimal, str], Rebalance]] = []
    # Equal weights are one Decimal object (target_weights): its target is computed once.
    last_weight: Decimal | None = None
    target = ZERO
    for symbol, weight, mark, holding in marked:
        if mark is None:
            if symbol in quotes:  # priced, but its quote currency has no TRY rate
                log.add(symbol, _L, Action.BLOCK, market.rate_problem(symbol.quote))
            else:
                log.add(symbol, _L, Action.SKIP, "missing_mark_price")
            continue
        if weight is not last_weight:
            last_weight, target = weight, min(weight * investable, max_position)
        held = holding + open_buys.get(symbol, ZERO)
        delta = target - held * mark
        if delta < ZERO:
            delta = max(delta, -sellable.get(symbol, ZERO) * mark)
        size = abs(delta)
        if size < min_notional or delta == ZERO:
            log.add(symbol, _L, Action.HOLD, "within_target", f"delta={delta}")
            continue
        buy = delta > ZERO
        move = Rebalance(symbol, Side.BUY if buy else Side.SELL, size)
        moves.append(((buy, -size, symbol.pair), move))  # (_move_order(move), move)
    moves.sort(key=_FIRST)  # stable, on the key alone: the same order as sort(key=_move_order)
    return [move for _, move in moves]


_FIRST = itemgetter(0)


def _move_order(move: Rebalance) -> tuple[bool, Decimal, str]:
    return move.side is Side.BUY, -move.notional, move.symbol.pair


def rebalance(
    weights: Sequence[tuple[Symbol, Decimal]],
    snapshot: Snapshot,
    market: MarketView,
    account: AccountView,
    limits: RiskLimits,
    log: DecisionLog,
) -> list[Rebalance]:
    moves = _deltas(weights, snapshot, market, account, limits, log)  # in _move_order
    turnover, cash = limits.notional_cap_per_cycle, dict(account.investable)
    min_notional, sell, cap = limits.min_order_notional, Side.SELL, Action.CAP
    planned = []
    for move in moves:
        side, wanted, currency = move.side, move.notional, move.symbol.quote
        room = turnover if side is sell else min(turnover, cash.get(currency, ZERO))
        notional = min(wanted, room)
        if notional < min_notional or notional <= ZERO:
            log.add(move.symbol, _L, cap, "turnover_or_cash_exhausted", str(wanted))
            continue
        if notional < wanted:
            log.add(move.symbol, _L, cap, "turnover_or_cash_cap", f"{wanted}->{notional}")
        turnover -= notional
        if side is Side.BUY:
            cash[currency] = cash.get(currency, ZERO) - notional
        # A move taken whole is kept (min returned its own notional); a capped one is remade.
        planned.append(move if notional is wanted else Rebalance(move.symbol, side, notional))
    return planned
