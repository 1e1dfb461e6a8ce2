"""One cycle: reconcile → gather a snapshot → plan (pure kernel) → persist → act.

The same runner serves live trading, dry-run (paper exchange) and replay backtests: only the
exchange port, the clock and the execution mode differ.

Order of work and why:

1. Reconcile first (open orders, in-flight resolution, pending cancels, fills, balances), so the
   plan sees the exchange's truth. A failed reconciliation is counted by the OMS (kill switch at
   the threshold) and this cycle makes no plan: deciding on unknown state is how money is lost.
2. Gather: the cycle's state (one short store session: switches and the ledger baseline; order
   state, cooldowns, positions and the risk state are carried in memory, see
   :mod:`btcbot.runtime.state_view`), then market data (WS-first, REST fallback, ages) and
   rules (cached).
3. Plan with the pure kernel.
4. Persist the decision, the risk state and every new order intent (PENDING_SUBMIT) in ONE
   transaction, before any order is sent.
5. Act: cancels before submits; each outcome is persisted by the OMS as it happens, and the
   cycle's outcome (equity, PnL, fills) completes its record. A plan with nothing to send is
   recorded whole in the decision's transaction.

Nothing a cycle does costs more after a year of trading than on day one: no read or write
scans the orders, fills or cycles tables (``bench/cycle_cost.py`` measures it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import structlog

from btcbot.decision.frames import Frame
from btcbot.decision.market import MarketView
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Action, Plan
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Candle, Symbol, SymbolRules, Ticker
from btcbot.domain.trips import Trip
from btcbot.exchange.errors import ExchangeError
from btcbot.exchange.port import ExchangePort
from btcbot.exchange.throttle import RateLimitTally
from btcbot.execution import OrderManager, ReconcileReport, SubmitResult, persist_intents
from btcbot.execution.outcomes import CancelResult
from btcbot.kernel.kernel import PlanningKernel
from btcbot.kernel.profile import Profile
from btcbot.marketdata import MarketDataService, MarketSnapshot, conversion_pairs
from btcbot.risk.equity import moved_in, value_moved
from btcbot.risk.rejects import cooling_symbols, record_rejects
from btcbot.runtime.adaptation import ParamsAdapter
from btcbot.runtime.candles import CandleCache
from btcbot.runtime.foreign_activity import ForeignAlarms
from btcbot.runtime.held_back import log_held_back, read_trips
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.runtime.readings import pnl_divergence
from btcbot.runtime.report import CycleReport, top_reasons
from btcbot.runtime.risk_state_codec import encode_risk_state
from btcbot.runtime.slept import (
    Marks,
    MarkSeries,
    Resting,
    quiet_account,
    quiet_outcome,
    slept_cycles,
    slept_record,
)
from btcbot.runtime.state_view import StateView, read_state
from btcbot.runtime.valuation import HeldValue, cycle_valuation, held_value
from btcbot.store import CycleRecord, DecisionRecord, ExecutionMode, StateStore

log = structlog.get_logger(__name__)

# Orders changed this recently keep their symbol in reconciliation (late fills, cancels).
ACTIVE_WINDOW_MS = 3_600_000


@dataclass
class CycleSettings:
    stage: int
    mode: ExecutionMode
    account_key: str
    symbols: tuple[Symbol, ...]
    kill_switch: bool  # the KILL_SWITCH setting (the store may hold a runtime one too)
    safe_mode: bool
    quote_currency: str = "TRY"
    rules_ttl_ms: int = 300_000
    reconcile_failure_threshold: int = 3  # for the "kill switch at N" in the cycle line


@dataclass
class CycleRunner:
    store: StateStore
    port: ExchangePort
    oms: OrderManager
    market: MarketDataService
    profile: Profile
    settings: CycleSettings
    clock_ms: Callable[[], int]
    heartbeat: Callable[[], None] = lambda: None
    ledger: LedgerGuard | None = None
    adapter: ParamsAdapter | None = None  # set when the profile adapts its parameters
    frames: Callable[[int], Mapping[Symbol, Frame]] | None = None
    """A replay's precomputed candle/indicator frames as of a time (None: from candles)."""
    rate_limits: Callable[[], RateLimitTally] = RateLimitTally  # the limiter's take_tally
    kernel: PlanningKernel = field(default_factory=PlanningKernel)
    _rules: Mapping[Symbol, SymbolRules] = field(default_factory=dict)
    _rules_at_ms: int | None = None
    _error_streak: int = 0
    _fills_seen: int | None = None
    _candles: CandleCache | None = None
    _risk: RiskState | None = None  # carried from the last persisted plan (read once)
    _flow_taken: Decimal | None = None  # the value of a rebase's flow this cycle took in
    _risk_document: tuple[RiskState, dict[str, Any]] | None = None  # its stored form
    _alarms: ForeignAlarms | None = None
    _sequence: int = 1  # of the next cycle (its id ends with it)

    clock_offset: Callable[[], Awaitable[int | None]] | None = None
    """Measures the exchange clock's offset from ours (CLOCK_SKEW); None: not measured."""
    _last_duration_ms: int | None = None
    _resting: Resting | None = None  # set when the last cycle left the account idle
    _books: tuple[Symbol, ...] | None = None  # the books the last gather fetched

    @property
    def idle(self) -> bool:
        """The last cycle left the account idle: a replay may sleep until the strategy's next
        trigger (:mod:`btcbot.runtime.slept`)."""
        return self._resting is not None

    def _cycle_id(self, started: int) -> str:
        sequence, self._sequence = self._sequence, self._sequence + 1
        return f"{self._id_prefix()}-{started}-{sequence}"

    def _id_prefix(self) -> str:
        # account keys may be 64 chars; the id must fit the cycles table's 64-char key
        return f"{self.settings.account_key[:24]}-s{self.settings.stage}"

    async def run_once(self) -> CycleReport:
        report = await self._run(None)
        if report is None:  # only a cycle given marks rests
            raise RuntimeError("a planned cycle made no report")
        return report

    async def run_or_rest(self, marks: Marks) -> CycleReport | None:
        """A replay's cycle at a bar where the strategy would only hold (no trigger): when the
        account is idle once reconciled (:func:`~btcbot.runtime.slept.quiet_account`), the
        cycle is recorded as slept (valued at ``marks(now, books)``) and None returned;
        otherwise it is planned as :meth:`run_once` plans it."""
        return await self._run(marks)

    async def _run(self, rest_marks: Marks | None) -> CycleReport | None:
        started = self.clock_ms()
        cycle_id = self._cycle_id(started)
        self._resting = None
        self._flow_taken = None
        self.heartbeat()
        reconcile = await self.oms.reconcile(self._order_symbols(started))
        state = self._read_state()
        foreign = reconcile.ok and self._raise_foreign_alarms(reconcile, state, started)
        reconcile, state, refused = await self._refuse_unknown_state(
            cycle_id, started, reconcile, state
        )
        if refused is not None:
            return refused
        if (
            rest_marks is not None
            and self._quiet(reconcile, state, state.risk, foreign, started)
            and not self._trips(started)
        ):
            self._rest(cycle_id, started, reconcile, state, rest_marks)
            return None
        try:
            market, rules, tickers, conversion = await self._gather(reconcile)
        except ExchangeError as exc:
            self._error_streak += 1
            log.error("cycle_gather_failed", cycle_id=cycle_id, error=str(exc))
            return self._skip(cycle_id, started, skipped=f"market data unavailable: {exc}")
        gathered = self.clock_ms()
        # the errors before this cycle are the streak the detectors judge (EXCHANGE_DEGRADED)
        prior_errors, self._error_streak = self._error_streak, 0
        candles = await self._recent_candles(market, started)
        marks = _marks(market, tickers)  # the valuation prices of the readings and report
        held = held_value(reconcile.balances, marks, state, self.settings.quote_currency)
        readings = await self._readings(marks, held, state, started)
        # the books are judged at their age now, not when they were read
        market = market.aged(self.clock_ms() - gathered)
        snapshot = self._snapshot(
            cycle_id,
            started,
            market,
            rules,
            tickers,
            candles,
            reconcile,
            state,
            conversion,
            frozen=foreign,
            error_streak=prior_errors,
            readings=readings,
        )
        snapshot = self._take_in_flow(snapshot)
        plan = self.kernel.plan(snapshot, self.profile)
        if plan.submits or plan.cancels:
            self._persist(cycle_id, started, plan, snapshot)
            report = await self._act(
                cycle_id, started, plan, snapshot, market, marks, held, state, reconcile
            )
            self._record_outcome(report)
        else:  # nothing to send: the decision and its outcome land together
            report = await self._act(
                cycle_id, started, plan, snapshot, market, marks, held, state, reconcile
            )
            self._persist(cycle_id, started, plan, snapshot, outcome=report)
            quiet = quiet_outcome(plan, report) and not report.trips
            if quiet and self._quiet(reconcile, state, plan.next_risk_state, foreign, started):
                self._resting = Resting(reconcile.balances, state, tuple(market.books))
        self._record_rejects(plan, report, started)
        if self.adapter is not None:
            self.profile = self.adapter.after_cycle(report, self.profile, started)
        return report

    def _take_in_flow(self, snapshot: Snapshot) -> Snapshot:
        """``snapshot`` with what a ledger rebase accepted (a deposit, a withdrawal) taken out
        of the day's PnL and the drawdown: the day's starting equity and the peak move by its
        value at the marks the kernel values equity at (an asset without one: next cycle)."""
        guard = self.ledger
        if guard is None or not guard.flow:
            return snapshot
        quote = snapshot.quote_currency
        view = MarketView.of(snapshot, self.profile.limits.max_data_age_ms)
        value = value_moved(guard.flow, view.marks_by_base(quote), quote)
        if value is None:
            return snapshot
        log.info("equity_flow_taken_in", value=str(value), currency=quote)
        self._flow_taken = value
        return replace(snapshot, risk_state=moved_in(snapshot.risk_state, value))

    def _quiet(
        self,
        reconcile: ReconcileReport,
        state: StateView,
        risk: RiskState,
        foreign: bool,
        now_ms: int,
    ) -> bool:
        """Whether the account, reconciled, leaves the next plan nothing but holds at a bar
        with no trigger (``risk``: the risk state that plan starts from); the trips in force
        are the caller's to check (a planned cycle's report holds them)."""
        if foreign or self._error_streak or self._books is None or self.adapter is not None:
            return False
        if not self.profile.sleeps_between_triggers or reconcile.unknown_orders:
            return False
        if self.settings.kill_switch or self.settings.safe_mode:
            return False
        return quiet_account(state, risk, now_ms)

    def _rest(
        self,
        cycle_id: str,
        started: int,
        reconcile: ReconcileReport,
        state: StateView,
        marks: Marks,
    ) -> None:
        """Record this cycle as slept, valued as its report would be, fills booked counted."""
        books = self._books or ()
        booked = state.ledger.fills
        new_fills = booked - (booked if self._fills_seen is None else self._fills_seen)
        self._fills_seen = booked
        prices = marks(started, books)
        equity, realized, _ = cycle_valuation(
            reconcile.balances, prices, state, self.settings.quote_currency
        )
        self._last_duration_ms = max(0, self.clock_ms() - started)
        record = slept_record(cycle_id, self.settings.stage, started, equity, realized, new_fills)
        with self.store.session() as session:
            session.cycles.record(record)
        self._resting = Resting(reconcile.balances, state, books)

    def sleep_through(
        self, starts: Sequence[int], marks: Marks, series: MarkSeries | None = None
    ) -> None:
        """Record the cycles at ``starts`` as slept (:mod:`btcbot.runtime.slept`): only after
        a cycle that left the account idle. ``marks(time, books)`` are the valuation marks a
        cycle at ``time`` would see (the tickers' last prices, the mids of ``books``)."""
        resting = self._resting
        if resting is None:
            raise RuntimeError("only an idle runner sleeps (run_once left it busy)")
        slept = slept_cycles(
            resting,
            self._id_prefix(),
            self.settings.stage,
            self._sequence,
            starts,
            marks,
            self.settings.quote_currency,
            series,
        )
        self._sequence += len(slept)
        with self.store.session() as session:
            session.cycles.record_slept(slept)

    async def _refuse_unknown_state(
        self, cycle_id: str, started: int, reconcile: ReconcileReport, state: StateView
    ) -> tuple[ReconcileReport, StateView, CycleReport | None]:
        """No plan on state we cannot trust: a failed reconciliation, or a ledger that does
        not explain the exchange balances.

        A fill can land between the pass's user-trades read and its balance read (the
        balances then hold a trade the ledger has not booked yet). So a first mismatch is
        looked at again once: trades pulled now, balances read again, and only that second
        comparison counts (the returned report and state carry what it used). The first
        mismatch of a streak also re-reads our fills in full before it is believed."""
        if not reconcile.ok:
            self._error_streak += 1
            return reconcile, state, self._skipped(cycle_id, started, reconcile)
        guard = self.ledger
        if guard is None:
            return reconcile, state, None
        foreign = self.oms.book.foreign_recorded_since
        baseline = guard.in_force(reconcile.balances, state.ledger, state.baseline, started)
        if baseline is not state.baseline:
            state = replace(state, baseline=baseline)
        agreed = guard.compare(reconcile.balances, state.ledger, baseline, foreign)
        if agreed.ok:
            if guard.consecutive:  # a mismatch streak ends here (e.g. after a rebase)
                guard.count(agreed, started)
            return reconcile, state, None
        reconcile = await self._settled(reconcile)
        state = replace(self._read_state(), baseline=baseline)
        check = guard.compare(reconcile.balances, state.ledger, baseline, foreign)
        if not check.ok and guard.consecutive == 0:
            ledger = self.oms.journal.reload_book()
            if ledger != state.ledger:
                log.warning("ledger_reloaded", carried=state.ledger.fills, stored=ledger.fills)
                state = replace(state, ledger=ledger)
            check = guard.compare(reconcile.balances, ledger, baseline, foreign)
        guard.count(check, started)
        if check.ok:
            return reconcile, state, None
        refused = self._skip(
            cycle_id,
            started,
            skipped=guard.explain(check),
            kill_switch_tripped=guard.consecutive >= guard.threshold,
        )
        return reconcile, state, refused

    async def _settled(self, reconcile: ReconcileReport) -> ReconcileReport:
        """``reconcile`` with balances read after pulling the trades made meanwhile."""
        synced = await self.oms.sync_fills(self._order_symbols(reconcile.at_ms))
        if synced.errors:
            return reconcile  # the mismatch stands; the failure is counted by the OMS
        try:
            balances = await self.port.balances()
        except ExchangeError as exc:
            log.warning("ledger_recheck_failed", error=str(exc))
            return reconcile
        return replace(reconcile, balances=MappingProxyType(dict(balances)))

    def _raise_foreign_alarms(
        self, reconcile: ReconcileReport, state: StateView, now_ms: int
    ) -> bool:
        """Exchange orders and fills we did not place set the sticky unknown-order freeze
        (before the ledger check, which such fills also upset); nothing of theirs is booked.
        True when something foreign was found (the freeze holds from this cycle on)."""
        if self._alarms is None:
            self._alarms = ForeignAlarms(self.settings.account_key)
        activity = self._alarms.raise_alarms(
            self.store, self.oms.book, reconcile.unknown_orders, state.live, now_ms
        )
        return activity.found

    def _read_state(self) -> StateView:
        """The one state read of the cycle, shared by the ledger guard and the kernel."""
        with self.store.session() as session:
            return read_state(
                session,
                self.settings.account_key,
                self.oms.journal,
                risk=self._risk,
                guard=self.ledger,
            )

    async def _readings(
        self,
        marks: Mapping[Symbol, Decimal],
        held: HeldValue,
        state: StateView,
        now_ms: int,
    ) -> dict[str, Any]:
        """What the anomaly detectors need that only the runtime can measure (``held``: the
        reconciled balances and the positions at ``marks``)."""
        divergence = None
        if state.baseline is not None:
            divergence = pnl_divergence(
                held.holdings,
                held.unrealized,
                state.baseline.balances,
                state.ledger.positions,
                marks,
                self.settings.quote_currency,
            )
        override = state.op.degrade_override_at(now_ms)
        live = self.settings.mode is ExecutionMode.LIVE
        return {
            "previous_cycle_ms": self._last_duration_ms,
            "clock_offset_ms": await self._clock_offset(),
            "fills_cursor": dict(state.ledger.cursor) if live else None,
            "pnl_divergence": divergence,
            "mode_override": Mode(override) if override is not None else None,
        }

    async def _clock_offset(self) -> int | None:
        if self.clock_offset is None:
            return None
        try:
            return await self.clock_offset()
        except ExchangeError as exc:
            log.warning("clock_offset_unmeasured", error=str(exc))
            return None

    def _record_rejects(self, plan: Plan, report: CycleReport, now_ms: int) -> None:
        """This cycle's rejects go into the stored risk state: the reject-spike count and the
        1123 cooldowns (kept across restarts)."""
        by_id = {s.request.client_order_id: s.request.symbol for s in plan.submits}
        rejected = []
        for line in report.rejections:
            coid, _, reason = line.partition(": ")
            if coid in by_id:
                rejected.append((by_id[coid], reason))
        state = record_rejects(plan.next_risk_state, rejected, now_ms, self.profile.reject_cooldown)
        if state is plan.next_risk_state or state == plan.next_risk_state:
            return
        with self.store.session() as session:
            session.documents.put(self.settings.account_key, self._encoded(state), now_ms=now_ms)
        self._risk = state

    def _encoded(self, state: RiskState) -> dict[str, Any]:
        """The stored form of ``state``; the last one's is kept (a risk state is a value, and
        most cycles carry the previous one unchanged)."""
        if self._risk_document is None or self._risk_document[0] is not state:
            self._risk_document = (state, encode_risk_state(state))
        return self._risk_document[1]

    # --- gather ------------------------------------------------------------------------------

    def _order_symbols(self, now_ms: int) -> tuple[Symbol, ...]:
        """The configured symbols, plus those with a live order or one changed lately (their
        fills and open orders must be reconciled too)."""
        active = self.oms.journal.touched_since(now_ms - ACTIVE_WINDOW_MS)
        return tuple(dict.fromkeys([*self.settings.symbols, *sorted(active)]))

    async def _gather(
        self, reconcile: ReconcileReport
    ) -> tuple[
        MarketSnapshot, Mapping[Symbol, SymbolRules], Mapping[Symbol, Ticker], frozenset[Symbol]
    ]:
        """Books of what may be traded plus the conversion books their quote currencies
        need (``USDT_TRY`` for ``BTC_USDT``: every cap is in TRY); the last item is the set
        of symbols fetched only for conversion."""
        rules = await self._current_rules()
        tickers = await self.port.tickers()  # universe input (profile 7) and valuation marks
        traded = self._book_symbols(rules, tickers, reconcile)
        account = self.settings.quote_currency
        conversion = [s for s in conversion_pairs(traded, account, rules) if s not in traded]
        market = await self.market.snapshot((*traded, *conversion))
        self._books = tuple(market.books)
        return market, rules, tickers, frozenset(conversion)

    def _book_symbols(
        self,
        rules: Mapping[Symbol, SymbolRules],
        tickers: Mapping[Symbol, Ticker],
        reconcile: ReconcileReport,
    ) -> tuple[Symbol, ...]:
        """Books to fetch: what the profile's universe rule asks for (the configured symbols;
        a ranked universe adds its candidates and every asset it holds)."""
        return self.profile.book_symbols(self.settings.symbols, rules, tickers, reconcile.balances)

    async def _recent_candles(
        self, market: MarketSnapshot, now_ms: int
    ) -> Mapping[Symbol, tuple[Candle, ...]]:
        """The recent closed candles the profile's strategy asks for (none: no fetch)."""
        count = self.profile.requirements.bars_to_fetch
        if not count:
            return {}
        if self._candles is None:
            self._candles = CandleCache(self.port)
        return await self._candles.get(market.books, count, now_ms)

    async def _current_rules(self) -> Mapping[Symbol, SymbolRules]:
        now = self.clock_ms()
        fresh = (
            self._rules_at_ms is not None and now - self._rules_at_ms < self.settings.rules_ttl_ms
        )
        if not fresh:
            self._rules = await self.port.exchange_rules()
            self._rules_at_ms = now
        return self._rules

    def _snapshot(
        self,
        cycle_id: str,
        now_ms: int,
        market: MarketSnapshot,
        rules: Mapping[Symbol, SymbolRules],
        tickers: Mapping[Symbol, Ticker],
        candles: Mapping[Symbol, tuple[Candle, ...]],
        reconcile: ReconcileReport,
        state: StateView,
        conversion: frozenset[Symbol],
        *,
        frozen: bool,
        error_streak: int,
        readings: Mapping[str, Any],
    ) -> Snapshot:
        """``frozen``: foreign activity set the unknown-order freeze this cycle."""
        frozen = frozen or state.op.freeze_active or bool(reconcile.unknown_orders)
        books = market.books.items()
        return Snapshot(
            cycle_id=cycle_id,
            now_ms=now_ms,
            books={symbol: view.book for symbol, view in books if symbol not in conversion},
            conversion_books={s: view.book for s, view in books if s in conversion},
            tickers=tickers,
            candles=candles,
            frames=self.frames(now_ms) if self.frames is not None else {},
            rules=rules,
            balances=reconcile.balances,
            positions=state.ledger.positions,
            open_orders=state.open_orders(),
            last_submit_ms=state.last_submit_ms,
            data_age_ms=market.ages_ms,
            risk_state=state.risk,
            unknown_order_count=1 if frozen else 0,
            unresolved_orders=state.unresolved,
            exchange_error_streak=error_streak,
            kill_switch=self.settings.kill_switch or state.op.kill_switch,
            safe_mode=self.settings.safe_mode,
            stop_entries=state.op.stop_entries,
            quote_currency=self.settings.quote_currency,
            **readings,
        )

    # --- persist and act ------------------------------------------------------------------

    def _persist(
        self,
        cycle_id: str,
        now_ms: int,
        plan: Plan,
        snapshot: Snapshot,
        *,
        outcome: CycleReport | None = None,
    ) -> None:
        """The decision (intents, risk state, cycle record) in one transaction, committed
        before anything is sent; with ``outcome`` the record is complete at once."""
        completed = (
            {"summary": {"kill_switch": snapshot.kill_switch, "safe_mode": snapshot.safe_mode}}
            if outcome is None
            else _outcome_fields(outcome)
        )
        record = CycleRecord(
            cycle_id=cycle_id,
            stage=self.settings.stage,
            started_ms=now_ms,
            mode=self.settings.mode,
            risk_mode=plan.mode.value,
            submits=len(plan.submits),
            cancels=len(plan.cancels),
            plan_fingerprint=plan.fingerprint(),
            **completed,
        )
        decisions = [
            DecisionRecord(
                layer=d.layer.value,
                action=d.action.value,
                reason_code=d.reason_code,
                symbol=d.symbol.normalized if d.symbol else None,
                detail=d.detail or None,
            )
            for d in plan.decisions
        ]
        risk = self._encoded(plan.next_risk_state)
        with self.store.session() as session:
            persisted = persist_intents(session.orders, plan.submits, self.settings.mode, now_ms)
            session.documents.put(self.settings.account_key, risk, now_ms=now_ms)
            session.cycles.record(record, decisions)
            if self._flow_taken is not None:  # the risk state above has it: done with it
                assert self.ledger is not None
                self.ledger.settle_flow(session)
                if self.adapter is not None:
                    self.adapter.moved_in(self._flow_taken)
                self._flow_taken = None
        self.oms.journal.track(persisted)
        self._risk = plan.next_risk_state

    async def _act(
        self,
        cycle_id: str,
        started: int,
        plan: Plan,
        snapshot: Snapshot,
        market: MarketSnapshot,
        marks: Mapping[Symbol, Decimal],
        held: HeldValue,
        state: StateView,
        reconcile: ReconcileReport,
    ) -> CycleReport:
        """Send the plan's cancels and submits; the report values the reconciled balances
        (``held``, as valued before the plan). A submit whose book has grown older than the
        freshness limit while the ones before it were sent (a slow exchange: each call may wait
        its timeout) is held back, as the plan would have held it (``stale_market_data``)."""
        planned = self.clock_ms()
        cancels_sent = 0
        for cancel in plan.cancels:
            outcome = await self.oms.cancel(cancel.client_order_id, cancel.reason)
            cancels_sent += outcome.result in (CancelResult.REQUESTED, CancelResult.UNKNOWN)
        results: list[SubmitResult] = []
        rejections: list[str] = []
        held_back: list[str] = []
        for submit in plan.submits:
            age = self._age_at_send(submit.request.symbol, market, planned)
            if age is not None:
                log.warning(
                    "submit_held_back",
                    cycle_id=cycle_id,
                    client_order_id=submit.request.client_order_id,
                    symbol=submit.request.symbol.normalized,
                    book_age_ms=age,
                    max_age_ms=self.profile.limits.max_data_age_ms,
                    reason_code="stale_market_data",
                )
                held_back.append("stale_market_data")
                continue
            submitted = await self.oms.submit(submit.request, submit.reason)
            results.append(submitted.result)
            if submitted.result is SubmitResult.REJECTED:
                rejections.append(f"{submit.request.client_order_id}: {submitted.reason}")
        equity, realized, unrealized = cycle_valuation(
            reconcile.balances, marks, state, self.settings.quote_currency, held
        )
        booked = state.ledger.fills
        new_fills = booked - (booked if self._fills_seen is None else self._fills_seen)
        self._fills_seen = booked
        blocked = [d.reason_code for d in plan.decisions if d.action in (Action.BLOCK, Action.CAP)]
        blocked += held_back
        return self._new_report(
            cycle_id,
            started,
            risk_mode=plan.mode.value,
            planned_submits=len(plan.submits),
            planned_cancels=len(plan.cancels),
            accepted=results.count(SubmitResult.ACCEPTED),
            rejected=results.count(SubmitResult.REJECTED),
            in_flight=results.count(SubmitResult.IN_FLIGHT),
            cancels_sent=cancels_sent,
            fills=new_fills,
            decisions=len(plan.decisions),
            blocked=top_reasons(blocked),
            equity=equity,
            realized_pnl=realized,
            unrealized_pnl=unrealized,
            stale_symbols=tuple(sorted(s.normalized for s in market.missing)),
            old_symbols=tuple(
                sorted(s.normalized for s in market.too_old(self.profile.limits.max_data_age_ms))
            ),
            data_ages_ms=tuple(sorted((s.normalized, a) for s, a in market.ages_ms.items())),
            kill_switch=snapshot.kill_switch,
            rejections=tuple(rejections),
            anomalies=plan.next_risk_state.anomalies,
            degrade_level=(
                plan.next_risk_state.degrade_level if self.profile.risk.degrade_levels else None
            ),
            cooling_symbols=tuple(
                sorted(s.normalized for s in cooling_symbols(snapshot.risk_state, started))
            ),
        )

    def _age_at_send(self, symbol: Symbol, market: MarketSnapshot, planned: int) -> int | None:
        """The age of ``symbol``'s book now, when the time since the plan (``planned``) made it
        older than the freshness limit; None while it is fresh enough to send on."""
        late = self.clock_ms() - planned
        view = market.books.get(symbol)
        if late <= 0 or view is None:  # a replay's clock stands still within a cycle
            return None
        age = view.age_ms + late
        return age if age > self.profile.limits.max_data_age_ms else None

    def _skipped(self, cycle_id: str, started: int, reconcile: ReconcileReport) -> CycleReport:
        log.error(
            "cycle_skipped_reconcile_failed",
            cycle_id=cycle_id,
            error=reconcile.error,
            failures=reconcile.failures,
            kill_switch_tripped=reconcile.kill_switch_tripped,
        )
        return self._skip(
            cycle_id,
            started,
            skipped=f"reconciliation failed ({reconcile.failures} in a row): {reconcile.error}",
            reconcile_ok=False,
            reconcile_error=reconcile.error,
            kill_switch_tripped=reconcile.kill_switch_tripped,
        )

    def _skip(self, cycle_id: str, started: int, **values: object) -> CycleReport:
        """A cycle that made no plan, recorded whole."""
        report = self._new_report(cycle_id, started, **values)
        record = CycleRecord(
            cycle_id=report.cycle_id,
            stage=report.stage,
            started_ms=report.started_ms,
            mode=self.settings.mode,
            **_outcome_fields(report),
        )
        with self.store.session() as session:
            session.cycles.record(record)
        return report

    def _new_report(self, cycle_id: str, started: int, **values: object) -> CycleReport:
        """The cycle's report, with what holds the agent back at its end (logged too)."""
        self._last_duration_ms = max(0, self.clock_ms() - started)
        now = self.clock_ms()
        trips = self._trips(now)
        report = CycleReport(
            cycle_id=cycle_id,
            stage=self.settings.stage,
            execution=self.settings.mode.value,
            started_ms=started,
            duration_ms=max(0, now - started),
            trips=trips,
            rate_limits=self.rate_limits(),
            **values,  # type: ignore[arg-type]
        )
        log_held_back(report)
        return report

    def _trips(self, now_ms: int) -> tuple[Trip, ...]:
        return read_trips(
            self.store,
            self.settings.account_key,
            settings_kill_switch=self.settings.kill_switch,
            settings_safe_mode=self.settings.safe_mode,
            reconcile_threshold=self.settings.reconcile_failure_threshold,
            ledger=self.ledger,
            now_ms=now_ms,
        )

    def _record_outcome(self, report: CycleReport) -> None:
        """Complete a planned cycle (recorded before acting) with what its actions did."""
        with self.store.session() as session:
            session.cycles.finish(report.cycle_id, **_outcome_fields(report))


def _outcome_fields(report: CycleReport) -> dict[str, Any]:
    """What a cycle's outcome sets on its record (``CycleRepository.finish``)."""
    return {
        "ended_ms": report.started_ms + report.duration_ms,
        "fills": report.fills,
        "realized_pnl": report.realized_pnl,
        "equity": report.equity,
        "summary": {
            "skipped": report.skipped,
            "accepted": report.accepted,
            "rejected": report.rejected,
            "in_flight": report.in_flight,
            "cancels_sent": report.cancels_sent,
            "stale_symbols": list(report.stale_symbols),
            "kill_switch": report.kill_switch,
            "reconcile_ok": report.reconcile_ok,
            "anomalies": list(report.anomalies),
            "degrade_level": report.degrade_level,
        },
    }


def _marks(market: MarketSnapshot, tickers: Mapping[Symbol, Ticker]) -> dict[Symbol, Decimal]:
    marks = {symbol: ticker.last for symbol, ticker in tickers.items() if ticker.last > 0}
    marks.update({s: mid for s, v in market.books.items() if (mid := v.book.mid) is not None})
    return marks
