"""Knob groups shared by several profiles (each profile model inherits the groups it uses).

Canonical env names are shared across profiles for one concept (``MAX_ORDERS_PER_CYCLE`` is
the same knob in every profile); legacy aliases are declared only on the profile whose
predecessor stage used them, so a stage-7 name never configures profile 3.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Self

from pydantic import BeforeValidator, Field, model_validator

from btcbot.config.base import BtcbotSettings, empty_is_none
from btcbot.config.common import CommonSettings
from btcbot.config.params import (
    BPS_MAX,
    ENTRY_BUDGET_MAX,
    SELL_FRACTION_MIN,
    LifecycleParams,
    ProfitAwareParams,
    ProtectiveStopParams,
    RejectCooldownParams,
    RiskLimits,
)
from btcbot.domain.money import ZERO

D = Decimal
OptionalLimit = Annotated[Decimal | None, BeforeValidator(empty_is_none)]


class RiskLimitKnobs(BtcbotSettings):
    """Per-cycle risk limits (:class:`btcbot.config.params.RiskLimits`)."""

    max_orders_per_cycle: int = Field(
        2, ge=0, description="Default 2: new submits per cycle; later intents are dropped."
    )
    max_open_orders_per_symbol: int = Field(
        1, ge=0, description="Default 1: our live orders per symbol before new ones block."
    )
    cooldown_seconds: int = Field(
        60, ge=0, description="Default 60: minimum gap between submits on one (symbol, side)."
    )
    notional_cap_try_per_cycle: Decimal = Field(
        D(1000),
        ge=0,
        description="Default 1000: total notional submitted per cycle (profile 7: turnover cap).",
    )
    max_notional_per_order_try: OptionalLimit = Field(
        None,
        ge=0,
        description="Default empty (no per-order cap; NOTIONAL_CAP_TRY_PER_CYCLE bounds each "
        "order): larger orders are shrunk to this notional; 0 allows no order.",
    )
    max_position_try_per_symbol: Decimal = Field(
        D(5000),
        ge=0,
        description="Default 5000: position at mid plus open buys per symbol; buys beyond shrink.",
    )
    try_cash_target: Decimal = Field(
        D(300), ge=0, description="Default 300: TRY kept free; buys spend only what is above it."
    )
    try_cash_max: Decimal = Field(
        D(600),
        ge=0,
        description="Default 600: upper bound of the reserve (reserve = min(target, max)).",
    )
    min_order_notional_try: Decimal = Field(
        D(10),
        ge=0,
        description="Default 10: our notional floor; the exchange minimum applies as well.",
    )

    reject1123_enforce_execution_gate: bool = Field(
        True,
        description="Default true: a symbol the exchange refused REJECT1123_THRESHOLD times "
        "with FAILED_ORDER_WITH_OPEN_ORDERS gets no new submits for a cooldown.",
    )
    reject1123_window_minutes: int = Field(
        60, gt=0, description="Default 60: window in which those rejects are counted."
    )
    reject1123_threshold: int = Field(
        3, ge=1, description="Default 3: rejects within the window that start a cooldown."
    )
    reject1123_cooldown_minutes: int = Field(
        240, gt=0, description="Default 240: how long the symbol cools down (kept on restart)."
    )

    @model_validator(mode="after")
    def _minimum_fits_the_caps(self) -> Self:
        """A minimum order above a notional cap (one that is not 0, which forbids orders on
        purpose) leaves no order size: every cycle would block every order, for ever."""
        floor = self.min_order_notional_try
        for name, cap in (
            ("MAX_NOTIONAL_PER_ORDER_TRY", self.max_notional_per_order_try),
            ("NOTIONAL_CAP_TRY_PER_CYCLE", self.notional_cap_try_per_cycle),
        ):
            if cap is not None and ZERO < cap < floor:
                raise ValueError(
                    f"MIN_ORDER_NOTIONAL_TRY ({floor}) is above {name} ({cap}): no order "
                    f"could ever be placed; lower MIN_ORDER_NOTIONAL_TRY or raise {name}"
                )
        return self

    def reject_cooldown(self) -> RejectCooldownParams:
        return RejectCooldownParams(
            enabled=self.reject1123_enforce_execution_gate,
            window_ms=self.reject1123_window_minutes * 60_000,
            threshold=self.reject1123_threshold,
            cooldown_ms=self.reject1123_cooldown_minutes * 60_000,
        )

    def risk_limits(self, common: CommonSettings) -> RiskLimits:
        return RiskLimits(
            max_orders_per_cycle=self.max_orders_per_cycle,
            max_open_orders_per_symbol=self.max_open_orders_per_symbol,
            cooldown_seconds=self.cooldown_seconds,
            notional_cap_per_cycle=self.notional_cap_try_per_cycle,
            max_notional_per_order=self.max_notional_per_order_try,
            max_position_per_symbol=self.max_position_try_per_symbol,
            cash_target=self.try_cash_target,
            cash_max=self.try_cash_max,
            min_order_notional=self.min_order_notional_try,
            max_data_age_ms=common.max_market_data_age_ms,
        )


class ProfitAwareKnobs(BtcbotSettings):
    """ProfitAwareStrategyV1 (profiles 3 and 4)."""

    min_profit_bps: Decimal = Field(
        D(30),
        ge=0,
        le=BPS_MAX,
        description="Default 30: take profit when bid >= average cost (buy fees included) "
        "x (1 + bps).",
    )
    offset_bps: Decimal = Field(
        D(20),
        ge=0,
        le=BPS_MAX,
        description="Default 20: price protection around mid for entries and take-profits.",
    )
    entry_notional_try: Decimal = Field(
        D(100),
        ge=0,
        le=ENTRY_BUDGET_MAX,
        description="Default 100 (predecessor hard-coded): entry size per flat symbol, "
        "allocated from investable cash.",
    )
    target_try: Decimal = Field(
        D(300),
        ge=0,
        description="Default 300 (the predecessor's TARGET_TRY): the position value per symbol "
        "the entries buy toward; an entry is never larger than it (entry = min of "
        "ENTRY_NOTIONAL_TRY and TARGET_TRY).",
    )
    take_profit_fraction: Decimal = Field(
        D("0.25"),
        ge=SELL_FRACTION_MIN,
        le=1,
        description="Default 0.25 (predecessor hard-coded): share of a position sold per "
        "take-profit.",
    )
    max_entry_spread_bps: Decimal = Field(
        D(100),
        ge=0,
        le=BPS_MAX,
        description="Default 100 (the predecessor's 1 %): no entry on a wider spread.",
    )

    def profit_aware(self, sell_cost_buffer_bps: Decimal = ZERO) -> ProfitAwareParams:
        return ProfitAwareParams(
            min_profit_bps=self.min_profit_bps,
            sell_cost_buffer_bps=sell_cost_buffer_bps,
            sell_fraction=self.take_profit_fraction,
            entry_budget=min(self.entry_notional_try, self.target_try),
            max_entry_spread_bps=self.max_entry_spread_bps,
            offset_bps=self.offset_bps,
        )


class LifecycleKnobs(BtcbotSettings):
    """Own-order lifecycle (TTL; drift only where the profile uses it)."""

    ttl_seconds: int = Field(
        120, gt=0, description="Default 120: an order at least this old is cancelled."
    )

    def lifecycle(self) -> LifecycleParams:
        return LifecycleParams(ttl_seconds=self.ttl_seconds)


class ReplacingLifecycleKnobs(LifecycleKnobs):
    """Profiles 4 and 7: drift cancel; the replacement follows once the cancel is proven."""

    order_drift_bps: Decimal = Field(
        D(25),
        gt=0,
        description="Default 25: an order this far from its symbol's mid is cancelled and "
        "replaced.",
    )

    def lifecycle(self) -> LifecycleParams:
        return LifecycleParams(
            ttl_seconds=self.ttl_seconds,
            drift_bps=self.order_drift_bps,
        )


class ProtectiveStopKnobs(BtcbotSettings):
    """Exchange-side protective stops (every profile: one knob, one meaning)."""

    protective_stop_bps: Decimal | None = Field(
        None,
        gt=0,
        lt=10_000,
        description="Default unset (off): keep every open position covered on the exchange by "
        "a stop-market sell this many bps below its average cost (buy fees included), for its "
        "full free quantity, so it is protected while the agent is down; e.g. 500 = 5 %. Off by "
        "default because a stop is a real order that sells on a dip.",
    )

    def protective_stop(self) -> ProtectiveStopParams:
        return ProtectiveStopParams(bps=self.protective_stop_bps)
