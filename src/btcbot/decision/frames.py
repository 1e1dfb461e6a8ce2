"""Candle and indicator columns of one symbol, with a cursor a decision cannot read past.

A :class:`Frame` holds columns of equal length, oldest row first: the candle columns
(:data:`CANDLE_COLUMNS`) and a strategy's indicator columns. ``end`` is how many rows a
decision may see: the candles closed by the cycle's time. In live trading a frame is built
from the candles fetched for the cycle (``end`` is all of them); in a replay a strategy's
indicators may be computed once over the whole dataset, and each cycle sees the same columns
with ``end`` moved on.

:class:`Series` is the read-only view a strategy gets of one column: ``series[-1]`` is the
current (last closed) bar, ``series[-2]`` the one before; ``len(series)`` counts visible rows
only; iterating stops at the current bar; a slice is clipped to it; ``index`` finds a value
among the visible rows (ValueError when it is not there). Reading a row at or beyond ``end``
raises :class:`LookaheadError`, naming the symbol, the column and the bars.

A frame a replay shows a cycle (:meth:`Frame.at` with rows after ``end``) holds the same
guard on its whole columns: ``frame.columns[name]`` is that column's :class:`Series`, so
``frame.rows`` is ``end``, a later row raises, and neither :meth:`Frame.at` nor
:func:`dataclasses.replace` can show more rows again. A frame whose rows all are visible (a
live cycle's, the whole dataset's that indicators are computed on) keeps its plain columns.

A replay's cycle frames (:meth:`Frame.shown`, from
:class:`~btcbot.backtest.lookahead.ReplayFrames`) go further: their columns are lists that
grow a row at a time as the replay's clock moves on, so their private storage
(``Series._values``, the guard's own fields) holds no row after the furthest bar shown
either; the whole-dataset columns stay with the replay. What this cannot close: Python has
no private memory, so a strategy that walks the garbage collector, or keeps what its
``indicators`` saw (in a replay, computed once on the whole dataset), can still find later
rows. That is deliberate, not an accident; the decision-level check (``btcbot lookahead``,
``sweep``) catches such a read wherever it changes a decision or the strategy's code path.
(A strategy can also compute an indicator that peeks at later rows of its input: the
replay's recomputation check, :mod:`btcbot.backtest.lookahead`, catches that and names the
column.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, overload

from btcbot.domain import Candle, Symbol
from btcbot.domain.slots import fast_init, slot_setter

CANDLE_COLUMNS = ("open_time_s", "open", "high", "low", "close", "volume")
"""Every frame has these: the candle's open time (epoch seconds, UTC) and its OHLCV values."""


class LookaheadError(LookupError):
    """A decision read a row it could not have seen at the time (a later candle)."""


class Series(Sequence[Any]):
    """One column up to the current bar (see the module docstring)."""

    __slots__ = ("_end", "_name", "_symbol", "_values")

    def __init__(self, symbol: Symbol, name: str, values: Sequence[Any], end: int) -> None:
        self._symbol = symbol
        self._name = name
        self._values = values
        self._end = end

    @property
    def name(self) -> str:
        return self._name

    def __len__(self) -> int:
        return self._end

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return self._values[slice(*index.indices(self._end))]
        row = index + self._end if index < 0 else index
        if row < 0:
            raise IndexError(f"{self._where()}: row {index} is before the first bar")
        if row >= self._end:
            raise LookaheadError(
                f"lookahead: {self._where()} row {row} read at bar {self._end - 1}: "
                "that bar had not closed yet"
            )
        return self._values[row]

    def __iter__(self) -> Iterator[Any]:
        values = self._values
        for row in range(self._end):
            yield values[row]

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """The first visible row holding ``value`` (between ``start`` and ``stop``, as
        ``list.index``); ValueError when there is none. (``Sequence.index`` would read on
        until an IndexError, into the row after the current bar.)"""
        values = self._values
        for row in range(*slice(start, stop).indices(self._end)):
            found = values[row]
            if found is value or found == value:
                return row
        raise ValueError(f"{value!r} is not in {self._where()} up to bar {self._end - 1}")

    @property
    def last(self) -> Any:
        """The current bar's value (``series[-1]``); None before the first bar."""
        return self._values[self._end - 1] if self._end else None

    def _where(self) -> str:
        return f"{self._symbol.normalized} column {self._name!r}"

    def __repr__(self) -> str:
        return f"Series({self._where()}, {self._end} rows)"


def candle_columns(candles: Sequence[Candle]) -> dict[str, tuple[Any, ...]]:
    """The candle columns of ``candles`` (oldest first)."""
    return {
        "open_time_s": tuple(c.open_time_s for c in candles),
        "open": tuple(c.open for c in candles),
        "high": tuple(c.high for c in candles),
        "low": tuple(c.low for c in candles),
        "close": tuple(c.close for c in candles),
        "volume": tuple(c.volume for c in candles),
    }


@fast_init
@dataclass(frozen=True, slots=True)
class Frame:
    """Equal-length columns of one symbol, and how many rows a decision sees."""

    symbol: Symbol
    columns: Mapping[str, Sequence[Any]]
    end: int

    def __post_init__(self) -> None:
        if not isinstance(self.columns, MappingProxyType):
            object.__setattr__(self, "columns", MappingProxyType(dict(self.columns)))
        missing = [name for name in CANDLE_COLUMNS if name not in self.columns]
        if missing:
            raise ValueError(f"frame of {self.symbol} lacks candle column(s) {missing}")
        rows = self.rows
        for name, column in self.columns.items():
            if len(column) != rows:
                raise ValueError(
                    f"column {name!r} of {self.symbol} has {len(column)} rows, the candles "
                    f"{rows}: an indicator must give one value per candle (None where unknown)"
                )
        if not 0 <= self.end <= rows:
            raise ValueError(f"frame end {self.end} outside 0..{rows}")
        if self.end < rows:  # the rows after end are hidden, as Frame.at hides them
            object.__setattr__(self, "columns", _Visible(self.symbol, self.columns, self.end))

    @classmethod
    def of_candles(cls, symbol: Symbol, candles: Sequence[Candle]) -> Frame:
        """All of ``candles`` visible (a live cycle's fetched window)."""
        return cls(symbol, candle_columns(candles), len(candles))

    @property
    def rows(self) -> int:
        return len(self.columns["open_time_s"])

    def with_columns(self, extra: Mapping[str, Sequence[Any]]) -> Frame:
        """This frame plus ``extra`` columns (indicators); a candle column cannot be replaced."""
        clash = sorted(set(extra) & set(CANDLE_COLUMNS))
        if clash:
            raise ValueError(f"indicator name(s) {clash} clash with the candle columns")
        return Frame(self.symbol, {**self.columns, **extra}, self.end)

    def at(self, end: int) -> Frame:
        """The same columns with ``end`` rows visible.

        Hot (a replay shows every symbol's frame at every cycle): the columns were checked
        when this frame was made, so only ``end`` is; the new frame's fields are set through
        their slots (see btcbot.domain.slots), not by ``__init__`` and ``__post_init__``."""
        columns = self.columns
        if type(columns) is _Visible:  # a cut frame: never more rows than it shows
            rows, columns = columns._end, columns._whole
            if not 0 <= end <= rows:
                raise ValueError(f"frame end {end} outside 0..{rows}")
            columns = _Visible(self.symbol, columns, end)
        else:
            rows = len(columns["open_time_s"])
            if not 0 <= end <= rows:
                raise ValueError(f"frame end {end} outside 0..{rows}")
            if end < rows:
                columns = _Visible(self.symbol, columns, end)
        frame = _new_frame(Frame)
        _set_symbol(frame, self.symbol)
        _set_columns(frame, columns)
        _set_end(frame, end)
        return frame

    @staticmethod
    def shown(symbol: Symbol, columns: Mapping[str, Sequence[Any]], end: int) -> Frame:
        """A replay cycle's frame: ``columns`` (equal length, at least ``end`` rows, the
        candle columns among them: the caller's, unchecked, as :meth:`at`'s) seen through the
        cut guard, ``end`` rows visible, even when they have no more rows than that (the
        columns may be the caller's growing lists: nothing public hands them out)."""
        frame = _new_frame(Frame)
        _set_symbol(frame, symbol)
        _set_columns(frame, _Visible(symbol, columns, end))
        _set_end(frame, end)
        return frame

    def series(self, name: str) -> Series:
        columns = self.columns
        if type(columns) is _Visible:
            columns = columns._whole
        column = columns.get(name)
        if column is None:
            known = ", ".join(sorted(self.columns))
            raise KeyError(f"{self.symbol.normalized} has no column {name!r} (it has {known})")
        return Series(self.symbol, name, column, self.end)


class _Visible(Mapping[str, Sequence[Any]]):
    """The columns of a frame cut at ``end`` (what :meth:`Frame.at` shows): each one is read
    as its :class:`Series`, so no public route reads a row at or after ``end``."""

    __slots__ = ("_end", "_symbol", "_whole")

    def __init__(self, symbol: Symbol, whole: Mapping[str, Sequence[Any]], end: int) -> None:
        self._symbol = symbol
        self._whole = whole
        self._end = end

    def __getitem__(self, name: str) -> Series:
        return Series(self._symbol, name, self._whole[name], self._end)

    def __iter__(self) -> Iterator[str]:
        return iter(self._whole)

    def __len__(self) -> int:
        return len(self._whole)

    def __eq__(self, other: object) -> bool:
        if type(other) is _Visible:
            return self._end == other._end and self._whole == other._whole
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<columns {list(self._whole)} of {self._symbol.normalized} up to row {self._end}>"


_new_frame = object.__new__
_set_symbol = slot_setter(Frame, "symbol")
_set_columns = slot_setter(Frame, "columns")
_set_end = slot_setter(Frame, "end")


__all__ = ["CANDLE_COLUMNS", "Frame", "LookaheadError", "Series", "candle_columns"]
