"""Indexes that keep start-up loads and order-event lookups from scanning the whole history.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

* ``fills.order_id``: the filled quantity of one exchange order (every fill event) and the
  attribution of fills to our orders;
* ``fills.client_order_id``: fills of an order still waiting for its exchange id.

(No index leads with ``orders.mode``: SQLite would prefer it to ``ix_orders_status`` for the
live orders read every cycle, and scan every order of the mode.)

Frozen: later changes go into new revisions, never here.
"""

from __future__ import annotations

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_fills_order", "fills", ["order_id"])
    op.create_index("ix_fills_client_order", "fills", ["client_order_id"])


def downgrade() -> None:
    op.drop_index("ix_fills_client_order", table_name="fills")
    op.drop_index("ix_fills_order", table_name="fills")
