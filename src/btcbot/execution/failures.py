"""Consecutive reconciliation failures: counted in the store, loud, and tripping the kill switch.

Audit G4: the predecessor caught broad exceptions around its lifecycle refresh and carried on,
hiding persistent drift. Here only exchange errors (:class:`BtcturkError`: transport, 5xx, 429,
auth, malformed replies) are caught — anything else is a bug and propagates — and every caught
one is counted. At the threshold the store sets the kill switch and an error is logged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import structlog
from sqlalchemy import Engine

from btcbot.btcturk.errors import BtcturkError
from btcbot.store import OpState, unit_of_work

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class FailureRecord:
    where: str
    error: str
    failures: int  # consecutive, after this one
    tripped: bool  # the kill switch is (now) set because of them


class ReconcileFailures:
    def __init__(
        self, engine: Engine, account_key: str, threshold: int, clock_ms: Callable[[], int]
    ) -> None:
        self._engine = engine
        self._account_key = account_key
        self._threshold = threshold
        self._now = clock_ms

    def record(self, where: str, error: BtcturkError) -> FailureRecord:
        text = f"{where}: {type(error).__name__}: {error}"
        with unit_of_work(self._engine) as conn:
            count = OpState(conn).record_reconcile_failure(
                self._account_key, error=text, threshold=self._threshold, now_ms=self._now()
            )
        log.warning("reconcile_failed", where=where, error=text, failures=count.failures)
        if count.tripped:
            log.error(
                "kill_switch_tripped",
                source="reconcile",
                account_key=self._account_key,
                failures=count.failures,
                threshold=self._threshold,
                error=text,
            )
        return FailureRecord(where, text, count.failures, count.tripped)

    def reset(self) -> None:
        with unit_of_work(self._engine) as conn:
            OpState(conn).reset_reconcile_failures(self._account_key, now_ms=self._now())
