"""A strategy's own code failing in a replay: one message naming what it did and where.

Live, the kernel drops what a strategy hands it that is not a valid intent (``invalid_intent``
in the decision log) so that a bug never crashes a trading cycle. A backtest is where such a
bug is meant to be found: it stops at the first one with a :class:`StrategyFault` that names
the strategy, what went wrong (what ``decide`` raised or returned, what ``indicators``
raised or returned) and, for a decision, its time and bar and the strategy's file:line. A
raise is described in the words ``btcbot lookahead`` uses for it
(:func:`~btcbot.strategy.failures.raised`).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from btcbot.backtest.lookahead import Indicators
from btcbot.decision.frames import Frame, LookaheadError
from btcbot.decision.intents import (
    INVALID_INTENT,
    Intent,
    intent_problem,
    is_intent_collection,
    short_repr,
)
from btcbot.strategy.api import Strategy, TriggerMissed
from btcbot.strategy.failures import raised
from btcbot.strategy.view import StrategyView
from btcbot.strategy.wrapped import WrappedStrategy, innermost

_PASSED = (TriggerMissed, LookaheadError)
"""Raised in a decision by the replay's own guards: reported as they are."""


class StrategyFault(RuntimeError):
    """The strategy's code raised, or returned something it must not (the message says what,
    where, and that the strategy needs fixing)."""


class FaultGuard(WrappedStrategy):
    """Decides exactly as ``inner``; raises :class:`StrategyFault` when ``decide`` raises,
    returns no collection of intents, returns an intent the kernel would drop as invalid
    (a zero or negative size aside: live and here, the kernel skips it), or has the view
    refuse one of its buys or sells as invalid."""

    def __init__(self, inner: Strategy, name: str) -> None:
        super().__init__(inner)
        self.name = name

    def decide(self, view: StrategyView) -> list[Intent]:
        logged = len(view.log)
        try:
            returned = self.inner.decide(view)
            if isinstance(returned, list):
                intents: list[Any] = returned
            elif is_intent_collection(returned):
                intents = list(returned)  # a generator runs here
            else:
                self._fail(
                    view,
                    f"decide returned {_shown(returned)}: return a list of intents (an empty "
                    "list to do nothing)",
                )
        except (*_PASSED, StrategyFault):
            raise
        except (Exception, SystemExit) as exc:  # noqa: BLE001 -- the strategy's bug: reported
            self._fail(
                view, f"decide raised {raised(self.inner, exc)}{_kept(self, exc)}", returned=False
            )
        for item in intents:
            # a size that came to nothing is the kernel's to skip, not a broken strategy; the
            # rules' scales need no look: an amount within MAX_INTENT_AMOUNT quantizes to
            # any of them (the kernel still checks, live and here)
            problem = intent_problem(item, positive=False)
            if problem is not None:
                self._fail(view, f"decide returned an invalid intent: {problem}")
        for decision in view.log.since(logged):
            if decision.reason_code == INVALID_INTENT:
                self._fail(view, f"a buy or sell it asked for is invalid: {decision.detail}")
        return intents

    def _fail(self, view: StrategyView, what: str, *, returned: bool = True) -> NoReturn:
        """Stop the replay. What ``decide`` returned is located at its definition (a raise
        names its own line) and is what a live cycle drops."""
        where = f" (decide at {_definition(innermost(self.inner))})" if returned else ""
        live = "; live, the kernel drops it (invalid_intent)" if returned else ""
        raise StrategyFault(
            f"{self.name}: {what}{where}, in the decision at {_when(view)}{live}: fix the strategy"
        )


def _kept(guard: FaultGuard, exc: BaseException) -> str:
    """Why an attribute the strategy's ``indicators`` sets is missing in ``decide``."""
    strategy = innermost(guard.inner)
    if not isinstance(exc, AttributeError) or exc.obj is not strategy:
        return ""
    try:
        source = inspect.getsource(type(strategy).indicators)
    except (OSError, TypeError):  # no source to read: say nothing rather than guess
        return ""
    if f"self.{exc.name}" in source:
        return (
            " (in a backtest indicators run once, on the whole dataset, in a copy of the "
            "strategy of their own: decide cannot read what they keep on self, it would be "
            "the future; return it as a column and read it with view.series)"
        )
    return ""


def checked_indicators(strategy: Strategy, name: str, indicators: Indicators) -> Indicators:
    """``indicators`` raising :class:`StrategyFault` when the strategy's code raises or does
    not return a mapping of columns."""

    def computed(frame: Frame) -> Mapping[str, Sequence[Any]]:
        try:
            columns = indicators(frame)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 -- the strategy's bug: reported
            raise StrategyFault(
                f"{name}: indicators raised {raised(strategy, exc)} on {frame.symbol.normalized}"
                "'s candles: fix the strategy"
            ) from None
        if not isinstance(columns, Mapping):
            raise StrategyFault(
                f"{name}: indicators returned {_shown(columns)}: return a dict of column name -> "
                "one value per candle (None where unknown)"
            )
        return columns

    return computed


def _shown(value: object) -> str:
    return "None" if value is None else f"a {type(value).__name__} {short_repr(value)}"


def _definition(strategy: object) -> str:
    """``file.py:line`` of the strategy's ``decide``."""
    try:
        function = type(strategy).decide  # type: ignore[attr-defined]
        source = inspect.getsourcefile(function)
        _, line = inspect.getsourcelines(function)
    except (AttributeError, OSError, TypeError):
        return "its decide"
    return f"{Path(source or '?').name}:{line}"


def _when(view: StrategyView) -> str:
    at = datetime.fromtimestamp(view.now_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")
    if not view.symbols:
        return at
    symbol = view.symbols[0]
    return f"{at} (bar {view.bars(symbol)} of {symbol.normalized})"


__all__ = ["FaultGuard", "StrategyFault", "checked_indicators"]
