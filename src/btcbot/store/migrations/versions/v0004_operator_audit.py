"""The operator's surfaces: an audit log of every operator write, operator requests (two-step
confirmations and work the running agent does for an operator, such as cancelling all open
orders), and the "stop new entries" switch.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

Frozen: later changes go into new revisions, never here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("op_state") as batch:
        batch.add_column(
            sa.Column("stop_entries", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("stop_entries_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("stop_entries_since_ms", sa.BigInteger(), nullable=True))
    op.create_table(
        "operator_audit",
        sa.Column("audit_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("account_key", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("audit_id", name="pk_operator_audit"),
    )
    op.create_index("ix_operator_audit_at", "operator_audit", ["at_ms"])
    op.create_table(
        "operator_requests",
        sa.Column("request_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_key", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("expires_ms", sa.BigInteger(), nullable=False),
        sa.Column("finished_ms", sa.BigInteger(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("request_id", name="pk_operator_requests"),
    )
    op.create_index("ix_operator_requests_status", "operator_requests", ["status"])


def downgrade() -> None:
    op.drop_index("ix_operator_requests_status", "operator_requests")
    op.drop_table("operator_requests")
    op.drop_index("ix_operator_audit_at", "operator_audit")
    op.drop_table("operator_audit")
    with op.batch_alter_table("op_state") as batch:
        batch.drop_column("stop_entries_since_ms")
        batch.drop_column("stop_entries_reason")
        batch.drop_column("stop_entries")
