"""The best parameters as settings: ``--param`` flags and lines for ``.env``.

An operator's strategy (``--strategy FILE.py:Class`` or a built-in by name) reads its values
from ``STRATEGY_PARAMS``. A built-in profile (``--stage N``) reads its own settings, so its
parameters map onto those names (:data:`STAGE_SETTINGS`); a parameter without a setting of
its own is given as a ``--param`` flag in a comment line.
"""

from __future__ import annotations

from collections.abc import Mapping

STAGE_SETTINGS: Mapping[str, tuple[str, ...]] = {
    # profit-aware (stages 3 and 4): the entry is min(ENTRY_NOTIONAL_TRY, TARGET_TRY)
    "min_profit_bps": ("MIN_PROFIT_BPS",),
    "sell_fraction": ("TAKE_PROFIT_FRACTION",),
    "entry_budget": ("ENTRY_NOTIONAL_TRY", "TARGET_TRY"),
    "max_entry_spread_bps": ("MAX_ENTRY_SPREAD_BPS",),
    "offset_bps": ("OFFSET_BPS",),
    # portfolio (stage 7)
    "order_offset_bps": ("STAGE7_ORDER_OFFSET_BPS",),
}
"""Built-in parameter -> the settings that give it that value."""


def param_flags(values: Mapping[str, str]) -> str:
    return " ".join(f"--param {name}={value}" for name, value in values.items())


def env_lines(values: Mapping[str, str], *, by_stage: bool) -> list[str]:
    """``.env`` lines giving ``values`` (see the module docstring)."""
    if not by_stage:
        joined = ",".join(f"{name}={value}" for name, value in values.items())
        return [f"STRATEGY_PARAMS={joined}"]
    lines: list[str] = []
    for name, value in values.items():
        settings = STAGE_SETTINGS.get(name)
        if settings is None:
            lines.append(f"# {name} has no setting of its own: pass --param {name}={value}")
            continue
        lines.extend(f"{setting}={value}" for setting in settings)
    return lines


__all__ = ["STAGE_SETTINGS", "env_lines", "param_flags"]
