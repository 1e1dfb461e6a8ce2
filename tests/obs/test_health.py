"""The health model: each check's thresholds, and the worst check wins."""

from __future__ import annotations

from dataclasses import replace

import pytest

from btcbot.obs.health import HealthInputs, HealthStatus, assess_health

OK, DEGRADED, FAILING = HealthStatus.OK, HealthStatus.DEGRADED, HealthStatus.FAILING
NOW = 1_800_000_000_000

HEALTHY = HealthInputs(
    now_ms=NOW,
    started_ms=NOW - 3_600_000,
    cycle_seconds=10,
    last_cycle_ms=NOW - 5_000,
    kill_switch_active=False,
    kill_switch_source=None,
    reconcile_failures=0,
    reconcile_failure_threshold=3,
    max_market_data_age_ms=15_000,
    market_data_age_ms={"BTC_TRY": 1_000, "ETH_TRY": 2_000},
    ws_mode=True,
    ws_connected=True,
)


def status_of(inputs: HealthInputs, name: str) -> HealthStatus:
    (check,) = [c for c in assess_health(inputs).checks if c.name == name]
    return check.status


def test_all_good() -> None:
    report = assess_health(HEALTHY)
    assert report.status is OK and report.live
    assert [c.name for c in report.checks] == [
        "cycle",
        "kill_switch",
        "reconcile",
        "market_data",
        "websocket",
    ]
    assert report.to_dict()["status"] == "ok"


@pytest.mark.parametrize(
    ("age_ms", "cycle_seconds", "expected"),
    [
        (20_000, 10, OK),  # exactly 2x: not yet degraded
        (20_001, 10, DEGRADED),
        (30_000, 10, DEGRADED),
        (30_001, 10, FAILING),
        (25_000, 1, DEGRADED),  # short pauses: floors of 20 s / 30 s apply
        (29_000, 1, DEGRADED),
        (31_000, 1, FAILING),
        (170_000, 60, DEGRADED),
        (181_000, 60, FAILING),
    ],
)
def test_cycle_age(age_ms: int, cycle_seconds: float, expected: HealthStatus) -> None:
    inputs = replace(HEALTHY, last_cycle_ms=NOW - age_ms, cycle_seconds=cycle_seconds)
    assert status_of(inputs, "cycle") is expected
    assert assess_health(inputs).live is (expected is not FAILING)


def test_before_the_first_cycle_counts_from_the_start() -> None:
    starting = replace(HEALTHY, last_cycle_ms=None, started_ms=NOW - 10_000)
    assert status_of(starting, "cycle") is OK
    stuck = replace(HEALTHY, last_cycle_ms=None, started_ms=NOW - 31_000)
    assert status_of(stuck, "cycle") is FAILING
    assert not assess_health(stuck).live


def test_clock_going_backwards_is_not_an_error() -> None:
    assert status_of(replace(HEALTHY, last_cycle_ms=NOW + 5_000), "cycle") is OK


@pytest.mark.parametrize(
    ("active", "source", "expected"),
    [
        (False, None, OK),
        (True, "settings", DEGRADED),
        (True, "operator", DEGRADED),
        (True, "reconcile", FAILING),
        (True, "ledger", FAILING),
        (True, None, FAILING),
    ],
)
def test_kill_switch(active: bool, source: str | None, expected: HealthStatus) -> None:
    inputs = replace(HEALTHY, kill_switch_active=active, kill_switch_source=source)
    assert status_of(inputs, "kill_switch") is expected
    report = assess_health(inputs)
    assert report.status is expected
    assert report.live  # a restart cannot clear a kill switch


@pytest.mark.parametrize(
    ("failures", "expected"), [(0, OK), (1, DEGRADED), (2, DEGRADED), (3, FAILING)]
)
def test_reconcile(failures: int, expected: HealthStatus) -> None:
    assert status_of(replace(HEALTHY, reconcile_failures=failures), "reconcile") is expected


@pytest.mark.parametrize(
    ("ages", "expected"),
    [
        ({}, OK),
        ({"BTC_TRY": 15_000}, OK),
        ({"BTC_TRY": 15_001, "ETH_TRY": 1}, DEGRADED),
        ({"BTC_TRY": None, "ETH_TRY": 1}, DEGRADED),
        ({"BTC_TRY": 20_000, "ETH_TRY": None}, FAILING),
    ],
)
def test_market_data(ages: dict[str, int | None], expected: HealthStatus) -> None:
    assert status_of(replace(HEALTHY, market_data_age_ms=ages), "market_data") is expected


def test_market_data_detail_lists_a_bounded_number_of_symbols() -> None:
    ages: dict[str, int | None] = {f"S{n:02d}_TRY": None for n in range(9)}
    ages["BTC_TRY"] = 0
    (check,) = [
        c
        for c in assess_health(replace(HEALTHY, market_data_age_ms=ages)).checks
        if c.name == "market_data"
    ]
    assert check.status is DEGRADED
    assert check.detail.endswith("S00_TRY, S01_TRY, S02_TRY, S03_TRY, S04_TRY +4 more")


@pytest.mark.parametrize(
    ("ws_mode", "connected", "expected"),
    [(False, False, OK), (True, True, OK), (True, False, DEGRADED)],
)
def test_websocket(ws_mode: bool, connected: bool, expected: HealthStatus) -> None:
    inputs = replace(HEALTHY, ws_mode=ws_mode, ws_connected=connected)
    assert status_of(inputs, "websocket") is expected


def test_worst_check_wins() -> None:
    inputs = replace(HEALTHY, ws_connected=False, reconcile_failures=3)
    report = assess_health(inputs)
    assert report.status is FAILING
    assert report.to_dict()["checks"][4] == {
        "name": "websocket",
        "status": "degraded",
        "detail": "disconnected",
    }
