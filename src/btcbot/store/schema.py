"""The current schema as SQLAlchemy Core tables (what the repositories query).

Migrations under ``migrations/versions`` create and evolve the real database; a test compares
this metadata with a freshly migrated database so the two can never drift apart.
Timestamps are epoch milliseconds (BIGINT); money is :class:`ExactDecimal` text.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from btcbot.store.types import ExactDecimal, IntText

# Deterministic constraint names, so later migrations can alter them on SQLite (batch mode).
NAMING = {
    "pk": "pk_%(table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
}
metadata = MetaData(naming_convention=NAMING)

MODES = ("live", "dry_run", "replay")

orders = Table(
    "orders",
    metadata,
    Column("client_order_id", String(50), primary_key=True),
    Column("exchange_order_id", BigInteger, unique=True, nullable=True),
    Column("symbol", String(32), nullable=False),
    Column("side", String(8), nullable=False),
    Column("method", String(16), nullable=False),
    Column("price", ExactDecimal, nullable=True),
    Column("quantity", ExactDecimal, nullable=False),
    Column("quote_amount", ExactDecimal, nullable=True),
    Column("stop_price", ExactDecimal, nullable=True),
    Column("status", String(20), nullable=False),
    Column("filled_quantity", ExactDecimal, nullable=False),
    Column("reason", Text, nullable=True),
    Column("mode", String(8), nullable=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
    Column("resolve_attempts", Integer, nullable=False),
    Column("next_resolve_ms", BigInteger, nullable=True),
    Column("last_error", Text, nullable=True),
    CheckConstraint("mode IN ('live', 'dry_run', 'replay')", name="ck_orders_mode"),
    Index("ix_orders_status", "status"),
)

order_events = Table(
    "order_events",
    metadata,
    Column("event_id", Integer, primary_key=True, autoincrement=True),
    Column(
        "client_order_id",
        String(50),
        ForeignKey("orders.client_order_id", name="fk_order_events_order"),
        nullable=False,
    ),
    Column("event", String(32), nullable=False),
    Column("from_status", String(20), nullable=True),
    Column("to_status", String(20), nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    Column("exchange_order_id", BigInteger, nullable=True),
    Column("filled_quantity", ExactDecimal, nullable=True),
    Column("detail", Text, nullable=True),
    Index("ix_order_events_order", "client_order_id", "event_id"),
)

fills = Table(
    "fills",
    metadata,
    Column("trade_id", IntText, primary_key=True),
    Column("order_id", BigInteger, nullable=False),
    Column("client_order_id", String(50), nullable=True),
    Column("symbol", String(32), nullable=False),
    Column("side", String(8), nullable=False),
    Column("price", ExactDecimal, nullable=False),
    Column("quantity", ExactDecimal, nullable=False),
    Column("fee", ExactDecimal, nullable=False),
    Column("tax", ExactDecimal, nullable=False),
    Column("timestamp_ms", BigInteger, nullable=False),
    Column("recorded_ms", BigInteger, nullable=False),
    Index("ix_fills_symbol_time", "symbol", "timestamp_ms"),
    Index("ix_fills_order", "order_id"),
    Index("ix_fills_client_order", "client_order_id"),
)

cycles = Table(
    "cycles",
    metadata,
    Column("cycle_id", String(64), primary_key=True),
    Column("stage", Integer, nullable=False),
    Column("started_ms", BigInteger, nullable=False),
    Column("ended_ms", BigInteger, nullable=True),
    Column("mode", String(8), nullable=False),
    Column("risk_mode", String(32), nullable=True),
    Column("submits", Integer, nullable=False),
    Column("cancels", Integer, nullable=False),
    Column("fills", Integer, nullable=False),
    Column("realized_pnl", ExactDecimal, nullable=True),
    Column("equity", ExactDecimal, nullable=True),
    Column("plan_fingerprint", String(128), nullable=True),
    Column("summary", Text, nullable=False),
    CheckConstraint("mode IN ('live', 'dry_run', 'replay')", name="ck_cycles_mode"),
    Index("ix_cycles_started", "started_ms"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("decision_id", Integer, primary_key=True, autoincrement=True),
    Column(
        "cycle_id",
        String(64),
        ForeignKey("cycles.cycle_id", name="fk_decisions_cycle"),
        nullable=False,
    ),
    Column("symbol", String(32), nullable=True),
    Column("layer", String(32), nullable=False),
    Column("action", String(32), nullable=False),
    Column("reason_code", String(64), nullable=False),
    Column("detail", Text, nullable=True),
    Index("ix_decisions_cycle", "cycle_id"),
)

risk_state = Table(
    "risk_state",
    metadata,
    Column("account_key", String(64), primary_key=True),
    Column("state", Text, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
)

op_state = Table(
    "op_state",
    metadata,
    Column("account_key", String(64), primary_key=True),
    Column("kill_switch", Boolean, nullable=False),
    Column("kill_switch_source", String(64), nullable=True),
    Column("kill_switch_reason", Text, nullable=True),
    Column("kill_switch_since_ms", BigInteger, nullable=True),
    Column("freeze_active", Boolean, nullable=False),
    Column("freeze_reason", Text, nullable=True),
    Column("freeze_since_ms", BigInteger, nullable=True),
    Column("degrade_override_mode", String(32), nullable=True),
    Column("degrade_override_reason", Text, nullable=True),
    Column("degrade_override_until_ms", BigInteger, nullable=True),
    Column("reconcile_failures", Integer, nullable=False),
    Column("last_reconcile_error", Text, nullable=True),
    Column("updated_ms", BigInteger, nullable=False),
    Column("stop_entries", Boolean, nullable=False, server_default=false()),
    Column("stop_entries_reason", Text, nullable=True),
    Column("stop_entries_since_ms", BigInteger, nullable=True),
)

process_locks = Table(
    "process_locks",
    metadata,
    Column("account_key", String(64), primary_key=True),
    Column("instance_id", String(64), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("host", String(255), nullable=False),
    Column("started_ms", BigInteger, nullable=False),
    Column("heartbeat_ms", BigInteger, nullable=False),
    Column("ttl_ms", BigInteger, nullable=False),
)

params_versions = Table(
    "params_versions",
    metadata,
    Column("params_version_id", Integer, primary_key=True, autoincrement=True),
    Column("profile", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("params", Text, nullable=False),
    Column("checkpoint", Boolean, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_ms", BigInteger, nullable=False),
    UniqueConstraint("profile", "version", name="uq_params_versions_profile_version"),
)

operator_audit = Table(
    "operator_audit",
    metadata,
    Column("audit_id", Integer, primary_key=True, autoincrement=True),
    Column("at_ms", BigInteger, nullable=False),
    Column("account_key", String(64), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(32), nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("detail", Text, nullable=True),
    Index("ix_operator_audit_at", "at_ms"),
)

operator_requests = Table(
    "operator_requests",
    metadata,
    Column("request_id", Integer, primary_key=True, autoincrement=True),
    Column("account_key", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("params", Text, nullable=False),
    Column("status", String(24), nullable=False),
    Column("token_hash", String(64), nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=False),
    Column("finished_ms", BigInteger, nullable=True),
    Column("outcome", Text, nullable=True),
    Index("ix_operator_requests_status", "status"),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
