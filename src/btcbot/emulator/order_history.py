"""Per-account order history: when each order opened and closed, its fills, and every submit
and cancel request received — the exchange-side record a chaos run checks a client against.

Times are the emulator's *unskewed* clock in ms (the injectable clock, else the host's wall
clock): the ``clock_skew_ms`` fault moves the exchange's timestamps, not these. ``seq`` orders
records that share a millisecond. An order is open from its insert until it leaves the book
(filled, canceled, or a taker filled at once). Bot accounts (the market simulator) are not
recorded.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from btcbot.emulator.engine import Exchange
from btcbot.emulator.events import Event, OrderInserted, OrderRemoved, UserFilled
from btcbot.emulator.hooks import RequestSeen
from btcbot.emulator.orders import Order
from btcbot.emulator.wire import dec_str

QUOTE_OF_RECORD = "TRY"


@dataclass
class OrderRecord:
    order_id: int
    user_id: int
    client_id: str
    symbol: str  # exchange spelling, e.g. BTCTRY
    base: str
    quote: str
    side: str
    method: str
    price: Decimal  # 0 for market orders
    quantity: Decimal  # base units; quote units for a market BUY
    #: TRY value of one unit of ``quote`` when the order was placed (last USDTTRY trade for a
    #: USDT pair), None when the exchange lists no such pair.
    quote_in_try: Decimal | None
    opened_ms: int
    opened_seq: int
    closed_ms: int | None = None
    closed_seq: int | None = None
    status: str = "Untouched"

    @property
    def notional(self) -> Decimal:
        """Order value in its quote currency (a market BUY is sized in quote)."""
        if self.method == "market" and self.side == "buy":
            return self.quantity
        return self.price * self.quantity

    @property
    def notional_try(self) -> Decimal | None:
        return None if self.quote_in_try is None else self.notional * self.quote_in_try

    def as_dict(self) -> dict[str, Any]:
        return {
            "orderId": self.order_id,
            "clientId": self.client_id,
            "symbol": self.symbol,
            "side": self.side,
            "method": self.method,
            "price": dec_str(self.price),
            "quantity": dec_str(self.quantity),
            "quoteInTry": None if self.quote_in_try is None else dec_str(self.quote_in_try),
            "openedMs": self.opened_ms,
            "openedSeq": self.opened_seq,
            "closedMs": self.closed_ms,
            "closedSeq": self.closed_seq,
            "status": self.status,
        }


@dataclass(frozen=True)
class FillRecord:
    trade_id: int
    order_id: int
    user_id: int
    symbol: str
    side: str
    price: Decimal
    amount: Decimal  # base units
    fee: Decimal
    tax: Decimal
    at_ms: int
    seq: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "tradeId": str(self.trade_id),
            "orderId": self.order_id,
            "symbol": self.symbol,
            "side": self.side,
            "price": dec_str(self.price),
            "amount": dec_str(self.amount),
            "fee": dec_str(self.fee),
            "tax": dec_str(self.tax),
            "atMs": self.at_ms,
            "seq": self.seq,
        }


@dataclass(frozen=True)
class RequestRecord:
    kind: str  # submit | cancel
    user_id: int
    at_ms: int
    seq: int

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "atMs": self.at_ms, "seq": self.seq}


class OrderHistory:
    """Subscribes to the engine (orders, fills) and to request hooks (arrivals)."""

    def __init__(self, exchange: Exchange, clock_ms: Callable[[], int]) -> None:
        self.exchange = exchange
        self.clock_ms = clock_ms
        self.orders: dict[int, OrderRecord] = {}
        self.fills: list[FillRecord] = []
        self.requests: list[RequestRecord] = []
        self._seq = itertools.count(1)
        exchange.subscribe(self.on_event)

    def on_request(self, seen: RequestSeen) -> None:
        self.requests.append(RequestRecord(seen.kind, seen.user_id, self.clock_ms(), self._next()))

    def on_event(self, event: Event) -> None:
        if isinstance(event, OrderInserted) and self._tracked(event.order):
            self._opened(event.order)
        elif isinstance(event, UserFilled) and event.fill.order_id in self.orders:
            fill = event.fill
            self.fills.append(
                FillRecord(
                    fill.trade_id,
                    fill.order_id,
                    fill.user_id,
                    fill.rule.name,
                    fill.side,
                    fill.price,
                    fill.amount,
                    fill.fee,
                    fill.tax,
                    self.clock_ms(),
                    self._next(),
                )
            )
            self._close_if_done(self.exchange.orders.get(fill.order_id))
        elif isinstance(event, OrderRemoved):
            self._close_if_done(event.order)

    def for_user(self, user_id: int) -> dict[str, Any]:
        """The JSON view of one account's history (admin API)."""
        return {
            "orders": [r.as_dict() for r in self.orders.values() if r.user_id == user_id],
            "fills": [f.as_dict() for f in self.fills if f.user_id == user_id],
            "requests": [r.as_dict() for r in self.requests if r.user_id == user_id],
        }

    def _tracked(self, order: Order) -> bool:
        user = self.exchange.users.get(order.user_id)
        return user is not None and not user.is_bot

    def _opened(self, order: Order) -> None:
        rule = order.rule
        self.orders[order.id] = OrderRecord(
            order_id=order.id,
            user_id=order.user_id,
            client_id=order.client_id,
            symbol=rule.name,
            base=rule.numerator,
            quote=rule.denominator,
            side=order.side,
            method=order.method,
            price=order.price,
            quantity=order.quantity,
            quote_in_try=self._quote_in_try(rule.denominator),
            opened_ms=self.clock_ms(),
            opened_seq=self._next(),
        )

    def _close_if_done(self, order: Order | None) -> None:
        record = None if order is None else self.orders.get(order.id)
        if order is None or record is None or record.closed_seq is not None:
            return
        record.status = order.status
        if not order.is_open:
            record.closed_ms, record.closed_seq = self.clock_ms(), self._next()

    def _quote_in_try(self, quote: str) -> Decimal | None:
        if quote == QUOTE_OF_RECORD:
            return Decimal(1)
        pair = f"{quote}{QUOTE_OF_RECORD}"
        return self.exchange.last_price(pair) if pair in self.exchange.books else None

    def _next(self) -> int:
        return next(self._seq)
