"""Consecutive reconciliation failures: counted in the store, loud, and tripping the kill switch.

Audit G4: the predecessor caught broad exceptions around its lifecycle refresh and carried on,
hiding persistent drift. Here only exchange errors (:class:`ExchangeError`: transport, 5xx, 429,
auth, malformed replies) and a pass running out of time are caught — anything else is a bug and
propagates — and every caught one is counted.

The kill switch trips on whichever comes first:

* a **count**: ``threshold`` consecutive failures (``RECONCILE_FAILURE_THRESHOLD``);
* a **time**: failures for ``max_failing_ms`` or longer, measured from the start of the first
  failed pass of the streak (``RECONCILE_FAILURE_MAX_SECONDS``). One pass may take most of a
  minute of read retries under an outage, so counting passes alone could take many minutes.

The count lives in the store (it survives restarts); the streak's start is this process's own
observation, so after a restart the time bound counts from the first failure it sees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import structlog

from btcbot.domain.trips import TripKind, resolution
from btcbot.exchange.errors import (
    DefinitiveReject,
    ExchangeError,
    InvalidNonce,
    OutcomeUnknown,
    RetryableError,
)
from btcbot.store import StateStore

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class FailureRecord:
    where: str
    error: str
    failures: int  # consecutive, after this one
    tripped: bool  # the kill switch is (now) set because of them


class PassTimedOut(Exception):
    """One reconciliation pass ran past its deadline (counted like an exchange error)."""


def is_retryable(error: Exception) -> bool:
    """Whether trying again later can succeed: not for a definitive refusal such as a 401
    (key, permission, IP whitelist), which only a settings change fixes."""
    if isinstance(error, RetryableError | InvalidNonce | OutcomeUnknown | PassTimedOut):
        return True
    return not isinstance(error, DefinitiveReject)


class ReconcileFailures:
    def __init__(
        self,
        store: StateStore,
        account_key: str,
        threshold: int,
        clock_ms: Callable[[], int],
        max_failing_ms: int | None = None,
    ) -> None:
        self._store = store
        self._account_key = account_key
        self._threshold = threshold
        self._now = clock_ms
        self._max_failing_ms = max_failing_ms
        self._failing_since_ms: int | None = None
        # True once this process wrote (or saw) a zero count: only this process counts
        # failures (one trader per account), so a success needs no write until one fails.
        self._known_clear = False

    def record(
        self, where: str, error: ExchangeError | PassTimedOut, *, started_ms: int | None = None
    ) -> FailureRecord:
        """Count one failure (of a pass that began at ``started_ms``, default now)."""
        now = self._now()
        began = now if started_ms is None else min(started_ms, now)
        text = f"{where}: {type(error).__name__}: {error}"
        with self._store.session() as session:
            state = session.op_state
            count = state.record_reconcile_failure(
                self._account_key, error=text, threshold=self._threshold, now_ms=now
            )
            if count.failures == 1 or self._failing_since_ms is None:
                # A new streak (also after a restart or an operator's reset of the count).
                self._failing_since_ms = began
            failing_ms = now - self._failing_since_ms
            timed_out = self._past_time_bound(failing_ms) and not count.tripped
            if timed_out and not state.get(self._account_key).kill_switch:
                state.set_kill_switch(
                    self._account_key,
                    active=True,
                    source="reconcile",
                    reason=self._time_reason(failing_ms, count.failures, text),
                    now_ms=now,
                )
        self._known_clear = False
        tripped = count.tripped or timed_out
        log.warning(
            "reconcile_failed",
            where=where,
            error=text,
            failures=count.failures,
            failing_s=round(failing_ms / 1000, 1),
        )
        if tripped:
            log.error(
                "kill_switch_tripped",
                source="reconcile",
                account_key=self._account_key,
                failures=count.failures,
                threshold=self._threshold,
                failing_s=round(failing_ms / 1000, 1),
                max_failing_s=None if self._max_failing_ms is None else self._max_failing_ms / 1000,
                error=text,
                resolve=resolution(TripKind.KILL_SWITCH_RECONCILE),
            )
        return FailureRecord(where, text, count.failures, tripped)

    def time_left_ms(self) -> int | None:
        """Until the time bound trips the kill switch, while failures are being counted
        (None: no failing streak, or no time bound). A pass is cut there at the latest."""
        if self._max_failing_ms is None or self._failing_since_ms is None:
            return None
        return self._failing_since_ms + self._max_failing_ms - self._now()

    def reset(self) -> None:
        self._failing_since_ms = None
        if self._known_clear:
            return
        with self._store.session() as session:
            session.op_state.reset_reconcile_failures(self._account_key, now_ms=self._now())
        self._known_clear = True

    def _past_time_bound(self, failing_ms: int) -> bool:
        return self._max_failing_ms is not None and failing_ms >= self._max_failing_ms

    def _time_reason(self, failing_ms: int, failures: int, last: str) -> str:
        bound = (self._max_failing_ms or 0) // 1000
        return (
            f"reconciliation failing for {failing_ms / 1000:.0f}s ({failures} failure(s) in a "
            f"row, RECONCILE_FAILURE_MAX_SECONDS {bound}); last: {last}"
        )
