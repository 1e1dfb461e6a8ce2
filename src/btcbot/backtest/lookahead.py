"""Indicators computed once over a whole dataset, and the proof that they do not look ahead.

In a replay a strategy's :meth:`indicators` runs once over each symbol's whole series
(:func:`replay_frames`); each cycle then sees the columns only up to its last closed candle
(:class:`ReplayFrames`, and :class:`~btcbot.decision.frames.Series` raises on a later row).
That guard cannot see inside an indicator: a column computed from later candles (a shift the
wrong way, a centred window, a normalisation by the series' maximum) would leak the future
into rows the decision may read. :func:`check_no_lookahead` catches it: it recomputes the
indicators on the data cut at many points and requires every row up to the cut to be the
same as in the whole-dataset run; the first difference is reported with the column, the
symbol and the bar (:class:`LookaheadDetected`). A backtest runs this check before its first
cycle. NaN equals NaN there (float or Decimal): a warm-up of NaN, as pandas' rolling windows
give, is the same value in both runs.

The recomputations must not be answered by state the whole-data computation left behind (a
cache keyed by symbol, an ``lru_cache``, an attribute): :func:`fresh_indicators` gives the
check a copy of the strategy loaded afresh from its file
(:func:`~btcbot.strategy.loader.fresh_copy`, whose docstring says what that cannot reset), and
the decision-level check replays each run on a copy of its own. A strategy that reads the
dataset's file itself, or digs the whole columns out of the interpreter, looks ahead on
purpose: no check in the same process can prove otherwise.

Columns are not the only way to peek. A cycle's frames hold no later row, private storage
included (:class:`ReplayFrames`), and a backtest computes the whole-data indicators in a
fresh copy of the strategy, so what they keep on the instance is not the deciding one's.
What is left (state kept outside the strategy's file, the interpreter dug through), the
decision-level check (:mod:`btcbot.backtest.truncation`) catches: it replays the data
cut at many points and compares every decision with the full run's. Its parts live here:
:class:`RecordingStrategy` wraps the strategy and records each decision (intents, the notes
it logged, what it remembered) with the source lines of the strategy it ran
(:func:`~btcbot.strategy.failures.strategy_files`); :func:`first_difference` compares two
runs' records (outcome and code path) and names where they part (:class:`DecisionDifference`).
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import FrameType
from typing import Any

from btcbot.decision.frames import CANDLE_COLUMNS, Frame
from btcbot.decision.intents import Intent
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset, closed_by
from btcbot.strategy.api import Strategy
from btcbot.strategy.failures import described_raise, strategy_files
from btcbot.strategy.loader import fresh_copy
from btcbot.strategy.parameters import Params
from btcbot.strategy.view import StrategyView
from btcbot.strategy.wrapped import WrappedStrategy, innermost

Indicators = Callable[[Frame], Mapping[str, Sequence[Any]]]
CHECK_POINTS = 24
"""Cuts per symbol: spread evenly over the series (and always its first and last rows)."""


class LookaheadDetected(ValueError):
    """An indicator's value at some bar depends on later candles."""


@dataclass(frozen=True, slots=True)
class ReplayFrames:
    """Each symbol's whole-dataset frame; :meth:`at` shows the rows closed by a time."""

    frames: Mapping[Symbol, Frame]
    close_ms: Mapping[Symbol, Sequence[int]]
    _rows: dict[Symbol, int] = field(default_factory=dict, compare=False, repr=False)
    """Each symbol's rows at the last look (the replay's clock moves forward)."""
    _revealed: dict[Symbol, tuple[dict[str, list[Any]], list[tuple[list[Any], Any]]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Each symbol's columns up to the furthest row shown so far: what a cycle's frame holds.
    They grow as the clock moves on (each row copied once), so nothing a decision can reach,
    private attributes included (``Series._values``), holds a row the replay's clock has not
    reached: the whole-dataset columns stay here, out of its sight. Beside them, each growing
    column paired with its whole one (what a look copies from)."""

    def at(self, now_ms: int) -> Mapping[Symbol, Frame]:
        rows, close_ms, revealed = self._rows, self.close_ms, self._revealed
        shown = {}
        for symbol, frame in self.frames.items():
            count = rows[symbol] = closed_by(close_ms[symbol], now_ms, rows.get(symbol, 0))
            kept = revealed.get(symbol)
            if kept is None:
                whole = frame.columns
                columns: dict[str, list[Any]] = {name: [] for name in whole}
                pairs = [(columns[name], whole[name]) for name in whole]
                kept = revealed[symbol] = columns, pairs
            columns, pairs = kept
            have = len(pairs[0][0])
            if count == have + 1:  # a cycle a candle: one row more
                for column, source in pairs:
                    column.append(source[have])
            elif count > have:
                for column, source in pairs:
                    column.extend(source[have:count])
            shown[symbol] = Frame.shown(symbol, columns, count)
        return shown


def replay_frames(dataset: ReplayDataset, indicators: Indicators) -> ReplayFrames:
    """Candle columns of every series plus its indicators, computed once."""
    frames: dict[Symbol, Frame] = {}
    closes: dict[Symbol, Sequence[int]] = {}
    for symbol, series in sorted(dataset.series.items()):
        base = Frame.of_candles(symbol, [bar.candle for bar in series.bars])
        frames[symbol] = base.with_columns(indicators(base))
        closes[symbol] = [bar.close_ms for bar in series.bars]
    return ReplayFrames(frames, closes)


def cut_points(rows: int, count: int = CHECK_POINTS) -> list[int]:
    """Row counts to cut a series at: ``count`` spread over ``1..rows`` (both ends in)."""
    if rows <= 0:
        return []
    if rows <= count:
        return list(range(1, rows + 1))
    step = (rows - 1) / (count - 1)
    return sorted({1 + round(i * step) for i in range(count)})


def check_no_lookahead(
    frames: ReplayFrames, indicators: Indicators, count: int = CHECK_POINTS
) -> None:
    """Raise :class:`LookaheadDetected` unless every indicator row up to each cut is the same
    computed on the data up to the cut as on the whole dataset."""
    for symbol, full in frames.frames.items():
        candles = {name: full.columns[name] for name in CANDLE_COLUMNS}
        for rows in cut_points(full.rows, count):
            cut = Frame(symbol, {name: column[:rows] for name, column in candles.items()}, rows)
            part = indicators(cut)
            _compare(symbol, full, part, rows)


def _compare(symbol: Symbol, full: Frame, part: Mapping[str, Sequence[Any]], rows: int) -> None:
    names = set(full.columns) - set(CANDLE_COLUMNS)
    if set(part) != names:
        raise LookaheadDetected(
            f"lookahead check: the indicators of {symbol.normalized} computed on its first "
            f"{rows} candles are {sorted(part)}, on the whole dataset {sorted(names)}: "
            "indicators must not depend on how much data follows"
        )
    for name in sorted(names):
        whole, cut = full.columns[name], part[name]
        if len(cut) != rows:
            raise LookaheadDetected(
                f"lookahead check: indicator {name!r} of {symbol.normalized} has {len(cut)} "
                f"values for {rows} candles: give one value per candle (None where unknown)"
            )
        for row in range(rows):
            if not same_value(whole[row], cut[row]):
                when = _when(full, row)
                raise LookaheadDetected(
                    f"lookahead: indicator {name!r} of {symbol.normalized} at bar {row} "
                    f"({when}) is {whole[row]!r} computed on the whole dataset but "
                    f"{cut[row]!r} computed on the candles up to bar {rows - 1}: it reads "
                    "candles that had not closed yet"
                )


def same_value(a: Any, b: Any) -> bool:
    """``a == b``, where NaN equals NaN (float, numpy or Decimal, signalling or quiet)."""
    if a is b:
        return True
    try:
        return bool(a == b) or (a != a and b != b)  # NaN is not itself
    except InvalidOperation:  # a signalling Decimal NaN refuses to compare
        return _is_nan(a) and _is_nan(b)


def _is_nan(value: Any) -> bool:
    if isinstance(value, Decimal):
        return value.is_nan()
    try:
        return bool(value != value)
    except InvalidOperation:
        return False


def fresh_indicators(strategy: Strategy, params: Params) -> Indicators:
    """``strategy``'s indicators computed by a fresh copy of it (see the module docstring),
    for the recomputations on cut data."""
    fresh = fresh_copy(innermost(strategy))
    return lambda frame: fresh.indicators(frame, params)


def _when(frame: Frame, row: int) -> str:
    opened = int(frame.columns["open_time_s"][row])
    return datetime.fromtimestamp(opened, UTC).strftime("%Y-%m-%dT%H:%MZ")


# --- decisions -------------------------------------------------------------------------

Line = tuple[str, int]  # (source file, line number)


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """What one ``decide(view)`` call produced, and the strategy lines it ran."""

    now_ms: int
    intents: tuple[str, ...]
    notes: tuple[str, ...]  # holds and skips the strategy logged: "SYMBOL HOLD code detail"
    remembered: tuple[tuple[str, str], ...] | None
    lines: tuple[Line, ...]
    error: str | None = None  # the exception decide raised, with where in the strategy

    def outcome(self) -> tuple[Any, ...]:
        return (self.intents, self.notes, self.remembered, self.error)

    def course(self) -> tuple[Any, ...]:
        """The outcome and the strategy lines that produced it, in order."""
        return (*self.outcome(), self.lines)

    def describe(self) -> str:
        if self.error is not None:
            return f"raised {self.error}"
        parts = list(self.intents) or ["no intent"]
        parts += self.notes
        if self.remembered:
            parts.append("remembered " + ", ".join(f"{k}={v}" for k, v in self.remembered))
        return "; ".join(parts)


class RecordingStrategy(WrappedStrategy):
    """A strategy that decides exactly as ``inner`` does and records every decision."""

    def __init__(self, inner: Strategy) -> None:
        super().__init__(inner)
        self.records: list[DecisionRecord] = []
        self._owned = strategy_files(inner)

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        logged = len(view.log.freeze())
        lines: list[Line] = []
        error: str | None = None
        intents: list[Intent] = []
        try:
            intents = self._traced(view, lines)
        except (Exception, SystemExit) as exc:
            error = self._error(exc)
            raise
        finally:
            notes = tuple(
                f"{d.symbol.normalized if d.symbol else '-'} {d.action.value} {d.reason_code}"
                + (f" {d.detail}" if d.detail else "")
                for d in view.log.freeze()[logged:]
            )
            kept = view.remembered
            self.records.append(
                DecisionRecord(
                    now_ms=view.now_ms,
                    intents=tuple(_intent_text(i) for i in intents),
                    notes=notes,
                    remembered=None if kept is None else tuple(sorted(kept.items())),
                    lines=tuple(lines),
                    error=error,
                )
            )
        return intents

    def _traced(self, view: StrategyView, lines: list[Line]) -> list[Intent]:
        owned = self._owned

        def local(frame: FrameType, event: str, arg: object) -> Any:
            if event == "line":
                lines.append((frame.f_code.co_filename, frame.f_lineno))
            return local

        def calls(frame: FrameType, event: str, arg: object) -> Any:
            if event == "call" and owned(frame.f_code.co_filename):
                lines.append((frame.f_code.co_filename, frame.f_lineno))
                return local
            return None

        previous = sys.gettrace()
        sys.settrace(calls)
        try:
            return list(self.inner.decide(view))
        finally:
            sys.settrace(previous)

    def _error(self, exc: BaseException) -> str:
        return described_raise(exc, self._owned)


def _intent_text(intent: Intent) -> str:
    return (
        f"{intent.side.value} {intent.symbol.normalized} {intent.quantity} @ {intent.price} "
        f"({intent.reason})"
    )


@dataclass(frozen=True, slots=True)
class DecisionDifference:
    """The first decision a run on cut data took differently from the full run."""

    cut_ms: int  # the data ended with the candle closing here
    at_ms: int  # the decision that differs
    full: DecisionRecord
    cut: DecisionRecord
    code_path: str

    def describe(self) -> str:
        if self.full.outcome() == self.cut.outcome():
            return (
                f"lookahead: the decision at {_iso(self.at_ms)} came to the same "
                f"[{self.full.describe()}] by another way when the data ends at "
                f"{_iso(self.cut_ms)}; {self.code_path}"
            )
        return (
            f"lookahead: the decision at {_iso(self.at_ms)} differs when the data ends at "
            f"{_iso(self.cut_ms)}: with the whole dataset it was [{self.full.describe()}], with "
            f"the data up to then [{self.cut.describe()}]; {self.code_path}"
        )


def first_difference(
    full: Sequence[DecisionRecord], cut: Sequence[DecisionRecord], cut_ms: int
) -> DecisionDifference | None:
    """The first decision at or before ``cut_ms`` whose outcome or code path differs (None:
    all equal).

    The code path counts: a decision that ran other strategy lines on the cut data than on the
    whole data branched on something it could not have known, even where both branches end in
    the same outcome (a peek that only sometimes changes what is done). Sound because both
    runs start from a fresh copy of the strategy on the same data up to the cut: a strategy
    that depends only on what it was shown runs the same lines. (One whose lines depend on
    something else that varies between runs, such as object addresses or the wall clock, is
    refused too: its decisions are not reproducible either.)"""
    by_time = {record.now_ms: record for record in full}
    for record in cut:
        if record.now_ms > cut_ms:
            break
        whole = by_time.get(record.now_ms)
        if whole is None or whole.course() != record.course():
            if whole is None:
                whole = DecisionRecord(record.now_ms, (), ("(no decision)",), None, ())
            return DecisionDifference(cut_ms, record.now_ms, whole, record, _path(whole, record))
    return None


def _path(full: DecisionRecord, cut: DecisionRecord) -> str:
    """Where the two runs' strategy code parted: the first line one ran and the other did
    not, or the lines both ran when only values differ."""
    for index, (a, b) in enumerate(zip(full.lines, cut.lines, strict=False)):
        if a != b:
            after = f" after {_line(full.lines[index - 1])}" if index else ""
            return (
                f"the strategy's code path parts{after}: the full run went on at {_line(a)}, "
                f"the cut run at {_line(b)} (the branch taken depends on data it could not "
                "have seen)"
            )
    if len(full.lines) != len(cut.lines):
        shorter, longer = sorted((full.lines, cut.lines), key=len)
        ended = _line(shorter[-1]) if shorter else "its first line"
        return (
            f"the strategy's code path parts after {ended}: one run stopped there, the other "
            f"went on at {_line(longer[len(shorter)])}"
        )
    ran = sorted({_line(one) for one in full.lines})
    shown = ", ".join(ran[:12]) + (" ..." if len(ran) > 12 else "")
    return (
        f"the same strategy lines ran with different values (lines {shown or 'none traced'}): "
        "a value they read depends on later data"
    )


def _line(line: Line) -> str:
    text = linecache.getline(line[0], line[1]).strip()
    shown = f" `{text[:70]}`" if text else ""
    return f"{Path(line[0]).name}:{line[1]}{shown}"


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")


__all__ = [
    "CHECK_POINTS",
    "DecisionDifference",
    "DecisionRecord",
    "LookaheadDetected",
    "RecordingStrategy",
    "ReplayFrames",
    "WrappedStrategy",
    "check_no_lookahead",
    "cut_points",
    "first_difference",
    "fresh_indicators",
    "replay_frames",
    "same_value",
]
