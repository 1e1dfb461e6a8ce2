"""``btcbot data import|validate``: candle datasets for backtests.

``import`` turns a candle CSV in any common layout into a Parquet dataset (schema in
:mod:`btcbot.data.parquet`). ``validate`` reports what is wrong with a dataset or a CSV file,
or with each of them in a directory (what ``backtest --data DIR`` reads). Exit codes of
``validate``: 0 clean; 1 problems found (rows a replay would refuse: duplicate times, rows out
of order or newest first, OHLC violations, rows off the interval's grid; with ``--strict`` also
gaps that the dataset does not mark and quotes off their candle's range); 2 an input cannot be
read at all (missing, binary, no header, a cell that is not a number). ``import`` exits 0 when
it wrote the dataset, 2 when it refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from btcbot.commands.common import EXIT_CONFIG, EXIT_RUNTIME, fail, make_directory
from btcbot.commands.market_data import download_command, record_command
from btcbot.data import (
    Findings,
    Gap,
    ImportResult,
    RawCandle,
    check_rows,
    format_duration,
    import_csv,
    is_dataset_file,
    parse_duration_ms,
    read_candles_csv,
    read_dataset_rows,
)
from btcbot.domain import Symbol
from btcbot.domain.symbols import SymbolError
from btcbot.exchange.datasets import DatasetError

SHOWN = 10  # examples listed per kind of finding

data_app = typer.Typer(
    help="Market data: import CSV files into Parquet datasets, validate files, download "
    "candles from BTCTurk, record its WebSocket.",
    no_args_is_help=True,
)


@data_app.command("import")
def import_command(
    source: Annotated[
        Path,
        typer.Argument(
            help="Candle CSV file (Binance, Binance.US, "
            "CryptoDataDownload/Coinbase, timestamp or btcbot layout)."
        ),
    ],
    symbol: Annotated[str, typer.Option("--symbol", help="The pair, e.g. BTC_TRY.")],
    out: Annotated[Path, typer.Option("--out", help="Parquet dataset file to write.")],
    timeframe: Annotated[
        str | None,
        typer.Option(
            "--timeframe",
            help="Candle interval, e.g. 1m, 1h (default: the file's most common step).",
        ),
    ] = None,
    drop_duplicates: Annotated[
        bool,
        typer.Option(
            "--drop-duplicates",
            help="Keep the first row of each repeated time (default: refuse the file).",
        ),
    ] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing --out.")] = (
        False
    ),
) -> None:
    """Import a candle CSV: detect its layout, sort it, mark gaps, write a Parquet dataset."""
    pair = _symbol(symbol)
    interval = None if timeframe is None else _duration(timeframe, "--timeframe")
    if out.exists() and not overwrite:
        fail(f"--out {out} already exists (pass --overwrite to replace it)")
    if out.is_dir():
        fail(f"--out {out} is a directory: name the dataset file to write")
    if out.exists() and out.stat().st_size and not is_dataset_file(out):
        fail(
            f"--out {out} is not a Parquet dataset: --overwrite replaces only a dataset "
            "(never a state database or another file); choose another --out"
        )
    make_directory(out.parent, "--out")
    try:
        result = import_csv(
            source, pair, out, interval_ms=interval, drop_duplicates=drop_duplicates
        )
    except DatasetError as exc:
        fail(f"{exc} (nothing written)")
    _print_import(result)


@data_app.command("validate")
def validate_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="Parquet dataset or candle CSV file, or a directory of them (as backtest "
            "--data takes): each is validated."
        ),
    ],
    timeframe: Annotated[
        str | None,
        typer.Option(
            "--timeframe",
            help="Expected interval (default: the dataset's declared "
            "one, else the most common step).",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Gaps the dataset does not mark, and quotes off their candle's range, are "
            "problems too.",
        ),
    ] = False,
) -> None:
    """Report gaps, duplicates, out-of-order rows, off-grid rows and OHLC violations.

    Exit 0: clean. Exit 1: problems found. Exit 2: an input cannot be read."""
    interval = None if timeframe is None else _duration(timeframe, "--timeframe")
    files = _files(path)
    try:  # every file read before anything is printed: an unreadable one is the only output
        loaded = [_load(one) for one in files]
    except DatasetError as exc:
        fail(str(exc))
    problems = 0
    for one, (what, rows, declared, marked) in zip(files, loaded, strict=True):
        findings = check_rows(rows, interval or declared)
        unmarked = _unmarked(findings.gaps, marked)
        typer.echo(f"{one}: {what}")
        _print_findings(findings, marked=len(findings.gaps) - len(unmarked))
        doubtful = len(unmarked) + len(findings.off_range)
        problems += _problem_count(findings) + (doubtful if strict else 0)
    if problems:
        typer.secho(f"PROBLEMS FOUND: {problems}", fg=typer.colors.RED, bold=True)
        raise typer.Exit(EXIT_RUNTIME)
    typer.secho("CLEAN", fg=typer.colors.GREEN, bold=True)


def _files(path: Path) -> list[Path]:
    """``path``, or the CSV files and Parquet datasets of a directory (sorted)."""
    if not path.is_dir():
        return [path]
    found = sorted(one for one in path.iterdir() if one.suffix in (".csv", ".parquet"))
    if not found:
        fail(f"{path}: a directory with no *.csv or *.parquet file: name a candle file")
    return found


def _load(path: Path) -> tuple[str, Sequence[RawCandle], int | None, Sequence[Gap]]:
    """What ``path`` is, its rows, its declared interval and the gaps it marks."""
    if is_dataset_file(path):
        info, rows = read_dataset_rows(path)
        what = f"Parquet dataset {info.symbol.normalized} {info.timeframe} ({info.source})"
        return what, rows, info.interval_ms, info.gaps
    csv = read_candles_csv(path)
    return f"CSV, {csv.layout} layout", csv.rows, None, ()


# --- inputs --------------------------------------------------------------------------------


def _symbol(text: str) -> Symbol:
    try:
        return Symbol.parse(text)
    except SymbolError:
        fail(f"--symbol {text!r} is not a trading pair: use e.g. BTC_TRY")


def _duration(text: str, option: str) -> int:
    try:
        return parse_duration_ms(text)
    except ValueError as exc:
        fail(f"{option}: {exc}", EXIT_CONFIG)


# --- output --------------------------------------------------------------------------------


def _print_import(result: ImportResult) -> None:
    source, findings, info = result.source, result.findings, result.info
    banner = source.header_line - 1
    typer.echo(
        f"read {source.path}: {source.layout} layout, header on line {source.header_line}"
        f"{f' after {banner} banner line(s)' if banner else ''}; time from "
        f"{source.time_column!r}, volume from {source.volume_column!r}"
    )
    order = "newest first, sorted" if findings.newest_first else "oldest first"
    typer.echo(
        f"rows: {findings.rows} ({order}); {len(findings.out_of_order)} out of order (sorted); "
        f"{result.dropped_duplicates} duplicate(s) dropped"
    )
    _print_gaps(info.gaps, marked=len(info.gaps))
    typer.echo(
        f"wrote {result.out}: {info.symbol.normalized} {info.timeframe}, {result.rows} candles, "
        f"{_iso(findings.first_ms)} -> {_iso(findings.last_ms)}"
    )


def _print_findings(findings: Findings, *, marked: int) -> None:
    interval = "-" if findings.interval_ms is None else format_duration(findings.interval_ms)
    typer.echo(
        f"rows: {findings.rows}, interval {interval}, "
        f"{_iso(findings.first_ms)} -> {_iso(findings.last_ms)}"
    )
    if findings.newest_first:
        typer.echo("order: newest first (a replay needs oldest first: btcbot data import sorts)")
    _print_list(
        "out of order",
        [
            f"{o.where}: {_iso(o.open_ms)} after {o.previous_where}: {_iso(o.previous_ms)}"
            for o in findings.out_of_order
        ],
    )
    _print_list(
        "duplicates",
        [
            f"{d.where}: {_iso(d.open_ms)} repeats {d.first_where}"
            f"{'' if d.identical else ' with different values'}"
            for d in findings.duplicates
        ],
    )
    _print_list("OHLC violations", [v.message for v in findings.violations])
    if findings.interval_ms is not None:
        grid = format_duration(findings.interval_ms)
        _print_list(
            f"off the {grid} grid (a replay refuses such a row: remove or correct it)",
            [
                f"{o.where}: {_iso(o.open_ms)}, between {_iso(o.before_ms)} and {_iso(o.after_ms)}"
                for o in findings.off_grid
            ],
        )
    if findings.off_range:  # only quoted rows have one: unquoted datasets print no such line
        _print_list(
            "quotes off their candle's range (a replay fills at them: check their source)",
            [o.message for o in findings.off_range],
        )
    _print_gaps(findings.gaps, marked=marked)


def _print_list(title: str, lines: Sequence[str]) -> None:
    typer.echo(f"{title}: {len(lines)}")
    for line in lines[:SHOWN]:
        typer.echo(f"  {line}")
    if len(lines) > SHOWN:
        typer.echo(f"  ... and {len(lines) - SHOWN} more")


def _print_gaps(gaps: Sequence[Gap], *, marked: int) -> None:
    note = f" ({marked} marked in the dataset)" if marked else ""
    typer.echo(f"gaps: {len(gaps)}{note}")
    worst = sorted(gaps, key=lambda g: (g.after_ms - g.before_ms, g.after_ms))
    for gap in worst[:SHOWN]:
        typer.echo(
            f"  {_iso(gap.after_ms)} -> {_iso(gap.before_ms)}: {gap.missing} candle(s) missing"
        )
    if len(gaps) > SHOWN:
        typer.echo(f"  ... and {len(gaps) - SHOWN} shorter")


def _unmarked(gaps: Sequence[Gap], marked: Sequence[Gap]) -> list[Gap]:
    known = {(gap.after_ms, gap.before_ms) for gap in marked}
    return [gap for gap in gaps if (gap.after_ms, gap.before_ms) not in known]


def _problem_count(findings: Findings) -> int:
    return (
        len(findings.out_of_order)
        + len(findings.duplicates)
        + len(findings.violations)
        + len(findings.off_grid)
        + findings.newest_first
    )


def _iso(ms: int | None) -> str:
    if ms is None:
        return "-"
    try:
        return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")
    except (ValueError, OverflowError, OSError):  # a Parquet ts past what datetime holds
        return f"{ms} ms"


data_app.command("download")(download_command)
data_app.command("record")(record_command)

__all__ = ["data_app"]
