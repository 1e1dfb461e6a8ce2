"""Decision parameters: the kernel's frozen parameters, one model per profile, built from
sections by the settings models (:mod:`btcbot.config.stages`, :mod:`btcbot.config.knobs`).

Every field names its predecessor setting (``ENV_NAME``) and default. Amounts are in the
account currency (TRY) on every pair, whatever its quote currency (the kernel converts a
``BTC_USDT`` order through a fresh ``USDT_TRY`` rate); ratios are basis points (``bps``)
throughout — the predecessor mixed percent, ratio, bps and TRY for drawdown (G5); here a
drawdown is always ``*_bps`` of peak equity.
A section appears only in the profiles that use it, so a profile-7 knob cannot configure
profile 3. Field names are a contract with the settings loader: keep them stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ZERO_D = Decimal(0)

# Ranges of the built-in strategies' tunable parameters (btcbot.strategy.builtin declares them
# with these bounds) and of the settings that set them, so a setting out of range is refused
# when the settings load, naming the variable, not later as an anonymous parameter default.
BPS_MAX = Decimal(10_000)
"""Every basis-point knob of a built-in strategy: at most 10000 (100 %)."""
SELL_FRACTION_MIN = Decimal("0.0001")
"""TAKE_PROFIT_FRACTION: at least 0.0001 of a position (and at most 1)."""
ENTRY_BUDGET_MAX = Decimal(1_000_000_000)
"""ENTRY_NOTIONAL_TRY: at most 1e9 TRY."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskLimits:
    """Per-cycle limits applied by :mod:`btcbot.risk.policy` (all profiles)."""

    max_orders_per_cycle: int = 2
    """MAX_ORDERS_PER_CYCLE=2: new submits per cycle; later intents are dropped (CAP)."""
    max_open_orders_per_symbol: int = 1
    """MAX_OPEN_ORDERS_PER_SYMBOL=1: live orders of ours per symbol before new ones block."""
    cooldown_seconds: int = 60
    """COOLDOWN_SECONDS=60: minimum gap between two submits on the same (symbol, side)."""
    notional_cap_per_cycle: Decimal = Decimal(1000)
    """NOTIONAL_CAP_TRY_PER_CYCLE=1000: total notional (buys and sells) submitted per cycle;
    profile 7 calls this its turnover cap."""
    max_notional_per_order: Decimal | None = None
    """MAX_NOTIONAL_PER_ORDER_TRY (unset): larger orders are shrunk to it; None is no per-order
    cap, 0 allows no order (0 means zero for every limit)."""
    max_position_per_symbol: Decimal = Decimal(5000)
    """MAX_POSITION_TRY_PER_SYMBOL=5000 (profile 7: MAX_SYMBOL_EXPOSURE_TRY=8000): position at
    mid plus open buys may not exceed it; a buy that would is shrunk to fit."""
    cash_target: Decimal = Decimal(300)
    """TRY_CASH_TARGET=300: quote cash kept free; buys spend only what is above it."""
    cash_max: Decimal = Decimal(600)
    """TRY_CASH_MAX=600: upper bound of the reserve; as in the predecessor the reserve is
    ``min(cash_target, cash_max)``."""
    min_order_notional: Decimal = Decimal(10)
    """MIN_ORDER_NOTIONAL_TRY=10: our floor; the exchange's ``minExchangeValue`` also applies."""
    max_data_age_ms: int = 15_000
    """MAX_MARKET_DATA_AGE_MS=15000: a symbol with older (or unknown-age) data gets no new
    intents (fail closed). Unlike the predecessor's all-or-nothing check this is per symbol:
    one stale pair does not freeze the fresh ones."""

    def __post_init__(self) -> None:
        _check(self.max_orders_per_cycle >= 0, "max_orders_per_cycle must be >= 0")
        _check(self.max_open_orders_per_symbol >= 0, "max_open_orders_per_symbol must be >= 0")
        _check(self.cooldown_seconds >= 0, "cooldown_seconds must be >= 0")
        _check(self.cash_target >= 0 and self.cash_max >= 0, "cash bounds must be >= 0")
        _check(self.min_order_notional >= 0, "min_order_notional must be >= 0")
        _check(self.max_data_age_ms > 0, "max_data_age_ms must be > 0")

    @property
    def cash_reserve(self) -> Decimal:
        return min(self.cash_target, self.cash_max)


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectCooldownParams:
    """A symbol the exchange keeps refusing with FAILED_ORDER_WITH_OPEN_ORDERS (BTCTurk's
    insufficient-balance reply, error 1123) cools down: no new submits on it (all profiles)."""

    enabled: bool = True
    """REJECT1123_ENFORCE_EXECUTION_GATE=true."""
    window_ms: int = 3_600_000
    """REJECT1123_WINDOW_MINUTES=60: rejects are counted over this window ..."""
    threshold: int = 3
    """REJECT1123_THRESHOLD=3: ... and this many start a cooldown ..."""
    cooldown_ms: int = 14_400_000
    """REJECT1123_COOLDOWN_MINUTES=240: ... of this length."""

    def __post_init__(self) -> None:
        _check(self.window_ms > 0 and self.cooldown_ms > 0, "window and cooldown must be > 0")
        _check(self.threshold >= 1, "threshold must be >= 1")


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfitAwareParams:
    """ProfitAwareStrategyV1 (profiles 3 and 4); its hard-coded numbers made fields."""

    min_profit_bps: Decimal = Decimal(30)
    """MIN_PROFIT_BPS=30: take profit when bid >= average cost * (1 + bps)."""
    sell_cost_buffer_bps: Decimal = Decimal(0)
    """Added to ``min_profit_bps`` for the take-profit threshold. Profile 3 keeps the
    predecessor's 0; profile 4 uses 25 = FEE_BPS_TAKER 15 + SLIPPAGE_BPS_BUFFER 10, which the
    predecessor's stage-4 risk policy demanded of every sell (average cost already includes
    the buy fee, so only the selling costs are added)."""
    sell_fraction: Decimal = Decimal("0.25")
    """Hard-coded 0.25: share of the position sold per take-profit."""
    entry_budget: Decimal = Decimal(100)
    """Hard-coded 100 TRY: entry size per flat symbol, allocated from the investable cash
    (decremented across symbols within a cycle, unlike the predecessor)."""
    max_entry_spread_bps: Decimal = Decimal(100)
    """Hard-coded 1 %: no entry when (ask - bid) / bid exceeds it."""
    offset_bps: Decimal = Decimal(20)
    """OFFSET_BPS=20: price protection. Entries buy at ``min(ask, mid * (1 + offset))`` and
    take-profits sell at ``max(bid, mid * (1 - offset))``; with a spread up to twice the offset
    this is exactly the predecessor's ask/bid, wider books get a resting order instead of
    paying the whole spread. (The predecessor only fed it to a sweep whose result it threw
    away.)"""

    def __post_init__(self) -> None:
        _check(Decimal(0) < self.sell_fraction <= Decimal(1), "sell_fraction must be in (0, 1]")
        _check(self.entry_budget >= 0, "entry_budget must be >= 0")
        _check(self.offset_bps >= 0, "offset_bps must be >= 0")

    @property
    def take_profit_bps(self) -> Decimal:
        return self.min_profit_bps + self.sell_cost_buffer_bps


@dataclass(frozen=True, slots=True, kw_only=True)
class LifecycleParams:
    """What to do with our own live orders (TTL, drift, dedupe, replace)."""

    ttl_seconds: int = 120
    """TTL_SECONDS=120: an order at least this old is cancelled."""
    drift_bps: Decimal | None = None
    """Profile 4: 25 (the lifecycle planner's drift_bps). An order whose price is this far from
    its own symbol's mid is cancelled. ``None`` (profile 3) disables it: stage 3 only had TTL."""
    dedupe_price_bps: Decimal = Decimal(5)
    """An intent within 5 bps of a live order's price on the same symbol/side ..."""
    dedupe_quantity_ratio: Decimal = Decimal("0.01")
    """... and within 1 % of its remaining quantity is a duplicate and is not submitted.

    There is no same-cycle replace (the predecessor's profile 4 sent the replacement right
    after the cancel): every profile waits until the exchange proves the cancel, then plans
    the replacement from what is left (see :mod:`btcbot.strategy.lifecycle`)."""

    def __post_init__(self) -> None:
        _check(self.ttl_seconds > 0, "ttl_seconds must be > 0")
        _check(self.drift_bps is None or self.drift_bps > 0, "drift_bps must be > 0 or None")


@dataclass(frozen=True, slots=True, kw_only=True)
class AnomalyParams:
    """Anomaly detectors (profile 4) feeding the degrade levels."""

    stale_after_ms: int = 30_000
    """STALE_MARKET_DATA_SECONDS=30: WARN STALE_MARKET_DATA."""
    spread_spike_bps: Decimal = Decimal(300)
    """STAGE7_SPREAD_SPIKE_BPS=300 (the predecessor's only spread-spike number): WARN."""
    price_jump_bps: Decimal = Decimal(500)
    """New (no predecessor value): a mid moving >= 5 % between two cycles is a WARN."""
    reject_spike_count: int = 3
    """ORDER_REJECT_SPIKE at >= 3 rejects in the previous cycle: WARN."""
    exchange_error_streak: int = 3
    """KILL_CHAIN_MAX_CONSECUTIVE_ERRORS / BREAKER_429_CONSECUTIVE_THRESHOLD=3: consecutive
    exchange errors at which the exchange counts as degraded (ERROR -> level 3)."""
    latency_spike_ms: int = 2000
    """LATENCY_SPIKE_MS=2000: the previous cycle took at least this long -> WARN
    EXCHANGE_LATENCY_SPIKE."""
    cursor_stall_cycles: int = 5
    """CURSOR_STALL_CYCLES=5: live runs only; a symbol whose newest booked fill did not move
    for this many cycles -> WARN CURSOR_STALL."""
    clock_skew_ms: int = 30_000
    """CLOCK_SKEW_SECONDS_THRESHOLD=30 (in ms): the exchange clock differs from ours by more
    -> WARN CLOCK_SKEW."""
    pnl_divergence_warn: Decimal = Decimal(50)
    """PNL_DIVERGENCE_TRY_WARN=50: exchange PnL and ledger PnL differ by at least this -> WARN."""
    pnl_divergence_error: Decimal = Decimal(200)
    """PNL_DIVERGENCE_TRY_ERROR=200: ... by at least this -> ERROR (degrade level 3)."""

    def __post_init__(self) -> None:
        _check(self.latency_spike_ms > 0, "latency_spike_ms must be > 0")
        _check(self.cursor_stall_cycles > 0, "cursor_stall_cycles must be > 0")
        _check(self.clock_skew_ms > 0, "clock_skew_ms must be > 0")
        _check(
            ZERO_D < self.pnl_divergence_warn <= self.pnl_divergence_error,
            "0 < pnl_divergence_warn <= pnl_divergence_error",
        )


DEFAULT_WARN_CODES = (
    "STALE_MARKET_DATA",
    "ORDER_REJECT_SPIKE",
    "PNL_DIVERGENCE",
    "SPREAD_SPIKE",
    "PRICE_JUMP",
)
"""DEGRADE_WARN_CODES_CSV: the predecessor's three codes plus btcbot's own spread-spike and
price-jump detectors. Latency spikes, clock skew and cursor stalls are reported but, as in the
predecessor, do not count toward a level unless listed."""


@dataclass(frozen=True, slots=True)
class LevelPolicy:
    """What one degrade level does (the predecessor's ``_level_policy`` table)."""

    buy_multiplier: Decimal
    universe_cap: int | None
    """Buys only on the first N traded symbols (pair order); ``None``: no cap."""
    cooldown_seconds: int
    """The level is held at least this long after it is entered."""


DEFAULT_LEVELS = (
    LevelPolicy(Decimal(1), None, 0),
    LevelPolicy(Decimal("0.5"), 8, 900),
    LevelPolicy(Decimal("0.25"), 4, 900),
    LevelPolicy(Decimal(0), 2, 1800),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DegradeParams:
    """Degrade levels 0..3 with cooldown and hysteresis (profile 4).

    Level modes are fixed as in the predecessor: 1 and 2 REDUCE_RISK_ONLY, 3 OBSERVE_ONLY.
    """

    warn_window_cycles: int = 10
    """DEGRADE_WARN_WINDOW_CYCLES=10: how many recent cycles' warnings are summed."""
    warn_threshold: int = 3
    """DEGRADE_WARN_THRESHOLD=3: sum >= threshold -> level 1, >= 2 * threshold -> level 2."""
    warn_codes: tuple[str, ...] = DEFAULT_WARN_CODES
    """DEGRADE_WARN_CODES_CSV: only these WARN codes count toward a level; empty = all."""
    levels: tuple[LevelPolicy, LevelPolicy, LevelPolicy, LevelPolicy] = DEFAULT_LEVELS
    """Per level 0..3: BUY size factor x1 / x0.50 / x0.25 / x0, buy universe cap - / 8 / 4 /
    2, cooldown 0 / 900 / 900 / 1800 s."""
    reduced_levels_buy: bool = False
    """DEGRADE_REDUCED_LEVELS_BUY=false: levels 1 and 2 are REDUCE_RISK_ONLY, so no buy is
    placed at all (what the predecessor did in effect: its REDUCE gate dropped the buys it had
    just shrunk). True keeps buying at levels 1 and 2, shrunk and on the capped universe."""
    recovery_cycles_level1: int = 8
    """Calm cycles before level 1 steps down to 0."""
    recovery_cycles_higher: int = 4
    """Calm cycles before level 2 or 3 steps down one level."""

    def __post_init__(self) -> None:
        _check(self.warn_window_cycles > 0 and self.warn_threshold > 0, "window/threshold > 0")

    def policy(self, level: int) -> LevelPolicy:
        return self.levels[level]


@dataclass(frozen=True, slots=True, kw_only=True)
class LossStopParams:
    """Hard stops on the day's loss and on drawdown from peak equity (profile 4)."""

    max_daily_loss: Decimal = Decimal(1000)
    """MAX_DAILY_LOSS_TRY=1000: equity down this much since the UTC day began -> OBSERVE_ONLY."""
    max_drawdown_bps: Decimal = Decimal(1000)
    """MAX_DRAWDOWN_PCT=10 expressed in bps (1000): equity this far below its peak ->
    OBSERVE_ONLY. Bps is the one drawdown unit in btcbot."""


@dataclass(frozen=True, slots=True, kw_only=True)
class UniverseParams:
    """Universe selection (profile 7)."""

    size: int = 20
    """STAGE7_UNIVERSE_SIZE=20."""
    quote: str = "TRY"
    """STAGE7_UNIVERSE_QUOTE_CCY=TRY: only pairs quoted in it are candidates."""
    whitelist: tuple[str, ...] = ()
    """STAGE7_UNIVERSE_WHITELIST: when non-empty only these pairs (``BTCTRY`` form)."""
    blacklist: tuple[str, ...] = ()
    """STAGE7_UNIVERSE_BLACKLIST: never these pairs."""
    min_quote_volume: Decimal = Decimal(0)
    """STAGE7_MIN_QUOTE_VOLUME_TRY=0: minimum 24 h quote volume, valued in TRY (a USDT universe
    converts through the fresh USDT_TRY rate; without one its pairs are excluded)."""
    max_spread_bps: Decimal = Decimal(1_000_000)
    """STAGE7_MAX_SPREAD_BPS=1000000 (off)."""
    vol_lookback: int = 20
    """STAGE7_VOL_LOOKBACK=20: candles whose close-to-close returns give the volatility."""
    probation_cycles: int = 1
    """STAGE7_UNIVERSE_GOVERNANCE_PROBATION_CYCLES=1: cycles a newcomer must rank in the top
    ``size`` before it joins (1 = at once)."""
    cooldown_seconds: int = 21_600
    """STAGE7_UNIVERSE_GOVERNANCE_COOLDOWN_SEC=21600: a symbol that left may not rejoin
    within this time."""
    max_churn_per_day: int = 4
    """STAGE7_UNIVERSE_GOVERNANCE_MAX_CHURN_PER_DAY=4: additions + removals in 24 h; a change
    that would exceed it keeps the previous universe."""
    weight_liquidity: Decimal = Decimal("0.5")
    weight_spread: Decimal = Decimal("0.3")
    weight_volatility: Decimal = Decimal("0.2")
    """STAGE7_SCORE_WEIGHTS: normalised to sum 1 when scoring."""

    def __post_init__(self) -> None:
        _check(self.size >= 0 and self.vol_lookback >= 2, "size >= 0, vol_lookback >= 2")
        _check(self.probation_cycles >= 1, "probation_cycles must be >= 1")
        _check(self.cooldown_seconds >= 0 and self.max_churn_per_day >= 0, "governance >= 0")
        weights = (self.weight_liquidity, self.weight_spread, self.weight_volatility)
        _check(all(w >= 0 for w in weights) and sum(weights) > 0, "weights >= 0, sum > 0")


@dataclass(frozen=True, slots=True, kw_only=True)
class PortfolioParams:
    """Target weights (profile 7). Position cap and turnover cap live in :class:`RiskLimits`."""

    targets: tuple[tuple[str, Decimal], ...] = ()
    """PORTFOLIO_TARGETS as (pair, weight); empty = equal weights over the selected universe."""
    order_offset_bps: Decimal = Decimal(5)
    """STAGE7_ORDER_OFFSET_BPS=5: BUY at mid + offset, SELL at mid - offset."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskBudgetParams:
    """Risk budget modes (profile 7)."""

    daily_loss_limit: Decimal = Decimal(500)
    """DAILY_LOSS_LIMIT_TRY=500 -> REDUCE_RISK_ONLY."""
    max_drawdown_bps: Decimal = Decimal(2500)
    """MAX_DRAWDOWN_BPS=2500 -> REDUCE_RISK_ONLY."""
    fee_burn_limit: Decimal = Decimal(150)
    """FEE_BURN_LIMIT_TRY=150: fees paid today -> REDUCE_RISK_ONLY."""
    high_vol_bps: Decimal = Decimal(250)
    """HIGH_VOL_THRESHOLD_BPS=250: a universe spread >= 2x -> REDUCE_RISK_ONLY (>= 1x is only
    reported)."""
    stale_data_ms: int = 60_000
    """STAGE7_MAX_DATA_AGE_SEC=60: any selected symbol older -> OBSERVE_ONLY."""
    cooldown_seconds: int = 900
    """RISK_COOLDOWN_SEC=900: a worse mode is held at least this long."""
    exchange_error_streak: int = 3
    """KILL_CHAIN_MAX_CONSECUTIVE_ERRORS=3: exchange degraded -> OBSERVE_ONLY."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AdaptationParams:
    """Bounded parameter adaptation (profile 7); see :mod:`btcbot.kernel.adaptation`."""

    enabled: bool = True
    """STAGE7_ADAPTATION_ENABLED=true: live and dry runs adapt; backtests never do (their
    parameters stay those of the run, so a replay is a test of one parameter set)."""
    every_cycles: int = 20
    """STAGE7_ADAPTATION_EVERY_CYCLES=20: evaluate over the last this-many cycles."""
    max_changes: int = 3
    """At most 3 parameter changes per evaluation."""
    min_window: int = 5
    """Cycles of metrics needed before anything changes."""
    reject_spike: int = 3
    """STAGE7_REJECT_SPIKE_THRESHOLD=3 rejects in a cycle."""
    rollback_drawdown_bps: Decimal = Decimal(2500)
    """A window cycle with drawdown >= this rolls back to the checkpoint."""
    offset_bounds_bps: tuple[Decimal, Decimal] = (Decimal(1), Decimal(50))
    max_orders_bounds: tuple[int, int] = (1, 10)
    turnover_bounds: tuple[Decimal, Decimal] = (Decimal(100), Decimal(5000))
    min_quote_volume_bounds: tuple[Decimal, Decimal] = (Decimal(0), Decimal(100_000_000))


@dataclass(frozen=True, slots=True, kw_only=True)
class ProtectiveStopParams:
    """Exchange-side protective stops (every profile); see :mod:`btcbot.kernel.protective_stops`."""

    bps: Decimal | None = None
    """PROTECTIVE_STOP_BPS (unset = off): keep each position covered on the exchange by a
    stop-market sell this far below its average cost (buy fees included), for its full free
    quantity, so it is protected while the agent is down."""

    def __post_init__(self) -> None:
        _check(
            self.bps is None or Decimal(0) < self.bps < Decimal(10_000),
            "protective stop bps must be unset or in (0, 10000)",
        )

    @property
    def enabled(self) -> bool:
        return self.bps is not None


def _p4_strategy() -> ProfitAwareParams:
    return ProfitAwareParams(sell_cost_buffer_bps=Decimal(25))


def _p4_lifecycle() -> LifecycleParams:
    return LifecycleParams(drift_bps=Decimal(25))


def _p7_limits() -> RiskLimits:
    return RiskLimits(max_notional_per_order=Decimal(3000), max_position_per_symbol=Decimal(8000))


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile3Params:
    """Profile 3: ProfitAwareStrategyV1 + RiskPolicy + TTL cancel."""

    stage: Literal[3] = 3
    limits: RiskLimits = field(default_factory=RiskLimits)
    strategy: ProfitAwareParams = field(default_factory=ProfitAwareParams)
    lifecycle: LifecycleParams = field(default_factory=LifecycleParams)
    protective_stop: ProtectiveStopParams = field(default_factory=ProtectiveStopParams)
    reject_cooldown: RejectCooldownParams = field(default_factory=RejectCooldownParams)
    freeze_on_unknown_orders: bool = True
    """Stage 3 of the predecessor had no freeze; an order of unknown fate can still fill, so
    every profile stops adding risk while one exists (cancels stay allowed)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile4Params:
    """Profile 4: profile 3 plus lifecycle, anomalies, degrade levels and loss stops."""

    stage: Literal[4] = 4
    limits: RiskLimits = field(default_factory=RiskLimits)
    strategy: ProfitAwareParams = field(default_factory=_p4_strategy)
    lifecycle: LifecycleParams = field(default_factory=_p4_lifecycle)
    anomalies: AnomalyParams = field(default_factory=AnomalyParams)
    degrade: DegradeParams = field(default_factory=DegradeParams)
    stops: LossStopParams = field(default_factory=LossStopParams)
    protective_stop: ProtectiveStopParams = field(default_factory=ProtectiveStopParams)
    reject_cooldown: RejectCooldownParams = field(default_factory=RejectCooldownParams)
    freeze_on_unknown_orders: bool = True
    """STAGE4_UNKNOWN_FREEZE_ENABLED=true."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile7Params:
    """Profile 7: universe, portfolio targets, order builder, risk budget, adaptation."""

    stage: Literal[7] = 7
    limits: RiskLimits = field(default_factory=_p7_limits)
    lifecycle: LifecycleParams = field(default_factory=_p4_lifecycle)
    universe: UniverseParams = field(default_factory=UniverseParams)
    portfolio: PortfolioParams = field(default_factory=PortfolioParams)
    budget: RiskBudgetParams = field(default_factory=RiskBudgetParams)
    adaptation: AdaptationParams = field(default_factory=AdaptationParams)
    protective_stop: ProtectiveStopParams = field(default_factory=ProtectiveStopParams)
    reject_cooldown: RejectCooldownParams = field(default_factory=RejectCooldownParams)
    freeze_on_unknown_orders: bool = True
    params_version: int = 0
    """Version of these values; bumped by every adaptation change or rollback."""


ProfileParams = Profile3Params | Profile4Params | Profile7Params
