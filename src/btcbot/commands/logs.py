"""Where log lines go: stderr, secret values redacted, at the level ``--log-level`` or
``LOG_LEVEL`` asks for (set once by the CLI callback, read by every command)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class LogOptions:
    """Global ``--log-level`` / ``--log-json`` (set once by the CLI callback)."""

    level: str | None = None
    json: bool = False


LOG_OPTIONS = LogOptions()
_CHATTY = ("httpx", "httpcore", "websockets", "aiohttp.access", "alembic", "uvicorn.access")
_SECRET_VARIABLES = ("BTCTURK_API_KEY", "BTCTURK_API_SECRET", "STATE_DB_URL", "TELEGRAM_BOT_TOKEN")


def configure_logs(default_level: str, secrets: Iterable[str] = ()) -> None:
    """Log lines to stderr (stdout carries reports), secret values redacted. ``--log-level``
    wins over ``default_level``; transport libraries stay at WARNING."""
    from btcbot.obs.logging import configure_logging

    configure_logging(LOG_OPTIONS.level or default_level, json=LOG_OPTIONS.json, secrets=secrets)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)


def environment_secrets() -> list[str]:
    """Credential values visible in the process environment (before settings load)."""
    from btcbot.config.files import read_bounded_text  # btcbot.config is not light

    secrets = [os.environ.get(name, "") for name in _SECRET_VARIABLES]
    for variable in ("BTCTURK_API_SECRET_FILE", "TELEGRAM_BOT_TOKEN_FILE"):
        secret_file = os.environ.get(variable)
        if secret_file:
            # An unreadable file is reported (with its path) by the settings loader.
            with contextlib.suppress(OSError, UnicodeDecodeError):
                secrets.append(read_bounded_text(secret_file).strip())
    return secrets
