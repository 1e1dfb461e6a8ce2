"""What a backtest adds to its database, and how any run database is read back.

A backtest database is an ordinary state database (role ``replay``) written by the shared
cycle runner, which records every cycle with its outcome (equity at marks, realized PnL,
fills). The backtest adds a manifest (inputs, starting balances, final marks and equity)
stored as the runtime state document ``<account>:backtest``.

:func:`read_run` reads any run database (live and dry-run ones too: then without manifest).
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

from btcbot.accounting import LedgerState, build_ledger, expected_holdings
from btcbot.domain.money import to_decimal
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import (
    FillRepository,
    RiskStateRepository,
    StoreError,
    check_schema,
    make_engine,
    sqlite_url,
    unit_of_work,
)
from btcbot.store.schema import cycles, orders, risk_state

MANIFEST_SUFFIX = ":backtest"
BASELINE_SUFFIX = baseline_key("")


class RunDatabaseError(RuntimeError):
    """A run database is missing, unreadable or ambiguous."""


def manifest_key(account_key: str) -> str:
    return f"{account_key}{MANIFEST_SUFFIX}"


def write_manifest(
    engine: Engine, account_key: str, document: Mapping[str, Any], now_ms: int
) -> None:
    with unit_of_work(engine) as conn:
        RiskStateRepository(conn).put(manifest_key(account_key), document, now_ms=now_ms)


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


@contextmanager
def existing_run(path: Path) -> Iterator[Engine]:
    """An existing run database, schema checked; never created or migrated here."""
    if not path.is_file():
        raise RunDatabaseError(f"{path}: no such database file")
    engine = make_engine(sqlite_url(path))
    try:
        check_schema(engine)
        yield engine
    except StoreError as exc:
        raise RunDatabaseError(f"{path}: {exc}") from None
    finally:
        engine.dispose()


def read_run(engine: Engine, account_key: str | None = None) -> RunData:
    with unit_of_work(engine) as conn:
        account = account_key if account_key is not None else _account(conn)
        states = RiskStateRepository(conn)
        baseline = states.get(baseline_key(account)) if account is not None else None
        manifest = states.get(manifest_key(account)) if account is not None else None
        ledger = build_ledger(FillRepository(conn).all())
        statuses = Counter(str(s) for (s,) in conn.execute(select(orders.c.status)))
        rows = _cycles(conn)
    opening = {asset: to_decimal(value) for asset, value in (baseline or {}).items()}
    return RunData(
        account_key=account,
        cycles=rows,
        ledger=ledger,
        balances=dict(expected_holdings(ledger.fills, opening)),
        orders_by_status=dict(sorted(statuses.items())),
        manifest=manifest,
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
    return tuple(CycleRow(*row) for row in conn.execute(query))


def _account(conn: Connection) -> str | None:
    """The one account whose ledger baseline the database holds (None: no baseline yet)."""
    keys = [str(k) for (k,) in conn.execute(select(risk_state.c.account_key))]
    accounts = sorted(k.removesuffix(BASELINE_SUFFIX) for k in keys if k.endswith(BASELINE_SUFFIX))
    if len(accounts) > 1:
        raise RunDatabaseError(
            f"the database holds several accounts ({', '.join(accounts)}): name one"
        )
    return accounts[0] if accounts else None
