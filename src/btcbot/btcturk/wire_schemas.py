"""BTCTurk REST payloads as frozen msgspec structs (API_CONTRACT §3, §5.1).

These mirror the wire exactly and carry no behaviour; :mod:`btcbot.btcturk.parse` turns them
into domain values. Rules that matter:

* Money is never a float: amounts are typed ``Decimal``, which msgspec reads exactly from
  both wire strings (``"0.12345678"``) and JSON numbers (ticker, graph, exchangeinfo bands).
  Balances stay ``str`` because one official example writes comma decimals; the parser reads
  them with ``to_decimal``.
* Ids are ``int`` (trade ids exceed 2**53; msgspec keeps them exact).
* ``/api/v2/server/time`` and graph ``/v1/ohlcs`` / ``/v1/klines/history`` have no envelope.
* Private bodies carry an extra ``httpStatusCode``; unknown fields are ignored.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Generic, TypeVar

import msgspec

T = TypeVar("T")


class _Wire(msgspec.Struct, frozen=True, rename="camel"):
    """Base: frozen, camelCase on the wire, unknown fields ignored."""


class Envelope(_Wire, Generic[T], frozen=True):
    """``{"data": …, "success": bool, "message": str|null, "code": int}``."""

    data: T | None = None
    success: bool | None = None
    message: str | None = None
    code: int | str | None = None  # an old doc shows ""; never classify on it
    http_status_code: int | None = None


class ErrorBody(_Wire, frozen=True):
    """Any error body, including the 429 one (``details``/``limit``/``period``/``policy``)."""

    success: bool | None = None
    message: str | None = None
    code: int | str | None = None
    http_status_code: int | None = None
    details: str | None = None
    limit: str | None = None
    period: str | None = None
    policy: str | None = None


class ServerTime(_Wire, frozen=True):
    server_time: int
    server_time2: str | None = None


class PriceFilter(_Wire, frozen=True):
    filter_type: str
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    tick_size: Decimal | None = None
    min_exchange_value: Decimal | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None


class ExchangeSymbol(_Wire, frozen=True):
    id: int
    name: str
    name_normalized: str
    status: str
    numerator: str
    denominator: str
    numerator_scale: int
    denominator_scale: int
    has_fraction: bool
    filters: list[PriceFilter] = []
    order_methods: list[str] = []
    maximum_order_amount: Decimal | None = None
    maximum_limit_order_price: Decimal | None = None
    minimum_limit_order_price: Decimal | None = None


class Currency(_Wire, frozen=True):
    id: int
    symbol: str
    precision: int | None = None
    currency_type: str | None = None


class ExchangeInfo(_Wire, frozen=True):
    symbols: list[ExchangeSymbol]
    server_time: int | None = None
    time_zone: str | None = None
    currencies: list[Currency] = []


class TickerItem(_Wire, frozen=True):
    pair: str
    pair_normalized: str
    timestamp: int
    numerator_symbol: str
    denominator_symbol: str
    last: Decimal | None = None
    high: Decimal | None = None
    low: Decimal | None = None
    bid: Decimal | None = None
    ask: Decimal | None = None
    open: Decimal | None = None
    volume: Decimal | None = None
    average: Decimal | None = None
    daily: Decimal | None = None
    daily_percent: Decimal | None = None
    order: int | None = None


class OrderBookData(_Wire, frozen=True):
    timestamp: Decimal  # ms; sometimes serialised as 1643883463379.0
    bids: list[tuple[Decimal, Decimal]]
    asks: list[tuple[Decimal, Decimal]]


class PublicTradeItem(_Wire, frozen=True):
    pair: str
    date: int
    tid: str
    price: Decimal
    amount: Decimal
    numerator: str | None = None
    denominator: str | None = None
    pair_normalized: str | None = None
    side: str | None = None


class OhlcItem(_Wire, frozen=True):
    """graph-api ``/v1/ohlcs`` row (bare array, numbers, ``time`` in Unix seconds)."""

    pair: str
    time: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal
    total: Decimal | None = None
    average: Decimal | None = None


class Klines(msgspec.Struct, frozen=True):
    """graph-api ``/v1/klines/history``: TradingView UDF columns (``s`` = ok / no_data)."""

    s: str
    t: list[int] = []
    o: list[Decimal] = []
    h: list[Decimal] = []
    l: list[Decimal] = []  # noqa: E741 - the wire name
    c: list[Decimal] = []
    v: list[Decimal] = []


class BalanceItem(_Wire, frozen=True):
    asset: str
    balance: str
    locked: str
    free: str
    assetname: str | None = None
    order_fund: str | None = None
    request_fund: str | None = None
    precision: int | None = None
    timestamp: int | None = None


class SubmitResult(_Wire, frozen=True):
    id: int
    pair_symbol: str
    type: str
    method: str
    quantity: Decimal
    price: Decimal | None = None
    stop_price: Decimal | None = None
    new_order_client_id: str | None = None
    pair_symbol_normalized: str | None = None
    datetime: int | None = None


class OrderItem(_Wire, frozen=True):
    """One order as ``order/{id}``, ``openOrders`` and ``allOrders`` return it."""

    id: int
    pair_symbol: str
    type: str
    method: str
    status: str
    price: Decimal
    amount: Decimal
    quantity: Decimal
    left_amount: Decimal | None = None
    stop_price: Decimal | None = None
    pair_symbol_normalized: str | None = None
    order_client_id: str | None = None
    time: int | None = None
    update_time: int | None = None


class OpenOrders(_Wire, frozen=True):
    asks: list[OrderItem] = []
    bids: list[OrderItem] = []


class UserTradeItem(_Wire, frozen=True):
    """``users/transactions/trade`` row. ``amount``, ``fee``, ``tax`` are negative for debits;
    old (2019) captures used JSON numbers: ``Decimal`` fields read both exactly."""

    id: int
    order_id: int
    timestamp: int
    amount: Decimal
    price: Decimal
    numerator_symbol: str
    denominator_symbol: str
    fee: Decimal = Decimal(0)
    tax: Decimal = Decimal(0)
    order_type: str | None = None
    order_client_id: str | None = None


_DECODERS: dict[object, msgspec.json.Decoder[Any]] = {}


def _decoder(target: object) -> msgspec.json.Decoder[Any]:
    decoder = _DECODERS.get(target)
    if decoder is None:
        decoder = _DECODERS[target] = msgspec.json.Decoder(target)
    return decoder


def decode_envelope(body: bytes, data_type: type[T]) -> Envelope[T]:
    """Decode an enveloped body; raises ``msgspec.DecodeError``/``ValidationError``."""
    result: Envelope[T] = _decoder(Envelope[data_type]).decode(body)  # type: ignore[valid-type]
    return result


def decode_bare(body: bytes, data_type: type[T]) -> T:
    """Decode a body without envelope (server time, graph-api)."""
    result: T = _decoder(data_type).decode(body)
    return result


def decode_error_body(body: bytes) -> ErrorBody | None:
    """The error body if it is a JSON object of the documented shape, else ``None``."""
    try:
        result: ErrorBody = _decoder(ErrorBody).decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return result
