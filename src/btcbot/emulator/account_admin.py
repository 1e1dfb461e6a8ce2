"""Admin routes about one account (never rate-limited, never faulted), beside ``admin_api``:

=========================================  ===============================================
``GET  /_emulator/history?apiKey=K``       the account's orders (opened/closed times and
                                           sequence numbers, status), fills and the
                                           submit/cancel requests received (order_history)
``POST /_emulator/deposit``                ``{"apiKey": K, "asset": "TRY", "amount": "500"}``:
                                           credit a deposit to the account's free balance
                                           (listed by ``users/transactions/fiat|crypto``)
=========================================  ===============================================
"""

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from aiohttp import web

from btcbot.emulator.engine import Exchange, UserAccount
from btcbot.emulator.http_util import json_response
from btcbot.emulator.order_history import OrderHistory
from btcbot.emulator.transfers import Transfers
from btcbot.emulator.wire import dec_str, loads


def deposit(
    exchange: Exchange,
    transfers: Transfers,
    api_key: str,
    asset: str,
    amount: Decimal,
    time_ms: int,
) -> Decimal:
    """Credit ``amount`` of ``asset`` to an account's free balance, as a bank transfer or an
    on-chain deposit would, and list it with the account's transfers; returns the new free
    balance."""
    user = exchange.user_by_key(api_key)
    if user is None or user.is_bot:
        raise ValueError(f"no account with api key {api_key!r}")
    if not amount.is_finite() or amount <= 0:
        raise ValueError("amount must be a positive decimal")
    name = asset.strip().upper()
    if not name:
        raise ValueError("asset is required, e.g. TRY")
    user.wallet.free[name] += amount
    funds = user.wallet.total(name)
    transfers.record_deposit(user.user_id, name, amount, funds, time_ms)
    return user.wallet.free[name]


class AccountAdminApi:
    def __init__(
        self,
        exchange: Exchange,
        history: OrderHistory,
        transfers: Transfers,
        clock: Callable[[], int],
    ) -> None:
        self.exchange = exchange
        self.history = history
        self.transfers = transfers
        self.clock = clock

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/_emulator/history", self.get_history),
            web.post("/_emulator/deposit", self.post_deposit),
        ]

    async def get_history(self, request: web.Request) -> web.Response:
        user = self._user(request.query.get("apiKey", ""))
        if user is None:
            return json_response({"error": "apiKey must name an account"}, status=400)
        return json_response(self.history.for_user(user.user_id))

    async def post_deposit(self, request: web.Request) -> web.Response:
        try:
            body: Any = loads(await request.read())
            if not isinstance(body, dict):
                raise ValueError("expected a JSON object")
            amount = Decimal(str(body.get("amount", "")))
            asset = str(body.get("asset", ""))
            api_key = str(body.get("apiKey", ""))
            free = deposit(self.exchange, self.transfers, api_key, asset, amount, self.clock())
        except (ValueError, InvalidOperation) as exc:
            why = str(exc) if isinstance(exc, ValueError) else "amount must be a decimal"
            usage = '{"apiKey": "...", "asset": "TRY", "amount": "500"}'
            return json_response({"error": f"{why}; send {usage}"}, status=400)
        return json_response({"asset": asset.strip().upper(), "free": dec_str(free)})

    def _user(self, api_key: str) -> UserAccount | None:
        user = self.exchange.user_by_key(api_key)
        return None if user is None or user.is_bot else user
