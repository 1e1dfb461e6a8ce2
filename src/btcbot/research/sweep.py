"""A parameter sweep from start to report: check for lookahead, tune each window, test it.

1. The strategy is checked for lookahead at its default parameters (decision level, over at
   most :data:`LOOKAHEAD_BARS` candles of the first train span); a strategy that peeks is
   refused before any trial runs.
2. Each validation window's study (:mod:`btcbot.research.study`) gets ``--trials`` trials,
   each one replay of its train span, run by this process's workers (``--jobs``) and by
   every other process that joined the same studies.
3. Every window's best feasible trial is replayed on its test span (out of sample).
4. The parameters to use next are the last window's best (tuned on the most recent data);
   they are checked for lookahead too, and come out as ``--param`` flags and ``.env`` lines.

Everything the report shows is in :class:`SweepOutcome`; :mod:`btcbot.research.report` turns
it into text, JSON and HTML.
"""

from __future__ import annotations

import logging
import multiprocessing
import warnings
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import optuna
from optuna.study import Study
from optuna.trial import FrozenTrial, Trial, TrialState

from btcbot.backtest.data import dataset_digest
from btcbot.backtest.lookahead import LookaheadDetected
from btcbot.backtest.rules import described
from btcbot.backtest.runner import described_costs
from btcbot.backtest.truncation import DEFAULT_CUTS, LookaheadVerdict
from btcbot.decision.frames import LookaheadError
from btcbot.exchange.fill_model import FillModel
from btcbot.exchange.replay import timeline
from btcbot.obs.logging import configure_logging
from btcbot.research.objectives import TrialFigures, drawdown_excess, score
from btcbot.research.sampler import TrialSeededTPE
from btcbot.research.space import SearchSpace, build_space
from btcbot.research.study import (
    VALUES,
    StorageOptions,
    TrialLoop,
    WindowStudy,
    best_trial,
    close_storage,
    finished_trials,
    join_study,
    study_names,
)
from btcbot.research.subject import ReplayBench, Subject
from btcbot.research.windows import Span, Validation, Window, check_lengths
from btcbot.strategy.parameters import ParameterError, ParamValue

LOOKAHEAD_BARS = 1500
"""Candles of the first train span the pre-sweep lookahead check replays (it replays them
once per cut: the check costs about cuts / 2 full replays of this many candles)."""
FIGURES = "figures"
REFUSED = "refused"
ERROR = "error"


class LookaheadFound(ValueError):
    """The strategy reads data it could not have had: the sweep does not start (exit 2)."""


@dataclass(frozen=True, slots=True)
class SweepPlan:
    subject: Subject
    objective: str
    trials: int
    seed: int
    validation: Validation
    fixed: Mapping[str, str] = field(default_factory=dict)
    ranges: Mapping[str, str] = field(default_factory=dict)
    max_drawdown: float | None = None
    jobs: int = 1
    storage: StorageOptions = field(default_factory=StorageOptions)
    study: str = "btcbot-sweep"
    start_ms: int | None = None
    end_ms: int | None = None
    keep: Path | None = None  # trial databases kept in this directory
    lookahead_cuts: int = DEFAULT_CUTS


@dataclass(frozen=True, slots=True)
class TrialRow:
    number: int
    state: str  # COMPLETE | PRUNED | FAIL
    value: float | None
    values: Mapping[str, str]
    figures: TrialFigures | None
    feasible: bool
    note: str | None  # why it was refused or failed


@dataclass(frozen=True, slots=True)
class WindowOutcome:
    window: Window
    study: str
    trials: tuple[TrialRow, ...]
    best: TrialRow | None
    oos: TrialFigures | None
    importance: Mapping[str, float] | None
    importance_note: str | None


@dataclass(frozen=True, slots=True)
class SweepOutcome:
    plan: SweepPlan
    space: SearchSpace
    dataset_digest: str
    span: Span
    windows: tuple[WindowOutcome, ...]
    recommended: Mapping[str, str] | None  # exact text, as --param takes it
    lookahead_before: LookaheadVerdict
    lookahead_after: LookaheadVerdict | None
    settings_stage: int


ProgressHook = Callable[[int, int], None]


def run_sweep(plan: SweepPlan, on_progress: ProgressHook | None = None) -> SweepOutcome:
    bench = ReplayBench(plan.subject)
    space = build_space(bench.declared(), plan.fixed, plan.ranges)
    span = sweep_span(bench, plan)
    windows = plan.validation.windows(span)
    defaults = {**{d.name: d.param.default for d in space.dimensions}, **space.fixed}
    _check_lengths(plan, bench, windows, space, defaults)
    before = bench.lookahead(defaults, _bounded(windows[0].train, bench), plan.lookahead_cuts)
    if not before.clean:
        raise LookaheadFound(f"{plan.subject.label}: {before.describe()}")
    digest = dataset_digest(bench.data)
    storage = plan.storage.open()
    try:
        outcomes = _tune(plan, bench, storage, space, windows, digest, on_progress)
    finally:
        close_storage(storage)
    recommended = _recommended(outcomes)
    after = None
    if recommended is not None:
        typed = _typed(bench, recommended)
        after = bench.lookahead(typed, _bounded(windows[-1].train, bench), plan.lookahead_cuts)
    return SweepOutcome(
        plan=plan,
        space=space,
        dataset_digest=digest,
        span=span,
        windows=tuple(outcomes),
        recommended=recommended,
        lookahead_before=before,
        lookahead_after=after,
        settings_stage=bench.profile(defaults).stage,
    )


def _tune(
    plan: SweepPlan,
    bench: ReplayBench,
    storage: optuna.storages.BaseStorage,
    space: SearchSpace,
    windows: list[Window],
    digest: str,
    on_progress: ProgressHook | None,
) -> list[WindowOutcome]:
    sampler = TrialSeededTPE(plan.seed)
    studies = []
    for window, name in zip(windows, study_names(plan.study, len(windows)), strict=True):
        fingerprint = _fingerprint(plan, space, digest, window)
        study = join_study(
            storage, name, slots=plan.trials, fingerprint=fingerprint, sampler=sampler
        )
        study_id = storage.get_study_id_from_name(name)
        studies.append(WindowStudy(window.index, study, window.train, study_id))
    _run_trials(plan, bench, storage, studies, space, on_progress)
    return [_window_outcome(plan, bench, w, s) for w, s in zip(windows, studies, strict=True)]


def sweep_span(bench: ReplayBench, plan: SweepPlan) -> Span:
    """Cycle times the sweep covers: the dataset's closes within ``--start``/``--end``."""
    closes = timeline(bench.data)
    start = closes[0] if plan.start_ms is None else max(plan.start_ms, closes[0])
    end = closes[-1] if plan.end_ms is None else min(plan.end_ms, closes[-1])
    if end <= start:
        raise ParameterError("--start/--end leave no candle of the dataset to sweep over")
    return Span(start, end + 1)


def _check_lengths(
    plan: SweepPlan,
    bench: ReplayBench,
    windows: list[Window],
    space: SearchSpace,
    defaults: dict[str, ParamValue],
) -> None:
    """Windows shorter than a couple of candles, or a train span shorter than the strategy's
    warm-up (at its default parameters, moved into the searched ranges), are refused before
    the lookahead check runs."""
    try:
        profile = bench.profile(space.defaults())
    except ParameterError:  # the moved defaults make a combination the strategy refuses
        profile = bench.profile(defaults)
    needs = profile.requirements
    interval = max(s.interval_ms for s in bench.data.series.values())
    check_lengths(plan.validation, windows, interval, needs.warmup_bars, needs.timeframe_ms)


def _bounded(span: Span, bench: ReplayBench) -> Span:
    interval = min(s.interval_ms for s in bench.data.series.values())
    return Span(span.start_ms, min(span.end_ms, span.start_ms + LOOKAHEAD_BARS * interval))


def _fingerprint(
    plan: SweepPlan, space: SearchSpace, digest: str, window: Window
) -> dict[str, Any]:
    # the rules given (--rules) tie the study to them; a sweep on the shipped table's keeps
    # the fingerprint studies had before rules could be given
    given = plan.subject.rules
    rules = {} if given is None else {"rules": described(given)}
    model = plan.subject.fill_model  # so do fees or slippage other than the base tier's
    costs = {} if model == FillModel() else {"costs": described_costs(model)}
    return {
        "subject": plan.subject.label,
        "dataset": digest,
        "objective": plan.objective,
        "max_drawdown": plan.max_drawdown,
        "space": space.describe(),
        "seed": plan.seed,
        "train": [window.train.start_ms, window.train.end_ms],
        "replay": [
            str(plan.subject.balance_try),
            plan.subject.book_seed,
            str(plan.subject.spread_bps),
            plan.subject.step_bars,
        ],
        **rules,
        **costs,
    }


# --- trials ------------------------------------------------------------------------------

_BENCH: ReplayBench | None = None


def _init_worker(subject: Subject, log_level: str) -> None:
    """A worker process (spawned: nothing of the parent's set-up is inherited) logs as the
    parent does: to stderr from ``log_level`` up (a replay logs every order transition at
    INFO; unconfigured, structlog printed each of them on stdout, amid the report)."""
    global _BENCH
    configure_logging(log_level, json=False)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    _BENCH = ReplayBench(subject)


def _replay(span: Span, values: dict[str, Any], keep: Path | None) -> TrialFigures:
    assert _BENCH is not None, "the worker was not initialised"
    return _BENCH.replay(values, span, keep)


class _Inline:
    """Evaluates in this process (``--jobs 1``): the future is done when returned."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001 -- handed to finish() like a worker's error
            future.set_exception(exc)
        return future

    def shutdown(self) -> None:
        return None


def _run_trials(
    plan: SweepPlan,
    bench: ReplayBench,
    storage: optuna.storages.BaseStorage,
    studies: list[WindowStudy],
    space: SearchSpace,
    on_progress: ProgressHook | None,
) -> None:
    global _BENCH
    executor: _Inline | ProcessPoolExecutor
    if plan.jobs > 1:
        executor = ProcessPoolExecutor(
            plan.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(plan.subject, logging.getLevelName(logging.getLogger().level)),
        )
    else:
        _BENCH = bench
        executor = _Inline()

    def evaluate(window: int, span: Span, values: dict[str, Any], number: int) -> Future[Any]:
        keep = None
        if plan.keep is not None:
            keep = plan.keep / f"w{window}-trial{number:04d}.db"
        return executor.submit(_replay, span, values, keep)

    def finish(
        window: WindowStudy, trial: Trial, values: dict[str, Any], done: Future[Any]
    ) -> None:
        _finish(window.study, trial, done, plan)

    loop = TrialLoop(
        storage,
        studies,
        space,
        evaluate,
        finish,
        jobs=plan.jobs,
        poll_seconds=plan.storage.poll_seconds,
        on_progress=on_progress,
    )
    try:
        loop.run()
    finally:
        if isinstance(executor, ProcessPoolExecutor):
            executor.shutdown(wait=True, cancel_futures=True)
        _BENCH = None


def _finish(study: Study, trial: Trial, done: Future[Any], plan: SweepPlan) -> None:
    try:
        figures: TrialFigures = done.result()
    except (LookaheadDetected, LookaheadError):
        study.tell(trial, state=TrialState.FAIL)
        raise
    except ParameterError as exc:  # a combination the strategy refuses (fast >= slow, ...)
        trial.set_user_attr(REFUSED, str(exc))
        study.tell(trial, state=TrialState.PRUNED)
        return
    except Exception as exc:  # noqa: BLE001 -- the strategy failed: recorded, the sweep goes on
        trial.set_user_attr(ERROR, f"{type(exc).__name__}: {exc}")
        study.tell(trial, state=TrialState.FAIL)
        return
    trial.set_user_attr(FIGURES, figures.to_json())
    excess = drawdown_excess(figures, plan.max_drawdown)
    if excess is not None:
        trial.set_constraint("max_drawdown", excess)
    study.tell(trial, score(plan.objective, figures))


# --- results -----------------------------------------------------------------------------


def _row(trial: FrozenTrial) -> TrialRow:
    attrs = trial.user_attrs
    figures = attrs.get(FIGURES)
    return TrialRow(
        number=trial.number,
        state=trial.state.name,
        value=trial.value if trial.state is TrialState.COMPLETE else None,
        values=dict(attrs.get(VALUES, {})),
        figures=None if figures is None else TrialFigures.from_json(figures),
        feasible=all(v <= 0 for v in trial.constraints.values()),
        note=attrs.get(REFUSED) or attrs.get(ERROR),
    )


def _window_outcome(
    plan: SweepPlan, bench: ReplayBench, window: Window, held: WindowStudy
) -> WindowOutcome:
    trials = finished_trials(held.study)
    best = best_trial(trials)
    best_row = None if best is None else _row(best)
    oos = None
    if best is not None and window.test is not None:
        values = _typed(bench, best.user_attrs[VALUES])
        oos = bench.replay(values, window.test, _oos_keep(plan, window))
    importance, note = _importance(held.study)
    return WindowOutcome(
        window=window,
        study=held.study.study_name,
        trials=tuple(_row(t) for t in sorted(trials, key=lambda t: t.number)),
        best=best_row,
        oos=oos,
        importance=importance,
        importance_note=note,
    )


def _oos_keep(plan: SweepPlan, window: Window) -> Path | None:
    return None if plan.keep is None else plan.keep / f"w{window.index}-out-of-sample.db"


def _typed(bench: ReplayBench, text: Mapping[str, str]) -> dict[str, ParamValue]:
    declared = bench.declared()
    return {name: declared[name].validate(name, value) for name, value in text.items()}


def _importance(study: Study) -> tuple[dict[str, float] | None, str | None]:
    complete = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
    if len(complete) < 3:
        return None, f"{len(complete)} complete trial(s): too few to weigh parameters"
    if len({t.value for t in complete}) < 2:
        return None, "every trial scored the same: no parameter made a difference"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            found = optuna.importance.get_param_importances(study)
        except (RuntimeError, ValueError, ZeroDivisionError) as exc:
            return None, f"not computed: {exc}"
    note = "; ".join(str(w.message) for w in caught) or None
    return {name: float(value) for name, value in found.items()}, note


def _recommended(outcomes: list[WindowOutcome]) -> dict[str, str] | None:
    """The last window's best (tuned on the most recent train span), as text values; None
    when there is none, or when no trial of that window traded (:func:`traded`): then every
    trial scored what doing nothing scores, and the "best" is an arbitrary pick."""
    last = outcomes[-1]
    if last.best is None or not any(traded(t) for t in last.trials):
        return None
    return dict(last.best.values)


def traded(trial: TrialRow) -> bool:
    """Whether ``trial``'s replay made a fill."""
    return trial.figures is not None and trial.figures.fills > 0


__all__ = [
    "LOOKAHEAD_BARS",
    "LookaheadFound",
    "SweepOutcome",
    "SweepPlan",
    "TrialRow",
    "WindowOutcome",
    "run_sweep",
    "sweep_span",
    "traded",
]
