"""One meaning of 0 for every limit: **0 means zero** — a limit of 0 allows nothing.

No money or count limit is switched off by setting it to 0 (the predecessor read
``MAX_NOTIONAL_PER_ORDER_TRY=0`` as "no cap", a reading that turns a typo into an unlimited
order size). The one limit that can be off, the per-order notional cap of profiles 3 and 4,
is off only when left empty. A limit set to 0 is valid (it is the plain way to forbid
something) but it is named in a warning at start-up, so "nothing happens" is never a
mystery.
"""

from __future__ import annotations

from typing import Final

from pydantic import BaseModel

from btcbot.config.base import BtcbotSettings

# field -> what a value of 0 does
BLOCKS_AT_ZERO: Final[dict[str, str]] = {
    "max_orders_per_cycle": "no new order is placed",
    "max_open_orders_per_symbol": "no new order is placed",
    "notional_cap_try_per_cycle": "no new order is placed",
    "max_notional_per_order_try": "no new order is placed (leave it empty for no per-order cap)",
    "max_position_try_per_symbol": "no buy is placed",
    "entry_notional_try": "no entry is bought",
    "target_try": "no entry is bought",
    "max_daily_loss_try": "the profile stays OBSERVE_ONLY unless today is in profit",
    "daily_loss_limit_try": "the profile stays REDUCE_RISK_ONLY unless today is in profit",
    "fee_burn_limit_try": "the profile stays REDUCE_RISK_ONLY (any fee reaches the limit)",
    "stage7_universe_size": "no symbol is selected",
}

ZERO_RULE = "0 means zero for every limit"


def zero_limit_warnings(settings: BaseModel) -> tuple[str, ...]:
    """One warning per limit of ``settings`` set to 0, naming the variable and the effect."""
    warnings = []
    for name, effect in BLOCKS_AT_ZERO.items():
        if name not in type(settings).model_fields or getattr(settings, name) != 0:
            continue
        variable = (
            type(settings).env_name(name) if isinstance(settings, BtcbotSettings) else name.upper()
        )
        warnings.append(f"{variable}=0: {effect} ({ZERO_RULE})")
    return tuple(warnings)
