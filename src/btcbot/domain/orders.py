"""Orders: sides, methods, statuses, and the lifecycle as an explicit transition table.

The table encodes what really happens on BTCTurk, not an idealised exchange:

* a submit whose response is lost stays ``IN_FLIGHT`` until evidence resolves it;
* a fill can arrive before the submit acknowledgement (WS is faster than REST);
* a cancel is acknowledged before it happens (since 2024-04), so ``PENDING_CANCEL`` can still
  receive fills and can even end ``FILLED`` (the fill won the race);
* a fill report can arrive after the cancel confirmation (the fill happened first):
  the order stays ``CANCELED`` and the fill is still booked;
* ``NOT_PLACED`` is only reached when the exchange positively shows the order never existed,
  and late evidence to the contrary re-opens it: a lost order is never forgotten.

Any (state, event) pair not in the table is a bug and raises :class:`IllegalTransition`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from btcbot.domain.money import ZERO
from btcbot.domain.slots import evolve, fast_init
from btcbot.domain.symbols import Symbol


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"


class OrderMethod(StrEnum):
    LIMIT = "limit"
    MARKET = "market"
    STOP_LIMIT = "stoplimit"  # rests untriggered until the last price crosses its stop
    STOP_MARKET = "stopmarket"

    @property
    def is_stop(self) -> bool:
        return self in _STOP_METHODS

    @property
    def has_limit_price(self) -> bool:
        """Whether the order carries its own limit price (limit and stop-limit)."""
        return self in _LIMIT_PRICED


_STOP_METHODS = frozenset({OrderMethod.STOP_LIMIT, OrderMethod.STOP_MARKET})
_LIMIT_PRICED = frozenset({OrderMethod.LIMIT, OrderMethod.STOP_LIMIT})


class OrderStatus(StrEnum):
    PENDING_SUBMIT = "PENDING_SUBMIT"  # intent persisted, request not yet answered
    IN_FLIGHT = "IN_FLIGHT"  # outcome unknown: resolve by evidence, never resubmit
    OPEN = "OPEN"  # resting, no fills (BTCTurk "Untouched")
    PARTIALLY_FILLED = "PARTIALLY_FILLED"  # resting with fills (BTCTurk "Partial")
    PENDING_CANCEL = "PENDING_CANCEL"  # cancel acknowledged, not yet proven
    FILLED = "FILLED"  # BTCTurk "Closed"
    CANCELED = "CANCELED"  # BTCTurk "Canceled" (may carry fills)
    REJECTED = "REJECTED"  # definitive refusal by the exchange
    NOT_PLACED = "NOT_PLACED"  # ambiguous submit proven never to have reached the book

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL

    @property
    def is_live(self) -> bool:
        """May still rest on the book or change (anything not terminal)."""
        return self not in _TERMINAL


_TERMINAL = frozenset(
    {OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.NOT_PLACED}
)


class OrderEvent(StrEnum):
    ACCEPTED = "ACCEPTED"  # exchange id known (submit 200, WS 451, found in a scan)
    REJECTED = "REJECTED"  # definitive business/auth refusal of the submit
    AMBIGUOUS = "AMBIGUOUS"  # timeout / reset / 5xx / unparsable body after send
    PARTIAL_FILL = "PARTIAL_FILL"
    FILL = "FILL"  # the order is now completely filled
    CANCEL_REQUESTED = "CANCEL_REQUESTED"  # DELETE sent / acknowledged
    CANCEL_CONFIRMED = "CANCEL_CONFIRMED"  # WS 452, or status "Canceled" from the exchange
    CANCEL_REFUSED = "CANCEL_REFUSED"  # ORDER_COULD_NOT_BE_CANCELED etc.: still working
    NOT_FOUND = "NOT_FOUND"  # resolution ladder exhausted, exchange positively answered


class IllegalTransition(RuntimeError):
    """An order event that cannot happen in the order's current state."""


S, E = OrderStatus, OrderEvent
_RESTING = S.OPEN  # re-resolved to PARTIALLY_FILLED when the order already has fills

TRANSITIONS: Mapping[tuple[OrderStatus, OrderEvent], OrderStatus] = MappingProxyType(
    {
        (S.PENDING_SUBMIT, E.ACCEPTED): S.OPEN,
        (S.PENDING_SUBMIT, E.REJECTED): S.REJECTED,
        (S.PENDING_SUBMIT, E.AMBIGUOUS): S.IN_FLIGHT,
        (S.PENDING_SUBMIT, E.PARTIAL_FILL): S.PARTIALLY_FILLED,
        (S.PENDING_SUBMIT, E.FILL): S.FILLED,
        (S.IN_FLIGHT, E.ACCEPTED): S.OPEN,
        (S.IN_FLIGHT, E.AMBIGUOUS): S.IN_FLIGHT,
        (S.IN_FLIGHT, E.PARTIAL_FILL): S.PARTIALLY_FILLED,
        (S.IN_FLIGHT, E.FILL): S.FILLED,
        (S.IN_FLIGHT, E.CANCEL_CONFIRMED): S.CANCELED,
        (S.IN_FLIGHT, E.NOT_FOUND): S.NOT_PLACED,
        (S.OPEN, E.ACCEPTED): S.OPEN,
        (S.OPEN, E.PARTIAL_FILL): S.PARTIALLY_FILLED,
        (S.OPEN, E.FILL): S.FILLED,
        (S.OPEN, E.CANCEL_REQUESTED): S.PENDING_CANCEL,
        (S.OPEN, E.CANCEL_CONFIRMED): S.CANCELED,
        (S.PARTIALLY_FILLED, E.ACCEPTED): S.PARTIALLY_FILLED,
        (S.PARTIALLY_FILLED, E.PARTIAL_FILL): S.PARTIALLY_FILLED,
        (S.PARTIALLY_FILLED, E.FILL): S.FILLED,
        (S.PARTIALLY_FILLED, E.CANCEL_REQUESTED): S.PENDING_CANCEL,
        (S.PARTIALLY_FILLED, E.CANCEL_CONFIRMED): S.CANCELED,
        (S.PENDING_CANCEL, E.ACCEPTED): S.PENDING_CANCEL,
        (S.PENDING_CANCEL, E.CANCEL_REQUESTED): S.PENDING_CANCEL,
        (S.PENDING_CANCEL, E.PARTIAL_FILL): S.PENDING_CANCEL,  # fill after pending cancel
        (S.PENDING_CANCEL, E.FILL): S.FILLED,  # the fill won the race
        (S.PENDING_CANCEL, E.CANCEL_CONFIRMED): S.CANCELED,
        (S.PENDING_CANCEL, E.CANCEL_REFUSED): _RESTING,
        (S.PENDING_CANCEL, E.AMBIGUOUS): S.PENDING_CANCEL,  # cancel timed out: still unproven
        (S.CANCELED, E.PARTIAL_FILL): S.CANCELED,  # cancel then (late-reported) fill
        (S.CANCELED, E.CANCEL_CONFIRMED): S.CANCELED,
        (S.FILLED, E.PARTIAL_FILL): S.FILLED,  # late report of an earlier slice
        (S.FILLED, E.FILL): S.FILLED,
        (S.NOT_PLACED, E.ACCEPTED): S.OPEN,  # late evidence: the order exists after all
        (S.NOT_PLACED, E.PARTIAL_FILL): S.PARTIALLY_FILLED,
        (S.NOT_PLACED, E.FILL): S.FILLED,
    }
)
del S, E


def next_status(current: OrderStatus, event: OrderEvent, *, has_fills: bool) -> OrderStatus:
    """Apply ``event`` to ``current`` by the table; raise on an impossible transition."""
    try:
        target = TRANSITIONS[(current, event)]
    except KeyError:
        raise IllegalTransition(f"order in {current} cannot take event {event}") from None
    if target is _RESTING and has_fills:
        return OrderStatus.PARTIALLY_FILLED
    return target


@fast_init
@dataclass(frozen=True, slots=True)
class OrderRequest:
    """What the agent asks the exchange to do, in domain units.

    ``quantity`` is always the base amount for limit orders, market sells and stop orders
    (API_CONTRACT §3.2). A market BUY is sized in quote currency (``quote_amount``) because that
    is what BTCTurk executes. A stop order carries ``stop_price``: it waits untriggered on the
    exchange until the last trade price crosses it (a sell when the price falls to it, a buy
    when it rises to it), then trades as a limit (stop-limit, at ``price``) or market
    (stop-market) order.
    """

    symbol: Symbol
    side: Side
    method: OrderMethod
    client_order_id: str
    quantity: Decimal = ZERO
    price: Decimal | None = None
    quote_amount: Decimal | None = None
    stop_price: Decimal | None = None

    def __post_init__(self) -> None:
        if not 0 < len(self.client_order_id) <= 50:
            raise ValueError("client_order_id must be 1..50 characters (BTCTurk limit)")
        if self.method.has_limit_price and (self.price is None or self.price <= ZERO):
            raise ValueError(f"a {self.method.value} order needs a positive price")
        if self.method.is_stop:
            if self.stop_price is None or self.stop_price <= ZERO:
                raise ValueError(f"a {self.method.value} order needs a positive stop_price")
        elif self.stop_price is not None:
            raise ValueError("only stop orders carry a stop_price")
        if self.is_market_buy:
            if self.quote_amount is None or self.quote_amount <= ZERO:
                raise ValueError("a market BUY is sized by a positive quote_amount")
        elif self.quantity <= ZERO:
            raise ValueError("quantity must be positive")

    @property
    def is_market_buy(self) -> bool:
        """Sized in quote currency: a plain market BUY only (a stop-market is base-sized)."""
        return self.method is OrderMethod.MARKET and self.side is Side.BUY

    @property
    def is_stop(self) -> bool:
        return self.method.is_stop


@fast_init
@dataclass(frozen=True, slots=True)
class Order:
    """The agent's view of one order, advanced only through :func:`next_status`."""

    request: OrderRequest
    status: OrderStatus = OrderStatus.PENDING_SUBMIT
    exchange_order_id: int | None = None
    filled_quantity: Decimal = ZERO
    reason: str | None = None

    def on(
        self,
        event: OrderEvent,
        *,
        exchange_order_id: int | None = None,
        filled_quantity: Decimal | None = None,
        reason: str | None = None,
    ) -> Order:
        filled = self.filled_quantity if filled_quantity is None else filled_quantity
        status = next_status(self.status, event, has_fills=filled > ZERO)
        return evolve(
            self,
            status=status,
            exchange_order_id=exchange_order_id or self.exchange_order_id,
            filled_quantity=filled,
            reason=reason or self.reason,
        )
