"""Value types of settings that need more than a type: URLs, hosts, log levels, base64.

Messages never show the value (a pasted secret could be in any variable); the loader prefixes
them with the variable's name.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import ipaddress
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, SecretStr

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LogLevel = Annotated[
    Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"],
    BeforeValidator(lambda value: value.strip().upper() if isinstance(value, str) else value),
]

_DRIVERS = {"sqlite": "sqlite3", "sqlite+pysqlite": "sqlite3", "postgresql+psycopg": "psycopg"}
_URL_FIX = "write postgresql+psycopg://user:password@host/dbname, or unset it to use SQLite"
_HOSTNAME = re.compile(
    r"(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)


def database_url(value: SecretStr | None) -> SecretStr | None:
    """A SQLAlchemy URL of a database btcbot supports, with its driver installed."""
    if value is None or not value.get_secret_value().strip():
        return None
    from sqlalchemy.engine import make_url  # the URL grammar's authority
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(value.get_secret_value().strip())
    except (ArgumentError, ValueError):
        raise ValueError(f"not a database URL (the value is not shown): {_URL_FIX}") from None
    module = _DRIVERS.get(url.drivername)
    if module is None:
        raise ValueError(f"{url.drivername!r} databases are not supported: {_URL_FIX}")
    if importlib.util.find_spec(module) is None:
        raise ValueError(f"the {module} driver is not installed: pip install -e '.[postgres]'")
    return SecretStr(value.get_secret_value().strip())


def host(value: str) -> str:
    text = value.strip()
    try:
        ipaddress.ip_address(text)
    except ValueError:
        if not _HOSTNAME.fullmatch(text) or text.replace(".", "").isdigit():
            raise ValueError(
                "not an IP address or host name: e.g. 127.0.0.1, or 0.0.0.0 in a container"
            ) from None
    return text


def currency(value: str) -> str:
    text = value.strip().upper()
    if not (2 <= len(text) <= 10 and text.isascii() and text.isalnum()):
        raise ValueError("not a currency code: write one such as TRY or USDT")
    return text


def directory(value: Path | None) -> Path | None:
    """A directory that exists or can be created: no part of the path is a regular file."""
    if value is None:
        return None
    for part in (value, *value.parents):
        if part.exists():
            if not part.is_dir():
                raise ValueError(f"{part} is not a directory: name a directory")
            break
    return value


def _url(schemes: tuple[str, ...]) -> AfterValidator:
    def check(value: str) -> str:
        text = value.strip()
        parts = urlsplit(text)
        try:
            parts.port  # noqa: B018 - raises on a port that is not a number
        except ValueError:
            raise ValueError(f"bad port: write {schemes[-1]}://host[:port]") from None
        if parts.scheme.lower() not in schemes or not parts.hostname:
            raise ValueError(f"not a URL: write {schemes[-1]}://host[:port]")
        return text

    return AfterValidator(check)


Currency = Annotated[str, AfterValidator(currency)]
Directory = Annotated[Path | None, AfterValidator(directory)]
DatabaseUrl = Annotated[SecretStr | None, AfterValidator(database_url)]
Host = Annotated[str, AfterValidator(host)]
HttpUrl = Annotated[str, _url(("http", "https"))]
WsUrl = Annotated[str, _url(("ws", "wss"))]


def is_base64(text: str) -> bool:
    """Base64 text of a non-empty key, as BTCTurk hands out API secrets."""
    try:
        return bool(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        return False
