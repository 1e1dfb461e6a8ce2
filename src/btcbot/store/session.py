"""The store as the runtime sees it: sessions of repositories, on a database or in memory.

The OMS journal, the cycle runner, the ledger guard and the reconciliation counter never hold a
connection: they ask a :class:`StateStore` for a session, use the repositories it carries and
leave. Two backends implement it:

* :class:`SqlStateStore` — one database transaction per session (``unit_of_work``): live and
  dry runs, and the database replay path. What a session writes is committed when it ends.
* :class:`~btcbot.store.memory.MemoryStateStore` — the same repositories over dictionaries,
  written to a database in bulk once, at the end (the fast replay). A session there is not a
  transaction: nothing is rolled back (a replay that raises is discarded whole).

The protocols list exactly what the runtime uses; the SQL repositories satisfy them as they
are, and a test runs both backends through the same calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import Connection, Engine

from btcbot.domain import Fill, Order, OrderRequest, Side, Symbol
from btcbot.store.cycles import CycleRecord, CycleRepository, DecisionRecord, SleptCycles
from btcbot.store.engine import unit_of_work
from btcbot.store.fills import FillInsert, FillRepository
from btcbot.store.orders import ExecutionMode, OrderRepository, StoredOrder
from btcbot.store.state import OpState, OpStatus, ReconcileCount, RiskStateRepository


class OrderStore(Protocol):
    def insert_pending(
        self,
        request: OrderRequest,
        *,
        mode: ExecutionMode,
        now_ms: int,
        reason: str | None = None,
    ) -> StoredOrder: ...

    def record_change(
        self, stored: StoredOrder, order: Order, event: str, *, now_ms: int, detail: str | None
    ) -> StoredOrder: ...

    def record_schedule(
        self, stored: StoredOrder, *, next_resolve_ms: int, error: str | None, now_ms: int
    ) -> StoredOrder: ...

    def get(self, client_order_id: str) -> StoredOrder | None: ...

    def by_exchange_id(self, exchange_order_id: int) -> StoredOrder | None: ...

    def live_orders(self, mode: ExecutionMode | None = None) -> list[StoredOrder]: ...

    def last_submits(self, mode: ExecutionMode) -> dict[tuple[Symbol, Side], int]: ...

    def touched_since(self, mode: ExecutionMode, since_ms: int) -> dict[Symbol, int]: ...


class FillStore(Protocol):
    def insert(self, fill: Fill, *, now_ms: int) -> FillInsert: ...

    def quantity_of(self, order_id: int) -> Decimal: ...

    def latest_ms(self, symbol: Symbol) -> int | None: ...

    def ours(self, symbol: Symbol | None = None, since_ms: int | None = None) -> list[Fill]: ...

    def of_client(self, client_order_id: str) -> list[tuple[Fill, int]]: ...

    def waiting_for_id(self) -> list[tuple[Fill, int]]: ...

    def foreign_recorded(self) -> list[tuple[Fill, int]]: ...


class CycleStore(Protocol):
    def record(self, cycle: CycleRecord, decided: Iterable[DecisionRecord] = ()) -> None: ...

    def record_slept(self, slept: SleptCycles) -> None: ...

    def finish(
        self,
        cycle_id: str,
        *,
        ended_ms: int,
        fills: int,
        realized_pnl: Decimal | None,
        equity: Decimal | None,
        summary: Mapping[str, Any],
    ) -> None: ...


class DocumentStore(Protocol):
    """JSON documents by key (the ``risk_state`` table): risk state, ledger baseline..."""

    def get(self, account_key: str) -> dict[str, Any] | None: ...

    def updated_ms(self, account_key: str) -> int | None: ...

    def put(self, account_key: str, state: Mapping[str, Any], *, now_ms: int) -> None: ...

    def delete(self, account_key: str) -> bool: ...


class OpStateStore(Protocol):
    def get(self, account_key: str) -> OpStatus: ...

    def set_kill_switch(
        self, account_key: str, *, active: bool, source: str, reason: str, now_ms: int
    ) -> None: ...

    def set_freeze(self, account_key: str, *, reason: str, now_ms: int) -> None: ...

    def record_reconcile_failure(
        self, account_key: str, *, error: str, threshold: int, now_ms: int
    ) -> ReconcileCount: ...

    def reset_reconcile_failures(self, account_key: str, *, now_ms: int) -> None: ...


class StateSession(Protocol):
    """The repositories of one session."""

    @property
    def orders(self) -> OrderStore: ...

    @property
    def fills(self) -> FillStore: ...

    @property
    def cycles(self) -> CycleStore: ...

    @property
    def documents(self) -> DocumentStore: ...

    @property
    def op_state(self) -> OpStateStore: ...


class StateStore(Protocol):
    def session(self) -> AbstractContextManager[StateSession]:
        """Repositories for one unit of work (a transaction on a database)."""
        ...


class SqlSession:
    """The SQL repositories on one transaction's connection (built on first use)."""

    __slots__ = ("_conn", "_cycles", "_documents", "_fills", "_op_state", "_orders")

    def __init__(self, connection: Connection) -> None:
        self._conn = connection
        self._orders: OrderRepository | None = None
        self._fills: FillRepository | None = None
        self._cycles: CycleRepository | None = None
        self._documents: RiskStateRepository | None = None
        self._op_state: OpState | None = None

    @property
    def connection(self) -> Connection:
        return self._conn

    @property
    def orders(self) -> OrderRepository:
        if self._orders is None:
            self._orders = OrderRepository(self._conn)
        return self._orders

    @property
    def fills(self) -> FillRepository:
        if self._fills is None:
            self._fills = FillRepository(self._conn)
        return self._fills

    @property
    def cycles(self) -> CycleRepository:
        if self._cycles is None:
            self._cycles = CycleRepository(self._conn)
        return self._cycles

    @property
    def documents(self) -> RiskStateRepository:
        if self._documents is None:
            self._documents = RiskStateRepository(self._conn)
        return self._documents

    @property
    def op_state(self) -> OpState:
        if self._op_state is None:
            self._op_state = OpState(self._conn)
        return self._op_state


class SqlStateStore:
    """One database transaction per session."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[SqlSession]:
        with unit_of_work(self.engine) as connection:
            yield SqlSession(connection)


def as_store(target: Engine | StateStore) -> StateStore:
    """A store for ``target``: an engine gets the SQL backend."""
    return SqlStateStore(target) if isinstance(target, Engine) else target
