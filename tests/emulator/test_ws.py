from decimal import Decimal
from typing import Any

import httpx

from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed, check_frame, login_frame, ws_reader
from tests.helpers import eventually


async def test_hello_join_ack_and_failure(emu: Emulator) -> None:
    async with ws_reader(emu.ws_url) as ws:
        hello = await ws.wait_for(991)
        assert hello[0] == {"type": 991, "current": "6.0.0", "min": "2.3.0"}
        await ws.subscribe("trade", "BTCTRY")
        await ws.subscribe("orderbook", "all")
        acks = await ws.wait_for(100, 2)
        assert acks == [
            {"ok": True, "message": "join|trade:BTCTRY", "type": 100},
            {"ok": False, "message": "join|orderbook:all", "type": 100},
        ]
        for frame in ws.frames:
            check_frame(frame)


async def test_trade_ticker_and_orderbook_channels(emu: Emulator) -> None:
    async with ws_reader(emu.ws_url.rstrip("/") + "/ws") as ws:
        for channel, event in (
            ("trade", "BTCTRY"),
            ("ticker", "BTCTRY"),
            ("ticker", "all"),
            ("orderbook", "ETHTRY"),
        ):
            await ws.subscribe(channel, event)
        await ws.wait_for(421)
        await emu.step(20)
        await ws.wait_for(422)
        await ws.wait_for(402, 2)
        await ws.wait_for(401, 2)
        books = await ws.wait_for(431, 2)
        assert books[-1]["channel"] == "orderbook" and books[-1]["PS"] == "ETHTRY"
        for frame in ws.frames:
            check_frame(frame)


def apply_diff(book: dict[str, dict[Decimal, Decimal]], diff: dict[str, Any]) -> None:
    for key in ("AO", "BO"):
        for row in diff[key]:
            if row["CP"] == 3:
                del book[key][Decimal(row["P"])]
            else:
                book[key][Decimal(row["P"])] = Decimal(row["A"])


async def test_obdiff_snapshot_plus_diffs_reproduce_rest_book(
    emu: Emulator, signed: Signed
) -> None:
    async with ws_reader(emu.ws_url) as ws:
        await ws.subscribe("obdiff", "BTCTRY")
        snapshot = (await ws.wait_for(431))[0]
        book = {k: {Decimal(r["P"]): Decimal(r["A"]) for r in snapshot[k]} for k in ("AO", "BO")}
        await emu.step(5)
        await signed.submit(orderType="buy", quantity="0.001", price="3000000")
        await emu.step(5)
        diffs = await ws.wait_for(432, 11)
        assert [d["CS"] for d in diffs] == list(
            range(snapshot["CS"] + 1, snapshot["CS"] + 1 + len(diffs))
        )
        for diff in diffs:
            check_frame([432, diff])
            apply_diff(book, diff)
        rest = (
            await signed.client.get(
                "/api/v2/orderbook", params={"pairSymbol": "BTCTRY", "limit": 1000}
            )
        ).json()["data"]
        assert book["BO"] == {Decimal(p): Decimal(a) for p, a in rest["bids"]}
        assert book["AO"] == {Decimal(p): Decimal(a) for p, a in rest["asks"]}


async def test_changeset_gap_fault(emu: Emulator) -> None:
    names = [rule.name for rule in emu.exchange.table.symbols]
    async with ws_reader(emu.ws_url) as ws:
        for name in names:
            await ws.subscribe("obdiff", name)
        snapshots = {s["PS"]: s["CS"] for s in await ws.wait_for(431, len(names))}
        emu.faults.update({"changeset_gap_next": 1})
        await emu.step(1)
        diffs = {d["PS"]: d["CS"] for d in await ws.wait_for(432, len(names))}
        jumps = sorted(diffs[name] - snapshots[name] for name in names)
        assert jumps == [1] * (len(names) - 1) + [2]
        assert emu.faults.counters.faults["changeset_gap_next"] == 1


async def test_login_and_private_frames(emu: Emulator, signed: Signed) -> None:
    account = emu.demo_account
    async with ws_reader(emu.ws_url) as ws:
        await ws.send(login_frame(account.api_key, account.api_secret))
        login = (await ws.wait_for(114))[0]
        user = emu.exchange.user_by_key(account.api_key)
        assert login == {"type": 114, "id": user.user_id, "ok": True, "message": None}  # type: ignore[union-attr]
        resting = (
            await signed.submit(
                orderType="buy", quantity="0.001", price="3000000", newOrderClientId="rest-1"
            )
        ).json()["data"]
        await signed.submit(
            orderType="buy", orderMethod="market", quantity="500", newOrderClientId="mkt-1"
        )
        inserts = await ws.wait_for(451, 2)
        assert inserts[0]["id"] == resting["id"] and inserts[0]["newOrderClientId"] == "rest-1"
        assert inserts[0]["orderType"] == 0 and inserts[1]["method"] == 1
        matches = await ws.wait_for(441)
        assert matches[0]["clientId"] == "mkt-1" and matches[0]["isBid"] is True
        trades = await ws.wait_for(423)
        assert trades[0]["id"] > 2**53 and "type" not in trades[0]
        await signed.delete("/api/v1/order", params={"id": resting["id"]})
        deleted = await ws.wait_for(452)
        assert deleted[0]["id"] == resting["id"] and deleted[0]["numLeft"] == "0.0010000000000000"
        assert [kind for kind, _ in ws.frames].count(452) == 1  # no 452 on full fill by default
        for frame in ws.frames:
            check_frame(frame)


async def test_login_failures(emu: Emulator) -> None:
    async with ws_reader(emu.ws_url) as ws:
        await ws.send(login_frame("nobody", "c2VjcmV0LWtleQ=="))
        await ws.send(login_frame(emu.demo_account.api_key, "c2VjcmV0LWtleQ=="))
        failures = await ws.wait_for(114, 2)
        assert failures[0] == {
            "type": 114,
            "ok": False,
            "id": 0,
            "message": "Unauthorized - Invalid Public key",
        }
        assert failures[1]["ok"] is False


async def test_ws_disconnect_fault_and_admin(emu: Emulator, http: httpx.AsyncClient) -> None:
    async with ws_reader(emu.ws_url) as ws:
        await ws.wait_for(991)
        response = await http.put("/_emulator/faults", json={"ws_disconnect_now": True})
        assert response.json()["ws_disconnect_now"] is False
        await eventually(lambda: ws.closed)
    async with ws_reader(emu.ws_url) as ws:
        await ws.wait_for(991)
        emu.faults.update({"ws_disconnect_every_s": 0.1})
        await eventually(lambda: ws.closed)
    assert emu.faults.counters.faults["ws_disconnect_now"] == 1
    assert emu.faults.counters.faults["ws_disconnect_every_s"] >= 1
