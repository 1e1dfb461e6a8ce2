from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from btcbot.emulator import Account, running_emulator
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed, check_rest
from tests.helpers import eventually

SECRET = "c2VjcmV0LWtleQ=="
BAL = {"TRY": Decimal("1000000"), "BTC": Decimal("1"), "USDT": Decimal("10000")}
ACCOUNTS = (
    Account("alice", SECRET, BAL),
    Account("bob", SECRET, BAL),
    Account("carol", SECRET, BAL),
)
INSIDE = "3036000"  # inside the seed-7 BTCTRY spread (bots quote ≈3034657 / ≈3037694)


@pytest.fixture
async def trio(make_config: Any) -> AsyncIterator[tuple[Emulator, dict[str, Signed]]]:
    async with (
        running_emulator(make_config(accounts=ACCOUNTS)) as emu,
        httpx.AsyncClient(base_url=emu.rest_url) as client,
    ):
        yield emu, {a.api_key: Signed(client, a.api_key, SECRET, emu) for a in ACCOUNTS}


def supply(emu: Emulator) -> dict[str, Decimal]:
    return {asset: emu.exchange.total_supply(asset) for asset in ("TRY", "BTC", "USDT", "ETH")}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"orderType": "buy", "quantity": "0.001", "price": "3000000.5"},
            "FAILED_INVALID_PRICE_SCALE",
        ),
        (
            {"orderType": "buy", "quantity": "0.000000001", "price": "3000000"},
            "FAILED_INVALID_QUANTITY_SCALE",
        ),
        (
            {"orderType": "buy", "quantity": "0.00003", "price": "3000000"},
            "FAILED_MIN_TOTAL_AMOUNT",
        ),
        ({"orderType": "buy", "quantity": "1", "price": "200000"}, "ORDER_MIN_PRICE_EXCEEDED"),
        (
            {"orderType": "sell", "quantity": "0.00001", "price": "40000000"},
            "ORDER_MAX_PRICE_EXCEEDED",
        ),
        (
            {"orderType": "buy", "quantity": "1", "price": "3000000"},
            "FAILED_ORDER_WITH_OPEN_ORDERS",
        ),
        ({"orderType": "hold", "quantity": "1", "price": "3000000"}, "ORDER_TYPE_NOT_SUPPORTED"),
        (
            {"orderType": "buy", "orderMethod": "trailingstop", "quantity": "1"},
            "ORDER_METHOD_NOT_SUPPORTED",
        ),
        ({"orderType": "buy", "quantity": "abc", "price": "3000000"}, "FAILED_ORDER_PARAMETER"),
        (
            {"orderType": "buy", "orderMethod": "market", "quantity": "100.001"},
            "FAILED_INVALID_QUANTITY_SCALE",
        ),
        (
            {"orderType": "buy", "orderMethod": "market", "quantity": "50"},
            "FAILED_MIN_TOTAL_AMOUNT",
        ),
    ],
)
async def test_validation_errors(signed: Signed, fields: dict[str, Any], message: str) -> None:
    response = await signed.submit(**fields)
    assert response.status_code == 400
    body = check_rest(response, "/api/v1/order", "post")
    assert body["message"] == message and body["data"] is None and body["httpStatusCode"] == 400


async def test_submit_shape_case_insensitive_and_numbers(emu: Emulator, signed: Signed) -> None:
    response = await signed.submit(
        orderType="BUY",
        orderMethod="LIMIT",
        quantity=0.001,
        price=3000000,
        newOrderClientId="cid-1",
    )
    body = check_rest(response, "/api/v1/order", "post")
    data = body["data"]
    assert (data["type"], data["method"], data["newOrderClientId"]) == ("buy", "limit", "cid-1")
    assert body["message"] == "SUCCESS" and body["httpStatusCode"] == 200
    order = emu.exchange.orders[data["id"]]
    assert order.quantity == Decimal("0.001")


async def test_query_params_win_over_body(signed: Signed) -> None:
    response = await signed.client.post(
        "/api/v1/order",
        params={"quantity": "0.002"},
        headers=signed.headers(),
        json={
            "quantity": "0.001",
            "price": "3000000",
            "orderMethod": "limit",
            "orderType": "buy",
            "pairSymbol": "BTCTRY",
        },
    )
    assert response.json()["data"]["quantity"] == "0.002"


async def test_buy_locks_quote_with_fee_reserve(emu: Emulator, signed: Signed) -> None:
    await signed.submit(orderType="buy", quantity="0.01", price="3000000")
    wallet = emu.exchange.user_by_key(emu.demo_account.api_key).wallet  # type: ignore[union-attr]
    assert wallet.locked["TRY"] == Decimal("30000") * (1 + Decimal("0.0009") * Decimal("1.2"))
    balances = check_rest(await signed.get("/api/v1/users/balances"), "/api/v1/users/balances")[
        "data"
    ]
    row = next(b for b in balances if b["asset"] == "TRY")
    assert (
        Decimal(row["balance"])
        == Decimal(row["free"]) + Decimal(row["locked"])
        == Decimal("100000")
    )
    assert row["orderFund"] == row["locked"]


async def test_price_time_priority_partial_fill_fees_and_tax(trio: Any) -> None:
    emu, users = trio
    before = supply(emu)
    first = (await users["alice"].submit(orderType="sell", quantity="0.01", price=INSIDE)).json()[
        "data"
    ]
    second = (await users["bob"].submit(orderType="sell", quantity="0.01", price=INSIDE)).json()[
        "data"
    ]
    taker = (await users["carol"].submit(orderType="buy", quantity="0.015", price=INSIDE)).json()[
        "data"
    ]
    orders = emu.exchange.orders
    assert orders[first["id"]].status == "Closed"
    assert (orders[second["id"]].status, orders[second["id"]].left) == ("Partial", Decimal("0.005"))
    assert orders[taker["id"]].status == "Closed"
    fills = check_rest(
        await users["carol"].get("/api/v1/users/transactions/trade"),
        "/api/v1/users/transactions/trade",
    )["data"]
    assert [Decimal(f["amount"]) for f in fills] == [
        Decimal("0.005"),
        Decimal("0.01"),
    ]  # newest first
    quote = Decimal(INSIDE) * Decimal("0.01")
    fee = (quote * Decimal("0.0009")).quantize(Decimal("1e-8"))
    assert Decimal(fills[1]["fee"]) == -fee and Decimal(fills[1]["tax"]) == -(fee * Decimal("0.2"))
    maker_fills = (await users["alice"].get("/api/v1/users/transactions/trade")).json()["data"]
    assert (
        Decimal(maker_fills[0]["amount"]) == Decimal("-0.01")
        and maker_fills[0]["orderType"] == "sell"
    )
    assert Decimal(maker_fills[0]["fee"]) == -(quote * Decimal("0.0005")).quantize(Decimal("1e-8"))
    assert fills[0]["id"] > 2**53
    alice = emu.exchange.user_by_key("alice").wallet
    assert alice.free["TRY"] == BAL["TRY"] + quote - quote * Decimal("0.0005") * Decimal("1.2")
    assert supply(emu) == before


async def test_market_buy_quantity_is_quote_and_balances_conserved(trio: Any) -> None:
    emu, users = trio
    before = supply(emu)
    response = await users["alice"].submit(orderType="buy", orderMethod="market", quantity="5000")
    order = emu.exchange.orders[response.json()["data"]["id"]]
    assert order.status == "Closed"
    fills = (await users["alice"].get("/api/v1/users/transactions/trade")).json()["data"]
    spent = sum(Decimal(f["amount"]) * Decimal(f["price"]) for f in fills)
    assert Decimal("4990") < spent <= Decimal("5000")
    wallet = emu.exchange.user_by_key("alice").wallet
    fees = sum(-Decimal(f["fee"]) - Decimal(f["tax"]) for f in fills)
    assert wallet.free["TRY"] == BAL["TRY"] - spent - fees and wallet.locked["TRY"] == 0
    assert supply(emu) == before
    await emu.step(20)
    assert supply(emu) == before


async def test_market_sell_respects_five_percent_protection(trio: Any) -> None:
    emu, users = trio
    response = await users["alice"].submit(orderType="sell", orderMethod="market", quantity="0.9")
    order = emu.exchange.orders[response.json()["data"]["id"]]
    prices = [
        Decimal(f["price"])
        for f in (await users["alice"].get("/api/v1/users/transactions/trade")).json()["data"]
    ]
    assert prices and min(prices) >= max(prices) * Decimal("0.95")
    assert order.status == "Canceled" and order.left > 0
    assert emu.exchange.user_by_key("alice").wallet.locked["BTC"] == 0


async def test_cancel_ack_then_canceled(emu: Emulator, signed: Signed) -> None:
    order_id = (await signed.submit(orderType="buy", quantity="0.001", price="3000000")).json()[
        "data"
    ]["id"]
    response = await signed.delete("/api/v1/order", params={"id": order_id})
    assert response.json() == {"success": True, "message": "SUCCESS", "code": 0}
    check_rest(response, "/api/v1/order", "delete")
    await eventually(lambda: emu.exchange.orders[order_id].status == "Canceled")
    single = check_rest(await signed.get(f"/api/v1/order/{order_id}"), "/api/v1/order/{orderId}")
    assert single["data"]["status"] == "Canceled"
    again = await signed.delete("/api/v1/order", params={"id": order_id})
    assert (again.status_code, again.json()["message"]) == (400, "ORDER_COULD_NOT_BE_CANCELED")
    wallet = emu.exchange.user_by_key(emu.demo_account.api_key).wallet  # type: ignore[union-attr]
    assert wallet.locked["TRY"] == 0 and wallet.free["TRY"] == Decimal("100000")


async def test_unknown_cancel_and_unknown_order(signed: Signed) -> None:
    response = await signed.delete("/api/v1/order", params={"id": 123})
    assert response.status_code == 400
    assert (
        check_rest(response, "/api/v1/order", "delete")["message"]
        == "NO_ORDER_MATCHES_YOUR_REQUEST"
    )
    missing = await signed.get("/api/v1/order/123")
    assert check_rest(missing, "/api/v1/order/{orderId}") == {
        "success": False,
        "message": "Order not found",
        "code": 1152,
    }


async def test_open_orders_and_all_orders_filters(emu: Emulator, signed: Signed) -> None:
    buy = (await signed.submit(orderType="buy", quantity="0.001", price="3000000")).json()["data"]
    sell = (await signed.submit(orderType="sell", quantity="0.001", price="3100000")).json()["data"]
    eth = (
        await signed.submit(pairSymbol="ETHTRY", orderType="buy", quantity="0.01", price="100000")
    ).json()
    opened = check_rest(
        await signed.get("/api/v1/openOrders", params={"pairSymbol": "BTCTRY"}),
        "/api/v1/openOrders",
    )["data"]
    assert [o["id"] for o in opened["bids"]] == [buy["id"]]
    assert [o["id"] for o in opened["asks"]] == [sell["id"]]
    every = check_rest(await signed.get("/api/v1/allOrders"), "/api/v1/allOrders")["data"]
    assert [o["id"] for o in every] == [eth["data"]["id"], sell["id"], buy["id"]]
    page = (await signed.get("/api/v1/allOrders", params={"page": 2, "limit": 2})).json()["data"]
    assert [o["id"] for o in page] == [buy["id"]]
    since = await signed.get(
        "/api/v1/allOrders", params={"orderId": sell["id"], "pairSymbol": "BTCTRY"}
    )
    assert [o["id"] for o in since.json()["data"]] == [sell["id"]]
    window = await signed.get("/api/v1/allOrders", params={"startTime": buy["datetime"] + 10**7})
    assert window.json()["data"] == []


async def test_user_trades_filters(trio: Any) -> None:
    _, users = trio
    await users["alice"].submit(orderType="sell", quantity="0.01", price=INSIDE)
    taker = (await users["bob"].submit(orderType="buy", quantity="0.01", price=INSIDE)).json()[
        "data"
    ]
    await users["bob"].submit(
        pairSymbol="USDTTRY", orderType="buy", orderMethod="market", quantity="200"
    )
    bob = users["bob"]
    by_order = (
        await bob.get("/api/v1/users/transactions/trade", params={"orderId": taker["id"]})
    ).json()
    assert {f["orderId"] for f in by_order["data"]} == {taker["id"]}
    usdt = await bob.get(
        "/api/v1/users/transactions/trade", params=[("symbol", "usdt"), ("type", "buy")]
    )
    assert {f["numeratorSymbol"] for f in usdt.json()["data"]} == {"USDT"}
    pair = await bob.get("/api/v1/users/transactions/trade", params={"pairSymbol": "BTC_TRY"})
    assert {f["denominatorSymbol"] for f in pair.json()["data"]} == {"TRY"}
    assert len(pair.json()["data"]) == 1
    sells = await bob.get("/api/v1/users/transactions/trade", params=[("type", "sell")])
    assert sells.json()["data"] == []
