"""Database roles: a dry run never shares a database with live trading, and a backtest never
writes into either.

The first run stamps its role into ``meta``; a later run with another role is refused before
anything is written, so simulated orders and fills can never be mistaken for real ones (or
overwrite them). A backtest replaces only a ``replay`` database; operator commands change only
``live`` and ``dry_run`` ones; inspection commands open any read-only
(:mod:`btcbot.store.access`).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Connection, Engine, inspect, select

from btcbot.store.errors import DatabaseRoleError, DatabaseUnusable
from btcbot.store.schema import meta

ROLE_KEY = "db_role"


class DbRole(StrEnum):
    LIVE = "live"
    DRY_RUN = "dry_run"
    REPLAY = "replay"  # backtests write their own fresh database


def read_role(connection: Connection) -> DbRole | None:
    value = connection.execute(select(meta.c.value).where(meta.c.key == ROLE_KEY)).scalar()
    if value is None:
        return None
    try:
        return DbRole(value)
    except ValueError:
        shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:37]}..."
        known = ", ".join(role.value for role in DbRole)
        raise DatabaseUnusable(
            f"this database is stamped with role {shown}, which is not one of btcbot's "
            f"({known}): it was changed outside btcbot; restore it from a backup "
            "(`btcbot db restore`) or point STATE_DB_PATH at your bot's database"
        ) from None


def peek_role(engine: Engine) -> DbRole | None:
    """The stamped role, or None for a database without the ``meta`` table yet."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(meta.name):
            return None
        return read_role(connection)


def require_role(stamped: DbRole | None, role: DbRole, *, where: str = "this database") -> None:
    """Refuse to open a database stamped with another role (nothing has been written yet)."""
    if stamped is not None and stamped is not role:
        raise DatabaseRoleError(
            f"{where} belongs to {stamped.value} runs and cannot be opened for a "
            f"{role.value} run: nothing was written to it; point STATE_DB_PATH (or "
            f"STATE_DB_URL) at a separate database, e.g. btcbot_{role.value}.db"
        )


def stamp_role(connection: Connection, role: DbRole) -> DbRole:
    """Stamp ``role`` on first use; refuse a database stamped with another role."""
    stamped = read_role(connection)
    require_role(stamped, role)
    if stamped is None:
        connection.execute(meta.insert().values(key=ROLE_KEY, value=role.value))
    return role
