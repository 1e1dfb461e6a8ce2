"""Someone else on the agent's exchange account: a REST client with the same API key (a manual
order placed and canceled by hand) and an admin deposit. Requests go over loopback HTTP like
any other client's."""

from __future__ import annotations

import time
from decimal import ROUND_UP, Decimal
from typing import Any

import httpx

from btcbot.emulator import Emulator
from btcbot.emulator.auth import sign

MANUAL_PREFIX = "manual-"


class ForeignClientError(RuntimeError):
    """The other client's request failed (e.g. during an outage); the event is skipped."""


class ForeignClient:
    def __init__(self, emu: Emulator, api_key: str, api_secret: str) -> None:
        self.emu = emu
        self.api_key = api_key
        self.api_secret = api_secret
        self.placed: list[int] = []
        self._count = 0

    def _headers(self) -> dict[str, str]:
        stamp = str(int(time.time() * 1000) + self.emu.faults.config.clock_skew_ms)
        return {
            "X-PCK": self.api_key,
            "X-Stamp": stamp,
            "X-Signature": sign(self.api_key, self.api_secret, stamp),
        }

    async def limit_far_from_market(self, pair: str, notional_try: Decimal) -> int:
        """A resting BUY ~10 % under the market: it will not fill while it rests."""
        rule = self.emu.exchange.rule(pair)
        price = rule.quantize_price(self.emu.exchange.last_price(rule.name) * Decimal("0.9"))
        step = Decimal(1).scaleb(-rule.numerator_scale)
        quantity = (notional_try / price).quantize(step, rounding=ROUND_UP)
        body = {
            "orderMethod": "limit",
            "orderType": "buy",
            "pairSymbol": rule.name,
            "price": str(price),
            "quantity": str(quantity),
        }
        return await self._submit(body)

    async def market_buy(self, pair: str, quote: Decimal) -> int:
        rule = self.emu.exchange.rule(pair)
        body = {
            "orderMethod": "market",
            "orderType": "buy",
            "pairSymbol": rule.name,
            "quantity": str(quote),
        }
        return await self._submit(body)

    async def cancel(self, order_id: int) -> None:
        """Cancel one of ours; done when the order is not open any more, whatever the reply
        said (a lost reply's retry is refused: the first attempt canceled it)."""
        try:
            await self._call("DELETE", "/api/v1/order", params={"id": str(order_id)})
        except ForeignClientError:
            if self.emu.exchange.orders[order_id].is_open:
                raise

    async def deposit(self, asset: str, amount: Decimal) -> None:
        body = {"apiKey": self.api_key, "asset": asset, "amount": str(amount)}
        async with httpx.AsyncClient(base_url=self.emu.rest_url, timeout=5.0) as http:
            response = await http.post("/_emulator/deposit", json=body)
        if response.status_code != 200:
            raise ForeignClientError(f"deposit refused: {response.text}")

    async def _submit(self, body: dict[str, str]) -> int:
        self._count += 1
        body = {**body, "newOrderClientId": f"{MANUAL_PREFIX}{self._count}"}
        data = await self._call("POST", "/api/v1/order", json=body)
        order_id = int(data["id"])
        self.placed.append(order_id)
        return order_id

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        async with httpx.AsyncClient(base_url=self.emu.rest_url, timeout=5.0) as http:
            try:
                response = await http.request(method, path, headers=self._headers(), **kwargs)
            except httpx.HTTPError as exc:
                raise ForeignClientError(f"{method} {path}: {type(exc).__name__}") from exc
        if response.status_code != 200 or not response.json().get("success"):
            raise ForeignClientError(f"{method} {path}: {response.status_code} {response.text}")
        return response.json().get("data")
