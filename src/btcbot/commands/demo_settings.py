"""``btcbot demo``'s settings: the agent armed against the embedded emulator on loopback.

Settings come from the environment like any run (so strategy knobs can be tried), except what
makes it a demo: the exchange URLs point at the in-process emulator (loopback only), the
credentials are the emulator's demo account, the state database is a fresh demo file, and the
agent is armed (or paper-trading with ``dry_run``). Nothing can reach a real exchange: the
URLs are the emulator's, checked to be loopback before anything starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

from pydantic import SecretStr

from btcbot.config import AppConfig, CommonSettings, ExchangeSettings, evaluate_arming
from btcbot.config.loader import build
from btcbot.config.stages import STAGE_MODELS
from btcbot.emulator import Emulator

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class DemoError(RuntimeError):
    """The demo could not be set up safely."""


@dataclass(frozen=True, slots=True)
class DemoOptions:
    stage: int
    db_path: Path
    dry_run: bool
    ttl_seconds: int | None = None


def demo_config(emu: Emulator, options: DemoOptions, env_file: Path | None) -> AppConfig:
    for url in (emu.rest_url, emu.graph_url, emu.ws_url):
        host = urlparse(url).hostname
        if host not in _LOOPBACK:
            raise DemoError(f"refusing a demo against {url}: the emulator must be on loopback")
    common = build(CommonSettings, env_file).model_copy(
        update={
            "dry_run": options.dry_run,
            "kill_switch": False,
            "safe_mode": False,
            "live_trading": not options.dry_run,
            "live_trading_ack": None if options.dry_run else "I_UNDERSTAND",
            "state_db_path": options.db_path,
            "state_db_url": None,
            "market_data_mode": "ws",
            "ws_market_data_rest_fallback": True,
            "dry_run_try_balance": Decimal(10_000),
            "lock_dir": options.db_path.parent / "locks",
        }
    )
    exchange = build(ExchangeSettings, env_file).model_copy(
        update={
            "base_url": emu.rest_url,
            "graph_url": emu.graph_url,
            "ws_url": emu.ws_url,
            "api_key": emu.demo_account.api_key,
            "api_secret": SecretStr(emu.demo_account.api_secret),
        }
    )
    stage_model = STAGE_MODELS[options.stage]
    stage = build(stage_model, env_file)
    if options.ttl_seconds is not None:
        stage = stage.model_copy(update={"ttl_seconds": options.ttl_seconds})
    config = AppConfig(
        common=common,
        stage=stage,
        params=stage.to_params(common),
        exchange=exchange,
        arming=evaluate_arming(common, has_credentials=True),
    )
    if config.arming.armed == options.dry_run:
        raise DemoError(f"demo gates inconsistent: {config.arming.reasons}")
    return config
