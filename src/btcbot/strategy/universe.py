"""Universe selection (profile 7): rank candidate pairs by liquidity, spread and volatility.

Candidates are pairs quoted in ``params.quote`` known from exchange rules or tickers. Each
metric is min-max normalised across the eligible candidates: liquidity (24 h quote volume)
counts up, spread and volatility (population standard deviation of the last
``vol_lookback`` close-to-close returns) count down; a missing volatility scores -1 (the
predecessor's penalty). Score = weighted sum with weights normalised to 1; ties break on the
pair name. Every candidate left out carries its reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from math import fsum, sqrt
from operator import attrgetter, mul, truediv

from btcbot.config.params import UniverseParams
from btcbot.decision.market import MarketView, by_symbol
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Candle, Symbol
from btcbot.domain.money import ONE, ZERO

MISSING = Decimal(-1)
_CLOSE = attrgetter("close")
_POSITIVE = (0.0).__lt__  # x -> 0.0 < x, i.e. x > 0.0 (False for NaN)
_MINUS_ONE = (1.0).__rsub__  # x -> x - 1.0


@dataclass(frozen=True, slots=True)
class UniverseSelection:
    selected: tuple[Symbol, ...]
    exclusions: tuple[tuple[Symbol, str], ...]
    scores: tuple[tuple[Symbol, Decimal], ...]


def volatility(candles: Sequence[Candle], lookback: int) -> Decimal | None:
    """Population std of close-to-close returns.

    A ranking statistic, not money: computed in IEEE-754 doubles (``fsum`` and ``sqrt`` are
    correctly rounded, so the result is the same on every platform) because the Decimal
    version was most of profile 7's decision time. Returned as the exact Decimal of that
    double.

    The result depends only on the closes of the last ``lookback + 1`` candles, so it is
    memoised on that tuple of values (bounded LRU). Equal closes give equal doubles (the
    conversion is correctly rounded), so a hit returns exactly what a computation would.
    A miss (a new candle slid into the window) converts only the closes never seen before:
    the float of every close is memoised too (:func:`_floats`).
    """
    closes = tuple(map(_CLOSE, candles[-(lookback + 1) :]))
    try:
        return _volatility_of_closes(closes)
    except TypeError:  # an unhashable close (a signalling NaN): compute, and fail, as before
        return _volatility_of_floats(list(map(float, closes)))


FLOAT_CACHE_SIZE = 8192
"""Bound of the close -> float memo; it is emptied when full (a refill costs one conversion
per close, the cost without it)."""
_FLOAT_OF: dict[Decimal, float] = {}


def _floats(closes: tuple[Decimal, ...]) -> list[float]:
    """``[float(c) for c in closes]``, memoised per close value.

    ``float(Decimal)`` goes through the decimal string and was most of a volatility miss.
    Keys compare by value and the conversion is correctly rounded, so equal closes (whatever
    their exponent) map to the same double; the one exception, ``-0`` vs ``0``, converts to
    a zero either way, which the volatility drops (only positive closes count).
    """
    memo = _FLOAT_OF
    values = list(map(memo.get, closes))
    if None in values:
        for i, value in enumerate(values):
            if value is None:
                close = closes[i]
                value = values[i] = float(close)
                if len(memo) >= FLOAT_CACHE_SIZE:
                    memo.clear()
                memo[close] = value
    return values  # type: ignore[return-value]  # no None left


@lru_cache(maxsize=1024)
def _volatility_of_closes(closes: tuple[Decimal, ...]) -> Decimal | None:
    return _volatility_of_floats(_floats(closes))


def _volatility_of_floats(floats: list[float]) -> Decimal | None:
    # Only positive closes count; the usual all-positive window is checked in C, not copied.
    values = floats if all(map(_POSITIVE, floats)) else [x for x in floats if x > 0.0]
    count = len(values) - 1
    if count < 2:
        return None
    returns = list(map(_MINUS_ONE, map(truediv, values[1:], values)))  # b / a - 1
    mean = fsum(returns) / count
    variance = max(fsum(map(mul, returns, returns)) / count - mean * mean, 0.0)
    return Decimal(sqrt(variance))


def _normalised(values: Sequence[Decimal | None], invert: bool) -> list[Decimal]:
    """Min-max scaled to [0, 1] (``1 - x`` when ``invert``); ``None`` -> ``MISSING``; all equal
    -> ``ONE``. The span is computed once; every value is the same Decimal as
    ``(value - low) / (high - low)``."""
    present = [v for v in values if v is not None]
    if not present:
        return [MISSING] * len(values)
    low, high = min(present), max(present)
    if not high > low:
        return [ONE if v is not None else MISSING for v in values]
    span = high - low
    if invert:
        return [ONE - (v - low) / span if v is not None else MISSING for v in values]
    return [(v - low) / span if v is not None else MISSING for v in values]


@lru_cache(maxsize=64)
def _normalised_volatilities(volatilities: tuple[Decimal | None, ...]) -> list[Decimal]:
    """``_normalised(volatilities, invert=True)``, memoised on the column's values: the
    volatilities change only when a candle does (hourly candles refreshed every few minutes),
    unlike volumes and spreads. The list is shared between hits: read it, never change it."""
    return _normalised(volatilities, invert=True)


def _score(
    symbols: Sequence[Symbol],
    volumes: Sequence[Decimal],
    spreads: Sequence[Decimal],
    volatilities: Sequence[Decimal | None],
    params: UniverseParams,
) -> list[tuple[Symbol, Decimal]]:
    w_liquidity, w_spread, w_volatility = (
        params.weight_liquidity,
        params.weight_spread,
        params.weight_volatility,
    )
    total_weight = ZERO + w_liquidity + w_spread + w_volatility  # sum(weights, ZERO)
    liquidity = _normalised(volumes, invert=False)
    spread = _normalised(spreads, invert=True)
    vol = _normalised_volatilities(tuple(volatilities))
    # Same operations, in the same order, as sum(w * column, ZERO) / total_weight.
    scored = [
        (symbol, (ZERO + w_liquidity * a + w_spread * b + w_volatility * c) / total_weight)
        for symbol, a, b, c in zip(symbols, liquidity, spread, vol, strict=True)
    ]
    scored.sort(key=_rank_key)
    return scored


def _rank_key(item: tuple[Symbol, Decimal]) -> tuple[Decimal, str]:
    return -item[1], item[0].pair


def _pair_key(item: tuple[Symbol, str]) -> str:
    return item[0].pair


def select_universe(
    snapshot: Snapshot, market: MarketView, params: UniverseParams
) -> UniverseSelection:
    quote_ccy = params.quote
    candidates = {s for s in (*snapshot.rules, *snapshot.tickers) if s.quote == quote_ccy}
    exclusions: list[tuple[Symbol, str]] = []
    eligible: list[Symbol] = []
    volumes: list[Decimal] = []
    spreads: list[Decimal] = []
    volatilities: list[Decimal | None] = []
    rules, tickers, candles, quotes = (
        snapshot.rules,
        snapshot.tickers,
        snapshot.candles,
        market.quotes,
    )
    blacklist, whitelist = params.blacklist, params.whitelist
    max_spread, min_volume, lookback = (
        params.max_spread_bps,
        params.min_quote_volume,
        params.vol_lookback,
    )
    # STAGE7_MIN_QUOTE_VOLUME_TRY is a TRY amount on every quote: one rate for every candidate.
    volume_floor = min_volume > 0
    rate = market.rate(quote_ccy) if volume_floor else None
    for symbol in by_symbol(candidates):
        # Exclusion checks, first failing one wins (the predecessor's order).
        pair = symbol.pair
        if pair in blacklist:
            exclusions.append((symbol, "blacklisted"))
            continue
        if whitelist and pair not in whitelist:
            exclusions.append((symbol, "not_whitelisted"))
            continue
        symbol_rules = rules.get(symbol)
        if symbol_rules is None:
            exclusions.append((symbol, "rules_unavailable"))
            continue
        if not symbol_rules.is_trading:
            exclusions.append((symbol, "not_trading"))
            continue
        quote = quotes.get(symbol)
        if quote is None:
            exclusions.append((symbol, "missing_spread"))
            continue
        if quote.spread_bps > max_spread:
            exclusions.append((symbol, "spread_above_max"))
            continue
        ticker = tickers.get(symbol)
        if ticker is None:
            exclusions.append((symbol, "missing_volume"))
            continue
        volume = ticker.quote_volume
        if volume_floor:
            if rate is None:
                exclusions.append((symbol, market.rate_problem(quote_ccy)))
                continue
            if volume * rate < min_volume:
                exclusions.append((symbol, "volume_below_min"))
                continue
        eligible.append(symbol)
        volumes.append(volume)
        spreads.append(quote.spread_bps)
        volatilities.append(volatility(candles.get(symbol, ()), lookback))
    scored = _score(eligible, volumes, spreads, volatilities, params)
    size = params.size
    selected = tuple(symbol for symbol, _ in scored[:size])
    exclusions.extend((symbol, "rank_below_cutoff") for symbol, _ in scored[size:])
    exclusions.sort(key=_pair_key)
    return UniverseSelection(selected, tuple(exclusions), tuple(scored))


DAY_MS = 86_400_000


@dataclass(frozen=True, slots=True)
class GovernanceState:
    """What governance remembers between cycles (carried in the risk state)."""

    previous: tuple[Symbol, ...]
    probation: Mapping[Symbol, int]
    cooldown_until_ms: Mapping[Symbol, int]
    changes: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Governed:
    selected: tuple[Symbol, ...]
    state: GovernanceState
    notes: tuple[tuple[Symbol | None, str, str], ...]
    """(symbol, reason code, detail) for the decision log."""


def govern(
    ranked: Sequence[Symbol],
    prev: GovernanceState,
    now_ms: int,
    params: UniverseParams,
    freeze_reasons: Sequence[str],
) -> Governed:
    """Universe governance (the predecessor's, in its order): a frozen universe keeps the
    previous one; a newcomer needs ``probation_cycles`` passes and may not rejoin within
    ``cooldown_seconds`` of leaving; a change that would take the day's additions + removals
    above ``max_churn_per_day`` keeps the previous universe. The very first selection (no
    previous universe) is taken as ranked and is not counted as churn: the predecessor counted
    it, which blocked every change for the first 24 hours."""
    changes = tuple(c for c in prev.changes if now_ms - c[0] < DAY_MS)
    cooldowns = {s: until for s, until in prev.cooldown_until_ms.items() if until > now_ms}
    probation = dict(prev.probation)
    previous = prev.previous
    if not previous:
        state = GovernanceState(tuple(ranked), {}, cooldowns, changes)
        return Governed(tuple(ranked), state, ())
    if freeze_reasons:
        state = GovernanceState(previous, probation, cooldowns, changes)
        note = (None, "universe_frozen", ",".join(freeze_reasons))
        return Governed(previous[: params.size], state, (note,))
    notes: list[tuple[Symbol | None, str, str]] = []
    was = frozenset(previous)  # membership by hash, not a scan of the tuple per symbol
    admitted = _admit(ranked, was, now_ms, params, probation, cooldowns, notes)
    now_in = frozenset(admitted)
    if now_in == was:  # no churn (most cycles): nothing to list
        return Governed(admitted, GovernanceState(admitted, probation, cooldowns, changes), ())
    additions = [s for s in admitted if s not in was]
    removals = [s for s in previous if s not in now_in]
    churn = len(additions) + len(removals)
    used = sum(n for _, n in changes)
    if used + churn > params.max_churn_per_day:
        notes.append((None, "universe_churn_limit", f"used={used} change={churn}"))
        kept = previous[: params.size]
        return Governed(kept, GovernanceState(kept, probation, cooldowns, changes), tuple(notes))
    for symbol in removals:
        cooldowns[symbol] = now_ms + params.cooldown_seconds * 1000
        probation.pop(symbol, None)
        notes.append((symbol, "universe_removed", ""))
    for symbol in additions:
        probation.pop(symbol, None)
        notes.append((symbol, "universe_added", ""))
    state = GovernanceState(admitted, probation, cooldowns, (*changes, (now_ms, churn)))
    return Governed(admitted, state, tuple(notes))


def _admit(
    ranked: Sequence[Symbol],
    previous: frozenset[Symbol],
    now_ms: int,
    params: UniverseParams,
    probation: dict[Symbol, int],
    cooldowns: Mapping[Symbol, int],
    notes: list[tuple[Symbol | None, str, str]],
) -> tuple[Symbol, ...]:
    admitted = []
    for symbol in ranked:
        if symbol in previous:
            admitted.append(symbol)
            continue
        if symbol in cooldowns:
            notes.append((symbol, "universe_cooldown", f"until_ms={cooldowns[symbol]}"))
            continue
        passes = probation.get(symbol, 0) + 1
        probation[symbol] = passes
        if passes < params.probation_cycles:
            notes.append((symbol, "universe_probation", f"{passes}/{params.probation_cycles}"))
            continue
        admitted.append(symbol)
    return tuple(admitted)
