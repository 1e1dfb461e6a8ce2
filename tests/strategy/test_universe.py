from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from btcbot.config.params import UniverseParams
from btcbot.decision.market import MarketView
from btcbot.domain import Symbol
from btcbot.strategy.universe import select_universe, volatility
from tests.kernel.factories import (
    BTC,
    ETH,
    SOL,
    book,
    candles,
    d,
    market,
    rules_for,
    snapshot,
    ticker,
)

USDT = Symbol("BTC", "USDT")
AVAX = Symbol("AVAX", "TRY")
PRICES = {BTC: (d(1000), d(1001)), ETH: (d(100), d(101)), SOL: (d(10), d("10.5"))}


DEFAULT = UniverseParams()


def select(params=DEFAULT, **overrides):
    fields = market(PRICES)
    fields.update(overrides)
    snap = snapshot(**fields)
    return select_universe(snap, MarketView.of(snap, 15_000), params)


def test_volatility_needs_three_closes_and_is_population_std():
    assert volatility(candles(BTC, [100, 110]), 20) is None
    vol = volatility(candles(BTC, [100, 110, 99]), 20)
    assert vol is not None and abs(vol - d("0.1")) < d("0.0000001")  # returns +0.1, -0.1


def test_volatility_uses_lookback_window():
    series = candles(BTC, [1, 1000, 100, 100, 100])
    assert volatility(series, 2) == 0


def test_ranking_prefers_liquid_tight_calm_pairs():
    tickers = {
        BTC: ticker(BTC, d(1000), d(1001), volume="100"),  # quote volume ~100k
        ETH: ticker(ETH, d(100), d(101), volume="10"),
        SOL: ticker(SOL, d(10), d("10.5"), volume="1"),
    }
    chosen = select(tickers=tickers)
    assert chosen.selected == (BTC, ETH, SOL)
    assert chosen.exclusions == ()


def test_size_cutoff_reports_rank_below_cutoff():
    chosen = select(UniverseParams(size=1))
    assert len(chosen.selected) == 1
    assert {r for _, r in chosen.exclusions} == {"rank_below_cutoff"}


def test_exclusion_reasons():
    fields = market(PRICES)
    rules = dict(fields["rules"])
    rules[AVAX] = rules_for(AVAX)  # rules but no price data
    rules[USDT] = rules_for(USDT)  # other quote: not a candidate at all
    rules[SOL] = replace(rules_for(SOL), status="HALT")
    params = UniverseParams(blacklist=("ETHTRY",), max_spread_bps=d(5))
    chosen = select(params, rules=rules)
    reasons = dict(chosen.exclusions)
    assert reasons == {
        AVAX: "missing_spread",
        ETH: "blacklisted",
        SOL: "not_trading",
        BTC: "spread_above_max",
    }
    assert chosen.selected == ()


def test_whitelist_and_min_volume():
    chosen = select(UniverseParams(whitelist=("BTCTRY", "SOLTRY"), min_quote_volume=d(20_000)))
    reasons = dict(chosen.exclusions)
    assert reasons[ETH] == "not_whitelisted"
    assert reasons[SOL] == "volume_below_min"  # 1000 x 10.25 < 20000
    assert chosen.selected == (BTC,)


def test_missing_volatility_is_penalised():
    with_candles = {BTC: candles(BTC, [100, 101, 100, 101]), ETH: candles(ETH, [100, 101, 100])}
    chosen = select(UniverseParams(weight_liquidity=d(0), weight_spread=d(0)), candles=with_candles)
    scores = dict(chosen.scores)
    assert scores[SOL] == -1
    assert chosen.selected[-1] == SOL


def _volatility_reference(closes_in, lookback):
    """The pre-memo implementation, verbatim: the memoised one must return the same Decimal."""
    from itertools import pairwise
    from math import fsum, sqrt

    window = candles(BTC, closes_in)[-(lookback + 1) :]
    closes = [x for x in (float(c.close) for c in window) if x > 0.0]
    count = len(closes) - 1
    if count < 2:
        return None
    returns = [b / a - 1.0 for a, b in pairwise(closes)]
    mean = fsum(returns) / count
    variance = max(fsum([r * r for r in returns]) / count - mean * mean, 0.0)
    return Decimal(sqrt(variance))


def test_memoised_volatility_equals_the_direct_computation():
    series = [
        [d("100.10"), d("101.3"), d("0"), d("99.999"), d("100.5"), d("102")],
        [d("1.0"), d("1.00"), d("1.000"), d("1E+0")],  # equal values, other exponents
        [d(5)] * 30,
        [d("2345678.12") + i for i in range(25)],
    ]
    for closes in series:
        for lookback in (2, 5, 20):
            expected = _volatility_reference(closes, lookback)
            for _ in range(2):  # a miss, then a hit
                assert volatility(candles(BTC, closes), lookback) == expected
                got = volatility(candles(BTC, closes), lookback)
                assert str(got) == str(expected)


def test_volatility_of_a_signalling_nan_still_fails_as_before():
    with pytest.raises(ValueError, match="signaling NaN"):
        volatility(candles(BTC, [d(1), d(2), Decimal("sNaN"), d(3)]), 20)


def test_float_memo_equals_float_and_stays_bounded(monkeypatch):
    from btcbot.strategy import universe

    monkeypatch.setattr(universe, "FLOAT_CACHE_SIZE", 8)
    monkeypatch.setattr(universe, "_FLOAT_OF", {})
    closes = (d("100.10"), d("1.0"), d("1.00"), d("1E+0"), d("0"), d("-0"), d("2345678.12"))
    for _ in range(2):  # a miss, then a hit
        assert universe._floats(closes) == [float(c) for c in closes]
    for i in range(50):  # many distinct closes: the memo never exceeds its bound
        window = tuple(d(1000 + i) + d(k) / 7 for k in range(5))
        assert universe._floats(window) == [float(c) for c in window]
        assert len(universe._FLOAT_OF) <= 8


def test_sliding_window_misses_equal_the_direct_computation():
    """The hourly-refresh case: each window shares all but one close with the previous one,
    so its floats come mostly from the memo."""
    series = [d("2345.67") + d(i * 37 % 11) / 13 for i in range(60)]
    for end in range(21, 60):
        closes = series[end - 21 : end]
        assert str(volatility(candles(BTC, closes), 20)) == str(_volatility_reference(closes, 20))
        refreshed = [*closes[:-1], closes[-1] + d("0.01")]  # last candle's close updated
        assert volatility(candles(BTC, refreshed), 20) == _volatility_reference(refreshed, 20)


def test_memoised_volatility_column_equals_the_direct_normalisation():
    from btcbot.strategy.universe import _normalised, _normalised_volatilities

    columns = [
        (d("0.004"), None, d("0.001"), d("0.004")),
        (None, None),
        (d("0.002"), d("0.002")),
        (),
    ]
    for column in columns:
        for _ in range(2):
            got = _normalised_volatilities(column)
            assert got == _normalised(list(column), invert=True)
            assert [str(v) for v in got] == [str(v) for v in _normalised(column, invert=True)]
    assert _normalised_volatilities.cache_info().maxsize is not None


USDT_TRY = Symbol("USDT", "TRY")
ETH_USDT = Symbol("ETH", "USDT")
USDT_PRICES = {USDT: (d(1000), d(1001)), ETH_USDT: (d(100), d(101))}


def select_usdt(min_volume_try: str, conversion: dict[Symbol, object]):
    fields = market(USDT_PRICES)
    fields["tickers"] = {
        USDT: ticker(USDT, d(1000), d(1001), volume="1"),  # ~1,000 USDT a day, ~40,000 TRY
        ETH_USDT: ticker(ETH_USDT, d(100), d(101), volume="1"),  # ~100 USDT, ~4,000 TRY
    }
    fields["data_age_ms"] = {**fields["data_age_ms"], USDT_TRY: 1_000}
    snap = snapshot(**fields, conversion_books=conversion)
    params = UniverseParams(quote="USDT", min_quote_volume=d(min_volume_try))
    return select_universe(snap, MarketView.of(snap, 15_000), params)


def test_min_quote_volume_is_a_try_amount_on_a_usdt_universe():
    chosen = select_usdt("10000", {USDT_TRY: book(USDT_TRY, "39", "41")})
    assert chosen.selected == (USDT,), "1,000 USDT is 40,000 TRY: above the 10,000 TRY floor"
    assert (ETH_USDT, "volume_below_min") in chosen.exclusions  # 100 USDT is 4,000 TRY


def test_a_usdt_universe_without_a_try_rate_is_excluded_not_compared_in_usdt():
    chosen = select_usdt("10000", {})
    assert chosen.selected == ()
    assert {reason for _, reason in chosen.exclusions} == {"quote_rate_unavailable"}
