"""Alembic environment: runs on the connection handed in by ``btcbot.store.upgrade_to_head``.

There is no ``alembic.ini`` and no URL here: btcbot owns engine creation (SQLite pragmas,
PostgreSQL URL from settings), so migrations always run through the same engine as the bot.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from btcbot.store.schema import metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):
    raise RuntimeError("run migrations through btcbot.store.upgrade_to_head(engine)")
run_migrations(_connection)
