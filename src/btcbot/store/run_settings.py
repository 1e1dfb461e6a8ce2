"""The settings document of the run that last started on an account (shown by ``status``).

Stored as a runtime state document beside the ledger baseline, under a key derived from the
account key that fits the 64-character key column whatever the account key's length.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
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

    def get_readable(self, account_key: str) -> tuple[dict[str, Any] | None, str | None]:
        """:meth:`get`, or (a document edited by hand or damaged) None and what is wrong."""
        try:
            document = self.get(account_key)
        except (ValueError, TypeError) as exc:
            return None, f"{type(exc).__name__}: {str(exc)[:200]}"
        if document is not None and not isinstance(document.get("settings", {}), dict):
            return None, "settings: not a JSON object"
        return document, None

    def accounts(self) -> list[str]:
        """The account keys that have started a run on this database, sorted (a document
        that does not read back names none)."""
        found = set()
        for text in self._stored_documents():
            try:
                found.add(loads_json(text).get("settings", {}).get("ACCOUNT_KEY"))
            except (ValueError, TypeError, AttributeError):
                continue
        return sorted(key for key in found if isinstance(key, str))

    def accounts_locking(self, lock_key: str) -> list[str]:
        """The account keys whose last run on this database held the writer lock ``lock_key``
        (for an exchange account: the fingerprint of its API key), sorted."""
        found = set()
        for text in self._stored_documents():
            document = loads_json(text)
            lock = document.get("lock")
            account = document.get("settings", {}).get("ACCOUNT_KEY")
            if isinstance(lock, dict) and lock.get("key") == lock_key and isinstance(account, str):
                found.add(account)
        return sorted(found)

    def _stored_documents(self) -> Iterator[str]:
        """Every account's run-settings document, as stored (JSON text)."""
        query = select(risk_state.c.state).where(risk_state.c.account_key.like(f"%{_SUFFIX}"))
        yield from self._connection.execute(query).scalars()
