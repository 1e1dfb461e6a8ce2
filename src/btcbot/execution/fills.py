"""Fills: pulled from user trades (and pushed by WS 423), stored once, advancing their orders.

Each fill is stored unique by trade id (duplicates from overlapping pulls or from both WS and
REST are dropped; a same-id fill with different data is logged and the stored one kept). Its
order's state then follows the cumulative stored fills of that exchange order: PARTIAL_FILL,
or FILL once they reach the quantity. Fills of orders that are not ours (another tool on the
account, or an order the store never saw) are kept and reported as unknown — never dropped,
never attributed. A fill that arrives before its order's exchange id is known is attributed by
client id, or later, when the id becomes known (:meth:`FillSync.catch_up`).

When to pull (the user-trades budget is small: 120 a minute for the whole account). Private
WS 423 events book fills as they happen; a pass pulls user trades only when one of these
holds, and then in ONE request for every symbol (``account_fills``; per symbol when only one
is wanted):

* a symbol has a live order of ours, or an order of ours on it changed since its last pull
  (a fill may have landed; an order that just finished still owes its fills);
* a symbol was never pulled by this process, or a thorough pass is asked for (start-up, a
  gap in the private stream);
* otherwise the pull is a sweep for fills that can only be someone else's: made while the
  rate budget has room to spare, and at least every ``idle_sweep_max_interval_ms``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import structlog

from btcbot.domain import Fill, Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init
from btcbot.exchange.errors import ExchangeError
from btcbot.exchange.read_budget import ReadKind
from btcbot.execution.context import OmsContext
from btcbot.execution.evidence import from_fill_total
from btcbot.store import FillInsert, StoredOrder

log = structlog.get_logger(__name__)

_Ingested = tuple[FillInsert, StoredOrder | None]  # how the fill was stored, and whose it is


@fast_init
@dataclass(frozen=True, slots=True)
class FillSyncReport:
    inserted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    unknown: tuple[Fill, ...] = ()  # newly stored fills of orders that are not ours
    errors: tuple[ExchangeError, ...] = ()


# Never changed: each pass counts in its own copy (iterating the enum costs twenty copies).
_NO_COUNTS = dict.fromkeys(FillInsert, 0)


@dataclass
class _Pass:
    counts: dict[FillInsert, int] = field(default_factory=_NO_COUNTS.copy)
    unknown: list[Fill] = field(default_factory=list)
    errors: list[ExchangeError] = field(default_factory=list)

    def report(self) -> FillSyncReport:
        c = self.counts
        return FillSyncReport(
            c[FillInsert.INSERTED],
            c[FillInsert.DUPLICATE],
            c[FillInsert.CONFLICT],
            tuple(self.unknown),
            tuple(self.errors),
        )


class FillSync:
    def __init__(self, ctx: OmsContext) -> None:
        self._ctx = ctx
        self._cursor: dict[Symbol, int] = {}  # newest fill time seen per symbol
        self._pulled_ms: dict[Symbol, int] = {}  # when each symbol was last pulled
        self._settled = _Settled()

    async def sync(self, symbols: Iterable[Symbol], *, thorough: bool = False) -> FillSyncReport:
        """Pull user trades since each symbol's cursor minus the overlap, when a pull is due
        (see the module docstring); ``thorough`` pulls now, due or not."""
        run = _Pass()
        live = self._ctx.journal.live_symbols()
        wanted = sorted(set(symbols) | live)
        if not wanted or not (thorough or self._due(wanted, live)):
            return run.report()
        now = self._ctx.journal.now()
        bases = {symbol: self._base(symbol) for symbol in wanted}
        since = min(bases.values()) - self._ctx.settings.fill_overlap_ms
        try:
            if len(wanted) == 1:
                fills = await self._ctx.port.fills(wanted[0], since)
            else:
                fills = await self._ctx.port.account_fills(since)
        except ExchangeError as exc:
            run.errors.append(exc)
            return run.report()
        newest: dict[Symbol, int] = {}
        for fill in sorted(fills, key=lambda f: (f.timestamp_ms, f.trade_id)):
            self._count(run, fill, self.ingest(fill, "user_trades"))
            newest[fill.symbol] = fill.timestamp_ms
        # A symbol's cursor never falls behind the first-sync lookback from this pull: one
        # that has not traded for long (or never) must not pin every later pull's window to
        # its last fill, which would re-read every fill since then, every pass.
        floor = now - self._ctx.settings.fill_initial_lookback_ms
        for symbol in wanted:
            self._cursor[symbol] = max(bases[symbol], newest.get(symbol, floor), floor)
            self._pulled_ms[symbol] = now
        return run.report()

    def _due(self, wanted: list[Symbol], live: set[Symbol]) -> bool:
        if live or any(symbol not in self._pulled_ms for symbol in wanted):
            return True
        oldest = min(self._pulled_ms[symbol] for symbol in wanted)
        if self._ctx.journal.changed_symbols(oldest) & set(wanted):
            return True
        overdue = self._ctx.journal.now() - oldest >= self._ctx.settings.idle_sweep_max_interval_ms
        return overdue or self._ctx.budget.spare(ReadKind.FILLS)

    def ingest(self, fill: Fill, source: str) -> _Ingested:
        """Store one fill and advance its order (shared by REST pulls and WS 423).

        A fill this process already stored and attributed (every pull re-reads an overlap)
        is a duplicate known without asking the store."""
        if self._settled.knows(fill):
            return FillInsert.DUPLICATE, None
        journal = self._ctx.journal
        result = journal.record_fill(fill)
        owner = journal.owner(
            fill.order_id, fill.client_order_id, symbol=fill.symbol, side=fill.side
        )
        if owner is None:
            if result is FillInsert.INSERTED:
                log.warning(
                    "fill_of_unknown_order",
                    trade_id=str(fill.trade_id),
                    order_id=fill.order_id,
                    client_order_id=fill.client_order_id,
                    symbol=str(fill.symbol),
                    source=source,
                )
            return result, None
        self.catch_up(owner.client_order_id, fill.order_id, source)
        if result is not FillInsert.CONFLICT:
            self._settled.add(fill)
        return result, owner

    def catch_up(self, client_order_id: str, exchange_order_id: int, source: str) -> None:
        """Bring the order's filled quantity up to its stored fills."""
        journal = self._ctx.journal
        total = journal.filled_total(exchange_order_id)
        stored = journal.get(client_order_id)
        if stored is None or total <= ZERO or total <= stored.order.filled_quantity:
            return
        request = stored.order.request
        journal.apply(client_order_id, from_fill_total(request, exchange_order_id, total, source))

    def _count(
        self, run: _Pass, fill: Fill, outcome: tuple[FillInsert, StoredOrder | None]
    ) -> None:
        result, owner = outcome
        run.counts[result] += 1
        if owner is None and result is FillInsert.INSERTED:
            run.unknown.append(fill)

    def _base(self, symbol: Symbol) -> int:
        if symbol in self._cursor:
            return self._cursor[symbol]
        journal = self._ctx.journal
        latest = journal.latest_fill_ms(symbol)
        if latest is None:
            latest = journal.now() - self._ctx.settings.fill_initial_lookback_ms
        created = [o.created_ms for o in journal.live() if o.order.request.symbol == symbol]
        return min([latest, *created])


class _Settled:
    """Fills stored and booked to their order by this process, for a day of fill time: the
    overlap of the next pulls (a fill of an unknown order is not settled — it may be ours as
    soon as its order's id is known)."""

    WINDOW_MS = 86_400_000

    def __init__(self) -> None:
        self._fills: dict[int, Fill] = {}
        self._order: deque[tuple[int, int]] = deque()  # (timestamp, trade id), arrival order
        self._newest = 0

    def knows(self, fill: Fill) -> bool:
        known = self._fills.get(fill.trade_id)
        return known is not None and (known is fill or known == fill)

    def add(self, fill: Fill) -> None:
        if fill.trade_id in self._fills:
            return
        self._fills[fill.trade_id] = fill
        self._order.append((fill.timestamp_ms, fill.trade_id))
        self._newest = max(self._newest, fill.timestamp_ms)
        horizon = self._newest - self.WINDOW_MS
        while self._order and self._order[0][0] < horizon:
            self._fills.pop(self._order.popleft()[1], None)
