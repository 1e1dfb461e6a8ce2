"""Risk layers: the part of a profile that decides the cycle's mode around its strategy.

A profile names its layer in its configuration (``Requirements.risk_layer`` of its strategy, or
``STRATEGY_RISK_LAYER``); the kernel runs it the same way for every strategy:

1. :meth:`RiskLayer.assess` before the strategy decides: the mode, a buy size factor and the
   risk-state fields it carries to the next cycle (its decisions are logged first);
2. the strategy decides;
3. :meth:`RiskLayer.restrict` trims the intents (e.g. the degrade universe cap on buys).

========  ======================  ======================================================
name      class                   mode from
========  ======================  ======================================================
none      :class:`GatesOnly`      nothing of its own: NORMAL (global gates still apply)
degrade   :class:`DegradeLevels`  anomaly detectors -> degrade levels 0..3, loss stops
budget    :class:`RiskBudget`     drawdown, daily loss, fee burn, spread, stale data,
                                  exchange errors -> mode with cooldown
========  ======================  ======================================================

Every layer also gets the 1123 reject cooldown (:func:`drop_cooling`), applied by the kernel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from btcbot.config.params import (
    AnomalyParams,
    DegradeParams,
    LossStopParams,
    RejectCooldownParams,
    RiskBudgetParams,
)
from btcbot.decision.intents import Intent
from btcbot.decision.market import MarketView
from btcbot.decision.modes import Mode, combine_modes
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Side, Symbol
from btcbot.domain.money import ONE
from btcbot.domain.slots import fast_init
from btcbot.risk import anomalies, budget, degrade, equity, rejects


@fast_init
@dataclass(frozen=True, slots=True)
class RiskInputs:
    snapshot: Snapshot
    market: MarketView
    log: DecisionLog
    symbols: tuple[Symbol, ...]
    """The symbols the strategy trades this cycle (its universe)."""


@fast_init
@dataclass(frozen=True, slots=True)
class Assessment:
    mode: Mode
    buy_multiplier: Decimal = ONE
    state_changes: Mapping[str, Any] = field(default_factory=dict)
    """Risk-state fields this layer carries to the next cycle."""
    universe_cap: int | None = None
    """Buys only on the first N traded symbols (pair order); None: no cap."""


class RiskLayer(Protocol):
    name: str
    degrade_levels: bool
    """Whether the mode comes from degrade levels (the cycle line and status show the level)."""
    stateless: bool
    """Whether :meth:`assess` carries nothing from cycle to cycle (equity peaks, detectors,
    cooldowns): then a replay may sleep through bars where nothing can happen."""

    def assess(self, inputs: RiskInputs) -> Assessment: ...

    def restrict(
        self, intents: list[Intent], inputs: RiskInputs, assessment: Assessment
    ) -> list[Intent]: ...


@dataclass(frozen=True, slots=True)
class GatesOnly:
    """No risk layer of its own: NORMAL (the kernel's global gates still apply)."""

    name = "none"
    degrade_levels = False
    stateless = True

    def assess(self, inputs: RiskInputs) -> Assessment:
        return Assessment(Mode.NORMAL, ONE, {"mode": Mode.NORMAL, "mode_reasons": ()})

    def restrict(
        self, intents: list[Intent], inputs: RiskInputs, assessment: Assessment
    ) -> list[Intent]:
        return intents


def _equity_reading(inputs: RiskInputs) -> equity.EquityReading:
    snap = inputs.snapshot
    marks = inputs.market.marks_by_base(snap.quote_currency)
    value = equity.value_balances(snap.balances, marks, snap.quote_currency)
    rates = inputs.market.rates
    return equity.read_equity(
        value, snap.positions, snap.now_ms, snap.risk_state, rates, snap.quote_currency
    )


def _equity_fields(reading: equity.EquityReading) -> dict[str, Any]:
    return {
        "peak_equity": reading.peak_equity,
        "day_key": reading.day_key,
        "day_start_equity": reading.day_start_equity,
        "day_start_fees": reading.day_start_fees,
        "day_start_fees_by_quote": reading.day_start_fees_by_quote,
        "fees_today": reading.fees_today,
    }


@dataclass(frozen=True, slots=True)
class DegradeLevels:
    """Profile 4's: anomalies feed degrade levels (mode, buy factor, buy universe cap), and
    hard loss stops (day's loss, drawdown) force OBSERVE_ONLY."""

    anomalies: AnomalyParams
    degrade: DegradeParams
    stops: LossStopParams
    name = "degrade"
    degrade_levels = True
    stateless = False

    def assess(self, inputs: RiskInputs) -> Assessment:
        snap, prev, log = inputs.snapshot, inputs.snapshot.risk_state, inputs.log
        stall = anomalies.advance_cursor_stall(
            snap.fills_cursor, prev.fills_cursor, prev.cursor_stall
        )
        found = anomalies.detect(
            inputs.symbols,
            inputs.market,
            snap.data_age_ms,
            prev.previous_mids,
            _readings(snap, stall),
            self.anomalies,
        )
        for item in found:
            log.add(item.symbol, Layer.ANOMALY, Action.HOLD, item.code, item.detail)
        level = degrade.decide_degrade(prev, found, snap.now_ms, self.degrade)
        if level.level != prev.degrade_level:
            log.add(None, Layer.DEGRADE, Action.HOLD, f"degrade_level_{level.level}", level.mode)
        reading = _equity_reading(inputs)
        stops = self._loss_stop_reasons(reading)
        for reason in stops:
            log.add(None, Layer.RISK_BUDGET, Action.BLOCK, reason, "OBSERVE_ONLY")
        mode = combine_modes(
            level.gate_mode(self.degrade), Mode.OBSERVE_ONLY if stops else Mode.NORMAL
        )
        reasons = ((f"degrade_level_{level.level}",) if level.level else ()) + stops
        changes = {
            **_equity_fields(reading),
            "mode": mode,
            "mode_reasons": reasons,
            "degrade_level": level.level,
            "degrade_cooldown_until_ms": level.cooldown_until_ms,
            "warn_history": level.warn_history,
            "stable_cycles": level.stable_cycles,
            "anomalies": tuple(sorted({a.code for a in found})),
            "previous_mids": {s: q.mid for s, q in inputs.market.quotes.items()},
            "fills_cursor": snap.fills_cursor or {},
            "cursor_stall": stall,
        }
        return Assessment(
            mode, level.buy_multiplier(self.degrade), changes, level.universe_cap(self.degrade)
        )

    def restrict(
        self, intents: list[Intent], inputs: RiskInputs, assessment: Assessment
    ) -> list[Intent]:
        """Degrade universe cap: buys only on the first ``cap`` traded symbols (pair order).
        Sells are never capped: reducing risk is always allowed. (When the mode allows no
        buy the mode gate drops them all anyway.)"""
        cap = assessment.universe_cap
        if cap is None or not assessment.mode.allows_buy:
            return intents
        allowed = frozenset(inputs.symbols[:cap])
        kept = []
        for intent in intents:
            if intent.side is Side.BUY and intent.symbol not in allowed:
                inputs.log.add(
                    intent.symbol, Layer.DEGRADE, Action.BLOCK, "degrade_universe_cap", str(cap)
                )
                continue
            kept.append(intent)
        return kept

    def _loss_stop_reasons(self, reading: equity.EquityReading) -> tuple[str, ...]:
        reasons = []
        if reading.daily_pnl is not None and reading.daily_pnl <= -self.stops.max_daily_loss:
            reasons.append("max_daily_loss")
        drawdown = reading.drawdown_bps
        if drawdown is not None and drawdown >= self.stops.max_drawdown_bps:
            reasons.append("max_drawdown")
        return tuple(reasons)


def _readings(snap: Snapshot, cursor_stall: Mapping[Symbol, int]) -> anomalies.Readings:
    return anomalies.Readings(
        rejects_last_cycle=snap.risk_state.rejects_last_cycle,
        exchange_error_streak=snap.exchange_error_streak,
        previous_cycle_ms=snap.previous_cycle_ms,
        clock_offset_ms=snap.clock_offset_ms,
        cursor_stall=dict(cursor_stall),
        pnl_divergence=snap.pnl_divergence,
    )


@dataclass(frozen=True, slots=True)
class RiskBudget:
    """Profile 7's: the mode from account health and the traded symbols' market conditions,
    held through a cooldown (:mod:`btcbot.risk.budget`)."""

    params: RiskBudgetParams
    name = "budget"
    degrade_levels = False
    stateless = False

    def assess(self, inputs: RiskInputs) -> Assessment:
        snap, prev = inputs.snapshot, inputs.snapshot.risk_state
        reading = _equity_reading(inputs)
        outcome = budget.decide_budget(
            self._inputs(inputs, reading), prev, snap.now_ms, self.params
        )
        for reason in outcome.reasons:
            inputs.log.add(None, Layer.RISK_BUDGET, Action.HOLD, reason, outcome.mode)
        changes = {
            **_equity_fields(reading),
            "mode": outcome.mode,
            "mode_reasons": outcome.reasons,
            "mode_cooldown_until_ms": outcome.cooldown_until_ms,
        }
        return Assessment(outcome.mode, ONE, changes)

    def restrict(
        self, intents: list[Intent], inputs: RiskInputs, assessment: Assessment
    ) -> list[Intent]:
        return intents

    def _inputs(self, inputs: RiskInputs, reading: equity.EquityReading) -> budget.BudgetInputs:
        snap, selected = inputs.snapshot, inputs.symbols
        ages = [snap.data_age_ms.get(s) for s in selected]
        max_age = (
            None
            if any(a is None for a in ages)
            else max((a for a in ages if a is not None), default=0)
        )
        quotes = inputs.market.quotes
        spreads = [quotes[s].spread_bps for s in selected if s in quotes]
        return budget.BudgetInputs(
            snap.kill_switch,
            snap.exchange_error_streak,
            max_age,
            max(spreads, default=None),
            reading,
        )


def drop_cooling(
    intents: Sequence[Intent],
    snapshot: Snapshot,
    params: RejectCooldownParams,
    log: DecisionLog,
) -> list[Intent]:
    """No new submit on a symbol cooling down after repeated 1123 rejects."""
    if not params.enabled:
        return list(intents)
    cooling = rejects.cooling_symbols(snapshot.risk_state, snapshot.now_ms)
    if not cooling:
        return list(intents)
    kept = []
    for intent in intents:
        until = cooling.get(intent.symbol)
        if until is None:
            kept.append(intent)
            continue
        log.add(
            intent.symbol,
            Layer.RISK_POLICY,
            Action.BLOCK,
            "SYMBOL_ON_COOLDOWN_1123",
            f"until_ms={until}",
        )
    return kept


__all__ = [
    "Assessment",
    "DegradeLevels",
    "GatesOnly",
    "RiskBudget",
    "RiskInputs",
    "RiskLayer",
    "drop_cooling",
]
