"""Two-step writes: request -> confirm with a short-lived, single-use token.

The token goes back to whoever asked (an API caller, a Telegram chat) and is stored only as
its SHA-256, with the action, its parameters, who asked and when it expires. Confirming runs
the action (audited under the confirming actor) only while the request is still open, not
expired, and confirmed by the actor who asked; a token works once.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection

from btcbot.config import CommonSettings
from btcbot.operator.actions import NEEDS_CONFIRMATION, Action, Applied, apply, audit
from btcbot.operator.errors import BadRequest, Refused
from btcbot.store.operator_log import OperatorRequests, RequestStatus

CONFIRM_TTL_MS = 120_000  # two minutes: long enough to read the question, short enough to lapse


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_confirmation(
    conn: Connection,
    account_key: str,
    action: Action,
    params: Mapping[str, Any],
    *,
    actor: str,
    now_ms: int,
    ttl_ms: int = CONFIRM_TTL_MS,
) -> tuple[int, str, int]:
    """Record the request; return its id, the token to send back, and when it expires."""
    if action not in NEEDS_CONFIRMATION:
        raise BadRequest(f"{action.value} needs no confirmation")
    token = secrets.token_urlsafe(24)
    expires = now_ms + ttl_ms
    request_id = OperatorRequests(conn).add(
        account_key,
        action=action.value,
        actor=actor,
        params=params,
        status=RequestStatus.AWAITING_CONFIRMATION,
        token_hash=token_hash(token),
        now_ms=now_ms,
        expires_ms=expires,
    )
    audit(
        conn,
        account_key,
        actor=actor,
        action=action,
        outcome="confirmation_requested",
        detail=params,
        now_ms=now_ms,
    )
    return request_id, token, expires


def confirm(
    conn: Connection, common: CommonSettings, token: str, *, actor: str, now_ms: int
) -> tuple[Action, Applied] | Refused:
    """Run the action a token stands for; :class:`Refused` (raised) when it cannot be used,
    or returned when it expired: the expiry is recorded, so the caller commits, then raises."""
    requests = OperatorRequests(conn)
    found = requests.by_token(token_hash(token.strip()))
    if found is None or found.account_key != common.account_key:
        raise Refused("unknown confirmation token: ask for the action again")
    if found.status is not RequestStatus.AWAITING_CONFIRMATION:
        raise Refused(f"this confirmation was already used ({found.status.value})")
    action = Action(found.action)
    if found.actor != actor:
        raise Refused("a confirmation must come from whoever asked for it")
    if now_ms > found.expires_ms:
        requests.finish(
            found.request_id,
            status=RequestStatus.EXPIRED,
            outcome={"message": "not confirmed in time"},
            now_ms=now_ms,
            only_if=RequestStatus.AWAITING_CONFIRMATION,
        )
        audit(
            conn,
            common.account_key,
            actor=actor,
            action=action,
            outcome="expired",
            detail=None,
            now_ms=now_ms,
        )
        return Refused("the confirmation expired: ask for the action again")
    applied = apply(conn, common, action, found.params, actor=actor, now_ms=now_ms)
    closed = requests.finish(
        found.request_id,
        status=RequestStatus.DONE,
        outcome={"message": applied.message},
        now_ms=now_ms,
        only_if=RequestStatus.AWAITING_CONFIRMATION,
    )
    if not closed:  # confirmed twice at once: the other transaction won
        raise Refused("this confirmation was already used")
    return action, applied
