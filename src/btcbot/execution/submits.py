"""Sending a persisted intent and recording its outcome (RELIABILITY "Outcome taxonomy").

=========================================  ===========================================
reply                                      recorded
=========================================  ===========================================
:class:`SubmitAck`                         ACCEPTED → OPEN, exchange id stored
definitive reject (business, auth, not     REJECTED with the venue/gate reason
sent, 429, not armed)
anything else from the exchange (timeout   AMBIGUOUS → IN_FLIGHT, first look in 5 s;
after send, dropped reply, 5xx, bad body)  never resubmitted — resolved by evidence
the coroutine cancelled while sending      AMBIGUOUS → IN_FLIGHT, then re-raised
=========================================  ===========================================

Each outcome is written in its own transaction the moment it is known.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import structlog

from btcbot.domain import OrderEvent, OrderRequest, OrderStatus
from btcbot.exchange.errors import DefinitiveReject, ExchangeError
from btcbot.exchange.reports import SubmitAck
from btcbot.execution.context import OmsContext
from btcbot.execution.errors import IntentNotPersisted, ResubmitRefused
from btcbot.execution.evidence import Evidence
from btcbot.execution.outcomes import SubmitOutcome, SubmitResult

log = structlog.get_logger(__name__)


class Submitter:
    def __init__(self, ctx: OmsContext, identified: Callable[[str], None]) -> None:
        self._ctx = ctx
        self._identified = identified
        self.sending: set[str] = set()  # client ids whose submit is awaiting its reply

    async def submit(self, request: OrderRequest, reason: str) -> SubmitOutcome:
        coid = request.client_order_id
        self._check_intent(request)
        log.info("order_submit", client_order_id=coid, reason=reason, symbol=str(request.symbol))
        self.sending.add(coid)
        try:
            ack = await self._ctx.port.submit(request)
        except DefinitiveReject as exc:
            return self._rejected(coid, exc)
        except ExchangeError as exc:
            return self._ambiguous(coid, f"{type(exc).__name__}: {exc}")
        except asyncio.CancelledError:
            self._ambiguous(coid, "cancelled while sending")
            raise
        finally:
            self.sending.discard(coid)
        return self._accepted(coid, ack)

    def _check_intent(self, request: OrderRequest) -> None:
        coid = request.client_order_id
        stored = self._ctx.journal.get(coid)
        if stored is None:
            raise IntentNotPersisted(
                f"{coid}: persist the intent (persist_intents) in the cycle transaction first"
            )
        if stored.status is not OrderStatus.PENDING_SUBMIT or coid in self.sending:
            raise ResubmitRefused(f"{coid} is {stored.status}: it is resolved, never resent")
        if stored.order.request != request:
            raise IntentNotPersisted(f"{coid}: the request differs from the persisted intent")

    def _accepted(self, coid: str, ack: SubmitAck) -> SubmitOutcome:
        evidence = Evidence(OrderEvent.ACCEPTED, "submit_ack", ack.order_id)
        applied = self._ctx.journal.apply(coid, evidence)
        self._identified(coid)
        return SubmitOutcome(coid, SubmitResult.ACCEPTED, applied.order.status, ack.order_id)

    def _rejected(self, coid: str, exc: DefinitiveReject) -> SubmitOutcome:
        reason = exc.reason or type(exc).__name__
        applied = self._ctx.journal.apply(coid, Evidence(OrderEvent.REJECTED, reason))
        log.warning("order_rejected", client_order_id=coid, reason=reason, detail=exc.detail)
        status = applied.order.status
        return SubmitOutcome(coid, SubmitResult.REJECTED, status, None, reason)

    def _ambiguous(self, coid: str, why: str) -> SubmitOutcome:
        journal = self._ctx.journal
        applied = journal.apply(coid, Evidence(OrderEvent.AMBIGUOUS, f"submit unknown: {why}"))
        if applied.changed:
            delay = self._ctx.settings.resolve_first_delay_ms
            journal.schedule(coid, delay_ms=delay, note=f"submit outcome unknown: {why}")
        log.warning("order_in_flight", client_order_id=coid, why=why)
        order = applied.order
        return SubmitOutcome(
            coid, SubmitResult.IN_FLIGHT, order.status, order.order.exchange_order_id, why
        )
