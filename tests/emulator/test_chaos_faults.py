"""Faults for chaos runs: silent WS stalls, fills racing a cancel, out-of-turn partial fills,
deposits, and hooks that act at a phase of a submit or cancel (e.g. killing the client)."""

from decimal import Decimal

import httpx
import pytest

from btcbot.emulator.hooks import RequestSeen
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed, ws_reader
from tests.helpers import eventually

BUY = {"orderType": "buy", "quantity": "0.001", "price": "3000000"}


async def resting_buy(signed: Signed, client_id: str = "chaos-1") -> int:
    body = (await signed.submit(**BUY, newOrderClientId=client_id)).json()
    return int(body["data"]["id"])


async def test_ws_stall_sends_nothing_but_keeps_the_socket_open(emu: Emulator) -> None:
    async with ws_reader(emu.ws_url) as ws:
        await ws.subscribe("obdiff", "BTCTRY")
        await ws.wait_for(431)
        emu.faults.update({"ws_stall_seconds": 60})
        await eventually(emu.feed.is_stalled)
        before = len(ws.frames)
        await emu.step(5)
        await ws.subscribe("trade", "BTCTRY")  # not even a join ack
        await emu.step(1)
        assert len(ws.frames) == before
        assert not ws.closed
        emu.feed.stall(0)  # the stall ends: frames flow again on the same socket
        await emu.step(1)
        await ws.wait_for(432)
    assert emu.faults.config.ws_stall_seconds == 0  # one-shot
    assert emu.faults.counters.faults["ws_stall_seconds"] == 1


@pytest.mark.parametrize(
    ("fraction", "status", "filled"), [(1.0, "Closed", "0.001"), (0.5, "Canceled", "0.0005")]
)
async def test_a_fill_races_the_cancel(
    emu: Emulator, signed: Signed, fraction: float, status: str, filled: str
) -> None:
    order_id = await resting_buy(signed)
    emu.faults.update({"fill_before_cancel_next": 1, "fill_before_cancel_fraction": fraction})
    response = await signed.delete("/api/v1/order", params={"id": order_id})
    assert response.json()["success"] is True  # the ack says nothing about the race
    await eventually(lambda: not emu.exchange.orders[order_id].is_open)
    order = emu.exchange.orders[order_id]
    assert order.status == status
    assert order.filled == Decimal(filled)
    trades = (await signed.get("/api/v1/users/transactions/trade")).json()["data"]
    assert [t["orderId"] for t in trades] == [order_id]
    assert emu.faults.counters.faults["fill_before_cancel_next"] == 1


async def test_take_resting_fills_one_order_out_of_turn(emu: Emulator, signed: Signed) -> None:
    order_id = await resting_buy(signed)
    assert emu.exchange.take_resting(order_id, Decimal("0.0004")) == Decimal("0.0004")
    order = emu.exchange.orders[order_id]
    assert (order.status, order.left) == ("Partial", Decimal("0.0006"))
    assert emu.exchange.take_resting(order_id, Decimal(1)) == Decimal("0.0006")
    assert emu.exchange.orders[order_id].status == "Closed"
    assert emu.exchange.take_resting(order_id, Decimal(1)) == 0
    user = emu.exchange.user_by_key(emu.demo_account.api_key)
    assert user is not None
    assert user.wallet.free["BTC"] == Decimal("0.051")  # demo 0.05 + the fills
    assert user.wallet.locked["TRY"] == 0


async def test_history_records_open_and_close_of_each_order(
    emu: Emulator, signed: Signed, http: httpx.AsyncClient
) -> None:
    resting = await resting_buy(signed, "rests")
    taker = await signed.submit(orderType="sell", orderMethod="market", quantity="0.0001")
    taker_id = int(taker.json()["data"]["id"])
    await signed.delete("/api/v1/order", params={"id": resting})
    await eventually(lambda: emu.order_history.orders[resting].closed_seq is not None)
    await signed.submit(orderType="buy", quantity="1000", price="3000000")  # refused: no funds
    history = emu.order_history.orders
    assert list(history) == [resting, taker_id]
    rest, take = history[resting], history[taker_id]
    assert (rest.client_id, rest.status, rest.symbol) == ("rests", "Canceled", "BTCTRY")
    assert rest.opened_seq < take.opened_seq < take.closed_seq < rest.closed_seq  # type: ignore[operator]
    assert take.status == "Closed"
    assert rest.notional_try == Decimal(3000)
    assert [f.order_id for f in emu.order_history.fills] == [taker_id]
    assert [r.kind for r in emu.order_history.requests] == ["submit", "submit", "cancel", "submit"]
    view = (await http.get("/_emulator/history", params={"apiKey": signed.key})).json()
    assert [o["orderId"] for o in view["orders"]] == [resting, taker_id]
    assert view["orders"][0]["closedMs"] >= view["orders"][0]["openedMs"]
    assert view["fills"][0]["tradeId"] == str(emu.order_history.fills[0].trade_id)
    assert len(view["requests"]) == 4
    unknown = await http.get("/_emulator/history", params={"apiKey": "nobody"})
    assert unknown.status_code == 400


async def test_history_converts_a_usdt_quote_to_try(emu: Emulator, signed: Signed) -> None:
    price = emu.exchange.ref_prices["BTCUSDT"]
    body = {"orderType": "buy", "quantity": "0.001", "price": str(price), "pairSymbol": "BTCUSDT"}
    order_id = int((await signed.submit(**body)).json()["data"]["id"])
    record = emu.order_history.orders[order_id]
    assert record.quote_in_try == emu.exchange.last_price("USDTTRY") > 1
    assert record.notional_try == price * Decimal("0.001") * emu.exchange.last_price("USDTTRY")


async def test_history_ignores_the_clock_skew_fault(emu: Emulator, signed: Signed) -> None:
    emu.faults.update({"clock_skew_ms": -7_000})  # the exchange runs behind: stamps refused
    refused = await signed.get("/api/v1/openOrders")
    assert refused.status_code == 401
    emu.faults.update({"clock_skew_ms": 3_600_000})
    before = emu.unskewed_ms()
    emu.faults.update({"clock_skew_ms": 0})
    order_id = await resting_buy(signed)
    assert emu.order_history.orders[order_id].opened_ms - before < 3_600_000


async def test_deposit_credits_the_free_balance(
    emu: Emulator, signed: Signed, http: httpx.AsyncClient
) -> None:
    body = {"apiKey": signed.key, "asset": "try", "amount": "250.5"}
    response = await http.post("/_emulator/deposit", json=body)
    assert response.json() == {"asset": "TRY", "free": "100250.5"}
    balances = (await signed.get("/api/v1/users/balances")).json()["data"]
    assert next(b for b in balances if b["asset"] == "TRY")["free"] == "100250.5"
    fiat = (await signed.get("/api/v1/users/transactions/fiat")).json()["data"]
    assert ("250.5", "100250.5") in [(t["amount"], t["funds"]) for t in fiat]
    for bad in (
        {"apiKey": "nobody", "asset": "TRY", "amount": "1"},
        {"apiKey": signed.key, "asset": "TRY", "amount": "-1"},
        {"apiKey": signed.key, "asset": "TRY", "amount": "lots"},
        {"apiKey": signed.key, "asset": "", "amount": "1"},
    ):
        refused = await http.post("/_emulator/deposit", json=bad)
        assert refused.status_code == 400, bad
        assert "apiKey" in refused.json()["error"]


async def test_hook_before_processing_drops_the_submit(emu: Emulator, signed: Signed) -> None:
    seen: list[RequestSeen] = []
    emu.hooks.arm("submit", "received", seen.append)
    with pytest.raises(httpx.TransportError):
        await signed.submit(**BUY, newOrderClientId="never")
    assert [(s.kind, s.phase) for s in seen] == [("submit", "received")]
    assert emu.order_history.orders == {}  # nothing placed
    assert len(emu.order_history.requests) == 1  # but the request arrived
    await resting_buy(signed)  # one-shot: the next submit goes through


async def test_hook_after_processing_places_the_order_and_loses_the_reply(
    emu: Emulator, signed: Signed
) -> None:
    seen: list[RequestSeen] = []
    user = emu.exchange.user_by_key(signed.key)
    assert user is not None
    emu.hooks.arm("submit", "processed", seen.append, user_id=user.user_id)
    with pytest.raises(httpx.TransportError):
        await signed.submit(**BUY, newOrderClientId="placed")
    (order_id,) = emu.order_history.orders
    assert seen == [RequestSeen("submit", "processed", user.user_id, order_id)]
    assert emu.exchange.orders[order_id].client_id == "placed"


async def test_hook_after_the_answer_fires_once_the_reply_is_sent(
    emu: Emulator, signed: Signed
) -> None:
    order_id = await resting_buy(signed)
    seen: list[RequestSeen] = []
    hook = emu.hooks.arm("cancel", "answered", seen.append)
    response = await signed.delete("/api/v1/order", params={"id": order_id})
    assert response.json()["success"] is True
    assert hook.fired
    assert seen == [RequestSeen("cancel", "answered", seen[0].user_id, order_id)]


async def test_hook_for_another_account_does_not_fire(emu: Emulator, signed: Signed) -> None:
    seen: list[RequestSeen] = []
    hook = emu.hooks.arm("submit", "received", seen.append, user_id=-1)
    await resting_buy(signed)
    assert not seen
    emu.hooks.disarm(hook)
    assert not emu.hooks.waiting("submit", "received", -1)
