"""Tunable strategy parameters: declared with a type, a range or choices, and a default.

A strategy declares its parameters as a mapping of name to one of :class:`IntParam`,
:class:`DecimalParam`, :class:`FloatParam` or :class:`ChoiceParam`. The declaration is the
single source of truth: :func:`resolve_parameters` validates given values against it (text
from ``--param name=value`` or ``STRATEGY_PARAMS``, or typed values from a sweep), fills in
the defaults, and returns a read-only mapping; :func:`describe_parameters` lists it for people
and tools (a sweep reads ``low``/``high``/``step``/``choices`` from the same objects).

A value outside its range, off its step, of the wrong type or for an unknown name raises
:class:`ParameterError`, whose message names the parameter, the value and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Protocol, TypeAlias

ParamValue: TypeAlias = int | float | Decimal | str | bool
Params: TypeAlias = Mapping[str, ParamValue]


class ParameterError(ValueError):
    """A parameter value (or declaration) that does not fit: the message says what to do."""


class Param(Protocol):
    """What every parameter declaration offers."""

    @property
    def default(self) -> ParamValue: ...

    @property
    def help(self) -> str: ...

    def validate(self, name: str, value: object) -> ParamValue:
        """``value`` (text or typed) as this parameter's type, or :class:`ParameterError`."""
        ...

    def describe(self) -> str:
        """One line: type, range or choices, default."""
        ...


def _on_step(value: Decimal, low: Decimal, step: Decimal) -> bool:
    return (value - low) % step == 0


@dataclass(frozen=True, slots=True)
class IntParam:
    """An integer in ``low..high`` (both included), on ``low + k * step``."""

    default: int
    low: int
    high: int
    step: int = 1
    help: str = ""

    def __post_init__(self) -> None:
        if self.step < 1 or self.low > self.high:
            raise ParameterError(f"IntParam needs low <= high and step >= 1 ({self.describe()})")
        self.validate("default", self.default)

    def validate(self, name: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ParameterError(f"parameter {name}: {value!r} is not an integer")
        try:
            number = int(value)
        except ValueError:
            raise ParameterError(f"parameter {name}: {value!r} is not an integer") from None
        if not self.low <= number <= self.high or (number - self.low) % self.step:
            raise ParameterError(f"parameter {name}: {number} is outside {self._range()}")
        return number

    def _range(self) -> str:
        step = f" in steps of {self.step}" if self.step != 1 else ""
        return f"{self.low}..{self.high}{step}"

    def describe(self) -> str:
        return f"int {self._range()}, default {self.default}"


@dataclass(frozen=True, slots=True)
class DecimalParam:
    """An exact decimal in ``low..high`` (both included); with ``step``, on ``low + k * step``.
    Use it for amounts (TRY notionals) and basis points: money is never a float."""

    default: Decimal
    low: Decimal
    high: Decimal
    step: Decimal | None = None
    help: str = ""

    def __post_init__(self) -> None:
        if self.low > self.high or (self.step is not None and self.step <= 0):
            raise ParameterError(f"DecimalParam needs low <= high and step > 0 ({self._range()})")
        self.validate("default", self.default)

    def validate(self, name: str, value: object) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
            raise ParameterError(f"parameter {name}: {value!r} is not a decimal number")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ParameterError(f"parameter {name}: {value!r} is not a decimal number") from None
        if not number.is_finite():
            raise ParameterError(f"parameter {name}: {value!r} is not a finite number")
        if not self.low <= number <= self.high or (
            self.step is not None and not _on_step(number, self.low, self.step)
        ):
            raise ParameterError(f"parameter {name}: {number} is outside {self._range()}")
        return number

    def _range(self) -> str:
        step = f" in steps of {self.step}" if self.step is not None else ""
        return f"{self.low}..{self.high}{step}"

    def describe(self) -> str:
        return f"decimal {self._range()}, default {self.default}"


@dataclass(frozen=True, slots=True)
class FloatParam:
    """A float in ``low..high`` (both included); with ``step``, on ``low + k * step`` (to 1e-9).
    For dimensionless factors only (a ratio, a threshold on an indicator)."""

    default: float
    low: float
    high: float
    step: float | None = None
    help: str = ""

    def __post_init__(self) -> None:
        if not self.low <= self.high or (self.step is not None and not self.step > 0):
            raise ParameterError(f"FloatParam needs low <= high and step > 0 ({self._range()})")
        self.validate("default", self.default)

    def validate(self, name: str, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, float | int | str | Decimal):
            raise ParameterError(f"parameter {name}: {value!r} is not a number")
        try:
            number = float(value)
        except ValueError:
            raise ParameterError(f"parameter {name}: {value!r} is not a number") from None
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise ParameterError(f"parameter {name}: {value!r} is outside {self._range()}")
        if self.step is not None:
            steps = (number - self.low) / self.step
            if abs(steps - round(steps)) > 1e-9:
                raise ParameterError(f"parameter {name}: {value!r} is outside {self._range()}")
        return number

    def _range(self) -> str:
        step = f" in steps of {self.step}" if self.step is not None else ""
        return f"{self.low}..{self.high}{step}"

    def describe(self) -> str:
        return f"float {self._range()}, default {self.default}"


@dataclass(frozen=True, slots=True)
class ChoiceParam:
    """One of ``choices`` (strings, integers or booleans; text is matched against ``str()``
    of each choice, ``true``/``false`` for booleans)."""

    default: str | int | bool
    choices: tuple[str | int | bool, ...]
    help: str = ""

    def __post_init__(self) -> None:
        if not self.choices:
            raise ParameterError("ChoiceParam needs at least one choice")
        self.validate("default", self.default)

    def validate(self, name: str, value: object) -> str | int | bool:
        for choice in self.choices:
            if value == choice and type(value) is type(choice):
                return choice
            if isinstance(value, str) and value.strip().lower() == _text(choice).lower():
                return choice
        allowed = ", ".join(_text(c) for c in self.choices)
        raise ParameterError(f"parameter {name}: {value!r} is not one of {allowed}")

    def describe(self) -> str:
        return f"one of {', '.join(_text(c) for c in self.choices)}, default {_text(self.default)}"


def _text(choice: str | int | bool) -> str:
    if isinstance(choice, bool):
        return "true" if choice else "false"
    return str(choice)


def resolve_parameters(declared: Mapping[str, Param], given: Mapping[str, object]) -> Params:
    """Every declared parameter's value: ``given`` ones validated, the rest defaulted."""
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(sorted(declared)) or "none"
        raise ParameterError(
            f"unknown parameter(s) {', '.join(unknown)}: this strategy declares {known}"
        )
    values: dict[str, ParamValue] = {}
    for name, param in declared.items():
        values[name] = param.validate(name, given[name]) if name in given else param.default
    return MappingProxyType(values)


def parse_assignments(items: list[str] | tuple[str, ...], source: str) -> dict[str, str]:
    """``["fast=10", "slow=50"]`` (or one ``"fast=10,slow=50"`` item) as ``{name: text}``.

    ``source`` names where the text came from in error messages (``--param``,
    ``STRATEGY_PARAMS``). A name given twice is refused (:class:`ParameterError`)."""
    parsed: dict[str, str] = {}
    for item in items:
        for part in (p.strip() for p in item.split(",")):
            if not part:
                continue
            name, sep, value = part.partition("=")
            if not sep or not name.strip() or not value.strip():
                raise ParameterError(f"{source} {part!r}: write name=value, e.g. fast=10")
            name = name.strip()
            if name in parsed:  # the last would win unseen: a typo as often as not
                raise ParameterError(
                    f"{source}: {name} is given twice ({name}={parsed[name]} and "
                    f"{name}={value.strip()}): give it once"
                )
            parsed[name] = value.strip()
    return parsed


def describe_parameters(declared: Mapping[str, Param]) -> list[str]:
    """One line per parameter: ``name: int 2..200, default 10 -- help``."""
    lines = []
    for name, param in declared.items():
        help_text = f" -- {param.help}" if param.help else ""
        lines.append(f"{name}: {param.describe()}{help_text}")
    return lines


__all__ = [
    "ChoiceParam",
    "DecimalParam",
    "FloatParam",
    "IntParam",
    "Param",
    "ParamValue",
    "ParameterError",
    "Params",
    "describe_parameters",
    "parse_assignments",
    "resolve_parameters",
]
