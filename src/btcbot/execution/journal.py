"""The order manager's view of the store: order state carried in memory, written through.

Outcomes are written the moment they are known (a crash right after a submit reply must not
lose it), each in a session (a transaction) of its own, so nothing here joins the caller's
cycle transaction. Evidence is applied through the domain transition table; evidence the table
does not allow in the order's current state (a late WS insert for an order already filled, a
fill for a rejected order) is ignored and logged, never forced, and evidence naming another
order's exchange id is refused.

What a cycle asks for is answered from memory: the live (not yet terminal) orders of this mode,
when each (symbol, side) last got an intent, which symbols had order activity lately, and the
ledger of our fills (:class:`~btcbot.execution.booking.FillBook`). All of it is loaded once when
the journal is made and kept current by its own writes; :meth:`Journal.refresh` re-reads the
live orders (one indexed read, bounded by the live orders) at every reconciliation, so intents
persisted by the cycle runner — or anyone — are seen. Terminal orders are not kept: a late
event for one is looked up by its key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

import structlog

from btcbot.accounting import LedgerView
from btcbot.domain import Fill, OrderEvent, OrderStatus, Side, Symbol, next_status
from btcbot.domain.money import ZERO
from btcbot.domain.orders import TRANSITIONS, Order
from btcbot.domain.slots import fast_init
from btcbot.execution.booking import FillBook, Ownership
from btcbot.execution.evidence import Evidence
from btcbot.store import ExecutionMode, FillInsert, OrderNotFound, StateStore, StoredOrder
from btcbot.store.session import FillStore

log = structlog.get_logger(__name__)

#: How far back order activity is remembered for :meth:`Journal.touched_since` (a day; the
#: runtime asks for the last hour).
ACTIVITY_MEMORY_MS = 86_400_000


@fast_init
@dataclass(frozen=True, slots=True)
class Applied:
    order: StoredOrder
    changed: bool
    ignored: bool = False  # not allowed in the order's state, or names another order's id


class Journal:
    def __init__(self, store: StateStore, mode: ExecutionMode, clock_ms: Callable[[], int]) -> None:
        self._store = store
        self.mode = mode
        self.now = clock_ms
        self._live: dict[str, StoredOrder] = {}
        self._live_ids: dict[int, str] = {}  # exchange id -> client id, live orders only
        self._last_submit: dict[tuple[Symbol, Side], int] = {}
        self._touched: dict[Symbol, int] = {}
        self.book = FillBook(self._stored_ours, self._owns_exchange_id)
        self._load()

    def _load(self) -> None:
        """Everything carried in memory, read once (the only reads that scan history)."""
        with self._store.session() as session:
            orders = session.orders
            live = orders.live_orders(self.mode)
            self._last_submit = orders.last_submits(self.mode)
            self._touched = orders.touched_since(self.mode, self.now() - ACTIVITY_MEMORY_MS)
            self._load_book(session.fills)
        self._set_live(live)

    def reload_book(self) -> LedgerView:
        """Read our fills in full again (the ledger check does, before it believes a
        mismatch); the ledger as now stored."""
        with self._store.session() as session:
            self._load_book(session.fills)
        return self.book.ledger()

    def _load_book(self, fills: FillStore) -> None:
        ours, foreign, waiting = fills.ours(), fills.foreign_recorded(), fills.waiting_for_id()
        by_client: dict[str, list[tuple[Fill, int]]] = {}
        for fill, recorded in waiting:
            if fill.client_order_id is not None:
                by_client.setdefault(fill.client_order_id, []).append((fill, recorded))
        self.book.load(ours, foreign, by_client)

    def refresh(self) -> None:
        """Re-read the live orders of this mode (intents persisted outside the journal)."""
        with self._store.session() as session:
            live = session.orders.live_orders(self.mode)
        for stored in live:
            if stored.client_order_id not in self._live:
                self._noticed(stored)
        self._set_live(live)

    # --- reads -----------------------------------------------------------------------------

    def get(self, client_order_id: str) -> StoredOrder | None:
        stored = self._live.get(client_order_id)
        if stored is not None:
            return stored
        with self._store.session() as session:
            stored = session.orders.get(client_order_id)
        if stored is not None and stored.status.is_live and stored.mode is self.mode:
            self._noticed(stored)  # persisted outside the journal: carry it from now on
            self._remember(stored)
        return stored

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
        stored = self._by_exchange_id(exchange_order_id)
        if stored is not None or client_order_id is None:
            return stored
        candidate = self.get(client_order_id)
        if candidate is None or candidate.order.exchange_order_id is not None:
            return None
        request = candidate.order.request
        if (symbol and symbol != request.symbol) or (side and side is not request.side):
            return None
        return candidate

    def has_live(self) -> bool:
        """Whether any order of this mode is live."""
        return bool(self._live)

    def live(self) -> list[StoredOrder]:
        """Live orders of this mode, oldest first."""
        return sorted(self._live.values(), key=_age)

    def live_in(self, status: OrderStatus) -> list[StoredOrder]:
        """Live orders of this mode in ``status``, oldest first (only those are sorted: most
        passes look for a status no order is in)."""
        return sorted(
            (stored for stored in self._live.values() if stored.status is status), key=_age
        )

    def live_symbols(self) -> set[Symbol]:
        """The symbols of the live orders of this mode."""
        return {stored.order.request.symbol for stored in self._live.values()}

    def due_in_flight(self) -> list[StoredOrder]:
        now = self.now()
        return [
            stored
            for stored in self.live_in(OrderStatus.IN_FLIGHT)
            if stored.next_resolve_ms is None or stored.next_resolve_ms <= now
        ]

    def last_submits(self) -> Mapping[tuple[Symbol, Side], int]:
        """When each (symbol, side) last got an intent in this mode: the cooldown input."""
        return MappingProxyType(dict(self._last_submit))

    def changed_symbols(self, since_ms: int) -> set[Symbol]:
        """Symbols with an order of this mode that changed at or after ``since_ms``
        (remembered for :data:`ACTIVITY_MEMORY_MS` before start-up, all of them after)."""
        return {symbol for symbol, at in self._touched.items() if at >= since_ms}

    def touched_since(self, since_ms: int) -> set[Symbol]:
        """:meth:`changed_symbols` and every symbol with a live order."""
        return self.changed_symbols(since_ms) | self.live_symbols()

    def filled_total(self, exchange_order_id: int) -> Decimal:
        """Sum of the stored fills of one exchange order (base quantity)."""
        with self._store.session() as session:
            return session.fills.quantity_of(exchange_order_id)

    def latest_fill_ms(self, symbol: Symbol) -> int | None:
        with self._store.session() as session:
            return session.fills.latest_ms(symbol)

    # --- writes ----------------------------------------------------------------------------

    def record_fill(self, fill: Fill) -> FillInsert:
        now = self.now()
        with self._store.session() as session:
            result = session.fills.insert(fill, now_ms=now)
        if result is FillInsert.INSERTED:
            self.book.stored(fill, now, self._ownership(fill))
        return result

    def track(self, persisted: Iterable[StoredOrder]) -> None:
        """Intents the cycle runner persisted (and committed) in its own transaction."""
        for stored in persisted:
            self._noticed(stored)
            self._remember(stored)

    def schedule(self, client_order_id: str, *, delay_ms: int, note: str) -> None:
        """Set the next resolution look ``delay_ms`` from now (counts one scheduled look)."""
        now = self.now()
        stored = self._require(client_order_id)
        with self._store.session() as session:
            updated = session.orders.record_schedule(
                stored, next_resolve_ms=now + delay_ms, error=note, now_ms=now
            )
        self._remember(updated)

    def apply(
        self, client_order_id: str, evidence: Evidence, *, record_noop: bool = False
    ) -> Applied:
        """Apply ``evidence`` if the transition table allows it; no-ops are not written unless
        ``record_noop`` (e.g. a cancel acknowledgement worth keeping in the history)."""
        now = self.now()
        stored = self._require(client_order_id)
        claimed = self._claimed_elsewhere(stored, evidence)
        verdict = _judge(stored.order, evidence, claimed)
        if verdict is not _Verdict.APPLY and not (verdict is _Verdict.NOOP and record_noop):
            return _not_applied(stored, evidence, verdict)
        order = stored.order.on(
            evidence.event,
            exchange_order_id=evidence.exchange_order_id,
            filled_quantity=_filled(stored.order, evidence),
            reason=evidence.source,
        )
        with self._store.session() as session:
            updated = session.orders.record_change(
                stored, order, evidence.event.value, now_ms=now, detail=evidence.source
            )
        self._remember(updated)
        exchange_id = order.exchange_order_id
        if stored.order.exchange_order_id is None and exchange_id is not None:
            self.book.identified(client_order_id, exchange_id)
        _log_transition(stored, updated, evidence)
        return Applied(updated, changed=updated.status is not stored.status)

    # --- internals -------------------------------------------------------------------------

    def _require(self, client_order_id: str) -> StoredOrder:
        stored = self.get(client_order_id)
        if stored is None:
            raise OrderNotFound(f"no order with client_order_id {client_order_id!r} in the store")
        return stored

    def _by_exchange_id(self, exchange_order_id: int) -> StoredOrder | None:
        coid = self._live_ids.get(exchange_order_id)
        if coid is not None:
            return self._live[coid]
        with self._store.session() as session:
            return session.orders.by_exchange_id(exchange_order_id)

    def _owns_exchange_id(self, exchange_order_id: int) -> bool:
        return self._by_exchange_id(exchange_order_id) is not None

    def _ownership(self, fill: Fill) -> Ownership:
        """Whose a just-stored fill is, by the store's rule (see ``FillRepository``)."""
        if self._owns_exchange_id(fill.order_id):
            return Ownership.BY_EXCHANGE_ID
        coid = fill.client_order_id
        stored = None if coid is None else self.get(coid)
        if stored is not None and stored.order.exchange_order_id is None:
            return Ownership.BY_CLIENT_ID
        return Ownership.FOREIGN

    def _stored_ours(self, symbol: Symbol) -> Sequence[Fill]:
        with self._store.session() as session:
            return session.fills.ours(symbol)

    def _claimed_elsewhere(self, stored: StoredOrder, evidence: Evidence) -> bool:
        exchange_id = evidence.exchange_order_id
        if exchange_id is None or exchange_id == stored.order.exchange_order_id:
            return False
        other = self._by_exchange_id(exchange_id)
        return other is not None and other.client_order_id != stored.client_order_id

    def _set_live(self, live: Iterable[StoredOrder]) -> None:
        self._live, self._live_ids = {}, {}
        for stored in live:
            self._remember(stored)

    def _noticed(self, stored: StoredOrder) -> None:
        """A new order: the cooldown input (protective stops do not count: the cooldown paces
        strategy orders, not their cover), and any stored fill that carries its client id."""
        request = stored.order.request
        if request.stop_price is None:
            key = (request.symbol, request.side)
            created = stored.created_ms
            self._last_submit[key] = max(self._last_submit.get(key, created), created)
        if stored.order.exchange_order_id is None:
            self.book.intent(stored.client_order_id)

    def _remember(self, stored: StoredOrder) -> None:
        if stored.mode is not self.mode:
            return
        coid, symbol = stored.client_order_id, stored.order.request.symbol
        self._touched[symbol] = max(self._touched.get(symbol, stored.updated_ms), stored.updated_ms)
        exchange_id = stored.order.exchange_order_id
        if stored.status.is_live:
            self._live[coid] = stored
            if exchange_id is not None:
                self._live_ids[exchange_id] = coid
            return
        self._live.pop(coid, None)
        if exchange_id is not None:
            self._live_ids.pop(exchange_id, None)


def _age(stored: StoredOrder) -> tuple[int, str]:
    return (stored.created_ms, stored.client_order_id)


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
