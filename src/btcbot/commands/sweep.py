"""``btcbot sweep``: search a strategy's declared parameters with Optuna, validated out of sample.

The work is in :mod:`btcbot.research`; this shell parses options, maps known failures to
exit codes (2: bad input, a peeking strategy, a study of another sweep; 1: the storage
server did not answer, or no trial completed) and writes the report files into ``--out``:
``sweep.json``, ``sweep.html`` (self-contained) and the charts as PNG.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import optuna
import sqlalchemy.exc
import typer

from btcbot.backtest import (
    BacktestSetupError,
    RulesFileError,
    StrategyFault,
    UnknownSymbolRules,
    dataset_outline,
)
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
from btcbot.exchange.datasets import DatasetError
from btcbot.research.objectives import OBJECTIVES
from btcbot.research.report import sweep_document, text_lines
from btcbot.research.report_html import render_sweep_html
from btcbot.research.study import GRACE_SECONDS, HEARTBEAT_SECONDS, StorageOptions, StudyMismatch
from btcbot.research.subject import Subject
from btcbot.research.sweep import LookaheadFound, SweepOutcome, SweepPlan, run_sweep
from btcbot.research.windows import Validation, WindowError, parse_split, parse_walk_forward
from btcbot.runtime.interrupts import Interrupted, interruptible
from btcbot.strategy.api import TriggerMissed
from btcbot.strategy.loader import StrategyLoadError
from btcbot.strategy.parameters import ParameterError, parse_assignments


def sweep_command(
    dataset: Annotated[
        Path,
        typer.Option(
            "--dataset",
            "--data",  # backtest's name for it: either works
            help="Candles: a CSV or Parquet dataset, or a directory (--data: the same).",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Directory for sweep.json, sweep.html and the charts.")
    ],
    stage: StageOption = None,
    strategy: StrategyOption = None,
    param: ParamOption = None,
    search: Annotated[
        list[str] | None,
        typer.Option(
            "--range",
            help="name=LOW..HIGH (or name=a|b for a choice): search a parameter within this "
            "part of its declared range (repeatable).",
        ),
    ] = None,
    trials: Annotated[
        int, typer.Option("--trials", min=1, help="Trials per validation window.")
    ] = 50,
    objective: Annotated[
        str,
        typer.Option(
            "--objective",
            help=f"What to maximise, after fees and tax: {', '.join(OBJECTIVES)}.",
        ),
    ] = "sharpe",
    max_drawdown: Annotated[
        float | None,
        typer.Option(
            "--max-drawdown",
            min=0.0,
            max=1.0,
            help="Drawdown cap (fraction, 0.2 = 20 %): a trial above it is infeasible.",
        ),
    ] = None,
    walk_forward: Annotated[
        str | None,
        typer.Option(
            "--walk-forward",
            help="Rolling windows: train=180d,test=30d[,step=30d] (durations in d, h or w).",
        ),
    ] = None,
    split: Annotated[
        float | None,
        typer.Option("--split", help="One train/test split: the train share, e.g. 0.7."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", min=1, help="Worker processes on this machine.")
    ] = 1,
    storage: Annotated[
        str | None,
        typer.Option(
            "--storage",
            help="Optuna storage shared by every worker, e.g. postgresql+psycopg://user@host/db "
            "(password from PGPASSWORD or ~/.pgpass); needs --study.",
        ),
    ] = None,
    study: Annotated[
        str | None, typer.Option("--study", help="Study name in --storage (workers join it).")
    ] = None,
    heartbeat_seconds: Annotated[
        int,
        typer.Option(
            "--heartbeat-seconds",
            min=1,
            help="With --storage: how often a running trial's heartbeat is recorded.",
        ),
    ] = HEARTBEAT_SECONDS,
    stale_after_seconds: Annotated[
        int,
        typer.Option(
            "--stale-after-seconds",
            min=1,
            help="With --storage: a trial whose heartbeat is older is a dead worker's; it is "
            "failed and queued again for a live worker (at least 2 heartbeats).",
        ),
    ] = GRACE_SECONDS,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the TPE sampler.")] = 42,
    symbol: DatasetSymbol = None,
    start: Annotated[
        str | None, typer.Option("--start", help="Sweep from this time (ISO, UTC).")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="Sweep up to this time.")] = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="Keep every trial's database in --out/trials/.")
    ] = False,
    balance_try: Annotated[
        str, typer.Option("--balance-try", help="Starting TRY balance of every replay.")
    ] = "10000",
    replay_seed: Annotated[
        int, typer.Option("--replay-seed", help="Seed of the replays' synthetic order books.")
    ] = 123,
    spread_bps: Annotated[
        str, typer.Option("--spread-bps", help="Synthetic bid/ask spread around the close.")
    ] = "10",
    lookahead_cuts: Annotated[
        int,
        typer.Option("--lookahead-cuts", min=2, help="Cut points of the lookahead check."),
    ] = 12,
    no_progress: Annotated[
        bool, typer.Option("--no-progress", help="No progress bar (shown on a terminal only).")
    ] = False,
    rules: replay.RulesFile = None,
    maker_fee_bps: replay.MakerFeeBps = replay.MAKER_FEE_BPS,
    taker_fee_bps: replay.TakerFeeBps = replay.TAKER_FEE_BPS,
    slippage_bps: replay.SlippageBps = "0",
    env_file: EnvFile = None,
) -> None:
    """Search a strategy's parameters with Optuna; walk-forward validation, lookahead check."""
    selection = select_profile(stage, strategy, param, env_file)  # bad input: exit 2 here
    configure_logs("WARNING")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    outline = dataset_outline(dataset, symbol=symbol)
    exchange_rules = replay.checked_rules(rules, outline)
    start_ms = optional_time_option(start, "--start")
    end_ms = optional_time_option(end, "--end")
    plan = SweepPlan(
        subject=Subject(
            stage=selection.profile.stage if strategy is None else None,
            strategy=strategy,
            dataset=dataset,
            symbol=symbol,
            env_file=env_file,
            balance_try=replay.balance_option(balance_try),
            book_seed=replay_seed,
            spread_bps=replay.spread_option(spread_bps),
            rules=exchange_rules,
            outline=outline,
            until_ms=replay.reach_ms(outline, end_ms, replay.REPLAY_REACH),
            from_ms=start_ms,
            fill_model=replay.venue_costs(maker_fee_bps, taker_fee_bps, slippage_bps),
        ),
        objective=_objective(objective),
        trials=trials,
        seed=seed,
        validation=_validation(walk_forward, split),
        fixed=_assignments(param, "--param"),
        ranges=_assignments(search, "--range"),
        max_drawdown=max_drawdown,
        jobs=jobs,
        storage=_storage(storage, heartbeat_seconds, stale_after_seconds),
        study=_study(storage, study),
        start_ms=start_ms,
        end_ms=end_ms,
        keep=out / "trials" if keep else None,
        lookahead_cuts=lookahead_cuts,
    )
    _prepare(out, plan)
    outcome = _run(plan, no_progress)
    document = sweep_document(outcome)
    _write(out, document)
    for line in text_lines(document):
        typer.echo(line)
    typer.echo(f"report: {out / 'sweep.html'} (JSON: {out / 'sweep.json'})")
    if not any(w.best is not None for w in outcome.windows):
        fail("no trial completed feasibly: see the trials in the report", EXIT_RUNTIME)


def _run(plan: SweepPlan, no_progress: bool) -> SweepOutcome:
    bar = ProgressBar(0, enabled=wanted(no_progress), label="trials")
    try:
        with interruptible(), bar:
            return run_sweep(plan, bar.update)
    except Interrupted as exc:
        fail(_interrupted(exc, plan), exc.exit_code)
    except (
        ParameterError,
        StrategyLoadError,
        WindowError,
        StudyMismatch,
        LookaheadFound,
        DatasetError,
        BacktestSetupError,
        UnknownSymbolRules,
        RulesFileError,
        TriggerMissed,
        StrategyFault,
    ) as exc:
        fail(str(exc), EXIT_CONFIG)
    except ImportError as exc:
        fail(f"--storage: {exc.msg} (for PostgreSQL: pip install -e '.[postgres]')")
    except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError) as exc:
        fail(f"--storage did not answer: {_storage_error(exc, plan)}", EXIT_RUNTIME)
    except sqlalchemy.exc.ArgumentError:
        fail("--storage: not a database URL (e.g. postgresql+psycopg://user@host/db)")


def _interrupted(exc: Interrupted, plan: SweepPlan) -> str:
    said = f"sweep interrupted ({exc.signal.name}): no report written"
    if plan.storage.url is None:
        return f"{said}; its trials were in memory (--storage keeps them, to go on later)"
    return (
        f"{said}; the finished trials are kept in study {plan.study!r} and the ones cut short "
        "are queued again: run the same command to go on"
    )


def _storage_error(exc: Exception, plan: SweepPlan) -> str:
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    url = plan.storage.url or ""
    _, _, rest = url.partition("://")
    credentials, at, _ = rest.rpartition("@")
    password = credentials.split(":", 1)[1] if at and ":" in credentials else ""
    return text.replace(password, "***") if password else text


def _prepare(out: Path, plan: SweepPlan) -> None:
    if out.exists() and not out.is_dir():
        fail(f"--out {out} is a file: give a directory for the report")
    make_directory(out, "--out")
    if plan.keep is not None:
        make_directory(plan.keep, "--keep")


def _write(out: Path, document: dict[str, object]) -> None:
    (out / "sweep.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    page, charts = render_sweep_html(document)
    (out / "sweep.html").write_text(page, encoding="utf-8")
    for chart in charts:
        (out / f"sweep-{chart.name}.png").write_bytes(chart.png)


# --- inputs --------------------------------------------------------------------------------


def _objective(name: str) -> str:
    if name not in OBJECTIVES:
        fail(f"--objective {name!r}: use one of {', '.join(OBJECTIVES)}")
    return name


def _validation(walk_forward: str | None, split: float | None) -> Validation:
    try:
        if walk_forward is not None and split is not None:
            fail("--walk-forward and --split are exclusive: give one")
        if walk_forward is not None:
            return parse_walk_forward(walk_forward)
        if split is not None:
            return parse_split(split)
    except WindowError as exc:
        fail(str(exc))
    return Validation("none")


def _assignments(items: list[str] | None, option: str) -> dict[str, str]:
    if option != "--range":
        try:
            return parse_assignments(items or [], option)
        except ParameterError as exc:
            fail(str(exc))
    parsed: dict[str, str] = {}
    for item in items or []:  # a range holds no comma; choices are a|b
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            fail(f"--range {item!r}: write name=LOW..HIGH, e.g. fast=5..30")
        if name.strip() in parsed:
            fail(f"--range: {name.strip()} is given twice: give it once")
        parsed[name.strip()] = value.strip()
    return parsed


def _study(storage: str | None, study: str | None) -> str:
    if storage is not None and not study:
        fail("--storage needs --study NAME: the workers of one sweep join the study by name")
    if storage is None and study is not None:
        fail("--study names a study in --storage: give --storage too (or leave out --study)")
    return study or "btcbot-sweep"


def _storage(url: str | None, heartbeat: int, stale_after: int) -> StorageOptions:
    if url is None and (heartbeat, stale_after) != (HEARTBEAT_SECONDS, GRACE_SECONDS):
        fail(
            "--heartbeat-seconds and --stale-after-seconds apply to a shared study: give --storage"
        )
    if stale_after < 2 * heartbeat:
        fail(
            f"--stale-after-seconds {stale_after} is less than two heartbeats "
            f"(--heartbeat-seconds {heartbeat}): one late heartbeat would retry a live worker's "
            f"trial; use at least {2 * heartbeat}"
        )
    return StorageOptions(url=url, heartbeat_seconds=heartbeat, grace_seconds=stale_after)


__all__ = ["sweep_command"]
