"""Profiles from settings: the three built-ins (``--stage 3|4|7``) and a strategy of the
operator's (``--strategy``), the one place that knows which parts each is made of.

=====  =========================  =======================  ==================  ============
stage  strategy                   universe                 risk layer          adapts
=====  =========================  =======================  ==================  ============
3      ``profit-aware``           fixed (``SYMBOLS``)      ``none``            no
4      ``profit-aware``           fixed (``SYMBOLS``)      ``degrade``         no
7      ``portfolio``              ranked, governed         ``budget``          yes (bounded)
=====  =========================  =======================  ==================  ============

Another strategy runs in the kernel configuration of the stage its risk layer belongs to
(``none`` -> 3, ``degrade`` -> 4, ``budget`` -> 7): that stage's limits, lifecycle, protective
stops, reject cooldown and risk-layer knobs, with the strategy's own universe, parameters and
decisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from btcbot.config.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
    ProfitAwareParams,
    RiskBudgetParams,
)
from btcbot.kernel import adaptation
from btcbot.kernel.profile import Adapted, Profile
from btcbot.risk.layers import DegradeLevels, GatesOnly, RiskBudget, RiskLayer
from btcbot.strategy.api import Requirements, RiskLayerName, Strategy
from btcbot.strategy.builtin import Portfolio, ProfitAware, portfolio_requirements
from btcbot.strategy.parameters import Params, resolve_parameters
from btcbot.strategy.universes import FixedUniverse, RankedUniverse, UniverseRule

STAGE_OF_RISK_LAYER: Mapping[RiskLayerName, int] = {"none": 3, "degrade": 4, "budget": 7}
"""The settings profile whose knobs configure a strategy's kernel and risk layer."""

BUILTIN_STRATEGIES: Mapping[str, tuple[RiskLayerName, ...]] = {
    "profit-aware": ("none", "degrade"),
    "portfolio": ("budget",),
}
"""Built-in strategies reachable by name (``--strategy profit-aware``) and the risk layers
they run with (the first is the default)."""


def builtin_profile(
    params: ProfileParams, overrides: Mapping[str, object] | None = None
) -> Profile:
    """The profile ``--stage N`` runs, from its settings' parameters; ``overrides`` are
    values for its strategy's declared parameters (validated: ``ParameterError``)."""
    given = dict(overrides or {})
    match params:
        case Profile7Params():
            strategy = Portfolio(params.portfolio, params.limits, _portfolio_needs(params))
            values = resolve_parameters(strategy.parameters, given)
            portfolio = replace(params.portfolio, **values)  # type: ignore[arg-type]
            return _portfolio_profile(replace(params, portfolio=portfolio))
        case Profile4Params():
            return _profit_aware_profile(params, params.strategy, "degrade", given)
        case Profile3Params():
            return _profit_aware_profile(params, params.strategy, "none", given)


def strategy_profile(
    strategy: Strategy, name: str, given: Mapping[str, object], host: ProfileParams
) -> Profile:
    """``strategy`` with ``given`` parameter values (validated; ``ParameterError`` names the
    one that does not fit) in ``host``'s kernel configuration."""
    values = resolve_parameters(strategy.parameters, given)
    needs = strategy.requirements(values)
    universe: UniverseRule = FixedUniverse()
    if needs.universe is not None:
        universe = RankedUniverse(needs.universe, _freeze_thresholds(host))
    return _kernel_part(host, strategy, universe, name=name, params=values, needs=needs)


def _profit_aware_profile(
    host: ProfileParams,
    typed: ProfitAwareParams,
    layer: RiskLayerName,
    given: Mapping[str, object],
) -> Profile:
    strategy = ProfitAware(typed, layer)
    values = resolve_parameters(strategy.parameters, given)
    strategy = strategy.configured(values)
    profile = _kernel_part(host, strategy, FixedUniverse(), name=strategy.name, params=values)
    return replace(profile, size_caps={"ENTRY_NOTIONAL_TRY": strategy.params.entry_budget})


def _kernel_part(
    host: ProfileParams,
    strategy: Strategy,
    universe: UniverseRule,
    *,
    name: str,
    params: Params,
    needs: Requirements | None = None,
) -> Profile:
    return Profile(
        name=name,
        strategy=strategy,
        params=params,
        requirements=needs if needs is not None else strategy.requirements(params),
        universe=universe,
        risk=_risk_layer(host),
        limits=host.limits,
        lifecycle=host.lifecycle,
        protective_stop=host.protective_stop,
        reject_cooldown=host.reject_cooldown,
        freeze_on_unknown_orders=host.freeze_on_unknown_orders,
        stage=host.stage,
    )


def _risk_layer(host: ProfileParams) -> RiskLayer:
    match host:
        case Profile7Params():
            return RiskBudget(host.budget)
        case Profile4Params():
            return DegradeLevels(host.anomalies, host.degrade, host.stops)
        case Profile3Params():
            return GatesOnly()


def _freeze_thresholds(host: ProfileParams) -> RiskBudgetParams:
    """What freezes a ranked universe: the host's risk budget, else its defaults."""
    match host:
        case Profile7Params():
            return host.budget
        case _:
            return RiskBudgetParams()


def _portfolio_needs(params: Profile7Params) -> Requirements:
    return portfolio_requirements(params.universe, params.universe.vol_lookback)


def _portfolio_profile(params: Profile7Params) -> Profile:
    strategy = Portfolio(params.portfolio, params.limits, _portfolio_needs(params))
    values = resolve_parameters(strategy.parameters, {})
    universe = RankedUniverse(params.universe, params.budget)
    profile = _kernel_part(params, strategy, universe, name=strategy.name, params=values)
    adapts = _PortfolioAdaptation(params) if params.adaptation.enabled else None
    return replace(profile, params_version=params.params_version, adaptation=adapts)


@dataclass(frozen=True, slots=True)
class _PortfolioAdaptation:
    """Profile 7's bounded adaptation (:mod:`btcbot.kernel.adaptation`) over its parameters."""

    params: Profile7Params

    @property
    def every_cycles(self) -> int:
        return self.params.adaptation.every_cycles

    def overlay(self) -> dict[str, Any]:
        return adaptation.overlay_of(self.params)

    def restored(self, overlay: Mapping[str, Any]) -> Profile:
        return _portfolio_profile(adaptation.apply_overlay(self.params, overlay))

    def adapt(
        self, window: Sequence[adaptation.CycleMetrics], checkpoint: Mapping[str, Any] | None
    ) -> Adapted:
        before = None if checkpoint is None else adaptation.apply_overlay(self.params, checkpoint)
        result = adaptation.adapt(window, self.params, before)
        changes = tuple((c.field, c.old, c.new, c.reason) for c in result.changes)
        return Adapted(_portfolio_profile(result.params), changes, result.rolled_back)


__all__ = [
    "BUILTIN_STRATEGIES",
    "STAGE_OF_RISK_LAYER",
    "builtin_profile",
    "strategy_profile",
]
