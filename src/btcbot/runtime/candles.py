"""Hourly candles for profile 7's volatility ranking, cached between cycles.

A new hourly candle closes once an hour, so each symbol is refetched at most every
``refresh_ms`` (5 min): a universe of 20 symbols costs about 4 graph requests a minute, well
inside the graph API's limit. A failed fetch keeps the previous candles (or none): volatility
is then "unknown" for that symbol, which the universe ranking scores as missing, never as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import structlog

from btcbot.domain import Candle, Symbol
from btcbot.exchange.errors import ExchangeError
from btcbot.exchange.port import MarketDataPort

log = structlog.get_logger(__name__)

REFRESH_MS = 300_000


@dataclass
class CandleCache:
    port: MarketDataPort
    refresh_ms: int = REFRESH_MS
    _candles: dict[Symbol, tuple[Candle, ...]] = field(default_factory=dict)
    _fetched_ms: dict[Symbol, int] = field(default_factory=dict)

    async def get(
        self, symbols: Iterable[Symbol], count: int, now_ms: int
    ) -> Mapping[Symbol, tuple[Candle, ...]]:
        wanted = tuple(symbols)
        for symbol in wanted:
            fetched = self._fetched_ms.get(symbol)
            if fetched is None or now_ms - fetched >= self.refresh_ms:
                await self._refresh(symbol, count, now_ms)
        return {symbol: self._candles[symbol] for symbol in wanted if symbol in self._candles}

    async def _refresh(self, symbol: Symbol, count: int, now_ms: int) -> None:
        try:
            candles = tuple(await self.port.recent_candles(symbol, count))
        except ExchangeError as exc:
            log.warning("candles_unavailable", symbol=symbol.normalized, error=str(exc))
            return
        finally:
            self._fetched_ms[symbol] = now_ms
        self._candles[symbol] = candles
