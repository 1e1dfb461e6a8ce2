"""Paper trading against the REAL loopback emulator's public market data.

Two markets feed the paper exchange: a public-only adapter over a REST client WITHOUT
credentials, and the live ``BtcturkExchange`` holding credentials and ARMED — the strongest
case: even a market object able to trade is only read. Either way the emulator's
mutating-request counter must stay at zero and no private endpoint may be called.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from btcbot.btcturk.exchange import BtcturkExchange
from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings
from btcbot.domain import (
    Fill,
    OrderBook,
    OrderMethod,
    OrderRequest,
    OrderStatus,
    Side,
    Symbol,
    SymbolRules,
    Ticker,
)
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.exchange.errors import BusinessReject
from btcbot.exchange.paper import PaperExchange
from btcbot.exchange.port import MarketDataPort
from tests.exchange.factories import BTC_TRY

D = Decimal


class PublicMarket:
    """MarketDataPort over the public REST calls of ``BtcturkRestClient``."""

    def __init__(self, client: BtcturkRestClient) -> None:
        self._client = client

    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]:
        return {rules.symbol: rules for rules in await self._client.exchange_info()}

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        return await self._client.order_book(symbol, limit)

    async def tickers(self) -> Mapping[Symbol, Ticker]:
        return {ticker.symbol: ticker for ticker in await self._client.ticker()}


@dataclass
class Rig:
    emu: Any
    market: MarketDataPort
    paper: PaperExchange


@dataclass(frozen=True)
class Armed:
    armed: bool = True
    reasons: tuple[str, ...] = ()
    cancel_allowed: bool = True


def live_market(client: BtcturkRestClient) -> MarketDataPort:
    market: MarketDataPort = BtcturkExchange(client, Armed)
    return market


@asynccontextmanager
async def rig(kind: str) -> AsyncIterator[Rig]:
    config = EmulatorConfig(seed=11, port=0, tick_seconds=0, rate_limit_scale=None)
    async with running_emulator(config) as emu:
        values: dict[str, object] = {
            "base_url": emu.rest_url,
            "graph_url": emu.graph_url,
            "rest_timeout_seconds": 5.0,
        }
        if kind == "armed-live":
            values["api_key"] = emu.demo_account.api_key
            values["api_secret"] = emu.demo_account.api_secret
        settings = ExchangeSettings.model_validate(values)
        async with BtcturkRestClient.from_settings(settings) as client:
            market = live_market(client) if kind == "armed-live" else PublicMarket(client)
            start = {"TRY": D(100_000), "BTC": D("0.01")}
            yield Rig(emu, market, PaperExchange(market, start))


def ledger(start: Mapping[str, Decimal], fills: list[Fill]) -> dict[str, Decimal]:
    """Expected balances: starting amounts plus every fill, fees and tax included."""
    totals = dict(start)
    for f in fills:
        sign = 1 if f.side is Side.BUY else -1
        totals["BTC"] += sign * f.quantity
        totals["TRY"] += -sign * f.notional - f.cost
    return totals


@pytest.mark.parametrize("kind", ["public", "armed-live"])
async def test_paper_trades_against_live_books_without_mutating_the_exchange(kind: str) -> None:
    async with rig(kind) as r:
        rules = (await r.market.exchange_rules())[BTC_TRY]
        book = await r.market.order_book(BTC_TRY, 10)
        assert book.best_bid is not None and book.best_ask is not None

        bought = await r.paper.submit(
            OrderRequest(BTC_TRY, Side.BUY, OrderMethod.MARKET, "pm-1", quote_amount=D(2000))
        )
        far_price = rules.quantize_price(book.best_bid * D("0.8"), Side.BUY)
        resting = await r.paper.submit(
            OrderRequest(
                BTC_TRY, Side.BUY, OrderMethod.LIMIT, "pm-2", quantity=D("0.001"), price=far_price
            )
        )
        await r.emu.step(5)
        sell_price = rules.quantize_price(book.best_bid * D("0.97"), Side.SELL)
        sold = await r.paper.submit(
            OrderRequest(
                BTC_TRY, Side.SELL, OrderMethod.LIMIT, "pm-3", quantity=D("0.005"), price=sell_price
            )
        )
        with pytest.raises(BusinessReject, match="FAILED_ORDER_WITH_OPEN_ORDERS"):
            await r.paper.submit(
                OrderRequest(BTC_TRY, Side.SELL, OrderMethod.MARKET, "pm-4", quantity=D(5))
            )
        await r.paper.cancel(resting.order_id)

        statuses = {
            ack.client_order_id: (await r.paper.order(ack.order_id)).status  # type: ignore[union-attr]
            for ack in (bought, resting, sold)
        }
        fills = list(await r.paper.fills(BTC_TRY, 0))
        balances = await r.paper.balances()
        mutating = r.emu.faults.counters.mutating_total
        requests = dict(r.emu.faults.counters.requests)

    assert statuses == {
        "pm-1": OrderStatus.FILLED,
        "pm-2": OrderStatus.CANCELED,
        "pm-3": OrderStatus.FILLED,
    }
    assert fills and all(
        f.fee > 0 and f.tax == (f.fee * D("0.2")).quantize(D("1e-8")) for f in fills
    )
    # value is conserved except fees: each balance is the start plus its fills, net of costs
    expected = ledger({"TRY": D(100_000), "BTC": D("0.01")}, fills)
    assert {a: b.total for a, b in balances.items()} == expected
    assert all(b.free >= 0 and b.locked == 0 for b in balances.values())
    # market data came from the emulator; nothing private or mutating was ever sent
    assert requests.get("GET /api/v2/orderbook", 0) >= 3
    assert mutating == 0 and [k for k in requests if "/api/v1/" in k] == []
