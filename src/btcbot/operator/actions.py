"""Operator writes to the state database, each audit-logged with who did it.

Every write goes through :func:`apply` inside one transaction with its audit row, so a write
is never without its record. None of them places an order: they switch the agent's gates
(kill switch, stop new entries, freeze, degrade override) or its ledger baseline; the running
agent reads them at the start of every cycle (and before every order it sends).

Writes that let the agent take more risk, or accept a state it would otherwise refuse, are
two-step on remote surfaces (:data:`NEEDS_CONFIRMATION`: a short-lived token must come back,
see :mod:`btcbot.operator.confirm`); the CLI asks on the terminal instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from btcbot.config import CommonSettings
from btcbot.decision.modes import Mode
from btcbot.operator.errors import BadRequest
from btcbot.runtime.ledger_guard import baseline_key, replaced_key
from btcbot.store import OpState, RiskStateRepository
from btcbot.store.operator_log import AuditLog
from btcbot.store.types import dumps_json


class Action(StrEnum):
    KILL_SWITCH_ON = "kill_switch_on"
    KILL_SWITCH_OFF = "kill_switch_off"
    STOP_ENTRIES = "stop_entries"
    RESUME_ENTRIES = "resume_entries"
    CANCEL_ALL = "cancel_all"
    FREEZE_CLEAR = "freeze_clear"
    DEGRADE_OVERRIDE = "degrade_override"
    DEGRADE_CLEAR = "degrade_clear"
    LEDGER_REBASE = "ledger_rebase"


NEEDS_CONFIRMATION = frozenset(
    {
        Action.KILL_SWITCH_OFF,
        Action.RESUME_ENTRIES,
        Action.FREEZE_CLEAR,
        Action.DEGRADE_CLEAR,
        Action.LEDGER_REBASE,
    }
)

MAX_REASON_CHARS = 500
MAX_OVERRIDE_MINUTES = 10_080  # a week: an override is for an incident, not a configuration
FORCED_MODES = (Mode.REDUCE_RISK_ONLY, Mode.OBSERVE_ONLY)  # what an override may force

# what each write takes (and so what its audit row keeps): nothing else a caller sends
_PARAMS: Mapping[Action, tuple[str, ...]] = {
    Action.KILL_SWITCH_ON: ("reason",),
    Action.STOP_ENTRIES: ("reason",),
    Action.DEGRADE_OVERRIDE: ("mode", "reason", "minutes"),
}


@dataclass(frozen=True, slots=True)
class Applied:
    message: str


def apply(
    conn: Connection,
    common: CommonSettings,
    action: Action,
    params: Mapping[str, Any],
    *,
    actor: str,
    now_ms: int,
) -> Applied:
    """Perform ``action`` (not :attr:`Action.CANCEL_ALL`: that is the agent's) and audit it."""
    account = common.account_key
    state = OpState(conn)
    if action is Action.KILL_SWITCH_ON:
        reason = reason_text(params.get("reason"), default="operator")
        state.set_kill_switch(account, active=True, source="operator", reason=reason, now_ms=now_ms)
        message = f"runtime kill switch ON for account {account!r}: {reason}"
    elif action is Action.KILL_SWITCH_OFF:
        state.set_kill_switch(
            account, active=False, source="operator", reason="released", now_ms=now_ms
        )
        state.reset_reconcile_failures(account, now_ms=now_ms)
        message = f"runtime kill switch off for account {account!r}"
        if common.kill_switch:
            message += "\nnote: settings KILL_SWITCH=true still blocks new risk"
    elif action is Action.STOP_ENTRIES:
        reason = reason_text(params.get("reason"), default="operator")
        state.set_stop_entries(account, active=True, reason=reason, now_ms=now_ms)
        message = (
            f"new entries stopped for account {account!r}: {reason} (no new buys; sells, "
            "protective stops and cancels go on)"
        )
    elif action is Action.RESUME_ENTRIES:
        state.set_stop_entries(account, active=False, reason=None, now_ms=now_ms)
        message = f"new entries allowed again for account {account!r}"
    elif action is Action.FREEZE_CLEAR:
        state.clear_freeze(account, now_ms=now_ms)
        message = "freeze cleared"
    elif action is Action.DEGRADE_OVERRIDE:
        mode, reason, minutes = degrade_params(params)
        until = now_ms + minutes * 60_000
        state.set_degrade_override(
            account, mode=mode.value, reason=reason, until_ms=until, now_ms=now_ms
        )
        message = f"degrade override {mode.value} until {_utc(until)}"
    elif action is Action.DEGRADE_CLEAR:
        state.set_degrade_override(account, mode=None, reason=None, until_ms=None, now_ms=now_ms)
        message = "degrade override cleared"
    elif action is Action.LEDGER_REBASE:
        removed = _clear_baseline(RiskStateRepository(conn), account, now_ms)
        message = "\n".join(
            (
                "ledger baseline cleared: the next cycle takes a new one"
                if removed
                else "no ledger baseline was stored",
                "if the kill switch tripped on the mismatch, release it: btcbot kill-switch off",
                "if foreign fills froze new risk, lift the freeze: btcbot freeze clear",
            )
        )
    else:
        raise BadRequest(f"{action.value} is not a database write")
    kept = {name: params[name] for name in _PARAMS.get(action, ()) if name in params}
    audit(conn, account, actor=actor, action=action, outcome="done", detail=kept, now_ms=now_ms)
    return Applied(message)


def _clear_baseline(documents: RiskStateRepository, account: str, now_ms: int) -> bool:
    """Clear the ledger baseline (the bot takes a new one), keeping the one it replaced: the
    difference is money that came in or went out, which the bot takes out of the day's PnL
    and the equity peak. An older replaced baseline not yet taken into account is kept."""
    current = documents.get(baseline_key(account))
    if current is None:
        return False
    if documents.get(replaced_key(account)) is None:
        documents.put(replaced_key(account), current, now_ms=now_ms)
    return documents.delete(baseline_key(account))


def audit(
    conn: Connection,
    account_key: str,
    *,
    actor: str,
    action: Action,
    outcome: str,
    detail: Mapping[str, Any] | str | None,
    now_ms: int,
) -> None:
    text = detail if isinstance(detail, str) or detail is None else dumps_json(dict(detail))
    AuditLog(conn).record(
        account_key,
        actor=actor,
        action=action.value,
        outcome=outcome,
        detail=text if text not in ("{}", "") else None,
        now_ms=now_ms,
    )


def reason_text(value: object, *, default: str | None = None) -> str:
    """An operator's free-text reason: trimmed, bounded, required unless there is a default."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        if default is None:
            raise BadRequest("reason: say why (it is kept with the switch)")
        return default
    if len(text) > MAX_REASON_CHARS:
        raise BadRequest(f"reason: at most {MAX_REASON_CHARS} characters")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in text):
        # a NUL, a line break or an escape sequence would garble the status and the logs; a
        # lone surrogate (bytes that are not UTF-8 on the command line) cannot be stored
        raise BadRequest(
            "reason: one line of plain text (it holds a control character or bytes that are "
            "not UTF-8)"
        )
    return text


def degrade_params(params: Mapping[str, Any]) -> tuple[Mode, str, int]:
    """``mode`` (a mode worse than NORMAL: an override only ever forces more caution),
    ``reason`` (required) and ``minutes`` (1 .. :data:`MAX_OVERRIDE_MINUTES`, default 15)."""
    raw = params.get("mode")
    choices = " or ".join(m.value for m in FORCED_MODES)
    try:
        mode = Mode(str(raw).strip().upper())
    except ValueError:
        shown = repr(raw) if len(str(raw)) <= 40 else f"{str(raw)[:40]!r}..."
        raise BadRequest(f"mode {shown}: choose {choices}") from None
    if mode not in FORCED_MODES:
        raise BadRequest(
            f"mode {mode.value}: an override forces a more cautious mode ({choices}); to let the "
            "risk layer decide again, clear the override"
        )
    given = params.get("reason")
    if not (isinstance(given, str) and given.strip()):
        raise BadRequest("reason: say why the mode is forced (it is kept with the override)")
    reason = reason_text(given)
    minutes = params.get("minutes", 15)
    if (
        not isinstance(minutes, int)
        or isinstance(minutes, bool)
        or not 1 <= minutes <= MAX_OVERRIDE_MINUTES
    ):
        raise BadRequest(
            f"minutes: a whole number of minutes from 1 to {MAX_OVERRIDE_MINUTES:,} (a week)"
        )
    return mode, reason, minutes


def _utc(ms: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
