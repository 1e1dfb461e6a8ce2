"""Portfolio policy (profile 7): target weights over investable equity, SELL first.

* equity = quote balance + holdings of the selected symbols at mid; investable = equity above
  the cash reserve;
* weights = configured targets restricted to the universe, or equal weights;
  target notional per symbol = weight x investable, capped at ``max_position_per_symbol``;
* current = (holding + remaining open buys) at mid, so a partially filled buy is not re-bought;
* delta below ``min_order_notional`` -> hold; sells first (bounded by free inventory), then
  buys by size, consuming the turnover cap (``notional_cap_per_cycle``) and, for buys, the
  investable cash (allocated, decremented per symbol).

Holdings outside the universe are left alone: a symbol dropping out of the ranking is not a
reason to dump it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain import Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.kernel.params import PortfolioParams, RiskLimits
from btcbot.kernel.plan import Action, DecisionLog, Layer
from btcbot.kernel.snapshot import Snapshot
from btcbot.strategy.account import AccountView
from btcbot.strategy.market import MarketView

_L = Layer.PORTFOLIO


@dataclass(frozen=True, slots=True)
class Rebalance:
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


def _holding(snapshot: Snapshot, symbol: Symbol) -> Decimal:
    balance = snapshot.balances.get(symbol.base)
    return balance.total if balance is not None else ZERO


def _deltas(
    weights: Sequence[tuple[Symbol, Decimal]],
    snapshot: Snapshot,
    market: MarketView,
    account: AccountView,
    limits: RiskLimits,
    log: DecisionLog,
) -> list[Rebalance]:
    marked = [(s, w, market.mid(s)) for s, w in weights]
    quote_balance = snapshot.balances.get(snapshot.quote_currency)
    equity = quote_balance.total if quote_balance is not None else ZERO
    equity += sum((_holding(snapshot, s) * m for s, _, m in marked if m is not None), ZERO)
    investable = max(equity - limits.cash_reserve, ZERO)
    moves = []
    for symbol, weight, mid in marked:
        if mid is None:
            log.add(symbol, _L, Action.SKIP, "missing_mark_price")
            continue
        target = min(weight * investable, limits.max_position_per_symbol)
        held = _holding(snapshot, symbol) + account.open_buy_quantity.get(symbol, ZERO)
        delta = target - held * mid
        if delta < ZERO:
            delta = max(delta, -account.sellable.get(symbol, ZERO) * mid)
        if abs(delta) < limits.min_order_notional or delta == ZERO:
            log.add(symbol, _L, Action.HOLD, "within_target", f"delta={delta}")
            continue
        side = Side.BUY if delta > ZERO else Side.SELL
        moves.append(Rebalance(symbol, side, abs(delta)))
    return moves


def rebalance(
    weights: Sequence[tuple[Symbol, Decimal]],
    snapshot: Snapshot,
    market: MarketView,
    account: AccountView,
    limits: RiskLimits,
    log: DecisionLog,
) -> list[Rebalance]:
    moves = _deltas(weights, snapshot, market, account, limits, log)
    moves.sort(key=lambda m: (m.side is Side.BUY, -m.notional, m.symbol.pair))
    turnover, cash = limits.notional_cap_per_cycle, account.investable
    planned = []
    for move in moves:
        room = turnover if move.side is Side.SELL else min(turnover, cash)
        notional = min(move.notional, room)
        if notional < limits.min_order_notional or notional <= ZERO:
            log.add(move.symbol, _L, Action.CAP, "turnover_or_cash_exhausted", str(move.notional))
            continue
        if notional < move.notional:
            log.add(
                move.symbol, _L, Action.CAP, "turnover_or_cash_cap", f"{move.notional}->{notional}"
            )
        turnover -= notional
        if move.side is Side.BUY:
            cash -= notional
        planned.append(Rebalance(move.symbol, move.side, notional))
    return planned
