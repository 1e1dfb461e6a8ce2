"""outlier-1's ``btcturk-api`` (PyPI 1.8.1, source outlier-1/btcturkapi-python, "O1" in
API_CONTRACT §0), written by others, used unmodified against the emulator.

Pointing it at loopback: every URL the client builds starts with the public class attribute
``Client.API_BASE`` (``"https://api.btcturk.com"``, read through ``self.API_BASE``); a subclass
that sets that attribute is all the configuration done here — no method is replaced. The client
is synchronous (``requests``), so each call runs in a worker thread while the emulator serves
on the event loop.

Known quirks of the library that the emulator must (and does) tolerate, as the real API does:
second-resolution ``X-Stamp`` values (``int(time.time()) * 1000``, the official sample's bug,
API_CONTRACT §2.1), a JSON body on DELETE as well as ``?id=``, ``startDate``/``endDate`` sent to
allOrders (whose parameters are ``startTime``/``endTime``) and upper-case ``symbol`` filters on
users/transactions/trade.
"""

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from btcturk_api.client import Client
from btcturk_api.exceptions import BTCTurkAuthenticationError, InvalidRequestParameterError

from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.emulator.engine import UserAccount
from btcbot.emulator.orders import Fill, Order
from btcbot.emulator.server import Emulator
from tests.helpers import eventually

T = TypeVar("T")
CONFIG = EmulatorConfig(
    seed=7, port=0, tick_seconds=0.0, rate_limit_scale=None, cancel_delay_seconds=0.01
)
PAIR = "BTCTRY"
D = Decimal


def client_class(emu: Emulator) -> type[Client]:
    return type("LoopbackClient", (Client,), {"API_BASE": emu.rest_url})


async def call(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return await asyncio.to_thread(function, *args, **kwargs)


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with running_emulator(CONFIG) as emulator:
        await emulator.step(10)  # public trades to read back
        yield emulator


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[Client]:
    account = emu.demo_account
    # The constructor itself fetches exchangeinfo and authenticates with users/balances.
    instance = await call(client_class(emu), account.api_key, account.api_secret)
    try:
        yield instance
    finally:
        instance.session.close()


def demo_user(emu: Emulator) -> UserAccount:
    user = emu.exchange.user_by_key(emu.demo_account.api_key)
    assert user is not None
    return user


def engine_order(emu: Emulator, order_id: int) -> Order:
    order = emu.exchange.orders[order_id]
    assert order.user_id == demo_user(emu).user_id
    return order


def order_fills(emu: Emulator, order_id: int) -> list[Fill]:
    return [f for f in emu.exchange.fills[demo_user(emu).user_id] if f.order_id == order_id]


def best(emu: Emulator) -> tuple[Decimal, Decimal]:
    book = emu.exchange.books[PAIR]
    bid, ask = book.bids.best(), book.asks.best()
    assert bid is not None and ask is not None
    return bid, ask


async def balances(client: Client) -> dict[str, dict[str, Decimal]]:
    rows = await call(client.get_account_balance)
    return {r["asset"]: {k: D(r[k]) for k in ("balance", "free", "locked")} for r in rows}


# ---------------------------------------------------------------------------------- public
async def test_constructor_reads_scales_and_authenticates(client: Client) -> None:
    assert client.authenticated
    scales = {"price_scale": 2, "amount_scale": 8, "has_fraction": False}
    assert client.scale_limits["BTCTRY"] == client.scale_limits["BTC_TRY"] == scales
    assert client.scale_limits["XRPTRY"] == {
        "price_scale": 3,
        "amount_scale": 2,
        "has_fraction": True,
    }


async def test_public_endpoints(client: Client, emu: Emulator) -> None:
    (info,) = await call(client.get_exchange_info, ["BTCTRY"])
    assert (info["name"], info["nameNormalized"], info["status"]) == (
        "BTCTRY",
        "BTC_TRY",
        "TRADING",
    )
    server = await call(client.get_server_time)
    assert abs(server["serverTime"] - time.time() * 1000) < 5_000

    bid, ask = best(emu)
    (tick,) = await call(client.tick, "BTCTRY")
    assert (tick["pair"], D(str(tick["bid"])), D(str(tick["ask"]))) == (PAIR, bid, ask)
    assert D(str(tick["last"])) == emu.exchange.last_price(PAIR)
    assert len(await call(client.tick)) == len(emu.exchange.table.symbols)

    book = await call(client.get_order_book, "BTCTRY", 3)
    engine = emu.exchange.books[PAIR]
    assert [(D(p), D(a)) for p, a in book["bids"]] == engine.bids.depth(3)
    assert [(D(p), D(a)) for p, a in book["asks"]] == engine.asks.depth(3)

    trades = await call(client.get_trades, "BTC_TRY", 5)
    recent = list(reversed(emu.exchange.trades[PAIR]))[:5]
    assert [t["tid"] for t in trades] == [str(t.id) for t in recent]
    assert [(D(t["price"]), D(t["amount"]), t["side"]) for t in trades] == [
        (t.price, t.amount, t.taker_side) for t in recent
    ]


async def test_legacy_ohlc(client: Client, emu: Emulator) -> None:
    """get_ohlc_data calls the legacy GET /api/v2/ohlc (API_CONTRACT §3.1: daily candles,
    string values, ``time`` in ms)."""
    days = await call(client.get_ohlc_data, "BTCTRY", 5)
    assert len(days) == 5
    times = [day["time"] for day in days]
    assert times == [times[-1] - (4 - i) * 86_400_000 for i in range(5)]
    graph = emu.exchange.candles[PAIR].aggregate(times[0] // 1000, times[-1] // 1000, 1440)
    assert [(D(d["open"]), D(d["high"]), D(d["low"]), D(d["close"])) for d in days] == [
        (c.open, c.high, c.low, c.close) for c in graph
    ]
    assert all(D(day["volume"]) > 0 for day in days)


async def test_crypto_and_fiat_history(client: Client, emu: Emulator) -> None:
    """The account's funding shows as deposits, crypto and fiat apart (both signed GETs)."""
    crypto = await call(client.get_crypto_history)
    fiat = await call(client.get_fiat_history)
    balances = emu.demo_account.balances
    assert {row["currencySymbol"]: D(row["amount"]) for row in crypto} == {
        asset: amount for asset, amount in balances.items() if asset != "TRY"
    }
    assert [(row["currencySymbol"], D(row["funds"]), row["balanceType"]) for row in fiat] == [
        ("TRY", balances["TRY"], "Deposit")
    ]
    assert await call(client.get_crypto_history, transaction_type=["withdrawal"]) == []
    assert [r["currencySymbol"] for r in await call(client.get_crypto_history, symbol=["btc"])] == [
        "BTC"
    ]


# ---------------------------------------------------------------------------------- private
async def test_limit_order_lifecycle(client: Client, emu: Emulator) -> None:
    start = await balances(client)
    for asset, amount in emu.demo_account.balances.items():
        assert start[asset] == {"balance": amount, "free": amount, "locked": 0}
    # Signed with a second-resolution stamp (a known bug of this library, API_CONTRACT §2.1),
    # which the ±5 s window accepts.
    assert client.session.headers["X-Stamp"].endswith("000")

    bid, _ = best(emu)
    submitted = await call(
        client.submit_limit_order,
        quantity=0.001,
        price=float(bid) * 0.95,  # the library floors it to an integer (hasFraction=false)
        order_type="buy",
        pair_symbol="BTCTRY",
        new_order_client_id="o1-rest",
    )
    order = engine_order(emu, submitted["id"])
    assert D(submitted["price"]) == order.price == int(float(bid) * 0.95)
    assert (order.status, order.quantity, order.side) == ("Untouched", D("0.001"), "buy")
    # This library sends the documented newOrderClientId, so the id round-trips (cf. ccxt).
    assert order.client_id == submitted["newOrderClientId"] == "o1-rest"
    assert (await balances(client))["TRY"]["locked"] == order.locked

    open_orders = await call(client.get_open_orders, "BTCTRY")
    assert open_orders["asks"] == []
    (listed,) = open_orders["bids"]
    assert (listed["id"], listed["status"], listed["orderClientId"]) == (
        order.id,
        "Untouched",
        "o1-rest",
    )
    assert (await call(client.get_open_orders))["bids"] == [listed]

    assert await call(client.cancel_order, order.id) is True
    await eventually(lambda: order.status == "Canceled")
    assert (await call(client.get_open_orders, "BTCTRY"))["bids"] == []
    assert await balances(client) == start


async def test_filled_orders_and_trade_history(client: Client, emu: Emulator) -> None:
    start = await balances(client)
    _, ask = best(emu)
    crossing = await call(
        client.submit_limit_order,
        quantity=0.001,
        price=float(ask) * 1.02,
        order_type="buy",
        pair_symbol="BTCTRY",
    )
    # Market BUY quantity is TRY to spend; the library rounds it to the price scale
    # (0 decimals for BTCTRY), so 150.7 is sent as "150" (API_CONTRACT §10.1).
    market_buy = await call(
        client.submit_market_order, quantity=150.7, order_type="buy", pair_symbol="BTCTRY"
    )
    market_sell = await call(
        client.submit_market_order, quantity=0.0005, order_type="sell", pair_symbol="BTCTRY"
    )
    assert market_buy["quantity"] == "150" and market_buy["method"] == "market"
    ids = [crossing["id"], market_buy["id"], market_sell["id"]]
    assert [engine_order(emu, i).status for i in ids] == ["Closed"] * 3

    fills = [f for i in ids for f in order_fills(emu, i)]
    history = await call(client.get_trade_history)
    rows = {r["id"]: r for r in history}
    assert set(rows) == {f.trade_id for f in fills}
    for fill in fills:
        row = rows[fill.trade_id]
        sign = 1 if fill.side == "buy" else -1
        assert (row["orderId"], row["orderType"], D(row["price"])) == (
            fill.order_id,
            fill.side,
            fill.price,
        )
        assert D(row["amount"]) == sign * fill.amount
        assert (D(row["fee"]), D(row["tax"])) == (-fill.fee, -fill.tax)
    assert sum(f.price * f.amount for f in order_fills(emu, market_buy["id"])) <= 150

    after = await balances(client)
    quote = sum(
        (
            -(f.price * f.amount + f.fee + f.tax)
            if f.side == "buy"
            else f.price * f.amount - f.fee - f.tax
            for f in fills
        ),
        D(0),
    )
    base = sum((f.amount if f.side == "buy" else -f.amount for f in fills), D(0))
    assert after["TRY"] == {
        "balance": start["TRY"]["balance"] + quote,
        "free": start["TRY"]["free"] + quote,
        "locked": 0,
    }
    assert after["BTC"]["balance"] == start["BTC"]["balance"] + base

    all_orders = await call(client.get_all_orders, pair_symbol="BTCTRY")
    assert {o["id"]: o["status"] for o in all_orders} == {i: "Closed" for i in ids}


# ---------------------------------------------------------------------------------- errors
async def test_errors(client: Client, emu: Emulator) -> None:
    bid, _ = best(emu)
    with pytest.raises(InvalidRequestParameterError) as insufficient:
        await call(
            client.submit_limit_order,
            quantity=1,
            price=float(bid),
            order_type="buy",
            pair_symbol="BTCTRY",
        )
    assert insufficient.value.error_message == "FAILED_ORDER_WITH_OPEN_ORDERS"
    with pytest.raises(InvalidRequestParameterError) as unknown:
        await call(client.cancel_order, 123)
    assert unknown.value.error_message == "NO_ORDER_MATCHES_YOUR_REQUEST"

    account = emu.demo_account
    # (A wrong key with "Invalid Nonce" would make the library call the production
    # server/time for its help text; "Invalid Signature" does not.)
    with pytest.raises(BTCTurkAuthenticationError, match="Unauthorized - Invalid Signature"):
        await call(client_class(emu), account.api_key, "c2VjcmV0LWtleQ==")
