"""Work only the running agent may do for an operator: cancel every open order.

Only the process holding the account's single-writer lock may send anything to the exchange,
so a surface does not cancel: it records a request in the state database
(:func:`queue_cancel_all`), and the agent runs :meth:`RequestExecutor.run_pending` before its
next cycle (and, when the request came through its own API, as soon as it is queued). Each
cancel goes through the agent's OMS and the same arming gates as its own cancels (SAFE_MODE
blocks them); the outcome is written back to the request for the surfaces to show.
A request nobody picked up within :data:`REQUEST_TTL_MS` is expired, not executed late.

An order still in flight (sent, its exchange id not yet known: BTCTurk cancels by id only)
cannot be cancelled yet. The request then stays pending with what it did so far, and each
later pass cancels those orders once the resolution ladder has found them (or counts them
finished when it proved them never placed), until none is left or the request's time is up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
_LISTS = ("cancel_sent", "in_flight", "refused", "already_finished")


def _timed_out(earlier: Mapping[str, Any]) -> dict[str, Any]:
    """A request's outcome when its time ran out with orders still in flight."""
    waiting = len(earlier.get("in_flight", ()))
    return {
        **earlier,
        "message": f"{earlier.get('message', '')}; time up with {waiting} order(s) still in "
        "flight: not cancelled (the bot resolves them; ask again, or cancel on the exchange)",
    }


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
            earlier = request.outcome  # a pass before left orders in flight: those only
            if self.clock_ms() > request.expires_ms:
                if earlier is None:
                    expired = {"message": "not picked up in time"}
                    self._finish(request, RequestStatus.EXPIRED, expired)
                else:
                    self._finish(request, RequestStatus.FAILED, _timed_out(earlier))
                continue
            outcome = await self._cancel_all(earlier)
            if outcome["in_flight"]:
                with unit_of_work(self.engine) as conn:
                    OperatorRequests(conn).progress(request.request_id, outcome)
            else:
                failed = bool(outcome["refused"])
                status = RequestStatus.FAILED if failed else RequestStatus.DONE
                self._finish(request, status, outcome)
            ran += 1
        return ran

    async def _cancel_all(self, earlier: Mapping[str, Any] | None) -> dict[str, Any]:
        """Cancel every live order (``earlier``: a pass before's outcome; then only the
        orders it found in flight, added to its lists)."""
        with unit_of_work(self.engine) as conn:
            live = [s.client_order_id for s in OrderRepository(conn).live_orders(self.mode)]
        lists: dict[str, list[str]] = {key: [] for key in _LISTS}
        targets = live
        if earlier is not None:
            for key in ("cancel_sent", "refused", "already_finished"):
                lists[key] = [str(coid) for coid in earlier.get(key, ())]
            still = set(live)
            waited = [str(coid) for coid in earlier.get("in_flight", ())]
            targets = [coid for coid in waited if coid in still]
            # proven never placed (or finished) since: nothing left to cancel
            lists["already_finished"] += [coid for coid in waited if coid not in still]
        for coid in targets:
            result = (await self.oms.cancel(coid, CANCEL_REASON)).result
            if result in _SENT:
                lists["cancel_sent"].append(coid)
            elif result is CancelResult.DEFERRED:
                lists["in_flight"].append(coid)
            elif result is CancelResult.FINISHED:
                lists["already_finished"].append(coid)
            else:
                lists["refused"].append(coid)
        sent, waiting, refused = lists["cancel_sent"], lists["in_flight"], lists["refused"]
        message = (
            f"cancel sent for {len(sent)} order(s)"
            + (
                f"; {len(waiting)} in flight (sent, no exchange id yet): cancelled once the "
                "exchange shows them"
                if waiting
                else ""
            )
            + (f"; {len(refused)} refused" if refused else "")
        )
        log.warning(
            "operator_cancel_all", sent=len(sent), in_flight=len(waiting), refused=len(refused)
        )
        return {"message": message, **lists}

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
