"""Record the settings a run starts with, so ``btcbot status`` can show what the running
instance uses rather than what the operator's shell would load."""

from __future__ import annotations

import os
from decimal import Decimal, InvalidOperation

from sqlalchemy import Engine

from btcbot.config import AppConfig, ConfigError
from btcbot.config.record import settings_record
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import LockIdentity, RiskStateRepository, unit_of_work
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


def renamed_account(engine: Engine, account_key: str, lock: LockIdentity) -> str | None:
    """Why a live run of the exchange account behind ``lock`` (its API key's fingerprint)
    under ``account_key`` is refused, or None: the account already runs on this database
    under another ``ACCOUNT_KEY``, which keeps its kill switch, unknown-order freeze, ledger
    baseline, loss limits and reject cooldowns; a new name would start the same account
    without any of them (a tripped kill switch would no longer stop it)."""
    with engine.connect() as connection:
        others = [
            name
            for name in RunSettingsRepository(connection).accounts_locking(lock.key)
            if name != account_key
        ]
    if not others:
        return None
    named = ", ".join(repr(name) for name in others)
    return (
        f"ACCOUNT_KEY {account_key!r}: this exchange account ({lock.label}, from "
        f"BTCTURK_API_KEY) already runs on this database as ACCOUNT_KEY {named}; its kill "
        "switch, unknown-order freeze, ledger baseline and loss limits are kept under that "
        f"name and would not apply to {account_key!r}: set ACCOUNT_KEY={others[0]}, or use a "
        "separate database (STATE_DB_PATH or STATE_DB_URL) for another account"
    )


def refuse_renamed_account(engine: Engine, account_key: str, lock: LockIdentity) -> None:
    """Raise :class:`ConfigError` when :func:`renamed_account` finds a reason."""
    problem = renamed_account(engine, account_key, lock)
    if problem is not None:
        raise ConfigError(problem)


def changed_paper_balance(engine: Engine, config: AppConfig) -> str | None:
    """Why a dry run restarted on its database with another ``DRY_RUN_TRY_BALANCE`` is
    refused, or None. Its ledger baseline holds the paper account the dry run started with:
    a different start makes every ledger check a mismatch (read as a deposit or a trade made
    outside the agent, which a paper account cannot have) until the kill switch trips.
    ``btcbot ledger rebase`` clears the baseline: the next start takes the new balance."""
    account = config.common.account_key
    with engine.connect() as connection:
        previous, _ = RunSettingsRepository(connection).get_readable(account)
        started = RiskStateRepository(connection).get(baseline_key(account)) is not None
    if not started or previous is None or previous.get("live"):
        return None
    try:
        was = Decimal(str(previous.get("settings", {}).get("DRY_RUN_TRY_BALANCE")))
    except InvalidOperation:  # a run from before the setting was recorded: nothing to say
        return None
    now = config.common.dry_run_try_balance
    if was == now:
        return None
    return (
        f"DRY_RUN_TRY_BALANCE {now}: this dry run's database holds a paper account that "
        f"started with {was} TRY, and its ledger checks the paper balances against that start; "
        f"set DRY_RUN_TRY_BALANCE={was} again, run `btcbot ledger rebase` first to give it "
        f"the new balance, or start a new dry run on another STATE_DB_PATH"
    )


def refuse_changed_paper_balance(engine: Engine, config: AppConfig) -> None:
    """Raise :class:`ConfigError` when :func:`changed_paper_balance` finds a reason."""
    problem = changed_paper_balance(engine, config)
    if problem is not None:
        raise ConfigError(problem)
