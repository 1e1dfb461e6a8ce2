from decimal import Decimal

import httpx

from btcbot.emulator.server import Emulator
from tests.emulator.conftest import check_rest


async def test_server_time_has_no_envelope(http: httpx.AsyncClient) -> None:
    body = check_rest(await http.get("/api/v2/server/time"), "/api/v2/server/time")
    assert set(body) == {"serverTime", "serverTime2"}


async def test_exchange_info_both_spellings_and_btctry_rules(http: httpx.AsyncClient) -> None:
    for path in ("/api/v2/server/exchangeinfo", "/api/v2/server/exchangeInfo"):
        body = check_rest(await http.get(path), path)
    symbols = {s["name"]: s for s in body["data"]["symbols"]}
    assert {
        "BTCTRY",
        "ETHTRY",
        "SOLTRY",
        "XRPTRY",
        "AVAXTRY",
        "USDTTRY",
        "BTCUSDT",
        "ETHUSDT",
    } <= set(symbols)
    btc = symbols["BTCTRY"]
    assert (btc["hasFraction"], btc["numeratorScale"], btc["denominatorScale"]) == (False, 8, 2)
    assert btc["filters"][0]["minExchangeValue"] == "99.91"
    assert symbols["BTCUSDT"]["filters"][0]["minExchangeValue"] == "9.99"
    assert [f["filterType"] for s in symbols.values() for f in s["filters"]] == [
        "PRICE_FILTER"
    ] * len(symbols)
    ratio = Decimal(str(btc["maximumLimitOrderPrice"])) / Decimal(
        str(btc["minimumLimitOrderPrice"])
    )
    assert ratio == 100


async def test_ticker_is_an_array_of_numbers(http: httpx.AsyncClient) -> None:
    one = check_rest(
        await http.get("/api/v2/ticker", params={"pairSymbol": "BTC_TRY"}), "/api/v2/ticker"
    )
    assert len(one["data"]) == 1 and isinstance(one["data"][0]["last"], int | float)
    every = check_rest(await http.get("/api/v2/ticker"), "/api/v2/ticker")
    assert len(every["data"]) >= 8
    usdt = check_rest(
        await http.get("/api/v2/ticker/currency", params={"symbol": "usdt"}),
        "/api/v2/ticker/currency",
    )
    assert {t["pair"] for t in usdt["data"]} == {"USDTTRY", "BTCUSDT", "ETHUSDT"}


async def test_orderbook_string_levels_limit_and_alias(http: httpx.AsyncClient) -> None:
    for path in ("/api/v2/orderbook", "/api/v2/orderBook"):
        body = check_rest(await http.get(path, params={"pairSymbol": "BTCTRY", "limit": 3}), path)
    bids, asks = body["data"]["bids"], body["data"]["asks"]
    assert len(bids) == len(asks) == 3
    assert Decimal(bids[0][0]) < Decimal(asks[0][0])
    assert [Decimal(b[0]) for b in bids] == sorted((Decimal(b[0]) for b in bids), reverse=True)


async def test_unknown_pair_is_a_business_error(http: httpx.AsyncClient) -> None:
    response = await http.get("/api/v2/orderbook", params={"pairSymbol": "NOPE"})
    assert response.status_code == 400
    check_rest(response, "/api/v2/orderbook")


async def test_trades_last_and_big_string_ids(emu: Emulator, http: httpx.AsyncClient) -> None:
    await emu.step(30)
    body = check_rest(
        await http.get("/api/v2/trades", params={"pairSymbol": "BTCTRY", "last": 5}),
        "/api/v2/trades",
    )
    assert 0 < len(body["data"]) <= 5
    assert all(int(t["tid"]) > 2**53 for t in body["data"])
    assert [t["date"] for t in body["data"]] == sorted(
        (t["date"] for t in body["data"]), reverse=True
    )


async def test_graph_ohlcs_and_klines(emu: Emulator, http: httpx.AsyncClient) -> None:
    await emu.step(30)
    ohlcs = check_rest(await http.get("/v1/ohlcs", params={"pair": "BTCTRY"}), "/v1/ohlcs")
    assert ohlcs and ohlcs[0]["time"] < 10**11
    klines = check_rest(
        await http.get("/v1/klines/history", params={"symbol": "BTCTRY", "resolution": 1}),
        "/v1/klines/history",
    )
    assert klines["s"] == "ok" and len(klines["t"]) == len(klines["c"]) >= 1


async def test_root_describes_urls_and_contract_is_served(
    emu: Emulator, http: httpx.AsyncClient
) -> None:
    assert (await http.get("/")).json()["ws_url"] == emu.ws_url
    served = (await http.get("/_emulator/contract/openapi.json")).json()
    assert served["openapi"].startswith("3.1")
    assert "$defs" in (await http.get("/_emulator/contract/ws_frames.json")).json()
