"""Download BTCTurk candles from the graph API into a candle dataset, page by page, resumably.

* **Endpoints** (API_CONTRACT §3.1): ``1m`` and ``1h`` from ``/v1/klines/history``
  (resolution 1 / 60, UDF columns); ``1d`` from ``/v1/ohlcs`` (the daily candles). Times on the
  wire are Unix seconds; candles start at multiples of their interval since the epoch (a day
  at 00:00 UTC); a request ``from``/``to`` returns the candles starting in
  ``(from - interval, to]``.
* **Window**: the candles that open in ``[start, end)`` — ``start`` rounded up to a candle
  boundary — and have CLOSED by now: the candle still open is never stored (it would change).
* **Pages** of at most :data:`PAGE_CANDLES` candles (well under the 11,000 one answer may hold),
  each asking exactly the aligned starts it wants; a page with no trades is simply empty (the
  dataset marks the hole as a gap). Requests go through the client's rate limiter (graph-api:
  600 per 10 min, ``/v1/ohlcs`` 120 a minute, at the configured margin) and its retries.
* **Where the data starts**: into an empty sink, a 1m/1h download first asks ``/v1/ohlcs`` for
  the window's daily candles (one request) and starts on the first day that has one, so a
  ``--from`` long before the pair traded costs no run of empty pages.
* **Resumable**: the sink says which candle it holds last; a run continues right after it and
  never asks for a stored candle again. Pages go to the sink as they arrive and the sink
  commits them every ``commit_every_s`` seconds and at the end, also when the run is stopped or
  fails — so an interrupted run loses at most the pages since its last commit, which the next
  run fetches again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from btcbot.domain.market import Candle
from btcbot.domain.symbols import Symbol

PAGE_CANDLES = 1000
MINUTE_MS = 60_000


@dataclass(frozen=True, slots=True)
class Timeframe:
    name: str
    interval_ms: int
    resolution_minutes: int
    from_ohlcs: bool  # daily candles come from /v1/ohlcs

    def floor(self, ms: int) -> int:
        return ms - ms % self.interval_ms

    def ceil(self, ms: int) -> int:
        return -((-ms) // self.interval_ms) * self.interval_ms


TIMEFRAMES = {
    "1m": Timeframe("1m", MINUTE_MS, 1, from_ohlcs=False),
    "1h": Timeframe("1h", 60 * MINUTE_MS, 60, from_ohlcs=False),
    "1d": Timeframe("1d", 1440 * MINUTE_MS, 1440, from_ohlcs=True),
}


class DownloadError(RuntimeError):
    """The exchange answered something a candle download cannot use (named in the message)."""


class GraphSource(Protocol):
    """What the download needs from :class:`~btcbot.btcturk.rest_client.BtcturkRestClient`."""

    async def ohlc(self, symbol: Symbol, from_s: int, to_s: int) -> list[Candle]: ...

    async def klines(
        self, symbol: Symbol, resolution_minutes: int, from_s: int, to_s: int
    ) -> list[Candle]: ...


class CandleSink(Protocol):
    """Where downloaded candles go (a candle dataset)."""

    def last_open_ms(self) -> int | None:
        """Open time of the newest stored candle (committed or appended), None when empty."""
        ...

    def append(self, candles: Sequence[Candle]) -> None:
        """Candles in time order, all after :meth:`last_open_ms`."""
        ...

    def commit(self) -> None:
        """Make everything appended so far durable."""
        ...


@dataclass
class DownloadReport:
    symbol: Symbol
    timeframe: Timeframe
    start_ms: int  # first candle open time of the window
    stop_ms: int  # the window ends before this open time
    resumed_after_ms: int | None  # the sink's newest candle when the run started
    requests: int = 0
    candles: int = 0
    first_ms: int | None = None
    last_ms: int | None = None
    stopped: bool = False  # by the caller's stop signal, before the window's end

    @property
    def complete(self) -> bool:
        return not self.stopped


async def download_candles(
    source: GraphSource,
    sink: CandleSink,
    symbol: Symbol,
    timeframe: Timeframe,
    start_ms: int,
    end_ms: int,
    *,
    now_ms: int,
    stop: asyncio.Event | None = None,
    on_page: Callable[[DownloadReport], None] | None = None,
    commit_every_s: float = 10.0,
    monotonic: Callable[[], float] = time.monotonic,
) -> DownloadReport:
    """Fetch the closed candles opening in ``[start_ms, end_ms)`` that ``sink`` lacks."""
    first = timeframe.ceil(start_ms)
    stop_ms = min(end_ms, timeframe.floor(now_ms))
    last = sink.last_open_ms()
    cursor = first if last is None else max(first, last + timeframe.interval_ms)
    report = DownloadReport(symbol, timeframe, first, stop_ms, last)
    if last is None and not timeframe.from_ohlcs and cursor < stop_ms:
        cursor = await _first_traded_day(source, symbol, cursor, stop_ms)
        report.requests += 1
    committed_at = monotonic()
    try:
        while cursor < stop_ms:
            if stop is not None and stop.is_set():
                report.stopped = True
                break
            page_end = min(stop_ms, cursor + PAGE_CANDLES * timeframe.interval_ms)
            candles = await _page(source, symbol, timeframe, cursor, page_end)
            report.requests += 1
            if candles:
                sink.append(candles)
                report.candles += len(candles)
                report.first_ms = report.first_ms or candles[0].open_time_s * 1000
                report.last_ms = candles[-1].open_time_s * 1000
            cursor = page_end
            if on_page is not None:
                on_page(report)
            if monotonic() - committed_at >= commit_every_s:
                sink.commit()
                committed_at = monotonic()
    finally:
        sink.commit()
    return report


async def _first_traded_day(
    source: GraphSource, symbol: Symbol, start_ms: int, stop_ms: int
) -> int:
    """``start_ms``, or the start of the first day in the window with a daily candle (the
    window's end when there is none)."""
    days = await source.ohlc(symbol, start_ms // 1000, (stop_ms - 1) // 1000)
    if not days:
        return stop_ms
    return max(start_ms, min(day.open_time_s for day in days) * 1000)


async def _page(
    source: GraphSource, symbol: Symbol, timeframe: Timeframe, first_ms: int, end_ms: int
) -> list[Candle]:
    """The candles opening in ``[first_ms, end_ms)``, checked: aligned, increasing, the pair's."""
    from_s, to_s = first_ms // 1000, (end_ms - timeframe.interval_ms) // 1000
    if timeframe.from_ohlcs:
        answer = await source.ohlc(symbol, from_s, to_s)
    else:
        answer = await source.klines(symbol, timeframe.resolution_minutes, from_s, to_s)
    kept: list[Candle] = []
    for candle in answer:
        open_ms = candle.open_time_s * 1000
        if open_ms % timeframe.interval_ms:
            raise DownloadError(
                f"{symbol.normalized} {timeframe.name}: candle at {candle.open_time_s} s is not "
                f"aligned to {timeframe.name}: the exchange's alignment changed"
            )
        if candle.symbol != symbol:
            raise DownloadError(f"asked for {symbol.normalized}, got {candle.symbol.normalized}")
        if not first_ms <= open_ms < end_ms:
            continue  # outside the page (a server that answers more than asked)
        if kept and open_ms <= kept[-1].open_time_s * 1000:
            raise DownloadError(
                f"{symbol.normalized} {timeframe.name}: candles out of order or repeated at "
                f"{candle.open_time_s} s"
            )
        kept.append(candle)
    return kept
