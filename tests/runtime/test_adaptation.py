"""Profile 7 adaptation in the runtime: versions persisted, restored, rolled back."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from btcbot.config.params import AdaptationParams, Profile7Params
from btcbot.exchange.throttle import RateLimitTally
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.profile import Profile
from btcbot.runtime.adaptation import ParamsAdapter
from btcbot.runtime.report import CycleReport
from btcbot.store import DbRole, ParamsRepository, open_store, unit_of_work

WINDOW = 5


def params() -> Profile7Params:
    return Profile7Params(adaptation=AdaptationParams(every_cycles=WINDOW, min_window=WINDOW))


def typed(profile: Profile) -> Profile7Params:
    """The settings-level parameters an adapted profile was built from."""
    adaptation = profile.adaptation
    assert adaptation is not None
    built: Profile7Params = adaptation.params  # type: ignore[attr-defined]
    assert profile.params_version == built.params_version
    return built


def report(n: int, *, rejected: int = 0, equity: str = "10000") -> CycleReport:
    return CycleReport(
        cycle_id=f"c{n}",
        stage=7,
        execution="dry_run",
        started_ms=n,
        duration_ms=1,
        risk_mode="NORMAL",
        rejected=rejected,
        equity=Decimal(equity),
    )


def run_window(adapter: ParamsAdapter, current: Profile7Params, **kw: object) -> Profile7Params:
    profile = builtin_profile(current)
    for n in range(WINDOW):
        profile = adapter.after_cycle(report(n, **kw), profile, now_ms=n)  # type: ignore[arg-type]
    return typed(profile)


def test_reject_spike_changes_params_and_a_restart_keeps_them(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}", DbRole.DRY_RUN)
    adapter = ParamsAdapter(engine)
    start = typed(adapter.start(builtin_profile(params()), now_ms=0))
    assert start == params()
    adapted = run_window(adapter, start, rejected=5)
    assert adapted.params_version == 1
    assert adapted.portfolio.order_offset_bps == start.portfolio.order_offset_bps + 1
    restored = typed(ParamsAdapter(engine).start(builtin_profile(params()), now_ms=100))
    assert restored == adapted
    with unit_of_work(engine) as conn:
        latest = ParamsRepository(conn).latest(7)
    assert latest is not None
    assert "order_offset_bps" in latest.reason


def test_a_healthy_window_becomes_the_checkpoint_and_drawdown_rolls_back(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}", DbRole.DRY_RUN)
    adapter = ParamsAdapter(engine)
    base = typed(adapter.start(builtin_profile(params()), now_ms=0))
    grown = run_window(adapter, base)  # healthy: turnover cap x 1.1
    assert grown.limits.notional_cap_per_cycle > base.limits.notional_cap_per_cycle
    spiked = run_window(adapter, grown, rejected=5)
    assert spiked.portfolio.order_offset_bps > grown.portfolio.order_offset_bps
    profile = adapter.after_cycle(report(0, equity="10000"), builtin_profile(spiked), now_ms=1)
    for n in range(1, WINDOW):
        profile = adapter.after_cycle(report(n, equity="7000"), profile, now_ms=n)
    crashed = typed(profile)
    assert crashed.params_version == spiked.params_version + 1
    assert replace(crashed, params_version=0) == replace(base, params_version=0)


def test_cycles_held_back_by_rate_limits_mean_one_order_per_cycle_fewer(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}", DbRole.DRY_RUN)
    adapter = ParamsAdapter(engine)
    start = typed(adapter.start(builtin_profile(params()), now_ms=0))
    throttled = RateLimitTally(waited_s=(("orderbook", 2.5),), waits=(("orderbook", 1),))
    profile = builtin_profile(start)
    for n in range(WINDOW):
        tally = throttled if n == 2 else RateLimitTally()
        profile = adapter.after_cycle(replace(report(n), rate_limits=tally), profile, now_ms=n)
    current = typed(profile)
    assert current.limits.max_orders_per_cycle == start.limits.max_orders_per_cycle - 1
    with unit_of_work(engine) as conn:
        latest = ParamsRepository(conn).latest(7)
    assert latest is not None and "(throttled)" in latest.reason


def test_a_window_without_waits_does_not_reduce_orders(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}", DbRole.DRY_RUN)
    adapter = ParamsAdapter(engine)
    start = typed(adapter.start(builtin_profile(params()), now_ms=0))
    after = run_window(adapter, start)
    assert after.limits.max_orders_per_cycle == start.limits.max_orders_per_cycle


def test_a_withdrawal_the_ledger_rebase_accepted_is_no_drawdown(tmp_path: Path) -> None:
    """3000 of 10000 withdrawn (``moved_in(-3000)``, as the cycle runner reports a rebased
    withdrawal) is no drawdown: the window stays healthy instead of rolling back."""
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}", DbRole.DRY_RUN)
    adapter = ParamsAdapter(engine)
    base = typed(adapter.start(builtin_profile(params()), now_ms=0))
    grown = run_window(adapter, base)
    profile = adapter.after_cycle(report(0, equity="10000"), builtin_profile(grown), now_ms=1)
    adapter.moved_in(Decimal(-3000))
    for n in range(1, WINDOW):
        profile = adapter.after_cycle(report(n, equity="7000"), profile, now_ms=n)
    healthy = typed(profile)
    assert healthy.params_version == grown.params_version + 1
    assert healthy.limits.notional_cap_per_cycle > grown.limits.notional_cap_per_cycle
