"""btcbot's own strategies, implementing :class:`~btcbot.strategy.api.Strategy` like any other.

=================  ====================================================  ==============
name               what it decides                                       risk layer
=================  ====================================================  ==============
``profit-aware``   take profit above average cost, bounded entries       ``none`` (3) /
                   (:mod:`btcbot.strategy.profit_aware`)                 ``degrade`` (4)
``portfolio``      target weights over a ranked universe, sells first    ``budget`` (7)
                   (:mod:`btcbot.strategy.portfolio`,
                   :mod:`btcbot.strategy.order_builder`)
=================  ====================================================  ==============

Each is built from its typed parameters (the settings' values); ``parameters`` declares the
same values as tunable parameters (their defaults are the values it was built with), and
:meth:`configured` returns a copy with validated overrides (``--param``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from btcbot.config.params import (
    BPS_MAX,
    ENTRY_BUDGET_MAX,
    SELL_FRACTION_MIN,
    PortfolioParams,
    ProfitAwareParams,
    RiskLimits,
)
from btcbot.decision.frames import Frame
from btcbot.decision.intents import Intent
from btcbot.strategy import order_builder, portfolio
from btcbot.strategy.api import DataKind, Requirements, RiskLayerName
from btcbot.strategy.parameters import DecimalParam, Param, Params
from btcbot.strategy.profit_aware import profit_aware_intents
from btcbot.strategy.view import StrategyView

D = Decimal


@dataclass(frozen=True, slots=True)
class ProfitAware:
    """ProfitAwareStrategyV1 over the run's symbols (profiles 3 and 4)."""

    params: ProfitAwareParams
    risk_layer: RiskLayerName = "none"
    name = "profit-aware"

    @property
    def parameters(self) -> Mapping[str, Param]:
        p = self.params
        return {
            "min_profit_bps": DecimalParam(p.min_profit_bps, D(0), BPS_MAX, help="MIN_PROFIT_BPS"),
            "sell_cost_buffer_bps": DecimalParam(
                p.sell_cost_buffer_bps, D(0), BPS_MAX, help="FEE_BPS_TAKER + SLIPPAGE_BPS_BUFFER"
            ),
            "sell_fraction": DecimalParam(
                p.sell_fraction, SELL_FRACTION_MIN, D(1), help="TAKE_PROFIT_FRACTION"
            ),
            "entry_budget": DecimalParam(
                p.entry_budget, D(0), ENTRY_BUDGET_MAX, help="ENTRY_NOTIONAL_TRY"
            ),
            "max_entry_spread_bps": DecimalParam(
                p.max_entry_spread_bps, D(0), BPS_MAX, help="MAX_ENTRY_SPREAD_BPS"
            ),
            "offset_bps": DecimalParam(p.offset_bps, D(0), BPS_MAX, help="OFFSET_BPS"),
        }

    def configured(self, values: Params) -> ProfitAware:
        return replace(self, params=replace(self.params, **values))  # type: ignore[arg-type]

    def requirements(self, params: Params) -> Requirements:
        return Requirements(risk_layer=self.risk_layer)

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        return {}

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        return profit_aware_intents(
            view.symbols, view.positions, view.market, view.account, self.params, view.log
        )


@dataclass(frozen=True, slots=True)
class Portfolio:
    """Target weights over profile 7's ranked universe, through the order builder."""

    params: PortfolioParams
    limits: RiskLimits
    """Position cap and turnover cap the rebalance sizes within."""
    requirements_: Requirements
    name = "portfolio"

    @property
    def parameters(self) -> Mapping[str, Param]:
        return {
            "order_offset_bps": DecimalParam(
                self.params.order_offset_bps, D(0), BPS_MAX, help="STAGE7_ORDER_OFFSET_BPS"
            )
        }

    def configured(self, values: Params) -> Portfolio:
        return replace(self, params=replace(self.params, **values))  # type: ignore[arg-type]

    def requirements(self, params: Params) -> Requirements:
        return self.requirements_

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        return {}

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        snap, market, account, log = view.snapshot, view.market, view.account, view.log
        weights = portfolio.target_weights(view.symbols, self.params)
        view.report_targets(weights)
        moves = portfolio.rebalance(weights, snap, market, account, self.limits, log)
        return order_builder.build_intents(
            moves, market, snap.rules, account, self.params, self.limits, log
        )


def portfolio_requirements(universe_params: Any, vol_lookback: int) -> Requirements:
    """The portfolio's needs: books of its ranked universe and ``vol_lookback + 1`` hourly
    candles to rank volatility (no warm-up gate: a missing volatility only scores low)."""
    return Requirements(
        universe=universe_params,
        data=frozenset({DataKind.BOOKS, DataKind.CANDLES}),
        timeframe=None,  # ranks volatility on whatever candles the venue has
        history_bars=vol_lookback + 1,
        risk_layer="budget",
    )


__all__ = ["Portfolio", "ProfitAware", "portfolio_requirements"]
