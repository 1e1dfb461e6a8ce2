from __future__ import annotations

from btcbot.kernel.params import AnomalyParams
from btcbot.risk.anomalies import Severity, detect, warn_count
from btcbot.strategy.market import MarketView
from tests.kernel.factories import BTC, ETH, d, market, snapshot

P = AnomalyParams()


def run(prices, age=1000, previous=None, rejects=0, errors=0):
    snap = snapshot(**market(prices, age_ms=age))
    view = MarketView.of(snap, 15_000)
    return detect(sorted(prices), view, snap.data_age_ms, previous or {}, rejects, errors, P)


def codes(found):
    return [(a.code, a.symbol) for a in found]


def test_stale_just_at_and_above_threshold():
    assert run({BTC: (d(1000), d(1001))}, age=30_000) == ()
    assert codes(run({BTC: (d(1000), d(1001))}, age=30_001)) == [("STALE_MARKET_DATA", BTC)]


def test_spread_spike_threshold():
    assert run({BTC: (d(1000), d("1030.45"))}) == ()  # ~299.9 bps
    assert codes(run({BTC: (d(1000), d(1031))})) == [("SPREAD_SPIKE", BTC)]


def test_price_jump_against_own_previous_mid():
    prices = {BTC: (d(1049), d(1051)), ETH: (d(100), d(101))}
    found = run(prices, previous={BTC: d(1000), ETH: d("100.5")})
    assert codes(found) == [("PRICE_JUMP", BTC)]  # 500 bps exactly
    assert run({BTC: (d(1048), d(1050))}, previous={BTC: d(1000)}) == ()


def test_reject_spike_and_exchange_errors():
    found = run({}, rejects=3, errors=3)
    assert [(a.code, a.severity) for a in found] == [
        ("ORDER_REJECT_SPIKE", Severity.WARN),
        ("EXCHANGE_DEGRADED", Severity.ERROR),
    ]
    assert run({}, rejects=2, errors=2) == ()


def test_warn_count_counts_distinct_codes():
    prices = {BTC: (d(1000), d(1001)), ETH: (d(100), d(101))}
    assert warn_count(run(prices, age=40_000)) == 1
