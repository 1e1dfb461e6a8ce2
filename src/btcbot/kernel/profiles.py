"""Profiles: which strategy and which risk layer run for each stage, over one pipeline.

=====  ==============================  ==========================================
stage  strategy                        risk layer deciding the mode
=====  ==============================  ==========================================
3      profit-aware over book symbols  none (NORMAL; global gates still apply)
4      profit-aware over book symbols  anomalies -> degrade levels, loss stops
7      universe -> portfolio -> orders risk budget (with cooldown)
=====  ==============================  ==========================================

Profiles 3 and 4 trade the symbols the runtime fetched books for; profile 7 chooses from
every candidate the snapshot knows (rules/tickers).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from btcbot.domain import Side, Symbol
from btcbot.domain.money import ONE
from btcbot.kernel.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    RejectCooldownParams,
)
from btcbot.kernel.plan import Action, DecisionLog, Layer, PortfolioReport
from btcbot.kernel.snapshot import Snapshot
from btcbot.risk import anomalies, budget, degrade, equity, rejects
from btcbot.risk.modes import Mode, combine_modes
from btcbot.risk.state import RiskState
from btcbot.strategy import order_builder, portfolio, universe
from btcbot.strategy.account import AccountView
from btcbot.strategy.intents import Intent
from btcbot.strategy.market import MarketView, by_symbol
from btcbot.strategy.profit_aware import profit_aware_intents


@dataclass(frozen=True, slots=True)
class CycleInputs:
    snapshot: Snapshot
    market: MarketView
    account: AccountView
    log: DecisionLog


@dataclass(frozen=True, slots=True)
class ProfileResult:
    mode: Mode
    buy_multiplier: Decimal
    risk_state: RiskState
    intents: list[Intent]
    portfolio: PortfolioReport | None = None


def _traded_symbols(snapshot: Snapshot) -> list[Symbol]:
    return by_symbol(snapshot.books)


def _equity_reading(inputs: CycleInputs) -> equity.EquityReading:
    snap = inputs.snapshot
    marks = inputs.market.marks_by_base(snap.quote_currency)
    value = equity.value_balances(snap.balances, marks, snap.quote_currency)
    rates = inputs.market.rates
    return equity.read_equity(value, snap.positions, snap.now_ms, snap.risk_state, rates)


def _with_equity(state: RiskState, reading: equity.EquityReading, **changes: Any) -> RiskState:
    """``state`` with the equity reading and ``changes`` applied, in one ``replace``."""
    return replace(
        state,
        peak_equity=reading.peak_equity,
        day_key=reading.day_key,
        day_start_equity=reading.day_start_equity,
        day_start_fees=reading.day_start_fees,
        fees_today=reading.fees_today,
        **changes,
    )


def _drop_cooling(
    intents: list[Intent], inputs: CycleInputs, params: RejectCooldownParams
) -> list[Intent]:
    """No new submit on a symbol cooling down after repeated 1123 rejects."""
    if not params.enabled:
        return intents
    cooling = rejects.cooling_symbols(inputs.snapshot.risk_state, inputs.snapshot.now_ms)
    if not cooling:
        return intents
    kept = []
    for intent in intents:
        until = cooling.get(intent.symbol)
        if until is None:
            kept.append(intent)
            continue
        inputs.log.add(
            intent.symbol,
            Layer.RISK_POLICY,
            Action.BLOCK,
            "SYMBOL_ON_COOLDOWN_1123",
            f"until_ms={until}",
        )
    return kept


def run_profile3(inputs: CycleInputs, params: Profile3Params) -> ProfileResult:
    snap = inputs.snapshot
    intents = profit_aware_intents(
        _traded_symbols(snap),
        snap.positions,
        inputs.market,
        inputs.account,
        params.strategy,
        inputs.log,
    )
    intents = _drop_cooling(intents, inputs, params.reject_cooldown)
    state = replace(snap.risk_state, mode=Mode.NORMAL, mode_reasons=())
    return ProfileResult(Mode.NORMAL, ONE, state, intents)


def _loss_stop_reasons(reading: equity.EquityReading, params: Profile4Params) -> tuple[str, ...]:
    reasons = []
    if reading.daily_pnl is not None and reading.daily_pnl <= -params.stops.max_daily_loss:
        reasons.append("max_daily_loss")
    if reading.drawdown_bps is not None and reading.drawdown_bps >= params.stops.max_drawdown_bps:
        reasons.append("max_drawdown")
    return tuple(reasons)


def _log_anomalies(found: tuple[anomalies.Anomaly, ...], log: DecisionLog) -> None:
    for item in found:
        log.add(item.symbol, Layer.ANOMALY, Action.HOLD, item.code, item.detail)


def _readings(snap: Snapshot, cursor_stall: dict[Symbol, int]) -> anomalies.Readings:
    return anomalies.Readings(
        rejects_last_cycle=snap.risk_state.rejects_last_cycle,
        exchange_error_streak=snap.exchange_error_streak,
        previous_cycle_ms=snap.previous_cycle_ms,
        clock_offset_ms=snap.clock_offset_ms,
        cursor_stall=cursor_stall,
        pnl_divergence=snap.pnl_divergence,
    )


def _cap_buys(
    intents: list[Intent], symbols: list[Symbol], cap: int | None, log: DecisionLog
) -> list[Intent]:
    """Degrade universe cap: buys only on the first ``cap`` traded symbols (pair order).
    Sells are never capped: reducing risk is always allowed."""
    if cap is None:
        return intents
    allowed = frozenset(symbols[:cap])
    kept = []
    for intent in intents:
        if intent.side is Side.BUY and intent.symbol not in allowed:
            log.add(intent.symbol, Layer.DEGRADE, Action.BLOCK, "degrade_universe_cap", str(cap))
            continue
        kept.append(intent)
    return kept


def run_profile4(inputs: CycleInputs, params: Profile4Params) -> ProfileResult:
    snap, prev, log = inputs.snapshot, inputs.snapshot.risk_state, inputs.log
    symbols = _traded_symbols(snap)
    stall = anomalies.advance_cursor_stall(snap.fills_cursor, prev.fills_cursor, prev.cursor_stall)
    found = anomalies.detect(
        symbols,
        inputs.market,
        snap.data_age_ms,
        prev.previous_mids,
        _readings(snap, stall),
        params.anomalies,
    )
    _log_anomalies(found, log)
    level = degrade.decide_degrade(prev, found, snap.now_ms, params.degrade)
    if level.level != prev.degrade_level:
        log.add(None, Layer.DEGRADE, Action.HOLD, f"degrade_level_{level.level}", level.mode)
    reading = _equity_reading(inputs)
    stops = _loss_stop_reasons(reading, params)
    for reason in stops:
        log.add(None, Layer.RISK_BUDGET, Action.BLOCK, reason, "OBSERVE_ONLY")
    mode = combine_modes(
        level.gate_mode(params.degrade), Mode.OBSERVE_ONLY if stops else Mode.NORMAL
    )
    reasons = ((f"degrade_level_{level.level}",) if level.level else ()) + stops
    mids = {s: q.mid for s, q in inputs.market.quotes.items()}
    state = _with_equity(
        prev,
        reading,
        mode=mode,
        mode_reasons=reasons,
        degrade_level=level.level,
        degrade_cooldown_until_ms=level.cooldown_until_ms,
        warn_history=level.warn_history,
        stable_cycles=level.stable_cycles,
        anomalies=tuple(sorted({a.code for a in found})),
        previous_mids=mids,
        fills_cursor=snap.fills_cursor or {},
        cursor_stall=stall,
    )
    intents = profit_aware_intents(
        symbols, snap.positions, inputs.market, inputs.account, params.strategy, log
    )
    if mode.allows_buy:  # otherwise the mode gate drops every buy anyway
        intents = _cap_buys(intents, symbols, level.universe_cap(params.degrade), log)
    intents = _drop_cooling(intents, inputs, params.reject_cooldown)
    return ProfileResult(mode, level.buy_multiplier(params.degrade), state, intents)


def _budget_inputs(
    inputs: CycleInputs, selected: tuple[Symbol, ...], reading: equity.EquityReading
) -> budget.BudgetInputs:
    snap = inputs.snapshot
    ages = [snap.data_age_ms.get(s) for s in selected]
    max_age = (
        None if any(a is None for a in ages) else max((a for a in ages if a is not None), default=0)
    )
    spreads = [inputs.market.quotes[s].spread_bps for s in selected if s in inputs.market.quotes]
    return budget.BudgetInputs(
        snap.kill_switch, snap.exchange_error_streak, max_age, max(spreads, default=None), reading
    )


def _universe_freeze_reasons(inputs: CycleInputs, params: Profile7Params) -> tuple[str, ...]:
    """Why the universe must not change this cycle (the predecessor's EXCHANGE_DEGRADED /
    OBSERVE_ONLY / STALE_DATA, plus a degraded mode)."""
    snap, prev = inputs.snapshot, inputs.snapshot.risk_state
    reasons = []
    if snap.exchange_error_streak >= params.budget.exchange_error_streak:
        reasons.append("exchange_degraded")
    forced = snap.kill_switch or snap.safe_mode or snap.unknown_order_count > 0
    if forced or prev.mode is Mode.OBSERVE_ONLY or snap.mode_override is Mode.OBSERVE_ONLY:
        reasons.append("observe_only")
    elif prev.mode is Mode.REDUCE_RISK_ONLY or snap.mode_override is Mode.REDUCE_RISK_ONLY:
        reasons.append("mode_degraded")
    ages = [snap.data_age_ms.get(s) for s in prev.universe]
    if any(age is None or age > params.budget.stale_data_ms for age in ages):
        reasons.append("stale_data")
    return tuple(reasons)


def _governed_universe(
    inputs: CycleInputs, params: Profile7Params
) -> tuple[universe.UniverseSelection, universe.GovernanceState]:
    snap, prev, log = inputs.snapshot, inputs.snapshot.risk_state, inputs.log
    chosen = universe.select_universe(snap, inputs.market, params.universe)
    for symbol, reason in chosen.exclusions:
        log.add(symbol, Layer.UNIVERSE, Action.SKIP, reason)
    before = universe.GovernanceState(
        prev.universe,
        prev.universe_probation,
        prev.universe_cooldown_until_ms,
        prev.universe_changes,
    )
    governed = universe.govern(
        chosen.selected,
        before,
        snap.now_ms,
        params.universe,
        _universe_freeze_reasons(inputs, params),
    )
    for note_symbol, code, detail in governed.notes:
        log.add(note_symbol, Layer.UNIVERSE, Action.HOLD, code, detail)
    selection = universe.UniverseSelection(governed.selected, chosen.exclusions, chosen.scores)
    return selection, governed.state


def run_profile7(inputs: CycleInputs, params: Profile7Params) -> ProfileResult:
    snap, prev, log = inputs.snapshot, inputs.snapshot.risk_state, inputs.log
    chosen, governance = _governed_universe(inputs, params)
    reading = _equity_reading(inputs)
    outcome = budget.decide_budget(
        _budget_inputs(inputs, chosen.selected, reading), prev, snap.now_ms, params.budget
    )
    for reason in outcome.reasons:
        log.add(None, Layer.RISK_BUDGET, Action.HOLD, reason, outcome.mode)
    weights = portfolio.target_weights(chosen.selected, params.portfolio)
    moves = portfolio.rebalance(weights, snap, inputs.market, inputs.account, params.limits, log)
    intents = order_builder.build_intents(
        moves, inputs.market, snap.rules, inputs.account, params.portfolio, params.limits, log
    )
    intents = _drop_cooling(intents, inputs, params.reject_cooldown)
    state = _with_equity(
        prev,
        reading,
        mode=outcome.mode,
        mode_reasons=outcome.reasons,
        mode_cooldown_until_ms=outcome.cooldown_until_ms,
        params_version=params.params_version,
        universe=governance.previous,
        universe_probation=governance.probation,
        universe_cooldown_until_ms=governance.cooldown_until_ms,
        universe_changes=governance.changes,
    )
    report = PortfolioReport(chosen.selected, chosen.exclusions, weights, params.params_version)
    return ProfileResult(outcome.mode, ONE, state, intents, report)
