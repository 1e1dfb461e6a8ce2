"""Load and validate every settings model in phases, turning failures into ``ConfigError``.

0. the settings file (``.env`` or ``--env-file``) is read strictly (:mod:`.envfile`);
1. schema: each model parses its knobs (types, bounds, legacy names);
2. cross-field gates: :func:`btcbot.config.gates.check_gates` with the credentials known;
   misspelled names (:mod:`.names`) warn, and are refused when the settings are armed;
3. exchange-aware checks (symbols listed, :mod:`.listing`) run later, in the runtime.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from annotated_types import Ge, Gt, Le, Lt
from pydantic import ValidationError
from pydantic_settings import BaseSettings

from btcbot.config.base import BtcbotSettings, env_names
from btcbot.config.common import CommonSettings
from btcbot.config.envfile import check_env_file, read_env_file
from btcbot.config.errors import ConfigError
from btcbot.config.exchange import ExchangeSettings
from btcbot.config.gates import ArmingDecision, check_gates, evaluate_arming
from btcbot.config.limits import zero_limit_warnings
from btcbot.config.names import (
    Misspelling,
    environment_misspellings,
    known_names,
    model_env_names,
)
from btcbot.config.params import ProfileParams
from btcbot.config.stages import STAGE_MODELS, StageSettings
from btcbot.config.telegram import TelegramSettings

T = TypeVar("T", bound=BaseSettings)


@dataclass(frozen=True, slots=True)
class AppConfig:
    common: CommonSettings
    stage: StageSettings
    params: ProfileParams
    exchange: ExchangeSettings = field(repr=False)  # holds the API key
    arming: ArmingDecision
    warnings: tuple[str, ...] = ()
    telegram: TelegramSettings = field(default_factory=TelegramSettings.disabled, repr=False)

    @property
    def has_credentials(self) -> bool:
        return has_credentials(self.exchange)


def has_credentials(exchange: ExchangeSettings) -> bool:
    secret = exchange.api_secret.get_secret_value() if exchange.api_secret else ""
    return bool(exchange.api_key) and bool(secret)


def load_config(stage: int, env_file: Path | str | None = None) -> AppConfig:
    """All settings for ``--stage`` from the environment and ``env_file`` (default ``.env``)."""
    model = STAGE_MODELS.get(stage)
    if model is None:
        raise ConfigError(f"unknown stage {stage}: choose one of {sorted(STAGE_MODELS)}")
    path = _env_path(env_file)
    refuse_spellings(os.environ)
    common = build(CommonSettings, path)
    stage_settings = build(model, path)
    exchange = build(ExchangeSettings, path)
    telegram = build(TelegramSettings, path)
    credentials = has_credentials(exchange)
    check_gates(common, credentials)
    arming = evaluate_arming(common, credentials)
    typos = misspelled(path)
    if arming.armed and typos:
        raise ConfigError(
            "; ".join(t.describe() for t in typos)
            + ": armed for live trading, so this is refused; fix or remove the name"
        )
    environ = read_environment(path)
    return AppConfig(
        common=common,
        stage=stage_settings,
        params=_params(stage_settings, common),
        exchange=exchange,
        arming=arming,
        warnings=_retired(model, environ)
        + tuple(t.describe() for t in typos)
        + foreign_knobs(stage, environ)
        + zero_limit_warnings(stage_settings),
        telegram=telegram,
    )


def refuse_spellings(environ: Mapping[str, str]) -> None:
    """Names are case-blind, so ``DRY_RUN=true`` beside ``dry_run=false`` is one setting with
    two values, and which one wins is the environment's order: refused, values not shown."""
    known = known_names()
    spellings: dict[str, dict[str, str]] = {}
    for name, value in environ.items():
        if name.upper() in known:
            spellings.setdefault(name.upper(), {})[name] = value
    for names in spellings.values():
        if len(set(names.values())) > 1:
            raise ConfigError(
                f"{' and '.join(sorted(names))} are both set in the environment, to different "
                "values (not shown): they are one setting; keep one"
            )


def misspelled(env_file: Path | None) -> tuple[Misspelling, ...]:
    """Names close to a btcbot setting but not one, in the environment and ``env_file``."""
    keys = read_env_file(env_file) if env_file is not None else {}
    return environment_misspellings(os.environ, keys, str(env_file) if env_file else None)


def build(model: type[T], env_file: Path | None) -> T:
    """One model from env + ``env_file``; validation errors name variables, never values."""
    if env_file is not None:
        check_env_file(env_file)
    try:
        return model(_env_file=env_file)
    except ValidationError as exc:
        raise ConfigError(describe(model, exc, read_environment(env_file))) from None


def describe(
    model: type[BaseSettings], exc: ValidationError, environ: Mapping[str, str] | None = None
) -> str:
    """One line per problem, each naming the variable as the operator set it (an alias is
    named with its canonical name), never its value."""
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        message = str(error["msg"]).removeprefix("Value error, ")
        loc = error["loc"]
        if loc and error["type"] in _BOUND_ERRORS:
            message += _allowed_range(model, str(loc[0]))
        # a model-level check names its variables itself
        problems.append(f"{_env_name(model, str(loc[0]), environ)}: {message}" if loc else message)
    return "; ".join(problems)


_BOUND_ERRORS = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal"})


def _allowed_range(model: type[BaseSettings], key: str) -> str:
    """' (allowed: 0 to 10000)' from a field's declared bounds; '' when it has only one."""
    field = model.model_fields.get(key)
    if field is None:
        return ""
    low: str | None = None
    high: str | None = None
    for bound in field.metadata:
        match bound:
            case Ge(ge=value):
                low = _number(value)
            case Gt(gt=value):
                low = f"above {_number(value)}"
            case Le(le=value):
                high = _number(value)
            case Lt(lt=value):
                high = f"below {_number(value)}"
    if low is None or high is None:
        return ""
    return f" (allowed: {low} to {high})"


def _number(value: object) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _env_name(model: type[BaseSettings], key: str, environ: Mapping[str, str] | None) -> str:
    prefix = str(model.model_config.get("env_prefix") or "")
    if issubclass(model, BtcbotSettings) and key in model.model_fields:
        names = env_names(key, model.model_fields[key])
        used = [name for name in names if environ is not None and name in environ]
        if used and used[0] != names[0]:
            return f"{used[0]} (alias of {names[0]})"
        return names[0]
    return (key if key.upper().startswith(prefix.upper()) else prefix + key).upper()


def _params(stage_settings: StageSettings, common: CommonSettings) -> ProfileParams:
    try:
        return stage_settings.to_params(common)
    except ValueError as exc:  # a kernel invariant the knobs combined to break
        raise ConfigError(f"inconsistent {type(stage_settings).__name__}: {exc}") from None


def _env_path(env_file: Path | str | None) -> Path | None:
    if env_file is None:
        default = Path(".env")
        return check_env_file(default) if default.exists() else None
    path = Path(env_file)
    if not path.exists():
        raise ConfigError(f"--env-file {path}: no such file")
    return check_env_file(path)


def env_path(env_file: Path | str | None) -> Path | None:
    """The settings file to read (``--env-file``, else ``./.env`` if present), checked."""
    return _env_path(env_file)


def read_environment(env_file: Path | None) -> Mapping[str, str]:
    """The environment as the models see it: ``env_file`` overlaid by the process env."""
    merged: dict[str, Any] = dict(read_env_file(env_file)) if env_file else {}
    merged.update(os.environ)
    return {name.upper(): value for name, value in merged.items() if value is not None}


def foreign_knobs(stage: int, environ: Mapping[str, str]) -> tuple[str, ...]:
    """A warning per knob set (``environ``: :func:`read_environment`) that only other
    profiles have (a loss stop of profile 4 set for profile 3): each profile reads its own
    knobs, so the operator must hear that it does nothing here."""
    read_by = {
        number: {*model_env_names(model), *model.CONVERTED}
        for number, model in STAGE_MODELS.items()
    }
    warnings = []
    for name in sorted(environ):
        if name in read_by[stage]:
            continue
        others = [str(number) for number, names in read_by.items() if name in names]
        if others:
            profiles = (
                "profiles " + " and ".join(others) if len(others) > 1 else "profile " + others[0]
            )
            warnings.append(
                f"{name} is a setting of {profiles}, not of profile {stage}: it has no effect "
                "on this run"
            )
    return tuple(warnings)


def _retired(model: type[BtcbotSettings], environ: Mapping[str, str]) -> tuple[str, ...]:
    return CommonSettings.legacy_report(environ).retired + model.legacy_report(environ).retired
