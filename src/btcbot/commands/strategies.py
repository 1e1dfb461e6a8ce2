"""``--stage`` / ``--strategy`` / ``--param``: which profile a command runs, from its options.

``--stage 3|4|7`` runs a built-in profile; ``--strategy`` runs a built-in strategy by name
(``profit-aware``, ``portfolio``) or an operator's (``path/to/file.py:ClassName``), in the
kernel configuration of the stage its risk layer belongs to. The two are exclusive. Parameter
values come from ``STRATEGY_PARAMS`` (``--strategy`` only) and ``--param name=value``
(repeatable, wins); every refusal is one message and exit 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from btcbot.commands.common import fail
from btcbot.config import AppConfig, ConfigError, load_config
from btcbot.config.loader import build
from btcbot.config.strategy import StrategySettings
from btcbot.decision.intents import short_repr
from btcbot.kernel.builtin import (
    BUILTIN_STRATEGIES,
    STAGE_OF_RISK_LAYER,
    builtin_profile,
    strategy_profile,
)
from btcbot.kernel.profile import Profile
from btcbot.strategy.api import Requirements, RiskLayerName, Strategy
from btcbot.strategy.failures import raised
from btcbot.strategy.loader import StrategyLoadError, load_strategy
from btcbot.strategy.parameters import ParameterError, parse_assignments, resolve_parameters

DEFAULT_STAGE = 3

StageOption = Annotated[
    int | None,
    typer.Option(
        "--stage",
        help="Built-in profile: 3 (profit-aware), 4 (+ order lifecycle), 7 (portfolio). "
        "Default 3; exclusive with --strategy.",
    ),
]
StrategyOption = Annotated[
    str | None,
    typer.Option(
        "--strategy",
        help="A strategy to run instead of a built-in profile: path/to/file.py:ClassName, "
        "or a built-in by name (profit-aware, portfolio).",
    ),
]
ParamOption = Annotated[
    list[str] | None,
    typer.Option(
        "--param",
        help="name=value for a declared strategy parameter (repeatable; wins over "
        "STRATEGY_PARAMS).",
    ),
]


@dataclass(frozen=True, slots=True)
class Selection:
    config: AppConfig
    profile: Profile
    by_stage: bool = True

    @property
    def label(self) -> str:
        """How the banner names what runs."""
        profile = self.profile
        values = ",".join(f"{k}={v}" for k, v in profile.params.items())
        if self.by_stage:
            return f"stage {profile.stage}"
        shown = f" [{values}]" if values else ""
        return (
            f"strategy {profile.name}{shown} (risk layer {profile.risk.name}, "
            f"stage {profile.stage} knobs)"
        )


def select_profile(
    stage: int | None,
    strategy: str | None,
    params: list[str] | None,
    env_file: Path | None,
) -> Selection:
    """The settings and the profile the options ask for; exit 2 on any bad input."""
    if stage is not None and strategy is not None:
        fail("--stage and --strategy are exclusive: --stage runs a built-in profile")
    try:
        given = parse_assignments(params or [], "--param")
        if strategy is None:
            config = _load(stage or DEFAULT_STAGE, env_file)
            return Selection(config, builtin_profile(config.params, given))
        return _strategy(strategy, given, env_file)
    except (ParameterError, StrategyLoadError) as exc:
        fail(str(exc))


def _strategy(spec: str, given: dict[str, str], env_file: Path | None) -> Selection:
    settings = _strategy_settings(env_file)
    values = {**parse_assignments([settings.strategy_params], "STRATEGY_PARAMS"), **given}
    if spec in BUILTIN_STRATEGIES:
        allowed = BUILTIN_STRATEGIES[spec]
        layer = settings.strategy_risk_layer or allowed[0]
        if layer not in allowed:
            fail(
                f"STRATEGY_RISK_LAYER={layer}: {spec} runs with {' or '.join(allowed)} "
                "(use --stage for the built-in profiles)"
            )
        config = _load(STAGE_OF_RISK_LAYER[layer], env_file)
        return Selection(config, builtin_profile(config.params, values), by_stage=False)
    loaded = load_strategy(spec)
    declared = _requirements(loaded, spec, values)
    layer_name: RiskLayerName = settings.strategy_risk_layer or declared.risk_layer
    config = _load(STAGE_OF_RISK_LAYER[layer_name], env_file)
    return Selection(config, strategy_profile(loaded, spec, values, config.params), by_stage=False)


def _requirements(strategy: Strategy, spec: str, values: dict[str, str]) -> Requirements:
    """What the operator's strategy declares; its code raising, or returning anything but
    :class:`~btcbot.strategy.api.Requirements`, is one error naming where."""
    params = resolve_parameters(strategy.parameters, values)
    try:
        declared = strategy.requirements(params)
    except ParameterError as exc:  # the values given do not go together (fast >= slow, ...)
        fail(str(exc))
    except (Exception, SystemExit) as exc:  # noqa: BLE001 -- the operator's code: reported
        fail(f"{spec}: requirements(params) raised {raised(strategy, exc)}: fix the strategy")
    if not isinstance(declared, Requirements):
        fail(
            f"{spec}: requirements(params) returned a {type(declared).__name__} "
            f"{short_repr(declared)}: "
            "return Requirements(...) (see the strategy API reference in the README)"
        )
    return declared


def _load(stage: int, env_file: Path | None) -> AppConfig:
    if env_file is not None and not env_file.exists():
        fail(f"--env-file {env_file} does not exist")
    try:
        return load_config(stage, env_file)
    except ConfigError as exc:
        fail(str(exc))


def _strategy_settings(env_file: Path | None) -> StrategySettings:
    path = env_file if env_file is not None else (Path(".env") if Path(".env").is_file() else None)
    try:
        return build(StrategySettings, path)
    except ConfigError as exc:
        fail(str(exc))


__all__ = ["ParamOption", "Selection", "StageOption", "StrategyOption", "select_profile"]
