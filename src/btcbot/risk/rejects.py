"""Reject cooldown: a symbol the exchange keeps refusing with ``FAILED_ORDER_WITH_OPEN_ORDERS``
(BTCTurk's insufficient-free-balance reply, error 1123) gets no new submits for a while.

``threshold`` such rejects within ``window_ms`` start a cooldown of ``cooldown_ms``
(REJECT1123_THRESHOLD=3 / WINDOW_MINUTES=60 / COOLDOWN_MINUTES=240), so the agent stops
hammering an order the exchange will refuse again. The runtime records each cycle's rejects
with :func:`record_rejects` into the risk state it persists, so a restart keeps the cooldown;
the kernel drops intents on cooling symbols (:func:`cooling_symbols`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from btcbot.config.params import RejectCooldownParams
from btcbot.decision.risk_state import RiskState
from btcbot.domain import Symbol

REJECT_REASON = "FAILED_ORDER_WITH_OPEN_ORDERS"


def record_rejects(
    state: RiskState,
    rejected: Iterable[tuple[Symbol, str]],
    now_ms: int,
    params: RejectCooldownParams,
) -> RiskState:
    """``state`` with this cycle's rejects (symbol, venue reason) counted: the total in
    ``rejects_last_cycle`` (ORDER_REJECT_SPIKE) and the 1123 ones toward a cooldown."""
    rejected = list(rejected)
    counted = rejected or state.rejects_last_cycle or state.reject_times_ms
    if not (counted or state.symbol_cooldown_until_ms):
        return state  # nothing to count, nothing to expire
    times = {
        symbol: kept
        for symbol, stamps in state.reject_times_ms.items()
        if (kept := tuple(t for t in stamps if now_ms - t < params.window_ms))
    }
    cooldowns = {s: until for s, until in state.symbol_cooldown_until_ms.items() if until > now_ms}
    for symbol, reason in rejected:
        if reason != REJECT_REASON:
            continue
        stamps = (*times.get(symbol, ()), now_ms)
        if len(stamps) >= params.threshold:
            cooldowns[symbol] = now_ms + params.cooldown_ms
            times.pop(symbol, None)
        else:
            times[symbol] = stamps
    return replace(
        state,
        rejects_last_cycle=len(rejected),
        reject_times_ms=times,
        symbol_cooldown_until_ms=cooldowns,
    )


def cooling_symbols(state: RiskState, now_ms: int) -> dict[Symbol, int]:
    """Symbols still cooling down at ``now_ms``, with the end of their cooldown."""
    return {s: until for s, until in state.symbol_cooldown_until_ms.items() if until > now_ms}
