"""Persistence: SQLAlchemy Core over SQLite (default) or PostgreSQL, Alembic migrations.

Typical start-up::

    engine = open_store(database_url(common.state_db_path, common.state_db_url), DbRole.LIVE)
    lock = ProcessLock(engine)
    lock.acquire(exchange_account_identity(api_key, lock_dir), ttl_seconds)
    with unit_of_work(engine) as conn:  # one transaction per cycle
        OrderRepository(conn).insert_pending(request, mode=ExecutionMode.LIVE, now_ms=now)
        ...

The runtime reaches the repositories through a :class:`StateStore` (``SqlStateStore`` over an
engine, or ``MemoryStateStore`` for the fast replay, flushed into a database at the end).
"""

from sqlalchemy import Engine

from btcbot.store.access import (
    FileKind,
    check_writable_location,
    describe,
    driver_errors,
    open_for_inspection,
    open_for_operator,
    require_ours,
)
from btcbot.store.cycles import CycleRecord, CycleRepository, DecisionRecord, SleptCycles
from btcbot.store.engine import (
    database_url,
    make_engine,
    sqlite_file,
    sqlite_path,
    sqlite_url,
    unit_of_work,
)
from btcbot.store.errors import (
    DamagedRow,
    DatabaseRoleError,
    DatabaseUnreachable,
    DatabaseUnusable,
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
from btcbot.store.memory import MemoryStateStore
from btcbot.store.migrate import check_schema, current_revision, head_revision, upgrade_to_head
from btcbot.store.orders import ExecutionMode, OrderEventRecord, OrderRepository, StoredOrder
from btcbot.store.role import DbRole, peek_role, read_role, require_role, stamp_role
from btcbot.store.session import SqlStateStore, StateSession, StateStore, as_store
from btcbot.store.state import (
    OpState,
    OpStatus,
    OpSwitches,
    ParamsRepository,
    ParamsVersion,
    ReconcileCount,
    RiskStateRepository,
)


def open_store(url: str, role: DbRole, *, setting: str | None = None, stamp: bool = True) -> Engine:
    """Engine for a run's own database at ``url``: created when missing; another program's
    database or another role is refused *before* anything is written (SQLite is vetted through
    a read-only connection); then migrated to head and stamped with ``role`` (``stamp=False``:
    left to the caller, once its run is sure to start: a refused start leaves a new database
    unclaimed by either role)."""
    path = sqlite_path(url)
    setting = setting or ("STATE_DB_PATH" if path is not None else "STATE_DB_URL")
    with driver_errors(url, setting):
        if path is not None and check_writable_location(path, setting) is FileKind.SQLITE:
            _vet(make_engine(url, read_only=True), url, role, setting)
        engine = make_engine(url)
        try:
            if path is None:
                _vet(engine, url, role, setting, dispose=False)
            upgrade_to_head(engine)
            if stamp:
                with unit_of_work(engine) as connection:
                    stamp_role(connection, role)
        except BaseException:
            engine.dispose()
            raise
    return engine


def _vet(engine: Engine, url: str, role: DbRole, setting: str, *, dispose: bool = True) -> None:
    try:
        require_ours(engine, url, setting)
        require_role(peek_role(engine), role, where=describe(url, setting))
    finally:
        if dispose:
            engine.dispose()


__all__ = [
    "CycleRecord",
    "CycleRepository",
    "DamagedRow",
    "DatabaseRoleError",
    "DatabaseUnreachable",
    "DatabaseUnusable",
    "DbRole",
    "DecisionRecord",
    "ExecutionMode",
    "FileKind",
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
    "MemoryStateStore",
    "OpState",
    "OpStatus",
    "OpSwitches",
    "OrderEventRecord",
    "OrderNotFound",
    "OrderRepository",
    "ParamsRepository",
    "ParamsVersion",
    "ProcessLock",
    "ReconcileCount",
    "RiskStateRepository",
    "SchemaVersionError",
    "SleptCycles",
    "SqlStateStore",
    "StateSession",
    "StateStore",
    "StoreError",
    "StoredOrder",
    "account_fingerprint",
    "as_store",
    "assess_holder",
    "check_schema",
    "check_writable_location",
    "current_revision",
    "database_account_identity",
    "database_url",
    "describe",
    "driver_errors",
    "exchange_account_identity",
    "head_revision",
    "make_engine",
    "open_for_inspection",
    "open_for_operator",
    "open_store",
    "peek_role",
    "read_role",
    "require_ours",
    "require_role",
    "sqlite_file",
    "sqlite_path",
    "sqlite_url",
    "stamp_role",
    "unit_of_work",
    "upgrade_to_head",
    "wall_clock_ms",
]
