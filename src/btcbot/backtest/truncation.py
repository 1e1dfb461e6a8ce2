"""The decision-level lookahead check: replay the data cut at many points, compare decisions.

A decision at time ``t`` may only depend on what was known at ``t``. So the strategy is
replayed once on the whole data (every decision recorded, :class:`RecordingStrategy`), then
once for each cut: on the data as it stood at a candle close ``T`` (every later candle
removed, :func:`truncate`), from the same start. Each decision the cut run takes at or
before ``T`` must equal the full run's at the same time: the same intents (side, symbol,
size, price, reason), the same holds and skips with their details, the same remembered
state, and the same strategy lines run to get there (:func:`~btcbot.backtest.lookahead.
first_difference` says why that is sound). Every run, the full one and each cut one, decides
with a fresh copy of the strategy (:func:`~btcbot.strategy.loader.fresh_copy`): a cut run must
not be answered by what the full run cached. The first one that differs is reported
(:class:`~btcbot.backtest.lookahead.DecisionDifference`) with the strategy source line where
the two runs' code paths part (or the lines both ran when only values differ, or the line
that raised in the cut run).

A strategy that declares ``triggers`` is also held to them here on every bar (no cycle is
slept in these replays): an intent where its column is false raises
:class:`~btcbot.strategy.api.TriggerMissed`.

The indicator columns are checked first, as every backtest does
(:func:`~btcbot.backtest.lookahead.check_no_lookahead`): a peeking column is named there.

The replay itself must not look ahead for this to work (a synthetic book or a fill
depending on a later candle would show up as a difference too); the test suite runs the
check over the built-in strategies to hold the engine to that.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from btcbot.backtest.lookahead import (
    DecisionDifference,
    DecisionRecord,
    LookaheadDetected,
    RecordingStrategy,
    first_difference,
)
from btcbot.backtest.runner import BacktestResult, BacktestSetupError, run_backtest
from btcbot.backtest.triggers import TriggerGuard
from btcbot.config.params import ProfileParams
from btcbot.domain import Symbol, SymbolRules
from btcbot.exchange.datasets import ReplayDataset
from btcbot.exchange.fill_model import FillModel
from btcbot.kernel.profile import Profile
from btcbot.strategy.loader import StrategyLoadError, fresh_copy

DEFAULT_CUTS = 12


@dataclass(frozen=True, slots=True)
class LookaheadVerdict:
    """What the check found: nothing, a peeking indicator column, or a differing decision."""

    cuts: tuple[int, ...]  # the candle closes the data was cut at
    decisions: int  # decisions of the full run
    compared: int  # decision comparisons made over all cuts
    indicator: str | None = None  # a column that reads later candles (LookaheadDetected)
    difference: DecisionDifference | None = None

    @property
    def clean(self) -> bool:
        return self.indicator is None and self.difference is None

    def describe(self) -> str:
        if self.indicator is not None:
            return self.indicator
        if self.difference is not None:
            return self.difference.describe()
        return (
            f"no lookahead: {self.compared} decisions at {len(self.cuts)} cut points took the "
            f"same course on the data as it stood then as on the whole data ({self.decisions} "
            "decisions in the full run)"
        )


@dataclass(frozen=True, slots=True)
class ReplaySetup:
    """How to replay (the same for the full run and every cut run)."""

    params: ProfileParams
    starting_balances: Mapping[str, Decimal]
    seed: int
    spread_bps: Decimal
    symbols: tuple[Symbol, ...] | None = None
    step_bars: int = 1
    start_ms: int | None = None
    end_ms: int | None = None
    rules: Mapping[Symbol, SymbolRules] | None = None  # default: the shipped symbol table's
    fill_model: FillModel | None = None  # the venue's fees and slippage (default: base tier)

    async def replay(
        self,
        dataset: ReplayDataset,
        profile: Profile,
        out_db: Path,
        *,
        overwrite: bool,
        until_end: bool = True,
        every_bar: bool = False,
    ) -> BacktestResult:
        """``run_backtest`` of ``profile`` on ``dataset`` as this setup says (``until_end``
        False: to the end of ``dataset``, already cut where the replay must stop)."""
        return await run_backtest(
            dataset,
            stage=self.params.stage,
            params=self.params,
            profile=profile,
            symbols=self.symbols,
            out_db=out_db,
            starting_balances=self.starting_balances,
            seed=self.seed,
            spread_bps=self.spread_bps,
            step_bars=self.step_bars,
            start_ms=self.start_ms,
            end_ms=self.end_ms if until_end else None,
            overwrite=overwrite,
            every_bar=every_bar,
            rules=self.rules,
            fill_model=self.fill_model,
        )


async def check_decisions(
    dataset: ReplayDataset,
    profile: Profile,
    setup: ReplaySetup,
    *,
    cuts: int = DEFAULT_CUTS,
    scratch: Path | None = None,
) -> LookaheadVerdict:
    """Replay on the whole ``dataset`` (to ``setup.end_ms``), then on the data cut at
    ``cuts`` decision times spread over that run; compare (see the module docstring).
    Replays write throw-away databases under ``scratch`` (a temporary directory by default).
    """
    with tempfile.TemporaryDirectory(dir=scratch, prefix="lookahead-") as folder:
        work = Path(folder)
        data = dataset if setup.end_ms is None else truncate(dataset, _last_close(dataset, setup))
        try:
            full = await _recorded(data, profile, setup, work / "full.db")
        except LookaheadDetected as exc:
            return LookaheadVerdict((), 0, 0, indicator=str(exc))
        except _StrategyFailed as failed:
            raise StrategyFailed(
                f"{profile.name} failed on the whole data: {failed.records[-1].error}"
            ) from None
        times = [record.now_ms for record in full]
        chosen = _cut_times(times, cuts)
        compared = 0
        for number, cut_ms in enumerate(chosen):
            part = truncate(data, cut_ms)
            try:
                records = await _recorded(part, profile, setup, work / f"cut-{number}.db")
            except LookaheadDetected as exc:
                return LookaheadVerdict(tuple(chosen), len(full), compared, indicator=str(exc))
            except _StrategyFailed as failed:
                records = failed.records  # compared below: the failing decision differs
            difference = first_difference(full, records, cut_ms)
            compared += sum(1 for r in records if r.now_ms <= cut_ms)
            if difference is not None:
                return LookaheadVerdict(tuple(chosen), len(full), compared, difference=difference)
        return LookaheadVerdict(tuple(chosen), len(full), compared)


class StrategyFailed(RuntimeError):
    """The strategy raised on the whole data: there is nothing to compare against."""


class _StrategyFailed(Exception):
    """The strategy raised in a cut run; ``records`` end with the failing decision."""

    def __init__(self, records: list[DecisionRecord]) -> None:
        super().__init__("the strategy raised")
        self.records = records


async def _recorded(
    dataset: ReplayDataset, profile: Profile, setup: ReplaySetup, out_db: Path
) -> list[DecisionRecord]:
    # each run on a copy of the strategy that has computed nothing: no cut run is answered
    # by state (a cache, an attribute) the full run or an earlier cut run left behind
    try:
        recorder = RecordingStrategy(fresh_copy(profile.strategy))
    except StrategyLoadError as exc:
        raise BacktestSetupError(str(exc)) from None
    column = profile.requirements.triggers
    # every bar is planned here, so a strategy acting off its triggers is caught wherever
    strategy = recorder if column is None else TriggerGuard(recorder, column)
    try:
        await setup.replay(
            dataset,
            replace(profile, strategy=strategy),
            out_db,
            overwrite=True,
            until_end=False,  # the data is cut where the replay stops
            every_bar=True,  # every decision is compared, none slept through
        )
    except Exception:
        if recorder.records and recorder.records[-1].error is not None:
            raise _StrategyFailed(recorder.records) from None
        raise
    return recorder.records


def truncate(dataset: ReplayDataset, until_ms: int) -> ReplayDataset:
    """The data as it stood at ``until_ms``: only the candles closed by then."""
    kept = []
    for series in dataset.series.values():
        bars = tuple(bar for bar in series.bars if bar.close_ms <= until_ms)
        if bars:
            kept.append(replace(series, bars=bars))
    return ReplayDataset.of(*kept)


def _last_close(dataset: ReplayDataset, setup: ReplaySetup) -> int:
    """The last candle close the run to ``end_ms`` decides at, plus the step after it (the
    orders of the last cycle trade during it)."""
    assert setup.end_ms is not None
    closes = sorted({b.close_ms for s in dataset.series.values() for b in s.bars})
    inside = [c for c in closes if c <= setup.end_ms]
    later = [c for c in closes if c > setup.end_ms]
    return later[0] if later else (inside[-1] if inside else closes[0])


def _cut_times(times: list[int], count: int) -> list[int]:
    """``count`` decision times spread over the run, the last one excluded (cutting there
    is the full run)."""
    candidates = sorted(set(times))[:-1]
    if len(candidates) <= count:
        return candidates
    step = len(candidates) / count
    return sorted(
        {candidates[min(len(candidates) - 1, int((i + 1) * step) - 1)] for i in range(count)}
    )


__all__ = [
    "DEFAULT_CUTS",
    "LookaheadVerdict",
    "ReplaySetup",
    "StrategyFailed",
    "check_decisions",
    "truncate",
]
