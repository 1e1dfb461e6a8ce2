"""What holds the agent back, and the command that resolves it.

A *trip* is a safety switch in force: a kill switch (tripped by reconciliation failures or a
ledger mismatch, set by an operator or in the settings), SAFE_MODE, the unknown-order freeze,
a degrade override, failing reconciliations or ledger checks on their way to the kill switch,
a lost or held process lock. This module is the one table from each trip to what the
operator should do about it; the cycle line, the log, ``btcbot status`` (and any later API or
chat surface) print the advice from here, so it reads the same wherever it is read.

:func:`trips_in_force` derives the trips from the stored switches (anything with the fields of
:class:`OpSwitches`, such as :class:`btcbot.store.OpStatus`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol

from btcbot.domain.slots import fast_init


class TripKind(StrEnum):
    KILL_SWITCH_RECONCILE = "kill_switch_reconcile"
    KILL_SWITCH_LEDGER = "kill_switch_ledger"
    KILL_SWITCH_OPERATOR = "kill_switch_operator"
    KILL_SWITCH_OTHER = "kill_switch_other"
    KILL_SWITCH_SETTINGS = "kill_switch_settings"
    SAFE_MODE_SETTINGS = "safe_mode_settings"
    UNKNOWN_ORDER_FREEZE = "unknown_order_freeze"
    DEGRADE_OVERRIDE = "degrade_override"
    STOP_ENTRIES = "stop_entries"
    RECONCILE_FAILING = "reconcile_failing"
    LEDGER_MISMATCH = "ledger_mismatch"
    LOCK_LOST = "lock_lost"
    LOCK_HELD = "lock_held"


@dataclass(frozen=True, slots=True)
class _Entry:
    headline: str
    resolution: str
    level: int  # the log level of the trip while it is in force


_KILL_SWITCH_OFF = "btcbot kill-switch off"

_TRIPS: dict[TripKind, _Entry] = {
    TripKind.KILL_SWITCH_RECONCILE: _Entry(
        "KILL SWITCH tripped by reconciliation failures",
        "find why the exchange could not be reconciled (btcbot status shows the last error, "
        f"btcbot doctor checks the exchange); once it answers again: {_KILL_SWITCH_OFF}",
        logging.ERROR,
    ),
    TripKind.KILL_SWITCH_LEDGER: _Entry(
        "KILL SWITCH tripped by ledger mismatches",
        "if you deposited or withdrew: btcbot ledger rebase, then "
        f"{_KILL_SWITCH_OFF}; otherwise compare btcbot ledger status with the exchange "
        "balances before releasing it",
        logging.ERROR,
    ),
    TripKind.KILL_SWITCH_OPERATOR: _Entry(
        "KILL SWITCH on (set by an operator)",
        f"{_KILL_SWITCH_OFF} when new risk may be taken again",
        logging.WARNING,
    ),
    TripKind.KILL_SWITCH_OTHER: _Entry(
        "KILL SWITCH on",
        f"btcbot kill-switch status says why; then {_KILL_SWITCH_OFF}",
        logging.ERROR,
    ),
    TripKind.KILL_SWITCH_SETTINGS: _Entry(
        "KILL SWITCH on (KILL_SWITCH=true in the settings)",
        "set KILL_SWITCH=false (environment or .env) and restart to allow new risk",
        logging.INFO,
    ),
    TripKind.SAFE_MODE_SETTINGS: _Entry(
        "SAFE MODE on (SAFE_MODE=true in the settings): no exchange write at all",
        "set SAFE_MODE=false (environment or .env) and restart to allow orders and cancels",
        logging.INFO,
    ),
    TripKind.UNKNOWN_ORDER_FREEZE: _Entry(
        "FROZEN: an order or trade on the account is not ours",
        "check the orders or trades btcbot freeze status names on the exchange (cancel an "
        "order that should not be there; after someone else's trade, accept the balance "
        "change with btcbot ledger rebase), then btcbot freeze clear",
        logging.ERROR,
    ),
    TripKind.DEGRADE_OVERRIDE: _Entry(
        "DEGRADE OVERRIDE in force",
        "btcbot degrade clear (or let it expire)",
        logging.WARNING,
    ),
    TripKind.STOP_ENTRIES: _Entry(
        "NEW ENTRIES STOPPED (by an operator): no new buys; sells, stops and cancels go on",
        "btcbot entries resume when new buys may be placed again",
        logging.WARNING,
    ),
    TripKind.RECONCILE_FAILING: _Entry(
        "RECONCILIATION FAILING",
        "the exchange could not be compared with our orders; btcbot doctor checks it; the "
        "kill switch trips if it goes on",
        logging.WARNING,
    ),
    TripKind.LEDGER_MISMATCH: _Entry(
        "LEDGER MISMATCH: the ledger does not explain the exchange balances",
        "if you deposited or withdrew: btcbot ledger rebase; the kill switch trips if it goes on",
        logging.ERROR,
    ),
    TripKind.LOCK_LOST: _Entry(
        "LOCK LOST: another process took over this account",
        "btcbot lock status; stop the other process (or, if it is gone, btcbot lock release "
        "--force), then restart",
        logging.ERROR,
    ),
    TripKind.LOCK_HELD: _Entry(
        "LOCKED: another process trades this account",
        "btcbot lock status; stop the other process, or if it crashed: btcbot lock release",
        logging.ERROR,
    ),
}


TRIPS: Mapping[TripKind, _Entry] = MappingProxyType(_TRIPS)


def resolution(kind: TripKind) -> str:
    """The operator's way out of ``kind``."""
    return TRIPS[kind].resolution


@fast_init
@dataclass(frozen=True, slots=True)
class Trip:
    kind: TripKind
    detail: str | None = None  # the stored reason, counts, ...
    since_ms: int | None = None

    @property
    def headline(self) -> str:
        return TRIPS[self.kind].headline

    @property
    def resolution(self) -> str:
        return TRIPS[self.kind].resolution

    @property
    def level(self) -> int:
        return TRIPS[self.kind].level

    @property
    def is_kill_switch(self) -> bool:
        return self.kind.value.startswith("kill_switch")

    def line(self) -> str:
        """Short form for the cycle line: what, and how to resolve it."""
        return f"{self.headline} -> to resolve: {self.resolution}"

    def describe(self) -> str:
        """Long form: what, since when, why, and how to resolve it."""
        since = f" since {_utc(self.since_ms)}" if self.since_ms is not None else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.headline}{since}{detail}. To resolve: {self.resolution}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "severity": logging.getLevelName(self.level).lower(),
            "headline": self.headline,
            "detail": self.detail,
            "since": _utc(self.since_ms) if self.since_ms is not None else None,
            "resolve": self.resolution,
        }


class OpSwitches(Protocol):
    """The stored switches :func:`trips_in_force` reads (``btcbot.store.OpStatus``)."""

    @property
    def kill_switch(self) -> bool: ...
    @property
    def kill_switch_source(self) -> str | None: ...
    @property
    def kill_switch_reason(self) -> str | None: ...
    @property
    def kill_switch_since_ms(self) -> int | None: ...
    @property
    def freeze_active(self) -> bool: ...
    @property
    def freeze_reason(self) -> str | None: ...
    @property
    def freeze_since_ms(self) -> int | None: ...
    @property
    def degrade_override_reason(self) -> str | None: ...
    @property
    def degrade_override_until_ms(self) -> int | None: ...
    @property
    def stop_entries(self) -> bool: ...
    @property
    def stop_entries_reason(self) -> str | None: ...
    @property
    def stop_entries_since_ms(self) -> int | None: ...
    @property
    def reconcile_failures(self) -> int: ...
    @property
    def last_reconcile_error(self) -> str | None: ...

    def degrade_override_at(self, now_ms: int) -> str | None: ...


_KILL_SWITCH_SOURCES = {
    "reconcile": TripKind.KILL_SWITCH_RECONCILE,
    "ledger": TripKind.KILL_SWITCH_LEDGER,
    "operator": TripKind.KILL_SWITCH_OPERATOR,
}


def trips_in_force(
    op: OpSwitches,
    *,
    settings_kill_switch: bool,
    reconcile_threshold: int,
    now_ms: int,
    settings_safe_mode: bool = False,
) -> tuple[Trip, ...]:
    """Every trip the stored switches and the settings hold in force now, worst first."""
    trips: list[Trip] = []
    if op.kill_switch:
        kind = _KILL_SWITCH_SOURCES.get(op.kill_switch_source or "", TripKind.KILL_SWITCH_OTHER)
        trips.append(Trip(kind, op.kill_switch_reason, op.kill_switch_since_ms))
    if op.freeze_active:
        trips.append(Trip(TripKind.UNKNOWN_ORDER_FREEZE, op.freeze_reason, op.freeze_since_ms))
    mode = op.degrade_override_at(now_ms)
    if mode is not None:
        until = op.degrade_override_until_ms
        ends = f" until {_utc(until)}" if until is not None else ""
        detail = f"{mode}{ends}: {op.degrade_override_reason}"
        trips.append(Trip(TripKind.DEGRADE_OVERRIDE, detail))
    if op.stop_entries:
        trips.append(Trip(TripKind.STOP_ENTRIES, op.stop_entries_reason, op.stop_entries_since_ms))
    if op.reconcile_failures and not op.kill_switch:
        detail = (
            f"{op.reconcile_failures} in a row (kill switch at {reconcile_threshold}); "
            f"last: {op.last_reconcile_error}"
        )
        trips.append(Trip(TripKind.RECONCILE_FAILING, detail))
    if settings_kill_switch:
        trips.append(Trip(TripKind.KILL_SWITCH_SETTINGS))
    if settings_safe_mode:
        trips.append(Trip(TripKind.SAFE_MODE_SETTINGS))
    return tuple(sorted(trips, key=lambda trip: -trip.level))


def ledger_mismatch(detail: str, consecutive: int, threshold: int) -> Trip:
    """The ledger check failed ``consecutive`` times in a row (kill switch at ``threshold``)."""
    return Trip(
        TripKind.LEDGER_MISMATCH, f"{consecutive} in a row (kill switch at {threshold}): {detail}"
    )


def _utc(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


__all__ = [
    "TRIPS",
    "OpSwitches",
    "Trip",
    "TripKind",
    "ledger_mismatch",
    "resolution",
    "trips_in_force",
]
