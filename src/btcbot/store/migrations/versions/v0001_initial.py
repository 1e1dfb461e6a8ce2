"""Initial schema: orders and their events, fills, cycles and decisions, runtime state.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Frozen: later changes go into new revisions, never here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

MODE_CHECK = "mode IN ('live', 'dry_run', 'replay')"


def _ms(name: str, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), nullable=nullable)


def upgrade() -> None:
    _create_orders()
    _create_fills()
    _create_cycles()
    _create_state()


def _create_orders() -> None:
    op.create_table(
        "orders",
        sa.Column("client_order_id", sa.String(50), nullable=False),
        sa.Column("exchange_order_id", sa.BigInteger(), nullable=True),
        sa.Column("symbol", sa.String(32), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("price", sa.Text(), nullable=True),
        sa.Column("quantity", sa.Text(), nullable=False),
        sa.Column("quote_amount", sa.Text(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("filled_quantity", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("mode", sa.String(8), nullable=False),
        _ms("created_ms"),
        _ms("updated_ms"),
        sa.Column("resolve_attempts", sa.Integer(), nullable=False),
        _ms("next_resolve_ms", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("client_order_id", name="pk_orders"),
        sa.UniqueConstraint("exchange_order_id", name="uq_orders_exchange_order_id"),
        sa.CheckConstraint(MODE_CHECK, name="ck_orders_mode"),
    )
    op.create_index("ix_orders_status", "orders", ["status"])
    op.create_table(
        "order_events",
        sa.Column("event_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("client_order_id", sa.String(50), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        _ms("at_ms"),
        sa.Column("exchange_order_id", sa.BigInteger(), nullable=True),
        sa.Column("filled_quantity", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name="pk_order_events"),
        sa.ForeignKeyConstraint(
            ["client_order_id"], ["orders.client_order_id"], name="fk_order_events_order"
        ),
    )
    op.create_index("ix_order_events_order", "order_events", ["client_order_id", "event_id"])


def _create_fills() -> None:
    op.create_table(
        "fills",
        sa.Column("trade_id", sa.Text(), nullable=False),
        sa.Column("order_id", sa.BigInteger(), nullable=False),
        sa.Column("client_order_id", sa.String(50), nullable=True),
        sa.Column("symbol", sa.String(32), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("price", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Text(), nullable=False),
        sa.Column("fee", sa.Text(), nullable=False),
        sa.Column("tax", sa.Text(), nullable=False),
        _ms("timestamp_ms"),
        _ms("recorded_ms"),
        sa.PrimaryKeyConstraint("trade_id", name="pk_fills"),
    )
    op.create_index("ix_fills_symbol_time", "fills", ["symbol", "timestamp_ms"])


def _create_cycles() -> None:
    op.create_table(
        "cycles",
        sa.Column("cycle_id", sa.String(64), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        _ms("started_ms"),
        _ms("ended_ms", nullable=True),
        sa.Column("mode", sa.String(8), nullable=False),
        sa.Column("risk_mode", sa.String(32), nullable=True),
        sa.Column("submits", sa.Integer(), nullable=False),
        sa.Column("cancels", sa.Integer(), nullable=False),
        sa.Column("fills", sa.Integer(), nullable=False),
        sa.Column("realized_pnl", sa.Text(), nullable=True),
        sa.Column("equity", sa.Text(), nullable=True),
        sa.Column("plan_fingerprint", sa.String(128), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("cycle_id", name="pk_cycles"),
        sa.CheckConstraint(MODE_CHECK, name="ck_cycles_mode"),
    )
    op.create_index("ix_cycles_started", "cycles", ["started_ms"])
    op.create_table(
        "decisions",
        sa.Column("decision_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cycle_id", sa.String(64), nullable=False),
        sa.Column("symbol", sa.String(32), nullable=True),
        sa.Column("layer", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("reason_code", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("decision_id", name="pk_decisions"),
        sa.ForeignKeyConstraint(["cycle_id"], ["cycles.cycle_id"], name="fk_decisions_cycle"),
    )
    op.create_index("ix_decisions_cycle", "decisions", ["cycle_id"])


def _create_state() -> None:
    op.create_table(
        "risk_state",
        sa.Column("account_key", sa.String(64), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        _ms("updated_ms"),
        sa.PrimaryKeyConstraint("account_key", name="pk_risk_state"),
    )
    op.create_table(
        "op_state",
        sa.Column("account_key", sa.String(64), nullable=False),
        sa.Column("kill_switch", sa.Boolean(), nullable=False),
        sa.Column("kill_switch_source", sa.String(64), nullable=True),
        sa.Column("kill_switch_reason", sa.Text(), nullable=True),
        _ms("kill_switch_since_ms", nullable=True),
        sa.Column("freeze_active", sa.Boolean(), nullable=False),
        sa.Column("freeze_reason", sa.Text(), nullable=True),
        _ms("freeze_since_ms", nullable=True),
        sa.Column("degrade_override_mode", sa.String(32), nullable=True),
        sa.Column("degrade_override_reason", sa.Text(), nullable=True),
        _ms("degrade_override_until_ms", nullable=True),
        sa.Column("reconcile_failures", sa.Integer(), nullable=False),
        sa.Column("last_reconcile_error", sa.Text(), nullable=True),
        _ms("updated_ms"),
        sa.PrimaryKeyConstraint("account_key", name="pk_op_state"),
    )
    op.create_table(
        "process_locks",
        sa.Column("account_key", sa.String(64), nullable=False),
        sa.Column("instance_id", sa.String(64), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        _ms("started_ms"),
        _ms("heartbeat_ms"),
        _ms("ttl_ms"),
        sa.PrimaryKeyConstraint("account_key", name="pk_process_locks"),
    )
    op.create_table(
        "params_versions",
        sa.Column("params_version_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("checkpoint", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _ms("created_ms"),
        sa.PrimaryKeyConstraint("params_version_id", name="pk_params_versions"),
        sa.UniqueConstraint("profile", "version", name="uq_params_versions_profile_version"),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_meta"),
    )


def downgrade() -> None:
    for table in (
        "meta",
        "params_versions",
        "process_locks",
        "op_state",
        "risk_state",
        "decisions",
        "cycles",
        "fills",
        "order_events",
        "orders",
    ):
        op.drop_table(table)
