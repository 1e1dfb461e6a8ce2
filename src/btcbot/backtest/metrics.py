"""Performance figures of an equity series: return, CAGR, drawdowns, Sharpe, Sortino, Calmar.

Conventions (what the report states under its figures):

* The equity series is what the run recorded: one valuation per cycle (TRY at book mids), plus
  a backtest's final valuation. Periodic returns are simple returns between consecutive
  samples, ``r_i = E_i / E_(i-1) - 1``.
* **Annualisation** uses the series' own sampling interval: ``Δ`` is the median step between
  samples and ``N = 365.25 days / Δ`` periods a year (crypto trades every day; an hourly
  backtest has N = 8766, a 60-second live loop N = 525960). Gaps (restarts, skipped cycles)
  are one longer period; they do not change Δ.
* **Sharpe** = mean(r) / stdev(r) · √N, risk-free rate 0, sample standard deviation.
  **Sortino** = mean(r) / DD · √N with the downside deviation DD = √(mean(min(r, 0)²)) over
  every period (target 0). **Volatility** = stdev(r) · √N.
* **CAGR** = (E_end / E_start)^(365.25 days / (t_end − t_start)) − 1 (short windows give
  extreme values: read it with the window's length; where the power over- or underflows, a
  window of seconds, it is ±inf, shown as n/a, never a -100 % that was not lost).
  **Calmar** = CAGR / max drawdown.
* **Max drawdown** is the largest fall from a running peak as a fraction of that peak; its
  duration runs from the peak to the recovery (the first sample back at or above the peak), or
  to the end of the series when it never recovered.
* **Monthly returns** (UTC calendar months): the month's last equity over the previous month's
  last (the first month: over the first sample).

Money stays Decimal (amounts, returns of Decimal equities); the ratios are floats.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import pairwise

from btcbot.domain.money import ZERO

YEAR_MS = int(365.25 * 86_400_000)


@dataclass(frozen=True, slots=True)
class EquityPoint:
    at_ms: int
    equity: Decimal


@dataclass(frozen=True, slots=True)
class Drawdown:
    """One fall below a running peak and what became of it."""

    peak_ms: int
    peak: Decimal
    trough_ms: int
    trough: Decimal
    recovered_ms: int | None  # None: still below the peak at the end
    end_ms: int  # recovery, or the last sample

    @property
    def amount(self) -> Decimal:
        return self.peak - self.trough

    @property
    def fraction(self) -> Decimal:
        return self.amount / self.peak if self.peak > ZERO else ZERO

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.peak_ms


@dataclass(frozen=True, slots=True)
class MonthReturn:
    year: int
    month: int
    value: Decimal  # fraction: 0.05 is +5 %


@dataclass(frozen=True, slots=True)
class Ratios:
    sampling_ms: int | None
    periods_per_year: float | None
    sharpe: float | None
    sortino: float | None
    volatility: float | None
    cagr: float | None
    calmar: float | None


def periodic_returns(points: Sequence[EquityPoint]) -> list[float]:
    return [float(b.equity / a.equity - 1) for a, b in pairwise(points) if a.equity > ZERO]


def sampling_ms(points: Sequence[EquityPoint]) -> int | None:
    """The median step between samples (None below two samples)."""
    steps = [b.at_ms - a.at_ms for a, b in pairwise(points) if b.at_ms > a.at_ms]
    return int(statistics.median(steps)) if steps else None


def total_return(points: Sequence[EquityPoint]) -> Decimal | None:
    if len(points) < 2 or points[0].equity <= ZERO:
        return None
    return points[-1].equity / points[0].equity - 1


def cagr(points: Sequence[EquityPoint]) -> float | None:
    growth = total_return(points)
    elapsed = points[-1].at_ms - points[0].at_ms if points else 0
    if growth is None or elapsed <= 0 or growth <= -1:
        return None if growth is None or elapsed <= 0 else -1.0
    try:
        compounded = math.pow(float(1 + growth), YEAR_MS / elapsed)
    except OverflowError:
        return math.inf
    if compounded == 0.0:  # a loss compounded past what a float holds: as undefined as inf,
        return -math.inf  # not a year that lost everything (-100 %)
    return float(compounded - 1)


def ratios(points: Sequence[EquityPoint], worst: Drawdown | None) -> Ratios:
    step = sampling_ms(points)
    returns = periodic_returns(points)
    per_year = YEAR_MS / step if step else None
    growth = cagr(points)
    calmar = None
    if growth is not None and worst is not None and worst.fraction > ZERO:
        calmar = growth / float(worst.fraction)
    if per_year is None or len(returns) < 2:
        return Ratios(step, per_year, None, None, None, growth, calmar)
    mean, spread = statistics.fmean(returns), statistics.stdev(returns)
    downside = math.sqrt(statistics.fmean([min(r, 0.0) ** 2 for r in returns]))
    root = math.sqrt(per_year)
    return Ratios(
        sampling_ms=step,
        periods_per_year=per_year,
        sharpe=mean / spread * root if spread > 0 else None,
        sortino=mean / downside * root if downside > 0 else None,
        volatility=spread * root,
        cagr=growth,
        calmar=calmar,
    )


def drawdowns(points: Sequence[EquityPoint]) -> list[Drawdown]:
    """Every episode below a running peak, in time order."""
    episodes: list[Drawdown] = []
    if not points:
        return episodes
    peak = points[0]
    trough: EquityPoint | None = None
    for point in points[1:]:
        if point.equity >= peak.equity:
            if trough is not None:
                episodes.append(_episode(peak, trough, point.at_ms, point.at_ms))
                trough = None
            peak = point
        elif trough is None or point.equity < trough.equity:
            trough = point
    if trough is not None:
        episodes.append(_episode(peak, trough, None, points[-1].at_ms))
    return episodes


def _episode(peak: EquityPoint, trough: EquityPoint, recovered: int | None, end: int) -> Drawdown:
    return Drawdown(peak.at_ms, peak.equity, trough.at_ms, trough.equity, recovered, end)


def worst_drawdown(episodes: Sequence[Drawdown]) -> Drawdown | None:
    """The deepest episode (as a fraction of its peak); the earlier one on a tie."""
    return max(episodes, key=lambda d: (d.fraction, -d.peak_ms), default=None)


def drawdown_series(points: Sequence[EquityPoint]) -> list[tuple[int, Decimal]]:
    """(time, fraction below the running peak) per sample: 0 at a new high."""
    series: list[tuple[int, Decimal]] = []
    peak: Decimal | None = None
    for point in points:
        peak = point.equity if peak is None else max(peak, point.equity)
        below = (peak - point.equity) / peak if peak > ZERO else ZERO
        series.append((point.at_ms, below))
    return series


def monthly_returns(points: Sequence[EquityPoint]) -> list[MonthReturn]:
    months: dict[tuple[int, int], Decimal] = {}
    for point in points:
        moment = datetime.fromtimestamp(point.at_ms / 1000, UTC)
        months[(moment.year, moment.month)] = point.equity  # the month's last sample wins
    result: list[MonthReturn] = []
    reference = points[0].equity if points else ZERO
    for (year, month), last in months.items():
        if reference > ZERO:
            result.append(MonthReturn(year, month, last / reference - 1))
        reference = last
    return result


def yearly_from_monthly(months: Sequence[MonthReturn]) -> dict[int, Decimal]:
    """Compounded return per calendar year from its months."""
    years: dict[int, Decimal] = {}
    for one in months:
        years[one.year] = (1 + years.get(one.year, ZERO)) * (1 + one.value) - 1
    return years
