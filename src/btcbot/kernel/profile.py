"""A profile: one strategy with its parameter values, the universe rule and risk layer around it,
and the kernel's own parameters (limits, lifecycle, protective stops, reject cooldown).

The kernel plans with a :class:`Profile` and asks it nothing else; the runtime asks it (never
which profile it is) what to fetch: :meth:`Profile.book_symbols` (the universe rule),
:attr:`Profile.requirements` (candles, timeframe, warm-up) and :attr:`Profile.adaptation`
(whether and how its parameters adapt between cycles).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from btcbot.config.params import (
    LifecycleParams,
    ProtectiveStopParams,
    RejectCooldownParams,
    RiskLimits,
)
from btcbot.decision.frames import Frame
from btcbot.domain import Balance, Symbol, SymbolRules, Ticker
from btcbot.kernel.adaptation import CycleMetrics
from btcbot.risk.layers import RiskLayer
from btcbot.strategy.api import Requirements, Strategy
from btcbot.strategy.parameters import Params
from btcbot.strategy.universes import UniverseRule


@dataclass(frozen=True, slots=True)
class Adapted:
    """One evaluation of an adaptive profile."""

    profile: Profile
    changes: tuple[tuple[str, str, str, str], ...]
    """(field, old, new, reason) per changed value."""
    rolled_back: bool = False


class Adaptation(Protocol):
    """Bounded adaptation of a profile's parameters between cycles (the runtime keeps the
    window of cycle metrics and persists every version; this side is pure)."""

    @property
    def every_cycles(self) -> int:
        """Evaluate after this many cycles."""
        ...

    def overlay(self) -> dict[str, Any]:
        """The adaptable values as a JSON document (with their version)."""
        ...

    def restored(self, overlay: Mapping[str, Any]) -> Profile:
        """This profile with ``overlay``'s values."""
        ...

    def adapt(
        self, window: Sequence[CycleMetrics], checkpoint: Mapping[str, Any] | None
    ) -> Adapted:
        """The next profile after ``window``; ``checkpoint`` is the overlay to roll back to."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    name: str
    """What runs: a built-in strategy's name or ``file.py:ClassName``."""
    strategy: Strategy
    params: Params
    """The strategy's parameter values, validated against its declaration."""
    requirements: Requirements
    universe: UniverseRule
    risk: RiskLayer
    limits: RiskLimits
    lifecycle: LifecycleParams
    protective_stop: ProtectiveStopParams
    reject_cooldown: RejectCooldownParams
    freeze_on_unknown_orders: bool = True
    params_version: int | None = None
    """Set by an adaptive profile: written into the risk state and the portfolio report."""
    adaptation: Adaptation | None = None
    size_caps: Mapping[str, Decimal] = field(default_factory=dict)
    """Order-size limits of the strategy's own, by the knob that sets them (in TRY): what
    ``btcbot doctor`` weighs against each pair's minimum order value."""
    stage: int = 3
    """The settings profile (``--stage``) whose knobs configure the kernel and the risk
    layer; recorded with every cycle."""

    def book_symbols(
        self,
        configured: tuple[Symbol, ...],
        rules: Mapping[Symbol, SymbolRules],
        tickers: Mapping[Symbol, Ticker],
        balances: Mapping[str, Balance],
    ) -> tuple[Symbol, ...]:
        """The books a cycle must fetch (conversion books come on top)."""
        return self.universe.book_symbols(configured, rules, tickers, balances)

    @property
    def sleeps_between_triggers(self) -> bool:
        """Whether a replay may sleep through bars none of the strategy's triggers marks:
        it declares a triggers column, and nothing else around it decides on its own between
        cycles (a stateless universe and risk layer, no adaptation, no protective stops to
        keep). The runner still checks the account is idle before each sleep."""
        return (
            self.requirements.triggers is not None
            and self.universe.stateless
            and self.risk.stateless
            and self.adaptation is None
            and self.protective_stop.bps is None
        )

    def indicators(self, frame: Frame) -> Mapping[str, Sequence[Any]]:
        """The strategy's indicator columns over ``frame``'s candles."""
        return self.strategy.indicators(frame, self.params)


__all__ = ["Adaptation", "Adapted", "Profile"]
