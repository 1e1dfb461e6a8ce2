"""Persisting intents: the cycle's transaction writes PENDING_SUBMIT rows before any send."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import Connection

from btcbot.domain import OrderRequest
from btcbot.store import ExecutionMode, OrderRepository, StoredOrder
from btcbot.store.session import OrderStore


class Intent(Protocol):
    """A planned submit (``btcbot.decision.plan.PlannedSubmit`` fits)."""

    @property
    def request(self) -> OrderRequest: ...

    @property
    def reason(self) -> str: ...


def persist_intents(
    target: Connection | OrderStore,
    intents: Iterable[Intent | OrderRequest],
    mode: ExecutionMode | str,
    now_ms: int,
) -> list[StoredOrder]:
    """Insert every intent as PENDING_SUBMIT on the caller's (cycle) connection or session.

    Call inside the cycle's ``unit_of_work`` / store session so the decision and its intents
    commit together; only after that commit may :meth:`OrderManager.submit` send them (hand
    the returned rows to ``OrderManager.journal.track``).
    """
    repo = OrderRepository(target) if isinstance(target, Connection) else target
    run_mode = ExecutionMode(mode)
    stored: list[StoredOrder] = []
    for intent in intents:
        reason: str | None
        if isinstance(intent, OrderRequest):
            request, reason = intent, None
        else:
            request, reason = intent.request, intent.reason
        stored.append(repo.insert_pending(request, mode=run_mode, now_ms=now_ms, reason=reason))
    return stored
