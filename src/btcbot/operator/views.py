"""What the operator services answer: frozen values, money as ``Decimal``, times as epoch ms.

Every surface (CLI, HTTP API, dashboard, Telegram) renders these; none reads the database
itself. Field names are the API's JSON names (a ``Decimal`` travels as an exact string).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    location: str  # the SQLite path, or "STATE_DB_URL (value hidden)"
    role: str | None  # live | dry_run | replay
    schema: str | None  # the Alembic revision


@dataclass(frozen=True, slots=True)
class RunSettingsView:
    """The settings the running (or last) instance started with, credentials as ``***``."""

    started_ms: int | None
    pid: int | None
    stage: int | None
    armed: bool
    live: bool  # the real account: armed, or armed but for KILL_SWITCH (cancels only)
    not_armed: tuple[str, ...]
    settings: dict[str, str]
    changed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CheckView:
    name: str
    status: str  # ok | degraded | failing
    detail: str


@dataclass(frozen=True, slots=True)
class HealthView:
    status: str  # the worst check's
    checks: tuple[CheckView, ...]


@dataclass(frozen=True, slots=True)
class TripView:
    """Something that holds the bot back, with the command that resolves it."""

    kind: str
    severity: str  # error | warning | info
    headline: str
    detail: str | None
    since_ms: int | None
    resolve: str


@dataclass(frozen=True, slots=True)
class KillSwitchView:
    settings: bool  # KILL_SWITCH in the settings the instance started with
    runtime: bool  # the switch in the state database
    source: str | None
    reason: str | None
    since_ms: int | None


@dataclass(frozen=True, slots=True)
class SwitchView:
    """An on/off switch an operator or the agent sets (freeze, stop entries)."""

    active: bool
    reason: str | None
    since_ms: int | None


@dataclass(frozen=True, slots=True)
class DegradeOverrideView:
    mode: str
    reason: str | None
    until_ms: int | None


@dataclass(frozen=True, slots=True)
class RiskView:
    """The risk layer's memory: mode with its reasons, degrade level, anomalies, cooldowns."""

    mode: str
    reasons: tuple[str, ...]
    degrade_level: int
    degrade_held_until_ms: int | None
    anomalies: tuple[str, ...]
    reject_cooldowns: dict[str, int]  # symbol -> until (ms)
    universe: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReconcileView:
    consecutive: int
    threshold: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class LockView:
    key: str
    instance: str
    pid: int
    host: str
    started_ms: int
    heartbeat_age_s: float
    state: str  # live | stale | dead
    evidence: str
    stale: bool


@dataclass(frozen=True, slots=True)
class CycleView:
    cycle_id: str
    started_ms: int
    ended_ms: int | None
    stage: int
    mode: str  # live | dry_run | replay
    risk_mode: str | None
    submits: int
    cancels: int
    fills: int
    equity: Decimal | None
    realized_pnl: Decimal | None
    skipped: str | None


@dataclass(frozen=True, slots=True)
class UnreadableOrderView:
    """An order row that does not read back (edited by hand, damaged): what is wrong with it."""

    client_order_id: str
    problem: str


@dataclass(frozen=True, slots=True)
class StatusView:
    """``btcbot status`` and ``GET /api/status``: everything at a glance."""

    database: DatabaseInfo
    account: str
    armed: bool  # the running (or last) instance was armed for live orders
    run_settings: RunSettingsView | None
    accounts: tuple[str, ...]  # the accounts that have started a run on this database
    health: HealthView
    trips: tuple[TripView, ...]
    kill_switch: KillSwitchView
    freeze: SwitchView
    stop_entries: SwitchView
    degrade_override: DegradeOverrideView | None
    risk: RiskView
    reconcile_failures: ReconcileView
    lock: LockView | None
    cycles: tuple[CycleView, ...]
    last_cycle_ms: int | None
    lag_s: float | None  # seconds since the last cycle ended (None before the first)
    live_orders: dict[str, int]  # status -> count
    unreadable_orders: tuple[UnreadableOrderView, ...]  # live rows that do not read back
    fills: int
    now_ms: int


@dataclass(frozen=True, slots=True)
class OrderView:
    client_order_id: str
    exchange_order_id: int | None
    symbol: str
    side: str
    method: str
    price: Decimal | None
    stop_price: Decimal | None
    quantity: Decimal
    filled: Decimal
    status: str
    mode: str
    created_ms: int
    updated_ms: int
    age_s: int
    reason: str | None


@dataclass(frozen=True, slots=True)
class FillView:
    trade_id: int
    order_id: int
    client_order_id: str | None
    ours: bool  # False: someone else's fill on the account (never booked)
    symbol: str
    side: str
    price: Decimal
    quantity: Decimal
    fee: Decimal
    tax: Decimal
    timestamp_ms: int


@dataclass(frozen=True, slots=True)
class PositionView:
    symbol: str
    quantity: Decimal
    average_cost: Decimal
    realized_pnl: Decimal
    fees_paid: Decimal


@dataclass(frozen=True, slots=True)
class LedgerView:
    """The ledger: the balance baseline, what baseline + our fills say each asset holds, and
    the positions (average cost, realized PnL net of fees) built from our fills."""

    baseline: dict[str, Decimal] | None  # None: taken at the next cycle
    balances: dict[str, Decimal]
    positions: tuple[PositionView, ...]


@dataclass(frozen=True, slots=True)
class EquityPoint:
    time_ms: int
    equity: Decimal
    pnl: Decimal  # equity minus the first point's equity
    drawdown: Decimal  # fraction below the running peak (0 at a peak, 0.1 = 10 % below)


@dataclass(frozen=True, slots=True)
class EquitySeries:
    """Equity, PnL and drawdown per cycle (cycles that valued the account), oldest first,
    with our fills to mark on a chart."""

    points: tuple[EquityPoint, ...]
    max_drawdown: Decimal
    fills: tuple[FillView, ...]


@dataclass(frozen=True, slots=True)
class DecisionView:
    symbol: str | None
    layer: str
    action: str
    reason_code: str
    meaning: str | None  # from the reason-code registry
    detail: str | None


@dataclass(frozen=True, slots=True)
class CycleDetail:
    cycle: CycleView
    decisions: tuple[DecisionView, ...]


@dataclass(frozen=True, slots=True)
class ReasonView:
    code: str
    meaning: str


@dataclass(frozen=True, slots=True)
class LogEntry:
    time: str  # ISO 8601 UTC, as logged
    level: str
    event: str
    logger: str | None
    fields: dict[str, Any] = field(default_factory=dict)  # the rest, secrets redacted


@dataclass(frozen=True, slots=True)
class AuditView:
    audit_id: int
    at_ms: int
    actor: str
    action: str
    outcome: str
    detail: str | None


@dataclass(frozen=True, slots=True)
class RequestView:
    """An operator request: a write awaiting confirmation, or work queued for the agent."""

    request_id: int
    action: str
    actor: str
    status: str  # awaiting_confirmation | pending | done | failed | expired
    created_ms: int
    expires_ms: int
    finished_ms: int | None
    outcome: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ActionResult:
    """What a write did: ``done`` (applied), ``queued`` (the agent does it at its next cycle:
    follow ``request_id``), ``confirm`` (send ``token`` back before ``expires_ms``)."""

    action: str
    outcome: str  # done | queued | confirm
    message: str
    request_id: int | None = None
    token: str | None = None
    expires_ms: int | None = None


@dataclass(frozen=True, slots=True)
class ReportFile:
    name: str
    size: int
    modified_ms: int
