"""The order manager's view of the store: every call is one short transaction of its own.

Outcomes are written the moment they are known (a crash right after a submit reply must not
lose it), so nothing here joins the caller's cycle transaction. Evidence is applied through the
domain transition table; evidence the table does not allow in the order's current state (a
late WS insert for an order already filled, a fill for a rejected order) is ignored and logged,
never forced, and evidence naming another order's exchange id is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

import structlog
from sqlalchemy import Engine, func, select

from btcbot.domain import Fill, OrderEvent, Side, Symbol, next_status
from btcbot.domain.money import ZERO
from btcbot.domain.orders import TRANSITIONS, Order
from btcbot.execution.evidence import Evidence
from btcbot.store import (
    ExecutionMode,
    FillInsert,
    FillRepository,
    OrderRepository,
    StoredOrder,
    unit_of_work,
)
from btcbot.store.schema import fills, orders

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Applied:
    order: StoredOrder
    changed: bool
    ignored: bool = False  # not allowed in the order's state, or names another order's id


class Journal:
    def __init__(self, engine: Engine, mode: ExecutionMode, clock_ms: Callable[[], int]) -> None:
        self._engine = engine
        self.mode = mode
        self.now = clock_ms

    # --- reads -----------------------------------------------------------------------------

    def get(self, client_order_id: str) -> StoredOrder | None:
        with unit_of_work(self._engine) as conn:
            return OrderRepository(conn).get(client_order_id)

    def owner(
        self,
        exchange_order_id: int,
        client_order_id: str | None,
        *,
        symbol: Symbol | None = None,
        side: Side | None = None,
    ) -> StoredOrder | None:
        """Our order for this exchange id, else the one with this client id still waiting for
        its exchange id (client ids are not unique on BTCTurk: never match an assigned one,
        nor one of another symbol or side)."""
        with unit_of_work(self._engine) as conn:
            repo = OrderRepository(conn)
            stored = repo.by_exchange_id(exchange_order_id)
            if stored is not None or client_order_id is None:
                return stored
            candidate = repo.get(client_order_id)
        if candidate is None or candidate.order.exchange_order_id is not None:
            return None
        request = candidate.order.request
        if (symbol and symbol != request.symbol) or (side and side is not request.side):
            return None
        return candidate

    def live(self) -> list[StoredOrder]:
        with unit_of_work(self._engine) as conn:
            return OrderRepository(conn).live_orders(self.mode)

    def due_in_flight(self) -> list[StoredOrder]:
        with unit_of_work(self._engine) as conn:
            due = OrderRepository(conn).due_for_resolution(self.now())
        return [stored for stored in due if stored.mode is self.mode]

    def filled_total(self, exchange_order_id: int) -> Decimal:
        """Sum of the stored fills of one exchange order (base quantity)."""
        query = select(fills.c.quantity).where(fills.c.order_id == exchange_order_id)
        with unit_of_work(self._engine) as conn:
            return sum((row.quantity for row in conn.execute(query)), ZERO)

    def changed_symbols(self, since_ms: int) -> set[Symbol]:
        """Symbols with an order of this mode that changed at or after ``since_ms``."""
        query = (
            select(orders.c.symbol)
            .where(orders.c.mode == self.mode.value)
            .where(orders.c.updated_ms >= since_ms)
            .distinct()
        )
        with unit_of_work(self._engine) as conn:
            return {Symbol.parse(symbol) for (symbol,) in conn.execute(query)}

    def latest_fill_ms(self, symbol: Symbol) -> int | None:
        query = select(func.max(fills.c.timestamp_ms)).where(fills.c.symbol == symbol.normalized)
        with unit_of_work(self._engine) as conn:
            value = conn.execute(query).scalar()
        return None if value is None else int(value)

    # --- writes ----------------------------------------------------------------------------

    def record_fill(self, fill: Fill) -> FillInsert:
        with unit_of_work(self._engine) as conn:
            return FillRepository(conn).insert(fill, now_ms=self.now())

    def schedule(self, client_order_id: str, *, delay_ms: int, note: str) -> None:
        """Set the next resolution look ``delay_ms`` from now (counts one scheduled look)."""
        now = self.now()
        with unit_of_work(self._engine) as conn:
            OrderRepository(conn).schedule_resolve(
                client_order_id, next_resolve_ms=now + delay_ms, error=note, now_ms=now
            )

    def apply(
        self, client_order_id: str, evidence: Evidence, *, record_noop: bool = False
    ) -> Applied:
        """Apply ``evidence`` if the transition table allows it; no-ops are not written unless
        ``record_noop`` (e.g. a cancel acknowledgement worth keeping in the history)."""
        now = self.now()
        with unit_of_work(self._engine) as conn:
            repo = OrderRepository(conn)
            stored = repo.require(client_order_id)
            claimed = _claimed_elsewhere(repo, stored, evidence)
            verdict = _judge(stored.order, evidence, claimed)
            if verdict is not _Verdict.APPLY and not (verdict is _Verdict.NOOP and record_noop):
                return _not_applied(stored, evidence, verdict)
            updated = repo.apply_event(
                client_order_id,
                evidence.event,
                now_ms=now,
                exchange_order_id=evidence.exchange_order_id,
                filled_quantity=_filled(stored.order, evidence),
                reason=evidence.source,
            )
        _log_transition(stored, updated, evidence)
        return Applied(updated, changed=updated.status is not stored.status)


# Evidence that may trail a finished order in a normal race (a WS insert after the fill was
# booked, a cancel reply after the 452): ignored quietly. Anything else ignored is a warning.
_LATE_AND_HARMLESS = frozenset(
    {
        OrderEvent.ACCEPTED,
        OrderEvent.PARTIAL_FILL,
        OrderEvent.CANCEL_REQUESTED,
        OrderEvent.AMBIGUOUS,
    }
)


class _Verdict(StrEnum):
    APPLY = "apply"
    NOOP = "noop"
    ILLEGAL = "illegal"
    CONFLICT = "conflict"


def _claimed_elsewhere(repo: OrderRepository, stored: StoredOrder, evidence: Evidence) -> bool:
    exchange_id = evidence.exchange_order_id
    if exchange_id is None or exchange_id == stored.order.exchange_order_id:
        return False
    other = repo.by_exchange_id(exchange_id)
    return other is not None and other.client_order_id != stored.client_order_id


def _filled(order: Order, evidence: Evidence) -> Decimal:
    if evidence.filled_quantity is None:
        return order.filled_quantity
    return max(order.filled_quantity, evidence.filled_quantity)


def _judge(order: Order, evidence: Evidence, claimed_elsewhere: bool) -> _Verdict:
    known = order.exchange_order_id
    reported = evidence.exchange_order_id
    if claimed_elsewhere or (known is not None and reported is not None and known != reported):
        return _Verdict.CONFLICT
    if (order.status, evidence.event) not in TRANSITIONS:
        return _Verdict.ILLEGAL
    filled = _filled(order, evidence)
    target = next_status(order.status, evidence.event, has_fills=filled > ZERO)
    same_id = reported is None or reported == known
    if target is order.status and filled == order.filled_quantity and same_id:
        return _Verdict.NOOP
    return _Verdict.APPLY


def _not_applied(stored: StoredOrder, evidence: Evidence, verdict: _Verdict) -> Applied:
    if verdict is _Verdict.NOOP:
        return Applied(stored, changed=False)
    late = evidence.event in _LATE_AND_HARMLESS and stored.status.is_terminal
    emit = log.info if verdict is _Verdict.ILLEGAL and late else log.warning
    emit(
        "order_evidence_ignored",
        client_order_id=stored.client_order_id,
        status=stored.status.value,
        order_event=evidence.event.value,
        source=evidence.source,
        verdict=verdict.value,
        exchange_order_id=evidence.exchange_order_id,
        known_exchange_order_id=stored.order.exchange_order_id,
    )
    return Applied(stored, changed=False, ignored=True)


def _log_transition(before: StoredOrder, after: StoredOrder, evidence: Evidence) -> None:
    log.info(
        "order_transition",
        client_order_id=after.client_order_id,
        order_event=evidence.event.value,
        source=evidence.source,
        from_status=before.status.value,
        to_status=after.status.value,
        exchange_order_id=after.order.exchange_order_id,
        filled=str(after.order.filled_quantity),
    )
