"""Legacy endpoints: GET /api/v2/ohlc and the crypto / fiat transfer histories."""

from decimal import Decimal
from typing import Any

import httpx

from btcbot.emulator import running_emulator
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed, check_rest

DAY_MS = 86_400_000
D = Decimal


async def test_legacy_ohlc_is_daily_strings_in_an_envelope(
    emu: Emulator, http: httpx.AsyncClient
) -> None:
    await emu.step(5)
    body = check_rest(
        await http.get("/api/v2/ohlc", params={"pairSymbol": "BTC_TRY", "last": 3}),
        "/api/v2/ohlc",
    )
    items = body["data"]
    assert len(items) == 3 and body["success"] is True
    assert all(isinstance(item[k], str) for item in items for k in ("open", "close", "volume"))
    times = [item["time"] for item in items]
    assert all(t % DAY_MS == 0 for t in times) and times == sorted(times)
    assert times[-1] == emu.now_ms() - emu.now_ms() % DAY_MS  # today's candle is the last
    graph = check_rest(
        await http.get(
            "/v1/ohlcs",
            params={"pair": "BTCTRY", "from": times[0] // 1000, "to": emu.now_ms() // 1000},
        ),
        "/v1/ohlcs",
    )
    assert [(i["time"] * 1000, D(str(i["close"]))) for i in graph] == [
        (item["time"], D(item["close"])) for item in items
    ]
    assert {(i["pairSymbol"], i["pairSymbolNormalized"]) for i in items} == {("BTCTRY", "BTC_TRY")}


async def test_legacy_ohlc_refuses_a_bad_pair_or_last(http: httpx.AsyncClient) -> None:
    unknown = await http.get("/api/v2/ohlc", params={"pairSymbol": "NOPE"})
    assert unknown.status_code == 400
    assert check_rest(unknown, "/api/v2/ohlc")["message"] == "PAIR_NOT_FOUND"
    zero = await http.get("/api/v2/ohlc", params={"pairSymbol": "BTCTRY", "last": 0})
    assert zero.status_code == 400 and check_rest(zero, "/api/v2/ohlc")["success"] is False


async def test_transfers_list_the_funding_deposits(emu: Emulator, signed: Signed) -> None:
    crypto = check_rest(
        await signed.get("/api/v1/users/transactions/crypto"), "/api/v1/users/transactions/crypto"
    )
    fiat = check_rest(
        await signed.get("/api/v1/users/transactions/fiat"), "/api/v1/users/transactions/fiat"
    )
    balances = emu.demo_account.balances
    assert {i["currencySymbol"]: D(i["amount"]) for i in crypto["data"]} == {
        asset: amount for asset, amount in balances.items() if asset != "TRY"
    }
    (deposit,) = fiat["data"]
    assert (deposit["balanceType"], deposit["currencySymbol"]) == ("Deposit", "TRY")
    assert D(deposit["amount"]) == D(deposit["funds"]) == balances["TRY"]
    assert (deposit["fee"], deposit["tax"]) == ("0", "0")
    assert crypto["httpStatusCode"] == 200 and isinstance(deposit["id"], int)


async def test_transfer_filters_and_post(emu: Emulator, signed: Signed) -> None:
    path = "/api/v1/users/transactions/crypto"

    async def assets(**params: Any) -> list[str]:
        body = check_rest(await signed.get(path, params=params), path)
        return sorted(item["currencySymbol"] for item in body["data"])

    assert await assets(symbol=["btc", "eth"]) == ["BTC", "ETH"]
    assert await assets(type="withdrawal") == []
    assert await assets(type=["deposit", "withdrawal"]) == ["BTC", "ETH", "USDT"]
    assert await assets(startDate=emu.now_ms() + 1) == []
    assert await assets(endDate=emu.now_ms() - DAY_MS) == []
    fiat = "/api/v1/users/transactions/fiat"
    body = check_rest(await signed.post(fiat, params={"currencySymbols": "try"}), fiat, "post")
    assert [item["currencySymbol"] for item in body["data"]] == ["TRY"]
    bad = await signed.get(path, params={"type": "refund"})
    assert bad.status_code == 400 and check_rest(bad, path)["success"] is False


async def test_transfers_need_a_signature(http: httpx.AsyncClient) -> None:
    for kind in ("crypto", "fiat"):
        path = f"/api/v1/users/transactions/{kind}"
        refused = await http.get(path)
        assert refused.status_code == 401
        assert check_rest(refused, path)["message"] == "Unauthorized - Headers are missing"


async def test_transfers_rate_limit_is_90_a_minute_for_get_and_post(make_config: Any) -> None:
    async with (
        running_emulator(make_config(rate_limit_scale=0.05)) as emu,
        httpx.AsyncClient(base_url=emu.rest_url) as client,
    ):
        account = emu.demo_account
        signed = Signed(client, account.api_key, account.api_secret, emu)
        path = "/api/v1/users/transactions/crypto"
        statuses = [(await signed.get(path)).status_code for _ in range(4)]
        statuses.append((await signed.post(path)).status_code)
        assert statuses == [200, 200, 200, 200, 429]  # 90 x 0.05 = 4 per minute
        body = check_rest(await signed.get("/api/v1/users/transactions/fiat"), path)
        assert body["details"] == "Quota exceeded. Maximum allowed: 4 per 1m."
