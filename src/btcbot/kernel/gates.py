"""Mode gates: what a mode lets through, and the global switches that force a mode.

* kill switch, safe mode, an order on the account we cannot account for (the operator's
  freeze) or one of ours still being resolved -> OBSERVE_ONLY for new risk;
* an operator's ``btcbot degrade override`` can make the mode worse, never better;
* OBSERVE_ONLY drops every submit; REDUCE_RISK_ONLY drops buys; a degrade multiplier shrinks
  buys in NORMAL mode;
* an operator's "stop new entries" drops every buy and nothing else: sells, protective stops
  and cancels go on, and resting buys stay (cancel them with the operator's cancel-all);
* cancels of our own stale orders stay allowed in every mode except safe mode, which freezes
  all writes (the operator is investigating).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from btcbot.decision.intents import Intent
from btcbot.decision.modes import Mode, combine_modes
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Side
from btcbot.domain.money import ONE, ZERO

_L = Layer.MODE_GATE


def forced_mode(snapshot: Snapshot, freeze_on_unknown: bool, log: DecisionLog) -> Mode:
    reasons = []
    if snapshot.kill_switch:
        reasons.append("kill_switch")
    if snapshot.safe_mode:
        reasons.append("safe_mode")
    if freeze_on_unknown and snapshot.unknown_order_count > 0:
        reasons.append("unknown_order_freeze")
    if freeze_on_unknown and snapshot.unresolved_orders > 0:
        reasons.append("order_unresolved")  # ours, resolving: no operator step needed
    for reason in reasons:
        log.add(None, Layer.KERNEL, Action.BLOCK, reason, "new risk blocked")
    forced = Mode.OBSERVE_ONLY if reasons else Mode.NORMAL
    override = snapshot.mode_override
    if override is not None and override is not Mode.NORMAL:
        log.add(None, Layer.KERNEL, Action.HOLD, "degrade_override", override.value)
        return combine_modes(forced, override)
    return forced


def gate_intents(
    intents: Sequence[Intent],
    mode: Mode,
    buy_multiplier: Decimal,
    log: DecisionLog,
    *,
    stop_entries: bool = False,
) -> list[Intent]:
    kept = []
    for intent in intents:
        if mode is Mode.OBSERVE_ONLY:
            log.add(intent.symbol, _L, Action.BLOCK, "mode_observe_only", intent.reason)
            continue
        if intent.side is Side.BUY:
            if stop_entries:
                log.add(intent.symbol, _L, Action.BLOCK, "stop_entries", intent.reason)
                continue
            if mode is Mode.REDUCE_RISK_ONLY:
                log.add(intent.symbol, _L, Action.BLOCK, "mode_reduce_risk_only", intent.reason)
                continue
            if buy_multiplier <= ZERO:
                log.add(intent.symbol, _L, Action.BLOCK, "degrade_buy_blocked", intent.reason)
                continue
            if buy_multiplier < ONE:
                intent = intent.with_quantity(intent.quantity * buy_multiplier)
                log.add(intent.symbol, _L, Action.CAP, "degrade_buy_shrink", str(buy_multiplier))
        kept.append(intent)
    return kept
