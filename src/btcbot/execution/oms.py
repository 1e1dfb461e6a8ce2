"""``OrderManager``: the one place orders are sent, canceled, resolved and reconciled.

Typical use by the runtime (one cycle)::

    report = await oms.reconcile(symbols)                     # in-flight, open, cancels, fills
    with store.session() as session:                          # the cycle's transaction
        stored = persist_intents(session.orders, plan.submits, mode, now_ms)  # before any send
        ...                                                   # decisions, risk state
    oms.journal.track(stored)                                 # carried from now on
    for cancel in plan.cancels:
        await oms.cancel(cancel.client_order_id, cancel.reason)
    for planned in plan.submits:
        await oms.submit(planned.request, planned.reason)    # each outcome in its own tx

At start-up :meth:`OrderManager.startup` must succeed before live trading begins. The store is
a :class:`~btcbot.store.StateStore` (an engine gets the SQL one); order state and the ledger of
our fills are read from it once, here, and carried in memory from then on (``journal``,
``book``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Engine

from btcbot.accounting import LedgerView
from btcbot.domain import OrderRequest, Symbol
from btcbot.exchange.errors import ExchangeError
from btcbot.exchange.events import PrivateEvidence
from btcbot.exchange.port import AccountActivity, ExchangePort
from btcbot.exchange.read_budget import UNLIMITED, ReadBudget
from btcbot.execution.booking import FillBook
from btcbot.execution.cancels import Canceller, PendingCancelReport
from btcbot.execution.context import OmsContext
from btcbot.execution.errors import ReconciliationFailed
from btcbot.execution.failures import FailureRecord, ReconcileFailures
from btcbot.execution.fills import FillSync, FillSyncReport
from btcbot.execution.journal import Journal
from btcbot.execution.outcomes import CancelOutcome, SubmitOutcome
from btcbot.execution.private_events import EventResult, PrivateEventHandler
from btcbot.execution.reconcile import Reconciler, ReconcileReport
from btcbot.execution.resolution import InFlightResolver, ResolveReport
from btcbot.execution.settings import OmsSettings
from btcbot.execution.submits import Submitter
from btcbot.store import ExecutionMode, StateStore, StoredOrder, as_store


class OrderManager:
    def __init__(
        self,
        store: StateStore | Engine,
        port: ExchangePort,
        *,
        mode: ExecutionMode | str,
        clock_ms: Callable[[], int],
        account_key: str = "main",
        settings: OmsSettings | None = None,
        budget: ReadBudget = UNLIMITED,
        activity: AccountActivity | None = None,
    ) -> None:
        """``activity``: a venue that sees every change to its account (the replay) lets the
        reconciliation skip passes it proves would find nothing (:mod:`.reconcile`)."""
        config = settings or OmsSettings()
        state = as_store(store)
        failures = ReconcileFailures(
            state,
            account_key,
            config.reconcile_failure_threshold,
            clock_ms,
            max_failing_ms=config.reconcile_failure_max_ms,
        )
        journal = Journal(state, ExecutionMode(mode), clock_ms)
        self._ctx = OmsContext(port, journal, failures, config, budget)
        self._fills = FillSync(self._ctx)
        self._submitter = Submitter(self._ctx, self._identified)
        self._resolver = InFlightResolver(self._ctx, self._identified, self._submitter.sending)
        self._canceller = Canceller(self._ctx)
        self._events = PrivateEventHandler(self._ctx, self._fills, self._identified)
        self._reconciler = Reconciler(
            self._ctx, self._resolver, self._canceller, self._fills, activity
        )
        #: The last counted reconciliation failure of a standalone pass (resolve, cancels,
        #: fills); ``reconcile()`` reports its own in :class:`ReconcileReport`.
        self.last_failure: FailureRecord | None = None

    # --- order entry -----------------------------------------------------------------------

    async def submit(self, request: OrderRequest, reason: str) -> SubmitOutcome:
        """Send an intent already persisted as PENDING_SUBMIT; record the outcome at once."""
        return await self._submitter.submit(request, reason)

    async def cancel(self, client_order_id: str, reason: str) -> CancelOutcome:
        """Ask for a cancel; it stays PENDING_CANCEL until the exchange proves it."""
        return await self._canceller.cancel(client_order_id, reason)

    # --- evidence --------------------------------------------------------------------------

    async def resolve_in_flight(self) -> ResolveReport:
        """One look at every due IN_FLIGHT order (a failed query counts a reconcile failure)."""
        self._ctx.journal.refresh()
        report = await self._resolver.resolve()
        self._count_errors("resolve_in_flight", report.errors)
        return report

    async def prove_pending_cancels(self) -> PendingCancelReport:
        self._ctx.journal.refresh()
        report = await self._canceller.prove_pending()
        self._count_errors("prove_pending_cancels", report.errors)
        return report

    async def sync_fills(self, symbols: Iterable[Symbol]) -> FillSyncReport:
        """Pull user trades for ``symbols`` now (whatever is due)."""
        self._ctx.journal.refresh()
        report = await self._fills.sync(symbols, thorough=True)
        self._count_errors("sync_fills", report.errors)
        return report

    def on_private_event(self, event: PrivateEvidence) -> EventResult:
        """Apply one private WS event (fill, insert, delete, match, stream gap)."""
        return self._events.handle(event)

    @property
    def reconcile_requested(self) -> bool:
        """True after a private stream gap until the next successful reconciliation."""
        return self._events.gap_seen

    # --- reconciliation --------------------------------------------------------------------

    async def reconcile(
        self, symbols: Iterable[Symbol], *, thorough: bool = False
    ) -> ReconcileReport:
        """Full pass against the exchange; failures are counted and may trip the kill switch.

        Symbols without a live order of ours are swept as the rate budget allows, unless the
        pass is ``thorough`` (asked for, or after a gap in the private stream)."""
        thorough = thorough or self._events.gap_seen
        self._ctx.journal.refresh()
        report = await self._reconciler.run(symbols, thorough=thorough)
        if report.ok:
            self._events.gap_seen = False
        return report

    async def startup(self, symbols: Iterable[Symbol]) -> ReconcileReport:
        """Start-up reconciliation (every PENDING_SUBMIT row is resolved as in flight).

        Raises :class:`ReconciliationFailed` when the exchange could not be compared: live
        trading must not start.
        """
        self._ctx.journal.refresh()
        report = await self._reconciler.run(symbols, startup=True)
        if not report.ok:
            raise ReconciliationFailed(report)
        self._events.gap_seen = False
        return report

    def live_orders(self) -> list[StoredOrder]:
        """Every order of this mode not yet terminal (lost ones included), oldest first."""
        self._ctx.journal.refresh()
        return self._ctx.journal.live()

    @property
    def journal(self) -> Journal:
        """Order state as the OMS carries it (the cycle reads live orders, cooldowns and
        recent activity here, and hands it the intents it persisted)."""
        return self._ctx.journal

    @property
    def book(self) -> FillBook:
        """Our fills booked, foreign ones apart."""
        return self._ctx.journal.book

    def ledger(self) -> LedgerView:
        """Positions, PnL and the balance effect of our booked fills, now."""
        return self._ctx.journal.book.ledger()

    # --- internals -------------------------------------------------------------------------

    def _identified(self, client_order_id: str) -> None:
        """An order just learnt its exchange id: book fills and WS events that came first."""
        stored = self._ctx.journal.get(client_order_id)
        exchange_id = None if stored is None else stored.order.exchange_order_id
        if exchange_id is None:
            return
        self._fills.catch_up(client_order_id, exchange_id, "stored_fills")
        self._events.replay(exchange_id)

    def _count_errors(self, where: str, errors: Iterable[ExchangeError]) -> None:
        first = next(iter(errors), None)
        if first is not None:
            self.last_failure = self._ctx.failures.record(where, first)
