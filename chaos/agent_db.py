"""Reads of the agent's state database (SQLite, WAL): what the agent knows, never its claims
about the exchange. Polls run read-only while the agent writes; the end-of-run checks run the
agent's own ledger code on a copy of the file, so nothing here writes into the agent's state.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Row, create_engine, select

from btcbot.accounting import BalanceCheck, LedgerBook
from btcbot.domain import Balance
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.store import OpState, OpStatus, make_engine
from btcbot.store.schema import cycles, fills, order_events, orders
from btcbot.store.session import SqlSession


@dataclass(frozen=True)
class AgentOrder:
    client_order_id: str
    exchange_order_id: int | None
    symbol: str
    side: str
    status: str
    created_ms: int
    method: str = "limit"
    quantity: Decimal = Decimal(0)  # base units; 0 for a market BUY (sized in quote)
    quote_amount: Decimal | None = None  # a market BUY's size
    filled_quantity: Decimal = Decimal(0)  # base units


@dataclass(frozen=True)
class AgentEvent:
    client_order_id: str
    to_status: str
    at_ms: int
    exchange_order_id: int | None


@dataclass(frozen=True)
class AgentCycle:
    started_ms: int
    ended_ms: int
    ok: bool  # planned (not skipped) on a successful reconciliation


@dataclass(frozen=True)
class AgentRecords:
    orders: tuple[AgentOrder, ...]
    events: tuple[AgentEvent, ...]
    cycles: tuple[AgentCycle, ...]
    booked_trade_ids: frozenset[int]  # fills the agent's ledger counts as its own
    op: OpStatus
    #: base quantity of the fills stored per exchange order id (every row of the fills table)
    fill_totals: Mapping[int, Decimal] = field(default_factory=dict)

    def known_at(self) -> dict[int, int]:
        """When the agent first recorded each exchange order id."""
        first: dict[int, int] = {}
        for event in self.events:
            if event.exchange_order_id is not None:
                first.setdefault(event.exchange_order_id, event.at_ms)
        return first


@dataclass(frozen=True)
class LedgerResult:
    check: BalanceCheck | None  # None: the agent never took a ledger baseline


class AgentDb:
    def __init__(self, path: Path, account_key: str) -> None:
        self.path = path
        self.account_key = account_key
        self._engine: Engine | None = None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._engine is None:
            self._engine = create_engine(f"sqlite+pysqlite:///file:{self.path}?mode=ro&uri=true")
        with self._engine.connect() as conn:
            yield conn

    def op_state(self) -> OpStatus | None:
        """The runtime switches now (None before the agent created its database)."""
        if not self.path.exists():
            return None
        with self._read() as conn:
            return OpState(conn).get(self.account_key)

    def ok_cycle_since(self, since_ms: int) -> AgentCycle | None:
        """The first successful cycle that started at or after ``since_ms``."""
        if not self.path.exists():
            return None
        with self._read() as conn:
            rows = conn.execute(
                select(cycles.c.started_ms, cycles.c.ended_ms, cycles.c.summary)
                .where(cycles.c.started_ms >= since_ms)
                .order_by(cycles.c.started_ms)
            ).fetchall()
        return next((c for c in (_cycle(*row) for row in rows) if c.ok), None)

    def records(self) -> AgentRecords:
        with self._read() as conn:
            order_rows = conn.execute(select(orders)).fetchall()
            event_rows = conn.execute(select(order_events).order_by(order_events.c.event_id))
            events = tuple(
                AgentEvent(r.client_order_id, r.to_status, r.at_ms, r.exchange_order_id)
                for r in event_rows
            )
            cycle_rows = conn.execute(select(cycles).order_by(cycles.c.started_ms)).fetchall()
            ours = SqlSession(conn).fills.ours()  # what the agent's ledger book holds
            op = OpState(conn).get(self.account_key)
            fill_totals: dict[int, Decimal] = {}
            for order_id, quantity in conn.execute(select(fills.c.order_id, fills.c.quantity)):
                fill_totals[order_id] = fill_totals.get(order_id, Decimal(0)) + quantity
        return AgentRecords(
            orders=tuple(_order(r) for r in order_rows),
            events=events,
            cycles=tuple(_cycle(r.started_ms, r.ended_ms, r.summary) for r in cycle_rows),
            booked_trade_ids=frozenset(int(f.trade_id) for f in ours),
            op=op,
            fill_totals=fill_totals,
        )

    def ledger_check(self, balances: Mapping[str, Decimal]) -> LedgerResult:
        """The agent's own ledger comparison (its stored baseline + the fills its book holds,
        against ``balances``) on a copy of the database."""
        with tempfile.TemporaryDirectory(prefix="chaos-ledger-") as tmp:
            copy = Path(tmp) / self.path.name
            for suffix in ("", "-wal", "-shm"):
                source = self.path.with_name(self.path.name + suffix)
                if source.exists():
                    shutil.copy2(source, copy.with_name(copy.name + suffix))
            engine = make_engine(f"sqlite+pysqlite:///{copy}")
            try:
                guard = LedgerGuard(engine, self.account_key, threshold=1_000_000)
                with guard.store.session() as session:
                    baseline = guard.read_baseline(session)
                    ledger = LedgerBook.of(session.fills.ours()).view()
                if baseline is None:
                    return LedgerResult(None)
                exchange = {a: Balance(a, amount, Decimal(0)) for a, amount in balances.items()}
                return LedgerResult(guard.compare(exchange, ledger, baseline))
            finally:
                engine.dispose()


def _order(row: Row[Any]) -> AgentOrder:
    return AgentOrder(
        row.client_order_id,
        row.exchange_order_id,
        row.symbol,
        row.side,
        row.status,
        row.created_ms,
        method=row.method,
        quantity=row.quantity,
        quote_amount=row.quote_amount,
        filled_quantity=row.filled_quantity,
    )


def _cycle(started: int, ended: int | None, summary_text: str) -> AgentCycle:
    summary = json.loads(summary_text) if summary_text else {}
    ok = summary.get("skipped") is None and summary.get("reconcile_ok", True) is not False
    return AgentCycle(started, ended if ended is not None else started, ok and ended is not None)
