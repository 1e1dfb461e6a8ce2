"""``btcbot lookahead``: does a strategy's decision ever depend on data it could not have had?

Replays the strategy on the whole dataset and on the data cut at ``--cuts`` points, and
compares every decision (:mod:`btcbot.backtest.truncation`). Exit 0: no lookahead; 1:
lookahead found (the report names the indicator, or the decision and the strategy line where
the runs part); 2: bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from btcbot.backtest import (
    BacktestSetupError,
    RulesFileError,
    StrategyFault,
    UnknownSymbolRules,
    dataset_outline,
)
from btcbot.backtest.truncation import DEFAULT_CUTS, StrategyFailed
from btcbot.commands import replay_inputs as replay
from btcbot.commands.common import (
    EXIT_CONFIG,
    EXIT_RUNTIME,
    DatasetSymbol,
    EnvFile,
    fail,
    optional_time_option,
)
from btcbot.commands.logs import configure_logs
from btcbot.commands.strategies import ParamOption, StageOption, StrategyOption, select_profile
from btcbot.exchange.datasets import DatasetError
from btcbot.research.subject import ReplayBench, Subject
from btcbot.research.windows import Span
from btcbot.runtime.interrupts import Interrupted, interruptible
from btcbot.strategy.api import TriggerMissed
from btcbot.strategy.loader import StrategyLoadError
from btcbot.strategy.parameters import ParameterError, parse_assignments


def lookahead_command(
    dataset: Annotated[
        Path,
        typer.Option(
            "--dataset",
            "--data",  # backtest's name for it: either works
            help="Candles: a CSV or Parquet dataset, or a directory (--data: the same).",
        ),
    ],
    stage: StageOption = None,
    strategy: StrategyOption = None,
    param: ParamOption = None,
    symbol: DatasetSymbol = None,
    start: Annotated[
        str | None, typer.Option("--start", help="First decision at or after (ISO, UTC).")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="Last decision at or before.")] = None,
    cuts: Annotated[
        int, typer.Option("--cuts", min=1, help="Points to cut the data at.")
    ] = DEFAULT_CUTS,
    rules: replay.RulesFile = None,
    maker_fee_bps: replay.MakerFeeBps = replay.MAKER_FEE_BPS,
    taker_fee_bps: replay.TakerFeeBps = replay.TAKER_FEE_BPS,
    slippage_bps: replay.SlippageBps = "0",
    env_file: EnvFile = None,
) -> None:
    """Check a strategy for lookahead: replay on data cut at many points, compare decisions."""
    selection = select_profile(stage, strategy, param, env_file)
    configure_logs("WARNING")
    outline = dataset_outline(dataset, symbol=symbol)
    exchange_rules = replay.checked_rules(rules, outline)
    costs = replay.venue_costs(maker_fee_bps, taker_fee_bps, slippage_bps)
    start_ms = optional_time_option(start, "--start")
    end_ms = optional_time_option(end, "--end")
    try:
        values = parse_assignments(param or [], "--param")
        bench = ReplayBench(
            Subject(
                stage=selection.profile.stage if strategy is None else None,
                strategy=strategy,
                dataset=dataset,
                symbol=symbol,
                env_file=env_file,
                rules=exchange_rules,
                outline=outline,
                until_ms=replay.reach_ms(outline, end_ms, replay.REPLAY_REACH),
                from_ms=start_ms,
                fill_model=costs,
            )
        )
        span = _span(bench, start_ms, end_ms)
        typer.echo(
            f"LOOKAHEAD CHECK {selection.label} on {dataset}: the whole data, then the data "
            f"cut at up to {cuts} points (fewer on a short span)"
        )
        with interruptible():
            verdict = bench.lookahead(values, span, cuts)
    except Interrupted as exc:
        fail(f"lookahead check interrupted ({exc.signal.name}): no verdict", exc.exit_code)
    except (
        ParameterError,
        StrategyLoadError,
        DatasetError,
        BacktestSetupError,
        UnknownSymbolRules,
        RulesFileError,
        TriggerMissed,
        StrategyFault,
    ) as exc:
        fail(str(exc), EXIT_CONFIG)
    except StrategyFailed as exc:
        fail(str(exc), EXIT_RUNTIME)
    typer.echo(verdict.describe())
    if not verdict.clean:
        raise typer.Exit(EXIT_RUNTIME)


def _span(bench: ReplayBench, start_ms: int | None, end_ms: int | None) -> Span:
    data = bench.data
    first = min(s.bars[0].close_ms for s in data.series.values())
    last = max(s.bars[-1].close_ms for s in data.series.values())
    begin = first if start_ms is None else max(first, start_ms)
    finish = last if end_ms is None else min(last, end_ms)
    if finish <= begin:
        fail("--start/--end leave no candle of the dataset to check")
    return Span(begin, finish + 1)


__all__ = ["lookahead_command"]
