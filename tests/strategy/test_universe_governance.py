"""Stage-7 universe governance with the predecessor's defaults: probation 1 cycle, 21,600 s
cooldown after leaving, at most 4 changes a day, frozen while degraded."""

from __future__ import annotations

from btcbot.config.params import UniverseParams
from btcbot.domain import Symbol
from btcbot.strategy.universe import DAY_MS, GovernanceState, govern
from tests.kernel.factories import BTC, ETH, NOW, SOL

P = UniverseParams(size=2)
AVAX = Symbol("AVAX", "TRY")


def state(previous, probation=None, cooldown=None, changes=()):
    return GovernanceState(tuple(previous), probation or {}, cooldown or {}, tuple(changes))


def test_defaults_are_the_predecessors():
    p = UniverseParams()
    assert (p.probation_cycles, p.cooldown_seconds, p.max_churn_per_day) == (1, 21_600, 4)


def test_first_selection_is_taken_and_not_counted_as_churn():
    out = govern([BTC, ETH], state([]), NOW, P, ())
    assert out.selected == (BTC, ETH) and out.state.changes == ()


def test_frozen_universe_keeps_the_previous_one():
    out = govern([SOL, AVAX], state([BTC, ETH]), NOW, P, ("stale_data",))
    assert out.selected == (BTC, ETH)
    assert out.notes == ((None, "universe_frozen", "stale_data"),)


def test_swap_starts_a_cooldown_for_the_leaver():
    out = govern([BTC, SOL], state([BTC, ETH]), NOW, P, ())
    assert out.selected == (BTC, SOL)
    assert out.state.cooldown_until_ms == {ETH: NOW + 21_600_000}
    assert out.state.changes == ((NOW, 2),)
    back = govern([BTC, ETH], out.state, NOW + 21_600_000 - 1, P, ())
    assert back.selected == (BTC,)  # ETH may not rejoin yet; SOL left
    assert (ETH, "universe_cooldown", f"until_ms={NOW + 21_600_000}") in back.notes


def test_probation_needs_that_many_passes():
    p = UniverseParams(size=2, probation_cycles=2)
    first = govern([BTC, SOL], state([BTC, ETH]), NOW, p, ())
    assert first.selected == (BTC,)
    assert (SOL, "universe_probation", "1/2") in first.notes
    second = govern([BTC, SOL], first.state, NOW + 1, p, ())
    assert second.selected == (BTC, SOL)


def test_more_than_four_changes_a_day_keep_the_previous_universe():
    used = state([BTC, ETH], changes=[(NOW - 1000, 2), (NOW - 500, 1)])
    out = govern([BTC, SOL], used, NOW, P, ())  # 3 used + 2 = 5 > 4
    assert out.selected == (BTC, ETH)
    assert (None, "universe_churn_limit", "used=3 change=2") in out.notes
    later = govern([BTC, SOL], out.state, NOW - 1000 + DAY_MS, P, ())  # the 2 aged out
    assert later.selected == (BTC, SOL)
