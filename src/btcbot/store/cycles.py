"""Cycle records and the decisions taken in them (audit trail, reports, parity)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Row, select

from btcbot.domain.slots import fast_init
from btcbot.store.errors import DamagedRow
from btcbot.store.orders import ExecutionMode
from btcbot.store.rows import UNREADABLE, BadRow, read_stored, stored_columns
from btcbot.store.schema import cycles, decisions
from btcbot.store.types import dumps_json, loads_json


@fast_init
@dataclass(frozen=True, slots=True)
class DecisionRecord:
    layer: str  # strategy | risk_policy | risk_budget | execution | ...
    action: str  # SUBMIT | CANCEL | BLOCK | CAP | SUPPRESS | ...
    reason_code: str
    symbol: str | None = None  # None for cycle-wide decisions
    detail: str | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class CycleRecord:
    cycle_id: str
    stage: int
    started_ms: int
    mode: ExecutionMode
    ended_ms: int | None = None
    risk_mode: str | None = None
    submits: int = 0
    cancels: int = 0
    fills: int = 0
    realized_pnl: Decimal | None = None
    equity: Decimal | None = None
    plan_fingerprint: str | None = None
    summary: Mapping[str, Any] = field(default_factory=dict)


@fast_init
@dataclass(frozen=True, slots=True)
class SleptCycles:
    """Consecutive cycles a replay slept through (:mod:`btcbot.runtime.slept`), kept by
    column: cycle ``i`` is ``{id_prefix}-{starts[i]}-{first_sequence + i}``, started and
    ended at ``starts[i]`` in risk mode NORMAL with no plan, ``equity[i]`` and
    ``realized_pnl[i]``, and ``summary``. Written as ordinary cycle rows."""

    id_prefix: str
    stage: int
    mode: ExecutionMode
    first_sequence: int
    starts: Sequence[int]
    equity: Sequence[Decimal | None]
    realized_pnl: Sequence[Decimal | None]
    summary: Mapping[str, Any]

    def __post_init__(self) -> None:
        if not len(self.starts) == len(self.equity) == len(self.realized_pnl):
            raise ValueError("slept cycles need one start, equity and realized PnL each")

    def __len__(self) -> int:
        return len(self.starts)

    def cycle_id(self, index: int) -> str:
        return f"{self.id_prefix}-{self.starts[index]}-{self.first_sequence + index}"

    def records(self) -> Iterator[CycleRecord]:
        for index, started in enumerate(self.starts):
            yield CycleRecord(
                cycle_id=self.cycle_id(index),
                stage=self.stage,
                started_ms=started,
                mode=self.mode,
                ended_ms=started,
                risk_mode="NORMAL",
                realized_pnl=self.realized_pnl[index],
                equity=self.equity[index],
                summary=self.summary,
            )

    def rows(self) -> Iterator[dict[str, Any]]:
        """The cycle rows (as :func:`cycle_row` gives them), summary serialised once."""
        summary, mode = dumps_json(dict(self.summary)), self.mode.value
        for index, started in enumerate(self.starts):
            yield {
                "cycle_id": self.cycle_id(index),
                "stage": self.stage,
                "started_ms": started,
                "ended_ms": started,
                "mode": mode,
                "risk_mode": "NORMAL",
                "submits": 0,
                "cancels": 0,
                "fills": 0,
                "realized_pnl": self.realized_pnl[index],
                "equity": self.equity[index],
                "plan_fingerprint": None,
                "summary": summary,
            }


class CycleRepository:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def record_slept(self, slept: SleptCycles) -> None:
        """Insert a batch of slept cycles (one statement)."""
        if len(slept):
            self._conn.execute(cycles.insert(), list(slept.rows()))

    def record(self, cycle: CycleRecord, decided: Iterable[DecisionRecord] = ()) -> None:
        """Insert the cycle and its decisions (call inside the cycle's unit of work)."""
        self._conn.execute(cycles.insert().values(cycle_row(cycle)))
        rows = [decision_row(cycle.cycle_id, d) for d in decided]
        if rows:
            self._conn.execute(decisions.insert(), rows)

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
        """Complete a recorded cycle once its actions ran (outcomes, valuation)."""
        self._conn.execute(
            cycles.update()
            .where(cycles.c.cycle_id == cycle_id)
            .values(
                ended_ms=ended_ms,
                fills=fills,
                realized_pnl=realized_pnl,
                equity=equity,
                summary=dumps_json(dict(summary)),
            )
        )

    def get(self, cycle_id: str) -> CycleRecord | None:
        row = self._conn.execute(select(cycles).where(cycles.c.cycle_id == cycle_id)).first()
        return None if row is None else _to_cycle(row)

    def get_checked(self, cycle_id: str) -> CycleRecord | None:
        """:meth:`get`; a row that does not read back raises
        :class:`~btcbot.store.errors.DamagedRow` naming it."""
        query = select(*stored_columns(cycles)).where(cycles.c.cycle_id == cycle_id)
        row = self._conn.execute(query).first()
        if row is None:
            return None
        try:
            return _read_cycle(row, self._conn)
        except UNREADABLE as exc:
            raise DamagedRow(
                f"cycle {cycle_id} in the state database cannot be read ({exc}): restore the "
                "database from a backup or correct the row"
            ) from None

    def latest(self, limit: int = 10) -> list[CycleRecord]:
        query = select(cycles).order_by(cycles.c.started_ms.desc(), cycles.c.cycle_id.desc())
        return [_to_cycle(row) for row in self._conn.execute(query.limit(limit))]

    def latest_readable(self, limit: int = 10) -> tuple[list[CycleRecord], list[tuple[str, str]]]:
        """:meth:`latest`, with each row that does not read back (edited by hand, damaged)
        set aside as ``(cycle_id, problem)`` instead of failing the read."""
        query = select(*stored_columns(cycles)).order_by(
            cycles.c.started_ms.desc(), cycles.c.cycle_id.desc()
        )
        readable: list[CycleRecord] = []
        unreadable: list[tuple[str, str]] = []
        for row in self._conn.execute(query.limit(limit)):
            try:
                readable.append(_read_cycle(row, self._conn))
            except UNREADABLE as exc:
                unreadable.append((str(row.cycle_id), str(exc)))
        return readable, unreadable

    def decisions(self, cycle_id: str) -> list[DecisionRecord]:
        query = (
            select(decisions)
            .where(decisions.c.cycle_id == cycle_id)
            .order_by(decisions.c.decision_id)
        )
        return [
            DecisionRecord(r.layer, r.action, r.reason_code, r.symbol, r.detail)
            for r in self._conn.execute(query)
        ]


def cycle_row(cycle: CycleRecord) -> dict[str, Any]:
    return {
        "cycle_id": cycle.cycle_id,
        "stage": cycle.stage,
        "started_ms": cycle.started_ms,
        "ended_ms": cycle.ended_ms,
        "mode": cycle.mode.value,
        "risk_mode": cycle.risk_mode,
        "submits": cycle.submits,
        "cancels": cycle.cancels,
        "fills": cycle.fills,
        "realized_pnl": cycle.realized_pnl,
        "equity": cycle.equity,
        "plan_fingerprint": cycle.plan_fingerprint,
        "summary": dumps_json(dict(cycle.summary)),
    }


def decision_row(cycle_id: str, decision: DecisionRecord) -> dict[str, Any]:
    return {
        "cycle_id": cycle_id,
        "symbol": decision.symbol,
        "layer": decision.layer,
        "action": decision.action,
        "reason_code": decision.reason_code,
        "detail": decision.detail,
    }


def _read_cycle(row: Row[Any], conn: Connection) -> CycleRecord:
    """A ``cycles`` row selected through :func:`~btcbot.store.rows.stored_columns`, converted
    (:class:`~btcbot.store.rows.BadRow` names what does not convert)."""
    values = read_stored(row, cycles, conn.dialect)
    try:
        summary = loads_json(values["summary"])
    except ValueError as exc:
        raise BadRow(f"summary: not JSON ({exc})") from None
    if not isinstance(summary, dict):
        raise BadRow("summary: not a JSON object")
    return _to_cycle(SimpleNamespace(**values))


def _to_cycle(row: Any) -> CycleRecord:
    return CycleRecord(
        cycle_id=row.cycle_id,
        stage=row.stage,
        started_ms=row.started_ms,
        mode=ExecutionMode(row.mode),
        ended_ms=row.ended_ms,
        risk_mode=row.risk_mode,
        submits=row.submits,
        cancels=row.cancels,
        fills=row.fills,
        realized_pnl=row.realized_pnl,
        equity=row.equity,
        plan_fingerprint=row.plan_fingerprint,
        summary=loads_json(row.summary),
    )
