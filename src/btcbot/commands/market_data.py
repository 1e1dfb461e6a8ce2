"""``btcbot data download`` and ``btcbot data record``: BTCTurk market data into datasets.

Both read the exchange URLs from the settings (``BTCTURK_GRAPH_URL``, ``BTCTURK_WS_URL``; the
environment, ``./.env`` or ``--env-file``), so the same command captures BTCTurk or the
emulator. Neither needs credentials: only public endpoints are used.

``download`` exits 0 when the window is complete, 1 when it stopped early (Ctrl-C, the exchange
failing) — whatever was fetched is kept and the same command continues from there — and 2 for
bad input. ``record`` exits 0 after ``--duration`` or Ctrl-C/SIGTERM, 1 when the feed refuses
it, 2 for bad input.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsError
from btcbot.commands.common import (
    EXIT_RUNTIME,
    EnvFile,
    configure_logs,
    fail,
    make_directory,
    time_option,
)
from btcbot.config import ConfigError, ExchangeSettings
from btcbot.config.loader import build
from btcbot.domain.symbols import Symbol, SymbolError
from btcbot.exchange.datasets import DatasetError
from btcbot.exchange.errors import ExchangeError
from btcbot.marketdata.candle_download import (
    TIMEFRAMES,
    DownloadError,
    DownloadReport,
    download_candles,
)
from btcbot.marketdata.candle_sink import DatasetSink
from btcbot.marketdata.recorder import MarketRecorder, RecorderSettings, wall_ms
from btcbot.marketdata.recording_files import RecordingError, RecordingWriter
from btcbot.runtime.factory import ws_config


def download_command(
    symbol: Annotated[str, typer.Option("--symbol", help="The pair, e.g. BTC_TRY.")],
    timeframe: Annotated[str, typer.Option("--timeframe", help="Candle interval: 1m, 1h or 1d.")],
    start: Annotated[
        str, typer.Option("--from", help="First candle at or after this time (ISO date, UTC).")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Parquet dataset to create or extend (resumes).")
    ],
    end: Annotated[
        str | None,
        typer.Option("--to", help="Candles opening before this time (ISO, UTC; default: now)."),
    ] = None,
    env_file: EnvFile = None,
) -> None:
    """Download candles from the graph API (klines for 1m/1h, ohlcs for 1d) into a dataset.

    Only closed candles are stored. Re-running continues after the newest stored candle.
    """
    pair = _symbol(symbol)
    frame = TIMEFRAMES.get(timeframe.strip().lower())
    if frame is None:
        fail(f"--timeframe {timeframe!r}: use 1m, 1h or 1d")
    start_ms = time_option(start, "--from")
    end_ms = wall_ms() if end is None else time_option(end, "--to")
    if end_ms <= start_ms:
        if end is None:
            fail(f"--from {start} is not in the past: give a --from before now (UTC)")
        fail(f"--to must be after --from ({end} <= {start})")
    settings = _exchange_settings(env_file)
    configure_logs("WARNING")
    endpoint = "ohlcs" if frame.from_ohlcs else "klines/history"
    source = f"btcturk graph-api {endpoint} {frame.name} ({settings.graph_url})"
    try:
        sink = DatasetSink(out, pair, frame.interval_ms, source)
    except DatasetError as exc:
        fail(str(exc))
    make_directory(out.parent, "--out")
    if sink.rows:
        typer.echo(f"{out}: {sink.rows} candles already stored, continuing after the last one")
    report, error = asyncio.run(_download(settings, sink, pair, frame.name, start_ms, end_ms))
    _print_download(report, sink, out)
    if error is not None:
        typer.secho(
            f"error: download stopped: {error}. Rerun the same command to continue.",
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(EXIT_RUNTIME)
    if report is not None and report.stopped:
        typer.echo("stopped before the end: rerun the same command to continue")
        raise typer.Exit(EXIT_RUNTIME)


async def _download(
    settings: ExchangeSettings,
    sink: DatasetSink,
    pair: Symbol,
    timeframe: str,
    start_ms: int,
    end_ms: int,
) -> tuple[DownloadReport | None, str | None]:
    stop = asyncio.Event()
    with _stop_on_signals(stop):
        async with BtcturkRestClient.from_settings(settings) as client:
            try:
                report = await download_candles(
                    client,
                    sink,
                    pair,
                    TIMEFRAMES[timeframe],
                    start_ms,
                    end_ms,
                    now_ms=wall_ms(),
                    stop=stop,
                    on_page=_print_page,
                )
            except (ExchangeError, DownloadError, DatasetError) as exc:
                if sink.rows == 0 and await _unlisted(client, pair):
                    fail(
                        f"--symbol {pair.normalized}: the exchange does not list this pair "
                        "(exchangeinfo); choose a listed pair, e.g. BTC_TRY"
                    )
                return None, str(exc) or type(exc).__name__
    return report, None


async def _unlisted(client: BtcturkRestClient, pair: Symbol) -> bool:
    """Whether the exchange's listing lacks ``pair`` (asked only once a download failed: a
    pair it no longer lists may still have history; unknown when the listing fails too)."""
    try:
        listed = await client.exchange_info()
    except ExchangeError:
        return False
    return all(rules.symbol != pair for rules in listed)


def record_command(
    symbols: Annotated[
        str, typer.Option("--symbols", help="Comma-separated pairs, e.g. BTC_TRY,ETH_TRY.")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Recording directory (created; a rerun appends).")
    ],
    duration: Annotated[
        float | None,
        typer.Option("--duration", min=0.1, help="Seconds to record (default: until Ctrl-C)."),
    ] = None,
    depth: Annotated[
        int, typer.Option("--depth", min=1, max=1000, help="Book levels kept per side.")
    ] = 20,
    env_file: EnvFile = None,
) -> None:
    """Record the public WebSocket (order books and trades) into Parquet files.

    Gaps (disconnects, changeset gaps) are marked; each run is a new session.
    """
    pairs = [_symbol(text) for text in symbols.split(",") if text.strip()]
    if not pairs:
        fail("--symbols: name at least one pair, e.g. BTC_TRY")
    settings = _exchange_settings(env_file)
    configure_logs("WARNING")
    try:
        writer = RecordingWriter(out)
    except RecordingError as exc:
        fail(str(exc))
    note = f"resuming after session {writer.session - 1}" if writer.resumed else "new recording"
    typer.echo(
        f"recording {','.join(p.normalized for p in pairs)} from {settings.ws_url} into {out} "
        f"(session {writer.session}, {note})"
    )
    error = asyncio.run(_record(settings, writer, pairs, duration, depth))
    written = writer.written
    typer.echo(
        f"session {writer.session}: {written['books']} book rows, {written['trades']} trades, "
        f"{written['events']} events written to {out}"
    )
    if error is not None:
        fail(f"recording stopped: {error}", EXIT_RUNTIME)
    if not written["books"]:
        fail(f"no order book arrived from {settings.ws_url}: check BTCTURK_WS_URL", EXIT_RUNTIME)


async def _record(
    settings: ExchangeSettings,
    writer: RecordingWriter,
    pairs: list[Symbol],
    duration: float | None,
    depth: int,
) -> str | None:
    stop = asyncio.Event()
    with _stop_on_signals(stop):
        async with BtcturkWsClient(ws_config(settings)) as client:
            recorder = MarketRecorder(client, writer, pairs, settings=RecorderSettings(depth=depth))
            try:
                await recorder.run(duration, stop)
            except WsError as exc:
                return str(exc)
    gaps = ", ".join(f"{count} {kind}" for kind, count in recorder.summary.gaps.items())
    typer.echo(f"gaps marked: {gaps or 'none'}")
    return None


# --- helpers -------------------------------------------------------------------------------


@contextlib.contextmanager
def _stop_on_signals(stop: asyncio.Event) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    for signum in signals:
        loop.add_signal_handler(signum, stop.set)
    try:
        yield
    finally:
        for signum in signals:
            loop.remove_signal_handler(signum)


def _exchange_settings(env_file: Path | None) -> ExchangeSettings:
    if env_file is not None and not env_file.exists():
        fail(f"--env-file {env_file} does not exist")
    default = Path(".env")
    try:
        return build(ExchangeSettings, env_file or (default if default.exists() else None))
    except ConfigError as exc:
        fail(str(exc))


def _symbol(text: str) -> Symbol:
    try:
        return Symbol.parse(text.strip())
    except SymbolError:
        fail(f"{text.strip()!r} is not a trading pair: use e.g. BTC_TRY")


def _print_page(report: DownloadReport) -> None:
    if report.last_ms is not None:
        typer.echo(
            f"  request {report.requests}: {report.candles} candles, up to {_iso(report.last_ms)}"
        )


def _print_download(report: DownloadReport | None, sink: DatasetSink, out: Path) -> None:
    added = sink.rows - sink.stored_before
    if report is not None:
        window = f"{_iso(report.start_ms)} -> {_iso(report.stop_ms)}"
        typer.echo(
            f"{report.symbol.normalized} {report.timeframe.name} {window}: {added} new candles "
            f"in {report.requests} request(s)"
        )
    typer.echo(f"{out}: {sink.rows} candles stored")


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")


__all__ = ["download_command", "record_command"]
