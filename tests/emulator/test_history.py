"""Candle history from before the emulator started, through the graph API.

A fixed injected clock pins "now", so two emulators with one seed must serve the very same
candles; history and live trades form one series with no jump at the start.
"""

from collections.abc import AsyncIterator
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest

from btcbot.emulator import running_emulator
from btcbot.emulator.graph_api import MAX_CANDLES
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import BASE_CONFIG, check_rest

START_MS = 1_780_000_123_456  # 2026-05-28T20:28:43Z: not aligned to a minute
START_S = START_MS // 1000
START_MINUTE_S = START_S - START_S % 60
DAY = 86_400
D = Decimal


def fixed_clock() -> int:
    return START_MS


async def klines(http: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    query = {"symbol": "BTCTRY", "resolution": 1} | params
    body = check_rest(await http.get("/v1/klines/history", params=query), "/v1/klines/history")
    return dict(body)


def rows(body: dict[str, Any]) -> list[tuple[int, D, D, D, D, D]]:
    columns = [body[key] for key in ("o", "h", "l", "c", "v")]
    return [(t, *(D(str(column[i])) for column in columns)) for i, t in enumerate(body["t"])]


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with running_emulator(replace(BASE_CONFIG, clock_ms=fixed_clock)) as emulator:
        yield emulator


async def test_minutes_before_the_start_join_the_start_price(
    emu: Emulator, http: httpx.AsyncClient
) -> None:
    body = await klines(http, **{"from": START_S - 3 * 3600, "to": START_MINUTE_S - 60})
    candles = rows(body)
    assert len(candles) == 180
    assert [t for t, *_ in candles] == list(range(START_MINUTE_S - 180 * 60, START_MINUTE_S, 60))
    for (_, _, _, _, close, _), (_, following_open, *_) in pairwise(candles):
        assert following_open == close  # no gap between minutes
    for _, open_, high, low, close, volume in candles:
        assert low <= min(open_, close) <= max(open_, close) <= high and volume > 0
    start_price = emu.exchange.table.find("BTCTRY").ref_price  # type: ignore[union-attr]
    assert candles[-1][4] == start_price  # the last history minute closes where the market opens
    await emu.step(20)  # trades at the start time
    live = rows(await klines(http, **{"from": START_MINUTE_S, "to": START_S}))
    assert len(live) == 1 and abs(live[0][1] / start_price - 1) < D("0.01")


async def test_one_seed_one_history_and_another_seed_another(http: httpx.AsyncClient) -> None:
    window = {"from": START_S - 2 * DAY, "to": START_S - DAY, "resolution": 60}
    first = await klines(http, **window)
    config = replace(BASE_CONFIG, clock_ms=fixed_clock)
    async with running_emulator(config) as same, httpx.AsyncClient(base_url=same.rest_url) as h2:
        assert await klines(h2, **window) == first
    other = replace(BASE_CONFIG, clock_ms=fixed_clock, seed=8)
    async with running_emulator(other) as diff, httpx.AsyncClient(base_url=diff.rest_url) as h3:
        assert (await klines(h3, **window))["c"] != first["c"]


async def test_every_resolution_is_the_sum_of_its_minutes(http: httpx.AsyncClient) -> None:
    day = START_S - START_S % DAY - 3 * DAY
    minutes = rows(await klines(http, **{"from": day, "to": day + DAY - 1}))
    hours = rows(await klines(http, resolution=60, **{"from": day, "to": day + DAY - 1}))
    (daily,) = rows(await klines(http, resolution="1D", **{"from": day, "to": day}))
    assert len(minutes) == 1440 and len(hours) == 24

    def merged(parts: list[tuple[int, D, D, D, D, D]]) -> tuple[D, D, D, D, D]:
        return (
            parts[0][1],
            max(p[2] for p in parts),
            min(p[3] for p in parts),
            parts[-1][4],
            sum((p[5] for p in parts), D(0)),
        )

    for index, hour in enumerate(hours):
        assert hour[0] == day + index * 3600
        assert hour[1:] == merged(minutes[index * 60 : (index + 1) * 60])
    assert daily == (day, *merged(minutes))
    ohlcs = check_rest(
        await http.get("/v1/ohlcs", params={"pair": "BTC_TRY", "from": day, "to": day}),
        "/v1/ohlcs",
    )
    (item,) = ohlcs
    values = tuple(D(str(item[k])) for k in ("open", "high", "low", "close", "volume"))
    assert (item["time"], *values) == daily


async def test_alignment_of_from_and_to(http: httpx.AsyncClient) -> None:
    hour = START_S - START_S % 3600 - 10 * 3600
    aligned = await klines(http, resolution=60, **{"from": hour, "to": hour + 3 * 3600})
    assert aligned["t"] == [hour, hour + 3600, hour + 7200, hour + 10800]
    inside = await klines(http, resolution=60, **{"from": hour + 1, "to": hour + 3 * 3600 - 1})
    assert inside["t"] == [hour, hour + 3600, hour + 7200]  # the candles holding from and to
    assert all(t % 60 == 0 for t in (await klines(http, **{"from": hour, "to": hour + 600}))["t"])


async def test_one_answer_holds_at_most_the_newest_max_candles(
    emu: Emulator, http: httpx.AsyncClient
) -> None:
    await emu.step(20)  # a live candle in the start minute
    body = await klines(http, **{"from": START_S - 9 * DAY, "to": START_S - DAY})
    last = START_S - DAY - (START_S - DAY) % 60
    assert len(body["t"]) == MAX_CANDLES
    assert body["t"][-1] == last and body["t"][0] == last - (MAX_CANDLES - 1) * 60
    ccxt_style = await klines(http, **{"from": -5940, "to": START_S})  # ccxt without since
    assert len(ccxt_style["t"]) == MAX_CANDLES and ccxt_style["t"][-1] == START_MINUTE_S


async def test_nothing_before_the_history_horizon(make_config: Any) -> None:
    config = make_config(clock_ms=fixed_clock, history_days=2)
    async with running_emulator(config) as short, httpx.AsyncClient(base_url=short.rest_url) as h:
        first_day = START_S - START_S % DAY - 2 * DAY
        body = await klines(h, resolution="1D", **{"from": first_day - 5 * DAY, "to": START_S})
        assert body["t"] == [first_day, first_day + DAY, first_day + 2 * DAY]
        before = await klines(h, **{"from": first_day - DAY, "to": first_day - 60})
        assert before == {"s": "no_data"}


async def test_a_price_series_drives_the_history(make_config: Any, tmp_path: Path) -> None:
    closes = [D(40000) + 100 * (i % 7) - 30 * i for i in range(48)]
    lines = ["Open_Time,Open,High,Low,Close,Volume"]
    lines += [
        f"2024-01-0{1 + i // 24} {i % 24:02d}:00:00,1,1,1,{c},1" for i, c in enumerate(closes)
    ]
    series = tmp_path / "series.csv"
    series.write_text("\n".join(lines) + "\n", "utf-8")
    config = make_config(clock_ms=fixed_clock, price_series=series, series_start_row=40)
    async with running_emulator(config) as emu, httpx.AsyncClient(base_url=emu.rest_url) as h:
        knots = [START_MINUTE_S - (40 - row) * 3600 for row in range(41)]
        for row in (0, 17, 39):  # the minute at each row's time opens at that row's close
            candle = rows(await klines(h, **{"from": knots[row], "to": knots[row]}))
            assert candle[0][0] == knots[row] and candle[0][1] == closes[row]
        last = rows(await klines(h, **{"from": START_MINUTE_S - 60, "to": START_MINUTE_S - 60}))
        assert last[0][4] == closes[40]
        before = rows(await klines(h, resolution=60, **{"from": knots[0] - 5 * 3600}))
        assert len(before) > 5  # the free walk continues before the series' first row
