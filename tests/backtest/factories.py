"""Generated backtest inputs: a seeded oscillating BTC/TRY hourly series and lively params.

The series is generated here (not copied from any market data): a sine wave with seeded noise,
so a profit-aware strategy sees dips and rebounds, and thin volume, so the synthetic books
are shallow enough for the replay's seed to matter.
"""

from __future__ import annotations

import math
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from btcbot.config.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
)
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset, Series, series_from_bars, write_series

D = Decimal
BTC_TRY = Symbol("BTC", "TRY")
ETH_TRY = Symbol("ETH", "TRY")
HOUR_MS = 3_600_000
T0 = 1_704_067_200_000  # 2024-01-01T00:00Z
START = {"TRY": D(10_000)}


def wave_series(
    hours: int = 96,
    *,
    symbol: Symbol = BTC_TRY,
    base: int = 1_000_000,
    volume: str = "0.01",
    seed: int = 7,
) -> Series:
    """Hourly candles around ``base``: ±3 % sine (period ~1.5 days) plus ±0.4 % noise."""
    rng = random.Random(seed)
    rows = []
    previous = base
    for index in range(hours):
        wave = base * (1 + 0.03 * math.sin(index / 4))  # float only to shape the test curve
        close = int(wave) + base * rng.randint(-40, 40) // 10_000
        o, c = D(previous), D(close)
        high = max(o, c) + base * rng.randint(5, 40) // 10_000
        low = min(o, c) - base * rng.randint(5, 40) // 10_000
        rows.append((T0 + index * HOUR_MS, o, D(high), D(low), c, D(volume)))
        previous = close
    return series_from_bars(symbol, HOUR_MS, rows, source=f"wave:{symbol}")


def wave_dataset(hours: int = 96, **options: object) -> ReplayDataset:
    return ReplayDataset.of(wave_series(hours, **options))  # type: ignore[arg-type]


def write_wave(path: Path, hours: int = 96) -> Path:
    write_series(path, wave_series(hours))
    return path


def lively(stage: int) -> ProfileParams:
    """Stage defaults, made to trade within a few days of hourly candles: bigger entries,
    whole-position take-profits, short cooldowns."""
    if stage == 7:
        return Profile7Params()
    base: Profile3Params | Profile4Params = Profile3Params() if stage == 3 else Profile4Params()
    strategy = replace(
        base.strategy, entry_budget=D(2000), sell_fraction=D(1), min_profit_bps=D(20)
    )
    limits = replace(
        base.limits,
        cooldown_seconds=0,
        cash_target=D(0),
        cash_max=D(0),
        notional_cap_per_cycle=D(5000),
    )
    return replace(base, strategy=strategy, limits=limits)


def exchange_info(*pairs: tuple[str, int, int, str]) -> dict[str, Any]:
    """An ``exchangeinfo`` response body listing ``(base, amount scale, price scale, minimum
    order value)`` TRY pairs, as BTCTurk spells them."""
    symbols = [
        {
            "id": index,
            "name": f"{base}TRY",
            "nameNormalized": f"{base}_TRY",
            "status": "TRADING",
            "numerator": base,
            "denominator": "TRY",
            "numeratorScale": amounts,
            "denominatorScale": prices,
            "hasFraction": True,
            "filters": [
                {
                    "filterType": "PRICE_FILTER",
                    "minPrice": "0.0000000000001",
                    "maxPrice": "10000000",
                    "tickSize": "0.01",
                    "minExchangeValue": minimum,
                }
            ],
            "maximumOrderAmount": "5",
            "minimumLimitOrderPrice": 1,
            "maximumLimitOrderPrice": 2,
        }
        for index, (base, amounts, prices, minimum) in enumerate(pairs, start=1)
    ]
    return {"data": {"timeZone": "UTC", "symbols": symbols}, "success": True, "code": 0}
