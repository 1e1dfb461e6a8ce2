"""RiskState <-> JSON document, for the store's one-row-per-account risk state.

Decimals travel as exact strings and symbols as ``BASE_QUOTE``; an unknown or missing key
falls back to the field's default so an older document still loads after an upgrade.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.domain import Symbol
from btcbot.domain.money import format_decimal, to_decimal

_DECIMALS = ("peak_equity", "day_start_equity", "day_start_fees", "fees_today")
_INTS = (
    "mode_cooldown_until_ms",
    "degrade_level",
    "degrade_cooldown_until_ms",
    "stable_cycles",
    "day_key",
    "rejects_last_cycle",
    "params_version",
)
_STR_TUPLES = ("mode_reasons", "anomalies")
_SYMBOL_INTS = (
    "fills_cursor",
    "cursor_stall",
    "symbol_cooldown_until_ms",
    "universe_probation",
    "universe_cooldown_until_ms",
)


def encode_risk_state(state: RiskState) -> dict[str, Any]:
    document: dict[str, Any] = {"mode": state.mode.value}
    for name in _DECIMALS:
        value = getattr(state, name)
        document[name] = None if value is None else format_decimal(value)
    for name in _INTS:
        document[name] = getattr(state, name)
    for name in _STR_TUPLES:
        document[name] = list(getattr(state, name))
    document["warn_history"] = list(state.warn_history)
    document["previous_mids"] = {
        symbol.normalized: format_decimal(mid)
        for symbol, mid in sorted(state.previous_mids.items())
    }
    for name in _SYMBOL_INTS:
        mapping = getattr(state, name)
        document[name] = {symbol.normalized: value for symbol, value in sorted(mapping.items())}
    document["reject_times_ms"] = {
        symbol.normalized: list(times) for symbol, times in sorted(state.reject_times_ms.items())
    }
    document["universe"] = [symbol.normalized for symbol in state.universe]
    document["universe_changes"] = [list(change) for change in state.universe_changes]
    if state.day_start_fees_by_quote is not None:
        document["day_start_fees_by_quote"] = {
            currency: format_decimal(fees)
            for currency, fees in sorted(state.day_start_fees_by_quote.items())
        }
    if state.strategy_state is not None:
        document["strategy_state"] = dict(sorted(state.strategy_state.items()))
    return document


def decode_risk_state(document: Mapping[str, Any] | None) -> RiskState:
    if not document:
        return RiskState()
    fields: dict[str, Any] = {}
    if "mode" in document:
        fields["mode"] = Mode(document["mode"])
    for name in _DECIMALS:
        if name in document:
            raw = document[name]
            fields[name] = None if raw is None else to_decimal(raw)
    for name in _INTS:
        if name in document:
            fields[name] = document[name]
    for name in _STR_TUPLES:
        if name in document:
            fields[name] = tuple(document[name])
    if "warn_history" in document:
        fields["warn_history"] = tuple(int(v) for v in document["warn_history"])
    mids = document.get("previous_mids") or {}
    fields["previous_mids"] = {Symbol.parse(k): to_decimal(v) for k, v in mids.items()}
    for name in _SYMBOL_INTS:
        raw = document.get(name) or {}
        fields[name] = {Symbol.parse(k): int(v) for k, v in raw.items()}
    times = document.get("reject_times_ms") or {}
    fields["reject_times_ms"] = {
        Symbol.parse(k): tuple(int(t) for t in v) for k, v in times.items()
    }
    fields["universe"] = tuple(Symbol.parse(s) for s in document.get("universe") or ())
    changes = document.get("universe_changes") or ()
    fields["universe_changes"] = tuple((int(at), int(n)) for at, n in changes)
    by_quote = document.get("day_start_fees_by_quote")
    if by_quote is not None:
        fields["day_start_fees_by_quote"] = {str(k): to_decimal(v) for k, v in by_quote.items()}
    kept = document.get("strategy_state")
    if kept is not None:
        fields["strategy_state"] = {str(k): str(v) for k, v in kept.items()}
    return RiskState(**fields)
