"""Every environment name btcbot reads, and the misspellings it catches.

A misspelled name (``LIVE_TRADNG``, ``KILL_SWICH``) is not an error to pydantic: it is just an
unknown variable, and the knob it meant keeps its default. So a name that is not btcbot's but
is close to one (``difflib``, ratio >= 0.85) is reported: a warning in a dry run, a refusal when
the settings are armed for live trading (the operator believed a setting was in force).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from pydantic_settings import BaseSettings

from btcbot.config.api import ApiSettings
from btcbot.config.base import BtcbotSettings, env_names
from btcbot.config.common import CommonSettings
from btcbot.config.exchange import ExchangeSettings
from btcbot.config.stages import STAGE_MODELS
from btcbot.config.telegram import TelegramSettings

SIMILARITY = 0.85

MODELS: tuple[type[BaseSettings], ...] = (
    CommonSettings,
    ExchangeSettings,
    ApiSettings,
    *STAGE_MODELS.values(),
    TelegramSettings,
)


@dataclass(frozen=True, slots=True)
class Misspelling:
    name: str
    suggestion: str
    source: str  # "the environment" or the settings file

    def describe(self) -> str:
        return (
            f"{self.name} (in {self.source}) is not a btcbot setting: did you mean "
            f"{self.suggestion}? It has no effect as written"
        )


def model_env_names(model: type[BaseSettings]) -> tuple[str, ...]:
    """Canonical and alias env names of every field of ``model`` (upper case)."""
    prefix = str(model.model_config.get("env_prefix") or "").upper()
    names: list[str] = []
    for name, field in model.model_fields.items():
        if issubclass(model, BtcbotSettings):
            names.extend(env_names(name, field))
        else:
            names.append(prefix + name.upper())
    return tuple(names)


@cache
def known_names() -> frozenset[str]:
    """Every name any settings model reads, plus the legacy names they handle."""
    names: set[str] = set()
    for model in MODELS:
        names.update(model_env_names(model))
        if issubclass(model, BtcbotSettings):
            names.update(model.REFUSED)
            names.update(model.RETIRED)
            names.update(model.CONVERTED)
    return frozenset(names)


def misspellings(names: Iterable[str], source: str) -> tuple[Misspelling, ...]:
    """Names in ``names`` that are not btcbot's but close to one of them."""
    known = known_names()
    found = []
    for name in names:
        upper = name.upper()
        if upper in known:
            continue
        close = difflib.get_close_matches(upper, known, n=1, cutoff=SIMILARITY)
        if close:
            found.append(Misspelling(name, close[0], source))
    return tuple(found)


def environment_misspellings(
    environ: Mapping[str, str], file_keys: Iterable[str], file_label: str | None
) -> tuple[Misspelling, ...]:
    """Misspellings in the process environment and in the settings file's keys."""
    from_file = misspellings(file_keys, file_label) if file_label else ()
    return misspellings(environ, "the environment") + from_file
