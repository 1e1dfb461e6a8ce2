"""Render ``.env.example`` from the settings models, so the documentation cannot drift.

Regenerate with ``python -m btcbot.config.envdoc > .env.example`` (a test compares them).
Every line is commented out: a copied example changes nothing until a line is uncommented.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import time
from decimal import Decimal
from enum import Enum
from pathlib import Path

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from pydantic_settings import BaseSettings

from btcbot.config.api import ApiSettings
from btcbot.config.base import BtcbotSettings, env_names
from btcbot.config.common import CommonSettings
from btcbot.config.exchange import ExchangeSettings
from btcbot.config.stages import Stage3Settings, Stage4Settings, Stage7Settings
from btcbot.config.strategy import StrategySettings
from btcbot.config.telegram import TelegramSettings
from btcbot.domain import Symbol

HEADER = """\
# btcbot settings. Precedence: process environment > this file (.env, or --env-file PATH).
# Every knob is listed with its default and why; all lines are commented out.
# Live trading needs ALL of: DRY_RUN=false KILL_SWITCH=false SAFE_MODE=false
# LIVE_TRADING=true LIVE_TRADING_ACK=I_UNDERSTAND and BTCTURK_API_KEY/BTCTURK_API_SECRET.
# Contradictions (e.g. LIVE_TRADING=true with DRY_RUN=true) stop the bot at start-up.
# Limits: 0 means zero for every limit (a cap of 0 allows nothing, a loss limit of 0 tolerates
# no loss); no limit is switched off by 0. A limit that can be off says so ("empty: ...").
# This file is read strictly: a line that is not KEY=value stops the run (exit 2), and a name
# close to a setting's (LIVE_TRADNG) warns, or stops an armed run.
"""

SECTIONS: tuple[tuple[str, type[BaseSettings]], ...] = (
    ("Common (every profile)", CommonSettings),
    ("Exchange transport (BTCTURK_*)", ExchangeSettings),
    ("Control API and dashboard (btcbot run with API_PORT, btcbot serve)", ApiSettings),
    ("Profile 3 (--stage 3)", Stage3Settings),
    ("Profile 4 (--stage 4)", Stage4Settings),
    ("Profile 7 (--stage 7)", Stage7Settings),
    ("Operator strategy (--strategy FILE.py:Class)", StrategySettings),
    ("Telegram bot (TELEGRAM_*)", TelegramSettings),
)


def render() -> str:
    return HEADER + "".join(_section(title, model) for title, model in SECTIONS)


def _section(title: str, model: type[BaseSettings]) -> str:
    lines = ["", f"# ===== {title} ====="]
    for name, field in model.model_fields.items():
        lines.extend(_field_lines(model, name, field))
    legacy = [f"{label} {text}" for label, text in _legacy(model)]
    if legacy:
        lines.append("")
        for text in legacy:
            lines.extend(_wrap(text))
    return "\n".join(lines) + "\n"


def _field_lines(model: type[BaseSettings], name: str, field: FieldInfo) -> list[str]:
    names = _names(model, name, field)
    lines = ["", *_wrap(field.description or "")]
    if len(names) > 1:
        lines.extend(_wrap(f"Legacy alias: {', '.join(names[1:])}"))
    lines.append(f"# {names[0]}={_default(field)}")
    return lines


def _names(model: type[BaseSettings], name: str, field: FieldInfo) -> tuple[str, ...]:
    if issubclass(model, BtcbotSettings):
        return env_names(name, field)
    prefix = str(model.model_config.get("env_prefix") or "")
    return ((prefix + name).upper(),)


def _legacy(model: type[BaseSettings]) -> Iterator[tuple[str, str]]:
    if not issubclass(model, BtcbotSettings):
        return
    for legacy, why in model.REFUSED.items():
        yield "REFUSED (loading fails):", f"{legacy}: {why}"
    for legacy, why in model.RETIRED.items():
        yield "RETIRED (no effect, warned):", f"{legacy}: {why}"
    for legacy, (field_name, _) in model.CONVERTED.items():
        target = model.env_name(field_name)
        yield "CONVERTED (other unit):", f"{legacy}: read into {target}"


def _wrap(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, width=96)]


def _default(field: FieldInfo) -> str:
    value = field.get_default(call_default_factory=True)
    if value is PydanticUndefined or value is None:
        return ""
    return _format(value)


def _format(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (Decimal, int, float, str, Path)):
        return str(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Symbol):
        return value.normalized
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, (tuple, list)):
        return ",".join(_format(item) for item in value)
    if isinstance(value, dict):
        return ""
    raise TypeError(f"cannot document a default of type {type(value).__name__}")


if __name__ == "__main__":
    print(render(), end="")
