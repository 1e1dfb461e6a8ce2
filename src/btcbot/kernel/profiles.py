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

from btcbot.domain import Symbol
from btcbot.domain.money import ONE
from btcbot.kernel.params import Profile3Params, Profile4Params, Profile7Params
from btcbot.kernel.plan import Action, DecisionLog, Layer, PortfolioReport
from btcbot.kernel.snapshot import Snapshot
from btcbot.risk import anomalies, budget, degrade, equity
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


def run_profile4(inputs: CycleInputs, params: Profile4Params) -> ProfileResult:
    snap, prev, log = inputs.snapshot, inputs.snapshot.risk_state, inputs.log
    symbols = _traded_symbols(snap)
    found = anomalies.detect(
        symbols,
        inputs.market,
        snap.data_age_ms,
        prev.previous_mids,
        prev.rejects_last_cycle,
        snap.exchange_error_streak,
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
    mode = combine_modes(level.mode, Mode.OBSERVE_ONLY if stops else Mode.NORMAL)
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
    )
    intents = profit_aware_intents(
        symbols, snap.positions, inputs.market, inputs.account, params.strategy, log
    )
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


def run_profile7(inputs: CycleInputs, params: Profile7Params) -> ProfileResult:
    snap, prev, log = inputs.snapshot, inputs.snapshot.risk_state, inputs.log
    chosen = universe.select_universe(snap, inputs.market, params.universe)
    for symbol, reason in chosen.exclusions:
        log.add(symbol, Layer.UNIVERSE, Action.SKIP, reason)
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
    state = _with_equity(
        prev,
        reading,
        mode=outcome.mode,
        mode_reasons=outcome.reasons,
        mode_cooldown_until_ms=outcome.cooldown_until_ms,
        params_version=params.params_version,
    )
    report = PortfolioReport(chosen.selected, chosen.exclusions, weights, params.params_version)
    return ProfileResult(outcome.mode, ONE, state, intents, report)
