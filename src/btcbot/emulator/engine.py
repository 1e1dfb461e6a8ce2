"""The matching engine: accounts, price-time priority books, fills, fees and tax.

Pure Python and Decimal. Every public mutating method is one *operation*: it runs inside
:meth:`Exchange.batch`, and when the outermost batch ends the engine emits
:class:`~btcbot.emulator.events.BookTouched` so the WebSocket feed can publish one diff batch.

Fees are charged in the quote (denominator) currency: ``fee = quote × rate`` (maker or taker)
and ``tax = fee × tax_rate``, both rounded half-up to 8 decimals, as on BTCTurk's user trades.
A buy locks ``price × quantity × (1 + reserve)`` of quote where ``reserve`` covers the larger
fee plus tax (BTCTurk's ``denomLeft`` shows the same ≈×1.001 reserve); a sell locks base.

Stop orders (``stoplimit``, ``stopmarket``; base-sized) lock their funds at submit and wait
outside the book, listed as open (``Untouched``). They trigger on the LAST TRADE PRICE: after
each operation every trade it printed is compared with the waiting stops of its symbol — a
sell stop triggers when a trade is at or below its stop price, a buy stop when one is at or
above it. A triggered stop-limit then trades as a limit order at its price (the rest rests in
the book); a stop-market as a market order (5 % protection from the best price; what cannot
fill is canceled). Trades of triggered stops can trigger further stops in the same operation.
A sell stop must be below the best bid and a buy stop above the best ask when submitted
(``FAILED_STOP_PRICE_LESS_THAN_BEST_BID`` / ``..._GREATER_THAN_BEST_ASK``: the contract names
the errors; this reading of them is ours). A stop-market BUY locks its quantity at the stop
price plus the 5 % protection and never pays above that (BTCTurk does not document how it
funds one; this is the emulator's choice).
"""

from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from btcbot.emulator import errors
from btcbot.emulator.accounts import Account, Wallet
from btcbot.emulator.book import BookSide, OrderBook
from btcbot.emulator.candles import CandleStore, DailyStats
from btcbot.emulator.errors import OrderRejected
from btcbot.emulator.events import (
    BookTouched,
    Event,
    OrderInserted,
    OrderMatched,
    OrderRemoved,
    TradePrinted,
    UserFilled,
)
from btcbot.emulator.orders import (
    LIMIT_PRICED,
    STOP_METHODS,
    Fill,
    Order,
    OrderRequest,
    Side,
    Status,
    Trade,
)
from btcbot.emulator.rules import validate_limit, validate_market, validate_stop
from btcbot.exchange.symbol_table import SymbolRule, SymbolTable

MARKET_PROTECTION = Decimal("0.05")
FEE_QUANTUM = Decimal("1e-8")
FIRST_ORDER_ID = 25_000_000_001
FIRST_TRADE_ID = 1_149_163_839_863_900_657  # > 2**53, like real BTCTurk trade ids
FIRST_USER_ID = 100_001
PUBLIC_TRADES_KEPT = 1000

Listener = Callable[[Event], None]


@dataclass(frozen=True)
class FeeSchedule:
    maker: Decimal = Decimal("0.0005")
    taker: Decimal = Decimal("0.0009")
    tax_rate: Decimal = Decimal("0.2")

    @property
    def reserve_rate(self) -> Decimal:
        return max(self.maker, self.taker) * (1 + self.tax_rate)


@dataclass
class UserAccount:
    user_id: int
    account: Account
    wallet: Wallet
    is_bot: bool


class Exchange:
    def __init__(self, table: SymbolTable, fees: FeeSchedule, clock: Callable[[], int]) -> None:
        self.table = table
        self.fees = fees
        self.clock = clock
        self.books = {rule.name: OrderBook() for rule in table.symbols}
        self.ref_prices = {rule.name: rule.ref_price for rule in table.symbols}
        self.candles = {rule.name: CandleStore() for rule in table.symbols}
        self.trades: dict[str, deque[Trade]] = {
            rule.name: deque(maxlen=PUBLIC_TRADES_KEPT) for rule in table.symbols
        }
        self.users: dict[int, UserAccount] = {}
        self.orders: dict[int, Order] = {}
        self.fills: dict[int, list[Fill]] = {}
        self.stops: dict[str, list[Order]] = {rule.name: [] for rule in table.symbols}
        self.fee_wallet = Wallet({})
        self._by_key: dict[str, UserAccount] = {}
        self._listeners: list[Listener] = []
        self._next_order_id = FIRST_ORDER_ID
        self._next_trade_id = FIRST_TRADE_ID
        self._next_user_id = FIRST_USER_ID
        self._touched: set[str] = set()
        self._traded: dict[str, tuple[Decimal, Decimal]] = {}  # low/high trade per symbol
        self._batch_depth = 0

    # ----------------------------------------------------------------- accounts, listeners
    def add_account(self, account: Account, *, is_bot: bool = False) -> UserAccount:
        if account.api_key in self._by_key:
            raise ValueError(f"duplicate api key {account.api_key!r}")
        user = UserAccount(self._next_user_id, account, Wallet(account.balances), is_bot)
        self._next_user_id += 1
        self.users[user.user_id] = user
        self._by_key[account.api_key] = user
        self.fills[user.user_id] = []
        return user

    def user_by_key(self, api_key: str) -> UserAccount | None:
        return self._by_key.get(api_key)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in self._listeners:
            listener(event)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group operations so the feed publishes one book diff for all of them; stops that
        the batch's trades crossed trigger before it ends."""
        self._batch_depth += 1
        try:
            yield
            if self._batch_depth == 1:
                self._trigger_stops()
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._touched:
                touched = frozenset(self._touched)
                self._touched.clear()
                self._emit(BookTouched(touched))

    # ----------------------------------------------------------------- queries
    def rule(self, pair: str) -> SymbolRule:
        rule = self.table.find(pair)
        if rule is None:
            raise OrderRejected(errors.PAIR_NOT_FOUND)
        return rule

    def last_price(self, name: str) -> Decimal:
        trades = self.trades[name]
        return trades[-1].price if trades else self.ref_prices[name]

    def daily_stats(self, name: str) -> DailyStats:
        return self.candles[name].daily(self.clock(), self.ref_prices[name])

    def user_orders(self, user_id: int) -> list[Order]:
        return [order for order in self.orders.values() if order.user_id == user_id]

    def total_supply(self, asset: str) -> Decimal:
        """Sum over every wallet and the fee account: constant under trading."""
        users = sum((user.wallet.total(asset) for user in self.users.values()), Decimal(0))
        return users + self.fee_wallet.total(asset)

    # ----------------------------------------------------------------- submit
    def submit(self, user_id: int, request: OrderRequest) -> Order:
        """Validate, lock funds, match; raise :class:`OrderRejected` for business errors."""
        rule = self.rule(request.pair)
        user = self.users[user_id]
        book = self.books[rule.name]
        lock = self._validate(rule, request, book)
        if user.wallet.free[_lock_asset(rule, request)] < lock:
            raise OrderRejected(errors.FAILED_ORDER_WITH_OPEN_ORDERS)
        with self.batch():
            order = self._create(user, rule, request, lock)
            self._emit(OrderInserted(order))
            if order.waiting_for_stop:
                self.stops[rule.name].append(order)
                return order
            stopped_by_dust = self._match(order, book)
            self._rest_or_finish(order, book, stopped_by_dust)
        return order

    def _validate(self, rule: SymbolRule, request: OrderRequest, book: OrderBook) -> Decimal:
        if request.quantity <= 0:
            raise OrderRejected(errors.FAILED_ORDER_PARAMETER)
        if request.method in STOP_METHODS:
            return self._validate_stop(rule, request, book)
        if request.method == "limit":
            if request.price is None or request.price <= 0:
                raise OrderRejected(errors.FAILED_LIMIT_ORDER)
            validate_limit(rule, request.quantity, request.price, self.last_price(rule.name))
            if request.side == "buy":
                return request.price * request.quantity * (1 + self.fees.reserve_rate)
            return request.quantity
        opposite = book.asks if request.side == "buy" else book.bids
        best = opposite.best()
        if best is None:
            raise OrderRejected(errors.FAILED_MARKET_ORDER)
        validate_market(rule, request.side, request.quantity, best)
        if request.side == "buy":
            return request.quantity * (1 + self.fees.taker * (1 + self.fees.tax_rate))
        return request.quantity

    def _validate_stop(self, rule: SymbolRule, request: OrderRequest, book: OrderBook) -> Decimal:
        stop = request.stop_price
        if stop is None or stop <= 0:
            raise OrderRejected(errors.FAILED_ORDER_PARAMETER)
        limit = None
        if request.method == "stoplimit":
            if request.price is None or request.price <= 0:
                raise OrderRejected(errors.FAILED_LIMIT_ORDER)
            limit = request.price
        validate_stop(rule, request.quantity, stop, limit, self.last_price(rule.name))
        if request.side == "sell":
            best_bid = book.bids.best()
            if best_bid is not None and stop >= best_bid:
                raise OrderRejected(errors.FAILED_STOP_PRICE_LESS_THAN_BEST_BID)
            return request.quantity
        best_ask = book.asks.best()
        if best_ask is not None and stop <= best_ask:
            raise OrderRejected(errors.FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK)
        worst = limit if limit is not None else stop * (1 + MARKET_PROTECTION)
        return worst * request.quantity * (1 + self.fees.reserve_rate)

    def _create(
        self, user: UserAccount, rule: SymbolRule, request: OrderRequest, lock: Decimal
    ) -> Order:
        now = self.clock()
        is_stop = request.method in STOP_METHODS
        limit_priced = request.method in LIMIT_PRICED
        order = Order(
            id=self._next_order_id,
            user_id=user.user_id,
            rule=rule,
            side=request.side,
            method=request.method,
            quantity=request.quantity,
            price=request.price if limit_priced and request.price else Decimal(0),
            client_id=request.client_id or _generated_client_id(self._next_order_id),
            time_ms=now,
            update_ms=now,
            left=request.quantity,
            locked=lock,
            stop_price=request.stop_price if is_stop else None,
            triggered=not is_stop,
        )
        self._next_order_id += 1
        user.wallet.lock(order.lock_asset, lock)
        self.orders[order.id] = order
        return order

    def _rest_or_finish(self, order: Order, book: OrderBook, stopped_by_dust: bool) -> None:
        if order.rests_on_book:
            if order.left > 0:
                book.side_for(order).add(order)
                self._touched.add(order.rule.name)
            return
        if order.left == 0 or stopped_by_dust:
            self._finish(order, "Closed")
        else:
            self._finish(order, "Canceled")

    # ----------------------------------------------------------------- matching
    def _match(self, taker: Order, book: OrderBook) -> bool:
        """Fill ``taker`` against the opposite side; True when stopped by an unfillable dust
        remainder (market BUY quote too small for one quantity step)."""
        opposite = book.opposite(taker)
        bound = self._price_bound(taker, opposite)
        if bound is None:
            return False
        for price in list(opposite.prices_best_first()):
            if not _crosses(taker, price, bound):
                return False
            queue = opposite.levels.get(price)
            while queue and taker.left > 0:
                maker = queue[0]
                amount = self._match_amount(taker, maker, price)
                if amount <= 0:
                    return True
                self._execute(taker, maker, price, amount)
                if maker.left == 0:
                    opposite.pop_front(price)
                    self._finish(maker, "Closed")
            if taker.left <= 0:
                return False
        return False

    def _price_bound(self, taker: Order, opposite: BookSide) -> Decimal | None:
        if taker.rests_on_book:
            return taker.price
        best = opposite.best()
        if best is None:
            return None
        factor = 1 + MARKET_PROTECTION if taker.side == "buy" else 1 - MARKET_PROTECTION
        if taker.side == "buy" and taker.stop_price is not None:
            return min(best, taker.stop_price) * factor  # what its lock was sized for
        return best * factor

    def _match_amount(self, taker: Order, maker: Order, price: Decimal) -> Decimal:
        if taker.sized_in_quote:
            return min(maker.left, taker.rule.quantize_quantity(taker.left / price))
        return min(maker.left, taker.left)

    def _execute(self, taker: Order, maker: Order, price: Decimal, amount: Decimal) -> None:
        now = self.clock()
        trade_id = self._next_trade_id
        self._next_trade_id += 1
        for order, is_maker in ((maker, True), (taker, False)):
            self._settle(order, price, amount, is_maker, trade_id, now)
        trade = Trade(trade_id, taker.rule, price, amount, taker.side, now)
        self.trades[taker.rule.name].append(trade)
        low, high = self._traded.get(taker.rule.name, (price, price))
        self._traded[taker.rule.name] = (min(low, price), max(high, price))
        self.candles[taker.rule.name].record(now, price, amount)
        self._touched.add(taker.rule.name)
        self._emit(TradePrinted(trade))

    def _settle(
        self, order: Order, price: Decimal, amount: Decimal, is_maker: bool, trade_id: int, now: int
    ) -> None:
        quote = price * amount
        rate = self.fees.maker if is_maker else self.fees.taker
        fee = (quote * rate).quantize(FEE_QUANTUM, rounding=ROUND_HALF_UP)
        tax = (fee * self.fees.tax_rate).quantize(FEE_QUANTUM, rounding=ROUND_HALF_UP)
        user = self.users[order.user_id]
        if order.side == "buy":
            self._settle_buy(user.wallet, order, amount, quote + fee + tax)
        else:
            self._settle_sell(user.wallet, order, amount, quote - fee - tax)
        self.fee_wallet.free[order.rule.denominator] += fee + tax
        order.left -= quote if order.sized_in_quote else amount
        order.status = "Closed" if order.left == 0 else "Partial"
        order.update_ms = now
        if order.first_fill_price is None:
            order.first_fill_price = price
        fill = Fill(
            trade_id,
            order.id,
            order.user_id,
            order.rule,
            order.side,
            price,
            amount,
            fee,
            tax,
            order.client_id,
            now,
            is_maker,
        )
        if not user.is_bot:
            self.fills[user.user_id].append(fill)
        self._emit(OrderMatched(order, amount, price))
        self._emit(UserFilled(fill))

    def _settle_buy(self, wallet: Wallet, order: Order, amount: Decimal, cost: Decimal) -> None:
        if not order.rests_on_book:
            release = min(order.locked, cost)
        else:
            reserved = amount * order.price * (1 + self.fees.reserve_rate)
            release = min(order.locked, max(cost, reserved))
        quote_asset = order.rule.denominator
        wallet.locked[quote_asset] -= release
        wallet.free[quote_asset] += release - cost
        wallet.free[order.rule.numerator] += amount
        order.locked -= release

    def _settle_sell(
        self, wallet: Wallet, order: Order, amount: Decimal, proceeds: Decimal
    ) -> None:
        wallet.locked[order.rule.numerator] -= amount
        wallet.free[order.rule.denominator] += proceeds
        order.locked -= amount

    def _finish(self, order: Order, status: Status) -> None:
        user = self.users[order.user_id]
        user.wallet.release(order.lock_asset, order.locked)
        order.locked = Decimal(0)
        order.status = status
        order.update_ms = self.clock()
        order.closed_ms = order.update_ms
        self._emit(OrderRemoved(order, "filled" if status == "Closed" else "canceled"))
        if user.is_bot:
            self.orders.pop(order.id, None)

    # ----------------------------------------------------------------- cancel
    def check_cancel(self, user_id: int, order_id: int) -> Order:
        """What the REST ack checks before it answers 200 (the cancel itself comes later)."""
        order = self.orders.get(order_id)
        if order is None or order.user_id != user_id:
            raise OrderRejected(errors.NO_ORDER_MATCHES_YOUR_REQUEST)
        if not order.is_open or not (order.rests_on_book or order.waiting_for_stop):
            raise OrderRejected(errors.ORDER_COULD_NOT_BE_CANCELED)
        return order

    def cancel(self, order_id: int) -> bool:
        """Remove an open order from its book (or an untriggered stop from the waiting
        stops); False if it is gone or finished meanwhile."""
        order = self.orders.get(order_id)
        if order is None or not order.is_open:
            return False
        with self.batch():
            if order.waiting_for_stop:
                self.stops[order.rule.name].remove(order)
            else:
                self.books[order.rule.name].side_for(order).remove(order)
                self._touched.add(order.rule.name)
            self._finish(order, "Canceled")
        return True

    # ----------------------------------------------------------------- stops
    def _trigger_stops(self) -> None:
        """Trigger every waiting stop a trade of this operation crossed, in order id order;
        repeat while triggered stops print trades that cross more."""
        while self._traded:
            traded, self._traded = self._traded, {}
            for name in sorted(traded):
                low, high = traded[name]
                waiting = self.stops.get(name, [])
                due = [order for order in waiting if _stop_crossed(order, low, high)]
                for order in due:
                    waiting.remove(order)
                    self._trigger(order)

    def _trigger(self, order: Order) -> None:
        order.triggered = True
        order.update_ms = self.clock()
        book = self.books[order.rule.name]
        stopped_by_dust = self._match(order, book)
        self._rest_or_finish(order, book, stopped_by_dust)

    def take_resting(
        self, order_id: int, amount: Decimal, taker_user_id: int | None = None
    ) -> Decimal:
        """A counterparty (default: the first bot account) takes up to ``amount`` of one resting
        limit order at its price, out of price-time turn (fault injection: a fill racing a
        cancel, a partial fill). Returns the base amount filled (0 when nothing was)."""
        order = self.orders.get(order_id)
        if taker_user_id is None:
            bots = (user.user_id for user in self.users.values() if user.is_bot)
            taker_user_id = next(bots, None)
        resting = order is not None and order.is_open and order.triggered
        if (
            order is None
            or taker_user_id is None
            or not resting
            or order.method not in LIMIT_PRICED
        ):
            return Decimal(0)
        amount = order.rule.quantize_quantity(min(amount, order.left))
        if amount <= 0:
            return Decimal(0)
        side: Side = "sell" if order.side == "buy" else "buy"
        request = OrderRequest(order.rule.name, side, "limit", amount, order.price, None)
        lock = amount if side == "sell" else amount * order.price * (1 + self.fees.reserve_rate)
        book = self.books[order.rule.name]
        with self.batch():
            taker = self._create(self.users[taker_user_id], order.rule, request, lock)
            self._execute(taker, order, order.price, amount)
            if order.left == 0:
                book.side_for(order).remove(order)
                self._finish(order, "Closed")
            self._finish(taker, "Closed")
        return amount


def _lock_asset(rule: SymbolRule, request: OrderRequest) -> str:
    return rule.denominator if request.side == "buy" else rule.numerator


def _stop_crossed(order: Order, low: Decimal, high: Decimal) -> bool:
    stop = order.stop_price
    if stop is None:
        return False
    return low <= stop if order.side == "sell" else high >= stop


def _crosses(taker: Order, price: Decimal, bound: Decimal) -> bool:
    return price <= bound if taker.side == "buy" else price >= bound


def _generated_client_id(order_id: int) -> str:
    """BTCTurk substitutes a GUID; a deterministic GUID-shaped id keeps replays exact."""
    text = f"{order_id:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
