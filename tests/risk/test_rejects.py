"""The 1123 reject cooldown with the predecessor's numbers: 3 rejects / 60 min -> 240 min."""

from __future__ import annotations

from btcbot.config.params import RejectCooldownParams
from btcbot.decision.risk_state import RiskState
from btcbot.risk.rejects import REJECT_REASON, cooling_symbols, record_rejects
from btcbot.runtime.risk_state_codec import decode_risk_state, encode_risk_state
from tests.kernel.factories import BTC, ETH, NOW

P = RejectCooldownParams()
MINUTE = 60_000


def test_defaults_are_the_predecessors():
    assert (P.threshold, P.window_ms, P.cooldown_ms) == (3, 60 * MINUTE, 240 * MINUTE)


def test_three_rejects_within_the_hour_start_a_240_minute_cooldown():
    state = RiskState()
    for minute in (0, 20, 40):
        state = record_rejects(state, [(BTC, REJECT_REASON)], NOW + minute * MINUTE, P)
    assert cooling_symbols(state, NOW + 40 * MINUTE) == {BTC: NOW + 280 * MINUTE}
    assert cooling_symbols(state, NOW + 280 * MINUTE - 1) == {BTC: NOW + 280 * MINUTE}
    assert cooling_symbols(state, NOW + 280 * MINUTE) == {}


def test_rejects_older_than_the_window_do_not_count():
    state = RiskState()
    for minute in (0, 30, 60):  # the first is exactly 60 minutes old at the third
        state = record_rejects(state, [(BTC, REJECT_REASON)], NOW + minute * MINUTE, P)
    assert cooling_symbols(state, NOW + 60 * MINUTE) == {}
    assert state.reject_times_ms == {BTC: (NOW + 30 * MINUTE, NOW + 60 * MINUTE)}


def test_other_rejects_count_for_the_spike_but_not_the_cooldown():
    state = RiskState()
    rejected = [(BTC, "FAILED_MIN_TOTAL_AMOUNT")] * 3 + [(ETH, REJECT_REASON)]
    state = record_rejects(state, rejected, NOW, P)
    assert state.rejects_last_cycle == 4
    assert state.reject_times_ms == {ETH: (NOW,)} and cooling_symbols(state, NOW) == {}
    assert record_rejects(state, [], NOW + 1, P).rejects_last_cycle == 0


def test_the_cooldown_survives_a_restart():
    state = RiskState()
    for minute in (0, 1, 2):
        state = record_rejects(state, [(BTC, REJECT_REASON)], NOW + minute * MINUTE, P)
    state = record_rejects(state, [(ETH, REJECT_REASON)], NOW + 3 * MINUTE, P)
    restored = decode_risk_state(encode_risk_state(state))
    assert restored == state
    assert cooling_symbols(restored, NOW + 100 * MINUTE) == {BTC: NOW + 242 * MINUTE}
