"""Price-time priority order book of one symbol."""

from bisect import bisect_left, insort
from collections import deque
from collections.abc import Iterator
from decimal import Decimal

from btcbot.emulator.orders import Order


class BookSide:
    """One side: FIFO queue per price level; ``prices`` kept ascending."""

    def __init__(self, is_bid: bool) -> None:
        self.is_bid = is_bid
        self.levels: dict[Decimal, deque[Order]] = {}
        self.prices: list[Decimal] = []

    def add(self, order: Order) -> None:
        queue = self.levels.get(order.price)
        if queue is None:
            queue = self.levels[order.price] = deque()
            insort(self.prices, order.price)
        queue.append(order)

    def remove(self, order: Order) -> None:
        queue = self.levels.get(order.price)
        if queue is None or order not in queue:
            return
        queue.remove(order)
        if not queue:
            self._drop_level(order.price)

    def pop_front(self, price: Decimal) -> None:
        queue = self.levels[price]
        queue.popleft()
        if not queue:
            self._drop_level(price)

    def _drop_level(self, price: Decimal) -> None:
        del self.levels[price]
        del self.prices[bisect_left(self.prices, price)]

    def best(self) -> Decimal | None:
        if not self.prices:
            return None
        return self.prices[-1] if self.is_bid else self.prices[0]

    def prices_best_first(self) -> Iterator[Decimal]:
        return reversed(self.prices) if self.is_bid else iter(self.prices)

    def level_total(self, price: Decimal) -> Decimal:
        return sum((order.left for order in self.levels.get(price, ())), Decimal(0))

    def depth(self, limit: int | None = None) -> list[tuple[Decimal, Decimal]]:
        rows: list[tuple[Decimal, Decimal]] = []
        for price in self.prices_best_first():
            if limit is not None and len(rows) >= limit:
                break
            rows.append((price, self.level_total(price)))
        return rows


class OrderBook:
    def __init__(self) -> None:
        self.bids = BookSide(is_bid=True)
        self.asks = BookSide(is_bid=False)

    def side_for(self, order: Order) -> BookSide:
        return self.bids if order.side == "buy" else self.asks

    def opposite(self, order: Order) -> BookSide:
        return self.asks if order.side == "buy" else self.bids
