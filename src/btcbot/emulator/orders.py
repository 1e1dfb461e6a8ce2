"""Order, fill and trade records of the matching engine."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from btcbot.exchange.symbol_table import SymbolRule

Side = Literal["buy", "sell"]
Method = Literal["limit", "market", "stoplimit", "stopmarket"]
Status = Literal["Untouched", "Partial", "Closed", "Canceled"]
OPEN_STATUSES: frozenset[str] = frozenset({"Untouched", "Partial"})
STOP_METHODS: frozenset[str] = frozenset({"stoplimit", "stopmarket"})
LIMIT_PRICED: frozenset[str] = frozenset({"limit", "stoplimit"})


@dataclass(frozen=True)
class OrderRequest:
    """A validated-for-types order request, as parsed from the wire."""

    pair: str
    side: Side
    method: Method
    quantity: Decimal
    price: Decimal | None
    client_id: str | None
    stop_price: Decimal | None = None


@dataclass
class Order:
    """A live or finished order. ``left`` is in the unit of ``quantity``: base, except for a
    market BUY where quantity and left are quote currency (a stop-market is base-sized).

    A stop order waits with ``triggered`` false (open, funds locked, not in the book) until
    the last trade price crosses ``stop_price``; then it trades as a limit (stop-limit) or
    market (stop-market) order."""

    id: int
    user_id: int
    rule: SymbolRule
    side: Side
    method: Method
    quantity: Decimal
    price: Decimal
    client_id: str
    time_ms: int
    update_ms: int
    left: Decimal
    locked: Decimal
    status: Status = "Untouched"
    first_fill_price: Decimal | None = None
    closed_ms: int | None = None
    """When the order left the book (filled, canceled); None while it is open."""
    stop_price: Decimal | None = None
    triggered: bool = True

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_stop(self) -> bool:
        return self.method in STOP_METHODS

    @property
    def waiting_for_stop(self) -> bool:
        """An untriggered stop: open, but not in the book."""
        return self.is_stop and not self.triggered

    @property
    def rests_on_book(self) -> bool:
        """Limit-priced (limit, triggered stop-limit): the unfilled part rests in the book."""
        return self.method in LIMIT_PRICED

    @property
    def sized_in_quote(self) -> bool:
        return self.method == "market" and self.side == "buy"

    @property
    def lock_asset(self) -> str:
        return self.rule.denominator if self.side == "buy" else self.rule.numerator

    @property
    def filled(self) -> Decimal:
        return self.quantity - self.left


@dataclass(frozen=True)
class Trade:
    """A public trade print (maker/taker match)."""

    id: int
    rule: SymbolRule
    price: Decimal
    amount: Decimal
    taker_side: Side
    time_ms: int


@dataclass(frozen=True)
class Fill:
    """One side of a trade, as the user sees it (users/transactions/trade, WS 423)."""

    trade_id: int
    order_id: int
    user_id: int
    rule: SymbolRule
    side: Side
    price: Decimal
    amount: Decimal
    fee: Decimal
    tax: Decimal
    client_id: str
    time_ms: int
    is_maker: bool
