"""REST endpoints: public ``/api/v2`` and HMAC-private ``/api/v1`` (API_CONTRACT.md §3)."""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from aiohttp import web
from multidict import MultiDict

from btcbot.emulator import errors, rest_views
from btcbot.emulator.auth import HEADERS_MISSING, RestCredentials, check_rest
from btcbot.emulator.engine import Exchange, UserAccount
from btcbot.emulator.errors import ApiError, OrderRejected
from btcbot.emulator.faults import Faults
from btcbot.emulator.hooks import Kind, RequestHooks
from btcbot.emulator.http_util import json_response, merged_params
from btcbot.emulator.orders import STOP_METHODS, Fill, Method, Order, OrderRequest, Side
from btcbot.exchange.symbol_table import SymbolRule

DEFAULT_BOOK_LIMIT = 100
MAX_BOOK_LIMIT = 1000
DEFAULT_TRADES = 50
MAX_TRADES = 1000
DEFAULT_PAGE_LIMIT = 100
MAX_PAGE_LIMIT = 1000
THIRTY_DAYS_MS = 30 * 86_400_000
CLIENT_ID_MAX = 50
SECONDS_THRESHOLD = 100_000_000_000  # a time below this is seconds, not ms (CCXT sends s)


def business_error(error: ApiError, status: int = 400) -> web.Response:
    return json_response(rest_views.error_body(error.message, error.code, status), status=status)


def bad_param(name: str) -> web.Response:
    return json_response(
        {
            "httpStatusCode": 400,
            "data": None,
            "success": False,
            "message": f"{name} is required or invalid",
            "code": errors.INVALID_PARAMETER.code,
        },
        status=400,
    )


class RestApi:
    def __init__(
        self,
        exchange: Exchange,
        faults: Faults,
        clock: Callable[[], int],
        cancel_delay_seconds: float,
        hooks: RequestHooks | None = None,
    ) -> None:
        self.exchange = exchange
        self.faults = faults
        self.clock = clock
        self.cancel_delay_seconds = cancel_delay_seconds
        self.hooks = hooks or RequestHooks()
        self._pending: set[asyncio.TimerHandle] = set()

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/api/v2/server/time", self.server_time),
            web.get("/api/v2/server/exchangeinfo", self.exchange_info),
            web.get("/api/v2/server/exchangeInfo", self.exchange_info),
            web.get("/api/v2/ticker", self.ticker),
            web.get("/api/v2/ticker/currency", self.ticker_currency),
            web.get("/api/v2/orderbook", self.orderbook),
            web.get("/api/v2/orderBook", self.orderbook),
            web.get("/api/v2/trades", self.trades),
            web.get("/api/v1/users/balances", self.balances),
            web.post("/api/v1/order", self.submit),
            web.delete("/api/v1/order", self.cancel),
            web.get("/api/v1/order/{orderId}", self.single_order),
            web.get("/api/v1/openOrders", self.open_orders),
            web.get("/api/v1/allOrders", self.all_orders),
            web.get("/api/v1/users/transactions/trade", self.user_trades),
        ]

    def cancel_pending(self) -> None:
        for handle in self._pending:
            handle.cancel()
        self._pending.clear()

    # ------------------------------------------------------------------ public
    async def server_time(self, request: web.Request) -> web.Response:
        now = self.clock()
        iso = datetime.fromtimestamp(now / 1000, UTC).isoformat(timespec="microseconds")
        return json_response({"serverTime": now, "serverTime2": iso})

    async def exchange_info(self, request: web.Request) -> web.Response:
        info = rest_views.exchange_info_view(self.exchange, self.clock())
        return json_response(rest_views.public_envelope(info))

    async def ticker(self, request: web.Request) -> web.Response:
        pair = request.query.get("pairSymbol")
        rules = self.exchange.table.symbols
        if pair:
            rule = self.exchange.table.find(pair)
            if rule is None:
                return business_error(errors.PAIR_NOT_FOUND)
            rules = (rule,)
        return self._tickers(rules)

    async def ticker_currency(self, request: web.Request) -> web.Response:
        symbol = request.query.get("symbol", "").upper()
        if not symbol:
            return bad_param("symbol")
        rules = tuple(
            r for r in self.exchange.table.symbols if symbol in (r.numerator, r.denominator)
        )
        return self._tickers(rules)

    def _tickers(self, rules: tuple[SymbolRule, ...]) -> web.Response:
        now = self.clock()
        items = [rest_views.ticker_item(self.exchange, rule, now) for rule in rules]
        return json_response(rest_views.public_envelope(items))

    async def orderbook(self, request: web.Request) -> web.Response:
        rule = self.exchange.table.find(request.query.get("pairSymbol", ""))
        if rule is None:
            return business_error(errors.PAIR_NOT_FOUND)
        limit = _int_param(request.query.get("limit"), DEFAULT_BOOK_LIMIT)
        if limit is None or limit <= 0:
            return bad_param("limit")
        view = rest_views.orderbook_view(
            self.exchange, rule, min(limit, MAX_BOOK_LIMIT), self.clock()
        )
        return json_response(rest_views.public_envelope(view))

    async def trades(self, request: web.Request) -> web.Response:
        rule = self.exchange.table.find(request.query.get("pairSymbol", ""))
        if rule is None:
            return business_error(errors.PAIR_NOT_FOUND)
        last = _int_param(request.query.get("last"), DEFAULT_TRADES)
        if last is None or last <= 0:
            return bad_param("last")
        recent = list(self.exchange.trades[rule.name])[-min(last, MAX_TRADES) :]
        items = [rest_views.trade_view(trade) for trade in reversed(recent)]
        return json_response(rest_views.public_envelope(items))

    # ------------------------------------------------------------------ auth
    def authenticate(self, request: web.Request) -> UserAccount | web.Response:
        """The signed request's user, or the 401 response to send."""
        return self._authenticate(request)

    def _authenticate(self, request: web.Request) -> UserAccount | web.Response:
        headers = request.headers
        key, stamp, signature = (headers.get(h) for h in ("X-PCK", "X-Stamp", "X-Signature"))
        if not key or not stamp or not signature:
            return _unauthorized(HEADERS_MISSING)
        user = self.exchange.user_by_key(key)
        secret = user.account.api_secret if user is not None and not user.is_bot else None
        failure = check_rest(RestCredentials(key, stamp, signature), secret, self.clock())
        if failure is not None or user is None:
            return _unauthorized(failure or HEADERS_MISSING)
        return user

    # ------------------------------------------------------------------ private
    async def balances(self, request: web.Request) -> web.Response:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        rows = rest_views.balances_view(self.exchange, user, self.clock())
        return json_response(rest_views.private_envelope(rows))

    async def submit(self, request: web.Request) -> web.StreamResponse:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        params = await merged_params(request)
        if self.hooks.reached("submit", "received", user.user_id):
            return self._drop_now(request)
        try:
            order = self.exchange.submit(user.user_id, _order_request(params))
        except OrderRejected as rejected:
            return business_error(rejected.error)
        if self.hooks.reached("submit", "processed", user.user_id, order.id):
            return self._drop_now(request)
        if self.faults.take_drop_submit():
            return await self._drop_response(request)
        body = rest_views.private_envelope(rest_views.submit_view(order), "SUCCESS")
        return await self._answer(request, json_response(body), "submit", user.user_id, order.id)

    async def cancel(self, request: web.Request) -> web.StreamResponse:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        params = await merged_params(request)
        order_id = _int_param(params.get("id"), None)
        if self.hooks.reached("cancel", "received", user.user_id, order_id):
            return self._drop_now(request)
        if order_id is None:
            return business_error(errors.NO_ORDER_MATCHES_YOUR_REQUEST)
        try:
            order = self.exchange.check_cancel(user.user_id, order_id)
        except OrderRejected as rejected:
            return business_error(rejected.error)
        self._schedule_cancel(order_id)
        if self.faults.take_fill_before_cancel():
            fraction = min(Decimal(str(self.faults.config.fill_before_cancel_fraction)), Decimal(1))
            self.exchange.take_resting(order_id, order.left * fraction)
        if self.hooks.reached("cancel", "processed", user.user_id, order_id):
            return self._drop_now(request)
        if self.faults.take_drop_cancel():
            return await self._drop_response(request)
        ack = json_response({"success": True, "message": "SUCCESS", "code": 0})
        return await self._answer(request, ack, "cancel", user.user_id, order_id)

    def _schedule_cancel(self, order_id: int) -> None:
        loop = asyncio.get_running_loop()

        def run() -> None:
            self._pending.discard(handle)
            self.exchange.cancel(order_id)

        handle = loop.call_later(self.cancel_delay_seconds, run)
        self._pending.add(handle)

    async def _answer(
        self, request: web.Request, response: web.Response, kind: Kind, user_id: int, order_id: int
    ) -> web.StreamResponse:
        """Send ``response``; with a hook armed for this request's ``answered`` phase, flush it
        first and fire the hook after."""
        if not self.hooks.waiting(kind, "answered", user_id):
            return response
        await response.prepare(request)
        await response.write_eof()
        self.hooks.reached(kind, "answered", user_id, order_id)
        return response

    @staticmethod
    def _drop_now(request: web.Request) -> web.Response:
        """A hook fired: the client gets a closed connection at once."""
        if request.transport is not None:
            request.transport.close()
        return web.Response(status=200)

    async def _drop_response(self, request: web.Request) -> web.Response:
        """The action happened; the client gets a closed connection (or a hang, then close)."""
        if self.faults.config.drop_mode == "hang":
            await asyncio.sleep(self.faults.config.hang_seconds)
        if request.transport is not None:
            request.transport.close()
        return web.Response(status=200)

    async def single_order(self, request: web.Request) -> web.Response:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        order_id = _int_param(request.match_info["orderId"], None)
        order = self.exchange.orders.get(order_id) if order_id is not None else None
        if order is None or order.user_id != user.user_id:
            body = {
                "success": False,
                "message": errors.ORDER_NOT_FOUND.message,
                "code": errors.ORDER_NOT_FOUND.code,
            }
            return json_response(body, status=400)
        return json_response(rest_views.private_envelope(rest_views.order_view(order)))

    async def open_orders(self, request: web.Request) -> web.Response:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        rule, problem = self._optional_pair(request.query.get("pairSymbol"))
        if problem is not None:
            return problem
        orders = [o for o in self.exchange.user_orders(user.user_id) if o.is_open]
        orders = [o for o in orders if rule is None or o.rule is rule]
        data = {
            "asks": [rest_views.order_view(o) for o in orders if o.side == "sell"],
            "bids": [rest_views.order_view(o) for o in orders if o.side == "buy"],
        }
        return json_response(rest_views.private_envelope(data))

    async def all_orders(self, request: web.Request) -> web.Response:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        query = request.query
        rule, problem = self._optional_pair(query.get("pairSymbol"))
        if problem is not None:
            return problem
        orders = _filter_orders(self.exchange.user_orders(user.user_id), rule, query)
        if orders is None:
            return bad_param("orderId/startTime/endTime")
        page = _int_param(query.get("page"), 1)
        limit = _int_param(query.get("limit"), DEFAULT_PAGE_LIMIT)
        if page is None or limit is None or page < 1 or limit < 1:
            return bad_param("page/limit")
        limit = min(limit, MAX_PAGE_LIMIT)
        chunk = orders[(page - 1) * limit : page * limit]
        return json_response(rest_views.private_envelope([rest_views.order_view(o) for o in chunk]))

    async def user_trades(self, request: web.Request) -> web.Response:
        user = self._authenticate(request)
        if isinstance(user, web.Response):
            return user
        fills = _filter_fills(self.exchange.fills[user.user_id], request.query, self.clock())
        if fills is None:
            return bad_param("orderId/type/symbol/pairSymbol/startDate/endDate")
        items = [rest_views.fill_view(fill) for fill in reversed(fills)]
        return json_response(rest_views.private_envelope(items))

    def _optional_pair(self, pair: str | None) -> tuple[SymbolRule | None, web.Response | None]:
        if not pair:
            return None, None
        rule = self.exchange.table.find(pair)
        if rule is None:
            return None, business_error(errors.PAIR_NOT_FOUND)
        return rule, None


def _unauthorized(message: str) -> web.Response:
    body = {"success": True, "message": message, "code": errors.UNAUTHORIZED_CODE}
    return json_response(body, status=401)


def _int_param(value: Any, default: int | None) -> int | None:
    if value is None or value == "":
        return default
    try:
        return int(str(value))
    except ValueError:
        return None


def _decimal_param(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        result = Decimal(str(value))
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


_METHODS: dict[str, Method] = {
    "limit": "limit",
    "market": "market",
    "stoplimit": "stoplimit",  # docs spelling; SW1's stopLimit lower-cases to it
    "stopmarket": "stopmarket",
}


def _order_request(params: MultiDict[Any]) -> OrderRequest:
    method = _METHODS.get(str(params.get("orderMethod", "")).lower())
    if method is None:
        raise OrderRejected(errors.ORDER_METHOD_NOT_SUPPORTED)
    side = str(params.get("orderType", "")).lower()
    if side not in ("buy", "sell"):
        raise OrderRejected(errors.ORDER_TYPE_NOT_SUPPORTED)
    pair = str(params.get("pairSymbol", ""))
    quantity = _decimal_param(params.get("quantity"))
    price = _decimal_param(params.get("price"))
    client_id = params.get("newOrderClientId")
    if not pair:
        raise OrderRejected(errors.FAILED_ORDER_PARAMETER)
    if quantity is None or (client_id is not None and len(str(client_id)) > CLIENT_ID_MAX):
        raise OrderRejected(errors.FAILED_ORDER_PARAMETER)
    typed_side: Side = "buy" if side == "buy" else "sell"
    # limit/market orders ignore a stopPrice (clients send "stopPrice": 0 with them)
    stop = _decimal_param(params.get("stopPrice")) if method in STOP_METHODS else None
    return OrderRequest(
        pair,
        typed_side,
        method,
        quantity,
        price,
        None if client_id is None else str(client_id),
        stop,
    )


def _ms(value: str | None) -> int | None:
    parsed = _int_param(value, None)
    if parsed is not None and 0 < parsed < SECONDS_THRESHOLD:
        return parsed * 1000
    return parsed


def _filter_orders(orders: list[Order], rule: SymbolRule | None, query: Any) -> list[Order] | None:
    """allOrders: ``orderId`` (≥), ``pairSymbol``, ``startTime``/``endTime`` (ms, or s);
    newest first."""
    min_id = _int_param(query.get("orderId"), 0)
    start, end = _ms(query.get("startTime")), _ms(query.get("endTime"))
    if (
        min_id is None
        or ("startTime" in query and start is None)
        or ("endTime" in query and end is None)
    ):
        return None
    selected = [
        o
        for o in orders
        if o.id >= min_id
        and (rule is None or o.rule is rule)
        and (start is None or o.time_ms >= start)
        and (end is None or o.time_ms <= end)
    ]
    return sorted(selected, key=lambda o: o.id, reverse=True)


def _filter_fills(fills: list[Fill], query: Any, now_ms: int) -> list[Fill] | None:
    """users/transactions/trade: ``orderId`` alone, else type/symbol (repeatable), pairSymbol
    and startDate/endDate (ms, default the last 30 days)."""
    if "orderId" in query:
        order_id = _int_param(query.get("orderId"), None)
        return None if order_id is None else [f for f in fills if f.order_id == order_id]
    types = {t.lower() for t in query.getall("type", [])}
    symbols = {s.upper() for s in query.getall("symbol", [])}
    pair = str(query.get("pairSymbol", "")).replace("_", "").upper()
    start = _int_param(query.get("startDate"), now_ms - THIRTY_DAYS_MS)
    end = _int_param(query.get("endDate"), None)
    if start is None or ("endDate" in query and end is None):
        return None
    return [
        f
        for f in fills
        if (not types or f.side in types)
        and (not symbols or f.rule.numerator in symbols or f.rule.denominator in symbols)
        and (not pair or f.rule.name == pair)
        and f.time_ms >= start
        and (end is None or f.time_ms <= end)
    ]
