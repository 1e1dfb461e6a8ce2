"""Backtests through the SAME cycle runner live trading uses, on a replayed exchange.

Only the seams differ from ``btcbot run``: the exchange port is a
:class:`~btcbot.exchange.replay.ReplayExchange`, the clock is the replay's simulated clock,
market data is read from that port (``rest`` mode, ages measured on the simulated clock from
the time each book's data was observed: 0 at a candle close, growing through a gap in the
data), and orders are journaled in ``replay`` mode into a fresh database of role ``replay``.
The OMS start-up reconciliation, the ledger guard, the kernel, the persistence order and the
act step are the live ones. The store behind them is the engine's choice
(:mod:`btcbot.backtest.storage`): in memory and written at the end (``fast``, the default) or
the database itself (``db``); both give the same database.

Each cycle: ``runner.run_once()``, then the replay clock moves ``step_bars`` candle closes on
(resting orders trade against the candles on the way). After the last cycle one more
reconciliation books the fills of that last step, so the ledger explains the final balances.

Nothing reads the wall clock or unseeded randomness: one dataset, seed and parameter set
always give the same database contents (ids, timestamps, plan fingerprints).
"""

from __future__ import annotations

import gc
import glob
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from btcbot.accounting import value_holdings
from btcbot.backtest.canonical import canonical, digest
from btcbot.backtest.data import dataset_digest
from btcbot.backtest.faults import FaultGuard, StrategyFault, checked_indicators
from btcbot.backtest.lookahead import (
    ReplayFrames,
    check_no_lookahead,
    fresh_indicators,
    replay_frames,
)
from btcbot.backtest.records import read_run, write_manifest
from btcbot.backtest.report import BacktestSummary, summarize
from btcbot.backtest.rules import described, venue_rules
from btcbot.backtest.storage import ENGINES, BacktestEngine, RunStorage, open_run_storage
from btcbot.backtest.triggers import TriggerColumnError, Wakes, guarded, wakes_of
from btcbot.config.params import ProfileParams
from btcbot.domain import Symbol, SymbolRules
from btcbot.exchange.datasets import ReplayDataset
from btcbot.exchange.fill_model import FillModel
from btcbot.exchange.recorded_depth import RecordedDepth
from btcbot.exchange.replay import DepthModel, ReplayExchange
from btcbot.execution import OmsSettings, OrderManager
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.profile import Profile
from btcbot.marketdata import MarketDataService
from btcbot.runtime.cycle import CycleRunner, CycleSettings
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.runtime.report import CycleReport
from btcbot.store import (
    DbRole,
    ExecutionMode,
    FileKind,
    StoreError,
    driver_errors,
    make_engine,
    peek_role,
    sqlite_url,
)
from btcbot.store.access import SQLITE_SIDECARS, file_kind
from btcbot.strategy.loader import StrategyLoadError

MANIFEST_VERSION = 1


class BacktestSetupError(ValueError):
    """The backtest cannot start as asked (existing output, symbols, stage, window)."""


@dataclass(frozen=True, slots=True)
class BacktestResult:
    out_db: Path
    cycles: int  # cycles run (skipped ones included)
    skipped: int  # cycles that made no plan (reconciliation, ledger or data problems)
    slept: int  # cycles recorded as slept: no trigger, the account idle (no plan needed)
    exhausted: bool  # the dataset ran out before max_cycles / end_ms
    start_ms: int
    final_ms: int
    venue_balances: Mapping[str, Decimal]  # what the replay exchange holds at the end
    final_marks: Mapping[Symbol, Decimal]
    summary: BacktestSummary


@dataclass(frozen=True, slots=True)
class _Inputs:
    """Everything that decides a backtest's outcome (and goes into its manifest)."""

    dataset: ReplayDataset
    rules: Mapping[Symbol, SymbolRules]
    params: ProfileParams
    traded: tuple[Symbol, ...]
    starting_balances: Mapping[str, Decimal]
    seed: int
    spread_bps: Decimal
    step_bars: int
    begin_ms: int
    end_ms: int | None
    account_key: str
    depth: DepthModel | None
    profile: Profile
    recorded: RecordedDepth | None = None
    every_bar: bool = False
    fill_model: FillModel = field(default_factory=FillModel)


@dataclass(frozen=True, slots=True)
class _Rig:
    replay: ReplayExchange
    runner: CycleRunner
    oms: OrderManager
    storage: RunStorage
    wakes: Wakes | None = None
    """When the runner may sleep (the strategy's triggers); None: every bar is planned."""


async def run_backtest(
    dataset: ReplayDataset,
    *,
    stage: int,
    params: ProfileParams,
    out_db: Path,
    symbols: tuple[Symbol, ...] | None = None,
    starting_balances: Mapping[str, Decimal],
    seed: int,
    spread_bps: Decimal,
    step_bars: int = 1,
    start_ms: int | None = None,
    end_ms: int | None = None,
    max_cycles: int | None = None,
    on_report: Callable[[CycleReport], None] | None = None,
    account_key: str = "main",
    depth: DepthModel | None = None,
    recorded: RecordedDepth | None = None,
    overwrite: bool = False,
    profile: Profile | None = None,
    engine: BacktestEngine = "fast",
    every_bar: bool = False,
    on_slept: Callable[[int], None] | None = None,
    rules: Mapping[Symbol, SymbolRules] | None = None,
    fill_model: FillModel | None = None,
) -> BacktestResult:
    """Replay ``dataset`` through the cycle runner into a new database at ``out_db``.

    ``symbols`` are the configured traded pairs (default: every replayed one). Cycles run from
    ``start_ms`` (default: the first candle close) while the clock is at or before ``end_ms``,
    at most ``max_cycles`` of them. Candles before ``start_ms`` still feed the 24 h tickers.
    ``recorded`` order books, when given, are the replay's books wherever one was recorded
    (:class:`~btcbot.exchange.recorded_depth.RecordedDepth`).
    ``profile`` is what plans (default: the built-in profile of ``params``); ``params`` are
    the settings' (the kernel configuration ``profile`` runs in). ``engine`` picks where the
    run's state lives while it runs (see :mod:`btcbot.backtest.storage`). ``rules``: each
    pair's exchange rules (:func:`~btcbot.backtest.rules.read_rules_file`; default: the shipped
    symbol table's). ``fill_model``: the venue's fees and extra slippage (default: BTCTurk's
    base tier, none).

    A strategy that declares ``triggers`` is planned only where they can matter: the cycles
    in between are slept (:mod:`btcbot.runtime.slept`; ``on_slept`` hears how many at a
    time, ``on_report`` hears the planned ones); ``every_bar`` plans every cycle anyway.

    Raises :class:`BacktestSetupError` (bad inputs, existing ``out_db``, a strategy's candles
    that do not fit the dataset), :class:`~btcbot.backtest.lookahead.LookaheadDetected` or
    :class:`~btcbot.backtest.rules.UnknownSymbolRules` before touching ``out_db``;
    :class:`~btcbot.backtest.faults.StrategyFault` when the strategy's code raises or hands
    the kernel something that is not a valid intent (its indicators before the first cycle,
    its decide during the run).
    """
    _check_inputs(stage, params, step_bars, max_cycles, engine)
    profile = profile or builtin_profile(params)
    profile = replace(profile, strategy=FaultGuard(profile.strategy, profile.name))
    first_close = min(one.bars[0].close_ms for one in dataset.series.values())
    begin = first_close if start_ms is None else max(start_ms, first_close)
    if end_ms is not None and end_ms < begin:
        raise BacktestSetupError("the backtest window ends before its first candle closes")
    inputs = _Inputs(
        dataset=dataset,
        rules=venue_rules(dataset.symbols, rules),
        params=params,
        traded=_traded(dataset, symbols),
        starting_balances=dict(starting_balances),
        seed=seed,
        spread_bps=spread_bps,
        step_bars=step_bars,
        begin_ms=begin,
        end_ms=end_ms,
        account_key=account_key,
        depth=depth,
        profile=profile,
        recorded=recorded,
        every_bar=every_bar,
        fill_model=fill_model or FillModel(),
    )
    frames = _frames(dataset, profile)
    wakes = _wakes(inputs, frames)
    if wakes is not None:
        inputs = replace(inputs, profile=guarded(profile))
    _fresh(out_db, overwrite)
    _clear_stale(out_db)
    work = _partial(out_db)
    try:
        storage = open_run_storage(engine, work)
        try:
            rig = _build(inputs, storage, frames, wakes)
            with _settled_heap():
                result = await _run(rig, inputs, out_db, max_cycles, on_report, on_slept)
        finally:
            storage.close()  # also when the wiring failed: its transaction rolled back
        _install(work, out_db)
    except BaseException:
        _discard(work)  # the previous --out, if any, is untouched
        raise
    return result


@contextmanager
def _settled_heap() -> Iterator[None]:
    """The run's long-lived inputs (the dataset's bars and candles, its frames, the replay's
    books of every series: a year of minute bars is tens of millions of objects) out of the
    garbage collector's sight for the run: each full collection would walk them all again and
    find nothing (they live until the run ends). ``gc.freeze`` moves every object alive now to
    a permanent generation; ``gc.unfreeze`` gives them back after the run, so a process that
    runs many backtests (a sweep, the tests) collects each run's data as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


async def _run(
    rig: _Rig,
    inputs: _Inputs,
    out_db: Path,
    max_cycles: int | None,
    on_report: Callable[[CycleReport], None] | None,
    on_slept: Callable[[int], None] | None,
) -> BacktestResult:
    manifest = _manifest(inputs, rig.replay)
    store = rig.storage.store
    write_manifest(store, inputs.account_key, manifest, rig.replay.now_ms())
    await rig.oms.startup(inputs.traded)
    cycles, skipped, slept, exhausted = await _loop(rig, inputs, max_cycles, on_report, on_slept)
    await rig.oms.reconcile(inputs.traded)  # book the fills of the last step
    balances = {asset: b.total for asset, b in (await rig.replay.balances()).items()}
    marks = _marks(rig.replay, inputs.dataset.symbols)
    final = value_holdings(balances, marks)
    manifest |= {
        "cycles": cycles,
        "skipped": skipped,
        "slept": slept,
        "exhausted": exhausted,
        "final_ms": rig.replay.now_ms(),
        "final_marks": canonical(marks),
        "final_equity": canonical(final.total) if final.complete else None,
    }
    write_manifest(store, inputs.account_key, manifest, rig.replay.now_ms())
    rig.storage.finish()
    return BacktestResult(
        out_db=out_db,
        cycles=cycles,
        skipped=skipped,
        slept=slept,
        exhausted=exhausted,
        start_ms=inputs.begin_ms,
        final_ms=rig.replay.now_ms(),
        venue_balances=balances,
        final_marks=marks,
        summary=summarize(read_run(rig.storage.engine, inputs.account_key)),
    )


async def _loop(
    rig: _Rig,
    inputs: _Inputs,
    max_cycles: int | None,
    on_report: Callable[[CycleReport], None] | None,
    on_slept: Callable[[int], None] | None,
) -> tuple[int, int, int, bool]:
    """Run cycles; return (cycles, skipped, slept, whether the data ran out)."""
    cycles = skipped = slept = 0
    replay, runner, wakes = rig.replay, rig.runner, rig.wakes
    while max_cycles is None or cycles < max_cycles:
        now = replay.now_ms()
        if inputs.end_ms is not None and now > inputs.end_ms:
            return cycles, skipped, slept, False
        wake = now if wakes is None else wakes.next_wake(now)
        report: CycleReport | None
        if wake == now:  # a trigger now (or none declared): plan
            report, done = await runner.run_once(), 1
        elif runner.idle:  # idle until the next trigger: sleep through the cycles before it
            report, done = None, _sleep(rig, inputs, wake, max_cycles, cycles)
        else:  # busy but no trigger: reconcile, then plan unless that left it idle
            report, done = await runner.run_or_rest(replay.marks_at), 1
        cycles += done
        if report is None:
            slept += done
            if on_slept is not None:
                on_slept(done)
        else:
            skipped += report.skipped is not None
            if on_report is not None:
                on_report(report)
        if not _advance(replay, inputs.step_bars):
            return cycles, skipped, slept, True
    return cycles, skipped, slept, False


def _sleep(
    rig: _Rig, inputs: _Inputs, wake: int | None, max_cycles: int | None, cycles: int
) -> int:
    """Record the cycles from now to the one before ``wake`` (None: the end) as slept, within
    ``end_ms`` and ``max_cycles``; the clock is left at the last of them. How many."""
    replay = rig.replay
    if inputs.end_ms is not None:
        wake = inputs.end_ms + 1 if wake is None else min(wake, inputs.end_ms + 1)
    points = replay.cycle_points(inputs.step_bars, wake)
    if max_cycles is not None:
        points = points[: max_cycles - cycles]
    rig.runner.sleep_through(points, replay.marks_at, replay.mark_series)
    replay.advance_to(points[-1])
    return len(points)


def _advance(replay: ReplayExchange, bars: int) -> bool:
    """Move ``bars`` candle closes on; False when the data ran out first."""
    return all(replay.step() for _ in range(bars))


def _build(
    inputs: _Inputs, storage: RunStorage, frames: ReplayFrames | None, wakes: Wakes | None
) -> _Rig:
    """The live wiring (``runtime.factory.open_runtime``) with the replay's seams."""
    replay = ReplayExchange(
        inputs.dataset,
        inputs.rules,
        inputs.starting_balances,
        spread_bps=inputs.spread_bps,
        depth=inputs.depth,
        seed=inputs.seed,
        fill_model=inputs.fill_model,
        start_ms=inputs.begin_ms,
        recorded=inputs.recorded,
    )
    store = storage.store
    # the replayed venue answers from memory: no wall-clock deadline on a reconciliation pass
    account, oms_settings = inputs.account_key, OmsSettings(reconcile_pass_timeout_ms=None)
    oms = OrderManager(
        store,
        replay,
        mode=ExecutionMode.REPLAY,
        clock_ms=replay.now_ms,
        account_key=account,
        settings=oms_settings,
        activity=replay,  # it sees every change: passes that would find nothing are skipped
    )
    runner = CycleRunner(
        store=store,
        port=replay,
        oms=oms,
        market=MarketDataService(
            mode="rest",
            rest=replay,
            # the kernel reads a book's touch; an order trades against the replay's whole book
            depth=1,
            monotonic=lambda: replay.now_ms() / 1000,
            book_clock_ms=replay.now_ms,
        ),
        profile=inputs.profile,
        frames=frames.at if frames is not None else None,
        settings=CycleSettings(
            stage=inputs.profile.stage,
            mode=ExecutionMode.REPLAY,
            account_key=account,
            symbols=inputs.traded,
            kill_switch=False,  # nothing here reaches an exchange: the settings gates are moot
            safe_mode=False,
        ),
        clock_ms=replay.now_ms,
        ledger=LedgerGuard(store, account, oms_settings.reconcile_failure_threshold),
    )
    return _Rig(replay, runner, oms, storage, wakes)


def _frames(dataset: ReplayDataset, profile: Profile) -> ReplayFrames | None:
    """The strategy's candles and indicators over the whole dataset, checked for lookahead;
    None when it declares no candles."""
    needs = profile.requirements
    if not needs.candles:
        return None
    wanted = needs.timeframe_ms
    for symbol, series in sorted(dataset.series.items()):
        if wanted is not None and series.interval_ms != wanted:
            raise BacktestSetupError(
                f"{profile.name} declares {needs.timeframe} candles but the dataset's "
                f"{symbol.normalized} candles are {series.interval_ms // 60_000} min apart: "
                "use a dataset of that interval"
            )
    try:
        # computed by a copy of the strategy that never decides: what its indicators keep
        # (here the whole dataset's candles: self.frame, an array on self) is out of the
        # deciding instance's reach, which sees the cycle's columns only
        whole = fresh_indicators(profile.strategy, profile.params)
        # recomputed by another fresh copy: nothing the whole-data computation kept answers
        fresh = fresh_indicators(profile.strategy, profile.params)
    except StrategyLoadError as exc:
        raise BacktestSetupError(str(exc)) from None
    indicators = checked_indicators(profile.strategy, profile.name, whole)
    try:
        frames = replay_frames(dataset, indicators)
    except ValueError as exc:  # the columns do not fit the candles (Frame says how)
        raise StrategyFault(f"{profile.name}: indicators: {exc}: fix the strategy") from None
    check_no_lookahead(frames, checked_indicators(profile.strategy, profile.name, fresh))
    return frames


def _wakes(inputs: _Inputs, frames: ReplayFrames | None) -> Wakes | None:
    """The strategy's triggers over the traded symbols when the run may sleep (its column
    is checked whenever it declares one)."""
    column = inputs.profile.requirements.triggers
    if column is None or frames is None:
        return None
    try:
        wakes = wakes_of(frames, column, inputs.traded)
    except TriggerColumnError as exc:
        raise BacktestSetupError(f"{inputs.profile.name}: {exc}") from None
    sleeps = inputs.profile.sleeps_between_triggers
    return wakes if sleeps and not inputs.every_bar and inputs.recorded is None else None


def _manifest(inputs: _Inputs, replay: ReplayExchange) -> dict[str, Any]:
    dataset = inputs.dataset
    initial = value_holdings(inputs.starting_balances, _marks(replay, dataset.symbols))
    series = {
        symbol.normalized: {
            "bars": len(one.bars),
            "start_ms": one.start_ms,
            "end_ms": one.end_ms,
            "source": _source(one.source),  # where `btcbot report` finds the prices
        }
        for symbol, one in sorted(dataset.series.items())
    }
    return {
        "version": MANIFEST_VERSION,
        "stage": inputs.params.stage,
        "params_digest": digest(inputs.params),
        "strategy": {"name": inputs.profile.name, "params": canonical(inputs.profile.params)},
        "symbols": canonical(inputs.traded),
        "dataset": {"digest": dataset_digest(dataset), "series": series},
        "seed": inputs.seed,
        "spread_bps": canonical(inputs.spread_bps),
        "step_bars": inputs.step_bars,
        "start_ms": inputs.begin_ms,
        "end_ms": inputs.end_ms,
        "starting_balances": canonical(inputs.starting_balances),
        "initial_equity": canonical(initial.total) if initial.complete else None,
        "recorded_books": _recorded_books(inputs.recorded),
        "rules": described(inputs.rules),
        "costs": described_costs(inputs.fill_model),
    }


def described_costs(model: FillModel) -> dict[str, Any]:
    """The venue's fees (fractions of the notional; the tax a fraction of the fee) and the
    extra slippage a taker pays (bps), JSON-ready (a run's manifest records them; a sweep's
    study is tied to them)."""
    return {
        "maker_fee": canonical(model.fees.maker),
        "taker_fee": canonical(model.fees.taker),
        "tax_rate": canonical(model.fees.tax_rate),
        "slippage_bps": canonical(model.slippage_bps),
    }


def _recorded_books(recorded: RecordedDepth | None) -> dict[str, int] | None:
    if recorded is None:
        return None
    return {symbol.normalized: recorded.count(symbol) for symbol in recorded.symbols}


def _source(source: str) -> str:
    """A file's absolute path (a report may run elsewhere), else the series' own label."""
    path = Path(source)
    return str(path.resolve()) if path.is_file() else source


def _marks(replay: ReplayExchange, symbols: tuple[Symbol, ...]) -> dict[Symbol, Decimal]:
    marks: dict[Symbol, Decimal] = {}
    for symbol in symbols:
        bar = replay.current_bar(symbol)
        if bar is not None:
            marks[symbol] = bar.candle.close
    return marks


def _traded(dataset: ReplayDataset, symbols: tuple[Symbol, ...] | None) -> tuple[Symbol, ...]:
    if symbols is None:
        return dataset.symbols
    unknown = [s.normalized for s in symbols if s not in dataset.series]
    if unknown or not symbols:
        replayed = ", ".join(s.normalized for s in dataset.symbols)
        raise BacktestSetupError(
            f"traded symbols must be replayed ones: {', '.join(unknown) or 'none given'} "
            f"(the dataset has {replayed})"
        )
    return tuple(symbols)


def _check_inputs(
    stage: int,
    params: ProfileParams,
    step_bars: int,
    max_cycles: int | None,
    engine: BacktestEngine,
) -> None:
    if engine not in ENGINES:
        raise BacktestSetupError(f"engine {engine!r}: use one of {', '.join(ENGINES)}")
    if params.stage != stage:
        raise BacktestSetupError(f"stage {stage} was asked for with profile {params.stage} params")
    if step_bars < 1:
        raise BacktestSetupError("step_bars must be >= 1")
    if max_cycles is not None and max_cycles < 1:
        raise BacktestSetupError("max_cycles must be >= 1")


def _partial(out_db: Path) -> Path:
    """Where a run writes until it is complete: beside ``out_db`` (the same file system, so
    the finished file takes its place in one rename), named for this process."""
    return out_db.with_name(f"{out_db.name}.{os.getpid()}.partial")


def _clear_stale(out_db: Path) -> None:
    """Remove the partial files of earlier runs to ``out_db`` whose process is gone (killed
    before it could clean up: SIGKILL, a power cut), so they do not pile up beside it. A
    partial file of a process still alive is another run in progress and is left alone."""
    prefix = f"{out_db.name}."
    for path in out_db.parent.glob(f"{glob.escape(prefix)}*.partial*"):
        pid, _, rest = path.name[len(prefix) :].partition(".")
        if not pid.isdigit() or rest.removeprefix("partial") not in ("", *SQLITE_SIDECARS):
            continue
        if not _alive(int(pid)):
            with suppress(OSError):  # a run that cannot write here fails on its own file
                path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OverflowError:  # not a pid at all
        return False
    return True


def _install(work: Path, out_db: Path) -> None:
    """The finished run's database takes ``out_db``'s place in one rename: a reader sees the
    previous run or this one, never a mix. The previous run's SQLite side files go first (its
    write-ahead log must never meet the new file)."""
    for suffix in SQLITE_SIDECARS:
        out_db.with_name(out_db.name + suffix).unlink(missing_ok=True)
    os.replace(work, out_db)
    for suffix in SQLITE_SIDECARS:  # none once the run's connections closed; moved along if any
        side = work.with_name(work.name + suffix)
        if side.exists():
            os.replace(side, out_db.with_name(out_db.name + suffix))


def _discard(work: Path) -> None:
    """Remove what a run that did not complete wrote."""
    for path in (work, *(work.with_name(work.name + suffix) for suffix in SQLITE_SIDECARS)):
        path.unlink(missing_ok=True)


def _fresh(out_db: Path, overwrite: bool) -> None:
    """A backtest writes a new database: refuse an existing file unless told to replace it,
    and even then replace only an empty file or a database a backtest wrote (role replay):
    never a live or dry-run state database, nor anything that is not a database. Nothing is
    removed here: the run writes beside ``out_db`` and replaces it only once complete
    (:func:`_install`), so a run that fails leaves the previous one as it was."""
    try:
        kind = file_kind(out_db, "--out")
    except StoreError as exc:
        raise BacktestSetupError(str(exc)) from None
    if kind is not FileKind.MISSING and not overwrite:
        raise BacktestSetupError(
            f"{out_db} already exists: a backtest writes a fresh database (choose another "
            "path, or delete it)"
        )
    if kind is FileKind.FOREIGN:
        raise BacktestSetupError(
            f"--out {out_db} is not a SQLite database: --overwrite replaces only a database a "
            "backtest wrote; choose another --out"
        )
    if kind is FileKind.SQLITE:
        _require_replay(out_db)


def _require_replay(out_db: Path) -> None:
    url = sqlite_url(out_db)
    try:
        with driver_errors(url, "--out"):
            engine = make_engine(url, read_only=True)
            try:
                role = peek_role(engine)
            finally:
                engine.dispose()
    except StoreError as exc:
        raise BacktestSetupError(f"{exc} (--overwrite replaces only backtest databases)") from None
    if role is not DbRole.REPLAY:
        stamped = "has no role" if role is None else f"is a {role.value} state database"
        raise BacktestSetupError(
            f"--out {out_db} {stamped}: --overwrite replaces only a database a backtest "
            "wrote (role replay); nothing was changed, choose another --out"
        )
