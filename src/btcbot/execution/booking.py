"""Our fills booked as they are stored; everybody else's kept apart — all in memory.

The journal tells the :class:`FillBook` about every newly stored fill and whose it is, and
about the two order changes that can move a stored fill between *ours* and *foreign*:

* an order learns its exchange id: stored fills of that id become ours, and fills booked by
  the order's client id while it waited but naming another exchange id stop being ours;
* a new intent: a stored foreign fill carrying its client id becomes ours (in practice never:
  client ids are fresh, but the store's rule says so, and the book follows the store).

So the book always equals what :meth:`FillRepository.ours` / ``foreign`` would answer, without
reading them: it is loaded from the store once (start-up), and a symbol's position is re-read
only when a fill arrives older than one already booked on it (:class:`LedgerBook`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import TypeVar

from btcbot.accounting import LedgerBook, LedgerView
from btcbot.domain import Fill, Symbol

_K = TypeVar("_K", int, str)


class Ownership(Enum):
    FOREIGN = "foreign"
    BY_EXCHANGE_ID = "by_exchange_id"  # its exchange order id is one of our orders'
    BY_CLIENT_ID = "by_client_id"  # its client id is one of our orders still waiting for an id


_Recorded = tuple[Fill, int]  # a stored fill and when it was stored (recorded_ms)


class FillBook:
    def __init__(
        self,
        stored_ours: Callable[[Symbol], Sequence[Fill]],
        owns_exchange_id: Callable[[int], bool],
    ) -> None:
        """``stored_ours(symbol)``: our stored fills of a symbol (for a rebuild);
        ``owns_exchange_id(id)``: whether one of our orders has that exchange id."""
        self._stored_ours = stored_ours
        self._owns_exchange_id = owns_exchange_id
        self._ledger = LedgerBook()
        self._waiting: dict[str, list[_Recorded]] = {}  # booked by client id, per waiting order
        self._foreign: dict[int, _Recorded] = {}  # by trade id
        self._foreign_by_order: dict[int, set[int]] = {}  # exchange order id -> trade ids
        self._foreign_by_client: dict[str, set[int]] = {}  # client order id -> trade ids
        self._foreign_log: list[Fill] = []  # every fill that was foreign when stored/loaded

    def load(
        self,
        ours: Iterable[Fill],
        foreign: Iterable[_Recorded],
        waiting: Mapping[str, Sequence[_Recorded]],
    ) -> None:
        """Start (or start again) from the store: our fills, foreign ones, and the fills
        booked by client id of each order still waiting for its exchange id (with their
        recorded times). A reload logs only the fills that were not foreign before."""
        self._ledger = LedgerBook.of(ours)
        self._waiting = {coid: list(fills) for coid, fills in waiting.items() if fills}
        before = set(self._foreign)
        self._foreign, self._foreign_by_order, self._foreign_by_client = {}, {}, {}
        for fill, recorded_ms in foreign:
            self._add_foreign(fill, recorded_ms, logged=fill.trade_id in before)

    # --- what the journal reports --------------------------------------------------------

    def stored(self, fill: Fill, recorded_ms: int, ownership: Ownership) -> None:
        """A fill was newly stored."""
        if ownership is Ownership.FOREIGN:
            self._add_foreign(fill, recorded_ms)
            return
        if ownership is Ownership.BY_CLIENT_ID and fill.client_order_id is not None:
            self._waiting.setdefault(fill.client_order_id, []).append((fill, recorded_ms))
        self._book(fill)

    def identified(self, client_order_id: str, exchange_order_id: int) -> None:
        """Our order ``client_order_id`` now has ``exchange_order_id`` (it had none)."""
        claimed = self._foreign_by_order.get(exchange_order_id)
        if claimed:  # usually none: the fills of an order come after it is identified
            self._book(*(self._take_foreign(trade_id)[0] for trade_id in sorted(claimed)))
        for fill, recorded_ms in self._waiting.pop(client_order_id, []):
            if fill.order_id != exchange_order_id and not self._owns_exchange_id(fill.order_id):
                self._unbook(fill, recorded_ms)

    def intent(self, client_order_id: str) -> None:
        """A new order of ours (no exchange id yet) with this client id."""
        claimed = [
            self._take_foreign(trade_id)
            for trade_id in sorted(self._foreign_by_client.get(client_order_id, ()))
        ]
        if claimed:
            self._waiting.setdefault(client_order_id, []).extend(claimed)
            self._book(*(fill for fill, _ in claimed))

    # --- reads ---------------------------------------------------------------------------

    def ledger(self) -> LedgerView:
        return self._ledger.view()

    @property
    def booked(self) -> int:
        return self._ledger.fills

    def foreign_since(self, cursor: int) -> tuple[list[Fill], int]:
        """Fills that became foreign after ``cursor`` (0: all), and the next cursor."""
        return self._foreign_log[cursor:], len(self._foreign_log)

    def is_foreign(self, trade_id: int) -> bool:
        return trade_id in self._foreign

    def foreign_recorded_since(self, since_ms: int | None) -> list[Fill]:
        """Foreign fills stored at or after ``since_ms`` (all when None), in ledger order."""
        found = [f for f, at in self._foreign.values() if since_ms is None or at >= since_ms]
        return sorted(found, key=lambda f: (f.timestamp_ms, f.trade_id))

    # --- internals -----------------------------------------------------------------------

    def _add_foreign(self, fill: Fill, recorded_ms: int, *, logged: bool = False) -> None:
        self._foreign[fill.trade_id] = (fill, recorded_ms)
        self._foreign_by_order.setdefault(fill.order_id, set()).add(fill.trade_id)
        if fill.client_order_id is not None:
            self._foreign_by_client.setdefault(fill.client_order_id, set()).add(fill.trade_id)
        if not logged:
            self._foreign_log.append(fill)

    def _take_foreign(self, trade_id: int) -> _Recorded:
        recorded = self._foreign.pop(trade_id)
        fill = recorded[0]
        _discard(self._foreign_by_order, fill.order_id, trade_id)
        if fill.client_order_id is not None:
            _discard(self._foreign_by_client, fill.client_order_id, trade_id)
        return recorded

    def _book(self, *fills: Fill) -> None:
        """Book fills the store now counts as ours (all of them: a symbol is rebuilt from the
        store once, after every one of them is booked)."""
        for symbol in sorted(self._ledger.add_all(fills)):
            self._ledger.rebuild(symbol, self._stored_ours(symbol))

    def _unbook(self, fill: Fill, recorded_ms: int) -> None:
        self._ledger.remove(fill)
        self._ledger.rebuild(fill.symbol, self._stored_ours(fill.symbol))
        self._add_foreign(fill, recorded_ms)


def _discard(index: dict[_K, set[int]], key: _K, trade_id: int) -> None:
    members = index.get(key)
    if members is not None:
        members.discard(trade_id)
        if not members:
            del index[key]
