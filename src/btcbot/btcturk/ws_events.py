"""Typed events the WebSocket client hands to the rest of btcbot, and the wire → domain maps.

Public data becomes the domain's own values (:class:`Ticker`, :class:`PublicTrade`); an order
book change is announced by :class:`BookUpdated` (read the book from its
:class:`~btcbot.btcturk.orderbook_sync.OrderBookSync`). Private frames become
:class:`~btcbot.domain.fills.Fill` (423) and the order events below (441/451/452).
:class:`StreamReset` is pushed to the private stream after every reconnect: private frames sent
while we were away are lost, so the trading core must reconcile over REST.

Venue enums (API_CONTRACT §5.3): ``method`` 0 limit / 1 market / 2 stop-limit (3 stop-market:
undocumented, the emulator's assumption); ``orderType`` 0 buy / 1 sell; public trade ``S`` 0
buy / 1 sell (taker side; unverified upstream).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.btcturk import ws_schemas as ws
from btcbot.domain.fills import Fill
from btcbot.domain.market import PublicTrade, Ticker
from btcbot.domain.money import to_decimal
from btcbot.domain.orders import OrderMethod, Side
from btcbot.domain.symbols import Symbol

_METHODS = {
    0: OrderMethod.LIMIT,
    1: OrderMethod.MARKET,
    2: OrderMethod.STOP_LIMIT,
    3: OrderMethod.STOP_MARKET,
}
_SIDES = {0: Side.BUY, 1: Side.SELL}


@dataclass(frozen=True, slots=True)
class BookUpdated:
    symbol: Symbol
    sequence: int
    snapshot: bool


@dataclass(frozen=True, slots=True)
class BookInvalidated:
    """From ``at_ms`` (wall clock) the book of ``symbol`` is not to be trusted until its next
    snapshot (:class:`BookUpdated` with ``snapshot``): ``reason`` is ``disconnect`` (the
    connection dropped; trades may be lost too) or ``changeset_gap`` (a diff was skipped)."""

    symbol: Symbol
    reason: str
    at_ms: int


@dataclass(frozen=True, slots=True)
class OrderMatched:
    """441: one match of our order (``amount`` base, ``price`` quote)."""

    order_id: int
    symbol: Symbol
    side: Side
    method_code: int
    price: Decimal
    amount: Decimal
    client_order_id: str | None
    timestamp_ms: int | None

    @property
    def method(self) -> OrderMethod | None:
        return _METHODS.get(self.method_code)


@dataclass(frozen=True, slots=True)
class _OrderState:
    """The shape 451 and 452 share. ``side`` is ``None`` on pre-2022 frames."""

    order_id: int
    symbol: Symbol
    side: Side | None
    method_code: int
    price: Decimal
    amount: Decimal
    remaining: Decimal
    client_order_id: str | None

    @property
    def method(self) -> OrderMethod | None:
        return _METHODS.get(self.method_code)


@dataclass(frozen=True, slots=True)
class OrderInserted(_OrderState):
    """451: the order rests on the book."""


@dataclass(frozen=True, slots=True)
class OrderDeleted(_OrderState):
    """452: the order left the book; ``remaining`` (``numLeft``) is what never filled."""


@dataclass(frozen=True, slots=True)
class BalanceChanged:
    """201: balances changed; refetch them over REST."""

    user_id: int


@dataclass(frozen=True, slots=True)
class StreamReset:
    """The connection was (re)established: private events in the gap may be lost."""

    connection: int


PrivateEvent = Fill | OrderMatched | OrderInserted | OrderDeleted | BalanceChanged | StreamReset
MarketEvent = Ticker | PublicTrade | BookUpdated | BookInvalidated


def ticker_from_wire(body: ws.TickerPair, received_ms: int) -> Ticker:
    """402 carries no timestamp: ``received_ms`` is our receive time."""
    return Ticker(
        symbol=Symbol.parse(body.PS),
        last=to_decimal(body.LA),
        bid=to_decimal(body.B),
        ask=to_decimal(body.A),
        high=to_decimal(body.H),
        low=to_decimal(body.L),
        volume=to_decimal(body.V),
        average=to_decimal(body.AV),
        timestamp_ms=received_ms,
    )


def trade_from_wire(item: ws.TradeItem | ws.TradeSingle, symbol: Symbol) -> PublicTrade:
    return PublicTrade(
        symbol=symbol,
        trade_id=item.I,
        price=to_decimal(item.P),
        amount=to_decimal(item.A),
        side=_SIDES.get(item.S) if item.S is not None else None,
        timestamp_ms=int(item.D),
    )


def fill_from_wire(body: ws.UserTrade) -> Fill:
    """423 → :class:`Fill`: signs dropped (sells arrive negative), ids kept as ints."""
    return Fill(
        trade_id=body.id,
        order_id=body.orderId,
        client_order_id=body.orderClientId or None,
        symbol=Symbol(body.numeratorSymbol.upper(), body.denominatorSymbol.upper()),
        side=Side(body.orderType.lower()),
        price=to_decimal(body.price),
        quantity=abs(to_decimal(body.amount)),
        fee=abs(to_decimal(body.fee)),
        tax=abs(to_decimal(body.tax)),
        timestamp_ms=body.timestamp,
    )


def match_from_wire(body: ws.OrderMatch) -> OrderMatched:
    return OrderMatched(
        order_id=body.id,
        symbol=Symbol.parse(body.symbol),
        side=Side.BUY if body.isBid else Side.SELL,
        method_code=body.method,
        price=to_decimal(body.price),
        amount=to_decimal(body.amount),
        client_order_id=body.clientId or None,
        timestamp_ms=body.timestamp,
    )


def order_state_from_wire(
    body: ws.OrderState, kind: type[OrderInserted] | type[OrderDeleted]
) -> OrderInserted | OrderDeleted:
    return kind(
        order_id=body.id,
        symbol=Symbol.parse(body.symbol),
        side=_SIDES.get(body.orderType) if body.orderType is not None else None,
        method_code=body.method,
        price=to_decimal(body.price),
        amount=to_decimal(body.amount),
        remaining=to_decimal(body.numLeft),
        client_order_id=body.newOrderClientId or None,
    )
