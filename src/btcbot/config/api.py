"""Settings of the control API and web dashboard (``btcbot run`` with API_PORT, ``btcbot serve``).

Tokens: ``API_TOKENS_FILE`` holds ``name:token`` lines (the audit log names who acted by the
token's name), ``API_TOKEN`` one token named ``api``. Bound beyond loopback, the API refuses to
start without a token; on loopback too every request needs one (the dashboard's login asks).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr

from btcbot.config.base import BtcbotSettings
from btcbot.config.errors import ConfigError
from btcbot.config.files import read_bounded_text
from btcbot.config.validators import Host

TOKEN_MIN_CHARS = 16


class ApiSettings(BtcbotSettings):
    """The operator's HTTP surface: off unless API_PORT is set (``btcbot serve`` always on)."""

    api_port: int | None = Field(
        None,
        ge=0,
        le=65535,
        description="Default unset: `btcbot run` serves no API. Set a port to serve the control "
        "API and the web dashboard from the running bot (`btcbot serve` uses it as its default "
        "port, else 8780).",
    )
    api_host: Host = Field(
        "127.0.0.1",
        description="Default 127.0.0.1: address the API binds. Anything but loopback needs a "
        "token (API_TOKENS_FILE or API_TOKEN) and belongs behind a TLS reverse proxy.",
    )
    api_token: SecretStr | None = Field(
        None,
        description="Default unset: one API token (at least 16 characters), named `api` in the "
        "audit log. Secret. Prefer API_TOKENS_FILE, which names each operator.",
    )
    api_tokens_file: Path | None = Field(
        None,
        description="Default unset: file of `name:token` lines (one per operator or client; "
        "tokens of at least 16 characters; # comments). The name is what the audit log records.",
    )
    api_reports_dir: Path | None = Field(
        None,
        description="Default unset: directory of `btcbot report --format html` pages that the "
        "dashboard lists and serves (nothing else in it is served).",
    )
    api_log_events: int = Field(
        500,
        ge=0,
        le=100_000,
        description="Default 500: recent log events (secrets redacted) the API keeps in memory "
        "for /api/logs; a bounded ring, nothing is written.",
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_tokens(settings: ApiSettings) -> dict[str, str]:
    """token -> name, from API_TOKENS_FILE and API_TOKEN (:class:`ConfigError` naming the
    file and line, never a token)."""
    tokens: dict[str, str] = {}
    if settings.api_token is not None and settings.api_token.get_secret_value().strip():
        value = settings.api_token.get_secret_value().strip()
        _check_token(value, "API_TOKEN")
        tokens[value] = "api"
    path = settings.api_tokens_file
    if path is not None:
        try:
            text = read_bounded_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise ConfigError(f"API_TOKENS_FILE {path}: cannot read it ({why})") from None
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, token = line.partition(":")
            where = f"API_TOKENS_FILE {path} line {number}"
            if not sep or not name.strip() or not token.strip():
                raise ConfigError(f"{where}: expected name:token")
            _check_token(token.strip(), where)
            if token.strip() in tokens:
                raise ConfigError(f"{where}: this token is listed twice")
            tokens[token.strip()] = name.strip()
    return tokens


def _check_token(token: str, where: str) -> None:
    if len(token) < TOKEN_MIN_CHARS:
        raise ConfigError(
            f"{where}: a token needs at least {TOKEN_MIN_CHARS} characters (e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
        )


def check_exposure(settings: ApiSettings, tokens: dict[str, str]) -> None:
    """Refuse an API bound beyond loopback without a token."""
    if not tokens and not is_loopback(settings.api_host):
        raise ConfigError(
            f"API_HOST={settings.api_host} is not loopback and no API token is set: set "
            "API_TOKENS_FILE (name:token lines) or API_TOKEN, or bind to 127.0.0.1"
        )
