"""What a sweep maximises, from the report's figures of each replay (after fees and tax).

Every trial is one replay; its equity is the ledger's valuation per cycle, so fees and tax are
already paid in every figure. The figures are those of ``btcbot report``
(:mod:`btcbot.backtest.metrics`); the objectives:

===========  =====================================================================
``return``   total return of the span (final / initial equity - 1)
``sharpe``   annualised Sharpe ratio (risk-free 0)
``sortino``  annualised Sortino ratio (target 0)
``calmar``   CAGR / max drawdown
===========  =====================================================================

A ratio that is undefined (a flat equity curve has no variance, a run with no drawdown no
Calmar) scores 0: "no measurable edge", never the best by accident.

``--max-drawdown F`` adds a constraint to any objective: a trial whose max drawdown exceeds
``F`` (a fraction, 0.2 = 20 %) is infeasible (Optuna's constraint ``max_drawdown - F > 0``):
the sampler steers away from it and it can never be the best trial. ``return`` with
``--max-drawdown`` is "return with a drawdown cap".

In-sample and out-of-sample spans differ in length, so they are compared on a per-year
basis (:func:`comparable`): the ratios are annualised already; a return is scaled to a year
(simple, not compounded: return x 365.25 days / span).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from btcbot.backtest.metrics import YEAR_MS, periodic_returns
from btcbot.backtest.report_data import Report

OBJECTIVES: Mapping[str, str] = {
    "return": "total return after fees and tax",
    "sharpe": "annualised Sharpe ratio (risk-free 0)",
    "sortino": "annualised Sortino ratio",
    "calmar": "CAGR / max drawdown",
}


@dataclass(frozen=True, slots=True)
class TrialFigures:
    """The figures of one replay a sweep keeps (JSON-ready: floats, ints, exact strings)."""

    start_ms: int | None
    end_ms: int | None
    initial_equity: str | None
    final_equity: str | None
    total_return: float | None
    cagr: float | None
    sharpe: float | None
    sortino: float | None
    calmar: float | None
    volatility: float | None
    max_drawdown: float  # fraction of the peak, 0 without a drawdown
    round_trips: int
    win_rate: float | None
    fills: int
    fees_try: str
    tax_try: str
    exposure: float | None
    periods: int  # equity returns the ratios come from
    period_sharpe: float | None  # mean / stdev per period (not annualised)
    skewness: float | None
    kurtosis: float | None  # not excess: 3 for a normal distribution

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TrialFigures:
        fields: dict[str, Any] = {name: data.get(name) for name in cls.__dataclass_fields__}
        return cls(**fields)


def figures_of(report: Report) -> TrialFigures:
    f, r = report.figures, report.figures.ratios
    returns = periodic_returns(report.equity)
    period_sharpe, skew, kurt = _moments(returns)
    return TrialFigures(
        start_ms=f.start_ms,
        end_ms=f.end_ms,
        initial_equity=None if f.initial_equity is None else str(f.initial_equity),
        final_equity=None if f.final_equity is None else str(f.final_equity),
        total_return=None if f.total_return is None else float(f.total_return),
        cagr=_finite(r.cagr),
        sharpe=_finite(r.sharpe),
        sortino=_finite(r.sortino),
        calmar=_finite(r.calmar),
        volatility=_finite(r.volatility),
        max_drawdown=float(f.max_drawdown.fraction) if f.max_drawdown is not None else 0.0,
        round_trips=f.trips.count,
        win_rate=f.trips.win_rate,
        fills=f.fills,
        fees_try=str(f.fees),
        tax_try=str(f.tax),
        exposure=f.exposure,
        periods=len(returns),
        period_sharpe=period_sharpe,
        skewness=skew,
        kurtosis=kurt,
    )


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _moments(returns: list[float]) -> tuple[float | None, float | None, float | None]:
    if len(returns) < 3:
        return None, None, None
    mean, spread = statistics.fmean(returns), statistics.pstdev(returns)
    if spread == 0:
        return None, None, None
    skew = statistics.fmean([((r - mean) / spread) ** 3 for r in returns])
    kurt = statistics.fmean([((r - mean) / spread) ** 4 for r in returns])
    return mean / statistics.stdev(returns), skew, kurt


def score(objective: str, figures: TrialFigures) -> float:
    """The value the sweep maximises (0 where the figure is undefined)."""
    value = {
        "return": figures.total_return,
        "sharpe": figures.sharpe,
        "sortino": figures.sortino,
        "calmar": figures.calmar,
    }[objective]
    return 0.0 if value is None else value


def comparable(objective: str, figures: TrialFigures) -> float:
    """The objective on a per-year basis, to set in-sample against out-of-sample."""
    if objective != "return":
        return score(objective, figures)
    span = (figures.end_ms or 0) - (figures.start_ms or 0)
    return score(objective, figures) * YEAR_MS / span if span > 0 else 0.0


def drawdown_excess(figures: TrialFigures, cap: float | None) -> float | None:
    """Optuna's constraint value: > 0 when the drawdown cap is broken (None: no cap)."""
    return None if cap is None else figures.max_drawdown - cap


__all__ = [
    "OBJECTIVES",
    "TrialFigures",
    "comparable",
    "drawdown_excess",
    "figures_of",
    "score",
]
