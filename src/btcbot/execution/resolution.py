"""The resolution ladder for orders whose submit outcome is unknown (RELIABILITY §3).

BTCTurk neither enforces unique client ids nor looks orders up by them, so an IN_FLIGHT order
is found by scanning, per symbol and in this order:

1. ``openOrders`` for its client id (resting orders);
2. ``allOrders`` from its creation minus a look-back (it may have filled or been canceled
   at once and never rested);
3. user trades from the same time (a fill is proof even if the order listing lags).

Found: the report's status is applied (OPEN, PARTIALLY_FILLED, FILLED, CANCELED). Not found:
looked at again every ``resolve_interval_ms``, and only after ``resolve_max_tries`` looks in
which every query was answered does it become NOT_FOUND → NOT_PLACED. A failing query ends the
look for that symbol without counting it; the caller counts a reconciliation failure.

A PENDING_SUBMIT row that no submit of this process is sending and that is older than the grace
period belongs to a process that died mid-send: it becomes IN_FLIGHT and climbs the ladder
(at start-up every PENDING_SUBMIT row does).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

import structlog

from btcbot.domain import Fill, OrderEvent, OrderStatus, Symbol
from btcbot.domain.slots import fast_init
from btcbot.exchange.errors import ExchangeError
from btcbot.exchange.reports import ExchangeOrder
from btcbot.execution.context import OmsContext
from btcbot.execution.evidence import Evidence, from_fill_total, from_report, same_order
from btcbot.store import StoredOrder

log = structlog.get_logger(__name__)


@fast_init
@dataclass(frozen=True, slots=True)
class Resolution:
    client_order_id: str
    status: OrderStatus
    source: str


@fast_init
@dataclass(frozen=True, slots=True)
class ResolveReport:
    resolved: tuple[Resolution, ...] = ()
    waiting: tuple[str, ...] = ()  # not found yet: looked at again later
    not_placed: tuple[str, ...] = ()
    errors: tuple[ExchangeError, ...] = ()


@dataclass
class _Pass:
    resolved: list[Resolution] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    not_placed: list[str] = field(default_factory=list)
    errors: list[ExchangeError] = field(default_factory=list)

    def report(self) -> ResolveReport:
        return ResolveReport(
            tuple(self.resolved), tuple(self.waiting), tuple(self.not_placed), tuple(self.errors)
        )


class InFlightResolver:
    def __init__(
        self, ctx: OmsContext, identified: Callable[[str], None], sending: Collection[str]
    ) -> None:
        self._ctx = ctx
        self._identified = identified
        self._sending = sending  # live view of the submitter's in-progress client ids

    async def resolve(self, *, all_pending: bool = False) -> ResolveReport:
        """One pass over every due IN_FLIGHT order (and stale PENDING_SUBMIT rows)."""
        self._promote_unanswered(all_pending)
        due = self._ctx.journal.due_in_flight()
        if not due:  # most passes: nothing in flight
            return ResolveReport()
        run = _Pass()
        for symbol, orders in _by_symbol(due).items():
            try:
                await self._resolve_symbol(symbol, orders, run)
            except ExchangeError as exc:
                log.warning("in_flight_look_failed", symbol=str(symbol), error=str(exc))
                run.errors.append(exc)
        return run.report()

    def _promote_unanswered(self, all_pending: bool) -> None:
        journal = self._ctx.journal
        oldest = journal.now() - self._ctx.settings.pending_submit_grace_ms
        for stored in journal.live_in(OrderStatus.PENDING_SUBMIT):
            if stored.client_order_id in self._sending:
                continue
            if all_pending or stored.created_ms <= oldest:
                why = "PENDING_SUBMIT never answered (process ended mid-send?)"
                applied = journal.apply(stored.client_order_id, Evidence(OrderEvent.AMBIGUOUS, why))
                if applied.changed:
                    journal.schedule(stored.client_order_id, delay_ms=0, note=why)

    async def _resolve_symbol(self, symbol: Symbol, orders: list[StoredOrder], run: _Pass) -> None:
        port = self._ctx.port
        waiting = {stored.client_order_id: stored for stored in orders}
        since = min(o.created_ms for o in orders) - self._ctx.settings.resolve_lookback_ms
        self._match_reports(waiting, await port.open_orders(symbol), "open_orders", run)
        if waiting:
            recent = await port.recent_orders(symbol, since)
            self._match_reports(waiting, recent, "all_orders", run)
        if waiting:
            self._match_fills(waiting, await port.fills(symbol, since), run)
        for stored in waiting.values():
            self._not_found(stored, run)

    def _match_reports(
        self,
        waiting: dict[str, StoredOrder],
        reports: Iterable[ExchangeOrder],
        source: str,
        run: _Pass,
    ) -> None:
        for report in reports:
            stored = waiting.get(report.client_order_id or "")
            if stored is None or not same_order(stored.order.request, report):
                continue
            evidence = from_report(report, stored.order.request, source)
            self._found(waiting, stored, evidence, run)

    def _match_fills(
        self, waiting: dict[str, StoredOrder], fills: Sequence[Fill], run: _Pass
    ) -> None:
        journal = self._ctx.journal
        for (coid, order_id), group in _fills_by_order(fills).items():
            stored = waiting.get(coid)
            if stored is None or group[0].side is not stored.order.request.side:
                continue
            for fill in group:
                journal.record_fill(fill)
            total = journal.filled_total(order_id)
            evidence = from_fill_total(stored.order.request, order_id, total, "user_trades")
            self._found(waiting, stored, evidence, run)

    def _found(
        self, waiting: dict[str, StoredOrder], stored: StoredOrder, evidence: Evidence, run: _Pass
    ) -> None:
        coid = stored.client_order_id
        applied = self._ctx.journal.apply(coid, evidence)
        if applied.ignored:  # e.g. that exchange id is another order's: keep looking
            return
        del waiting[coid]
        run.resolved.append(Resolution(coid, applied.order.status, evidence.source))
        self._identified(coid)

    def _not_found(self, stored: StoredOrder, run: _Pass) -> None:
        settings, journal = self._ctx.settings, self._ctx.journal
        coid = stored.client_order_id
        look = max(stored.resolve_attempts, 1)  # the AMBIGUOUS scheduling counts as look 1
        if look < settings.resolve_max_tries:
            note = f"not found in look {look}/{settings.resolve_max_tries}"
            journal.schedule(coid, delay_ms=settings.resolve_interval_ms, note=note)
            run.waiting.append(coid)
            return
        why = f"not in openOrders, allOrders or user trades after {look} answered looks"
        journal.apply(coid, Evidence(OrderEvent.NOT_FOUND, why))
        log.warning("order_not_placed", client_order_id=coid, looks=look)
        run.not_placed.append(coid)


def _by_symbol(orders: Iterable[StoredOrder]) -> dict[Symbol, list[StoredOrder]]:
    grouped: dict[Symbol, list[StoredOrder]] = defaultdict(list)
    for stored in orders:
        grouped[stored.order.request.symbol].append(stored)
    return grouped


def _fills_by_order(fills: Iterable[Fill]) -> dict[tuple[str, int], list[Fill]]:
    grouped: dict[tuple[str, int], list[Fill]] = defaultdict(list)
    for fill in fills:
        if fill.client_order_id:
            grouped[(fill.client_order_id, fill.order_id)].append(fill)
    return grouped
