"""Private WS events as evidence, through the same paths as REST evidence.

423 fills go to :class:`~btcbot.execution.fills.FillSync` (stored at once, deduplicated by trade
id). 451/441/452 are applied to the order they name — found by exchange id, or by client id
while the order still waits for its id. An event for an order not known yet (a 452 racing the
submit reply on a pre-2022 frame without client id, say) is buffered and replayed as soon as
that exchange id becomes known; it is never dropped silently (a full buffer logs what it
evicts, and REST reconciliation still finds the truth). A stream reconnect marks that events
may have been lost, so the runtime reconciles over REST.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from enum import StrEnum

import structlog

from btcbot.domain import Fill
from btcbot.exchange.events import OrderSeen, PrivateEvidence, StreamGap
from btcbot.execution.context import OmsContext
from btcbot.execution.evidence import from_stream
from btcbot.execution.fills import FillSync
from btcbot.store import FillInsert

log = structlog.get_logger(__name__)


class EventResult(StrEnum):
    APPLIED = "applied"  # evidence applied (or a no-op for an already known state)
    IGNORED = "ignored"  # not allowed in the order's state: stale or contradicting, logged
    BUFFERED = "buffered"  # order not known yet: replayed when its exchange id is
    DUPLICATE_FILL = "duplicate_fill"
    UNKNOWN_FILL = "unknown_fill"  # stored and flagged: not one of our orders
    RECONCILE_NEEDED = "reconcile_needed"


class PrivateEventHandler:
    def __init__(self, ctx: OmsContext, fills: FillSync, identified: Callable[[str], None]) -> None:
        self._ctx = ctx
        self._fills = fills
        self._identified = identified
        self._buffer: OrderedDict[int, list[OrderSeen]] = OrderedDict()
        self.gap_seen = False

    @property
    def buffered(self) -> int:
        return sum(len(events) for events in self._buffer.values())

    def handle(self, event: PrivateEvidence) -> EventResult:
        if isinstance(event, StreamGap):
            self.gap_seen = True
            return EventResult.RECONCILE_NEEDED
        if isinstance(event, Fill):
            return self._fill(event)
        return self._order_event(event)

    def replay(self, exchange_order_id: int) -> None:
        """Apply what was buffered for this exchange id (now known)."""
        for event in self._buffer.pop(exchange_order_id, []):
            self._apply_known(event)

    def _fill(self, fill: Fill) -> EventResult:
        result, owner = self._fills.ingest(fill, "ws_423")
        if result is FillInsert.DUPLICATE:
            return EventResult.DUPLICATE_FILL
        return EventResult.UNKNOWN_FILL if owner is None else EventResult.APPLIED

    def _order_event(self, event: OrderSeen) -> EventResult:
        journal = self._ctx.journal
        owner = journal.owner(event.order_id, event.client_order_id, symbol=event.symbol)
        if owner is None:
            self._hold(event)
            return EventResult.BUFFERED
        had_id = owner.order.exchange_order_id is not None
        applied = journal.apply(owner.client_order_id, from_stream(event, owner.order.request))
        if not had_id and applied.order.order.exchange_order_id is not None:
            self._identified(owner.client_order_id)
        return EventResult.IGNORED if applied.ignored else EventResult.APPLIED

    def _apply_known(self, event: OrderSeen) -> None:
        owner = self._ctx.journal.owner(event.order_id, None)
        if owner is not None:
            self._ctx.journal.apply(owner.client_order_id, from_stream(event, owner.order.request))

    def _hold(self, event: OrderSeen) -> None:
        self._buffer.setdefault(event.order_id, []).append(event)
        self._buffer.move_to_end(event.order_id)
        while self.buffered > self._ctx.settings.evidence_buffer_max:
            order_id, evicted = self._buffer.popitem(last=False)
            log.error(
                "private_event_buffer_full",
                evicted_order_id=order_id,
                evicted_events=len(evicted),
                hint="REST reconciliation decides these orders",
            )
