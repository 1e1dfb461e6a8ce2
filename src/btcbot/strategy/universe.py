"""Universe selection (profile 7): rank candidate pairs by liquidity, spread and volatility.

Candidates are pairs quoted in ``params.quote`` known from exchange rules or tickers. Each
metric is min-max normalised across the eligible candidates: liquidity (24 h quote volume)
counts up, spread and volatility (population standard deviation of the last
``vol_lookback`` close-to-close returns) count down; a missing volatility scores -1 (the
predecessor's penalty). Score = weighted sum with weights normalised to 1; ties break on the
pair name. Every candidate left out carries its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from math import fsum, sqrt

from btcbot.domain import Candle, Symbol
from btcbot.domain.money import ONE, ZERO
from btcbot.kernel.params import UniverseParams
from btcbot.kernel.snapshot import Snapshot
from btcbot.strategy.market import MarketView, by_symbol

MISSING = Decimal(-1)


@dataclass(frozen=True, slots=True)
class UniverseSelection:
    selected: tuple[Symbol, ...]
    exclusions: tuple[tuple[Symbol, str], ...]
    scores: tuple[tuple[Symbol, Decimal], ...]


@dataclass(frozen=True, slots=True)
class _Metrics:
    symbol: Symbol
    volume: Decimal
    spread_bps: Decimal
    volatility: Decimal | None


def volatility(candles: Sequence[Candle], lookback: int) -> Decimal | None:
    """Population std of close-to-close returns.

    A ranking statistic, not money: computed in IEEE-754 doubles (``fsum`` and ``sqrt`` are
    correctly rounded, so the result is the same on every platform) because the Decimal
    version was most of profile 7's decision time. Returned as the exact Decimal of that
    double.
    """
    closes = [x for x in (float(c.close) for c in candles[-(lookback + 1) :]) if x > 0.0]
    count = len(closes) - 1
    if count < 2:
        return None
    returns = [b / a - 1.0 for a, b in pairwise(closes)]
    mean = fsum(returns) / count
    variance = max(fsum([r * r for r in returns]) / count - mean * mean, 0.0)
    return Decimal(sqrt(variance))


def _exclusion(
    symbol: Symbol, snapshot: Snapshot, market: MarketView, params: UniverseParams
) -> str | None:
    if symbol.pair in params.blacklist:
        return "blacklisted"
    if params.whitelist and symbol.pair not in params.whitelist:
        return "not_whitelisted"
    rules = snapshot.rules.get(symbol)
    if rules is None:
        return "rules_unavailable"
    if not rules.is_trading:
        return "not_trading"
    quote = market.quotes.get(symbol)
    if quote is None:
        return "missing_spread"
    if quote.spread_bps > params.max_spread_bps:
        return "spread_above_max"
    ticker = snapshot.tickers.get(symbol)
    if ticker is None:
        return "missing_volume"
    if ticker.quote_volume < params.min_quote_volume:
        return "volume_below_min"
    return None


def _normalised(values: Sequence[Decimal | None], invert: bool) -> list[Decimal]:
    present = [v for v in values if v is not None]
    low, high = (min(present), max(present)) if present else (ZERO, ZERO)
    out = []
    for value in values:
        if value is None:
            out.append(MISSING)
            continue
        scaled = (value - low) / (high - low) if high > low else ONE
        out.append(ONE - scaled if invert and high > low else scaled)
    return out


def _score(metrics: list[_Metrics], params: UniverseParams) -> list[tuple[Symbol, Decimal]]:
    weights = (params.weight_liquidity, params.weight_spread, params.weight_volatility)
    total_weight = sum(weights, ZERO)
    columns = (
        _normalised([m.volume for m in metrics], invert=False),
        _normalised([m.spread_bps for m in metrics], invert=True),
        _normalised([m.volatility for m in metrics], invert=True),
    )
    scored = []
    for index, metric in enumerate(metrics):
        score = sum((w * col[index] for w, col in zip(weights, columns, strict=True)), ZERO)
        scored.append((metric.symbol, score / total_weight))
    scored.sort(key=lambda item: (-item[1], item[0].pair))
    return scored


def select_universe(
    snapshot: Snapshot, market: MarketView, params: UniverseParams
) -> UniverseSelection:
    candidates = {s for s in (*snapshot.rules, *snapshot.tickers) if s.quote == params.quote}
    exclusions: list[tuple[Symbol, str]] = []
    metrics: list[_Metrics] = []
    for symbol in by_symbol(candidates):
        reason = _exclusion(symbol, snapshot, market, params)
        if reason is not None:
            exclusions.append((symbol, reason))
            continue
        vol = volatility(snapshot.candles.get(symbol, ()), params.vol_lookback)
        volume = snapshot.tickers[symbol].quote_volume
        metrics.append(_Metrics(symbol, volume, market.quotes[symbol].spread_bps, vol))
    scored = _score(metrics, params)
    selected = tuple(symbol for symbol, _ in scored[: params.size])
    exclusions.extend((symbol, "rank_below_cutoff") for symbol, _ in scored[params.size :])
    exclusions.sort(key=lambda item: item[0].pair)
    return UniverseSelection(selected, tuple(exclusions), tuple(scored))
