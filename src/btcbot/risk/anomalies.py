"""Anomaly detectors (profile 4). WARN anomalies feed the degrade window (those listed in
``DEGRADE_WARN_CODES_CSV``); an ERROR jumps straight to the top level.

==========================  =====  ========================================================
code                        sev.   when
==========================  =====  ========================================================
STALE_MARKET_DATA           WARN   a symbol's data is older than STALE_MARKET_DATA_SECONDS
SPREAD_SPIKE                WARN   a spread >= ANOMALY_SPREAD_SPIKE_BPS
PRICE_JUMP                  WARN   a mid moved >= ANOMALY_PRICE_JUMP_BPS since last cycle
ORDER_REJECT_SPIKE          WARN   the previous cycle had >= ORDER_REJECT_SPIKE_THRESHOLD rejects
EXCHANGE_LATENCY_SPIKE      WARN   the previous cycle took >= LATENCY_SPIKE_MS
CURSOR_STALL                WARN   live: a symbol's fills cursor stuck >= CURSOR_STALL_CYCLES
CLOCK_SKEW                  WARN   |exchange clock - ours| > CLOCK_SKEW_SECONDS_THRESHOLD
PNL_DIVERGENCE              WARN   |exchange PnL - ledger PnL| >= PNL_DIVERGENCE_TRY_WARN
PNL_DIVERGENCE              ERROR  ... >= PNL_DIVERGENCE_TRY_ERROR
EXCHANGE_DEGRADED           ERROR  EXCHANGE_ERROR_STREAK failed cycles in a row before this one
==========================  =====  ========================================================

The readings (cycle duration, clock offset, fills cursors, PnL divergence) are measured by the
runtime and carried in the snapshot; this module only compares them with thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from btcbot.config.params import AnomalyParams
from btcbot.decision.market import MarketView, by_symbol
from btcbot.domain import Symbol
from btcbot.domain.money import BPS, ZERO

ANOMALY_CODES = (
    "STALE_MARKET_DATA",
    "SPREAD_SPIKE",
    "PRICE_JUMP",
    "ORDER_REJECT_SPIKE",
    "EXCHANGE_LATENCY_SPIKE",
    "CURSOR_STALL",
    "CLOCK_SKEW",
    "PNL_DIVERGENCE",
    "EXCHANGE_DEGRADED",
)


class Severity(StrEnum):
    WARN = "WARN"
    ERROR = "ERROR"


@dataclass(frozen=True, slots=True)
class Anomaly:
    code: str
    severity: Severity
    symbol: Symbol | None = None
    detail: str = ""


def _symbol_anomalies(
    symbol: Symbol,
    market: MarketView,
    data_age_ms: Mapping[Symbol, int],
    previous_mids: Mapping[Symbol, Decimal],
    params: AnomalyParams,
) -> list[Anomaly]:
    found = []
    age = data_age_ms.get(symbol)
    if age is None or age > params.stale_after_ms:
        found.append(Anomaly("STALE_MARKET_DATA", Severity.WARN, symbol, f"age_ms={age}"))
    quote = market.quotes.get(symbol)
    if quote is None:
        return found
    if quote.spread_bps >= params.spread_spike_bps:
        found.append(Anomaly("SPREAD_SPIKE", Severity.WARN, symbol, f"bps={quote.spread_bps}"))
    previous = previous_mids.get(symbol)
    if previous is not None and previous > ZERO:
        jump = abs(quote.mid - previous) / previous * BPS
        if jump >= params.price_jump_bps:
            found.append(Anomaly("PRICE_JUMP", Severity.WARN, symbol, f"bps={jump}"))
    return found


@dataclass(frozen=True, slots=True)
class Readings:
    """What the runtime measured, for the detectors that are not about one book."""

    rejects_last_cycle: int = 0
    exchange_error_streak: int = 0
    previous_cycle_ms: int | None = None
    clock_offset_ms: int | None = None
    cursor_stall: Mapping[Symbol, int] = field(default_factory=lambda: MappingProxyType({}))
    pnl_divergence: Decimal | None = None


def _exchange_anomalies(readings: Readings, params: AnomalyParams) -> list[Anomaly]:
    found = []
    if readings.rejects_last_cycle >= params.reject_spike_count:
        detail = str(readings.rejects_last_cycle)
        found.append(Anomaly("ORDER_REJECT_SPIKE", Severity.WARN, None, detail))
    duration = readings.previous_cycle_ms
    if duration is not None and duration >= params.latency_spike_ms:
        detail = f"cycle_ms={duration} threshold_ms={params.latency_spike_ms}"
        found.append(Anomaly("EXCHANGE_LATENCY_SPIKE", Severity.WARN, None, detail))
    offset = readings.clock_offset_ms
    if offset is not None and abs(offset) > params.clock_skew_ms:
        detail = f"offset_ms={offset} threshold_ms={params.clock_skew_ms}"
        found.append(Anomaly("CLOCK_SKEW", Severity.WARN, None, detail))
    if readings.exchange_error_streak >= params.exchange_error_streak:
        detail = f"streak={readings.exchange_error_streak}"
        found.append(Anomaly("EXCHANGE_DEGRADED", Severity.ERROR, None, detail))
    return found


def _cursor_anomalies(stall: Mapping[Symbol, int], params: AnomalyParams) -> list[Anomaly]:
    return [
        Anomaly("CURSOR_STALL", Severity.WARN, symbol, f"cycles={cycles}")
        for symbol, cycles in sorted(stall.items(), key=lambda item: item[0].pair)
        if cycles >= params.cursor_stall_cycles
    ]


def _pnl_anomaly(divergence: Decimal | None, params: AnomalyParams) -> list[Anomaly]:
    if divergence is None:
        return []
    size = abs(divergence)
    if size >= params.pnl_divergence_error:
        severity = Severity.ERROR
    elif size >= params.pnl_divergence_warn:
        severity = Severity.WARN
    else:
        return []
    return [Anomaly("PNL_DIVERGENCE", severity, None, f"diff_try={divergence}")]


def detect(
    symbols: Iterable[Symbol],
    market: MarketView,
    data_age_ms: Mapping[Symbol, int],
    previous_mids: Mapping[Symbol, Decimal],
    readings: Readings,
    params: AnomalyParams,
) -> tuple[Anomaly, ...]:
    found: list[Anomaly] = []
    for symbol in by_symbol(symbols):
        found.extend(_symbol_anomalies(symbol, market, data_age_ms, previous_mids, params))
    found.extend(_exchange_anomalies(readings, params))
    found.extend(_cursor_anomalies(readings.cursor_stall, params))
    found.extend(_pnl_anomaly(readings.pnl_divergence, params))
    return tuple(found)


def advance_cursor_stall(
    cursor: Mapping[Symbol, int] | None,
    previous_cursor: Mapping[Symbol, int],
    previous_stall: Mapping[Symbol, int],
) -> dict[Symbol, int]:
    """Consecutive cycles each symbol's fills cursor stood still. ``cursor`` is ``None`` in dry
    runs (CURSOR_STALL is live only): nothing is counted. A symbol with no fill booked yet has
    no cursor and cannot stall (the predecessor's rule)."""
    if cursor is None:
        return {}
    return {
        symbol: (previous_stall.get(symbol, 0) + 1 if previous_cursor.get(symbol) == value else 0)
        for symbol, value in cursor.items()
    }


def warn_count(anomalies: Iterable[Anomaly], codes: Iterable[str] = ()) -> int:
    """Distinct WARN codes this cycle (20 stale symbols are one warning, not twenty), counting
    only ``codes`` when any are given."""
    allowed = frozenset(codes)
    return len(
        {
            a.code
            for a in anomalies
            if a.severity is Severity.WARN and (not allowed or a.code in allowed)
        }
    )
