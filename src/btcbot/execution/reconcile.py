"""Reconciliation: the store's live orders against what the exchange shows (start-up and loop).

One pass, per symbol (the requested ones plus every symbol with a live local order):

1. due IN_FLIGHT orders climb the resolution ladder (at start-up: every PENDING_SUBMIT too);
2. exchange open orders are matched to ours by exchange id (or client id while an order waits
   for its id); open orders that are not ours — or that contradict a finished local state —
   are reported as ``unknown_orders`` (the kernel's unknown-order freeze input), never
   imported;
3. our OPEN / PARTIALLY_FILLED orders missing from the exchange's open orders are looked up by
   id and take the state the exchange shows; pending cancels are proven by ``order/{id}``;
4. user trades are pulled (fills), balances fetched.

Symbols where we have no live order are swept (their open orders and fills can only be someone
else's) while the rate budget has room to spare and at least every
``idle_sweep_max_interval_ms``; symbols with a live order of ours are read every pass. A
thorough pass (start-up, a gap in the private stream) reads everything.

A venue that sees every change to its account (the replay's:
:class:`~btcbot.exchange.port.AccountActivity`) lets a pass be skipped when it can prove the
pass would find nothing: no order of ours is live, the symbols were all read by the last pass,
that pass was clean (no foreign order), and the venue's account has not changed since it
began. Every read would then return what it did (no open order, only fills already booked,
the same balances) and nothing would be resolved, proven or stored: the pass's report is the
last one's balances at the new time. Start-up and thorough passes always read.

An order stays live in the store until the exchange shows a terminal state. Only exchange
errors (:class:`ExchangeError`) are caught, and any of them makes the pass a failure: counted in
the store, reset by a fully successful pass, tripping the kill switch at the threshold count or
time (:mod:`btcbot.execution.failures`). A pass has a deadline (``reconcile_pass_timeout_ms``):
under an outage every read retries with backoff, and a pass that runs out of time fails and is
counted like an exchange error, so one pass cannot take minutes (a venue in memory, the
replay's, has none: nothing there can hang); while failures are being
counted, a pass also ends when the time bound is reached, so the kill switch trips on time.
Cutting a pass short is safe:
it only reads, and the one write it may repeat (a cancel re-send) stays pending until proven.
The report carries all of it so the runtime can print it; a failed start-up pass is refused by
:meth:`OrderManager.startup`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import structlog

from btcbot.domain import Balance, OrderStatus, Symbol
from btcbot.domain.slots import fast_init
from btcbot.exchange.errors import ExchangeError
from btcbot.exchange.port import AccountActivity
from btcbot.exchange.read_budget import ReadKind
from btcbot.exchange.reports import ExchangeOrder
from btcbot.execution.cancels import Canceller, PendingCancelReport
from btcbot.execution.context import OmsContext
from btcbot.execution.evidence import from_report, same_order
from btcbot.execution.failures import PassTimedOut, is_retryable
from btcbot.execution.fills import FillSync, FillSyncReport
from btcbot.execution.resolution import InFlightResolver, Resolution, ResolveReport
from btcbot.store import StoredOrder

log = structlog.get_logger(__name__)

_LOOKED_UP_WHEN_MISSING = frozenset({OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED})


@fast_init
@dataclass(frozen=True, slots=True)
class ReconcileReport:
    ok: bool
    at_ms: int
    unknown_orders: tuple[ExchangeOrder, ...] = ()
    changed: tuple[Resolution, ...] = ()  # local orders the open-order comparison moved
    in_flight: ResolveReport = field(default_factory=ResolveReport)
    pending_cancels: PendingCancelReport = field(default_factory=PendingCancelReport)
    fills: FillSyncReport = field(default_factory=FillSyncReport)
    balances: Mapping[str, Balance] = field(default_factory=lambda: MappingProxyType({}))
    error: str | None = None
    failures: int = 0  # consecutive failed passes (0 after a success)
    kill_switch_tripped: bool = False
    retryable: bool = True  # False: a definitive refusal (e.g. 401) a retry will not fix


# what a pass that finds nothing reports (values: shared by every such report)
_NOTHING_RESOLVED = ResolveReport()
_NO_CANCELS = PendingCancelReport()
_NO_FILLS = FillSyncReport()


@fast_init
@dataclass(frozen=True, slots=True)
class _Clean:
    """What the last clean pass read, and the venue's account version when it began."""

    version: int
    symbols: frozenset[Symbol]
    balances: Mapping[str, Balance]


@dataclass
class _Pass:
    unknown: list[ExchangeOrder] = field(default_factory=list)
    changed: list[Resolution] = field(default_factory=list)
    errors: list[ExchangeError] = field(default_factory=list)


class Reconciler:
    def __init__(
        self,
        ctx: OmsContext,
        resolver: InFlightResolver,
        canceller: Canceller,
        fills: FillSync,
        activity: AccountActivity | None = None,
    ) -> None:
        self._ctx = ctx
        self._resolver = resolver
        self._canceller = canceller
        self._fills = fills
        self._swept_ms: dict[Symbol, int] = {}  # when each idle symbol's open orders were read
        self._activity = activity
        self._clean: _Clean | None = None  # the last clean pass (with ``activity`` only)

    async def run(
        self, symbols: Iterable[Symbol], *, startup: bool = False, thorough: bool = False
    ) -> ReconcileReport:
        at_ms = self._ctx.journal.now()
        thorough = thorough or startup
        wanted = set(symbols)
        unchanged = None if thorough else self._unchanged(at_ms, wanted)
        if unchanged is not None:
            return unchanged
        version = None if self._activity is None else self._activity.account_version()
        report = await self._deadlined(at_ms, wanted, startup, thorough)
        self._clean = None
        if version is not None and report.ok and not report.unknown_orders:
            self._clean = _Clean(version, frozenset(wanted), report.balances)
        return report

    def _unchanged(self, at_ms: int, wanted: set[Symbol]) -> ReconcileReport | None:
        """The report of a pass proven to find nothing (see the module docstring), or None:
        read."""
        clean, activity = self._clean, self._activity
        if clean is None or activity is None or self._ctx.journal.has_live():
            return None
        if not wanted <= clean.symbols or activity.account_version() != clean.version:
            return None
        self._ctx.failures.reset()  # as after any successful pass (already clear)
        return ReconcileReport(
            ok=True,
            at_ms=at_ms,
            in_flight=_NOTHING_RESOLVED,
            pending_cancels=_NO_CANCELS,
            fills=_NO_FILLS,
            balances=clean.balances,
        )

    async def _deadlined(
        self, at_ms: int, wanted: set[Symbol], startup: bool, thorough: bool
    ) -> ReconcileReport:
        """One pass, cut at its deadline (none for a venue in memory: see OmsSettings)."""
        limit_ms = self._ctx.settings.reconcile_pass_timeout_ms
        if limit_ms is None:
            return await self._pass(at_ms, wanted, startup, thorough)
        timeout_s = limit_ms / 1000
        left_ms = self._ctx.failures.time_left_ms()
        if left_ms is not None and left_ms > 0:  # failing: end this pass by the time bound
            timeout_s = min(timeout_s, left_ms / 1000)
        try:
            async with asyncio.timeout(timeout_s):
                return await self._pass(at_ms, wanted, startup, thorough)
        except TimeoutError:
            return self._failed(
                at_ms,
                PassTimedOut(
                    f"the pass took longer than {timeout_s:.3g}s (RECONCILE_PASS_TIMEOUT_SECONDS, "
                    "or the time left before RECONCILE_FAILURE_MAX_SECONDS): the exchange is not "
                    "answering in time"
                ),
            )

    async def _pass(
        self, at_ms: int, wanted: set[Symbol], startup: bool, thorough: bool
    ) -> ReconcileReport:
        run = _Pass()
        try:
            in_flight = await self._resolver.resolve(all_pending=startup)
            await self._compare_open_orders(wanted, run, thorough)
            cancels = await self._canceller.prove_pending()
            fills = await self._fills.sync(wanted, thorough=thorough)
            balances = await self._ctx.port.balances()
        except ExchangeError as exc:
            return self._failed(at_ms, exc)
        error = _first([*in_flight.errors, *run.errors, *cancels.errors, *fills.errors])
        if error is not None:
            return self._failed(at_ms, error)
        self._ctx.failures.reset()
        if run.unknown:
            log.warning("unknown_open_orders", orders=[_describe(o) for o in run.unknown])
        return ReconcileReport(
            ok=True,
            at_ms=at_ms,
            unknown_orders=tuple(run.unknown),
            changed=tuple(run.changed),
            in_flight=in_flight,
            pending_cancels=cancels,
            fills=fills,
            balances=MappingProxyType(dict(balances)),
        )

    def _failed(self, at_ms: int, error: ExchangeError | PassTimedOut) -> ReconcileReport:
        record = self._ctx.failures.record("reconcile", error, started_ms=at_ms)
        return ReconcileReport(
            ok=False,
            at_ms=at_ms,
            error=record.error,
            failures=record.failures,
            kill_switch_tripped=record.tripped,
            retryable=is_retryable(error),
        )

    async def _compare_open_orders(self, wanted: set[Symbol], run: _Pass, thorough: bool) -> None:
        ours = self._ctx.journal.live_symbols()
        for symbol in sorted(wanted | ours):
            if not (thorough or symbol in ours or self._sweep_due(symbol)):
                continue
            self._swept_ms[symbol] = self._ctx.journal.now()
            try:
                reports = await self._ctx.port.open_orders(symbol)
                mine = [o for o in self._ctx.journal.live() if o.order.request.symbol == symbol]
                self._claim_open(reports, run)
                await self._look_up_missing(mine, {r.order_id for r in reports}, run)
            except ExchangeError as exc:
                run.errors.append(exc)

    def _sweep_due(self, symbol: Symbol) -> bool:
        """An idle symbol's open orders: read while the budget has room to spare, and at
        least every ``idle_sweep_max_interval_ms``."""
        last = self._swept_ms.get(symbol)
        if last is None:
            return True
        overdue = self._ctx.journal.now() - last >= self._ctx.settings.idle_sweep_max_interval_ms
        return overdue or self._ctx.budget.spare(ReadKind.OPEN_ORDERS)

    def _claim_open(self, reports: Sequence[ExchangeOrder], run: _Pass) -> None:
        """Every exchange open order is ours (and updates us) or is reported unknown."""
        journal = self._ctx.journal
        for report in reports:
            owner = journal.owner(report.order_id, report.client_order_id)
            if owner is None or not same_order(owner.order.request, report):
                run.unknown.append(report)
                continue
            applied = journal.apply(
                owner.client_order_id, from_report(report, owner.order.request, "open_orders")
            )
            if applied.ignored:  # open on the exchange, finished here: a contradiction
                run.unknown.append(report)
            elif applied.changed:
                run.changed.append(_resolution(applied.order, "open_orders"))

    async def _look_up_missing(
        self, mine: Sequence[StoredOrder], open_ids: set[int], run: _Pass
    ) -> None:
        for stored in mine:
            exchange_id = stored.order.exchange_order_id
            if stored.status not in _LOOKED_UP_WHEN_MISSING or exchange_id is None:
                continue
            if exchange_id in open_ids:
                continue
            report = await self._ctx.port.order(exchange_id)
            if report is None:
                log.error(
                    "live_order_unknown_to_exchange",
                    client_order_id=stored.client_order_id,
                    exchange_order_id=exchange_id,
                )
                continue
            evidence = from_report(report, stored.order.request, "order")
            applied = self._ctx.journal.apply(stored.client_order_id, evidence)
            if applied.changed:
                run.changed.append(_resolution(applied.order, "order"))


def _first(errors: Sequence[ExchangeError]) -> ExchangeError | None:
    return errors[0] if errors else None


def _resolution(stored: StoredOrder, source: str) -> Resolution:
    return Resolution(stored.client_order_id, stored.status, source)


def _describe(report: ExchangeOrder) -> str:
    return f"{report.symbol} {report.side} id={report.order_id} client={report.client_order_id}"
