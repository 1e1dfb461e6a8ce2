"""Universe rules: which symbols a strategy trades this cycle, and which books that needs.

* :class:`FixedUniverse` — the symbols the runtime fetched books for (the strategy's declared
  symbols, or the run's ``SYMBOLS``), in sorted order; it changes no state and logs nothing.
* :class:`RankedUniverse` — profile 7's: candidates ranked by liquidity, spread and volatility
  (:func:`~btcbot.strategy.universe.select_universe`), then governed (probation, cooldown,
  churn limit, frozen while the mode is degraded or the data stale:
  :func:`~btcbot.strategy.universe.govern`); the governance state is carried in the risk
  state. It asks the runtime for the books of the most traded candidates and of every asset
  held, so nothing it may decide on is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from btcbot.config.params import RiskBudgetParams, UniverseParams
from btcbot.decision.market import MarketView, by_symbol
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Balance, Symbol, SymbolRules, Ticker
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import pair_of
from btcbot.strategy import universe


@fast_init
@dataclass(frozen=True, slots=True)
class UniverseChoice:
    symbols: tuple[Symbol, ...]
    exclusions: tuple[tuple[Symbol, str], ...] = ()
    state_changes: Mapping[str, Any] = field(default_factory=dict)
    """Risk-state fields the rule carries to the next cycle."""


class UniverseRule(Protocol):
    stateless: bool
    """Whether :meth:`choose` keeps nothing between cycles (no risk-state changes): then a
    replay may sleep through bars where nothing can happen (see ``Requirements.triggers``)."""

    def book_symbols(
        self,
        configured: tuple[Symbol, ...],
        rules: Mapping[Symbol, SymbolRules],
        tickers: Mapping[Symbol, Ticker],
        balances: Mapping[str, Balance],
    ) -> tuple[Symbol, ...]:
        """The books a cycle must fetch for this rule (conversion books come on top)."""
        ...

    def choose(self, snapshot: Snapshot, market: MarketView, log: DecisionLog) -> UniverseChoice:
        """The symbols traded this cycle."""
        ...


@dataclass(frozen=True, slots=True)
class FixedUniverse:
    stateless = True

    def book_symbols(
        self,
        configured: tuple[Symbol, ...],
        rules: Mapping[Symbol, SymbolRules],
        tickers: Mapping[Symbol, Ticker],
        balances: Mapping[str, Balance],
    ) -> tuple[Symbol, ...]:
        return tuple(dict.fromkeys(configured))

    def choose(self, snapshot: Snapshot, market: MarketView, log: DecisionLog) -> UniverseChoice:
        return UniverseChoice(tuple(by_symbol(snapshot.books)))


@dataclass(frozen=True, slots=True)
class RankedUniverse:
    params: UniverseParams
    budget: RiskBudgetParams
    stateless = False
    """The thresholds that freeze the universe (exchange degraded, stale data)."""

    def book_symbols(
        self,
        configured: tuple[Symbol, ...],
        rules: Mapping[Symbol, SymbolRules],
        tickers: Mapping[Symbol, Ticker],
        balances: Mapping[str, Balance],
    ) -> tuple[Symbol, ...]:
        wanted = dict.fromkeys(configured)
        quote = self.params.quote
        # (-quote volume, symbol) of each trading candidate, sorted as tuples: the most traded
        # first, ties in symbol order; one rules lookup per ticker.
        ranked = []
        for symbol, ticker in tickers.items():
            if symbol.quote == quote:
                symbol_rules = rules.get(symbol)
                if symbol_rules is not None and symbol_rules.is_trading:
                    ranked.append((-ticker.quote_volume, ticker.symbol))
        ranked.sort()
        wanted.update(dict.fromkeys(symbol for _, symbol in ranked[: self.params.size]))
        for asset, balance in balances.items():
            held = pair_of(asset, quote) if asset != quote else None
            if held is not None and balance.total > 0 and held in rules:
                wanted[held] = None
        return tuple(wanted)

    def choose(self, snapshot: Snapshot, market: MarketView, log: DecisionLog) -> UniverseChoice:
        prev = snapshot.risk_state
        chosen = universe.select_universe(snapshot, market, self.params)
        for symbol, reason in chosen.exclusions:
            log.add(symbol, Layer.UNIVERSE, Action.SKIP, reason)
        before = universe.GovernanceState(
            prev.universe,
            prev.universe_probation,
            prev.universe_cooldown_until_ms,
            prev.universe_changes,
        )
        governed = universe.govern(
            chosen.selected, before, snapshot.now_ms, self.params, self._freeze_reasons(snapshot)
        )
        for note_symbol, code, detail in governed.notes:
            log.add(note_symbol, Layer.UNIVERSE, Action.HOLD, code, detail)
        state = governed.state
        return UniverseChoice(
            governed.selected,
            chosen.exclusions,
            {
                "universe": state.previous,
                "universe_probation": state.probation,
                "universe_cooldown_until_ms": state.cooldown_until_ms,
                "universe_changes": state.changes,
            },
        )

    def _freeze_reasons(self, snap: Snapshot) -> tuple[str, ...]:
        """Why the universe must not change this cycle (the predecessor's EXCHANGE_DEGRADED /
        OBSERVE_ONLY / STALE_DATA, plus a degraded mode)."""
        prev = snap.risk_state
        reasons = []
        if snap.exchange_error_streak >= self.budget.exchange_error_streak:
            reasons.append("exchange_degraded")
        forced = (
            snap.kill_switch
            or snap.safe_mode
            or snap.unknown_order_count > 0
            or snap.unresolved_orders > 0
        )
        if forced or prev.mode is Mode.OBSERVE_ONLY or snap.mode_override is Mode.OBSERVE_ONLY:
            reasons.append("observe_only")
        elif prev.mode is Mode.REDUCE_RISK_ONLY or snap.mode_override is Mode.REDUCE_RISK_ONLY:
            reasons.append("mode_degraded")
        ages, stale_ms = snap.data_age_ms, self.budget.stale_data_ms
        for symbol in prev.universe:  # stops at the first stale symbol
            age = ages.get(symbol)
            if age is None or age > stale_ms:
                reasons.append("stale_data")
                break
        return tuple(reasons)


__all__ = ["FixedUniverse", "RankedUniverse", "UniverseChoice", "UniverseRule"]
