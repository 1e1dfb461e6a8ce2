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
from btcbot.domain import OrderRequest, Symbol
from btcbot.domain.money import format_decimal
from btcbot.domain.slots import fast_init


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


@fast_init
@dataclass(frozen=True, slots=True)
class Decision:
    """One line of the audit trail: an intent submitted, shrunk, dropped, or a mode taken."""

    symbol: Symbol | None
    layer: Layer
    action: Action
    reason_code: str
    detail: str = ""


@fast_init
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


@fast_init
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
        canonical form builds every object with its keys in order), as
        ``json.dumps(plan.to_canonical(), separators=(",", ":"))`` spells it; the text is
        written directly (:func:`_json`), without building the canonical form first."""
        return hashlib.sha256(_json(self).encode()).hexdigest()

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
_OMITTED_WHEN_UNSET = frozenset({"stop_price", "strategy_state", "day_start_fees_by_quote"})


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


# --- the canonical JSON text, written directly ------------------------------------------------
# Hot (every cycle's plan is fingerprinted): the same bytes as ``json.dumps`` of
# ``_canonical(value)`` with compact separators (ASCII-escaped strings, ``null``/``true``/
# ``false``, objects in the canonical key order), one writer per type, chosen once.


def _json(value: Any) -> str:
    write = _WRITERS.get(type(value))
    if write is None:
        write = _WRITERS[type(value)] = _writer(value)
    return write(value)


def _json_sequence(value: Any) -> str:
    return "[" + ",".join([_json(item) for item in value]) + "]"


def _json_mapping(value: Any) -> str:
    # the canonical order sorts the [key, value] pairs by their Python text: build them
    pairs = _mapping(value)
    return "[" + ",".join(["[" + _json(k) + "," + _json(v) + "]" for k, v in pairs]) + "]"


def _json_fields(value: Any) -> str:
    keys = _FIELD_KEYS.get(type(value))
    if keys is None:
        names = tuple(sorted(value.__dataclass_fields__))
        keys = _FIELD_KEYS[type(value)] = tuple((name, _STRING(name) + ":") for name in names)
    parts = []
    for name, key in keys:
        field = getattr(value, name)
        if field is not None:
            parts.append(key + _json(field))
        elif name not in _OMITTED_WHEN_UNSET:
            parts.append(key + "null")
    return "{" + ",".join(parts) + "}"


def _json_decimal(value: Decimal) -> str:
    return '"' + format_decimal(value) + '"'  # digits, sign and point only: nothing to escape


def _json_cached(text: Callable[[Any], str], most: int | None = None) -> Callable[[Any], str]:
    """``text`` of a value of an immutable, hashable type, remembered per value (at most
    ``most`` values: the memory is emptied when full; None: a type of few values)."""
    known: dict[Any, str] = {}

    def write(value: Any) -> str:
        found = known.get(value)
        if found is None:
            if most is not None and len(known) >= most:
                known.clear()
            found = known[value] = text(value)
        return found

    return write


def _json_none(value: None) -> str:
    return "null"


def _json_bool(value: bool) -> str:
    return "true" if value else "false"


class _LastRiskState:
    """The text of the last risk state written: a plan's next risk state is mostly the very
    object the previous plan carried (a value: nothing changed, nothing copied)."""

    def __init__(self) -> None:
        self._last: tuple[RiskState | None, str] = (None, "")

    def __call__(self, state: RiskState) -> str:
        known, text = self._last
        if known is not state:
            text = _json_fields(state)
            self._last = (state, text)  # one assignment: a reader sees a matching pair
        return text


def _writer(value: Any) -> Callable[[Any], str]:
    """How values of ``value``'s type are written (the first rule that applies; the same
    rules as :func:`_converter`)."""
    if isinstance(value, Decimal):
        return _json_decimal
    if isinstance(value, StrEnum):
        return _json_cached(lambda member: _STRING(member.value))
    if isinstance(value, Symbol):
        return _json_cached(lambda symbol: _STRING(symbol.normalized))
    if value is None:
        return _json_none
    if isinstance(value, bool):
        return _json_bool
    if isinstance(value, int):
        return int.__repr__
    if isinstance(value, str):
        return _STRING
    if isinstance(value, (tuple, list)):
        return _json_sequence
    if hasattr(value, "items"):
        return _json_mapping
    if hasattr(value, "__dataclass_fields__"):
        return _json_fields
    return _refuse


_STRING: Callable[[str], str] = json.encoder.encode_basestring_ascii
_WRITERS: dict[type, Callable[[Any], str]] = {
    RiskState: _LastRiskState(),
    # a cycle's audit lines mostly repeat the previous cycle's (profile 7: every pair's)
    Decision: _json_cached(_json_fields, most=4096),
}
_FIELD_KEYS: dict[type, tuple[tuple[str, str], ...]] = {}


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

    def __len__(self) -> int:
        return len(self._items)

    def since(self, start: int) -> list[Decision]:
        """The decisions taken after the first ``start`` (what one step of the plan added)."""
        return self._items[start:]
