"""``btcbot report``: what a run did, from its database, as text, HTML (+ PNG), CSV or JSON.

RESULT is a backtest's ``--out`` database or a live / dry-run state database; without it the
configured state database (``STATE_DB_PATH`` / ``STATE_DB_URL``) is read. The database is
opened read-only and never created, migrated or written.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from btcbot.backtest.data import open_dataset
from btcbot.backtest.records import (
    RunData,
    RunDatabaseError,
    existing_database,
    existing_run,
    read_only_engine,
    read_run,
    require_finished,
)
from btcbot.backtest.report_data import (
    Report,
    Window,
    build_report,
    equity_span,
    manifest_sources,
)
from btcbot.backtest.report_export import csv_tables, render_text, to_json, write_csv
from btcbot.backtest.report_html import render_html
from btcbot.commands.common import EnvFile, db_url, fail, load_common, optional_time_option
from btcbot.data import parse_duration_ms
from btcbot.data.parquet import is_dataset_file
from btcbot.exchange.datasets import DatasetError, ReplayDataset
from btcbot.store import FileKind, StoreError
from btcbot.store.access import file_kind

# candles opening this long before the report's start may close inside it (a week: every
# timeframe a dataset holds)
CANDLE_MARGIN_MS = 7 * 86_400_000


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    CSV = "csv"
    JSON = "json"
    PNG = "png"


def report_command(
    result: Annotated[
        Path | None,
        typer.Argument(
            help="Run database: a backtest's --out, or a live/dry-run state database "
            "(default: the configured STATE_DB_PATH / STATE_DB_URL)."
        ),
    ] = None,
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            help="text (stdout); html (one self-contained page, PNG charts beside it); csv "
            "(a directory of tables, or figures to stdout); json; png (charts only).",
        ),
    ] = Format.TEXT,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="File (text, json, html) or directory (csv, png) to write."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Window start (ISO, UTC), e.g. 2024-05-01.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Window end (ISO, UTC), inclusive.")
    ] = None,
    last: Annotated[
        str | None,
        typer.Option(
            "--last",
            help="Window of this length ending at the run's newest record, e.g. 7d, 24h.",
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Candles for the price chart (CSV or Parquet dataset; default: the files a "
            "backtest recorded, when they still exist).",
        ),
    ] = None,
    symbol: Annotated[
        str | None, typer.Option("--symbol", help="Pair of a --data CSV file named otherwise.")
    ] = None,
    account: Annotated[
        str | None,
        typer.Option("--account", help="Account key, when the database holds several."),
    ] = None,
    env_file: EnvFile = None,
) -> None:
    """Report a run: return, CAGR, drawdown, Sharpe, Sortino, Calmar, round trips, fees, charts.

    Works on a backtest database and on a live or dry-run state database ("what did the bot do
    last week?": --last 7d). Exit 2 when the database or an option is unusable."""
    if last is not None and since is not None:
        fail("--last and --since both set the window start: give one of them")
    if output_format in (Format.HTML, Format.PNG) and out is None:
        example = "report.html" if output_format is Format.HTML else "charts/"
        fail(f"--format {output_format.value} writes files: pass --out, e.g. --out {example}")
    if out is not None:
        _check_out(out, output_format)
    title, run = _read(result, account, env_file)
    window = _window(run, since, until, last)
    charts = output_format in (Format.HTML, Format.PNG)  # the price chart: only these draw
    wanted = charts or data is not None  # a --data given is read (and refused when unusable)
    dataset = _prices(run, data, symbol, equity_span(run, window)) if wanted else None
    report = build_report(run, title=title, window=window, dataset=dataset, charts=charts)
    try:
        _write(report, output_format, out)
    except OSError as exc:
        # out is set: stdout is not a path; a file the report cannot create there
        where = exc.filename if exc.filename is not None else out
        fail(
            f"--out {out}: cannot write {where} ({exc.strerror or exc}): choose a path in a "
            "directory you can write"
        )


# --- inputs --------------------------------------------------------------------------------


def _read(result: Path | None, account: str | None, env_file: Path | None) -> tuple[str, RunData]:
    try:
        return _read_run(result, account, env_file)
    except ValueError as exc:  # a money value or JSON document that does not read back
        where = str(result) if result is not None else "the state database"
        fail(
            f"{where} holds a row that cannot be read ({type(exc).__name__}: {str(exc)[:200]}): "
            "it was edited by hand or damaged; restore it from a backup (`btcbot status` names "
            "damaged cycles and orders)"
        )


def _read_run(
    result: Path | None, account: str | None, env_file: Path | None
) -> tuple[str, RunData]:
    try:
        if result is not None:
            with existing_run(result) as engine:
                run = require_finished(read_run(engine, account), result)
                return f"btcbot report: {result}", run
        common = load_common(env_file)
        url = db_url(common)
        if common.state_db_url is None and not Path(common.state_db_path).is_file():
            fail(
                f"no state database at {common.state_db_path}: pass a run database, or set "
                "STATE_DB_PATH (or STATE_DB_URL) to the one your bot uses"
            )
        name = (
            "the state database (STATE_DB_URL)"
            if common.state_db_url
            else str(common.state_db_path)
        )
        with existing_database(read_only_engine(url), name) as engine:
            return f"btcbot report: {name}", read_run(engine, account or common.account_key)
    except RunDatabaseError as exc:
        fail(str(exc))


def _window(run: RunData, since: str | None, until: str | None, last: str | None) -> Window:
    start, end = optional_time_option(since, "--since"), optional_time_option(until, "--until")
    if last is not None:
        try:
            length = parse_duration_ms(last)
        except ValueError as exc:
            fail(f"--last: {exc}")
        newest = end if end is not None else _newest(run)
        start = None if newest is None else max(newest - length, 0)  # longer: the whole run
    if start is not None and end is not None and end < start:
        fail("the window ends before it starts: check --since/--until/--last")
    return Window(start, end)


def _newest(run: RunData) -> int | None:
    times = [c.started_ms for c in run.cycles[-1:]] + [
        f.timestamp_ms for f in run.ledger.fills[-1:]
    ]
    final = (run.manifest or {}).get("final_ms")
    if isinstance(final, int):
        times.append(final)
    return max(times, default=None)


def _prices(
    run: RunData, data: Path | None, symbol: str | None, span: tuple[int | None, int | None]
) -> ReplayDataset | None:
    """The candles of the price chart over ``span`` (and a margin: only what it plots becomes
    objects, however long the file): ``--data``, else the files a backtest recorded."""
    start, end = span
    window = {
        "warmup_from_ms": None if start is None else start - CANDLE_MARGIN_MS,
        "end_ms": None if end is None else end + 1,
    }
    if data is None:
        sources = manifest_sources(run.manifest)
        if not sources:
            return None
        try:
            series = [
                one
                for pair, path in sorted(sources.items())
                for one in open_dataset(path, symbol=pair, **window).series.values()
            ]
        except DatasetError:
            return None  # the recorded file changed since the run: no price line, not a failure
        return ReplayDataset.of(*series)
    try:
        return open_dataset(data, symbol=symbol, **window)
    except DatasetError as exc:
        fail(f"--data: {exc}")


# --- output --------------------------------------------------------------------------------


def _check_out(out: Path, output_format: Format) -> None:
    """Refuse an ``--out`` the report cannot or must not write, before any work: a directory
    where a file goes, a file where a directory goes, and, whatever the format, a database or
    a dataset file (a report replaces an earlier report, never a state database or data)."""
    directory = output_format in (Format.CSV, Format.PNG)
    if directory and out.exists() and not out.is_dir():
        fail(f"--out {out} is a file: --format {output_format.value} writes a directory")
    if directory:
        return
    if out.is_dir():
        fail(f"--out {out} is a directory: --format {output_format.value} writes a file")
    try:
        kind = file_kind(out, "--out")
    except StoreError as exc:
        fail(str(exc))
    if kind is FileKind.SQLITE or is_dataset_file(out):
        what = "a SQLite database" if kind is FileKind.SQLITE else "a Parquet dataset file"
        fail(f"--out {out} is {what}: a report never replaces one; choose another --out")


def _write(report: Report, output_format: Format, out: Path | None) -> None:
    if output_format is Format.TEXT:
        _emit(render_text(report), out)
    elif output_format is Format.JSON:
        _emit(to_json(report), out)
    elif output_format is Format.CSV:
        if out is None:
            _emit(_figures_csv(report), None)
            return
        for path in write_csv(report, out):
            typer.echo(f"wrote {path}")
    else:
        assert out is not None  # checked before reading the database
        _write_pages(report, output_format, out)


def _write_pages(report: Report, output_format: Format, out: Path) -> None:
    # matplotlib loads in ~0.5 s: only the commands that draw pay for it
    from btcbot.backtest.charts import render_charts

    charts = render_charts(report)
    if output_format is Format.HTML:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_html(report, charts), encoding="utf-8")
        typer.echo(f"wrote {out}")
        images = {c.name: out.with_name(f"{out.stem}-{c.name}.png") for c in charts}
    else:
        out.mkdir(parents=True, exist_ok=True)
        images = {c.name: out / f"{c.name}.png" for c in charts}
    for chart in charts:
        images[chart.name].write_bytes(chart.png)
        typer.echo(f"wrote {images[chart.name]}")


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {out}")


def _figures_csv(report: Report) -> str:
    return csv_tables(report)["figures.csv"]


__all__ = ["report_command"]
