"""Runtime state that outlives a process: risk state, operational switches, params versions.

Settings are frozen; everything the agent (or an operator) changes at run time lives here,
keyed by account so several accounts can share one PostgreSQL database.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Row, func, select

from btcbot.store.schema import op_state, params_versions, risk_state
from btcbot.store.types import dumps_json, loads_json


class RiskStateRepository:
    """One JSON document per account (risk budget mode, cooldowns, peaks...)."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def get(self, account_key: str) -> dict[str, Any] | None:
        text = self._conn.execute(
            select(risk_state.c.state).where(risk_state.c.account_key == account_key)
        ).scalar()
        return None if text is None else dict(loads_json(text))

    def updated_ms(self, account_key: str) -> int | None:
        """When the document was last written (None when there is none)."""
        value = self._conn.execute(
            select(risk_state.c.updated_ms).where(risk_state.c.account_key == account_key)
        ).scalar()
        return None if value is None else int(value)

    def delete(self, account_key: str) -> bool:
        """Forget the document; return whether there was one."""
        deleted = self._conn.execute(
            risk_state.delete().where(risk_state.c.account_key == account_key)
        )
        return deleted.rowcount > 0

    def put(self, account_key: str, state: Mapping[str, Any], *, now_ms: int) -> None:
        values = {"state": dumps_json(dict(state)), "updated_ms": now_ms}
        updated = self._conn.execute(
            risk_state.update().where(risk_state.c.account_key == account_key).values(values)
        )
        if updated.rowcount == 0:
            self._conn.execute(risk_state.insert().values(account_key=account_key, **values))


@dataclass(frozen=True, slots=True)
class OpStatus:
    """Operational switches of one account (defaults: nothing tripped)."""

    account_key: str
    kill_switch: bool = False
    kill_switch_source: str | None = None
    kill_switch_reason: str | None = None
    kill_switch_since_ms: int | None = None
    freeze_active: bool = False
    freeze_reason: str | None = None
    freeze_since_ms: int | None = None
    degrade_override_mode: str | None = None
    degrade_override_reason: str | None = None
    degrade_override_until_ms: int | None = None
    reconcile_failures: int = 0
    last_reconcile_error: str | None = None
    stop_entries: bool = False
    """An operator stopped new entries: no new buy risk; sells, stops and cancels go on."""
    stop_entries_reason: str | None = None
    stop_entries_since_ms: int | None = None

    def degrade_override_at(self, now_ms: int) -> str | None:
        """The manual degrade mode if one is set and not yet expired."""
        until = self.degrade_override_until_ms
        if self.degrade_override_mode is None or (until is not None and now_ms >= until):
            return None
        return self.degrade_override_mode


#: The columns of a new ``op_state`` row that a save does not set: nothing tripped.
OP_DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {"kill_switch": False, "freeze_active": False, "reconcile_failures": 0, "stop_entries": False}
)


@dataclass(frozen=True, slots=True)
class ReconcileCount:
    failures: int
    tripped: bool  # this failure reached the threshold and set the kill switch


class OpSwitches(ABC):
    """Kill switch (with source/reason/since), unknown-order freeze, degrade override, and
    the consecutive reconciliation failure counter that trips the kill switch.

    The rules live here; a backend stores one row per account (:meth:`get`, :meth:`_save`).
    """

    @abstractmethod
    def get(self, account_key: str) -> OpStatus: ...

    @abstractmethod
    def _save(self, account_key: str, now_ms: int, **values: Any) -> None:
        """Update these columns of the account's row (``updated_ms`` too), creating it with
        nothing tripped when there is none."""

    def set_kill_switch(
        self, account_key: str, *, active: bool, source: str, reason: str, now_ms: int
    ) -> None:
        self._save(
            account_key,
            now_ms,
            kill_switch=active,
            kill_switch_source=source,
            kill_switch_reason=reason,
            kill_switch_since_ms=now_ms,
        )

    def set_stop_entries(
        self, account_key: str, *, active: bool, reason: str | None, now_ms: int
    ) -> None:
        """Stop (or allow again) new entries: buys that add risk."""
        self._save(
            account_key,
            now_ms,
            stop_entries=active,
            stop_entries_reason=reason if active else None,
            stop_entries_since_ms=now_ms if active else None,
        )

    def set_freeze(self, account_key: str, *, reason: str, now_ms: int) -> None:
        """Sticky unknown-order freeze: only :meth:`clear_freeze` (an operator) lifts it."""
        if self.get(account_key).freeze_active:
            return  # keep the original reason and start time
        self._save(
            account_key, now_ms, freeze_active=True, freeze_reason=reason, freeze_since_ms=now_ms
        )

    def clear_freeze(self, account_key: str, *, now_ms: int) -> None:
        self._save(
            account_key, now_ms, freeze_active=False, freeze_reason=None, freeze_since_ms=None
        )

    def set_degrade_override(
        self,
        account_key: str,
        *,
        mode: str | None,
        reason: str | None,
        until_ms: int | None,
        now_ms: int,
    ) -> None:
        """Force a risk mode until ``until_ms`` (None clears the override)."""
        self._save(
            account_key,
            now_ms,
            degrade_override_mode=mode,
            degrade_override_reason=reason,
            degrade_override_until_ms=until_ms,
        )

    def record_reconcile_failure(
        self, account_key: str, *, error: str, threshold: int, now_ms: int
    ) -> ReconcileCount:
        """Count one more consecutive failure; at ``threshold`` trip the kill switch."""
        failures = self.get(account_key).reconcile_failures + 1
        self._save(account_key, now_ms, reconcile_failures=failures, last_reconcile_error=error)
        tripped = failures >= threshold
        if tripped:
            reason = f"{failures} consecutive reconciliation failures; last: {error}"
            self.set_kill_switch(
                account_key, active=True, source="reconcile", reason=reason, now_ms=now_ms
            )
        return ReconcileCount(failures, tripped)

    def reset_reconcile_failures(self, account_key: str, *, now_ms: int) -> None:
        if self.get(account_key).reconcile_failures:
            self._save(account_key, now_ms, reconcile_failures=0)


class OpState(OpSwitches):
    """:class:`OpSwitches` in the ``op_state`` table, on one unit-of-work connection."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def get(self, account_key: str) -> OpStatus:
        row = self._conn.execute(
            select(op_state).where(op_state.c.account_key == account_key)
        ).first()
        return OpStatus(account_key) if row is None else _to_status(row)

    def _save(self, account_key: str, now_ms: int, **values: Any) -> None:
        values["updated_ms"] = now_ms
        updated = self._conn.execute(
            op_state.update().where(op_state.c.account_key == account_key).values(values)
        )
        if updated.rowcount == 0:
            self._conn.execute(
                op_state.insert().values({**OP_DEFAULTS, **values, "account_key": account_key})
            )


def _to_status(row: Row[Any]) -> OpStatus:
    return op_status(dict(row._mapping))


def op_status(row: Mapping[str, Any]) -> OpStatus:
    """An ``op_state`` row (``updated_ms`` ignored) as :class:`OpStatus`."""
    return OpStatus(**{k: v for k, v in row.items() if k != "updated_ms"})


@dataclass(frozen=True, slots=True)
class ParamsVersion:
    profile: int
    version: int
    params: dict[str, Any]
    checkpoint: bool
    reason: str
    created_ms: int


class ParamsRepository:
    """Versioned parameter sets of the adapting profile (7): append-only, checkpoints marked."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def append(
        self,
        profile: int,
        params: Mapping[str, Any],
        *,
        reason: str,
        checkpoint: bool = False,
        now_ms: int,
    ) -> ParamsVersion:
        current = self._conn.execute(
            select(func.max(params_versions.c.version)).where(params_versions.c.profile == profile)
        ).scalar()
        record = ParamsVersion(
            profile, (current or 0) + 1, dict(params), checkpoint, reason, now_ms
        )
        self._conn.execute(
            params_versions.insert().values(
                profile=record.profile,
                version=record.version,
                params=dumps_json(record.params),
                checkpoint=record.checkpoint,
                reason=record.reason,
                created_ms=record.created_ms,
            )
        )
        return record

    def latest(self, profile: int, *, checkpoint_only: bool = False) -> ParamsVersion | None:
        query = select(params_versions).where(params_versions.c.profile == profile)
        if checkpoint_only:
            query = query.where(params_versions.c.checkpoint.is_(True))
        row = self._conn.execute(query.order_by(params_versions.c.version.desc())).first()
        return None if row is None else _to_params(row)


def _to_params(row: Row[Any]) -> ParamsVersion:
    return ParamsVersion(
        profile=row.profile,
        version=row.version,
        params=dict(loads_json(row.params)),
        checkpoint=row.checkpoint,
        reason=row.reason,
        created_ms=row.created_ms,
    )
