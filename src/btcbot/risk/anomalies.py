"""Anomaly detectors (profile 4): stale data, spread spike, price jump, reject spike, exchange
errors. WARN anomalies feed the degrade window; an ERROR jumps straight to the top level.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from btcbot.domain import Symbol
from btcbot.domain.money import BPS, ZERO
from btcbot.kernel.params import AnomalyParams
from btcbot.strategy.market import MarketView, by_symbol


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


def detect(
    symbols: Iterable[Symbol],
    market: MarketView,
    data_age_ms: Mapping[Symbol, int],
    previous_mids: Mapping[Symbol, Decimal],
    rejects_last_cycle: int,
    exchange_error_streak: int,
    params: AnomalyParams,
) -> tuple[Anomaly, ...]:
    found: list[Anomaly] = []
    for symbol in by_symbol(symbols):
        found.extend(_symbol_anomalies(symbol, market, data_age_ms, previous_mids, params))
    if rejects_last_cycle >= params.reject_spike_count:
        found.append(Anomaly("ORDER_REJECT_SPIKE", Severity.WARN, None, str(rejects_last_cycle)))
    if exchange_error_streak >= params.exchange_error_streak:
        detail = f"streak={exchange_error_streak}"
        found.append(Anomaly("EXCHANGE_DEGRADED", Severity.ERROR, None, detail))
    return tuple(found)


def warn_count(anomalies: Iterable[Anomaly]) -> int:
    """Distinct WARN codes this cycle (20 stale symbols are one warning, not twenty)."""
    return len({a.code for a in anomalies if a.severity is Severity.WARN})
