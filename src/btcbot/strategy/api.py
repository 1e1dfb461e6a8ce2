"""The strategy API: how to write a strategy btcbot can backtest, dry-run and trade live.

A strategy is a class with four members (subclass :class:`BaseStrategy` to get defaults for the
optional ones). btcbot's three built-in profiles implement the same protocol
(:mod:`btcbot.strategy.builtin`); an operator's strategy lives in one Python file and runs
with ``btcbot backtest|run --strategy path/to/file.py:ClassName``. ``examples/sma_crossover.py``
is a complete one.

``parameters`` (class attribute)
    ``{name: IntParam | DecimalParam | FloatParam | ChoiceParam}``: every tunable value with
    its type, range (``low``, ``high``, ``step``) or choices, and default. Values come from
    ``--param name=value`` (repeatable) or ``STRATEGY_PARAMS="name=value,..."``; anything
    outside the declaration is refused before the run starts (exit 2, naming the parameter).
    Sweeps read the same declaration (:func:`~btcbot.strategy.parameters.describe_parameters`).

``requirements(params) -> Requirements``
    What the strategy needs, given its parameter values:

    * ``symbols``: the pairs it trades (``("BTC_TRY",)``); empty = the run's ``SYMBOLS``
      setting (a backtest: the dataset's pairs). Or ``universe``: a ranked universe
      (:class:`~btcbot.config.params.UniverseParams`, the built-in portfolio's rule);
    * ``data``: :attr:`DataKind.BOOKS` (always fetched: the kernel prices, caps and protects
      every order from the books) and/or :attr:`DataKind.CANDLES`;
    * ``timeframe``: the candle interval (``"1h"``; live candles are hourly, a backtest's are
      the dataset's, and they must match; ``None``: any interval will do);
    * ``warmup_bars``: closed candles a symbol needs before the strategy may trade it; the
      kernel drops intents on a symbol with fewer (reason ``strategy_warmup``). Live cycles
      fetch that many recent candles (``history_bars`` to fetch more);
    * ``risk_layer``: which risk layer decides the mode after the strategy: ``"none"`` (only
      the global gates and the per-cycle risk policy, as profile 3), ``"degrade"`` (anomaly
      detectors, degrade levels and loss stops, as profile 4) or ``"budget"`` (the risk
      budget's modes, as profile 7); ``STRATEGY_RISK_LAYER`` overrides it. Its knobs are those
      of that profile's settings (``--stage 3``/``4``/``7``: limits, lifecycle, stops);
    * ``triggers``: the name of one of its indicator columns that is true on the candles at
      which ``decide`` may act on that symbol (return an intent or remember something new);
      on every other candle it only holds. A backtest then runs a cycle only where it can
      matter: on a bar where no traded symbol's last candle is a trigger and the account is
      idle (no order of ours open or in flight, nothing tripped, a risk layer and universe
      that keep no state: ``none`` and fixed symbols, no adaptation), the replay records the
      cycle as *slept* (its equity at the bar's marks, no plan) instead of planning it.
      Where a cycle runs anyway and ``decide`` acts on a symbol whose candle is no trigger,
      the backtest stops and names the bar (:class:`TriggerMissed`): the column is
      incomplete. ``btcbot backtest --every-bar`` plans every bar regardless (the same
      orders and fills; every hold is recorded).

``indicators(frame, params) -> {name: column}`` (optional)
    Columns computed from the candle columns of ``frame`` (``frame.columns["close"]`` etc.,
    oldest first, one value per candle, ``None`` where unknown). In a backtest it runs ONCE
    over the whole dataset (column-wise, like Freqtrade's ``populate_indicators``), in a copy
    of the strategy of its own: what it keeps on ``self`` (the frame, an array) is not the
    deciding instance's, for it would be every later candle; return it as a column instead.
    Live it runs on each cycle's recent candles. Each decision sees the columns only up to its
    last closed candle: reading a later row raises
    :class:`~btcbot.decision.frames.LookaheadError`, and before a backtest starts, btcbot
    recomputes the indicators on the data cut at many points and refuses a strategy whose
    columns change (an indicator that reads later candles), naming the column. An indicator
    should depend on at most ``warmup_bars`` past candles, so live (a short window) and
    backtest (the whole history) agree.

``decide(view) -> Iterable[Intent]``
    The decision. ``view`` (:class:`~btcbot.strategy.view.StrategyView`) is read-only:
    ``view.now_ms``, ``view.symbols``, ``view.params``, ``view.quote(symbol)``,
    ``view.series(symbol, "close")`` / an indicator's name, ``view.bars(symbol)``,
    ``view.position(symbol)``, ``view.cash_try()``, ``view.sellable(symbol)``, ``view.state``
    (strings remembered by the previous decision). It returns intents, most easily
    ``view.buy(symbol, notional_try=..., reason=...)`` / ``view.sell(symbol, quantity=...,
    reason=...)``: without ``price`` an intent is a marketable limit at the best ask (buy) or
    bid (sell); ``notional_try`` is converted through the quote currency's TRY rate. A reason
    code travels with every intent into the decision log. ``view.hold``/``view.skip`` note why
    nothing was done; ``view.remember(key="value")`` keeps strings for the next decision.
    ``decide`` must be pure: no clock (use ``view.now_ms``), no I/O, no randomness.

Everything after the intents is the kernel's and identical for every strategy: the mode from
the risk layer and the global switches (kill switch, safe mode, unknown-order freeze, degrade
override), lifecycle (TTL and drift cancels, no duplicate of a live order, a replacement only
after its predecessor's cancel is proven), the per-cycle risk policy in TRY (orders per cycle,
open orders per symbol, cooldown, notional per order and cycle, position cap, cash reserve,
spot inventory), the 1123 reject cooldown, quantization to the exchange rules, protective
stops, deterministic client order ids, and the same OMS and live gates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Literal, Protocol, runtime_checkable

from btcbot.config.params import UniverseParams
from btcbot.decision.frames import Frame, LookaheadError, Series
from btcbot.decision.intents import Intent
from btcbot.domain import Symbol
from btcbot.strategy.parameters import (
    ChoiceParam,
    DecimalParam,
    FloatParam,
    IntParam,
    Param,
    ParameterError,
    Params,
    ParamValue,
)
from btcbot.strategy.view import StrategyView

RiskLayerName = Literal["none", "degrade", "budget"]
RISK_LAYERS: tuple[RiskLayerName, ...] = ("none", "degrade", "budget")

TIMEFRAMES: Mapping[str, int] = {
    "1m": 60_000,
    "5m": 300_000,
    "15m": 900_000,
    "30m": 1_800_000,
    "1h": 3_600_000,
    "4h": 14_400_000,
    "1d": 86_400_000,
}
"""Candle intervals a strategy may declare, in ms."""
LIVE_TIMEFRAME = "1h"
"""The interval live runs fetch (BTCTurk's hourly klines)."""


class DataKind(StrEnum):
    BOOKS = "books"
    CANDLES = "candles"


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a strategy needs (see the module docstring)."""

    symbols: tuple[Symbol, ...] = ()
    universe: UniverseParams | None = None
    data: frozenset[DataKind] = frozenset({DataKind.BOOKS})
    timeframe: str | None = LIVE_TIMEFRAME
    warmup_bars: int = 0
    history_bars: int | None = None
    risk_layer: RiskLayerName = "none"
    triggers: str | None = None

    def __post_init__(self) -> None:
        symbols = tuple(s if isinstance(s, Symbol) else Symbol.parse(str(s)) for s in self.symbols)
        object.__setattr__(self, "symbols", symbols)
        object.__setattr__(self, "data", frozenset(DataKind(kind) for kind in self.data))
        if self.symbols and self.universe is not None:
            raise ParameterError("requirements: give symbols or a universe, not both")
        if self.timeframe is not None and self.timeframe not in TIMEFRAMES:
            raise ParameterError(
                f"requirements: timeframe {self.timeframe!r} is not one of {', '.join(TIMEFRAMES)}"
            )
        if self.warmup_bars < 0 or (self.history_bars is not None and self.history_bars < 0):
            raise ParameterError("requirements: warmup_bars and history_bars must be >= 0")
        if self.triggers is not None and (
            not isinstance(self.triggers, str) or not self.triggers.strip()
        ):
            raise ParameterError(
                f"requirements: triggers {self.triggers!r} must name one of the strategy's "
                "indicator columns"
            )
        if self.triggers is not None and DataKind.CANDLES not in self.data:
            raise ParameterError(
                "requirements: triggers name an indicator column, so data must include "
                "DataKind.CANDLES"
            )
        if self.risk_layer not in RISK_LAYERS:
            raise ParameterError(
                f"requirements: risk_layer {self.risk_layer!r} is not one of "
                f"{', '.join(RISK_LAYERS)}"
            )

    @property
    def candles(self) -> bool:
        return DataKind.CANDLES in self.data

    @property
    def bars_to_fetch(self) -> int:
        """Recent candles a live cycle fetches per symbol (0: none)."""
        if not self.candles:
            return 0
        return max(self.warmup_bars, self.history_bars or 0)

    @property
    def timeframe_ms(self) -> int | None:
        return None if self.timeframe is None else TIMEFRAMES[self.timeframe]


@runtime_checkable
class Strategy(Protocol):
    """The protocol every strategy implements (see the module docstring)."""

    @property
    def parameters(self) -> Mapping[str, Param]: ...

    def requirements(self, params: Params) -> Requirements: ...

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]: ...

    def decide(self, view: StrategyView) -> Iterable[Intent]: ...


class TriggerMissed(RuntimeError):
    """A strategy acted on a candle its ``triggers`` column does not mark (see
    :class:`Requirements`): a backtest that slept through such bars would have missed it."""


class BaseStrategy:
    """Defaults for the optional members: no parameters, books of the run's symbols, no
    indicators. Subclass it and write ``decide``."""

    parameters: ClassVar[Mapping[str, Param]] = {}

    def requirements(self, params: Params) -> Requirements:
        return Requirements()

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        return {}

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        raise NotImplementedError(f"{type(self).__name__} must implement decide(view)")


__all__ = [
    "RISK_LAYERS",
    "TIMEFRAMES",
    "BaseStrategy",
    "ChoiceParam",
    "DataKind",
    "DecimalParam",
    "FloatParam",
    "Frame",
    "IntParam",
    "Intent",
    "LookaheadError",
    "Param",
    "ParamValue",
    "ParameterError",
    "Params",
    "Requirements",
    "RiskLayerName",
    "Series",
    "Strategy",
    "StrategyView",
    "Symbol",
    "TriggerMissed",
]
