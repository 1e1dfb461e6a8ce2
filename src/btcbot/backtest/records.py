"""What a backtest adds to its database, and how any run database is read back.

A backtest database is an ordinary state database (role ``replay``) written by the shared
cycle runner, which records every cycle with its outcome (equity at marks, realized PnL,
fills). The backtest adds a manifest (inputs, starting balances, final marks and equity)
stored as the runtime state document ``<account>:backtest``.

:func:`read_run` reads any run database (live and dry-run ones too: then without manifest).
Databases are opened read-only (:func:`read_only_engine`): reading a report or comparing runs
never creates, migrates or writes a database, even one a running bot is using.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError

from btcbot.accounting import LedgerState, build_ledger, expected_holdings
from btcbot.domain.money import to_decimal
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import (
    FillRepository,
    RiskStateRepository,
    StateStore,
    StoreError,
    check_schema,
    driver_errors,
    make_engine,
    open_for_inspection,
    sqlite_url,
    unit_of_work,
)
from btcbot.store.role import read_role
from btcbot.store.schema import cycles, orders, risk_state

MANIFEST_SUFFIX = ":backtest"
BASELINE_SUFFIX = baseline_key("")


class RunDatabaseError(RuntimeError):
    """A run database is missing, unreadable or ambiguous."""


def manifest_key(account_key: str) -> str:
    return f"{account_key}{MANIFEST_SUFFIX}"


def write_manifest(
    store: StateStore, account_key: str, document: Mapping[str, Any], now_ms: int
) -> None:
    with store.session() as session:
        session.documents.put(manifest_key(account_key), document, now_ms=now_ms)


@dataclass(frozen=True, slots=True)
class CycleRow:
    cycle_id: str
    started_ms: int
    risk_mode: str | None
    submits: int
    cancels: int
    equity: Decimal | None
    plan_fingerprint: str | None


@dataclass(frozen=True, slots=True)
class RunData:
    """Everything a report or a parity check reads from one run database."""

    account_key: str | None
    cycles: tuple[CycleRow, ...]
    ledger: LedgerState
    balances: Mapping[str, Decimal]  # baseline + every booked fill
    orders_by_status: Mapping[str, int]
    manifest: Mapping[str, Any] | None
    role: str | None = None  # live | dry_run | replay (None: not stamped)
    foreign_fills: int = 0  # fills of orders the agent did not place (kept for the record)

    @property
    def finished(self) -> bool:
        """False for a backtest's database whose run never completed (failed or killed): its
        manifest lacks what the backtest writes last (``final_ms``), or a replay database
        holds no manifest at all. A live or dry-run database is as finished as it is."""
        if self.manifest is not None:
            return "final_ms" in self.manifest
        return self.role != "replay"


def require_finished(run: RunData, name: object) -> RunData:
    """``run``, or :class:`RunDatabaseError` when it is an unfinished backtest (its figures
    would pass for a run's: a report's, a parity check's)."""
    if not run.finished:
        raise RunDatabaseError(
            f"{name} is an unfinished backtest: its run stopped before the end (it failed or "
            "was killed), so its figures are not a run's; run the backtest again"
        )
    return run


def read_only_engine(target: Path | str) -> Engine:
    """A read-only engine (:func:`btcbot.store.make_engine` with ``read_only``): a SQLite file
    (path or ``sqlite`` URL) opened with ``mode=ro``, or a PostgreSQL URL whose sessions
    default to read-only transactions."""
    url = sqlite_url(target) if isinstance(target, Path) else target
    return make_engine(url, read_only=True)


@contextmanager
def existing_run(path: Path) -> Iterator[Engine]:
    """An existing run database, read-only, schema checked; never created or migrated here."""
    if not path.is_file():
        raise RunDatabaseError(f"{path}: no such database file")
    try:
        engine = open_for_inspection(sqlite_url(path), "run database")
    except StoreError as exc:
        raise RunDatabaseError(str(exc)) from None
    try:
        with driver_errors(sqlite_url(path), "run database"):
            yield engine
    except StoreError as exc:
        raise RunDatabaseError(str(exc)) from None
    finally:
        engine.dispose()


@contextmanager
def existing_database(engine: Engine, name: str) -> Iterator[Engine]:
    """``engine`` with its schema checked (:class:`RunDatabaseError` naming ``name``)."""
    try:
        check_schema(engine)
        yield engine
    except (StoreError, DBAPIError) as exc:
        raise RunDatabaseError(f"{name}: {exc}") from None
    finally:
        engine.dispose()


def read_run(engine: Engine, account_key: str | None = None) -> RunData:
    with unit_of_work(engine) as conn:
        account = _account(conn) if account_key is None else _named(conn, account_key)
        states = RiskStateRepository(conn)
        baseline = states.get(baseline_key(account)) if account is not None else None
        manifest = states.get(manifest_key(account)) if account is not None else None
        repository = FillRepository(conn)
        ledger = build_ledger(repository.ours())  # foreign fills never enter positions
        foreign = len(repository.foreign())
        statuses = Counter(str(s) for (s,) in conn.execute(select(orders.c.status)))
        rows = _cycles(conn)
        role = read_role(conn)
    opening = {asset: to_decimal(value) for asset, value in (baseline or {}).items()}
    return RunData(
        account_key=account,
        cycles=rows,
        ledger=ledger,
        balances=dict(expected_holdings(ledger.fills, opening)),
        orders_by_status=dict(sorted(statuses.items())),
        manifest=manifest,
        role=None if role is None else role.value,
        foreign_fills=foreign,
    )


def _cycles(conn: Connection) -> tuple[CycleRow, ...]:
    query = select(
        cycles.c.cycle_id,
        cycles.c.started_ms,
        cycles.c.risk_mode,
        cycles.c.submits,
        cycles.c.cancels,
        cycles.c.equity,
        cycles.c.plan_fingerprint,
    ).order_by(cycles.c.started_ms, cycles.c.cycle_id)
    return tuple(_cycle_row(*row) for row in conn.execute(query))


def _cycle_row(cycle_id: str, started_ms: Any, *rest: Any) -> CycleRow:
    """A cycle row; ValueError when its time or counts are not integers (SQLite stores what
    a hand edit writes: a text time would break every figure computed over the cycles)."""
    row = CycleRow(cycle_id, started_ms, *rest)
    if not all(type(value) is int for value in (row.started_ms, row.submits, row.cancels)):
        raise ValueError(
            f"cycle {cycle_id!r}: started_ms, submits and cancels must be integers, found "
            f"{row.started_ms!r}, {row.submits!r}, {row.cancels!r}"
        )
    return row


def _accounts(conn: Connection) -> list[str]:
    """The accounts whose ledger baseline the database holds."""
    keys = [str(k) for (k,) in conn.execute(select(risk_state.c.account_key))]
    return sorted(k.removesuffix(BASELINE_SUFFIX) for k in keys if k.endswith(BASELINE_SUFFIX))


def _named(conn: Connection, account_key: str) -> str:
    """``account_key``, when the database holds it or no account yet; a name it does not hold
    is refused (its figures would be read without that account's baseline and manifest)."""
    accounts = _accounts(conn)
    if accounts and account_key not in accounts:
        raise RunDatabaseError(
            f"the database holds no account {account_key!r} (it holds {', '.join(accounts)}): "
            "name one of those with --account"
        )
    return account_key


def _account(conn: Connection) -> str | None:
    """The one account whose ledger baseline the database holds (None: no baseline yet)."""
    accounts = _accounts(conn)
    if len(accounts) > 1:
        raise RunDatabaseError(
            f"the database holds several accounts ({', '.join(accounts)}): name one"
        )
    return accounts[0] if accounts else None
