"""Record the settings a run starts with, so ``btcbot status`` can show what the running
instance uses rather than what the operator's shell would load."""

from __future__ import annotations

import os

from sqlalchemy import Engine

from btcbot.config import AppConfig
from btcbot.config.record import settings_record
from btcbot.store import LockIdentity, unit_of_work
from btcbot.store.run_settings import RunSettingsRepository


def record_run_settings(
    engine: Engine, config: AppConfig, now_ms: int, lock: LockIdentity | None = None
) -> None:
    """``lock`` is the writer lock the run holds: inspection commands find it from here, so
    they need neither the API key nor the shell's settings (its key is a fingerprint)."""
    document = {**settings_record(config), "started_ms": now_ms, "pid": os.getpid()}
    if lock is not None:
        document["lock"] = {
            "key": lock.key,
            "file": None if lock.lock_file is None else str(lock.lock_file),
            "label": lock.label,
        }
    with unit_of_work(engine) as connection:
        RunSettingsRepository(connection).put(config.common.account_key, document, now_ms=now_ms)
