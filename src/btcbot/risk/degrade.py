"""Degrade levels 0..3 from anomalies, with a cooldown and hysteresis.

* any ERROR -> level 3; warnings summed over the last ``warn_window_cycles`` cycles
  >= 2 x threshold -> level 2, >= threshold -> level 1;
* a higher level is taken at once and held for its cooldown (the predecessor also froze
  escalation during a cooldown; we let a worse level in at any time — failing closed);
* after the cooldown the level steps down by one once enough consecutive calm cycles were seen
  (8 from level 1, 4 from higher), and the warning window restarts.

Level modes: 0 NORMAL, 1-2 REDUCE_RISK_ONLY, 3 OBSERVE_ONLY; BUY size x ``buy_multipliers``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.kernel.params import DegradeParams
from btcbot.risk.anomalies import Anomaly, Severity, warn_count
from btcbot.risk.modes import Mode
from btcbot.risk.state import RiskState

LEVEL_MODES = (Mode.NORMAL, Mode.REDUCE_RISK_ONLY, Mode.REDUCE_RISK_ONLY, Mode.OBSERVE_ONLY)


@dataclass(frozen=True, slots=True)
class DegradeOutcome:
    level: int
    cooldown_until_ms: int
    warn_history: tuple[int, ...]
    stable_cycles: int

    @property
    def mode(self) -> Mode:
        return LEVEL_MODES[self.level]

    def buy_multiplier(self, params: DegradeParams) -> Decimal:
        return params.buy_multipliers[self.level]


def _target_level(error: bool, history: Sequence[int], params: DegradeParams) -> int:
    if error:
        return 3
    total = sum(history)
    if total >= 2 * params.warn_threshold:
        return 2
    return 1 if total >= params.warn_threshold else 0


def decide_degrade(
    prev: RiskState, anomalies: Sequence[Anomaly], now_ms: int, params: DegradeParams
) -> DegradeOutcome:
    warns = warn_count(anomalies)
    error = any(a.severity is Severity.ERROR for a in anomalies)
    history = (*prev.warn_history, warns)[-params.warn_window_cycles :]
    target = _target_level(error, history, params)
    level = prev.degrade_level
    if target > level:
        until = now_ms + params.cooldown_seconds[target] * 1000
        return DegradeOutcome(target, until, history, 0)
    calm = warns == 0 and not error
    stable = prev.stable_cycles + 1 if calm else 0
    if level == 0:
        return DegradeOutcome(0, prev.degrade_cooldown_until_ms, history, 0)
    if now_ms < prev.degrade_cooldown_until_ms:
        return DegradeOutcome(level, prev.degrade_cooldown_until_ms, history, stable)
    needed = params.recovery_cycles_level1 if level == 1 else params.recovery_cycles_higher
    if stable >= needed:
        return DegradeOutcome(level - 1, prev.degrade_cooldown_until_ms, (), 0)
    return DegradeOutcome(level, prev.degrade_cooldown_until_ms, history, stable)
