from __future__ import annotations

from decimal import Decimal

from btcbot.config.params import DegradeParams
from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.risk.anomalies import Anomaly, Severity
from btcbot.risk.degrade import LEVEL_MODES, decide_degrade
from tests.kernel.factories import NOW

P = DegradeParams()
STALE = Anomaly("STALE_MARKET_DATA", Severity.WARN)
SPREAD = Anomaly("SPREAD_SPIKE", Severity.WARN)
ERROR = Anomaly("EXCHANGE_DEGRADED", Severity.ERROR)


def test_calm_stays_level_zero():
    out = decide_degrade(RiskState(), [], NOW, P)
    assert (out.level, out.mode, out.buy_multiplier(P)) == (0, Mode.NORMAL, 1)


def test_warnings_in_window_reach_level_one_then_two():
    state = RiskState(warn_history=(1, 1))
    out = decide_degrade(state, [STALE], NOW, P)
    assert out.level == 1 and out.mode is Mode.REDUCE_RISK_ONLY
    assert out.cooldown_until_ms == NOW + 900_000
    state = RiskState(warn_history=(2, 2))
    out = decide_degrade(state, [STALE, SPREAD], NOW, P)
    assert out.level == 2 and str(out.buy_multiplier(P)) == "0.25"


def test_just_below_threshold_stays_zero():
    out = decide_degrade(RiskState(warn_history=(1,)), [STALE], NOW, P)
    assert out.level == 0


def test_window_forgets_old_warnings():
    history = (1, 1, 0, 0, 0, 0, 0, 0, 0, 0)  # the first drops out of a 10-cycle window
    out = decide_degrade(RiskState(warn_history=history), [STALE], NOW, P)
    assert out.level == 0 and len(out.warn_history) == 10


def test_error_jumps_to_level_three_observe_only():
    out = decide_degrade(RiskState(), [ERROR], NOW, P)
    assert (out.level, out.mode, out.cooldown_until_ms) == (3, Mode.OBSERVE_ONLY, NOW + 1_800_000)
    assert out.buy_multiplier(P) == 0


def test_worse_level_enters_during_cooldown():
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=NOW + 10)
    assert decide_degrade(state, [ERROR], NOW, P).level == 3


def test_no_step_down_before_cooldown_ends_even_when_calm():
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=NOW + 1, stable_cycles=100)
    out = decide_degrade(state, [], NOW, P)
    assert out.level == 1


def test_hysteresis_step_down_after_enough_calm_cycles():
    until = NOW  # cooldown ended exactly now
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=until, stable_cycles=6)
    assert decide_degrade(state, [], NOW, P).level == 1  # 7th calm cycle
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=until, stable_cycles=7)
    out = decide_degrade(state, [], NOW, P)
    assert out.level == 0 and out.warn_history == () and out.stable_cycles == 0


def test_higher_levels_step_down_one_at_a_time_after_four():
    state = RiskState(degrade_level=3, degrade_cooldown_until_ms=NOW - 1, stable_cycles=3)
    assert decide_degrade(state, [], NOW, P).level == 2
    state = RiskState(degrade_level=3, degrade_cooldown_until_ms=NOW - 1, stable_cycles=2)
    assert decide_degrade(state, [], NOW, P).level == 3


def test_a_warning_resets_the_calm_streak():
    state = RiskState(degrade_level=2, degrade_cooldown_until_ms=NOW - 1, stable_cycles=3)
    out = decide_degrade(state, [STALE], NOW, P)
    assert out.level == 2 and out.stable_cycles == 0


LATENCY = Anomaly("EXCHANGE_LATENCY_SPIKE", Severity.WARN)
REJECTS = Anomaly("ORDER_REJECT_SPIKE", Severity.WARN)


def test_level_policy_table_is_the_predecessors():
    table = [(p.buy_multiplier, p.universe_cap, p.cooldown_seconds) for p in P.levels]
    assert table == [
        (1, None, 0),
        (Decimal("0.5"), 8, 900),
        (Decimal("0.25"), 4, 900),
        (0, 2, 1800),
    ]
    modes = [LEVEL_MODES[level] for level in range(4)]
    assert modes == [Mode.NORMAL, Mode.REDUCE_RISK_ONLY, Mode.REDUCE_RISK_ONLY, Mode.OBSERVE_ONLY]


def test_level_two_cooldown_is_900_seconds():
    out = decide_degrade(RiskState(warn_history=(3, 2)), [STALE], NOW, P)
    assert out.level == 2 and out.cooldown_until_ms == NOW + 900_000
    assert out.universe_cap(P) == 4


def test_only_listed_warn_codes_count_toward_a_level():
    state = RiskState(warn_history=(1, 1))
    assert decide_degrade(state, [LATENCY], NOW, P).level == 0  # not in the default list
    assert decide_degrade(state, [REJECTS], NOW, P).level == 1
    with_latency = DegradeParams(warn_codes=(*P.warn_codes, "EXCHANGE_LATENCY_SPIKE"))
    assert decide_degrade(state, [LATENCY], NOW, with_latency).level == 1


def test_reduced_levels_block_buys_unless_configured_to_shrink_them():
    out = decide_degrade(RiskState(warn_history=(1, 1)), [STALE], NOW, P)
    assert out.gate_mode(P) is Mode.REDUCE_RISK_ONLY
    shrinking = DegradeParams(reduced_levels_buy=True)
    assert out.gate_mode(shrinking) is Mode.NORMAL and out.buy_multiplier(shrinking) == Decimal(
        "0.5"
    )
    top = decide_degrade(RiskState(), [ERROR], NOW, shrinking)
    assert top.gate_mode(shrinking) is Mode.OBSERVE_ONLY  # level 3 never buys
