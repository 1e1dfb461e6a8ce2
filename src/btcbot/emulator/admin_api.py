"""Admin HTTP API under ``/_emulator/`` — never rate-limited, never faulted.

=========================================  ===============================================
``GET  /_emulator/faults``                 current fault settings
``PUT  /_emulator/faults``                 merge a JSON object of settings (400 on unknown)
``DELETE /_emulator/faults``               reset every fault to off
``GET  /_emulator/counters``               fault firings, requests, mutating calls, ws
``POST /_emulator/reset-counters``         zero all counters
``GET  /_emulator/accounts``               user accounts: id, key, balances, open orders
``GET  /_emulator/orders?apiKey=K``        every order of that account with its open and
                                           close times (``createdMs``, ``closedMs``: null
                                           while open; ``stopPrice`` of a stop order),
                                           oldest first: the exchange-side record to
                                           check risk limits at every instant
``POST /_emulator/step?n=N``               advance the market simulator N steps
``POST /_emulator/price?symbol=S&price=P``  move pair S's simulated price to P (next steps
                                           quote and trade there: a fall triggers sell stops)
``POST /_emulator/ws/disconnect``          drop every WebSocket connection now
``GET  /_emulator/contract/openapi.json``  the pinned REST contract
``GET  /_emulator/contract/ws_frames.json`` the pinned WebSocket frame schemas
=========================================  ===============================================
"""

from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

from aiohttp import web

from btcbot.emulator.engine import Exchange
from btcbot.emulator.faults import Faults
from btcbot.emulator.http_util import json_response
from btcbot.emulator.orders import Order
from btcbot.emulator.wire import dec_str, loads

CONTRACT_FILES = frozenset({"openapi.json", "ws_frames.json"})
MAX_STEPS = 10_000


class AdminApi:
    def __init__(
        self,
        exchange: Exchange,
        faults: Faults,
        step: Callable[[int], Awaitable[None]],
        disconnect_ws: Callable[[], Awaitable[int]],
        set_price: Callable[[str, Decimal], str],
    ) -> None:
        self.exchange = exchange
        self.faults = faults
        self.step = step
        self.disconnect_ws = disconnect_ws
        self.set_price = set_price

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/_emulator/faults", self.get_faults),
            web.put("/_emulator/faults", self.put_faults),
            web.delete("/_emulator/faults", self.clear_faults),
            web.get("/_emulator/counters", self.get_counters),
            web.post("/_emulator/reset-counters", self.reset_counters),
            web.get("/_emulator/accounts", self.get_accounts),
            web.get("/_emulator/orders", self.get_orders),
            web.post("/_emulator/step", self.post_step),
            web.post("/_emulator/price", self.post_price),
            web.post("/_emulator/ws/disconnect", self.post_disconnect),
            web.get("/_emulator/contract/{name}", self.get_contract),
        ]

    async def get_faults(self, request: web.Request) -> web.Response:
        return json_response(self.faults.config.as_dict())

    async def put_faults(self, request: web.Request) -> web.Response:
        try:
            changes: Any = loads(await request.read())
            if not isinstance(changes, dict):
                raise ValueError("expected a JSON object of fault settings")
            self.faults.update(changes)
        except ValueError as exc:
            return json_response({"error": str(exc)}, status=400)
        if self.faults.take_ws_disconnect_now():
            await self.disconnect_ws()
        return json_response(self.faults.config.as_dict())

    async def clear_faults(self, request: web.Request) -> web.Response:
        self.faults.clear()
        return json_response(self.faults.config.as_dict())

    async def get_counters(self, request: web.Request) -> web.Response:
        return json_response(self.faults.counters.snapshot())

    async def reset_counters(self, request: web.Request) -> web.Response:
        self.faults.counters.reset()
        return json_response(self.faults.counters.snapshot())

    async def get_accounts(self, request: web.Request) -> web.Response:
        rows = [
            {
                "userId": user.user_id,
                "apiKey": user.account.api_key,
                "balances": {
                    asset: {
                        "free": dec_str(user.wallet.free[asset]),
                        "locked": dec_str(user.wallet.locked[asset]),
                    }
                    for asset in sorted(user.wallet.assets())
                },
                "openOrders": sum(1 for o in self.exchange.user_orders(user.user_id) if o.is_open),
            }
            for user in self.exchange.users.values()
            if not user.is_bot
        ]
        return json_response(rows)

    async def get_orders(self, request: web.Request) -> web.Response:
        user = self.exchange.user_by_key(request.query.get("apiKey", ""))
        if user is None or user.is_bot:
            return json_response({"error": "apiKey names no account"}, status=404)
        orders = sorted(self.exchange.user_orders(user.user_id), key=lambda o: o.id)
        return json_response([order_record(order) for order in orders])

    async def post_step(self, request: web.Request) -> web.Response:
        try:
            steps = int(request.query.get("n", "1"))
        except ValueError:
            steps = -1
        if not 0 < steps <= MAX_STEPS:
            return json_response({"error": f"n must be 1..{MAX_STEPS}"}, status=400)
        await self.step(steps)
        return json_response({"stepped": steps})

    async def post_price(self, request: web.Request) -> web.Response:
        symbol = request.query.get("symbol", "")
        try:
            price = Decimal(request.query.get("price", ""))
            name = self.set_price(symbol, price)
        except (InvalidOperation, ValueError) as exc:
            why = str(exc) if isinstance(exc, ValueError) else "price must be a decimal number"
            return json_response({"error": f"{why} (use ?symbol=BTCTRY&price=2500000)"}, status=400)
        return json_response({"symbol": name, "price": dec_str(price)})

    async def post_disconnect(self, request: web.Request) -> web.Response:
        self.faults.counters.faults["ws_disconnect_now"] += 1
        return json_response({"closed": await self.disconnect_ws()})

    async def get_contract(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in CONTRACT_FILES:
            raise web.HTTPNotFound()
        text = resources.files("btcbot.emulator").joinpath(f"contract/{name}").read_bytes()
        return web.Response(body=text, content_type="application/json")


def order_record(order: Order) -> dict[str, Any]:
    """One order as the admin history shows it (amounts as exact strings)."""
    return {
        "id": order.id,
        "clientId": order.client_id,
        "pair": order.rule.name,
        "side": order.side,
        "method": order.method,
        "price": dec_str(order.price),
        "quantity": dec_str(order.quantity),
        "left": dec_str(order.left),
        "status": order.status,
        "createdMs": order.time_ms,
        "closedMs": order.closed_ms,
        "stopPrice": None if order.stop_price is None else dec_str(order.stop_price),
    }
