"""``btcbot emulator``: run the BTCTurk emulator on loopback until SIGINT/SIGTERM.

Every input mistake (an accounts or faults file that is missing, not JSON or lacks a field; a
price series that is not a CSV of prices; a port already in use) ends with one ``error:`` line
naming the option and the fix, and exit code 2.
"""

import asyncio
import math
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from btcbot.emulator.accounts import (
    Account,
    load_accounts_file,
    parse_account_spec,
    read_json_file,
)
from btcbot.emulator.config import EmulatorConfig
from btcbot.emulator.demo_account import DEMO_API_KEY
from btcbot.emulator.faults import FaultConfig, parse_fault_args
from btcbot.emulator.server import Emulator, is_loopback

T = TypeVar("T")


def emulator_command(
    host: Annotated[
        str, typer.Option(help="Bind address (loopback only by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            min=0, max=65535, help="TCP port for REST, graph, WebSocket and admin (0: a free one)."
        ),
    ] = 8765,
    seed: Annotated[int, typer.Option(help="Seed of the market simulator and random faults.")] = 1,
    accounts_file: Annotated[
        Path | None,
        typer.Option(help='JSON list of {"api_key","api_secret","balances":{"TRY":"1000"}}.'),
    ] = None,
    account: Annotated[
        list[str] | None,
        typer.Option(help="Account as KEY:BASE64SECRET:ASSET=AMT,ASSET=AMT (repeatable)."),
    ] = None,
    price_series: Annotated[
        Path | None,
        typer.Option(help="CSV with a Close column (e.g. Open_Time,Open,High,Low,Close,Volume)."),
    ] = None,
    series_symbol: Annotated[str, typer.Option(help="Symbol driven by --price-series.")] = "BTCTRY",
    series_rows_per_step: Annotated[
        int, typer.Option(min=1, help="Series rows consumed per simulator step (replay speed).")
    ] = 1,
    series_start_row: Annotated[
        int,
        typer.Option(
            min=0,
            help="Series row the market starts at; the rows before it are the candle history.",
        ),
    ] = 0,
    history_days: Annotated[
        int, typer.Option(min=0, help="UTC days of seeded candle history before the start.")
    ] = 730,
    fault: Annotated[
        list[str] | None, typer.Option(help="Fault as name=value (repeatable); see faults.py.")
    ] = None,
    faults_file: Annotated[Path | None, typer.Option(help="JSON object of fault settings.")] = None,
    tick_seconds: Annotated[
        float,
        typer.Option(min=0.0, help="Seconds between simulator steps; 0 = only via admin step."),
    ] = 0.2,
    rate_limit_scale: Annotated[
        float, typer.Option(min=0.0, help="Multiplier of BTCTurk's rate limits; 0 disables them.")
    ] = 1.0,
    allow_non_loopback: Annotated[
        bool, typer.Option(help="Allow binding a non-loopback address (no real security!).")
    ] = False,
) -> None:
    """Run a BTCTurk-compatible exchange on loopback (no network, no real keys)."""
    if not is_loopback(host) and not allow_non_loopback:
        _refuse(f"refusing to bind {host}: pass --allow-non-loopback to expose the emulator")
    for option, value in (
        ("--tick-seconds", tick_seconds),
        ("--rate-limit-scale", rate_limit_scale),
    ):
        if not math.isfinite(value):
            _refuse(f"{option} {value}: give a finite number of at least 0")
    config = EmulatorConfig(
        host=host,
        port=port,
        seed=seed,
        tick_seconds=tick_seconds,
        accounts=_checked("--accounts-file/--account", _accounts, accounts_file, account or []),
        price_series=price_series,
        series_symbol=series_symbol,
        series_rows_per_step=series_rows_per_step,
        series_start_row=series_start_row,
        history_days=history_days,
        faults=_checked("--faults-file/--fault", _faults, faults_file, fault or []),
        rate_limit_scale=rate_limit_scale or None,
        allow_non_loopback=allow_non_loopback,
    )
    emulator = _checked("--price-series", Emulator, config)
    asyncio.run(_serve(emulator))


def _refuse(message: str) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=2)


def _checked(option: str, build: Callable[..., T], *args: Any) -> T:
    try:
        return build(*args)
    except (ValueError, ArithmeticError, OSError) as exc:
        _refuse(f"{option}: {exc}")


def _accounts(path: Path | None, specs: list[str]) -> tuple[Account, ...]:
    accounts = load_accounts_file(path) if path is not None else []
    return tuple(accounts + [parse_account_spec(spec) for spec in specs])


def _faults(path: Path | None, items: list[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if path is not None:
        loaded = read_json_file(path, 'a JSON object such as {"latency_ms": 200}')
        if not isinstance(loaded, dict):
            raise ValueError(f'{path}: expected a JSON object such as {{"latency_ms": 200}}')
        settings.update(loaded)
    settings.update(parse_fault_args(items))
    FaultConfig().updated(settings)  # validate names and values before starting
    return settings


async def _serve(emulator: Emulator) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await emulator.start()
    except OSError as exc:
        await emulator.stop()
        config = emulator.config
        _refuse(
            f"--port {config.port}: cannot listen on {config.host}:{config.port} "
            f"({exc.strerror or exc}): stop what uses the port, or choose another --port "
            "(0 picks a free one)"
        )
    try:
        _announce(emulator)
        await stop.wait()
    finally:
        await emulator.stop()
        typer.echo("emulator stopped")


def _announce(emulator: Emulator) -> None:
    demo = emulator.demo_account
    typer.echo(f"BTCTurk emulator listening (seed {emulator.config.seed})")
    typer.echo(f"  REST      {emulator.rest_url}/api/v2/… and /api/v1/…")
    typer.echo(f"  graph     {emulator.graph_url}/v1/ohlcs")
    days = emulator.config.history_days
    typer.echo(f"  history   candles from {days} days before the start (graph, /api/v2/ohlc)")
    typer.echo(f"  WebSocket {emulator.ws_url}")
    typer.echo(f"  admin     {emulator.rest_url}/_emulator/")
    secret = demo.api_secret if demo.api_key == DEMO_API_KEY else "***"
    typer.echo(f"  account   key={demo.api_key} secret={secret}")
    balances = ", ".join(f"{asset} {amount}" for asset, amount in demo.balances.items())
    typer.echo(f"  balances  {balances}")
