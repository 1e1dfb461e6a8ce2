"""What every command shares: loading settings, opening the state database, exit codes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from sqlalchemy import Engine

from btcbot.config import CommonSettings, ConfigError
from btcbot.config.loader import build
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
