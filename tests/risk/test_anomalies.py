from __future__ import annotations

from btcbot.config.params import AnomalyParams
from btcbot.decision.market import MarketView
from btcbot.risk.anomalies import Readings, Severity, advance_cursor_stall, detect, warn_count
from tests.kernel.factories import BTC, ETH, SOL, d, market, snapshot

P = AnomalyParams()


def run(prices, age=1000, previous=None, rejects=0, errors=0, **readings):
    snap = snapshot(**market(prices, age_ms=age))
    view = MarketView.of(snap, 15_000)
    measured = Readings(rejects_last_cycle=rejects, exchange_error_streak=errors, **readings)
    return detect(sorted(prices), view, snap.data_age_ms, previous or {}, measured, P)


def found_of(**readings):
    return [(a.code, a.severity) for a in run({}, **readings)]


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


def test_predecessor_defaults():
    assert (P.latency_spike_ms, P.cursor_stall_cycles, P.clock_skew_ms) == (2000, 5, 30_000)
    assert (P.pnl_divergence_warn, P.pnl_divergence_error) == (50, 200)


def test_latency_spike_at_the_threshold():
    assert found_of(previous_cycle_ms=1999) == []
    assert found_of(previous_cycle_ms=2000) == [("EXCHANGE_LATENCY_SPIKE", Severity.WARN)]
    assert found_of(previous_cycle_ms=None) == []


def test_clock_skew_beyond_thirty_seconds_either_way():
    assert found_of(clock_offset_ms=30_000) == []
    assert found_of(clock_offset_ms=30_001) == [("CLOCK_SKEW", Severity.WARN)]
    assert found_of(clock_offset_ms=-30_001) == [("CLOCK_SKEW", Severity.WARN)]
    assert found_of(clock_offset_ms=None) == []


def test_pnl_divergence_warn_and_error():
    assert found_of(pnl_divergence=d("49.99")) == []
    assert found_of(pnl_divergence=d(50)) == [("PNL_DIVERGENCE", Severity.WARN)]
    assert found_of(pnl_divergence=d("-199.99")) == [("PNL_DIVERGENCE", Severity.WARN)]
    assert found_of(pnl_divergence=d(-200)) == [("PNL_DIVERGENCE", Severity.ERROR)]


def test_cursor_stall_after_five_still_cycles():
    assert found_of(cursor_stall={BTC: 4, ETH: 0}) == []
    found = run({}, cursor_stall={BTC: 5, ETH: 2})
    assert [(a.code, a.symbol) for a in found] == [("CURSOR_STALL", BTC)]


def test_cursor_stall_counting_is_live_only_and_resets_on_progress():
    assert advance_cursor_stall(None, {BTC: 7}, {BTC: 4}) == {}  # dry run: never counted
    assert advance_cursor_stall({BTC: 7, ETH: 9}, {BTC: 7, ETH: 8}, {BTC: 4, ETH: 3}) == {
        BTC: 5,
        ETH: 0,
    }
    assert advance_cursor_stall({SOL: 1}, {}, {}) == {SOL: 0}  # a first fill is progress


def test_warn_count_counts_only_the_listed_codes():
    found = run({}, rejects=3, previous_cycle_ms=5000, clock_offset_ms=40_000)
    assert warn_count(found) == 3
    assert warn_count(found, ("ORDER_REJECT_SPIKE", "PNL_DIVERGENCE")) == 1
