"""Validation windows: where a sweep tunes (in sample) and where it checks (out of sample).

* ``--walk-forward train=180d,test=30d[,step=30d]``: rolling windows over the sweep's range:
  tune on ``train``, test the best parameters on the ``test`` right after it, move on by
  ``step`` (default: ``test``, so the test spans tile the range without overlap). A window
  is kept only while its test span fits in the data.
* ``--split 0.7``: one window: the first 70 % of the range tunes, the rest tests.
* neither: one window tuning on the whole range, with no out-of-sample test (the report says
  so in its headline).

Spans are half-open in time, ``[start, end)``, and a replay cycle at time ``t`` belongs to
the span holding ``t``; a test span starts where its train span ends, so no cycle is in both.
Candles before a span are still there for the strategy's warm-up (they are the past).
A span must be long enough to say anything (:func:`check_lengths`, before any trial runs): a
test span at least :data:`MIN_SPAN_CANDLES` candles, a train span that as well and no shorter
than the strategy's warm-up, and windows roll by a candle at least; anything shorter would
only multiply the replays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from btcbot.exchange.datasets import ReplayDataset

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
_UNITS = {"d": DAY_MS, "h": HOUR_MS, "w": 7 * DAY_MS}
_DURATION = re.compile(r"^(\d+)([dhw])$")
MIN_SPAN_CANDLES = 2
"""Candles a train or test span holds at least: with fewer, no ratio of its replay is defined."""


class WindowError(ValueError):
    """A validation option that cannot make windows: the message says what to write."""


@dataclass(frozen=True, slots=True)
class Span:
    start_ms: int
    end_ms: int  # exclusive

    @property
    def length_ms(self) -> int:
        return self.end_ms - self.start_ms

    @property
    def last_cycle_ms(self) -> int:
        """The replay's ``end_ms`` (inclusive) for this span."""
        return self.end_ms - 1


@dataclass(frozen=True, slots=True)
class Window:
    index: int
    train: Span
    test: Span | None  # None: in-sample only


@dataclass(frozen=True, slots=True)
class Validation:
    """How the range is cut; ``describe`` is the line the report prints."""

    kind: str  # walk-forward | split | none
    train_ms: int | None = None
    test_ms: int | None = None
    step_ms: int | None = None
    fraction: float | None = None

    def describe(self) -> str:
        if self.kind == "walk-forward":
            assert self.train_ms and self.test_ms and self.step_ms
            return (
                f"walk-forward: train {_days(self.train_ms)}, test the next "
                f"{_days(self.test_ms)}, rolled by {_days(self.step_ms)}"
            )
        if self.kind == "split":
            return f"train/test split: first {self.fraction:.0%} tunes, the rest tests"
        return "none: tuned on the whole range, no out-of-sample test"

    def windows(self, span: Span) -> list[Window]:
        if self.kind == "walk-forward":
            return _rolling(span, self)
        if self.kind == "split":
            assert self.fraction is not None
            cut = span.start_ms + int(span.length_ms * self.fraction)
            return [Window(0, Span(span.start_ms, cut), Span(cut, span.end_ms))]
        return [Window(0, span, None)]


def parse_walk_forward(text: str) -> Validation:
    parts: dict[str, int] = {}
    for item in (p.strip() for p in text.split(",")):
        key, sep, value = item.partition("=")
        match = _DURATION.match(value.strip())
        if not sep or key.strip() not in ("train", "test", "step") or match is None:
            raise WindowError(
                f"--walk-forward {text!r}: write train=180d,test=30d[,step=30d] "
                "(durations in d, h or w)"
            )
        parts[key.strip()] = int(match.group(1)) * _UNITS[match.group(2)]
    if "train" not in parts or "test" not in parts:
        raise WindowError(f"--walk-forward {text!r}: give both train= and test=")
    if min(parts.values()) <= 0:
        raise WindowError(f"--walk-forward {text!r}: durations must be > 0")
    step = parts.get("step", parts["test"])
    return Validation("walk-forward", parts["train"], parts["test"], step)


def parse_split(fraction: float) -> Validation:
    if not 0.05 <= fraction <= 0.95:
        raise WindowError(f"--split {fraction}: give the train share, between 0.05 and 0.95")
    return Validation("split", fraction=fraction)


def _rolling(span: Span, validation: Validation) -> list[Window]:
    assert validation.train_ms and validation.test_ms and validation.step_ms
    windows: list[Window] = []
    start = span.start_ms
    while start + validation.train_ms + validation.test_ms <= span.end_ms:
        cut = start + validation.train_ms
        train, test = Span(start, cut), Span(cut, cut + validation.test_ms)
        windows.append(Window(len(windows), train, test))
        start += validation.step_ms
    if not windows:
        raise WindowError(
            f"--walk-forward: the data's range ({_days(span.length_ms)}) is shorter than one "
            f"train + test window ({_days(validation.train_ms + validation.test_ms)}): "
            "shorten them or give more data"
        )
    return windows


def check_lengths(
    validation: Validation,
    windows: list[Window],
    interval_ms: int,
    warmup_bars: int = 0,
    timeframe_ms: int | None = None,
) -> None:
    """Refuse windows too short to tune or test on: spans of fewer than
    :data:`MIN_SPAN_CANDLES` candles of ``interval_ms`` (the step of a replay's cycles), a
    train span shorter than the strategy's warm-up of ``warmup_bars`` candles of its
    ``timeframe_ms`` (else of the data's), or windows rolled by less than a candle."""
    if validation.kind == "none":
        return
    first = windows[0]
    option = "--split" if validation.kind == "split" else "--walk-forward"
    candle = _candle(interval_ms)
    warmup_ms = warmup_bars * (timeframe_ms or interval_ms)
    train_needs = max(MIN_SPAN_CANDLES * interval_ms, warmup_ms)
    if first.train.length_ms < train_needs:
        why = (
            f"its warm-up of {warmup_bars} candles of {_candle(timeframe_ms or interval_ms)}"
            if warmup_ms > MIN_SPAN_CANDLES * interval_ms
            else f"{MIN_SPAN_CANDLES} candles of {candle}"
        )
        raise WindowError(
            f"{option}: a train span of {_days(first.train.length_ms)} is shorter than the "
            f"strategy needs ({why}, {_days(train_needs)}): "
            + _longer(validation, "train", train_needs)
        )
    test_needs = MIN_SPAN_CANDLES * interval_ms
    if first.test is not None and first.test.length_ms < test_needs:
        raise WindowError(
            f"{option}: a test span of {_days(first.test.length_ms)} holds fewer than "
            f"{MIN_SPAN_CANDLES} candles of {candle}: " + _longer(validation, "test", test_needs)
        )
    step = validation.step_ms
    if step is not None and step < interval_ms:
        raise WindowError(
            f"--walk-forward: a step of {_days(step)} is shorter than a candle ({candle}): "
            f"windows less than a candle apart hold the same candles; give step={candle} or longer"
        )


def _candle(ms: int) -> str:
    if ms % HOUR_MS and ms % 60_000 == 0:
        return f"{ms // 60_000}m"
    return _days(ms)


def _longer(validation: Validation, part: str, needs_ms: int) -> str:
    if validation.kind == "split":
        share = "a larger" if part == "train" else "a smaller"
        return f"give {share} --split share or more data"
    hours = -(-needs_ms // HOUR_MS) * HOUR_MS  # the option takes whole hours at least
    return f"give {part}={_days(hours)} or longer"


def _days(ms: int) -> str:
    if ms % DAY_MS == 0:
        return f"{ms // DAY_MS}d"
    if ms % HOUR_MS == 0:
        return f"{ms // HOUR_MS}h"
    return f"{ms / DAY_MS:.2f}d"


def slice_dataset(dataset: ReplayDataset, from_ms: int, to_ms: int) -> ReplayDataset:
    """The candles opening in ``[from_ms, to_ms)`` of every series (those series that have
    any): what a replay of a span needs, with its warm-up before and one step after."""
    kept = []
    for series in dataset.series.values():
        bars = tuple(b for b in series.bars if from_ms <= b.open_ms < to_ms)
        if bars:
            kept.append(replace(series, bars=bars))
    return ReplayDataset.of(*kept)


__all__ = [
    "Span",
    "Validation",
    "Window",
    "WindowError",
    "check_lengths",
    "parse_split",
    "parse_walk_forward",
    "slice_dataset",
]
