"""The state store in memory, written to a database in bulk at the end (the fast replay).

:class:`MemoryStateStore` implements the same repositories as the SQL store (see
:mod:`btcbot.store.session`) over dictionaries indexed the way the runtime reads them, so a
replay runs the very journal, cycle runner and ledger guard that trade live without a
database round trip per order event. :meth:`MemoryStateStore.flush` then inserts everything in
the live schema, in one transaction and in the order it happened: the resulting database reads
back exactly like one the SQL store wrote during the run (same rows, same ids).

A long replay's cycles and decisions (profile 7 keeps a few kilobytes of decisions a cycle: a
year of minute cycles would hold gigabytes) can go to that transaction while it runs
(:meth:`MemoryStateStore.write_into`): they are written whenever :data:`SPILL_ROWS` rows of
them are held and let go, so the memory a run holds stops growing with its cycles. Nothing is
committed before :meth:`MemoryStateStore.write_rest`; a run that fails leaves no row.

The semantics follow the SQL repositories: a client order id or an exchange order id used
twice is refused (the database's unique keys), a fill is unique by trade id (a differing
duplicate is logged and the stored one kept), *ours* and *foreign* fills are told apart by the
orders at query time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import fields
from decimal import Decimal
from itertools import islice
from operator import attrgetter, itemgetter
from typing import Any

import structlog
from sqlalchemy import Connection, Engine, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import TypeEngine

from btcbot.domain import Fill, Order, OrderRequest, Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.slots import evolve
from btcbot.store.cycles import (
    CycleRecord,
    CycleRepository,
    DecisionRecord,
    SleptCycles,
    cycle_row,
    decision_row,
)
from btcbot.store.engine import unit_of_work
from btcbot.store.errors import StoreError
from btcbot.store.fills import FillInsert, fill_row
from btcbot.store.orders import (
    ExecutionMode,
    StoredOrder,
    changed,
    event_row,
    intent_event_row,
    order_row,
    pending,
    scheduled,
)
from btcbot.store.schema import cycles, decisions, fills, op_state, order_events, orders, risk_state
from btcbot.store.state import OP_DEFAULTS, OpStatus, OpSwitches, op_status
from btcbot.store.types import dumps_json, loads_json

log = structlog.get_logger(__name__)

#: Rows per ``executemany`` when flushing: few statements, and only this many rows of a long
#: run made into parameters at a time.
FLUSH_BATCH = 20_000

#: Cycle and decision rows held before they are written (:meth:`MemoryStateStore.write_into`):
#: about 8,000 cycles of profile 7 on 20 pairs (25 decisions each), tens of megabytes.
SPILL_ROWS = 200_000

_Process = Callable[[Any], Any]


def _ledger_order(fill: Fill) -> tuple[int, int]:
    return (fill.timestamp_ms, fill.trade_id)


class MemoryOrders:
    """Orders and their history; live ones and exchange ids indexed."""

    def __init__(self) -> None:
        self._all: dict[str, StoredOrder] = {}
        self._live: dict[str, StoredOrder] = {}
        self._by_exchange: dict[int, str] = {}
        self._events: list[dict[str, Any]] = []

    def insert_pending(
        self,
        request: OrderRequest,
        *,
        mode: ExecutionMode,
        now_ms: int,
        reason: str | None = None,
    ) -> StoredOrder:
        coid = request.client_order_id
        if coid in self._all:
            raise StoreError(f"client_order_id {coid!r} is already stored")
        stored = pending(request, mode=mode, now_ms=now_ms, reason=reason)
        self._put(stored)
        self._events.append(intent_event_row(stored))
        return stored

    def record_change(
        self, stored: StoredOrder, order: Order, event: str, *, now_ms: int, detail: str | None
    ) -> StoredOrder:
        coid = stored.client_order_id
        exchange_id = order.exchange_order_id
        if exchange_id is not None:
            holder = self._by_exchange.setdefault(exchange_id, coid)
            if holder != coid:
                raise StoreError(f"exchange order id {exchange_id} is already {holder!r}'s")
        updated = changed(stored, order, now_ms)
        self._put(updated)
        self._events.append(
            event_row(
                coid,
                event,
                stored.status,
                order.status,
                now_ms,
                detail,
                exchange_order_id=exchange_id,
                filled_quantity=order.filled_quantity,
            )
        )
        return updated

    def record_schedule(
        self, stored: StoredOrder, *, next_resolve_ms: int, error: str | None, now_ms: int
    ) -> StoredOrder:
        updated = scheduled(stored, next_resolve_ms=next_resolve_ms, error=error, now_ms=now_ms)
        self._put(updated)
        return updated

    def get(self, client_order_id: str) -> StoredOrder | None:
        return self._all.get(client_order_id)

    def by_exchange_id(self, exchange_order_id: int) -> StoredOrder | None:
        coid = self._by_exchange.get(exchange_order_id)
        return None if coid is None else self._all[coid]

    def live_orders(self, mode: ExecutionMode | None = None) -> list[StoredOrder]:
        found = [o for o in self._live.values() if mode is None or o.mode is mode]
        return sorted(found, key=lambda o: (o.created_ms, o.client_order_id))

    def last_submits(self, mode: ExecutionMode) -> dict[tuple[Symbol, Side], int]:
        latest: dict[tuple[Symbol, Side], int] = {}
        for stored in self._all.values():
            if stored.mode is mode and stored.order.request.stop_price is None:
                key = (stored.order.request.symbol, stored.order.request.side)
                latest[key] = max(latest.get(key, stored.created_ms), stored.created_ms)
        return latest

    def touched_since(self, mode: ExecutionMode, since_ms: int) -> dict[Symbol, int]:
        touched: dict[Symbol, int] = {}
        for stored in self._all.values():
            if stored.mode is mode and stored.updated_ms >= since_ms:
                symbol = stored.order.request.symbol
                touched[symbol] = max(touched.get(symbol, stored.updated_ms), stored.updated_ms)
        return touched

    def has_exchange_id(self, exchange_order_id: int) -> bool:
        return exchange_order_id in self._by_exchange

    def waiting_for_id(self, client_order_id: str) -> bool:
        """True for an order of ours that has no exchange id yet."""
        stored = self._all.get(client_order_id)
        return stored is not None and stored.order.exchange_order_id is None

    def rows(self) -> Iterator[dict[str, Any]]:
        return (order_row(stored) for stored in self._all.values())

    def event_rows(self) -> Sequence[dict[str, Any]]:
        return self._events

    def _put(self, stored: StoredOrder) -> None:
        coid = stored.client_order_id
        self._all[coid] = stored
        if stored.status.is_live:
            self._live[coid] = stored
        else:
            self._live.pop(coid, None)


class MemoryFills:
    """Fills unique by trade id, indexed by order, client id and symbol."""

    def __init__(self, orders: MemoryOrders) -> None:
        self._orders = orders
        self._fills: dict[int, tuple[Fill, int]] = {}
        self._quantity: dict[int, Decimal] = {}
        self._latest: dict[Symbol, int] = {}
        self._by_client: dict[str, list[Fill]] = {}  # fills carrying a client order id
        self._by_symbol: dict[Symbol, list[Fill]] = {}

    def insert(self, fill: Fill, *, now_ms: int) -> FillInsert:
        known = self._fills.get(fill.trade_id)
        if known is None:
            self._fills[fill.trade_id] = (fill, now_ms)
            self._quantity[fill.order_id] = self._quantity.get(fill.order_id, ZERO) + fill.quantity
            latest = self._latest.get(fill.symbol)
            if latest is None or fill.timestamp_ms > latest:
                self._latest[fill.symbol] = fill.timestamp_ms
            if fill.client_order_id is not None:
                self._by_client.setdefault(fill.client_order_id, []).append(fill)
            self._by_symbol.setdefault(fill.symbol, []).append(fill)
            return FillInsert.INSERTED
        if known[0] == fill:
            return FillInsert.DUPLICATE
        log.warning(
            "fill_conflict", trade_id=str(fill.trade_id), stored=repr(known[0]), reported=repr(fill)
        )
        return FillInsert.CONFLICT

    def quantity_of(self, order_id: int) -> Decimal:
        return self._quantity.get(order_id, ZERO)

    def latest_ms(self, symbol: Symbol) -> int | None:
        return self._latest.get(symbol)

    def ours(self, symbol: Symbol | None = None, since_ms: int | None = None) -> list[Fill]:
        if symbol is None:
            candidates: Iterable[Fill] = (fill for fill, _ in self._fills.values())
        else:
            candidates = self._by_symbol.get(symbol, ())
        found = [
            f
            for f in candidates
            if self._is_ours(f) and (since_ms is None or f.timestamp_ms >= since_ms)
        ]
        return sorted(found, key=_ledger_order)

    def of_client(self, client_order_id: str) -> list[tuple[Fill, int]]:
        found = [self._fills[f.trade_id] for f in self._by_client.get(client_order_id, ())]
        return sorted(found, key=lambda pair: _ledger_order(pair[0]))

    def waiting_for_id(self) -> list[tuple[Fill, int]]:
        found = [
            pair
            for pair in self._fills.values()
            if not self._orders.has_exchange_id(pair[0].order_id) and self._by_client_id(pair[0])
        ]
        return sorted(found, key=lambda pair: _ledger_order(pair[0]))

    def foreign_recorded(self) -> list[tuple[Fill, int]]:
        found = [pair for pair in self._fills.values() if not self._is_ours(pair[0])]
        return sorted(found, key=lambda pair: _ledger_order(pair[0]))

    def rows(self) -> Iterator[dict[str, Any]]:
        return (fill_row(fill, recorded) for fill, recorded in self._fills.values())

    def _is_ours(self, fill: Fill) -> bool:
        return self._orders.has_exchange_id(fill.order_id) or self._by_client_id(fill)

    def _by_client_id(self, fill: Fill) -> bool:
        coid = fill.client_order_id
        return coid is not None and self._orders.waiting_for_id(coid)


_DECISION_FIELDS = attrgetter(*(f.name for f in fields(DecisionRecord)))  # what == compares


class MemoryCycles:
    """Cycle records in the order they were recorded, with their decisions.

    Most cycles repeat many decisions of the cycle before (the same universe exclusions, the
    same holds), so a decision equal to one of the previous cycle's is kept as a reference to
    that record (they are frozen values): a long replay does not hold a copy of each."""

    def __init__(self) -> None:
        self._cycles: dict[str, CycleRecord] = {}
        self._decisions: list[tuple[str, tuple[DecisionRecord, ...]]] = []
        self._previous: dict[tuple[Any, ...], DecisionRecord] = {}  # the last cycle's, by fields
        self._slept: list[SleptCycles] = []  # kept by column; rows made at the write
        self._held = 0  # rows the cycles and decisions held here would write
        self._written: Connection | None = None  # where held rows go (write_into)

    def write_into(self, connection: Connection) -> None:
        """From now on, write the held cycles and decisions into ``connection`` (inside its
        transaction) whenever :data:`SPILL_ROWS` are held as another is recorded: all the
        cycles held then are complete (a cycle is finished before the next is recorded)."""
        self._written = connection

    def write_held(self) -> None:
        """Insert the held cycles, then their decisions, into the :meth:`write_into`
        connection, and let them go (the last cycle's decisions stay the reference of
        repeated ones)."""
        if self._written is None:
            raise StoreError("no connection to write cycles into (write_into)")
        _insert_all(self._written, cycles, self.rows())
        _insert_all(self._written, decisions, self.decision_rows())
        self._cycles, self._decisions, self._slept, self._held = {}, [], [], 0

    def _make_room(self) -> None:
        if self._written is not None and self._held >= SPILL_ROWS:
            self.write_held()

    def record_slept(self, slept: SleptCycles) -> None:
        if len(slept):
            self._make_room()
            self._slept.append(slept)
            self._held += len(slept)

    def record(self, cycle: CycleRecord, decided: Iterable[DecisionRecord] = ()) -> None:
        if cycle.cycle_id in self._cycles:  # (one written already: its primary key refuses it)
            raise StoreError(f"cycle {cycle.cycle_id!r} is already recorded")
        self._make_room()
        self._cycles[cycle.cycle_id] = cycle
        decided = list(decided)
        keys = list(map(_DECISION_FIELDS, decided))  # C-level, unlike the dataclass hash
        previous = self._previous.get
        decisions = tuple([previous(key, d) for key, d in zip(keys, decided, strict=True)])
        self._held += 1 + len(decisions)
        if decisions:
            self._decisions.append((cycle.cycle_id, decisions))
            self._previous = dict(zip(keys, decisions, strict=True))

    def finish(
        self,
        cycle_id: str,
        *,
        ended_ms: int,
        fills: int,
        realized_pnl: Decimal | None,
        equity: Decimal | None,
        summary: Mapping[str, Any],
    ) -> None:
        cycle = self._cycles.get(cycle_id)
        if cycle is None:
            if self._written is not None:  # written already, or an UPDATE of no row there
                CycleRepository(self._written).finish(
                    cycle_id,
                    ended_ms=ended_ms,
                    fills=fills,
                    realized_pnl=realized_pnl,
                    equity=equity,
                    summary=summary,
                )
            return  # as an UPDATE of no row
        self._cycles[cycle_id] = evolve(
            cycle,
            ended_ms=ended_ms,
            fills=fills,
            realized_pnl=realized_pnl,
            equity=equity,
            summary=dict(summary),
        )

    def get(self, cycle_id: str) -> CycleRecord | None:
        found = self._cycles.get(cycle_id)
        if found is None:
            slept = (c for batch in self._slept for c in batch.records() if c.cycle_id == cycle_id)
            found = next(slept, None)
        if found is None and self._written is not None:
            found = CycleRepository(self._written).get(cycle_id)
        return found

    def rows(self) -> Iterator[dict[str, Any]]:
        yield from (cycle_row(cycle) for cycle in self._cycles.values())
        for batch in self._slept:
            yield from batch.rows()

    def decision_rows(self) -> Iterator[dict[str, Any]]:
        return (
            decision_row(cycle_id, decision)
            for cycle_id, decisions in self._decisions
            for decision in decisions
        )


class MemoryDocuments:
    """JSON documents by key; a document is a value (not changed by the caller after put).

    ``get`` answers what the database would: the document after a JSON round trip (computed
    at the first read after a put), as a new dictionary."""

    def __init__(self) -> None:
        self._docs: dict[str, tuple[dict[str, Any], int]] = {}
        self._read: dict[str, dict[str, Any]] = {}

    def get(self, account_key: str) -> dict[str, Any] | None:
        found = self._docs.get(account_key)
        if found is None:
            return None
        read = self._read.get(account_key)
        if read is None:
            read = self._read[account_key] = dict(loads_json(dumps_json(found[0])))
        return dict(read)

    def updated_ms(self, account_key: str) -> int | None:
        found = self._docs.get(account_key)
        return None if found is None else found[1]

    def put(self, account_key: str, state: Mapping[str, Any], *, now_ms: int) -> None:
        self._docs[account_key] = (dict(state), now_ms)
        self._read.pop(account_key, None)

    def delete(self, account_key: str) -> bool:
        self._read.pop(account_key, None)
        return self._docs.pop(account_key, None) is not None

    def rows(self) -> Iterator[dict[str, Any]]:
        for key, (state, updated) in self._docs.items():
            yield {"account_key": key, "state": dumps_json(state), "updated_ms": updated}


class MemoryOpState(OpSwitches):
    """:class:`~btcbot.store.state.OpSwitches` rows in a dictionary."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}
        self._read: dict[str, OpStatus] = {}  # the value of each row since it last changed

    def get(self, account_key: str) -> OpStatus:
        status = self._read.get(account_key)
        if status is None:
            row = self._rows.get(account_key)
            status = OpStatus(account_key) if row is None else op_status(row)
            self._read[account_key] = status
        return status

    def _save(self, account_key: str, now_ms: int, **values: Any) -> None:
        self._read.pop(account_key, None)
        row = self._rows.get(account_key)
        if row is None:
            row = self._rows[account_key] = {**OP_DEFAULTS, "account_key": account_key}
        row.update(values, updated_ms=now_ms)

    def rows(self) -> Iterator[dict[str, Any]]:
        columns = [column.name for column in op_state.columns]
        return ({name: row.get(name) for name in columns} for row in self._rows.values())


class MemoryStateStore:
    """Every repository in memory; :meth:`flush` writes them into a migrated database."""

    def __init__(self) -> None:
        self.orders = MemoryOrders()
        self.fills = MemoryFills(self.orders)
        self.cycles = MemoryCycles()
        self.documents = MemoryDocuments()
        self.op_state = MemoryOpState()
        self._session = nullcontext(self)

    def session(self) -> nullcontext[MemoryStateStore]:
        """The repositories themselves (a session here is not a transaction)."""
        return self._session

    def table_rows(self) -> list[tuple[Table, Iterable[dict[str, Any]]]]:
        """Each table with its rows (made as they are read) in the order :meth:`flush` writes
        them: parents before children, each table's rows in the order they were made. Cycles
        and decisions written as the run went (:meth:`write_into`) are no longer held here."""
        return [
            (orders, self.orders.rows()),
            (order_events, self.orders.event_rows()),
            (fills, self.fills.rows()),
            (cycles, self.cycles.rows()),
            (decisions, self.cycles.decision_rows()),
            (risk_state, self.documents.rows()),
            (op_state, self.op_state.rows()),
        ]

    def flush(self, engine: Engine) -> None:
        """Insert :meth:`table_rows` into ``engine``'s (empty, migrated) tables in one
        transaction, in batches of :data:`FLUSH_BATCH` rows. On SQLite each table's statement
        is compiled once and its rows go to the driver as tuples (:class:`_TupleInsert`): a
        long replay's millions of rows skip SQLAlchemy's per-row parameter handling."""
        with unit_of_work(engine) as connection:
            self.write_rest(connection)

    def write_into(self, connection: Connection) -> None:
        """Write cycles and decisions into ``connection``'s open transaction as the run goes
        (module docstring); :meth:`write_rest` later writes the rest into it."""
        self.cycles.write_into(connection)

    def write_rest(self, connection: Connection) -> None:
        """Insert :meth:`table_rows` (what is still held) into ``connection``'s tables, inside
        its transaction (the caller commits)."""
        for table, rows in self.table_rows():
            _insert_all(connection, table, rows)


class _TupleInsert:
    """A table's INSERT of some columns, compiled once as SQLAlchemy compiles it for an
    ``executemany``, that takes rows as plain tuples for the driver: each row's values in the
    statement's order, passed through the bind processor of each column whose type has one
    (exactly what SQLAlchemy would send), without SQLAlchemy's per-row parameter handling."""

    def __init__(
        self, sql: str, names: Sequence[str], processors: list[tuple[int, _Process]]
    ) -> None:
        self.sql = sql
        self._width = len(names)
        self._values = itemgetter(*names)
        self._processors = processors

    @classmethod
    def compile(cls, table: Table, keys: Iterable[str], dialect: Dialect) -> _TupleInsert | None:
        """The INSERT of the columns ``keys``; None unless the dialect is SQLite, its statement
        positional and its parameters exactly ``keys`` (no default computed for a column left
        out, no key ignored), at least two (one value would not be a tuple)."""
        if dialect.name != "sqlite":
            return None
        keys = list(keys)
        compiled = table.insert().compile(dialect=dialect, column_keys=keys, for_executemany=True)
        if not isinstance(compiled, SQLCompiler) or not compiled.positional:
            return None
        names = compiled.positiontup
        if names is None or len(names) < 2 or sorted(names) != sorted(keys):
            return None
        processors = [
            (index, process)
            for index, name in enumerate(names)
            if (process := _bind_processor(compiled.binds[name].type, dialect)) is not None
        ]
        return cls(compiled.string, names, processors)

    def tuples(self, batch: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]] | None:
        """The rows' parameters, or None when a row's keys are not the statement's."""
        if not all(map(self._width.__eq__, map(len, batch))):
            return None
        try:
            values = list(map(self._values, batch))
        except KeyError:
            return None
        if self._processors:
            columns = list(zip(*values, strict=True))
            for index, process in self._processors:
                columns[index] = tuple(map(process, columns[index]))
            values = list(zip(*columns, strict=True))
        return values


def _bind_processor(type_: TypeEngine[Any], dialect: Dialect) -> _Process | None:
    """The processor SQLAlchemy applies to a bound value of ``type_`` (of its dialect type)."""
    return type_.dialect_impl(dialect).bind_processor(dialect)


def _insert_all(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    """Insert ``rows`` in order: as tuples through the driver when the table's rows allow it
    (:class:`_TupleInsert`), otherwise (another dialect, a batch of other keys) each batch
    through SQLAlchemy."""
    bulk: _TupleInsert | None = None
    for number, batch in enumerate(_batches(rows, FLUSH_BATCH)):
        if number == 0:
            bulk = _TupleInsert.compile(table, batch[0].keys(), connection.dialect)
        values = None if bulk is None else bulk.tuples(batch)
        if bulk is None or values is None:
            connection.execute(table.insert(), batch)
        else:
            connection.exec_driver_sql(bulk.sql, values)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch
