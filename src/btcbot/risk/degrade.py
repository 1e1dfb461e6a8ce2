"""Degrade levels 0..3 from anomalies, with a cooldown and hysteresis.

* any ERROR -> level 3; warnings (distinct ``warn_codes`` per cycle) summed over the last
  ``warn_window_cycles`` cycles >= 2 x threshold -> level 2, >= threshold -> level 1;
* a higher level is taken at once and held for its cooldown (the predecessor also froze
  escalation during a cooldown; we let a worse level in at any time — failing closed);
* after the cooldown the level steps down by one once enough consecutive calm cycles were seen
  (8 from level 1, 4 from higher), and the warning window restarts.

Level policy (the predecessor's table, :class:`~btcbot.config.params.LevelPolicy`):

=====  ================  ==========  ===========  ========
level  mode              BUY size    buy universe cooldown
=====  ================  ==========  ===========  ========
0      NORMAL            x1          all          -
1      REDUCE_RISK_ONLY  x0.50       first 8      900 s
2      REDUCE_RISK_ONLY  x0.25       first 4      900 s
3      OBSERVE_ONLY      x0          first 2      1800 s
=====  ================  ==========  ===========  ========

REDUCE_RISK_ONLY lets no buy through, so at levels 1-2 the size factor and the cap bind only
with ``reduced_levels_buy`` (DEGRADE_REDUCED_LEVELS_BUY=true), which keeps those levels NORMAL
for the mode gate: buys continue, shrunk, on the capped universe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.config.params import DegradeParams
from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.risk.anomalies import Anomaly, Severity, warn_count

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

    def gate_mode(self, params: DegradeParams) -> Mode:
        """The mode this level imposes on the mode gate."""
        if params.reduced_levels_buy and self.level in (1, 2):
            return Mode.NORMAL
        return self.mode

    def buy_multiplier(self, params: DegradeParams) -> Decimal:
        return params.policy(self.level).buy_multiplier

    def universe_cap(self, params: DegradeParams) -> int | None:
        return params.policy(self.level).universe_cap


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
    warns = warn_count(anomalies, params.warn_codes)
    error = any(a.severity is Severity.ERROR for a in anomalies)
    history = (*prev.warn_history, warns)[-params.warn_window_cycles :]
    target = _target_level(error, history, params)
    level = prev.degrade_level
    if target > level:
        until = now_ms + params.policy(target).cooldown_seconds * 1000
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
