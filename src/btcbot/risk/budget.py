"""Risk budget (profile 7): the cycle's mode from account health and market conditions.

OBSERVE_ONLY: kill switch, exchange degraded (error streak), stale data on a selected symbol.
REDUCE_RISK_ONLY: day's loss >= ``daily_loss_limit``, drawdown >= ``max_drawdown_bps``, fees
today >= ``fee_burn_limit``, a spread >= 2 x ``high_vol_bps`` (>= 1 x is only reported).
A triggered mode (re)starts a cooldown; while it runs the worse of the previous and the new
mode holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.config.params import RiskBudgetParams
from btcbot.decision.modes import Mode, combine_modes
from btcbot.decision.risk_state import RiskState
from btcbot.risk.equity import EquityReading


@dataclass(frozen=True, slots=True)
class BudgetInputs:
    kill_switch: bool
    exchange_error_streak: int
    max_data_age_ms: int | None
    """Oldest data among the selected symbols; ``None`` = some age unknown (stale)."""
    max_spread_bps: Decimal | None
    equity: EquityReading


@dataclass(frozen=True, slots=True)
class BudgetOutcome:
    mode: Mode
    reasons: tuple[str, ...]
    cooldown_until_ms: int


def _observe_reasons(inputs: BudgetInputs, params: RiskBudgetParams) -> list[str]:
    reasons = []
    if inputs.kill_switch:
        reasons.append("kill_switch")
    if inputs.exchange_error_streak >= params.exchange_error_streak:
        reasons.append("exchange_degraded")
    if inputs.max_data_age_ms is None or inputs.max_data_age_ms > params.stale_data_ms:
        reasons.append("stale_data")
    return reasons


def _reduce_reasons(inputs: BudgetInputs, params: RiskBudgetParams) -> list[str]:
    reasons = []
    reading = inputs.equity
    if reading.daily_pnl is not None and reading.daily_pnl <= -params.daily_loss_limit:
        reasons.append("daily_loss_limit")
    if reading.drawdown_bps is not None and reading.drawdown_bps >= params.max_drawdown_bps:
        reasons.append("max_drawdown")
    if reading.fees_today >= params.fee_burn_limit:
        reasons.append("fee_burn")
    if inputs.max_spread_bps is not None and inputs.max_spread_bps >= 2 * params.high_vol_bps:
        reasons.append("spread_spike")
    return reasons


def decide_budget(
    inputs: BudgetInputs, prev: RiskState, now_ms: int, params: RiskBudgetParams
) -> BudgetOutcome:
    observe = _observe_reasons(inputs, params)
    reduce = _reduce_reasons(inputs, params)
    if observe:
        mode = Mode.OBSERVE_ONLY
    elif reduce:
        mode = Mode.REDUCE_RISK_ONLY
    else:
        mode = Mode.NORMAL
    reasons = observe + reduce
    spread = inputs.max_spread_bps
    if spread is not None and params.high_vol_bps <= spread < 2 * params.high_vol_bps:
        reasons.append("high_volatility_warn")
    until = prev.mode_cooldown_until_ms
    if mode is not Mode.NORMAL:
        until = now_ms + params.cooldown_seconds * 1000
    if now_ms < prev.mode_cooldown_until_ms and prev.mode.severity > mode.severity:
        mode = combine_modes(mode, prev.mode)
        reasons.append("cooldown_hold")
    return BudgetOutcome(mode, tuple(reasons), until)
