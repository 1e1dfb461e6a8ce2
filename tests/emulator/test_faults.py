import asyncio

import httpx
import pytest

from btcbot.emulator.faults import FaultConfig, parse_fault_args
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed
from tests.helpers import eventually


async def test_latency_with_path_prefix(emu: Emulator, http: httpx.AsyncClient) -> None:
    emu.faults.update({"latency_ms": 200, "latency_path_prefix": "/api/v2/ticker"})
    loop = asyncio.get_running_loop()
    start = loop.time()
    await http.get("/api/v2/ticker")
    assert loop.time() - start >= 0.2
    start = loop.time()
    await http.get("/api/v2/server/time")
    assert loop.time() - start < 0.2
    assert emu.faults.counters.faults["latency_ms"] == 1


async def test_429_burst_then_recovery(emu: Emulator, http: httpx.AsyncClient) -> None:
    emu.faults.update({"http_429_next": 2})
    statuses = [(await http.get("/api/v2/ticker")).status_code for _ in range(3)]
    assert statuses == [429, 429, 200]
    assert emu.faults.counters.faults["http_429_next"] == 2


async def test_5xx_next_and_probability(emu: Emulator, http: httpx.AsyncClient) -> None:
    emu.faults.update({"http_5xx_next": 1, "http_5xx_status": 502})
    assert (await http.get("/api/v2/ticker")).status_code == 502
    assert (await http.get("/api/v2/ticker")).status_code == 200
    emu.faults.update({"http_5xx_probability": 1.0})
    assert (await http.get("/api/v2/ticker")).status_code == 502
    assert emu.faults.counters.faults["http_5xx_probability"] == 1


async def test_5xx_can_target_one_route(emu: Emulator, signed: Signed) -> None:
    """``http_5xx_route`` aims the 5xx at cancels only: reads pass, the cancel is refused
    before it happens (the order stays open)."""
    order_id = (await signed.submit(orderType="buy", quantity="0.001", price="3000000")).json()[
        "data"
    ]["id"]
    emu.faults.update({"http_5xx_route": "DELETE /api/v1/order", "http_5xx_next": 1})
    assert (await signed.get("/api/v1/openOrders")).status_code == 200
    assert (await signed.delete("/api/v1/order", params={"id": order_id})).status_code == 503
    assert emu.exchange.orders[order_id].status == "Untouched"
    assert emu.faults.counters.faults["http_5xx_next"] == 1


async def test_admin_order_history_has_open_and_close_times(
    emu: Emulator, signed: Signed, http: httpx.AsyncClient
) -> None:
    first = (await signed.submit(orderType="buy", quantity="0.001", price="3000000")).json()
    order_id = first["data"]["id"]
    await signed.delete("/api/v1/order", params={"id": order_id})
    key = emu.demo_account.api_key

    async def closed() -> list[dict[str, object]]:
        rows = (await http.get("/_emulator/orders", params={"apiKey": key})).json()
        return rows if rows and rows[0]["closedMs"] is not None else []

    rows = await eventually(closed)
    assert [(r["id"], r["status"], r["pair"], r["side"]) for r in rows] == [
        (order_id, "Canceled", "BTCTRY", "buy")
    ]
    assert rows[0]["createdMs"] <= rows[0]["closedMs"]
    assert rows[0]["quantity"] == "0.001" and rows[0]["price"] == "3000000"
    missing = await http.get("/_emulator/orders", params={"apiKey": "nobody"})
    assert missing.status_code == 404


async def test_submit_is_placed_but_response_dropped(emu: Emulator, signed: Signed) -> None:
    emu.faults.update({"drop_submit_response_next": 1})
    with pytest.raises(httpx.TransportError):
        await signed.submit(
            orderType="buy", quantity="0.001", price="3000000", newOrderClientId="lost"
        )
    opened = (await signed.get("/api/v1/openOrders")).json()["data"]["bids"]
    assert [o["orderClientId"] for o in opened] == ["lost"]
    assert emu.faults.counters.faults["drop_submit_response_next"] == 1
    assert emu.faults.counters.mutating["submit"] == 1


async def test_cancel_is_done_but_response_hangs(emu: Emulator, signed: Signed) -> None:
    order_id = (await signed.submit(orderType="buy", quantity="0.001", price="3000000")).json()[
        "data"
    ]["id"]
    emu.faults.update({"drop_cancel_response_next": 1, "drop_mode": "hang", "hang_seconds": 5})
    with pytest.raises(httpx.TimeoutException):
        await signed.delete("/api/v1/order", params={"id": order_id}, timeout=0.3)
    assert emu.exchange.orders[order_id].status == "Canceled"
    assert emu.faults.counters.faults["drop_cancel_response_next"] == 1


async def test_counters_count_requests_and_mutating_calls(
    emu: Emulator, signed: Signed, http: httpx.AsyncClient
) -> None:
    await http.post("/_emulator/reset-counters")
    await signed.get("/api/v1/openOrders")
    await http.get("/api/v2/orderbook", params={"pairSymbol": "BTCTRY"})
    counters = (await http.get("/_emulator/counters")).json()
    assert counters["mutating_total"] == 0
    assert counters["requests"] == {"GET /api/v1/openOrders": 1, "GET /api/v2/orderbook": 1}
    await signed.submit(orderType="buy", quantity="1", price="3000000")  # rejected, still counted
    await signed.delete("/api/v1/order", params={"id": 1})
    counters = (await http.get("/_emulator/counters")).json()
    assert counters["mutating"] == {"submit": 1, "cancel": 1}


async def test_admin_faults_accounts_and_step(emu: Emulator, http: httpx.AsyncClient) -> None:
    bad = await http.put("/_emulator/faults", json={"no_such_fault": 1})
    assert bad.status_code == 400
    assert (await http.put("/_emulator/faults", json={"latency_ms": 5})).json()["latency_ms"] == 5
    assert (await http.delete("/_emulator/faults")).json() == FaultConfig().as_dict()
    accounts = (await http.get("/_emulator/accounts")).json()
    assert [a["apiKey"] for a in accounts] == ["btcbot-demo-key"]
    assert accounts[0]["balances"]["TRY"] == {"free": "100000", "locked": "0"}
    steps = emu.simulator.steps
    assert (await http.post("/_emulator/step", params={"n": 4})).json() == {"stepped": 4}
    assert emu.simulator.steps == steps + 4


def test_fault_parsing() -> None:
    parsed = parse_fault_args(["latency_ms=50", "drop_mode=hang", "ws_disconnect_now=true"])
    config = FaultConfig().updated(parsed)
    assert (config.latency_ms, config.drop_mode, config.ws_disconnect_now) == (50, "hang", True)
    with pytest.raises(ValueError, match="unknown fault"):
        FaultConfig().updated({"nope": 1})
    with pytest.raises(ValueError, match="name=value"):
        parse_fault_args(["latency_ms"])
