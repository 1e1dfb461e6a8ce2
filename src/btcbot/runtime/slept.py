"""Cycles a replay sleeps through: bars at which planning could not have changed anything.

A profile whose strategy declares a ``triggers`` column (``Requirements.triggers``) and keeps
no state outside its decisions (:attr:`~btcbot.kernel.profile.Profile.sleeps_between_triggers`)
may skip planning on a bar where none of its symbols' last candles is a trigger, as long as
the account is idle (:func:`quiet_account`; after a planned cycle also
:func:`quiet_outcome`): no order of ours open, in flight or being cancelled, nothing tripped
or frozen, no reject counted, the risk state NORMAL. Such a cycle would have reconciled
nothing, planned only holds and sent nothing; the replay records it as *slept*
(:func:`slept_record`, :func:`slept_cycles`): its time, sequence number and cycle id as the
planned cycle would have had, the equity and realized PnL valued exactly as the cycle report
values them, no plan (``plan_fingerprint`` None) and ``summary.slept``. So a run that sleeps
places the same orders with the same client ids, books the same fills and ends with the
same balances as one that plans every bar (``btcbot backtest --every-bar``).

Live and dry-run cycles never sleep: only a replay knows the bars ahead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from btcbot.accounting import value_columns
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Plan
from btcbot.decision.risk_state import RiskState
from btcbot.domain import Balance, Symbol
from btcbot.domain.symbols import pair_of
from btcbot.runtime.report import CycleReport
from btcbot.runtime.state_view import StateView
from btcbot.runtime.valuation import equity, realized_pnl
from btcbot.store import CycleRecord, ExecutionMode, SleptCycles

MarkSeries = Callable[[Symbol, Sequence[int], bool], Sequence[Decimal | None]]
"""``series(symbol, times, book)``: one symbol's mark at each time (its book's mid when
``book``, else its last price), as :data:`Marks` would give it."""

Marks = Callable[[int, tuple[Symbol, ...]], Mapping[Symbol, Decimal]]
"""``marks(time, books)``: the valuation marks a cycle at ``time`` sees (its tickers' last
prices, the mids of ``books``), as its report values the account."""

SLEPT_SUMMARY: Mapping[str, Any] = MappingProxyType(
    {
        "skipped": None,
        "accepted": 0,
        "rejected": 0,
        "in_flight": 0,
        "cancels_sent": 0,
        "stale_symbols": [],
        "kill_switch": False,
        "reconcile_ok": True,
        "anomalies": [],
        "degrade_level": None,
        "slept": True,
    }
)
"""The outcome of every slept cycle (a planned cycle's summary plus ``slept``)."""


@dataclass(frozen=True, slots=True)
class Resting:
    """What a slept cycle is valued from: the account as the last planned cycle left it."""

    balances: Mapping[str, Balance]
    state: StateView
    books: tuple[Symbol, ...]
    """The books the last planned cycle fetched (their mids are marks, as in its report)."""

    def flat(self, account: str) -> bool:
        """Whether the account holds nothing but ``account`` cash and books PnL in it only:
        then no mark moves its equity or realized PnL while it sleeps."""
        held = (asset for asset, balance in self.balances.items() if balance.total)
        positions = self.state.ledger.positions.values()
        return all(asset == account for asset in held) and all(
            p.symbol.quote == account and not p.quantity for p in positions
        )


def quiet_outcome(plan: Plan, report: CycleReport) -> bool:
    """Whether a planned cycle ended as one that only held: nothing sent or refused, NORMAL,
    no stale data (the account itself is judged by :func:`quiet_account`)."""
    return (
        plan.mode is Mode.NORMAL
        and not (report.planned_submits or report.planned_cancels)
        and not (report.rejected or report.in_flight or report.stale_symbols)
    )


def quiet_account(state: StateView, risk: RiskState, now_ms: int) -> bool:
    """Whether the account, as a cycle's state read found it, leaves a planned cycle nothing
    to do but hold: no order of ours live, no operator switch or override, ``risk`` (the
    state the next plan starts from) NORMAL with no reject counted or cooling down. The
    settings' switches, the trips and what the profile keeps are the runner's to check."""
    op = state.op
    return (
        not state.live
        and not (op.kill_switch or op.freeze_active or op.stop_entries)
        and op.reconcile_failures == 0
        and op.degrade_override_at(now_ms) is None
        and risk.mode is Mode.NORMAL
        and not risk.mode_reasons
        and not (risk.rejects_last_cycle or risk.reject_times_ms or risk.symbol_cooldown_until_ms)
    )


def slept_record(
    cycle_id: str,
    stage: int,
    started_ms: int,
    equity: Decimal | None,
    realized_pnl: Decimal | None,
    fills: int,
) -> CycleRecord:
    """One slept cycle on its own (one that reconciled first: ``fills`` it booked)."""
    return CycleRecord(
        cycle_id=cycle_id,
        stage=stage,
        started_ms=started_ms,
        mode=ExecutionMode.REPLAY,
        ended_ms=started_ms,
        risk_mode=Mode.NORMAL.value,
        fills=fills,
        realized_pnl=realized_pnl,
        equity=equity,
        summary=SLEPT_SUMMARY,
    )


def slept_cycles(
    resting: Resting,
    id_prefix: str,
    stage: int,
    first_sequence: int,
    starts: Sequence[int],
    marks: Marks,
    account: str,
    series: MarkSeries | None = None,
) -> SleptCycles:
    """The cycles at ``starts`` as slept, valued as each cycle's report would value them:
    the same balances and ledger at each time's marks (``marks(time, books)``)."""
    balances, state, books = resting.balances, resting.state, resting.books
    count = len(starts)
    first = marks(starts[0], books)  # a run of slept cycles is never empty
    realized = realized_pnl(state, first, account)
    equities: Sequence[Decimal | None]
    if resting.flat(account):  # only cash in the account's currency: no mark moves it
        equities = [equity(balances, first, account)] * count
        realizeds = [realized] * count
    else:
        columns = _span_equity(balances, starts, first, books, account, series)
        equities = (  # else valued one cycle at a time, as the report values it
            columns
            if columns is not None
            else [equity(balances, marks(started, books), account) for started in starts]
        )
        if all(p.symbol.quote == account for p in state.ledger.positions.values()):
            realizeds = [realized] * count
        else:
            realizeds = [realized_pnl(state, marks(started, books), account) for started in starts]
    return SleptCycles(
        id_prefix,
        stage,
        ExecutionMode.REPLAY,
        first_sequence,
        starts,
        equities,
        realizeds,
        SLEPT_SUMMARY,
    )


def _span_equity(
    balances: Mapping[str, Balance],
    starts: Sequence[int],
    first: Mapping[Symbol, Decimal],
    books: tuple[Symbol, ...],
    account: str,
    series: MarkSeries | None,
) -> Sequence[Decimal | None] | None:
    """Equity at each of ``starts`` with each held asset's mark taken a column at a time
    (:data:`MarkSeries`) and valued a column at a time (:func:`value_columns`); None when a
    held asset is not priced by its own ``ASSET_<account>`` pair or a time has no mark (a
    bridged rate needs every mark: left to the cycle-by-cycle path)."""
    if series is None:
        return None
    holdings = {asset: balance.total for asset, balance in balances.items()}
    pairs = [pair_of(a, account) for a, amount in holdings.items() if amount and a != account]
    if any(pair not in first for pair in pairs):
        return None
    columns = {pair: series(pair, starts, pair in books) for pair in pairs}
    return value_columns(holdings, columns, len(starts), account)


__all__ = [
    "SLEPT_SUMMARY",
    "MarkSeries",
    "Marks",
    "Resting",
    "quiet_account",
    "quiet_outcome",
    "slept_cycles",
    "slept_record",
]
