"""A strategy's triggers column in a replay: when the next cycle can matter, and the check
that the strategy never acts where its column says it would not.

``Requirements.triggers`` names one of the strategy's indicator columns (booleans, ``None``
read as false); it is computed once with the other indicators and passes the same lookahead
proof. :class:`Wakes` answers, for the replay clock, the first time at or after it at which
some traded symbol's last closed candle is a trigger: until then an idle runner sleeps
(:mod:`btcbot.runtime.slept`). :class:`TriggerGuard` wraps the strategy for such a run: when
a planned cycle's decision acts on a symbol whose last candle is no trigger (an intent, or
something new remembered), the run stops with :class:`~btcbot.strategy.api.TriggerMissed`
naming the bar, since bars like it were slept through.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from btcbot.backtest.lookahead import ReplayFrames, WrappedStrategy
from btcbot.decision.frames import Frame
from btcbot.decision.intents import Intent
from btcbot.domain import Symbol
from btcbot.kernel.profile import Profile
from btcbot.strategy.api import Strategy, TriggerMissed
from btcbot.strategy.view import StrategyView


class TriggerColumnError(ValueError):
    """The declared triggers column is missing or holds something other than booleans."""


@dataclass(frozen=True, slots=True)
class Wakes:
    """Per traded symbol: its candles' close times and the rows its triggers column marks."""

    closes: Mapping[Symbol, Sequence[int]]
    flags: Mapping[Symbol, Sequence[bool]]
    rows: Mapping[Symbol, Sequence[int]]

    def next_wake(self, now_ms: int) -> int | None:
        """The first time at or after ``now_ms`` at which some symbol's last closed candle is
        a trigger (``now_ms`` itself when one is now); None: no trigger is left."""
        first: int | None = None
        for symbol, closes in self.closes.items():
            row = bisect_right(closes, now_ms) - 1
            if row >= 0 and self.flags[symbol][row]:
                return now_ms
            rows = self.rows[symbol]
            following = bisect_right(rows, row)
            if following < len(rows):
                at = closes[rows[following]]
                first = at if first is None or at < first else first
        return first


def wakes_of(frames: ReplayFrames, column: str, symbols: Iterable[Symbol]) -> Wakes:
    """The ``column`` of each of ``symbols``' frames, checked (:class:`TriggerColumnError`)."""
    closes: dict[Symbol, Sequence[int]] = {}
    flags: dict[Symbol, Sequence[bool]] = {}
    rows: dict[Symbol, Sequence[int]] = {}
    for symbol in symbols:
        frame = frames.frames.get(symbol)
        if frame is None:
            continue
        values = _column(frame, column)
        flags[symbol] = values
        rows[symbol] = [row for row, flag in enumerate(values) if flag]
        closes[symbol] = frames.close_ms[symbol]
    return Wakes(closes, flags, rows)


def _column(frame: Frame, column: str) -> list[bool]:
    values = frame.columns.get(column)
    if values is None:
        computed = ", ".join(sorted(frame.columns)) or "none"
        raise TriggerColumnError(
            f"requirements: triggers names the column {column!r}, which the strategy's "
            f"indicators do not return (columns: {computed}); return it from indicators()"
        )
    flags = []
    for row, value in enumerate(values):
        if value is None:
            flags.append(False)
        elif isinstance(value, bool) or type(value).__name__ == "bool_":  # numpy's too
            flags.append(bool(value))
        else:
            raise TriggerColumnError(
                f"triggers column {column!r} of {frame.symbol.normalized} holds {value!r} at "
                f"row {row}: give True, False or None per candle"
            )
    return flags


class TriggerGuard(WrappedStrategy):
    """A strategy that decides exactly as ``inner`` and refuses to act off its triggers."""

    def __init__(self, inner: Strategy, column: str) -> None:
        super().__init__(inner)
        self.column = column

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        before = view.state
        intents = list(self.inner.decide(view))
        for intent in intents:
            if not self._triggered(view, intent.symbol):
                self._missed(view, intent.symbol, f"{intent.side.value} ({intent.reason})")
        remembered = view.remembered
        changed = remembered is not None and dict(remembered) != dict(before)
        if changed and not any(self._triggered(view, symbol) for symbol in view.symbols):
            self._missed(view, None, "remembered " + ", ".join(sorted(remembered or {})))
        return intents

    def _triggered(self, view: StrategyView, symbol: Symbol) -> bool:
        series = view.series(symbol, self.column)
        return len(series) > 0 and bool(series[-1])

    def _missed(self, view: StrategyView, symbol: Symbol | None, what: str) -> None:
        at = datetime.fromtimestamp(view.now_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")
        where = f"on {symbol.normalized} " if symbol is not None else ""
        raise TriggerMissed(
            f"the strategy acted {where}at {at} ({what}) where its triggers column "
            f"{self.column!r} is false: a backtest sleeps through such bars, so the column "
            "must be true wherever decide may act; fix it, or run with --every-bar"
        )


def guarded(profile: Profile) -> Profile:
    """``profile`` with its strategy wrapped in a :class:`TriggerGuard`."""
    column = profile.requirements.triggers
    if column is None:
        return profile
    return replace(profile, strategy=TriggerGuard(profile.strategy, column))


__all__ = ["TriggerColumnError", "TriggerGuard", "Wakes", "guarded", "wakes_of"]
