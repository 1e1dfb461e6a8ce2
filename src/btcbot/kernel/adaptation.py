"""Bounded parameter adaptation (profile 7): pure, versioned, with rollback.

``adapt(window, current, checkpoint)`` looks at recent cycle metrics and returns the next
parameters with a record of every change. Rules, in priority order:

* rollback: a cycle in the window with drawdown >= ``rollback_drawdown_bps`` -> return the
  checkpoint's values (new version); nothing else changes in that evaluation;
* reject spike (a cycle with >= ``reject_spike`` rejects) -> order offset +1 bps
  (less aggressive prices are less often refused for crossing the band);
* throttled cycles (the exchange's rate limits held calls back: client-side waits or 429
  answers, measured by the runtime) -> one order per cycle fewer;
* drawdown above half the rollback level -> turnover cap x 0.8;
* missing marks -> minimum quote volume x 2 (tighten to liquid pairs; 0 becomes 1000);
* otherwise, a healthy full window -> turnover cap x 1.1.

At most ``max_changes`` changes, each clamped to its bounds; a clamp that changes nothing is
not a change. The version increases by one whenever anything changed. The runtime persists
the active params, the change records and the checkpoints; nothing here stores anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar

from btcbot.config.params import AdaptationParams, Profile7Params
from btcbot.domain.money import format_decimal, to_decimal

N = TypeVar("N", int, Decimal)


@dataclass(frozen=True, slots=True)
class CycleMetrics:
    rejects: int = 0
    throttled: int = 0  # exchange calls held back by rate limits (waits + 429s)
    missing_marks: int = 0
    drawdown_bps: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class ParamChange:
    field: str
    old: str
    new: str
    reason: str


@dataclass(frozen=True, slots=True)
class AdaptationResult:
    params: Profile7Params
    changes: tuple[ParamChange, ...]
    rolled_back: bool = False


def _clamp(value: N, bounds: tuple[N, N]) -> N:
    low, high = bounds
    return min(max(value, low), high)


_Rule = Callable[[Profile7Params, AdaptationParams], Profile7Params]


def _offset_up(p: Profile7Params, a: AdaptationParams) -> Profile7Params:
    value = _clamp(p.portfolio.order_offset_bps + 1, a.offset_bounds_bps)
    return replace(p, portfolio=replace(p.portfolio, order_offset_bps=value))


def _fewer_orders(p: Profile7Params, a: AdaptationParams) -> Profile7Params:
    value = _clamp(p.limits.max_orders_per_cycle - 1, a.max_orders_bounds)
    return replace(p, limits=replace(p.limits, max_orders_per_cycle=value))


def _scale_turnover(factor: Decimal) -> _Rule:
    def rule(p: Profile7Params, a: AdaptationParams) -> Profile7Params:
        value = _clamp(p.limits.notional_cap_per_cycle * factor, a.turnover_bounds)
        return replace(p, limits=replace(p.limits, notional_cap_per_cycle=value))

    return rule


def _tighten_volume(p: Profile7Params, a: AdaptationParams) -> Profile7Params:
    raised = p.universe.min_quote_volume * 2 or Decimal(1000)
    value = _clamp(raised, a.min_quote_volume_bounds)
    return replace(p, universe=replace(p.universe, min_quote_volume=value))


_FIELDS: dict[str, Callable[[Profile7Params], object]] = {
    "portfolio.order_offset_bps": lambda p: p.portfolio.order_offset_bps,
    "limits.max_orders_per_cycle": lambda p: p.limits.max_orders_per_cycle,
    "limits.notional_cap_per_cycle": lambda p: p.limits.notional_cap_per_cycle,
    "universe.min_quote_volume": lambda p: p.universe.min_quote_volume,
}


def _proposals(window: Sequence[CycleMetrics], a: AdaptationParams) -> list[tuple[_Rule, str]]:
    rules: list[tuple[_Rule, str]] = []
    if any(m.rejects >= a.reject_spike for m in window):
        rules.append((_offset_up, "reject_spike"))
    if any(m.throttled > 0 for m in window):
        rules.append((_fewer_orders, "throttled"))
    if any(m.drawdown_bps * 2 >= a.rollback_drawdown_bps for m in window):
        rules.append((_scale_turnover(Decimal("0.8")), "high_drawdown"))
    if any(m.missing_marks > 0 for m in window):
        rules.append((_tighten_volume, "missing_mark_price"))
    if not rules:
        rules.append((_scale_turnover(Decimal("1.1")), "healthy_window"))
    return rules


def _diff(old: Profile7Params, new: Profile7Params, reason: str) -> list[ParamChange]:
    changes = []
    for name, read in _FIELDS.items():
        before, after = read(old), read(new)
        if before != after:
            changes.append(ParamChange(name, str(before), str(after), reason))
    return changes


def adapt(
    window: Sequence[CycleMetrics],
    current: Profile7Params,
    checkpoint: Profile7Params | None,
) -> AdaptationResult:
    settings = current.adaptation
    if len(window) < settings.min_window:
        return AdaptationResult(current, ())
    rollback = any(m.drawdown_bps >= settings.rollback_drawdown_bps for m in window)
    if rollback and checkpoint is not None:
        restored = replace(checkpoint, params_version=current.params_version + 1)
        return AdaptationResult(restored, tuple(_diff(current, restored, "rollback")), True)
    params = current
    changes: list[ParamChange] = []
    for rule, reason in _proposals(window, settings):
        if len(changes) >= settings.max_changes:
            break
        updated = rule(params, settings)
        changes.extend(_diff(params, updated, reason))
        params = updated
    if not changes:
        return AdaptationResult(current, ())
    versioned = replace(params, params_version=current.params_version + 1)
    return AdaptationResult(versioned, tuple(changes))


def overlay_of(params: Profile7Params) -> dict[str, Any]:
    """The adaptable values (and their version) as a JSON document: what the runtime stores
    for every version."""
    return {
        "order_offset_bps": format_decimal(params.portfolio.order_offset_bps),
        "max_orders_per_cycle": params.limits.max_orders_per_cycle,
        "notional_cap_per_cycle": format_decimal(params.limits.notional_cap_per_cycle),
        "min_quote_volume": format_decimal(params.universe.min_quote_volume),
        "params_version": params.params_version,
    }


def apply_overlay(params: Profile7Params, overlay: Mapping[str, Any]) -> Profile7Params:
    """``params`` with a stored overlay's values; everything else stays the settings'."""
    return replace(
        params,
        portfolio=replace(
            params.portfolio, order_offset_bps=to_decimal(overlay["order_offset_bps"])
        ),
        limits=replace(
            params.limits,
            max_orders_per_cycle=int(overlay["max_orders_per_cycle"]),
            notional_cap_per_cycle=to_decimal(overlay["notional_cap_per_cycle"]),
        ),
        universe=replace(params.universe, min_quote_volume=to_decimal(overlay["min_quote_volume"])),
        params_version=int(overlay["params_version"]),
    )
