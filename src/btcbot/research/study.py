"""Where trials come from and go to: Optuna studies, shared through Optuna's own storage.

Without ``--storage`` a sweep keeps its studies in memory and its worker processes
(``--jobs``) evaluate what this process asks for. With ``--storage postgresql+psycopg://...
--study NAME`` the studies live in that database (Optuna's RDB storage), and the same
command started on any number of machines joins them. Nothing here schedules work of its own;
the study is the only shared state:

* **Slots.** The process that creates a study enqueues ``--trials`` empty trials into it
  (Optuna's trial queue, ``enqueue_trial``), then records what the sweep is (its
  fingerprint: strategy, data, objective, space, windows, seed). A process that finds the
  study already there checks the fingerprint (another sweep under the same name is refused)
  and joins. Workers only ever pop queued trials, each popped by exactly one worker (the
  storage's state change from WAITING to RUNNING is atomic); when the queue is empty they
  stop. So the study ends with exactly ``--trials`` finished trials, however many workers.
* **Heartbeats.** Each running trial's heartbeat is recorded while it runs; a trial whose
  worker died (no heartbeat for the grace period) is failed by the next worker that looks,
  and Optuna's ``RetryHeartbeatStaleTrialCallback`` queues it again with the same parameters, so it
  is done once more by someone alive. A worker that runs out of queued trials waits while
  other workers' trials are still running, to take over a retried one.
* **Sampling.** Each trial's parameters come from TPE seeded by the sweep seed and the trial
  number (:mod:`btcbot.research.sampler`), sampled by the worker that popped it.

Each validation window is a study of its own (``NAME`` for one window, ``NAME.w0``,
``NAME.w1``, ... for walk-forward).
"""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Any

import optuna
import sqlalchemy.exc
from optuna.exceptions import DuplicatedStudyError, UpdateFinishedTrialError
from optuna.storages import (
    BaseStorage,
    InMemoryStorage,
    RDBStorage,
    RetryHeartbeatStaleTrialCallback,
    fail_stale_trials,
)
from optuna.study import Study, StudyDirection
from optuna.trial import FrozenTrial, Trial, TrialState

from btcbot.research.sampler import TrialSeededTPE
from btcbot.research.space import SearchSpace
from btcbot.research.windows import Span
from btcbot.runtime.interrupts import held

HEARTBEAT_SECONDS = 30
GRACE_SECONDS = 120
RETRIES = 3
POLL_SECONDS = 1.0
JOIN_WAIT_SECONDS = 120.0
CREATE_ATTEMPTS = 5
FINGERPRINT = "btcbot_sweep"
SLOTS = "btcbot_slots"
VALUES = "values"  # a trial's parameter values as exact text


class StudyMismatch(ValueError):
    """The named study exists for another sweep (or is unusable): exit 2."""


@dataclass(frozen=True, slots=True)
class StorageOptions:
    url: str | None = None
    heartbeat_seconds: int = HEARTBEAT_SECONDS
    grace_seconds: int = GRACE_SECONDS
    retries: int = RETRIES
    poll_seconds: float = POLL_SECONDS

    def open(self) -> BaseStorage:
        if self.url is None:
            return InMemoryStorage()
        for attempt in range(CREATE_ATTEMPTS):
            try:
                return self._rdb(self.url)
            except (sqlalchemy.exc.IntegrityError, sqlalchemy.exc.ProgrammingError):
                # Workers starting together on a new database race to create Optuna's
                # tables; the loser finds them made when it tries again.
                if attempt == CREATE_ATTEMPTS - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def _rdb(self, url: str) -> RDBStorage:
        with warnings.catch_warnings():  # Optuna marks its heartbeats "experimental"
            warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
            return RDBStorage(
                url,
                engine_kwargs={"pool_pre_ping": True},
                heartbeat_interval=self.heartbeat_seconds,
                grace_period=self.grace_seconds,
                heartbeat_stale_trial_callback=RetryHeartbeatStaleTrialCallback(self.retries),
            )


@dataclass
class WindowStudy:
    """One validation window's study and the span its trials replay."""

    index: int
    study: Study
    span: Span
    study_id: int


def join_study(
    storage: BaseStorage,
    name: str,
    *,
    slots: int,
    fingerprint: Mapping[str, Any],
    sampler: TrialSeededTPE,
    wait_seconds: float = JOIN_WAIT_SECONDS,
) -> Study:
    """Create the study with ``slots`` queued trials, or join the one of the same sweep."""
    try:
        study = optuna.create_study(
            storage=storage, study_name=name, direction="maximize", sampler=sampler
        )
    except DuplicatedStudyError:
        study = optuna.load_study(study_name=name, storage=storage, sampler=sampler)
        _await_setup(study, name, slots, fingerprint, wait_seconds)
        return study
    for _ in range(slots):
        study.enqueue_trial({})
    study.set_user_attr(FINGERPRINT, json.loads(json.dumps(fingerprint)))
    study.set_user_attr(SLOTS, slots)  # last: the study is ready to be joined
    return study


def _await_setup(
    study: Study, name: str, slots: int, fingerprint: Mapping[str, Any], wait_seconds: float
) -> None:
    deadline = time.monotonic() + wait_seconds
    while SLOTS not in study.user_attrs:
        if time.monotonic() > deadline:
            raise StudyMismatch(
                f"study {name} exists but was never set up by a sweep (its creator stopped "
                "before queueing its trials, or another program made it): use another --study"
            )
        time.sleep(0.2)
    attrs = study.user_attrs
    theirs = attrs.get(FINGERPRINT, {})
    ours = json.loads(json.dumps(fingerprint))
    if study.direction is not StudyDirection.MAXIMIZE or theirs != ours:
        differs = sorted(k for k in set(theirs) | set(ours) if theirs.get(k) != ours.get(k))
        raise StudyMismatch(
            f"study {name} belongs to another sweep (it differs in: {', '.join(differs)}): "
            "run the same command as its other workers, or use another --study"
        )
    if attrs[SLOTS] != slots:
        raise StudyMismatch(
            f"study {name} was made for {attrs[SLOTS]} trials, not {slots}: use --trials "
            f"{attrs[SLOTS]} to join it, or another --study"
        )


def close_storage(storage: BaseStorage) -> None:
    """Close an RDB storage's connections (a long-lived process opens several)."""
    if isinstance(storage, RDBStorage):
        storage.remove_session()
        storage.engine.dispose()


def study_names(base: str, windows: int) -> list[str]:
    return [base] if windows == 1 else [f"{base}.w{index}" for index in range(windows)]


# --- the loop ----------------------------------------------------------------------------

Evaluate = Callable[[int, Span, dict[str, Any], int], Future[Any]]
"""``(window, span, values, trial number) -> future`` of the replay's result."""
Finish = Callable[[WindowStudy, Trial, dict[str, Any], Future[Any]], None]


@dataclass
class _Running:
    window: WindowStudy
    trial: Trial
    trial_id: int
    values: dict[str, Any]


@dataclass
class TrialLoop:
    """This worker's share of the trials of every window (see the module docstring)."""

    storage: BaseStorage
    windows: list[WindowStudy]
    space: SearchSpace
    evaluate: Evaluate
    finish: Finish
    jobs: int = 1
    poll_seconds: float = POLL_SECONDS
    on_progress: Callable[[int, int], None] | None = None  # (finished, total) over the sweep
    _running: dict[Future[Any], _Running] = field(default_factory=dict)
    _claimed: set[int] = field(default_factory=set)  # trial ids this worker beats for
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _owners: dict[int, Study] = field(default_factory=dict)  # claimed trial id -> its study

    def run(self) -> None:
        beat = _Heartbeat(self.storage, self._lock, self._trial_ids)
        beat.start()
        try:
            for window in self.windows:
                self._drain(window, wait_for_others=False)
            for window in self.windows:  # others' trials (and retries of the dead ones)
                self._drain(window, wait_for_others=True)
        except BaseException:  # stopped (Ctrl-C, SIGTERM) or failed: hand back its trials
            self._release()
            raise
        finally:
            beat.stop()

    def _release(self) -> None:
        """The trials this worker was running, failed and queued again with the same
        parameters at once (what another worker does to a dead worker's trial once its
        heartbeat is stale), so a sweep run again goes on without waiting for that."""
        retry = None
        if isinstance(self.storage, RDBStorage):
            retry = self.storage.get_heartbeat_stale_trial_callback()
        with self._lock:
            claimed = [(trial_id, self._owners.get(trial_id)) for trial_id in self._claimed]
            self._claimed.clear()
        for trial_id, study in claimed:
            try:
                if not self.storage.set_trial_state_values(trial_id, state=TrialState.FAIL):
                    continue
                if retry is not None and study is not None:
                    retry(study, self.storage.get_trial(trial_id))
            except Exception:  # noqa: BLE001 -- best effort: the heartbeat rule remains
                continue

    def _trial_ids(self) -> list[int]:
        return list(self._claimed)

    def _drain(self, window: WindowStudy, *, wait_for_others: bool) -> None:
        while True:
            _fail_stale(window.study)
            while len(self._running) < self.jobs:
                claimed = self._claim(window)
                if claimed is None:
                    break
                self._start(window, *claimed)
            self._progress()
            if self._running:
                self._collect()
                continue
            if wait_for_others and self._pending(window, TrialState.RUNNING):
                time.sleep(self.poll_seconds)
                continue
            return

    def _claim(self, window: WindowStudy) -> tuple[Trial, int] | None:
        """Pop one queued trial of ``window`` (None: the queue is empty)."""
        for queued in self.storage.get_all_trials(
            window.study_id, deepcopy=False, states=(TrialState.WAITING,)
        ):
            trial_id = self.storage.get_trial_id_from_study_id_trial_number(
                window.study_id, queued.number
            )
            try:
                with held():  # a stop signal waits until the trial taken is noted as ours
                    if self.storage.set_trial_state_values(trial_id, state=TrialState.RUNNING):
                        with self._lock:  # beaten from now on (a --jobs 1 replay runs in
                            self._claimed.add(trial_id)  # this thread, before its future)
                            self._owners[trial_id] = window.study
                    else:
                        continue
                self._beat(trial_id)  # at once: a trial without one is never seen stale
                return Trial(window.study, trial_id), trial_id
            except UpdateFinishedTrialError:
                continue
        return None

    def _beat(self, trial_id: int) -> None:
        if isinstance(self.storage, RDBStorage) and self.storage.get_heartbeat_interval():
            self.storage.record_heartbeat(trial_id)

    def _start(self, window: WindowStudy, trial: Trial, trial_id: int) -> None:
        sampled = {d.name: suggest(trial, d.name, d.distribution) for d in self.space.dimensions}
        values = self.space.values(sampled)
        trial.set_user_attr(VALUES, {name: str(value) for name, value in values.items()})
        future = self.evaluate(window.index, window.span, values, trial.number)
        with self._lock:
            self._running[future] = _Running(window, trial, trial_id, values)

    def _collect(self) -> None:
        done, _ = wait(list(self._running), timeout=self.poll_seconds, return_when=FIRST_COMPLETED)
        for future in done:
            with self._lock:
                running = self._running.pop(future)
                self._claimed.discard(running.trial_id)
                self._owners.pop(running.trial_id, None)
            self.finish(running.window, running.trial, running.values, future)

    def _pending(self, window: WindowStudy, *states: TrialState) -> int:
        return len(self.storage.get_all_trials(window.study_id, deepcopy=False, states=states))

    def _progress(self) -> None:
        if self.on_progress is None:
            return
        total = sum(int(w.study.user_attrs.get(SLOTS, 0)) for w in self.windows)
        pending = sum(
            self._pending(w, TrialState.WAITING, TrialState.RUNNING) for w in self.windows
        )
        self.on_progress(total - pending, total)


def _fail_stale(study: Study) -> None:
    """Optuna's own check for trials whose worker died (RDB storage with heartbeats)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        fail_stale_trials(study)


def suggest(trial: Trial, name: str, distribution: optuna.distributions.BaseDistribution) -> Any:
    """Optuna's public ``suggest_*`` for one distribution."""
    d = distribution
    if isinstance(d, optuna.distributions.IntDistribution):
        return trial.suggest_int(name, d.low, d.high, step=d.step, log=d.log)
    if isinstance(d, optuna.distributions.FloatDistribution):
        return trial.suggest_float(name, d.low, d.high, step=d.step, log=d.log)
    if isinstance(d, optuna.distributions.CategoricalDistribution):
        return trial.suggest_categorical(name, d.choices)
    raise TypeError(f"parameter {name}: no suggest for {d!r}")


class _Heartbeat:
    """Records the heartbeat of this worker's running trials (RDB storage only)."""

    def __init__(
        self, storage: BaseStorage, lock: threading.Lock, trial_ids: Callable[[], list[int]]
    ) -> None:
        self._storage = storage
        self._lock = lock
        self._trial_ids = trial_ids
        self._stop = threading.Event()
        interval = storage.get_heartbeat_interval() if isinstance(storage, RDBStorage) else None
        self._interval = interval
        self._thread = threading.Thread(target=self._loop, name="sweep-heartbeat", daemon=True)

    def start(self) -> None:
        if self._interval is not None:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        assert isinstance(self._storage, RDBStorage) and self._interval is not None
        while not self._stop.wait(min(self._interval / 2, 5.0)):
            with self._lock:
                ids = self._trial_ids()
            for trial_id in ids:
                self._storage.record_heartbeat(trial_id)


def finished_trials(study: Study) -> list[FrozenTrial]:
    """The trials of a study that ran to an end (complete, pruned or failed for good)."""
    states = (TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)
    every = study.get_trials(deepcopy=False)
    retried = {n for t in every for n in t.system_attrs.get("retry_history", ())}
    return [t for t in every if t.state in states and t.number not in retried]


def complete_trials(study: Study) -> list[FrozenTrial]:
    return study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))


def feasible(trial: FrozenTrial) -> bool:
    return all(value <= 0 for value in trial.constraints.values())


def best_trial(trials: Iterable[FrozenTrial]) -> FrozenTrial | None:
    """The feasible complete trial of the highest value (the lowest number on a tie)."""
    candidates = [t for t in trials if t.state is TrialState.COMPLETE and feasible(t)]
    return max(candidates, key=lambda t: (t.value, -t.number), default=None)


__all__ = [
    "StorageOptions",
    "StudyMismatch",
    "TrialLoop",
    "WindowStudy",
    "best_trial",
    "close_storage",
    "complete_trials",
    "feasible",
    "finished_trials",
    "join_study",
    "study_names",
    "suggest",
]
