"""The cycle line: what the cycle did, then what held it back and how to resolve it."""

from __future__ import annotations

from btcbot.domain.trips import Trip, TripKind
from btcbot.exchange.throttle import RateLimitTally
from btcbot.runtime.report import CycleReport, rate_limit_text

WAITED = RateLimitTally(
    waited_s=(("orderbook", 0.8), ("user_trades", 0.045)),
    waits=(("orderbook", 2), ("user_trades", 1)),
    refusals=(("ticker", 1),),
)


def report(**values: object) -> CycleReport:
    return CycleReport(  # type: ignore[arg-type]
        cycle_id="c1", stage=3, execution="live", started_ms=0, duration_ms=5, **values
    )


def test_rate_limit_waits_read_as_seconds_by_group() -> None:
    assert rate_limit_text(WAITED) == (
        "waited 0.8 s for rate limits: orderbook 0.8 s, user_trades 45 ms; 429: ticker x1"
    )
    assert WAITED.throttled == 4
    assert report(rate_limits=WAITED).throttled == 4
    assert "rate limits" not in report().line()


def test_a_planned_cycle_ends_with_waits_and_every_trip_with_its_resolution() -> None:
    trips = (
        Trip(TripKind.KILL_SWITCH_RECONCILE, "3 consecutive failures"),
        Trip(TripKind.DEGRADE_OVERRIDE, "OBSERVE_ONLY: audit"),
    )
    line = report(risk_mode="NORMAL", kill_switch=True, trips=trips, rate_limits=WAITED).line()
    *_, waits, kill, override = line.split(" | ")
    assert waits.startswith("waited 0.8 s for rate limits")
    assert kill == (
        "KILL SWITCH tripped by reconciliation failures -> to resolve: find why the exchange "
        "could not be reconciled (btcbot status shows the last error, btcbot doctor checks the "
        "exchange); once it answers again: btcbot kill-switch off"
    )
    assert (
        override
        == "DEGRADE OVERRIDE in force -> to resolve: btcbot degrade clear (or let it expire)"
    )
    assert "| KILL SWITCH |" not in line  # the trip says it, with more


def test_a_skipped_cycle_still_says_what_holds_it_back() -> None:
    trips = (Trip(TripKind.KILL_SWITCH_LEDGER),)
    line = report(skipped="ledger disagrees", kill_switch_tripped=True, trips=trips).line()
    assert line == (
        "cycle c1 [live s3] SKIPPED: ledger disagrees | KILL SWITCH TRIPPED this cycle | "
        f"{trips[0].line()}"
    )


def test_a_kill_switch_without_a_trip_record_is_still_shown() -> None:
    assert "| KILL SWITCH" in report(risk_mode="NORMAL", kill_switch=True).line()
