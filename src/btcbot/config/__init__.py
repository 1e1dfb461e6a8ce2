"""Typed, frozen settings models."""

from btcbot.config.exchange import ExchangeSettings

__all__ = ["ExchangeSettings"]

# --- settings models, gates and loader (appended; keep the exports above intact) ---
from btcbot.config.common import ACK_PHRASE, CommonSettings
from btcbot.config.errors import ConfigError
from btcbot.config.gates import (
    ArmingDecision,
    BlockReason,
    check_gates,
    evaluate_arming,
)
from btcbot.config.loader import AppConfig, has_credentials, load_config
from btcbot.config.stages import (
    STAGE_MODELS,
    Stage3Settings,
    Stage4Settings,
    Stage7Settings,
    StageSettings,
)

__all__ += [
    "ACK_PHRASE",
    "STAGE_MODELS",
    "AppConfig",
    "ArmingDecision",
    "BlockReason",
    "CommonSettings",
    "ConfigError",
    "Stage3Settings",
    "Stage4Settings",
    "Stage7Settings",
    "StageSettings",
    "check_gates",
    "evaluate_arming",
    "has_credentials",
    "load_config",
]
