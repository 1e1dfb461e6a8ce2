"""Record the settings a run starts with, so ``btcbot status`` can show what the running
instance uses rather than what the operator's shell would load."""

from __future__ import annotations

import os

from sqlalchemy import Engine

from btcbot.config import AppConfig
from btcbot.config.record import settings_record
from btcbot.store import unit_of_work
from btcbot.store.run_settings import RunSettingsRepository


def record_run_settings(engine: Engine, config: AppConfig, now_ms: int) -> None:
    document = {**settings_record(config), "started_ms": now_ms, "pid": os.getpid()}
    with unit_of_work(engine) as connection:
        RunSettingsRepository(connection).put(config.common.account_key, document, now_ms=now_ms)
