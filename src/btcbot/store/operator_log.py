"""What operators did and asked for: the audit log and the operator requests.

* :class:`AuditLog` — one row per operator write (or refused write), naming who did it
  (``actor``: an API token's name, a Telegram chat, ``cli:<user>``), what, and the outcome.
  Append-only; nothing here deletes it.
* :class:`OperatorRequests` — requests that outlive one call: a write waiting for its
  confirmation (a short-lived token, stored only as its SHA-256), and work only the running
  agent may do (cancel every open order through its OMS), picked up at its next cycle and
  finished with an outcome the surfaces read back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, select

from btcbot.store.schema import operator_audit, operator_requests
from btcbot.store.types import dumps_json, loads_json


@dataclass(frozen=True, slots=True)
class AuditEntry:
    audit_id: int
    at_ms: int
    account_key: str
    actor: str
    action: str
    outcome: str
    detail: str | None


class AuditLog:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def record(
        self,
        account_key: str,
        *,
        actor: str,
        action: str,
        outcome: str,
        detail: str | None,
        now_ms: int,
    ) -> None:
        self._conn.execute(
            operator_audit.insert().values(
                at_ms=now_ms,
                account_key=account_key,
                actor=actor[:128],
                action=action,
                outcome=outcome,
                detail=detail,
            )
        )

    def latest(self, account_key: str, limit: int) -> list[AuditEntry]:
        query = (
            select(operator_audit)
            .where(operator_audit.c.account_key == account_key)
            .order_by(operator_audit.c.audit_id.desc())
            .limit(limit)
        )
        return [_to_entry(row) for row in self._conn.execute(query)]


def _to_entry(row: Row[Any]) -> AuditEntry:
    return AuditEntry(
        audit_id=row.audit_id,
        at_ms=row.at_ms,
        account_key=row.account_key,
        actor=row.actor,
        action=row.action,
        outcome=row.outcome,
        detail=row.detail,
    )


class RequestStatus(StrEnum):
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # a two-step write, token not yet back
    PENDING = "pending"  # queued for the running agent
    DONE = "done"
    FAILED = "failed"
    EXPIRED = "expired"  # not confirmed, or not picked up, in time


OPEN_STATUSES = (RequestStatus.AWAITING_CONFIRMATION, RequestStatus.PENDING)


@dataclass(frozen=True, slots=True)
class StoredRequest:
    request_id: int
    account_key: str
    action: str
    actor: str
    params: Mapping[str, Any]
    status: RequestStatus
    token_hash: str | None
    created_ms: int
    expires_ms: int
    finished_ms: int | None
    outcome: Mapping[str, Any] | None


class OperatorRequests:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(
        self,
        account_key: str,
        *,
        action: str,
        actor: str,
        params: Mapping[str, Any],
        status: RequestStatus,
        token_hash: str | None,
        now_ms: int,
        expires_ms: int,
    ) -> int:
        result = self._conn.execute(
            operator_requests.insert().values(
                account_key=account_key,
                action=action,
                actor=actor[:128],
                params=dumps_json(dict(params)),
                status=status.value,
                token_hash=token_hash,
                created_ms=now_ms,
                expires_ms=expires_ms,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def get(self, request_id: int) -> StoredRequest | None:
        row = self._conn.execute(
            select(operator_requests).where(operator_requests.c.request_id == request_id)
        ).first()
        return None if row is None else _to_request(row)

    def by_token(self, token_hash: str) -> StoredRequest | None:
        row = self._conn.execute(
            select(operator_requests).where(operator_requests.c.token_hash == token_hash)
        ).first()
        return None if row is None else _to_request(row)

    def open(self, account_key: str, status: RequestStatus) -> list[StoredRequest]:
        query = (
            select(operator_requests)
            .where(operator_requests.c.account_key == account_key)
            .where(operator_requests.c.status == status.value)
            .order_by(operator_requests.c.request_id)
        )
        return [_to_request(row) for row in self._conn.execute(query)]

    def latest(self, account_key: str, limit: int) -> list[StoredRequest]:
        query = (
            select(operator_requests)
            .where(operator_requests.c.account_key == account_key)
            .order_by(operator_requests.c.request_id.desc())
            .limit(limit)
        )
        return [_to_request(row) for row in self._conn.execute(query)]

    def progress(self, request_id: int, outcome: Mapping[str, Any]) -> bool:
        """Record what a pending request has done so far; it stays pending (False when it
        is no longer pending)."""
        updated = self._conn.execute(
            operator_requests.update()
            .where(operator_requests.c.request_id == request_id)
            .where(operator_requests.c.status == RequestStatus.PENDING.value)
            .values(outcome=dumps_json(dict(outcome)))
        )
        return updated.rowcount == 1

    def finish(
        self,
        request_id: int,
        *,
        status: RequestStatus,
        outcome: Mapping[str, Any],
        now_ms: int,
        only_if: RequestStatus,
    ) -> bool:
        """Close an open request; False when it was no longer ``only_if`` (someone else
        finished it first: a token is used once)."""
        updated = self._conn.execute(
            operator_requests.update()
            .where(operator_requests.c.request_id == request_id)
            .where(operator_requests.c.status == only_if.value)
            .values(status=status.value, outcome=dumps_json(dict(outcome)), finished_ms=now_ms)
        )
        return updated.rowcount == 1


def _to_request(row: Row[Any]) -> StoredRequest:
    return StoredRequest(
        request_id=row.request_id,
        account_key=row.account_key,
        action=row.action,
        actor=row.actor,
        params=loads_json(row.params),
        status=RequestStatus(row.status),
        token_hash=row.token_hash,
        created_ms=row.created_ms,
        expires_ms=row.expires_ms,
        finished_ms=row.finished_ms,
        outcome=None if row.outcome is None else loads_json(row.outcome),
    )
