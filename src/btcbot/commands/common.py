"""What every command shares: loading settings, opening the state database, exit codes."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from sqlalchemy import Engine

from btcbot.config import AppConfig, CommonSettings, ConfigError
from btcbot.config.loader import build
from btcbot.obs.logging import configure_logging
from btcbot.store import StoreError, check_schema, database_url, make_engine

EnvFile = Annotated[
    Path | None,
    typer.Option(
        "--env-file",
        help="Settings file (KEY=value lines). Default: ./.env if present; process "
        "environment wins over the file.",
    ),
]

EXIT_CONFIG = 2  # configuration or safety refusal: fix settings, then retry
EXIT_RUNTIME = 1  # the command ran and failed


@dataclass
class LogOptions:
    """Global ``--log-level`` / ``--log-json`` (set once by the CLI callback)."""

    level: str | None = None
    json: bool = False


LOG_OPTIONS = LogOptions()
_CHATTY = ("httpx", "httpcore", "websockets", "aiohttp.access", "alembic")


def configure_logs(default_level: str, secrets: Iterable[str] = ()) -> None:
    """Log lines to stderr (stdout carries reports), secret values redacted. ``--log-level``
    wins over ``default_level``; transport libraries stay at WARNING."""
    configure_logging(LOG_OPTIONS.level or default_level, json=LOG_OPTIONS.json, secrets=secrets)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)


def config_secrets(config: AppConfig) -> list[str]:
    """Every credential value the settings hold, for the log redactor."""
    secrets = [config.exchange.api_key or ""]
    if config.exchange.api_secret is not None:
        secrets.append(config.exchange.api_secret.get_secret_value())
    if config.common.state_db_url is not None:
        secrets.append(config.common.state_db_url.get_secret_value())
    return secrets


def environment_secrets() -> list[str]:
    """Credential values visible in the process environment (before settings load)."""
    secrets = [os.environ.get(name, "") for name in _SECRET_VARIABLES]
    secret_file = os.environ.get("BTCTURK_API_SECRET_FILE")
    if secret_file:
        # An unreadable file is reported (with its path) by the settings loader.
        with contextlib.suppress(OSError):
            secrets.append(Path(secret_file).read_text(encoding="utf-8").strip())
    return secrets


_SECRET_VARIABLES = ("BTCTURK_API_KEY", "BTCTURK_API_SECRET", "STATE_DB_URL")


def fail(message: str, code: int = EXIT_CONFIG) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def load_common(env_file: Path | None) -> CommonSettings:
    if env_file is not None and not env_file.exists():
        fail(f"--env-file {env_file} does not exist")
    try:
        return build(CommonSettings, env_file or _default_env())
    except ConfigError as exc:
        fail(str(exc))


def _default_env() -> Path | None:
    path = Path(".env")
    return path if path.exists() else None


def db_url(common: CommonSettings) -> str:
    url = common.state_db_url.get_secret_value() if common.state_db_url else None
    return database_url(common.state_db_path, url)


@contextmanager
def existing_store(common: CommonSettings) -> Iterator[Engine]:
    """The state database as it is: never created or migrated by an inspection command."""
    if common.state_db_url is None and not Path(common.state_db_path).exists():
        fail(
            f"no state database at {common.state_db_path}: set STATE_DB_PATH (or "
            "STATE_DB_URL) to the database your bot uses, or run the bot once"
        )
    engine = make_engine(db_url(common))
    try:
        check_schema(engine)
        yield engine
    except StoreError as exc:
        fail(str(exc))
    finally:
        engine.dispose()
