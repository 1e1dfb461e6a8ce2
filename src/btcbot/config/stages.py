"""One settings model per profile (``--stage 3|4|7``), each holding only its own knobs.

``to_params(common)`` builds the kernel's frozen parameter object. Legacy names are declared
per class: field aliases (same knob), ``REFUSED`` (meant something else: loading fails) and
``RETIRED`` (no effect: a warning). Safety limits without an equivalent are refused, never
retired, so no operator believes a limit is applied when it is not.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Annotated, ClassVar, Literal, Self

from pydantic import AfterValidator, AliasChoices, BeforeValidator, Field, model_validator
from pydantic_settings import NoDecode

from btcbot.config.base import parse_pairs, parse_weights, split_csv
from btcbot.config.common import CommonSettings
from btcbot.config.knobs import (
    LifecycleKnobs,
    OptionalLimit,
    ProfitAwareKnobs,
    ProtectiveStopKnobs,
    ReplacingLifecycleKnobs,
    RiskLimitKnobs,
)
from btcbot.config.params import (
    BPS_MAX,
    DEFAULT_WARN_CODES,
    AdaptationParams,
    AnomalyParams,
    DegradeParams,
    LossStopParams,
    PortfolioParams,
    Profile3Params,
    Profile4Params,
    Profile7Params,
    RiskBudgetParams,
    UniverseParams,
)
from btcbot.config.validators import Currency
from btcbot.domain.money import to_decimal

D = Decimal
Pairs = Annotated[tuple[str, ...], NoDecode, BeforeValidator(parse_pairs)]


def _check_targets(targets: tuple[tuple[str, Decimal], ...]) -> tuple[tuple[str, Decimal], ...]:
    """Target weights are shares of the investable equity: each 0 to 1, a pair once, at most
    1 together (a target is weight x investable: 60 would mean 60 times all of it)."""
    seen: set[str] = set()
    for position, (pair, weight) in enumerate(targets, 1):
        if not D(0) <= weight <= D(1):
            raise ValueError(
                f"entry {position}: a weight is a share of investable equity, 0 to 1 "
                "(e.g. BTC_TRY:0.6,ETH_TRY:0.4)"
            )
        if pair in seen:
            raise ValueError(f"entry {position} names {pair} again: list a pair once")
        seen.add(pair)
    total = sum((weight for _, weight in targets), D(0))
    if total > 1:
        raise ValueError(
            f"the weights add up to {total}: they are shares of investable equity, at most 1 "
            "together (write 0.6, not 60)"
        )
    return targets


Weights = Annotated[
    tuple[tuple[str, Decimal], ...],
    NoDecode,
    BeforeValidator(parse_weights),
    AfterValidator(_check_targets),
]
_ANOMALY_CODES = frozenset(
    {
        "STALE_MARKET_DATA",
        "SPREAD_SPIKE",
        "PRICE_JUMP",
        "ORDER_REJECT_SPIKE",
        "EXCHANGE_LATENCY_SPIKE",
        "CURSOR_STALL",
        "CLOCK_SKEW",
        "PNL_DIVERGENCE",
    }
)


def _parse_warn_codes(value: object) -> object:
    parts = split_csv(value)
    if not isinstance(parts, tuple):
        return parts
    codes = tuple(str(part).upper() for part in parts)
    unknown = sorted(set(codes) - _ANOMALY_CODES)
    if unknown:
        known = ", ".join(sorted(_ANOMALY_CODES))
        raise ValueError(f"unknown anomaly code(s) {', '.join(unknown)}; known: {known}")
    return codes


WarnCodes = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_parse_warn_codes)]
_DRAWDOWN_IN_BPS = "drawdown is always basis points of peak equity: set MAX_DRAWDOWN_BPS"


class Stage3Settings(RiskLimitKnobs, ProfitAwareKnobs, LifecycleKnobs, ProtectiveStopKnobs):
    """Profile 3: ProfitAwareStrategyV1, RiskPolicy caps, TTL cancel."""

    RETIRED: ClassVar[dict[str, str]] = {
        "SPOT_SELL_REQUIRES_INVENTORY": "a spot sell never exceeds the holding",
    }

    def to_params(self, common: CommonSettings) -> Profile3Params:
        return Profile3Params(
            limits=self.risk_limits(common),
            strategy=self.profit_aware(),
            lifecycle=self.lifecycle(),
            protective_stop=self.protective_stop(),
            reject_cooldown=self.reject_cooldown(),
        )


class Stage4Settings(
    RiskLimitKnobs, ProfitAwareKnobs, ReplacingLifecycleKnobs, ProtectiveStopKnobs
):
    """Profile 4: profile 3 plus lifecycle, anomalies, degrade levels and loss stops."""

    CONVERTED: ClassVar[Mapping[str, tuple[str, Callable[[str], Decimal]]]] = {
        # the predecessor's stage-4 drawdown stop in percent: 10 % = 1000 bps
        "MAX_DRAWDOWN_PCT": ("max_drawdown_bps", lambda text: to_decimal(text) * 100),
    }

    REFUSED: ClassVar[dict[str, str]] = {
        "MAX_OPEN_ORDERS": "it capped open orders across all symbols; btcbot caps them per "
        "symbol: set MAX_OPEN_ORDERS_PER_SYMBOL",
        "RISK_MAX_DRAWDOWN_TRY": f"it was a TRY amount; {_DRAWDOWN_IN_BPS}",
        "RISK_MAX_GROSS_EXPOSURE_TRY": "no gross-exposure cap exists; exposure is capped per "
        "symbol by MAX_POSITION_TRY_PER_SYMBOL",
        "RISK_MAX_POSITION_PCT": "no percent-of-equity cap exists; set MAX_POSITION_TRY_PER_SYMBOL",
        "RISK_MAX_FEE_TRY_PER_DAY": "profile 4 has no fee budget (profile 7: FEE_BURN_LIMIT_TRY)",
        "REPLACE_INFLIGHT_BUDGET_PER_SYMBOL_TRY": "replacements count against "
        "MAX_POSITION_TRY_PER_SYMBOL instead",
    }
    RETIRED: ClassVar[dict[str, str]] = {
        "STAGE4_USE_PLANNING_KERNEL": "every profile runs the planning kernel",
        "STAGE4_BOOTSTRAP_INTENTS": "entries come from the strategy only",
        "STAGE4_UNKNOWN_FREEZE_ENABLED": "the unknown-order freeze is always on",
    }

    max_notional_per_order_try: OptionalLimit = Field(
        None,
        ge=0,
        validation_alias=AliasChoices("max_notional_per_order_try", "risk_max_order_notional_try"),
        description="Default empty (no per-order cap; NOTIONAL_CAP_TRY_PER_CYCLE bounds each "
        "order): larger orders are shrunk to this notional; 0 allows no order.",
    )
    max_position_try_per_symbol: Decimal = Field(
        D(5000),
        ge=0,
        validation_alias=AliasChoices("max_position_try_per_symbol", "max_position_notional_try"),
        description="Default 5000: position at mid plus open buys per symbol.",
    )
    fee_bps_taker: Decimal = Field(
        D(15),
        ge=0,
        le=BPS_MAX,
        description="Default 15: taker fee assumed when a take-profit must cover selling costs.",
    )
    slippage_bps_buffer: Decimal = Field(
        D(10),
        ge=0,
        le=BPS_MAX,
        description="Default 10: slippage allowance added to the sell threshold.",
    )

    @model_validator(mode="after")
    def _sell_buffer_in_range(self) -> Self:
        if self.fee_bps_taker + self.slippage_bps_buffer > BPS_MAX:
            raise ValueError(
                f"FEE_BPS_TAKER + SLIPPAGE_BPS_BUFFER must be at most {BPS_MAX} bps together "
                f"(they are {self.fee_bps_taker} + {self.slippage_bps_buffer}): lower one of them"
            )
        return self

    max_daily_loss_try: Decimal = Field(
        D(1000),
        ge=0,
        validation_alias=AliasChoices("max_daily_loss_try", "risk_max_daily_drawdown_try"),
        description="Default 1000: equity down this much since the UTC day began -> OBSERVE_ONLY.",
    )
    max_drawdown_bps: Decimal = Field(
        D(1000),
        gt=0,
        description="Default 1000 (the predecessor's 10 %): equity this far below its peak -> "
        "OBSERVE_ONLY.",
    )
    stale_market_data_seconds: int = Field(
        30, gt=0, description="Default 30: data older than this raises a STALE warning."
    )
    anomaly_spread_spike_bps: Decimal = Field(
        D(300), gt=0, description="Default 300: a spread this wide raises a warning."
    )
    anomaly_price_jump_bps: Decimal = Field(
        D(500), gt=0, description="Default 500: a mid move this large between cycles warns."
    )
    order_reject_spike_threshold: int = Field(
        3, ge=1, description="Default 3: rejects in the previous cycle that raise a warning."
    )
    exchange_error_streak: int = Field(
        3,
        ge=1,
        description="Default 3: consecutive exchange errors that mark the exchange degraded "
        "(level 3, observe only).",
    )
    degrade_warn_window_cycles: int = Field(
        10, ge=1, description="Default 10: recent cycles whose warnings are summed."
    )
    degrade_warn_threshold: int = Field(
        3, ge=1, description="Default 3: warnings for level 1; twice as many for level 2."
    )
    degrade_warn_codes_csv: WarnCodes = Field(
        DEFAULT_WARN_CODES,
        description="Default STALE_MARKET_DATA,ORDER_REJECT_SPIKE,PNL_DIVERGENCE,SPREAD_SPIKE,"
        "PRICE_JUMP: the WARN anomalies that count toward a degrade level (the others are "
        "reported only); empty = all.",
    )
    degrade_reduced_levels_buy: bool = Field(
        False,
        description="Default false: degrade levels 1 and 2 are REDUCE_RISK_ONLY (no buys). "
        "True keeps buying there at x0.50 / x0.25 size on the first 8 / 4 symbols.",
    )
    latency_spike_ms: int = Field(
        2000, gt=0, description="Default 2000: a cycle this slow raises EXCHANGE_LATENCY_SPIKE."
    )
    cursor_stall_cycles: int = Field(
        5,
        ge=1,
        description="Default 5: live runs; a symbol whose newest booked fill has not moved "
        "for this many cycles raises CURSOR_STALL.",
    )
    clock_skew_seconds_threshold: int = Field(
        30,
        gt=0,
        description="Default 30: the exchange clock this far from ours raises CLOCK_SKEW.",
    )
    pnl_divergence_try_warn: Decimal = Field(
        D(50),
        gt=0,
        description="Default 50: exchange PnL and ledger PnL this far apart -> PNL_DIVERGENCE "
        "warning.",
    )
    pnl_divergence_try_error: Decimal = Field(
        D(200),
        gt=0,
        description="Default 200: this far apart -> PNL_DIVERGENCE error (degrade level 3).",
    )

    def to_params(self, common: CommonSettings) -> Profile4Params:
        return Profile4Params(
            limits=self.risk_limits(common),
            strategy=self.profit_aware(self.fee_bps_taker + self.slippage_bps_buffer),
            lifecycle=self.lifecycle(),
            anomalies=AnomalyParams(
                stale_after_ms=self.stale_market_data_seconds * 1000,
                spread_spike_bps=self.anomaly_spread_spike_bps,
                price_jump_bps=self.anomaly_price_jump_bps,
                reject_spike_count=self.order_reject_spike_threshold,
                exchange_error_streak=self.exchange_error_streak,
                latency_spike_ms=self.latency_spike_ms,
                cursor_stall_cycles=self.cursor_stall_cycles,
                clock_skew_ms=self.clock_skew_seconds_threshold * 1000,
                pnl_divergence_warn=self.pnl_divergence_try_warn,
                pnl_divergence_error=self.pnl_divergence_try_error,
            ),
            degrade=DegradeParams(
                warn_window_cycles=self.degrade_warn_window_cycles,
                warn_threshold=self.degrade_warn_threshold,
                warn_codes=self.degrade_warn_codes_csv,
                reduced_levels_buy=self.degrade_reduced_levels_buy,
            ),
            stops=LossStopParams(
                max_daily_loss=self.max_daily_loss_try, max_drawdown_bps=self.max_drawdown_bps
            ),
            protective_stop=self.protective_stop(),
            reject_cooldown=self.reject_cooldown(),
        )


ScoreWeights = dict[Literal["liquidity", "spread", "volatility"], Decimal]


def _parse_json_weights(value: object) -> object:
    return json.loads(value, parse_float=Decimal) if isinstance(value, str) else value


class Stage7Settings(RiskLimitKnobs, ReplacingLifecycleKnobs, ProtectiveStopKnobs):
    """Profile 7: universe selection, portfolio targets, risk budget, bounded adaptation."""

    RETIRED: ClassVar[dict[str, str]] = {
        "STAGE7_MAX_DRAWDOWN_PCT": "it only raised an alert flag; the drawdown alert is the "
        "Prometheus rule in deploy/prometheus/alerts.yml and the risk budget uses "
        "MAX_DRAWDOWN_BPS (0.25 = 2500)",
        "STAGE7_ENABLED": "select the profile with --stage 7",
        "STAGE7_USE_PLANNING_KERNEL": "every profile runs the planning kernel",
    }

    max_notional_per_order_try: OptionalLimit = Field(
        D(3000),
        ge=0,
        validation_alias=AliasChoices("max_notional_per_order_try", "max_order_notional_try"),
        description="Default 3000: larger orders are shrunk to this notional; empty: no "
        "per-order cap; 0 allows no order.",
    )
    max_position_try_per_symbol: Decimal = Field(
        D(8000),
        ge=0,
        validation_alias=AliasChoices("max_position_try_per_symbol", "max_symbol_exposure_try"),
        description="Default 8000: position at mid plus open buys per symbol.",
    )
    stage7_universe_size: int = Field(
        20, ge=0, description="Default 20: symbols kept after ranking."
    )
    stage7_universe_quote_ccy: Currency = Field(
        "TRY", description="Default TRY: only pairs quoted in it are candidates."
    )
    stage7_universe_whitelist: Pairs = Field(
        (), description="Default empty: when set, only these pairs (CSV) are candidates."
    )
    stage7_universe_blacklist: Pairs = Field(
        (), description="Default empty: these pairs (CSV) are never selected."
    )
    stage7_min_quote_volume_try: Decimal = Field(
        D(0), ge=0, description="Default 0: minimum 24 h quote volume of a candidate."
    )
    stage7_max_spread_bps: Decimal = Field(
        D(1_000_000), gt=0, description="Default 1000000 (off): widest spread of a candidate."
    )
    stage7_vol_lookback: int = Field(
        20, ge=2, description="Default 20: candles whose returns give the volatility score."
    )
    stage7_score_weights: Annotated[
        ScoreWeights, NoDecode, BeforeValidator(_parse_json_weights)
    ] = Field(
        default_factory=dict,
        description='Default {"liquidity":0.5,"spread":0.3,"volatility":0.2}: JSON ranking '
        "weights, normalised to sum 1; missing keys keep their default.",
    )
    portfolio_targets: Weights = Field(
        (),
        description="Default empty (equal weights over the universe): CSV of PAIR:WEIGHT, e.g. "
        "BTC_TRY:0.6,ETH_TRY:0.4: shares of the investable equity, each pair once, at most 1 "
        "together.",
    )
    stage7_order_offset_bps: Decimal = Field(
        D(5), ge=0, le=BPS_MAX, description="Default 5: BUY at mid + offset, SELL at mid - offset."
    )
    daily_loss_limit_try: Decimal = Field(
        D(500),
        ge=0,
        validation_alias=AliasChoices("daily_loss_limit_try", "stage7_max_daily_loss_try"),
        description="Default 500: day's loss -> REDUCE_RISK_ONLY.",
    )
    max_drawdown_bps: Decimal = Field(
        D(2500), gt=0, description="Default 2500: drawdown from peak -> REDUCE_RISK_ONLY."
    )
    fee_burn_limit_try: Decimal = Field(
        D(150), ge=0, description="Default 150: fees paid today -> REDUCE_RISK_ONLY."
    )
    high_vol_threshold_bps: Decimal = Field(
        D(250),
        gt=0,
        description="Default 250: a universe spread >= 2x this -> REDUCE_RISK_ONLY.",
    )
    stage7_max_data_age_sec: int = Field(
        60, gt=0, description="Default 60: a selected symbol with older data -> OBSERVE_ONLY."
    )
    risk_cooldown_sec: int = Field(
        900,
        ge=0,
        validation_alias=AliasChoices("risk_cooldown_sec", "stage7_risk_cooldown_sec"),
        description="Default 900: a worse risk mode is held at least this long.",
    )
    exchange_error_streak: int = Field(
        3,
        ge=1,
        description="Default 3: consecutive exchange errors -> OBSERVE_ONLY.",
    )
    stage7_reject_spike_threshold: int = Field(
        3, ge=1, description="Default 3: rejects in a cycle that make adaptation back off."
    )
    stage7_adaptation_enabled: bool = Field(
        True,
        description="Default true: bounded parameter adaptation (at most 3 changes per "
        "evaluation, rolled back to the last checkpoint on a drawdown) in live and dry runs.",
    )
    stage7_adaptation_every_cycles: int = Field(
        20, ge=5, description="Default 20: cycles between adaptation evaluations (the window)."
    )
    stage7_universe_governance_probation_cycles: int = Field(
        1,
        ge=1,
        description="Default 1: cycles a newcomer must rank in the universe before it joins "
        "(1 = at once).",
    )
    stage7_universe_governance_cooldown_sec: int = Field(
        21_600,
        ge=0,
        description="Default 21600: a symbol that left the universe may not rejoin sooner.",
    )
    stage7_universe_governance_max_churn_per_day: int = Field(
        4,
        ge=0,
        description="Default 4: universe additions + removals per 24 h; a change beyond it "
        "keeps the previous universe.",
    )

    @model_validator(mode="after")
    def _pairs_in_the_universe_quote(self) -> Self:
        """Only pairs quoted in STAGE7_UNIVERSE_QUOTE_CCY are candidates: a whitelisted or
        targeted pair of another quote could never be selected, so nothing would trade."""
        quote = self.stage7_universe_quote_ccy.upper()
        for name, pairs in (
            ("STAGE7_UNIVERSE_WHITELIST", self.stage7_universe_whitelist),
            ("PORTFOLIO_TARGETS", tuple(pair for pair, _ in self.portfolio_targets)),
        ):
            for position, pair in enumerate(pairs, 1):
                if not pair.endswith(quote):
                    raise ValueError(
                        f"{name}: entry {position} ({pair}) is not quoted in "
                        f"STAGE7_UNIVERSE_QUOTE_CCY={quote}, so it can never be selected: list "
                        f"{quote} pairs only, or set STAGE7_UNIVERSE_QUOTE_CCY"
                    )
        return self

    def to_params(self, common: CommonSettings) -> Profile7Params:
        return Profile7Params(
            limits=self.risk_limits(common),
            lifecycle=self.lifecycle(),
            universe=self._universe(),
            portfolio=PortfolioParams(
                targets=self.portfolio_targets, order_offset_bps=self.stage7_order_offset_bps
            ),
            budget=RiskBudgetParams(
                daily_loss_limit=self.daily_loss_limit_try,
                max_drawdown_bps=self.max_drawdown_bps,
                fee_burn_limit=self.fee_burn_limit_try,
                high_vol_bps=self.high_vol_threshold_bps,
                stale_data_ms=self.stage7_max_data_age_sec * 1000,
                cooldown_seconds=self.risk_cooldown_sec,
                exchange_error_streak=self.exchange_error_streak,
            ),
            adaptation=AdaptationParams(
                enabled=self.stage7_adaptation_enabled,
                every_cycles=self.stage7_adaptation_every_cycles,
                reject_spike=self.stage7_reject_spike_threshold,
            ),
            protective_stop=self.protective_stop(),
            reject_cooldown=self.reject_cooldown(),
        )

    def _universe(self) -> UniverseParams:
        defaults = UniverseParams()
        weights = self.stage7_score_weights
        return UniverseParams(
            size=self.stage7_universe_size,
            quote=self.stage7_universe_quote_ccy.upper(),
            whitelist=self.stage7_universe_whitelist,
            blacklist=self.stage7_universe_blacklist,
            min_quote_volume=self.stage7_min_quote_volume_try,
            max_spread_bps=self.stage7_max_spread_bps,
            vol_lookback=self.stage7_vol_lookback,
            probation_cycles=self.stage7_universe_governance_probation_cycles,
            cooldown_seconds=self.stage7_universe_governance_cooldown_sec,
            max_churn_per_day=self.stage7_universe_governance_max_churn_per_day,
            weight_liquidity=weights.get("liquidity", defaults.weight_liquidity),
            weight_spread=weights.get("spread", defaults.weight_spread),
            weight_volatility=weights.get("volatility", defaults.weight_volatility),
        )


StageSettings = Stage3Settings | Stage4Settings | Stage7Settings
STAGE_MODELS: dict[int, type[StageSettings]] = {
    3: Stage3Settings,
    4: Stage4Settings,
    7: Stage7Settings,
}
