"""Graph endpoints (graph-api.btcturk.com on the real exchange; same port here).

``/v1/ohlcs``: bare JSON array of daily candles, times in Unix seconds, all numbers.
``/v1/klines/history``: TradingView UDF columnar ``{"s":"ok","t":[…],"o":…}``; ``resolution`` in
minutes, or ``1D``/``1W``/``1M`` (also ``1 d``, ``1 day``).

Candles start at multiples of the resolution since the epoch (a day at 00:00 UTC); one is
served when its start lies in ``(from - resolution, to]``, so an aligned ``from`` is the first
candle and the candle still open at ``to`` is the last (it changes until it closes). The series
is the seeded history from before the emulator started (:mod:`btcbot.emulator.history`)
followed by the candles of the trades since. One answer holds at most :data:`MAX_CANDLES`
candles, the ones nearest ``to`` (TradingView's ``countback`` convention; ccxt's BTCTurk class
says "max 11000 candles diapason can be covered" — the live truncation rule is unverified):
a client pages with windows of at most that many candles.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from aiohttp import web

from btcbot.emulator.candles import DAY_MINUTES, Candle
from btcbot.emulator.engine import Exchange
from btcbot.emulator.http_util import json_response
from btcbot.emulator.wire import num

RESOLUTIONS = frozenset({1, 5, 15, 30, 60, 240, 1440, 10080, 43200})
# Word resolutions seen on the real API: "1D"/"1W"/"1M" (maintainer, broker-api-docs#400) and
# "1 d"/"1 w" (what ccxt sends since its PR #21740, which showed real candles for them).
_WORD_RESOLUTIONS = {"D": 1440, "DAY": 1440, "W": 10080, "WEEK": 10080, "M": 43200}


def parse_resolution(text: str) -> int | None:
    """Minutes for ``"60"``, ``"1D"``, ``"1 d"``, ``"1 day"``; None when not a known one."""
    raw = text.strip().upper().replace(" ", "")
    if raw.isdigit():
        minutes = int(raw)
    else:
        count, unit = raw[:1], raw[1:]
        if count != "1" or unit not in _WORD_RESOLUTIONS:
            return None
        minutes = _WORD_RESOLUTIONS[unit]
    return minutes if minutes in RESOLUTIONS else None


DAY_S = 86_400
MAX_CANDLES = 11_000


def capped_window(from_s: int, to_s: int, resolution_minutes: int) -> tuple[int, int]:
    """``(from, to)`` narrowed to the :data:`MAX_CANDLES` candle starts nearest ``to``."""
    span = resolution_minutes * 60
    last_start = to_s - to_s % span
    return max(from_s, last_start - (MAX_CANDLES - 1) * span), to_s


class GraphApi:
    def __init__(self, exchange: Exchange, clock: Callable[[], int]) -> None:
        self.exchange = exchange
        self.clock = clock

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/v1/ohlcs", self.ohlcs),
            web.get("/v1/klines/history", self.klines),
        ]

    def _range(self, query: Any, default_span_s: int) -> tuple[int, int] | None:
        now_s = self.clock() // 1000
        try:
            to_s = int(query.get("to", now_s))
            from_s = int(query.get("from", to_s - default_span_s))
        except ValueError:
            return None
        return from_s, to_s

    async def ohlcs(self, request: web.Request) -> web.Response:
        rule = self.exchange.table.find(request.query.get("pair", ""))
        window = self._range(request.query, 30 * DAY_S)
        if rule is None or window is None:
            return json_response(
                {"success": False, "message": "pair/from/to invalid", "code": 400}, 400
            )
        from_s, to_s = capped_window(window[0], window[1], DAY_MINUTES)
        candles = self.exchange.candles[rule.name].aggregate(from_s, to_s, DAY_MINUTES)
        return json_response([_ohlc_item(rule.name, candle) for candle in candles])

    async def klines(self, request: web.Request) -> web.Response:
        rule = self.exchange.table.find(request.query.get("symbol", ""))
        window = self._range(request.query, DAY_S)
        resolution = parse_resolution(request.query.get("resolution", "60"))
        if rule is None or window is None or resolution is None:
            return json_response({"s": "error", "errmsg": "symbol/resolution/from/to invalid"}, 400)
        from_s, to_s = capped_window(window[0], window[1], resolution)
        candles = self.exchange.candles[rule.name].aggregate(from_s, to_s, resolution)
        if not candles:
            return json_response({"s": "no_data"})
        return json_response(
            {
                "s": "ok",
                "t": [c.start_s for c in candles],
                "o": [num(c.open) for c in candles],
                "h": [num(c.high) for c in candles],
                "l": [num(c.low) for c in candles],
                "c": [num(c.close) for c in candles],
                "v": [num(c.volume) for c in candles],
            }
        )


def _ohlc_item(pair: str, candle: Candle) -> dict[str, Any]:
    change = candle.close - candle.open
    percent = (change / candle.open * 100).quantize(Decimal("0.01")) if candle.open else Decimal(0)
    average = candle.total / candle.volume if candle.volume else candle.close
    return {
        "pair": pair,
        "time": candle.start_s,
        "open": num(candle.open),
        "high": num(candle.high),
        "low": num(candle.low),
        "close": num(candle.close),
        "volume": num(candle.volume),
        "total": num(candle.total.quantize(Decimal("1e-8"))),
        "average": num(average.quantize(Decimal("0.01"))),
        "dailyChangeAmount": num(change),
        "dailyChangePercentage": num(percent),
    }
