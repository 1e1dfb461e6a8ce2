"""``SimulatedVenue``: the account, orders and fills of a simulated exchange.

The paper and the replay exchange differ only in where books, rules and time come from; both
keep their private state here, so a submit, a fill, a cancel and a balance mean the same thing
in both and behave as BTCTurk does:

* a submit is validated by :meth:`SymbolRules.check` and the free balance, and a refusal is the
  same :class:`~btcbot.exchange.errors.BusinessReject` (``reason`` = the venue message, HTTP 400)
  the live adapter raises, so the OMS treats paper rejects exactly like live ones;
* an accepted order locks funds like BTCTurk: a buy locks ``notional × (1 + reserve)`` of quote
  (the larger fee plus tax, BTCTurk's ``denomLeft`` ≈ ×1.001), a market BUY its quote amount
  plus taker fee and tax, a sell its base quantity;
* a cancel is acknowledged first and happens later (``due_ms``); until then the order may
  still fill, and ``order()`` still shows it open (API_CONTRACT §7);
* books read twice without a change keep the liquidity simulated orders already took, so
  polling an unchanged book never fills the same amount twice;
* a stop order locks its funds at submit and waits, open, until the caller reports that the
  market reached its stop (:meth:`SimulatedVenue.crossed_stops`: a sell stop when the low is at
  or below it, a buy stop when the high is at or above it); :meth:`SimulatedVenue.trigger` then
  trades it like the order it becomes (a stop-limit's rest rests at its limit; what a
  stop-market cannot fill is canceled, as BTCTurk does with market orders).

A simulated balance never goes negative: when fee rounding (at most a few 1e-8 per execution)
would overdraw a buy, that dust is forgiven from the tax, then the fee.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal

from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, OrderBook
from btcbot.domain.money import ONE, ZERO, format_decimal
from btcbot.domain.orders import OrderMethod, OrderRequest, OrderStatus, Side
from btcbot.domain.rules import SymbolRules, Violation
from btcbot.domain.symbols import Symbol
from btcbot.exchange.errors import BusinessReject, OrderNotFound
from btcbot.exchange.fill_model import Execution, FillModel, IdSequence
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck
from btcbot.exchange.sim_state import FillLog, OrderIndex, SimOrder, Wallet

PAIR_NOT_FOUND = "PAIR_NOT_FOUND"
FAILED_MARKET_ORDER = "FAILED_MARKET_ORDER"
INSUFFICIENT_BALANCE = "FAILED_ORDER_WITH_OPEN_ORDERS"  # BTCTurk's usual reply
NOT_CANCELABLE = "ORDER_COULD_NOT_BE_CANCELED"
NO_SUCH_ORDER = "NO_ORDER_MATCHES_YOUR_REQUEST"
_VENUE_MESSAGE = {Violation.NO_REFERENCE_PRICE: FAILED_MARKET_ORDER}


def business_reject(message: str, detail: str, *, where: str) -> BusinessReject:
    """The error the live adapter raises for HTTP 400 ``message`` (``reason`` = message)."""
    cls = OrderNotFound if message == NO_SUCH_ORDER else BusinessReject
    return cls(f"{where}: {message}: {detail}", reason=message, http_status=400)


class SimulatedVenue:
    """Balances, orders and fills of one simulated account (see the module docstring)."""

    def __init__(
        self,
        starting_balances: Mapping[str, Decimal],
        model: FillModel,
        *,
        first_order_id: int = 1,
        first_trade_id: int = 1,
        where: str = "simulated",
    ) -> None:
        self.model = model
        self.where = where
        self._starting = dict(starting_balances)
        self._wallet = Wallet(starting_balances)
        self._orders = OrderIndex()
        self._fills = FillLog()
        self._order_ids = IdSequence(first_order_id)
        self._trade_ids = IdSequence(first_trade_id)
        self._books: dict[Symbol, tuple[OrderBook, OrderBook]] = {}
        self.version = 0
        """Grows with every change to the account's orders, fills and balances (and only
        then): :class:`~btcbot.exchange.port.AccountActivity`."""

    # ----------------------------------------------------------------------------- reads
    def balances(self) -> dict[str, Balance]:
        return self._wallet.balances()

    def open_orders(self, symbol: Symbol) -> list[ExchangeOrder]:
        return [order.report() for order in self._orders.resting(symbol)]

    def recent_orders(self, symbol: Symbol, since_ms: int) -> list[ExchangeOrder]:
        """Orders created or changed at or after ``since_ms``."""
        return [order.report() for order in self._orders.recent(symbol, since_ms)]

    def order(self, order_id: int) -> ExchangeOrder | None:
        found = self._orders.get(order_id)
        return found.report() if found is not None else None

    def fills(self, symbol: Symbol, since_ms: int) -> list[Fill]:
        return self._fills.since(symbol, since_ms)

    def all_fills(self) -> tuple[Fill, ...]:
        """Every fill, in execution order."""
        return self._fills.all()

    def fills_since(self, since_ms: int) -> list[Fill]:
        """Every symbol's fills at or after ``since_ms`` (as ``fills`` does for one)."""
        return self._fills.all_since(since_ms)

    def has_resting(self, symbol: Symbol) -> bool:
        """Whether an order of ``symbol`` rests (or waits for its stop)."""
        return self._orders.has_resting(symbol)

    def resting_symbols(self) -> list[Symbol]:
        """Symbols with a resting order (possibly one with a pending cancel), sorted."""
        return self._orders.resting_symbols()

    # ----------------------------------------------------------------------------- submit
    def submit(
        self, request: OrderRequest, rules: SymbolRules | None, book: OrderBook, now_ms: int
    ) -> SubmitAck:
        """Validate, lock, trade the marketable part against ``book``, rest the remainder."""
        rules = self._validate(request, rules, book)
        order = self._accept(request, rules, now_ms)
        if request.is_stop:
            order.triggered = False
            return order.ack()
        current = self._effective(book)
        taken = self.model.take(request, current, rules)
        self._remember(book, taken.book)
        for execution in taken.executions:
            self._settle(order, execution, now_ms)
        if request.method is OrderMethod.MARKET:
            done = order.left <= ZERO or (taken.dust and bool(taken.executions))
            self._finish(order, OrderStatus.FILLED if done else OrderStatus.CANCELED, now_ms)
        elif order.left <= ZERO:
            self._finish(order, OrderStatus.FILLED, now_ms)
        return order.ack()

    def _validate(
        self, request: OrderRequest, rules: SymbolRules | None, book: OrderBook
    ) -> SymbolRules:
        if rules is None:
            raise self._reject(PAIR_NOT_FOUND, f"{request.symbol} is not listed")
        if book.symbol != request.symbol:
            raise ValueError(f"book of {book.symbol} given for an order on {request.symbol}")
        reference = book.best_ask if request.side is Side.BUY else book.best_bid
        failed = rules.check(request, reference)
        if failed is not None:
            message = _VENUE_MESSAGE.get(failed.violation, failed.violation.value)
            raise self._reject(message, failed.detail)
        if request.method is OrderMethod.MARKET and reference is None:
            raise self._reject(FAILED_MARKET_ORDER, f"no {request.symbol} liquidity to trade")
        return rules

    def _accept(self, request: OrderRequest, rules: SymbolRules, now_ms: int) -> SimOrder:
        lock = self._lock_amount(request)
        asset = request.symbol.quote if request.side is Side.BUY else request.symbol.base
        free = self._wallet.available(asset)
        if free < lock:
            detail = f"needs {format_decimal(lock)} {asset}, {format_decimal(free)} free"
            raise self._reject(INSUFFICIENT_BALANCE, detail)
        left = (request.quote_amount or ZERO) if request.is_market_buy else request.quantity
        order = SimOrder(self._order_ids.next(), request, rules, now_ms, now_ms, left, lock)
        self.version += 1
        self._wallet.lock(asset, lock)
        self._orders.add(order)
        return order

    def _lock_amount(self, request: OrderRequest) -> Decimal:
        fees = self.model.fees
        if request.is_market_buy:
            return (request.quote_amount or ZERO) * (ONE + fees.taker * (ONE + fees.tax_rate))
        if request.side is Side.SELL:
            return request.quantity
        worst = request.price
        if request.method is OrderMethod.STOP_MARKET:
            worst = (request.stop_price or ZERO) * (ONE + self.model.market_protection)
        return request.quantity * (worst or ZERO) * (ONE + fees.reserve_rate)

    def _reject(self, message: str, detail: str) -> BusinessReject:
        return business_reject(message, detail, where=f"{self.where} submit")

    # ----------------------------------------------------------------------------- matching
    def match(
        self,
        book: OrderBook,
        now_ms: int,
        *,
        placed_by_ms: int | None = None,
        carry_depletion: bool = True,
    ) -> tuple[Fill, ...]:
        """Fill resting orders of ``book.symbol`` that ``book`` crosses (maker fills).

        ``placed_by_ms`` limits matching to orders created at or before it (a replay candle
        only trades orders that were resting when it opened). ``carry_depletion=False`` treats
        ``book`` as fresh liquidity (a replay candle), not as a re-read of the last book.
        """
        resting = [
            order
            for order in sorted(self._orders.resting(book.symbol), key=SimOrder.priority)
            if _may_rest_match(order, placed_by_ms)
        ]
        current = self._effective(book) if carry_depletion else book
        fills: list[Fill] = []
        for order in resting:
            price = order.request.price or ZERO
            taken = self.model.rest(order.side, price, order.left, current, order.rules)
            current = taken.book
            fills.extend(self._settle(order, e, now_ms) for e in taken.executions)
            if order.left <= ZERO:
                self._finish(order, OrderStatus.FILLED, now_ms)
        if carry_depletion:
            self._remember(book, current)
        return tuple(fills)

    # ----------------------------------------------------------------------------- stops
    def crossed_stops(
        self,
        symbol: Symbol,
        low: Decimal | None,
        high: Decimal | None,
        *,
        placed_by_ms: int | None = None,
    ) -> list[ExchangeOrder]:
        """Waiting stops of ``symbol`` that a market trading between ``low`` and ``high``
        reached (``None``: no price on that side), oldest first; ``placed_by_ms`` as in
        :meth:`match`."""
        found = [
            order
            for order in self._orders.resting(symbol)
            if order.waiting_for_stop
            and (placed_by_ms is None or order.created_ms <= placed_by_ms)
            and _stop_reached(order, low, high)
        ]
        return [order.report() for order in sorted(found, key=lambda o: o.order_id)]

    def trigger(
        self, order_id: int, book: OrderBook, now_ms: int
    ) -> tuple[tuple[Fill, ...], OrderBook]:
        """Trigger a waiting stop and trade it against ``book`` (taker); returns its fills and
        ``book`` minus the liquidity they took."""
        order = self._orders.get(order_id)
        if order is None or not order.waiting_for_stop or not order.is_resting:
            raise ValueError(f"order {order_id} is not a waiting stop")
        self.version += 1
        order.triggered = True
        order.rests_from_ms = now_ms
        order.updated_ms = now_ms
        taken = self.model.take(order.request, book, order.rules)
        fills = tuple(self._settle(order, execution, now_ms) for execution in taken.executions)
        if order.request.method is OrderMethod.STOP_MARKET:
            done = order.left <= ZERO or (taken.dust and bool(taken.executions))
            self._finish(order, OrderStatus.FILLED if done else OrderStatus.CANCELED, now_ms)
        elif order.left <= ZERO:
            self._finish(order, OrderStatus.FILLED, now_ms)
        return fills, taken.book

    def trigger_at_touch(self, book: OrderBook, now_ms: int) -> tuple[Fill, ...]:
        """Trigger the stops ``book``'s touch reached (a sell stop when the best bid is at or
        below it, a buy stop when the best ask is at or above it: the prices trades would
        print at) and trade them against ``book`` (as re-read, see :meth:`match`)."""
        current = self._effective(book)
        fills: list[Fill] = []
        for report in self.crossed_stops(book.symbol, book.best_bid, book.best_ask):
            more, current = self.trigger(report.order_id, current, now_ms)
            fills.extend(more)
        self._remember(book, current)
        return tuple(fills)

    def _effective(self, book: OrderBook) -> OrderBook:
        known = self._books.get(book.symbol)
        if known is None or known[0].bids != book.bids or known[0].asks != book.asks:
            return book
        return replace(known[1], timestamp_ms=book.timestamp_ms, sequence=book.sequence)

    def _remember(self, original: OrderBook, depleted: OrderBook) -> None:
        self._books[original.symbol] = (original, depleted)

    # ----------------------------------------------------------------------------- settlement
    def _settle(self, order: SimOrder, execution: Execution, now_ms: int) -> Fill:
        self.version += 1
        if order.side is Side.BUY:
            execution = self._settle_buy(order, execution)
        else:
            self._settle_sell(order, execution)
        spent = execution.notional if order.request.is_market_buy else execution.quantity
        order.left -= spent
        order.updated_ms = now_ms
        order.first_price = order.first_price or execution.price
        if order.is_resting:
            order.status = OrderStatus.PARTIALLY_FILLED
        fill = Fill(
            trade_id=self._trade_ids.next(),
            order_id=order.order_id,
            client_order_id=order.request.client_order_id,
            symbol=order.symbol,
            side=order.side,
            price=execution.price,
            quantity=execution.quantity,
            fee=execution.fee,
            tax=execution.tax,
            timestamp_ms=now_ms,
        )
        self._fills.add(fill)
        return fill

    def _settle_buy(self, order: SimOrder, execution: Execution) -> Execution:
        quote, base = order.symbol.quote, order.symbol.base
        execution = _forgive(execution, order.locked + self._wallet.available(quote))
        cost = execution.notional + execution.cost
        share = cost
        if order.request.method.has_limit_price:
            limit = order.request.price or ZERO
            share = execution.quantity * limit * (ONE + self.model.fees.reserve_rate)
        release = min(order.locked, max(cost, share))
        order.locked -= release
        self._wallet.unlock(quote, release)
        self._wallet.add_free(quote, -cost)
        self._wallet.add_free(base, execution.quantity)
        return execution

    def _settle_sell(self, order: SimOrder, execution: Execution) -> None:
        order.locked -= execution.quantity
        self._wallet.unlock(order.symbol.base, execution.quantity, to_free=False)
        proceeds = execution.notional - execution.cost
        self._wallet.add_free(order.symbol.quote, proceeds)

    def _finish(self, order: SimOrder, status: OrderStatus, now_ms: int) -> None:
        self.version += 1
        self._wallet.unlock(order.lock_asset, order.locked)
        order.locked = ZERO
        order.status = status
        order.updated_ms = now_ms
        self._orders.finished(order)

    # ----------------------------------------------------------------------------- cancel
    def request_cancel(self, order_id: int, now_ms: int, latency_ms: int = 0) -> CancelAck:
        """Acknowledge a cancel; it takes effect at ``now_ms + latency_ms`` (see
        :meth:`apply_cancels`). Unknown ids and finished orders are refused like BTCTurk."""
        order = self._orders.get(order_id)
        where = f"{self.where} cancel"
        if order is None:
            raise business_reject(NO_SUCH_ORDER, f"order {order_id} is unknown", where=where)
        if not order.is_resting:
            detail = f"order {order_id} is {order.status}"
            raise business_reject(NOT_CANCELABLE, detail, where=where)
        self.version += 1
        due = now_ms + latency_ms
        order.cancel_due_ms = due if order.cancel_due_ms is None else min(due, order.cancel_due_ms)
        self._orders.cancel_requested(order)
        return CancelAck(order_id=order_id, message="SUCCESS")

    def apply_cancels(self, now_ms: int) -> None:
        """Cancel every resting order whose cancel became due at or before ``now_ms``."""
        for order in self._orders.pending_cancels():
            due = order.cancel_due_ms
            if due is not None and due <= now_ms and order.is_resting:
                self._finish(order, OrderStatus.CANCELED, due)

    # ----------------------------------------------------------------------------- restore
    def restore(
        self, fills: Iterable[Fill], open_orders: Iterable[tuple[ExchangeOrder, SymbolRules]]
    ) -> None:
        """Rebuild state from the starting balances, stored fills and still-open orders.

        Closed orders are not rebuilt (the OMS store has them); ``fills()`` answers the
        restored fills. Raises ``ValueError`` when the inputs overdraw a balance.
        """
        self.version += 1
        self._wallet = Wallet(self._starting)
        self._orders = OrderIndex()
        self._fills = FillLog()
        self._books.clear()
        unique = {f.trade_id: f for f in fills}
        filled: dict[int, Decimal] = {}
        for fill in sorted(unique.values(), key=lambda f: (f.timestamp_ms, f.trade_id)):
            self._fills.add(fill)
            self._apply_fill(fill)
            self._trade_ids.skip_past(fill.trade_id)
            self._order_ids.skip_past(fill.order_id)
            filled[fill.order_id] = filled.get(fill.order_id, ZERO) + fill.quantity
        for report, rules in open_orders:
            net = _net_of_fills(report, filled.get(report.order_id, ZERO))
            if net is not report and net.left_amount <= ZERO:
                self._restore_filled(net, rules)
            else:
                self._restore_order(net, rules)

    def _restore_filled(self, report: ExchangeOrder, rules: SymbolRules) -> None:
        """An order stored live that its restored fills complete (the process died before it
        advanced the order): kept as filled, so a look-up by id tells the order manager so."""
        created = report.created_ms or 0
        updated = report.updated_ms or created
        order = SimOrder(report.order_id, _restored_request(report), rules, created, updated, ZERO)
        order.status = OrderStatus.FILLED
        self._orders.add(order)
        self._orders.finished(order)
        self._order_ids.skip_past(order.order_id)

    def _apply_fill(self, fill: Fill) -> None:
        base, quote = fill.symbol.base, fill.symbol.quote
        if fill.side is Side.BUY:
            self._wallet.add_free(quote, -(fill.notional + fill.cost))
            self._wallet.add_free(base, fill.quantity)
        else:
            self._wallet.add_free(base, -fill.quantity)
            self._wallet.add_free(quote, fill.notional - fill.cost)

    def _restore_order(self, report: ExchangeOrder, rules: SymbolRules) -> None:
        """Resting limit orders and stops outlive a restart. A stop without fills comes back
        waiting for its price (a triggered stop-limit that never filled re-triggers at once
        when the price is still beyond its stop); one with fills rests at its limit."""
        live = report.status.is_live and report.left_amount > ZERO
        filled = report.filled_quantity > ZERO
        method = report.method
        rests = method is OrderMethod.LIMIT or (method is OrderMethod.STOP_LIMIT and filled)
        if not live or not (rests or (method.is_stop and not filled)):
            return
        request = _restored_request(report)
        created = report.created_ms or 0
        updated = report.updated_ms or created
        order = SimOrder(report.order_id, request, rules, created, updated, report.left_amount)
        order.triggered = rests
        order.status = OrderStatus.PARTIALLY_FILLED if filled else OrderStatus.OPEN
        remaining = replace(request, quantity=report.left_amount)
        order.locked = self._lock_amount(remaining)
        self._wallet.lock(order.lock_asset, order.locked)
        self._orders.add(order)
        self._order_ids.skip_past(order.order_id)


def _restored_request(report: ExchangeOrder) -> OrderRequest:
    method = report.method
    return OrderRequest(
        report.symbol,
        report.side,
        method,
        report.client_order_id or f"restored-{report.order_id}",
        quantity=report.quantity,
        price=report.price if method.has_limit_price else None,
        stop_price=report.stop_price,
    )


def _net_of_fills(report: ExchangeOrder, filled: Decimal) -> ExchangeOrder:
    """``report`` with no more left than its restored fills leave: a process that died
    between storing a fill and advancing its order left the order's filled quantity behind
    its fills, and the order must not trade that quantity again."""
    left = max(ZERO, report.quantity - filled)
    if left >= report.left_amount:
        return report
    return replace(report, left_amount=left)


def _may_rest_match(order: SimOrder, placed_by_ms: int | None) -> bool:
    since = order.matchable_since
    return since is not None and (placed_by_ms is None or since <= placed_by_ms)


def _stop_reached(order: SimOrder, low: Decimal | None, high: Decimal | None) -> bool:
    stop = order.request.stop_price
    if stop is None:
        return False
    if order.side is Side.SELL:
        return low is not None and low <= stop
    return high is not None and high >= stop


def _forgive(execution: Execution, available: Decimal) -> Execution:
    """Waive fee-rounding dust a buy cannot pay (tax first, then fee)."""
    shortfall = execution.notional + execution.cost - available
    if shortfall <= ZERO:
        return execution
    if shortfall > execution.cost:
        raise RuntimeError("simulated buy would overdraw more than its fee: reserve bug")
    tax_cut = min(execution.tax, shortfall)
    fee_cut = shortfall - tax_cut
    return replace(execution, tax=execution.tax - tax_cut, fee=execution.fee - fee_cut)
