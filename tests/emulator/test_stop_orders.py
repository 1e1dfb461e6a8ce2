"""Stop-limit and stop-market orders: validation, waiting outside the book, triggering on the
last trade price, partial fills, cancels, balances and the private WS frames."""

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from btcbot.emulator import Account, running_emulator
from btcbot.emulator.orders import Order
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed, check_frame, check_rest, login_frame, ws_reader
from tests.helpers import eventually

SECRET = "c2VjcmV0LWtleQ=="
BAL = {"TRY": Decimal("1000000"), "BTC": Decimal("1"), "USDT": Decimal("10000")}
ACCOUNTS = (Account("alice", SECRET, BAL), Account("bob", SECRET, BAL))
ASSETS = ("TRY", "BTC", "USDT", "ETH")


@pytest.fixture
async def duo(make_config: Any) -> AsyncIterator[tuple[Emulator, Signed, Signed]]:
    async with (
        running_emulator(make_config(accounts=ACCOUNTS)) as emu,
        httpx.AsyncClient(base_url=emu.rest_url) as client,
    ):
        yield emu, Signed(client, "alice", SECRET, emu), Signed(client, "bob", SECRET, emu)


def levels(emu: Emulator, side: str) -> list[tuple[Decimal, Decimal]]:
    book = emu.exchange.books["BTCTRY"]
    return (book.bids if side == "bids" else book.asks).depth()


def supply(emu: Emulator) -> dict[str, Decimal]:
    return {asset: emu.exchange.total_supply(asset) for asset in ASSETS}


def order_of(emu: Emulator, response: httpx.Response) -> Order:
    assert response.status_code == 200, response.text
    return emu.exchange.orders[response.json()["data"]["id"]]


async def stop_sell(signed: Signed, stop: Decimal, quantity: str, **extra: Any) -> httpx.Response:
    fields = {"orderMethod": "stopmarket", "stopPrice": str(stop)} | extra
    return await signed.submit(orderType="sell", quantity=quantity, **fields)


@pytest.mark.parametrize(
    ("fields", "message", "code"),
    [
        ({"orderType": "sell", "stopPrice": "BID"}, "FAILED_STOP_PRICE_LESS_THAN_BEST_BID", 1125),
        ({"orderType": "buy", "stopPrice": "ASK"}, "FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK", 1124),
        ({"orderType": "sell", "stopPrice": "2900000.5"}, "FAILED_INVALID_STOP_PRICE_SCALE", 1128),
        ({"orderType": "sell"}, "FAILED_ORDER_PARAMETER", 1121),
        ({"orderType": "sell", "stopPrice": "-1"}, "FAILED_ORDER_PARAMETER", 1121),
        (
            {"orderType": "sell", "stopPrice": "2900000", "quantity": "0.00003"},
            "FAILED_MIN_TOTAL_AMOUNT",
            1123,
        ),
        ({"orderType": "sell", "stopPrice": "200000"}, "ORDER_MIN_PRICE_EXCEEDED", 1228),
        (
            {"orderType": "sell", "stopPrice": "2900000", "quantity": "0.000000001"},
            "FAILED_INVALID_QUANTITY_SCALE",
            1127,
        ),
        (
            {"orderType": "sell", "stopPrice": "2900000", "orderMethod": "stoplimit"},
            "FAILED_LIMIT_ORDER",
            1120,
        ),
        (
            {
                "orderType": "sell",
                "stopPrice": "2900000",
                "orderMethod": "stoplimit",
                "price": "2899999.5",
            },
            "FAILED_INVALID_PRICE_SCALE",
            1126,
        ),
        (
            {"orderType": "sell", "stopPrice": "2900000", "quantity": "1"},
            "FAILED_ORDER_WITH_OPEN_ORDERS",
            1122,
        ),
        (
            {"orderType": "buy", "stopPrice": "3300000", "quantity": "1"},
            "FAILED_ORDER_WITH_OPEN_ORDERS",
            1122,
        ),
    ],
)
async def test_stop_validation_errors(
    emu: Emulator, signed: Signed, fields: dict[str, Any], message: str, code: int
) -> None:
    book = emu.exchange.books["BTCTRY"]
    touch = {"BID": book.bids.best(), "ASK": book.asks.best()}
    if fields.get("stopPrice") in touch:
        fields = fields | {"stopPrice": str(touch[fields["stopPrice"]])}
    body = {"orderMethod": "stopmarket", "quantity": "0.01"} | fields
    before = emu.exchange.user_by_key(emu.demo_account.api_key).wallet  # type: ignore[union-attr]
    locked = dict(before.locked)
    response = await signed.submit(**body)
    assert response.status_code == 400
    checked = check_rest(response, "/api/v1/order", "post")
    assert checked == {
        "httpStatusCode": 400,
        "data": None,
        "success": False,
        "message": message,
        "code": code,
    }
    assert dict(before.locked) == locked  # nothing was locked by a refused order


async def test_an_accepted_stop_waits_outside_the_book_with_its_funds_locked(
    emu: Emulator, signed: Signed
) -> None:
    bids_before = levels(emu, "bids")
    stop = bids_before[0][0] - 20000
    response = await stop_sell(signed, stop, "0.01", newOrderClientId="guard-1")
    data = check_rest(response, "/api/v1/order", "post")["data"]
    assert (data["method"], data["type"], data["stopPrice"]) == ("stopmarket", "sell", str(stop))
    assert data["price"] == "0" and data["newOrderClientId"] == "guard-1"
    assert levels(emu, "bids") == bids_before and all(p != stop for p, _ in levels(emu, "asks"))
    wallet = emu.exchange.user_by_key(emu.demo_account.api_key).wallet  # type: ignore[union-attr]
    assert (wallet.locked["BTC"], wallet.free["BTC"]) == (Decimal("0.01"), Decimal("0.04"))
    opened = check_rest(
        await signed.get("/api/v1/openOrders", params={"pairSymbol": "BTCTRY"}),
        "/api/v1/openOrders",
    )["data"]
    assert opened["bids"] == [] and len(opened["asks"]) == 1
    row = opened["asks"][0]
    assert (row["method"], row["status"], row["stopPrice"]) == (
        "stopmarket",
        "Untouched",
        str(stop),
    )
    assert Decimal(row["price"]) == stop and row["leftAmount"] == "0.0100000000000000"
    single = check_rest(await signed.get(f"/api/v1/order/{data['id']}"), "/api/v1/order/{orderId}")
    assert single["data"] == row


async def test_a_fall_through_the_stop_triggers_a_stop_market_sell(
    emu: Emulator, signed: Signed, http: httpx.AsyncClient
) -> None:
    before = supply(emu)
    best_bid = levels(emu, "bids")[0][0]
    stop = best_bid - 30000  # about 1 % below the bid
    order = order_of(emu, await stop_sell(signed, stop, "0.01"))
    account = emu.demo_account
    async with ws_reader(emu.ws_url) as ws:
        await ws.send(login_frame(account.api_key, account.api_secret))
        await ws.wait_for(114)
        moved = await http.post(
            "/_emulator/price", params={"symbol": "BTC_TRY", "price": "2800000"}
        )
        assert moved.json() == {"symbol": "BTCTRY", "price": "2800000"}
        for _ in range(10):
            if order.status == "Closed":
                break
            await emu.step()
        assert order.status == "Closed" and order.triggered and order.left == 0
        matches = await ws.wait_for(441)
        fills = await ws.wait_for(423)
        for frame in ws.frames:
            check_frame(frame)
    assert matches[0]["id"] == order.id and matches[0]["method"] == 3
    assert not matches[0]["isBid"]
    assert sum(-Decimal(f["amount"]) for f in fills) == Decimal("0.01")
    prices = [Decimal(f["price"]) for f in fills]
    assert max(prices) <= stop  # it sold only once the price had fallen through the stop
    wallet = emu.exchange.user_by_key(account.api_key).wallet  # type: ignore[union-attr]
    proceeds = sum(
        Decimal(f["price"]) * -Decimal(f["amount"]) + Decimal(f["fee"]) + Decimal(f["tax"])
        for f in fills
    )
    assert wallet.locked["BTC"] == 0 and wallet.free["BTC"] == Decimal("0.04")
    assert wallet.free["TRY"] == Decimal("100000") + proceeds
    assert supply(emu) == before
    view = check_rest(await signed.get(f"/api/v1/order/{order.id}"), "/api/v1/order/{orderId}")
    assert (view["data"]["status"], Decimal(view["data"]["price"])) == ("Closed", prices[0])


async def test_a_stop_is_not_triggered_by_trades_above_it(emu: Emulator, signed: Signed) -> None:
    stop = levels(emu, "bids")[0][0] - 300000  # 10 % below: the quiet market never gets there
    order = order_of(emu, await stop_sell(signed, stop, "0.01"))
    await emu.step(30)
    assert emu.exchange.trades["BTCTRY"], "the simulated market traded meanwhile"
    assert min(t.price for t in emu.exchange.trades["BTCTRY"]) > stop
    assert (order.status, order.triggered) == ("Untouched", False)


async def test_a_triggered_stop_limit_fills_partially_and_rests_the_rest(duo: Any) -> None:
    emu, alice, bob = duo
    before = supply(emu)
    bids = levels(emu, "bids")
    (first, first_amount), (second, second_amount) = bids[0], bids[1]
    stop = first - 1
    wanted = Decimal("0.5")
    order = order_of(
        emu,
        await alice.submit(
            orderType="sell",
            orderMethod="stoplimit",
            quantity=str(wanted),
            stopPrice=str(stop),
            price=str(second),
        ),
    )
    assert order.waiting_for_stop
    half = (second_amount / 2).quantize(Decimal("1e-8"))
    # bob sells through the first level into half of the second: that trade crosses the stop
    await bob.submit(orderType="sell", quantity=str(first_amount + half), price=str(second))
    assert order.triggered and order.status == "Partial"
    assert order.left == wanted - (second_amount - half)
    assert levels(emu, "asks")[0] == (second, order.left)  # the rest rests at its limit
    fills = (await alice.get("/api/v1/users/transactions/trade")).json()["data"]
    assert [(Decimal(f["price"]), -Decimal(f["amount"])) for f in fills] == [
        (second, second_amount - half)
    ]
    opened = (await alice.get("/api/v1/openOrders", params={"pairSymbol": "BTCTRY"})).json()
    row = opened["data"]["asks"][0]
    assert (row["method"], row["status"], Decimal(row["price"])) == ("stoplimit", "Partial", second)
    assert Decimal(row["leftAmount"]) == order.left
    wallet = emu.exchange.user_by_key("alice").wallet
    assert wallet.locked["BTC"] == order.left
    # a triggered stop-limit is cancelled like a limit order, keeping its fills
    assert (await alice.delete("/api/v1/order", params={"id": order.id})).status_code == 200
    await eventually(lambda: order.status == "Canceled")
    assert wallet.locked["BTC"] == 0 and order.filled == second_amount - half
    assert supply(emu) == before


async def test_cancel_an_untriggered_stop_releases_its_funds(emu: Emulator, signed: Signed) -> None:
    account = emu.demo_account
    stop = levels(emu, "bids")[0][0] - 30000
    order = order_of(emu, await stop_sell(signed, stop, "0.02"))
    async with ws_reader(emu.ws_url) as ws:
        await ws.send(login_frame(account.api_key, account.api_secret))
        await ws.wait_for(114)
        response = await signed.delete("/api/v1/order", params={"id": order.id})
        assert check_rest(response, "/api/v1/order", "delete")["message"] == "SUCCESS"
        deleted = await ws.wait_for(452)
        check_frame([452, deleted[0]])
    assert deleted[0]["id"] == order.id and deleted[0]["method"] == 3
    assert order.status == "Canceled" and not emu.exchange.stops["BTCTRY"]
    wallet = emu.exchange.user_by_key(account.api_key).wallet  # type: ignore[union-attr]
    assert wallet.locked["BTC"] == 0 and wallet.free["BTC"] == Decimal("0.05")
    emu.simulator.set_price("BTCTRY", Decimal(2_700_000))
    await emu.step(10)
    assert (order.status, order.triggered) == ("Canceled", False)  # gone: never triggers
    again = await signed.delete("/api/v1/order", params={"id": order.id})
    assert (again.status_code, again.json()["message"]) == (400, "ORDER_COULD_NOT_BE_CANCELED")


async def test_a_buy_stop_triggers_on_a_rise_and_never_pays_above_its_lock(
    emu: Emulator, signed: Signed
) -> None:
    before = supply(emu)
    stop = levels(emu, "asks")[0][0] + 30000
    response = await signed.submit(
        orderType="buy", orderMethod="stopmarket", quantity="0.01", stopPrice=str(stop)
    )
    order = order_of(emu, response)
    wallet = emu.exchange.user_by_key(emu.demo_account.api_key).wallet  # type: ignore[union-attr]
    lock = stop * Decimal("1.05") * Decimal("0.01") * (1 + Decimal("0.0009") * Decimal("1.2"))
    assert wallet.locked["TRY"] == lock
    emu.simulator.set_price("BTCTRY", stop * Decimal("1.02"))
    for _ in range(10):
        if not order.is_open:
            break
        await emu.step()
    assert order.triggered and order.status == "Closed"
    assert wallet.free["BTC"] == Decimal("0.06") and wallet.locked["TRY"] == 0
    assert wallet.free["TRY"] > Decimal("100000") - lock
    assert supply(emu) == before


async def test_a_falling_price_series_triggers_a_sell_stop(
    tmp_path: Path, make_config: Any
) -> None:
    series = tmp_path / "falling.csv"
    closes = [3_036_000 - 15_000 * i for i in range(40)]
    rows = [f"{i * 3600000},{c},{c},{c},{c},1" for i, c in enumerate(closes)]
    series.write_text("Open_Time,Open,High,Low,Close,Volume\n" + "\n".join(rows) + "\n")
    config = make_config(price_series=series, series_symbol="BTC_TRY")
    async with (
        running_emulator(config) as emu,
        httpx.AsyncClient(base_url=emu.rest_url) as client,
    ):
        signed = Signed(client, emu.demo_account.api_key, emu.demo_account.api_secret, emu)
        stop = levels(emu, "bids")[0][0] - 100_000
        order = order_of(emu, await stop_sell(signed, stop, "0.01"))
        for _ in range(30):
            if order.status == "Closed":
                break
            await emu.step()
        assert order.status == "Closed", (order.status, stop, emu.exchange.last_price("BTCTRY"))
        refused = await client.post(
            "/_emulator/price", params={"symbol": "BTCTRY", "price": "3000000"}
        )
        assert refused.status_code == 400 and "price series" in refused.json()["error"]


@pytest.mark.parametrize(
    ("params", "why"),
    [
        ({"symbol": "NOPE", "price": "1"}, "unknown pair"),
        ({"symbol": "BTCTRY", "price": "abc"}, "decimal"),
        ({"symbol": "BTCTRY", "price": "-5"}, "positive"),
    ],
)
async def test_the_price_driver_refuses_bad_input(
    http: httpx.AsyncClient, params: dict[str, str], why: str
) -> None:
    response = await http.post("/_emulator/price", params=params)
    assert response.status_code == 400 and why in response.json()["error"]
