"""Cancels: asked for, never assumed (BTCTurk acknowledges a cancel before doing it).

The request is persisted first (CANCEL_REQUESTED → PENDING_CANCEL), then sent:

======================================  ==================================================
reply                                   recorded
======================================  ==================================================
200 (receipt only)                      stays PENDING_CANCEL until proven
lost reply / timeout / 5xx              stays PENDING_CANCEL (AMBIGUOUS), proven later
NO_ORDER_MATCHES_YOUR_REQUEST,          CANCEL_REFUSED, then ``order/{id}`` tells what
ORDER_COULD_NOT_BE_CANCELED             really happened (filled? already canceled?)
other refusals, not sent, not armed     CANCEL_REFUSED: back to OPEN / PARTIALLY_FILLED
======================================  ==================================================

A pending cancel is proven only by the exchange: ``order/{id}`` showing Canceled (or Closed:
the fill won the race), or a private WS 452 / fills through the order manager's event hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import structlog

from btcbot.domain import OrderEvent, OrderStatus
from btcbot.domain.slots import fast_init
from btcbot.exchange.errors import DefinitiveReject, ExchangeError, OrderNotFound
from btcbot.execution.context import OmsContext
from btcbot.execution.evidence import Evidence, from_report
from btcbot.execution.outcomes import CancelOutcome, CancelResult
from btcbot.execution.resolution import Resolution
from btcbot.store import OrderNotFound as StoreOrderNotFound
from btcbot.store import StoredOrder

log = structlog.get_logger(__name__)

# Refusals that mean "this order is not cancelable any more": learn its real fate.
GONE_MESSAGES = frozenset({"NO_ORDER_MATCHES_YOUR_REQUEST", "ORDER_COULD_NOT_BE_CANCELED"})


@fast_init
@dataclass(frozen=True, slots=True)
class PendingCancelReport:
    proven: tuple[Resolution, ...] = ()
    still_pending: tuple[str, ...] = ()
    resent: tuple[str, ...] = ()
    errors: tuple[ExchangeError, ...] = ()


@dataclass
class _Pass:
    proven: list[Resolution] = field(default_factory=list)
    still_pending: list[str] = field(default_factory=list)
    resent: list[str] = field(default_factory=list)
    errors: list[ExchangeError] = field(default_factory=list)


class Canceller:
    def __init__(self, ctx: OmsContext) -> None:
        self._ctx = ctx

    async def cancel(self, client_order_id: str, reason: str) -> CancelOutcome:
        journal = self._ctx.journal
        stored = journal.get(client_order_id)
        if stored is None:
            raise StoreOrderNotFound(f"no order {client_order_id!r} in the store")
        exchange_id = stored.order.exchange_order_id
        if stored.status.is_terminal or exchange_id is None:
            return _not_cancelable(stored)
        request = Evidence(OrderEvent.CANCEL_REQUESTED, f"cancel requested: {reason}")
        if journal.apply(client_order_id, request, record_noop=True).ignored:
            return _not_cancelable(stored)
        log.info("order_cancel", client_order_id=client_order_id, reason=reason)
        try:
            await self._ctx.port.cancel(exchange_id)
        except DefinitiveReject as exc:
            return await self._refused(stored, exchange_id, exc)
        except ExchangeError as exc:
            return self._unknown(client_order_id, f"{type(exc).__name__}: {exc}")
        ack = Evidence(OrderEvent.CANCEL_REQUESTED, "cancel acknowledged (receipt only)")
        applied = journal.apply(client_order_id, ack, record_noop=True)
        return CancelOutcome(client_order_id, CancelResult.REQUESTED, applied.order.status)

    async def prove_pending(self) -> PendingCancelReport:
        """Ask ``order/{id}`` about every pending cancel; re-send cancels that stay open."""
        pending = self._ctx.journal.live_in(OrderStatus.PENDING_CANCEL)
        if not pending:  # most passes: no cancel waits for its proof
            return PendingCancelReport()
        run = _Pass()
        for stored in pending:
            try:
                await self._prove(stored, run)
            except ExchangeError as exc:
                run.errors.append(exc)
        return PendingCancelReport(
            tuple(run.proven), tuple(run.still_pending), tuple(run.resent), tuple(run.errors)
        )

    async def _prove(self, stored: StoredOrder, run: _Pass) -> None:
        coid, exchange_id = stored.client_order_id, stored.order.exchange_order_id
        report = None if exchange_id is None else await self._ctx.port.order(exchange_id)
        if report is None:
            log.warning("pending_cancel_unknown_to_exchange", client_order_id=coid)
            run.still_pending.append(coid)
            return
        applied = self._ctx.journal.apply(coid, from_report(report, stored.order.request, "order"))
        if applied.order.status is not OrderStatus.PENDING_CANCEL:
            run.proven.append(Resolution(coid, applied.order.status, "order"))
            return
        run.still_pending.append(coid)
        idle_ms = self._ctx.journal.now() - applied.order.updated_ms
        if idle_ms >= self._ctx.settings.cancel_resend_after_ms:
            await self.cancel(coid, f"still open {idle_ms} ms after the cancel: re-sent")
            run.resent.append(coid)

    async def _refused(
        self, stored: StoredOrder, exchange_id: int, exc: DefinitiveReject
    ) -> CancelOutcome:
        coid = stored.client_order_id
        reason = exc.reason or type(exc).__name__
        refused = Evidence(OrderEvent.CANCEL_REFUSED, f"cancel refused: {reason}")
        applied = self._ctx.journal.apply(coid, refused)
        log.warning("order_cancel_refused", client_order_id=coid, reason=reason)
        if isinstance(exc, OrderNotFound) or reason.upper() in GONE_MESSAGES:
            applied_status = await self._learn_fate(stored, exchange_id)
            if applied_status is not None:
                return CancelOutcome(coid, CancelResult.REFUSED, applied_status, reason)
        return CancelOutcome(coid, CancelResult.REFUSED, applied.order.status, reason)

    async def _learn_fate(self, stored: StoredOrder, exchange_id: int) -> OrderStatus | None:
        """The cancel came too late or hit a finished order: ask what it became."""
        coid = stored.client_order_id
        try:
            report = await self._ctx.port.order(exchange_id)
        except ExchangeError as exc:
            self._ctx.failures.record("cancel_fate_lookup", exc)
            return None
        if report is None:
            log.warning("canceled_order_unknown_to_exchange", client_order_id=coid)
            return None
        evidence = from_report(report, stored.order.request, "order_after_refusal")
        return self._ctx.journal.apply(coid, evidence).order.status

    def _unknown(self, coid: str, why: str) -> CancelOutcome:
        lost = Evidence(OrderEvent.AMBIGUOUS, f"cancel outcome unknown: {why}")
        applied = self._ctx.journal.apply(coid, lost, record_noop=True)
        log.warning("order_cancel_unknown", client_order_id=coid, why=why)
        return CancelOutcome(coid, CancelResult.UNKNOWN, applied.order.status, why)


def _not_cancelable(stored: StoredOrder) -> CancelOutcome:
    coid, status = stored.client_order_id, stored.status
    if status.is_terminal:
        return CancelOutcome(coid, CancelResult.FINISHED, status, "already terminal")
    if stored.order.exchange_order_id is None:
        why = "no exchange id yet: resolve the order first (BTCTurk cancels by id only)"
    else:
        why = f"an order in {status} cannot take a cancel yet"
    return CancelOutcome(coid, CancelResult.DEFERRED, status, why)
