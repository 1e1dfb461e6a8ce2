"""Work only the running agent may do for an operator: cancel every open order.

Only the process holding the account's single-writer lock may send anything to the exchange,
so a surface does not cancel: it records a request in the state database
(:func:`queue_cancel_all`), and the agent runs :meth:`RequestExecutor.run_pending` before its
next cycle (and, when the request came through its own API, as soon as it is queued). Each
cancel goes through the agent's OMS and the same arming gates as its own cancels (SAFE_MODE
blocks them); the outcome is written back to the request for the surfaces to show.
A request nobody picked up within :data:`REQUEST_TTL_MS` is expired, not executed late.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from sqlalchemy import Connection, Engine

from btcbot.execution.outcomes import CancelOutcome, CancelResult
from btcbot.operator.actions import Action, audit
from btcbot.store import ExecutionMode, OrderRepository, unit_of_work
from btcbot.store.operator_log import OperatorRequests, RequestStatus, StoredRequest

log = structlog.get_logger(__name__)

REQUEST_TTL_MS = 300_000  # five minutes: a cancel-all is for now, not for the next restart
CANCEL_REASON = "operator_cancel_all"


class Canceller(Protocol):
    """What the executor needs of :class:`btcbot.execution.OrderManager`."""

    async def cancel(self, client_order_id: str, reason: str) -> CancelOutcome: ...


def queue_cancel_all(conn: Connection, account_key: str, *, actor: str, now_ms: int) -> int:
    request_id = OperatorRequests(conn).add(
        account_key,
        action=Action.CANCEL_ALL.value,
        actor=actor,
        params={},
        status=RequestStatus.PENDING,
        token_hash=None,
        now_ms=now_ms,
        expires_ms=now_ms + REQUEST_TTL_MS,
    )
    audit(
        conn,
        account_key,
        actor=actor,
        action=Action.CANCEL_ALL,
        outcome="queued",
        detail={"request_id": request_id},
        now_ms=now_ms,
    )
    return request_id


_SENT = (CancelResult.REQUESTED, CancelResult.UNKNOWN)


@dataclass
class RequestExecutor:
    """The agent's side: pending operator requests executed through its OMS."""

    engine: Engine
    oms: Canceller
    account_key: str
    mode: ExecutionMode
    clock_ms: Callable[[], int]

    async def run_pending(self) -> int:
        """Execute every pending request (expire the stale ones); return how many ran."""
        with unit_of_work(self.engine) as conn:
            pending = OperatorRequests(conn).open(self.account_key, RequestStatus.PENDING)
        ran = 0
        for request in pending:
            if request.action != Action.CANCEL_ALL.value:
                self._finish(request, RequestStatus.FAILED, {"message": "unknown action"})
                continue
            if self.clock_ms() > request.expires_ms:
                self._finish(request, RequestStatus.EXPIRED, {"message": "not picked up in time"})
                continue
            outcome = await self._cancel_all()
            failed = bool(outcome["refused"])
            self._finish(request, RequestStatus.FAILED if failed else RequestStatus.DONE, outcome)
            ran += 1
        return ran

    async def _cancel_all(self) -> dict[str, Any]:
        with unit_of_work(self.engine) as conn:
            live = OrderRepository(conn).live_orders(self.mode)
        sent: list[str] = []
        waiting: list[str] = []
        refused: list[str] = []
        finished: list[str] = []
        for stored in live:
            coid = stored.client_order_id
            result = (await self.oms.cancel(coid, CANCEL_REASON)).result
            if result in _SENT:
                sent.append(coid)
            elif result is CancelResult.DEFERRED:
                waiting.append(coid)
            elif result is CancelResult.FINISHED:
                finished.append(coid)
            else:
                refused.append(coid)
        message = (
            f"cancel sent for {len(sent)} order(s)"
            + (f"; {len(waiting)} in flight (no exchange id yet: ask again)" if waiting else "")
            + (f"; {len(refused)} refused" if refused else "")
        )
        log.warning(
            "operator_cancel_all", sent=len(sent), in_flight=len(waiting), refused=len(refused)
        )
        return {
            "message": message,
            "cancel_sent": sent,
            "in_flight": waiting,
            "refused": refused,
            "already_finished": finished,
        }

    def _finish(
        self, request: StoredRequest, status: RequestStatus, outcome: dict[str, Any]
    ) -> None:
        now = self.clock_ms()
        with unit_of_work(self.engine) as conn:
            OperatorRequests(conn).finish(
                request.request_id,
                status=status,
                outcome=outcome,
                now_ms=now,
                only_if=RequestStatus.PENDING,
            )
            audit(
                conn,
                self.account_key,
                actor=request.actor,
                action=Action.CANCEL_ALL,
                outcome=status.value,
                detail={"request_id": request.request_id, "message": outcome.get("message")},
                now_ms=now,
            )
