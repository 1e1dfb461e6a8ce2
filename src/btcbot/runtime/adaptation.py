"""Bounded parameter adaptation (profile 7's), run by the runtime between cycles.

The kernel's :func:`~btcbot.kernel.adaptation.adapt` is pure; this module gives it a window of
cycle metrics, persists every parameter version (append-only, with checkpoints) and applies
the active version at start-up, so a restart keeps what was learned and an operator can read
the history in ``params_versions``.

Only the adaptable fields are stored (the "overlay", :func:`btcbot.kernel.adaptation.overlay_of`):
order offset, orders per cycle, turnover cap per cycle and minimum quote volume. Everything
else always comes from the settings. Which profile adapts, and how, the profile says
(``Profile.adaptation``); this module only runs it.
Checkpoints: the settings' own values are the first checkpoint; a version that goes through a
full evaluation window needing no change becomes a checkpoint; a drawdown beyond the rollback
level returns to the last checkpoint.

Measured per cycle: rejects, missing marks, drawdown, and throttling — the exchange calls the
client's rate limiter held back in that cycle (waits for the budget plus HTTP 429 answers,
:attr:`CycleReport.throttled`), which drives the "one order per cycle fewer" rule.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import structlog
from sqlalchemy import Engine

from btcbot.domain.money import BPS, ZERO
from btcbot.kernel.adaptation import CycleMetrics
from btcbot.kernel.profile import Adaptation, Profile
from btcbot.runtime.report import CycleReport
from btcbot.store import ParamsRepository, unit_of_work

log = structlog.get_logger(__name__)
PROFILE = 7
"""The key versions are stored under (the adaptive built-in's settings profile)."""


@dataclass
class ParamsAdapter:
    engine: Engine
    _window: deque[CycleMetrics] = field(default_factory=deque)
    _peak: Decimal | None = None
    _checkpoint: Mapping[str, Any] | None = None

    def start(self, profile: Profile, now_ms: int) -> Profile:
        """The active profile: the latest stored version, or the settings' values stored
        as the first checkpoint."""
        adapts = _adaptation(profile)
        with unit_of_work(self.engine) as conn:
            repo = ParamsRepository(conn)
            latest = repo.latest(PROFILE)
            checkpoint = repo.latest(PROFILE, checkpoint_only=True)
            if latest is None:
                overlay = adapts.overlay()
                repo.append(PROFILE, overlay, reason="settings", checkpoint=True, now_ms=now_ms)
                self._checkpoint = overlay
                return profile
        active = adapts.restored(latest.params)
        self._checkpoint = checkpoint.params if checkpoint else None
        log.info("adaptation_params_restored", version=active.params_version)
        return active

    def after_cycle(self, report: CycleReport, profile: Profile, now_ms: int) -> Profile:
        """Record the cycle; every ``every_cycles`` cycles evaluate and maybe change params."""
        adapts = _adaptation(profile)
        self._window.append(self._metrics(report))
        if len(self._window) < adapts.every_cycles:
            return profile
        window, self._window = tuple(self._window), deque()
        result = adapts.adapt(window, self._checkpoint)
        with unit_of_work(self.engine) as conn:
            repo = ParamsRepository(conn)
            if not result.changes:
                overlay = adapts.overlay()
                repo.append(
                    PROFILE, overlay, reason="healthy window", checkpoint=True, now_ms=now_ms
                )
                self._checkpoint = overlay
                return profile
            reason = (
                "rollback"
                if result.rolled_back
                else "; ".join(f"{f} {old}->{new} ({why})" for f, old, new, why in result.changes)
            )
            repo.append(
                PROFILE, _adaptation(result.profile).overlay(), reason=reason, now_ms=now_ms
            )
        log.warning(
            "adaptation_params_changed", version=result.profile.params_version, reason=reason
        )
        return result.profile

    def moved_in(self, amount: Decimal) -> None:
        """``amount`` came into the account from outside (negative: went out), accepted by a
        ledger rebase: the equity peak moves by it, so a withdrawal is no drawdown (it rolled
        the parameters back)."""
        if self._peak is not None:
            self._peak += amount

    def _metrics(self, report: CycleReport) -> CycleMetrics:
        drawdown = ZERO
        if report.equity is not None:
            self._peak = report.equity if self._peak is None else max(self._peak, report.equity)
            if self._peak > ZERO:
                drawdown = (self._peak - report.equity) / self._peak * BPS
        return CycleMetrics(
            rejects=report.rejected,
            throttled=report.throttled,
            missing_marks=len(report.stale_symbols),
            drawdown_bps=drawdown,
        )


def _adaptation(profile: Profile) -> Adaptation:
    if profile.adaptation is None:
        raise ValueError(f"profile {profile.name} does not adapt its parameters")
    return profile.adaptation
