"""``BtcturkRestClient``: every BTCTurk REST call the agent makes, typed end to end.

Reads retry (see :mod:`btcbot.btcturk.rest_http`); ``submit_order`` and ``cancel_order`` never
retry blindly. Their outcomes:

===========================================  =========================================
what happened                                raised / returned
===========================================  =========================================
HTTP 200 with an order id                    :class:`SubmitAck` / :class:`CancelAck`
HTTP 400 business message, 401 auth          :class:`DefinitiveReject` subclass
HTTP 429                                     :class:`RateLimited` — refused unprocessed:
                                             not placed; the caller may try later
connect refused / connect or pool timeout    :class:`NotSent` — not placed
timeout/reset after send, 5xx, bad body      :class:`OutcomeUnknown` — resolve by evidence
===========================================  =========================================
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Self, TypeVar

import httpx

from btcbot.btcturk import endpoints as ep
from btcbot.btcturk import parse
from btcbot.btcturk import rest_decoders as decode
from btcbot.btcturk.auth import Credentials, Secret
from btcbot.btcturk.clock import ServerClock
from btcbot.btcturk.ratelimit import RateLimiter
from btcbot.btcturk.reports import CurrencyInfo
from btcbot.btcturk.rest_http import Call, Params, RestSession, RetryPolicy, Sleep
from btcbot.config.exchange import ExchangeSettings
from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, Candle, OrderBook, PublicTrade, Ticker
from btcbot.domain.money import format_decimal
from btcbot.domain.orders import OrderRequest
from btcbot.domain.rules import SymbolRules
from btcbot.domain.symbols import Symbol
from btcbot.exchange.backoff import Backoff
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck

T = TypeVar("T")


def credentials_from(settings: ExchangeSettings) -> Credentials | None:
    if settings.api_key is None or settings.api_secret is None:
        return None
    return Credentials(settings.api_key, Secret(settings.api_secret.get_secret_value()))


def order_body(request: OrderRequest) -> dict[str, str]:
    """The POST /api/v1/order JSON. A market BUY sends the QUOTE amount as ``quantity``; a stop
    order its ``stopPrice`` (a string: BTCTurk's maintainer asks for one, I#449) and, for a
    stop-limit, its ``price``."""
    quantity = request.quote_amount if request.is_market_buy else request.quantity
    if quantity is None:  # OrderRequest validation makes this unreachable
        raise ValueError("market buy without quote_amount")
    body = {
        "quantity": format_decimal(quantity),
        "newOrderClientId": request.client_order_id,
        "orderMethod": parse.VENUE_METHOD[request.method],
        "orderType": parse.VENUE_SIDE[request.side],
        "pairSymbol": request.symbol.pair,
    }
    if request.method.has_limit_price and request.price is not None:
        body["price"] = format_decimal(request.price)
    if request.stop_price is not None:
        body["stopPrice"] = format_decimal(request.stop_price)
    return body


class BtcturkRestClient:
    """Async BTCTurk REST client. Use as ``async with`` or call :meth:`aclose`."""

    def __init__(self, session: RestSession, *, owns_http: bool = True) -> None:
        self._session = session
        self._owns_http = owns_http

    @classmethod
    def from_settings(
        cls,
        settings: ExchangeSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rng: random.Random | None = None,
        sleep: Sleep | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> Self:
        """Every reliability knob of ``settings`` is applied here (audit G2).

        ``transport``, ``rng``, ``sleep`` and ``monotonic`` are test seams: an httpx transport,
        the jitter source (default: the per-process RNG), the backoff/limiter sleep and the
        limiter's clock.
        """
        timeout = httpx.Timeout(
            settings.rest_timeout_seconds, connect=settings.rest_connect_timeout_seconds
        )
        http = httpx.AsyncClient(timeout=timeout, transport=transport)
        backoff = Backoff(settings.rest_base_delay_ms / 1000, settings.rest_max_delay_ms / 1000)
        retry = RetryPolicy(settings.rest_max_retries, backoff, rng)
        pause = sleep if sleep is not None else asyncio.sleep
        session = RestSession(
            http,
            base_url=settings.base_url,
            graph_url=settings.graph_url,
            credentials=credentials_from(settings),
            limiter=RateLimiter(settings.rate_limit_margin, clock=monotonic, sleep=pause),
            clock=ServerClock(
                sync_interval_s=settings.clock_sync_interval_seconds, monotonic=monotonic
            ),
            retry=retry,
            sleep=pause,
        )
        return cls(session)

    @property
    def session(self) -> RestSession:
        return self._session

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._owns_http:
            await self._session.http.aclose()

    async def _get(self, endpoint: ep.Endpoint, params: Params, decode: Callable[[bytes], T]) -> T:
        return await self._session.request(Call(endpoint, endpoint.path, params), decode)

    # --- public ----------------------------------------------------------------------------

    async def server_time(self) -> int:
        """Server time in ms (no envelope on the wire)."""
        return await self._session.server_time_ms()

    async def sync_clock(self) -> int:
        """Measure the server-clock offset now; returns it in ms."""
        return await self._session.clock.sync(self._session.server_time_ms)

    async def exchange_info(self) -> list[SymbolRules]:
        return await self._get(ep.EXCHANGE_INFO, (), decode.symbol_rules)

    async def currencies(self) -> list[CurrencyInfo]:
        return await self._get(ep.EXCHANGE_INFO, (), decode.currencies)

    async def ticker(self, symbol: Symbol | None = None) -> list[Ticker]:
        """Always a list (the venue answers an array even for one pair)."""
        params = (("pairSymbol", symbol.pair),) if symbol else ()
        return await self._get(ep.TICKER, params, decode.tickers)

    async def order_book(self, symbol: Symbol, limit: int = 100) -> OrderBook:
        params = (("pairSymbol", symbol.pair), ("limit", str(limit)))
        return await self._get(ep.ORDER_BOOK, params, decode.order_book(symbol))

    async def trades(self, symbol: Symbol, last: int = 50) -> list[PublicTrade]:
        params = (("pairSymbol", symbol.pair), ("last", str(last)))
        return await self._get(ep.TRADES, params, decode.public_trades)

    async def ohlc(self, symbol: Symbol, from_s: int, to_s: int) -> list[Candle]:
        """Daily candles from graph-api (times in Unix seconds, bare array)."""
        params = (("pair", symbol.pair), ("from", str(from_s)), ("to", str(to_s)))
        return await self._get(ep.OHLCS, params, decode.ohlc_candles)

    async def klines(
        self, symbol: Symbol, resolution_minutes: int, from_s: int, to_s: int
    ) -> list[Candle]:
        """UDF candles; ``resolution_minutes`` 1, 5, 15, 30, 60, 240, 1440, 10080, 43200."""
        params = (
            ("symbol", symbol.pair),
            ("resolution", str(resolution_minutes)),
            ("from", str(from_s)),
            ("to", str(to_s)),
        )
        return await self._get(ep.KLINES, params, decode.kline_candles(symbol))

    # --- private reads ---------------------------------------------------------------------

    async def balances(self) -> list[Balance]:
        return await self._get(ep.BALANCES, (), decode.balances)

    async def open_orders(self, symbol: Symbol | None = None) -> list[ExchangeOrder]:
        params = (("pairSymbol", symbol.pair),) if symbol else ()
        return await self._get(ep.OPEN_ORDERS, params, decode.open_orders)

    async def all_orders(
        self,
        symbol: Symbol,
        *,
        order_id: int | None = None,
        start_ms: int | None = None,
        end_ms: int | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> list[ExchangeOrder]:
        optional = {
            "orderId": order_id,
            "startTime": start_ms,
            "endTime": end_ms,
            "page": page,
            "limit": limit,
        }
        params = (("pairSymbol", symbol.pair), *_present(optional))
        return await self._get(ep.ALL_ORDERS, params, decode.orders)

    async def order(self, order_id: int) -> ExchangeOrder:
        """One order by exchange id; an unknown id raises :class:`OrderNotFound`."""
        call = Call(ep.ORDER, ep.ORDER.path.format(order_id=int(order_id)))
        return await self._session.request(call, decode.order)

    async def user_trades(
        self,
        *,
        order_id: int | None = None,
        symbol: Symbol | None = None,
        start_ms: int | None = None,
        end_ms: int | None = None,
    ) -> list[Fill]:
        """Our fills. ``order_id`` must be sent alone (D-utx), so it excludes the others."""
        if order_id is not None:
            params: Params = (("orderId", str(int(order_id))),)
        else:
            optional = {
                "pairSymbol": symbol.pair if symbol else None,
                "startDate": start_ms,
                "endDate": end_ms,
            }
            params = tuple(_present(optional))
        return await self._get(ep.USER_TRADES, params, decode.fills)

    # --- mutations (never retried blindly) -------------------------------------------------

    async def submit_order(self, request: OrderRequest) -> SubmitAck:
        """Place an order. See the module table for what each failure means."""
        call = Call(ep.SUBMIT, ep.SUBMIT.path, json=order_body(request))
        return await self._session.request(call, decode.submit_ack)

    async def cancel_order(self, order_id: int) -> CancelAck:
        """Ask for a cancel. A :class:`CancelAck` is receipt only: the order may still fill."""
        call = Call(ep.CANCEL, ep.CANCEL.path, params=(("id", str(int(order_id))),))
        message = await self._session.request(call, decode.cancel_message)
        return CancelAck(order_id=int(order_id), message=message)


def _present(values: Mapping[str, str | int | None]) -> list[tuple[str, str]]:
    return [(key, str(value)) for key, value in values.items() if value is not None]
