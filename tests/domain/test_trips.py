"""Every trip maps to a resolution that names a command which exists; switches map to trips."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from btcbot.cli import app
from btcbot.domain.trips import TRIPS, Trip, TripKind, ledger_mismatch, trips_in_force

COMMAND = re.compile(r"btcbot ([a-z-]+)(?: ([a-z-]+))?")
NOW = 1_700_000_000_000


@dataclass(frozen=True)
class Switches:
    kill_switch: bool = False
    kill_switch_source: str | None = None
    kill_switch_reason: str | None = None
    kill_switch_since_ms: int | None = None
    freeze_active: bool = False
    freeze_reason: str | None = None
    freeze_since_ms: int | None = None
    degrade_override_mode: str | None = None
    degrade_override_reason: str | None = None
    degrade_override_until_ms: int | None = None
    reconcile_failures: int = 0
    last_reconcile_error: str | None = None
    stop_entries: bool = False
    stop_entries_reason: str | None = None
    stop_entries_since_ms: int | None = None

    def degrade_override_at(self, now_ms: int) -> str | None:
        until = self.degrade_override_until_ms
        if self.degrade_override_mode is None or (until is not None and now_ms >= until):
            return None
        return self.degrade_override_mode


def trips(
    op: Switches, settings_kill_switch: bool = False, settings_safe_mode: bool = False
) -> list[TripKind]:
    found = trips_in_force(
        op,
        settings_kill_switch=settings_kill_switch,
        settings_safe_mode=settings_safe_mode,
        reconcile_threshold=3,
        now_ms=NOW,
    )
    return [trip.kind for trip in found]


def test_every_trip_kind_has_a_headline_and_a_resolution() -> None:
    assert set(TRIPS) == set(TripKind)
    for kind, entry in TRIPS.items():
        assert entry.headline and entry.resolution, kind
        assert "btcbot " in entry.resolution or "=false" in entry.resolution, kind


@pytest.mark.parametrize("kind", list(TripKind))
def test_every_command_a_resolution_names_exists(kind: TripKind) -> None:
    named = COMMAND.findall(TRIPS[kind].resolution)
    for group, sub in named:
        args = [group, *([sub] if sub else []), "--help"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, f"{kind}: btcbot {' '.join(args)}: {result.output}"


@pytest.mark.parametrize(
    ("source", "kind", "command"),
    [
        ("reconcile", TripKind.KILL_SWITCH_RECONCILE, "btcbot kill-switch off"),
        ("ledger", TripKind.KILL_SWITCH_LEDGER, "btcbot ledger rebase"),
        ("operator", TripKind.KILL_SWITCH_OPERATOR, "btcbot kill-switch off"),
        ("something-new", TripKind.KILL_SWITCH_OTHER, "btcbot kill-switch status"),
    ],
)
def test_the_kill_switch_source_decides_the_advice(
    source: str, kind: TripKind, command: str
) -> None:
    op = Switches(kill_switch=True, kill_switch_source=source, kill_switch_reason="why")
    (trip,) = trips_in_force(op, settings_kill_switch=False, reconcile_threshold=3, now_ms=NOW)
    assert trip.kind is kind and trip.detail == "why"
    assert command in trip.resolution and command in trip.line()


def test_every_switch_in_force_is_a_trip_worst_first() -> None:
    op = Switches(
        freeze_active=True,
        freeze_reason="1 open order(s) on the exchange not placed by us: 42",
        freeze_since_ms=NOW - 5000,
        degrade_override_mode="OBSERVE_ONLY",
        degrade_override_reason="maintenance",
        degrade_override_until_ms=NOW + 60_000,
        reconcile_failures=2,
        last_reconcile_error="reconcile: ServerError: 503",
    )
    assert trips(op, settings_kill_switch=True, settings_safe_mode=True) == [
        TripKind.UNKNOWN_ORDER_FREEZE,
        TripKind.DEGRADE_OVERRIDE,
        TripKind.RECONCILE_FAILING,
        TripKind.KILL_SWITCH_SETTINGS,
        TripKind.SAFE_MODE_SETTINGS,
    ]
    found = trips_in_force(op, settings_kill_switch=False, reconcile_threshold=3, now_ms=NOW)
    by_kind = {trip.kind: trip for trip in found}
    assert "btcbot freeze clear" in by_kind[TripKind.UNKNOWN_ORDER_FREEZE].resolution
    assert "42" in by_kind[TripKind.UNKNOWN_ORDER_FREEZE].describe()
    assert "btcbot degrade clear" in by_kind[TripKind.DEGRADE_OVERRIDE].resolution
    assert "2 in a row (kill switch at 3)" in str(by_kind[TripKind.RECONCILE_FAILING].detail)


def test_nothing_in_force_is_no_trip_and_an_expired_override_is_gone() -> None:
    assert trips(Switches()) == []
    expired = Switches(degrade_override_mode="OBSERVE_ONLY", degrade_override_until_ms=NOW)
    assert trips(expired) == []


def test_failing_reconciliation_is_not_repeated_once_the_kill_switch_tripped() -> None:
    op = Switches(kill_switch=True, kill_switch_source="reconcile", reconcile_failures=3)
    assert trips(op) == [TripKind.KILL_SWITCH_RECONCILE]


def test_levels_and_the_dict_form() -> None:
    trip = ledger_mismatch("TRY: expected 100 got 90", consecutive=1, threshold=3)
    assert trip.level == logging.ERROR
    assert Trip(TripKind.KILL_SWITCH_SETTINGS).level == logging.INFO
    doc = trip.to_dict()
    assert doc["kind"] == "ledger_mismatch" and doc["severity"] == "error"
    assert "btcbot ledger rebase" in doc["resolve"]
    assert doc["detail"] == "1 in a row (kill switch at 3): TRY: expected 100 got 90"


def test_stopped_entries_are_a_trip_with_the_command_that_resumes_them() -> None:
    found = trips_in_force(
        Switches(stop_entries=True, stop_entries_reason="news", stop_entries_since_ms=NOW),
        settings_kill_switch=False,
        reconcile_threshold=3,
        now_ms=NOW,
    )
    assert [trip.kind for trip in found] == [TripKind.STOP_ENTRIES]
    assert found[0].detail == "news"
    assert "btcbot entries resume" in found[0].resolution
