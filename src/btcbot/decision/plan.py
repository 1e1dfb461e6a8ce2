"""The output of one decision: submits, cancels, and why every intent went where it went.

A plan is a value. ``fingerprint()`` hashes a canonical JSON form of it, so a replay and a live
run of the same snapshots can be compared byte for byte (backtest/live parity).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.decision.slots import slot_setter
from btcbot.domain import OrderRequest, Symbol
from btcbot.domain.money import format_decimal


class Layer(StrEnum):
    """Which part of the pipeline took a decision."""

    KERNEL = "kernel"
    STRATEGY = "strategy"
    LIFECYCLE = "lifecycle"
    UNIVERSE = "universe"
    PORTFOLIO = "portfolio"
    ORDER_BUILDER = "order_builder"
    ANOMALY = "anomaly"
    DEGRADE = "degrade"
    RISK_BUDGET = "risk_budget"
    MODE_GATE = "mode_gate"
    RISK_POLICY = "risk_policy"
    RULES = "rules"
    PROTECTIVE_STOP = "protective_stop"


class Action(StrEnum):
    SUBMIT = "SUBMIT"
    BLOCK = "BLOCK"
    CAP = "CAP"
    HOLD = "HOLD"
    CANCEL = "CANCEL"
    SKIP = "SKIP"


@dataclass(frozen=True, slots=True)
class Decision:
    """One line of the audit trail: an intent submitted, shrunk, dropped, or a mode taken."""

    symbol: Symbol | None
    layer: Layer
    action: Action
    reason_code: str
    detail: str = ""

    def __init__(
        self,
        symbol: Symbol | None,
        layer: Layer,
        action: Action,
        reason_code: str,
        detail: str = "",
    ) -> None:
        # Hot (a decision per symbol per cycle): see btcbot.decision.slots.
        _set_symbol(self, symbol)
        _set_layer(self, layer)
        _set_action(self, action)
        _set_reason_code(self, reason_code)
        _set_detail(self, detail)


_set_symbol = slot_setter(Decision, "symbol")
_set_layer = slot_setter(Decision, "layer")
_set_action = slot_setter(Decision, "action")
_set_reason_code = slot_setter(Decision, "reason_code")
_set_detail = slot_setter(Decision, "detail")


@dataclass(frozen=True, slots=True)
class PlannedSubmit:
    request: OrderRequest
    reason: str


@dataclass(frozen=True, slots=True)
class PlannedCancel:
    client_order_id: str
    exchange_order_id: int | None
    symbol: Symbol
    reason: str


@dataclass(frozen=True, slots=True)
class PortfolioReport:
    """Profile 7 extras: the selected universe, why others were left out, target weights."""

    universe: tuple[Symbol, ...]
    exclusions: tuple[tuple[Symbol, str], ...]
    target_weights: tuple[tuple[Symbol, Decimal], ...]
    params_version: int


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do this cycle. Executors run ``cancels`` before ``submits``."""

    submits: tuple[PlannedSubmit, ...]
    cancels: tuple[PlannedCancel, ...]
    decisions: tuple[Decision, ...]
    mode: Mode
    next_risk_state: RiskState
    portfolio: PortfolioReport | None = None

    def fingerprint(self) -> str:
        """SHA-256 hex of the canonical JSON form of the whole plan (sorted keys: the
        canonical form builds every object with its keys in order)."""
        text = json.dumps(_canonical(self), separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

    def to_canonical(self) -> Any:
        """JSON-ready form (Decimals as plain strings, symbols as ``BTC_TRY``)."""
        return _canonical(self)


def _canonical(value: Any) -> Any:
    # Hot (a plan per cycle, fingerprinted): one converter per type, chosen once.
    convert = _CONVERTERS.get(type(value))
    if convert is None:
        convert = _CONVERTERS[type(value)] = _converter(value)
    return convert(value)


def _identity(value: Any) -> Any:
    return value


def _sequence(value: Any) -> Any:
    return [_canonical(item) for item in value]


def _mapping(value: Any) -> Any:
    return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=str)


def _fields(value: Any) -> Any:
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        names = _FIELD_NAMES[type(value)] = tuple(sorted(value.__dataclass_fields__))
    return {
        name: _canonical(field)
        for name in names
        if (field := getattr(value, name)) is not None or name not in _OMITTED_WHEN_UNSET
    }


# Fields added after fingerprints were first stored: left out while unset, so a plan that does
# not use them keeps the fingerprint it always had (stored cycles stay comparable).
_OMITTED_WHEN_UNSET = frozenset({"stop_price", "strategy_state"})


def _refuse(value: Any) -> Any:
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


def _converter(value: Any) -> Callable[[Any], Any]:
    """How values of ``value``'s type are made canonical (the first rule that applies)."""
    if isinstance(value, Decimal):
        return format_decimal
    if isinstance(value, StrEnum):
        return _enum_value
    if isinstance(value, Symbol):
        return _symbol_name
    if value is None or isinstance(value, (str, int, bool)):
        return _identity
    if isinstance(value, (tuple, list)):
        return _sequence
    if hasattr(value, "items"):
        return _mapping
    if hasattr(value, "__dataclass_fields__"):
        return _fields
    return _refuse


def _enum_value(value: StrEnum) -> str:
    return value.value


def _symbol_name(value: Symbol) -> str:
    return value.normalized


_CONVERTERS: dict[type, Callable[[Any], Any]] = {}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class DecisionLog:
    """Collects decisions in the order they were taken."""

    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: list[Decision] = []

    def add(
        self,
        symbol: Symbol | None,
        layer: Layer,
        action: Action,
        reason_code: str,
        detail: str = "",
    ) -> None:
        self._items.append(Decision(symbol, layer, action, reason_code, detail))

    def freeze(self) -> tuple[Decision, ...]:
        return tuple(self._items)
