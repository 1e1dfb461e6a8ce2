"""The settings document of the run that last started on an account (shown by ``status``).

Stored as a runtime state document beside the ledger baseline, under a key derived from the
account key that fits the 64-character key column whatever the account key's length.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from btcbot.store.schema import risk_state
from btcbot.store.state import RiskStateRepository
from btcbot.store.types import loads_json

_SUFFIX = ":run-settings"
_KEY_LENGTH = 64


def run_settings_key(account_key: str) -> str:
    key = f"{account_key}{_SUFFIX}"
    if len(key) <= _KEY_LENGTH:
        return key
    digest = hashlib.sha256(account_key.encode()).hexdigest()[:32]
    return f"{digest}{_SUFFIX}"


class RunSettingsRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._documents = RiskStateRepository(connection)

    def put(self, account_key: str, document: Mapping[str, Any], *, now_ms: int) -> None:
        self._documents.put(run_settings_key(account_key), document, now_ms=now_ms)

    def get(self, account_key: str) -> dict[str, Any] | None:
        return self._documents.get(run_settings_key(account_key))

    def accounts(self) -> list[str]:
        """The account keys that have started a run on this database, sorted."""
        rows = self._connection.execute(
            select(risk_state.c.state).where(risk_state.c.account_key.like(f"%{_SUFFIX}"))
        ).scalars()
        found = {loads_json(text).get("settings", {}).get("ACCOUNT_KEY") for text in rows}
        return sorted(key for key in found if isinstance(key, str))
