"""What every command shares: loading settings, opening the state database, exit codes."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from sqlalchemy import Engine

from btcbot.commands.logs import LOG_OPTIONS as LOG_OPTIONS  # re-exported: older imports
from btcbot.commands.logs import configure_logs as configure_logs
from btcbot.commands.logs import environment_secrets as environment_secrets
from btcbot.config import AppConfig, CommonSettings, ConfigError
from btcbot.config.common import MAX_CYCLE_SECONDS
from btcbot.config.loader import build, env_path, misspelled
from btcbot.domain.money import MoneyError, to_decimal
from btcbot.exchange.datasets import parse_timestamp_ms
from btcbot.store import (
    DatabaseUnreachable,
    StoreError,
    database_url,
    driver_errors,
    open_for_inspection,
    open_for_operator,
)

DatasetSymbol = Annotated[
    str | None,
    typer.Option(
        "--symbol", help="Pair of a single CSV file, e.g. BTC_TRY (default: the file name)."
    ),
]
"""``--symbol`` of the commands that replay a dataset (backtest, lookahead, sweep)."""

EnvFile = Annotated[
    Path | None,
    typer.Option(
        "--env-file",
        help="Settings file (KEY=value lines). Default: ./.env if present; process "
        "environment wins over the file.",
    ),
]
Yes = Annotated[bool, typer.Option("--yes", help="Confirm without a prompt.")]

EXIT_CONFIG = 2  # configuration or safety refusal: fix settings, then retry
EXIT_RUNTIME = 1  # the command ran and failed


def config_secrets(config: AppConfig) -> list[str]:
    """Every credential value the settings hold, for the log redactor."""
    secrets = [config.exchange.api_key or ""]
    if config.exchange.api_secret is not None:
        secrets.append(config.exchange.api_secret.get_secret_value())
    if config.common.state_db_url is not None:
        secrets.append(config.common.state_db_url.get_secret_value())
    if config.telegram.telegram_bot_token is not None:
        secrets.append(config.telegram.token)
    return secrets


def fail(message: str, code: int = EXIT_CONFIG) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def make_directory(directory: Path, option: str) -> None:
    """Create ``directory`` (with its parents) for what ``option`` writes; one error line
    naming the option when it cannot be (under a file, no permission, a read-only place)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        fail(f"{option}: {directory} is a file, not a directory: choose another path")
    except OSError as exc:
        fail(
            f"{option}: cannot create the directory {directory} ({exc.strerror or exc}): "
            "choose a path in a directory you can write"
        )


def bounded_option(option: str, value: float, low: float, high: float, unit: str = "") -> float:
    """A float option within ``low..high``; inf, nan or a value out of range exits 2 with one
    line naming the option and its range (Click's ``min=`` lets nan and inf through)."""
    if not math.isfinite(value) or not low <= value <= high:
        fail(f"{option} {value:g}: give a number from {_plain(low)} to {_plain(high)}{unit}")
    return value


def _plain(number: float) -> str:
    return f"{number:f}".rstrip("0").rstrip(".")


def cycle_seconds_option(value: float, option: str = "--cycle-seconds") -> float:
    """The pause between cycles: 0 to a day, the upper bound CYCLE_SECONDS has."""
    return bounded_option(
        option, value, 0, MAX_CYCLE_SECONDS, " seconds (at most a day, as CYCLE_SECONDS)"
    )


def time_option(text: str, option: str) -> int:
    """An option's ISO date or time (UTC) as epoch ms; bad input exits 2 naming the option."""
    try:
        return parse_timestamp_ms(text)
    except ValueError:
        fail(
            f"{option} {text!r}: use an ISO date or time (UTC), e.g. 2024-01-31 or 2024-01-31T12:00"
        )


def optional_time_option(text: str | None, option: str) -> int | None:
    return None if text is None else time_option(text, option)


def decimal_option(text: str, option: str) -> Decimal:
    """An option's non-negative decimal number; bad input exits 2 naming the option."""
    try:
        value = to_decimal(text)
    except MoneyError:
        fail(f"{option} {text!r} is not a decimal number")
    if value < 0:
        fail(f"{option} must be >= 0")
    return value


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def load_common(env_file: Path | None) -> CommonSettings:
    """The common settings (state database, account) for an operator command."""
    try:
        path = env_path(env_file)
        common = build(CommonSettings, path)
        typos = misspelled(path)
    except ConfigError as exc:
        fail(str(exc))
    for typo in typos:
        warn(typo.describe())
    return common


def warn(message: str) -> None:
    typer.secho(f"warning: {message}", fg=typer.colors.YELLOW, err=True)


def db_url(common: CommonSettings) -> str:
    url = common.state_db_url.get_secret_value() if common.state_db_url else None
    return database_url(common.state_db_path, url)


def db_setting(common: CommonSettings) -> str:
    """The variable that names the state database (for messages)."""
    return "STATE_DB_URL" if common.state_db_url is not None else "STATE_DB_PATH"


@contextmanager
def inspected_store(common: CommonSettings) -> Iterator[Engine]:
    """The state database as it is, read-only: never created, initialised, migrated or
    written by an inspection command."""
    url, setting = db_url(common), db_setting(common)
    with store_errors():
        engine = open_for_inspection(url, setting)
        try:
            with driver_errors(url, setting, config_url_secrets(common)):
                yield engine
        finally:
            engine.dispose()


@contextmanager
def operator_store(common: CommonSettings) -> Iterator[Engine]:
    """An existing live or dry-run state database, for an operator command that changes it
    (a backtest's database, an empty or foreign file are refused before anything is written)."""
    url, setting = db_url(common), db_setting(common)
    with store_errors():
        engine = open_for_operator(url, setting)
        try:
            with driver_errors(url, setting, config_url_secrets(common)):
                yield engine
        finally:
            engine.dispose()


def config_url_secrets(common: CommonSettings) -> list[str]:
    return [common.state_db_url.get_secret_value()] if common.state_db_url else []


@contextmanager
def store_errors() -> Iterator[None]:
    """Store errors as one line and an exit code: 1 when the server did not answer, else 2."""
    try:
        yield
    except DatabaseUnreachable as exc:
        fail(str(exc), EXIT_RUNTIME)
    except StoreError as exc:
        fail(str(exc))
