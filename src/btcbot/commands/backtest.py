"""``btcbot backtest`` and ``btcbot parity``: replay history through the live cycle runner.

A backtest never contacts an exchange: the replayed venue, its clock and its fills are
simulated from the dataset, and everything lands in a NEW database (``--out``) whose
fingerprint ``btcbot parity`` compares with another run's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from btcbot.backtest import (
    BacktestResult,
    BacktestSetupError,
    BacktestSummary,
    RunDatabaseError,
    StrategyFault,
    UnknownSymbolRules,
    compare_runs,
    dataset_outline,
    open_dataset,
    run_backtest,
)
from btcbot.backtest.lookahead import LookaheadDetected
from btcbot.backtest.schedule import planned_cycles
from btcbot.commands import replay_inputs as replay
from btcbot.commands.common import (
    EXIT_CONFIG,
    EXIT_RUNTIME,
    DatasetSymbol,
    EnvFile,
    fail,
    make_directory,
    optional_time_option,
)
from btcbot.commands.logs import configure_logs
from btcbot.commands.progress import ProgressBar, wanted
from btcbot.commands.strategies import ParamOption, StageOption, StrategyOption, select_profile
from btcbot.decision.frames import LookaheadError
from btcbot.exchange.datasets import DatasetError, ReplayDataset
from btcbot.exchange.recorded_depth import RecordedDepth
from btcbot.kernel.profile import Profile
from btcbot.marketdata.recorded_books import load_recorded_depth
from btcbot.marketdata.recording_files import RecordingError
from btcbot.runtime.interrupts import Interrupted, interruptible
from btcbot.runtime.report import CycleReport
from btcbot.strategy.api import TriggerMissed

DAY_MS = 86_400_000


class ReplayEngine(StrEnum):
    FAST = "fast"
    DB = "db"


def backtest_command(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="Dataset: one CSV file (ts,open,high,low,close,volume[,bid,ask]) or a "
            "directory of <PAIR>.csv files.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="New SQLite database to write the run into.")],
    stage: StageOption = None,
    strategy: StrategyOption = None,
    param: ParamOption = None,
    symbol: DatasetSymbol = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", help="First cycle at or after this time (ISO, UTC), e.g. 2024-01-01."
        ),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--end", help="Last cycle at or before this time (ISO, UTC).")
    ] = None,
    step_bars: Annotated[
        int, typer.Option("--step-bars", min=1, help="Candle closes between two cycles.")
    ] = 1,
    max_cycles: Annotated[
        int | None, typer.Option("--max-cycles", min=1, help="Stop after this many cycles.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the synthetic order books.")] = 123,
    spread_bps: Annotated[
        str,
        typer.Option(
            "--spread-bps", help="Synthetic bid/ask spread around the close (rows without bid/ask)."
        ),
    ] = "10",
    balance_try: Annotated[
        str, typer.Option("--balance-try", help="Starting TRY balance of the replayed account.")
    ] = "10000",
    progress_every: Annotated[
        int, typer.Option("--progress-every", min=0, help="Progress line every N cycles (0: off).")
    ] = 100,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an existing --out database.")
    ] = False,
    books: Annotated[
        Path | None,
        typer.Option(
            "--books",
            help="Recording directory (btcbot data record): trade on its recorded order books "
            "wherever one was recorded at the replay's time.",
        ),
    ] = None,
    no_progress: Annotated[
        bool, typer.Option("--no-progress", help="No progress bar (shown on a terminal only).")
    ] = False,
    engine: Annotated[
        ReplayEngine,
        typer.Option(
            "--engine",
            help="fast: state in memory, written to --out at the end; db: every write a "
            "database transaction as in live trading (same results, for parity checks).",
        ),
    ] = ReplayEngine.FAST,
    every_bar: Annotated[
        bool,
        typer.Option(
            "--every-bar",
            help="Plan every cycle, even between a strategy's triggers (slower; every hold "
            "is recorded; the same orders and fills).",
        ),
    ] = False,
    rules: replay.RulesFile = None,
    maker_fee_bps: replay.MakerFeeBps = replay.MAKER_FEE_BPS,
    taker_fee_bps: replay.TakerFeeBps = replay.TAKER_FEE_BPS,
    slippage_bps: replay.SlippageBps = "0",
    env_file: EnvFile = None,
) -> None:
    """Backtest a stage profile or a strategy on historical candles via the live cycle runner.

    Knobs come from the environment / --env-file as for 'btcbot run'; pairs are the dataset's
    (or those the strategy declares).

    Nothing reaches an exchange: the live gates (DRY_RUN, KILL_SWITCH, SAFE_MODE) do not apply.

    Prints the run fingerprint that 'btcbot parity' compares.
    """
    if out.exists() and not overwrite:
        fail(f"--out {out} already exists: a backtest writes a fresh database (or --overwrite)")
    make_directory(out.parent, "--out")
    start_ms, end_ms = optional_time_option(start, "--start"), optional_time_option(end, "--end")
    selection = select_profile(stage, strategy, param, env_file)
    config, profile = selection.config, selection.profile
    configure_logs("WARNING")  # a backtest logs every order transition at INFO
    outline = dataset_outline(data, symbol=symbol)
    exchange_rules = replay.checked_rules(rules, outline)
    costs = replay.venue_costs(maker_fee_bps, taker_fee_bps, slippage_bps)
    # the candles a run to --end reaches: its last cycle's step, and one candle more
    cut_ms = replay.reach_ms(outline, end_ms, step_bars + 1)
    dataset = _dataset(data, symbol, start_ms, _warmup_ms(profile), cut_ms)
    balances = {"TRY": replay.balance_option(balance_try)}
    spread = replay.spread_option(spread_bps)
    recorded = _recorded(books)
    typer.secho(
        f"BACKTEST (replay, no exchange contacted): {selection.label}, "
        f"{','.join(s.normalized for s in dataset.symbols)}, seed {seed}, out {out}, "
        f"engine {engine.value}",
        bold=True,
    )
    shown = rules or "the shipped symbol table"
    typer.echo(f"  venue: {replay.describe_costs(costs)}; exchange rules: {shown}")
    total = planned_cycles(
        dataset, start_ms=start_ms, end_ms=end_ms, step_bars=step_bars, max_cycles=max_cycles
    )
    bar = ProgressBar(total, enabled=wanted(no_progress))
    progress, slept = _progress(progress_every, bar)
    try:
        with interruptible(), bar:
            result = asyncio.run(
                run_backtest(
                    dataset,
                    stage=config.params.stage,
                    params=config.params,
                    profile=profile,
                    symbols=profile.requirements.symbols or None,
                    out_db=out,
                    starting_balances=balances,
                    seed=seed,
                    spread_bps=spread,
                    step_bars=step_bars,
                    start_ms=start_ms,
                    end_ms=end_ms,
                    max_cycles=max_cycles,
                    on_report=progress,
                    on_slept=slept,
                    recorded=recorded,
                    overwrite=overwrite,
                    engine=engine.value,
                    every_bar=every_bar,
                    rules=exchange_rules,
                    fill_model=costs,
                )
            )
    except (BacktestSetupError, UnknownSymbolRules, LookaheadDetected, StrategyFault) as exc:
        fail(str(exc), EXIT_CONFIG)
    except TriggerMissed as exc:
        fail(f"{profile.name}: {exc}", EXIT_CONFIG)
    except LookaheadError as exc:
        fail(f"{profile.name}: {exc}", EXIT_CONFIG)
    except Interrupted as exc:
        fail(
            f"backtest interrupted ({exc.signal.name}): nothing was written, --out {out} is as "
            "it was",
            exc.exit_code,
        )
    _print_result(result)


def parity_command(
    db_a: Annotated[Path, typer.Argument(help="First run database.")],
    db_b: Annotated[Path, typer.Argument(help="Second run database.")],
) -> None:
    """Compare two runs' fingerprints: exit 0 when they match, 1 when they differ."""
    try:
        result = compare_runs(db_a, db_b)
    except RunDatabaseError as exc:
        fail(str(exc), EXIT_CONFIG)
    for line in result.lines():
        typer.echo(line)
    if not result.match:
        raise typer.Exit(EXIT_RUNTIME)


# --- inputs --------------------------------------------------------------------------------


def _dataset(
    path: Path, symbol: str | None, start_ms: int | None, lead_ms: int, cut_ms: int | None
) -> ReplayDataset:
    """Candles from ``lead_ms`` before ``start_ms`` on (at least a day: the 24 h tickers'
    window; more for a strategy's warm-up) to ``cut_ms``: those just after ``--end`` are
    kept too, the last cycle's orders trade during its step."""
    warmup = None if start_ms is None else start_ms - max(lead_ms, DAY_MS)
    try:
        return open_dataset(path, symbol=symbol, warmup_from_ms=warmup, end_ms=cut_ms)
    except DatasetError as exc:
        fail(f"dataset: {exc}")


def _recorded(path: Path | None) -> RecordedDepth | None:
    if path is None:
        return None
    try:
        return load_recorded_depth(path)
    except RecordingError as exc:
        fail(f"--books: {exc}")


def _warmup_ms(profile: Profile) -> int:
    """How far before ``--start`` the strategy's warm-up candles reach."""
    needs = profile.requirements
    bars = max(needs.warmup_bars, needs.bars_to_fetch)
    return (bars + 1) * (needs.timeframe_ms or 0)


# --- output --------------------------------------------------------------------------------


def _progress(
    every: int, bar: ProgressBar
) -> tuple[Callable[[CycleReport], None], Callable[[int], None]]:
    """What to do with each planned cycle's report, and with each run of slept cycles."""
    count = 0

    def slept(cycles: int) -> None:
        nonlocal count
        count += cycles
        bar.advance(cycles)

    def show(report: CycleReport) -> None:
        nonlocal count
        count += 1
        bar.advance()
        if report.skipped is not None:
            typer.secho(f"{_iso(report.started_ms)} {report.line()}", fg=typer.colors.RED)
        elif every and count % every == 0:
            equity = "-" if report.equity is None else f"{report.equity:.2f}"
            typer.echo(
                f"cycle {count:>6} {_iso(report.started_ms)}  {report.risk_mode or '-':<16} "
                f"equity {equity}  orders +{report.accepted}  fills {report.fills}"
            )

    return show, slept


def _print_result(result: BacktestResult) -> None:
    stop = "dataset exhausted" if result.exhausted else "window or cycle limit reached"
    typer.echo(
        f"ran {result.cycles} cycle(s){_slept(result)}, {result.skipped} skipped, "
        f"{_iso(result.start_ms)} -> {_iso(result.final_ms)} ({stop})"
    )
    _print_summary(result.summary)
    typer.echo(f"database: {result.out_db}")


def _slept(result: BacktestResult) -> str:
    if not result.slept:
        return ""
    return f" ({result.cycles - result.slept} planned, {result.slept} slept between triggers)"


def _print_summary(summary: BacktestSummary) -> None:
    rows = summary.lines()
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        typer.echo(f"  {label:<{width}}  {value}")


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")


__all__ = ["backtest_command", "parity_command"]
