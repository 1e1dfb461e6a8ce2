"""Persistence: SQLAlchemy Core over SQLite (default) or PostgreSQL, Alembic migrations.

Typical start-up::

    engine = open_store(database_url(common.state_db_path, common.state_db_url), DbRole.LIVE)
    lock = ProcessLock(engine)
    lock.acquire(exchange_account_identity(api_key, lock_dir), ttl_seconds)
    with unit_of_work(engine) as conn:  # one transaction per cycle
        OrderRepository(conn).insert_pending(request, mode=ExecutionMode.LIVE, now_ms=now)
        ...
"""

from sqlalchemy import Engine

from btcbot.store.cycles import CycleRecord, CycleRepository, DecisionRecord
from btcbot.store.engine import database_url, make_engine, sqlite_file, sqlite_url, unit_of_work
from btcbot.store.errors import (
    DatabaseRoleError,
    LockConflict,
    LockLost,
    LockUnavailable,
    OrderNotFound,
    SchemaVersionError,
    StoreError,
)
from btcbot.store.fills import FillInsert, FillRepository
from btcbot.store.locks import (
    FileLock,
    HolderView,
    Liveness,
    LockHolder,
    LockIdentity,
    ProcessLock,
    account_fingerprint,
    assess_holder,
    database_account_identity,
    exchange_account_identity,
    wall_clock_ms,
)
from btcbot.store.migrate import check_schema, current_revision, head_revision, upgrade_to_head
from btcbot.store.orders import ExecutionMode, OrderEventRecord, OrderRepository, StoredOrder
from btcbot.store.role import DbRole, peek_role, read_role, require_role, stamp_role
from btcbot.store.state import (
    OpState,
    OpStatus,
    ParamsRepository,
    ParamsVersion,
    ReconcileCount,
    RiskStateRepository,
)


def open_store(url: str, role: DbRole) -> Engine:
    """Engine for ``url``, role checked *before* migrating, schema at head, role stamped."""
    engine = make_engine(url)
    require_role(peek_role(engine), role)
    upgrade_to_head(engine)
    with unit_of_work(engine) as connection:
        stamp_role(connection, role)
    return engine


__all__ = [
    "CycleRecord",
    "CycleRepository",
    "DatabaseRoleError",
    "DbRole",
    "DecisionRecord",
    "ExecutionMode",
    "FileLock",
    "FillInsert",
    "FillRepository",
    "HolderView",
    "Liveness",
    "LockConflict",
    "LockHolder",
    "LockIdentity",
    "LockLost",
    "LockUnavailable",
    "OpState",
    "OpStatus",
    "OrderEventRecord",
    "OrderNotFound",
    "OrderRepository",
    "ParamsRepository",
    "ParamsVersion",
    "ProcessLock",
    "ReconcileCount",
    "RiskStateRepository",
    "SchemaVersionError",
    "StoreError",
    "StoredOrder",
    "account_fingerprint",
    "assess_holder",
    "check_schema",
    "current_revision",
    "database_account_identity",
    "database_url",
    "exchange_account_identity",
    "head_revision",
    "make_engine",
    "open_store",
    "peek_role",
    "read_role",
    "require_role",
    "sqlite_file",
    "sqlite_url",
    "stamp_role",
    "unit_of_work",
    "upgrade_to_head",
    "wall_clock_ms",
]
