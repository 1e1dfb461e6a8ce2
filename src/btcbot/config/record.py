"""The settings a run started with, as a plain document (``btcbot status`` shows it).

Keyed by environment name, values as an operator would write them; credentials are reduced
to ``***`` (set) or absent (unset), and the password in a URL-valued setting
(``BTCTURK_BASE_URL=http://user:pw@host``) to ``***``, so the document can be stored and
printed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, SecretStr
from pydantic_core import PydanticUndefined

from btcbot.config.base import BtcbotSettings
from btcbot.config.loader import AppConfig
from btcbot.config.redaction import redact_url_password
from btcbot.domain import Symbol

REDACTED = "***"
_ALWAYS_REDACTED = frozenset({"BTCTURK_API_KEY"})  # logs redact it too


def settings_record(config: AppConfig) -> dict[str, Any]:
    """``{"stage", "armed", "not_armed", "settings": {NAME: value}, "changed": [NAME...]}``."""
    settings: dict[str, str] = {}
    changed: list[str] = []
    for model in (config.common, config.exchange, config.stage):
        for name, value, is_default in _fields(model):
            if value is None:
                continue
            settings[name] = value
            if not is_default:
                changed.append(name)
    return {
        "stage": config.params.stage,
        "armed": config.arming.armed,
        "live": config.arming.live_account,
        "not_armed": list(config.arming.reasons),
        "settings": settings,
        "changed": changed,
    }


def _fields(model: BaseModel) -> list[tuple[str, str | None, bool]]:
    cls = type(model)
    prefix = str(cls.model_config.get("env_prefix") or "").upper()
    rows = []
    for name, field in cls.model_fields.items():
        env = cls.env_name(name) if issubclass(cls, BtcbotSettings) else prefix + name.upper()
        value = getattr(model, name)
        default = field.get_default(call_default_factory=True)
        is_default = default is not PydanticUndefined and value == default
        rows.append((env, _show(env, value), is_default))
    return rows


def _show(name: str, value: object) -> str | None:
    if value is None or (isinstance(value, SecretStr) and not value.get_secret_value()):
        return None
    if isinstance(value, SecretStr) or name in _ALWAYS_REDACTED:
        return REDACTED
    return redact_url_password(format_value(value))


def format_value(value: object) -> str:
    """A value as it would be written in a settings file."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Symbol):
        return value.normalized
    if isinstance(value, (Decimal, int, float, str, Path)):
        return str(value)
    if isinstance(value, Mapping):
        return json.dumps({str(k): str(v) for k, v in value.items()}, sort_keys=True)
    if isinstance(value, (tuple, list)):
        return ",".join(
            f"{item[0]}:{item[1]}" if isinstance(item, tuple) else format_value(item)
            for item in value
        )
    return str(value)
