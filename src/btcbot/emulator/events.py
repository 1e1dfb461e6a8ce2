"""Events the engine emits to its listeners (the WebSocket feed)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from btcbot.emulator.orders import Fill, Order, Trade


@dataclass(frozen=True)
class OrderInserted:
    order: Order


@dataclass(frozen=True)
class OrderMatched:
    order: Order
    amount: Decimal
    price: Decimal


@dataclass(frozen=True)
class UserFilled:
    fill: Fill


@dataclass(frozen=True)
class OrderRemoved:
    order: Order
    reason: Literal["canceled", "filled"]


@dataclass(frozen=True)
class TradePrinted:
    trade: Trade


@dataclass(frozen=True)
class BookTouched:
    """Call-back after one engine operation; the feed diffs the symbols it touched."""

    symbols: frozenset[str]


Event = OrderInserted | OrderMatched | UserFilled | OrderRemoved | TradePrinted | BookTouched
