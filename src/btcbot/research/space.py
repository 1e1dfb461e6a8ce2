"""The search space of a sweep: a strategy's declared parameters as Optuna distributions.

The declaration (:mod:`btcbot.strategy.parameters`) is the only source of ranges. A sweep
searches every declared parameter except those fixed with ``--param name=value``; ``--range
name=LOW..HIGH`` narrows a numeric one (inside its declared range) and ``--range name=a|b``
a choice. Each kind maps onto one distribution:

==================  ==================================================================
``IntParam``        ``IntDistribution(low, high, step)``
``DecimalParam``    ``FloatDistribution(low, high, step)``: its declared step, else a grid
                    of 10^k with about 10,000 points over the range (amounts stay exact
                    decimals: each sampled float is turned back into ``low + n * step``)
``FloatParam``      ``FloatDistribution(low, high, step)``, continuous without a step
``ChoiceParam``     ``CategoricalDistribution(choices)``
==================  ==================================================================

A range whose width is not a whole number of steps is cut down to the last step inside it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from optuna.distributions import (
    BaseDistribution,
    CategoricalDistribution,
    FloatDistribution,
    IntDistribution,
)

from btcbot.domain.money import format_decimal
from btcbot.strategy.parameters import (
    ChoiceParam,
    DecimalParam,
    FloatParam,
    IntParam,
    Param,
    ParameterError,
    ParamValue,
)

GRID_POINTS_LOG10 = 4
"""A DecimalParam without a step is searched on a grid of 10^k, ~10^4 points over its range."""


@dataclass(frozen=True, slots=True)
class Dimension:
    """One searched parameter: its declaration, the (narrowed) bounds and the distribution."""

    name: str
    param: Param
    distribution: BaseDistribution
    step: Decimal | None = None  # a DecimalParam's exact step (declared or grid)
    low: Decimal | None = None
    high: Decimal | None = None

    def value(self, sampled: object) -> ParamValue:
        """The typed, validated parameter value of what Optuna sampled."""
        if isinstance(self.param, DecimalParam):
            assert self.step is not None and self.low is not None
            steps = round((Decimal(repr(float(sampled))) - self.low) / self.step)  # type: ignore[arg-type]
            return self.param.validate(self.name, self.low + steps * self.step)
        return self.param.validate(self.name, sampled)

    def nearest(self, value: ParamValue) -> ParamValue:
        """``value`` (a declared default) moved into the searched range, when it is outside."""
        d = self.distribution
        if self.low is not None and self.high is not None and isinstance(value, Decimal):
            return min(max(value, self.low), self.high)
        if isinstance(d, IntDistribution) and isinstance(value, int):
            return min(max(value, d.low), d.high)
        if isinstance(d, FloatDistribution) and isinstance(value, float):
            return min(max(value, d.low), d.high)
        if isinstance(d, CategoricalDistribution) and value not in d.choices:
            return self.value(d.choices[0])
        return value

    def describe(self) -> str:
        d = self.distribution
        if isinstance(d, CategoricalDistribution):
            return f"{self.name}: one of {', '.join(map(str, d.choices))}"
        if isinstance(d, IntDistribution | FloatDistribution):
            if self.step is not None and self.low is not None and self.high is not None:
                low, high = format_decimal(self.low), format_decimal(self.high)
                return f"{self.name}: {low}..{high} step {format_decimal(self.step)}"
            step = f" step {d.step}" if d.step is not None else ""
            return f"{self.name}: {d.low}..{d.high}{step}"
        return f"{self.name}: {d!r}"


@dataclass(frozen=True, slots=True)
class SearchSpace:
    dimensions: tuple[Dimension, ...]
    fixed: Mapping[str, ParamValue]

    @property
    def distributions(self) -> dict[str, BaseDistribution]:
        return {d.name: d.distribution for d in self.dimensions}

    def values(self, sampled: Mapping[str, object]) -> dict[str, ParamValue]:
        """Every parameter value of a trial: the fixed ones and the sampled ones, typed."""
        values = dict(self.fixed)
        for dimension in self.dimensions:
            values[dimension.name] = dimension.value(sampled[dimension.name])
        return values

    def defaults(self) -> dict[str, ParamValue]:
        """The declared defaults, each moved into its searched range, and the fixed values."""
        moved = {d.name: d.nearest(d.param.default) for d in self.dimensions}
        return {**moved, **self.fixed}

    def describe(self) -> list[str]:
        lines = [d.describe() for d in self.dimensions]
        lines += [f"{name}={value} (fixed)" for name, value in self.fixed.items()]
        return lines


def build_space(
    declared: Mapping[str, Param],
    fixed: Mapping[str, str],
    ranges: Mapping[str, str],
) -> SearchSpace:
    """The space over ``declared`` less ``fixed`` (text values, validated), with ``ranges``
    (text, ``LOW..HIGH`` or ``a|b``) narrowing; :class:`ParameterError` names what is wrong."""
    for name in [*fixed, *ranges]:
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise ParameterError(f"unknown parameter {name}: this strategy declares {known}")
    both = sorted(set(fixed) & set(ranges))
    if both:
        raise ParameterError(f"parameter {both[0]}: give --param (fixed) or --range, not both")
    values = {name: declared[name].validate(name, text) for name, text in fixed.items()}
    dimensions = tuple(
        _dimension(name, param, ranges.get(name))
        for name, param in declared.items()
        if name not in fixed
    )
    if not dimensions:
        raise ParameterError(
            "nothing to search: every declared parameter is fixed with --param "
            "(or the strategy declares none)"
        )
    return SearchSpace(dimensions, values)


def _dimension(name: str, param: Param, narrowed: str | None) -> Dimension:
    if isinstance(param, ChoiceParam):
        choices = param.choices if narrowed is None else _choices(name, param, narrowed)
        return Dimension(name, param, CategoricalDistribution(choices))
    if isinstance(param, IntParam):
        low_i, high_i = (int(v) for v in _bounds(name, param, narrowed))  # type: ignore[call-overload]
        high_i = low_i + (high_i - low_i) // param.step * param.step
        return Dimension(name, param, IntDistribution(low_i, high_i, step=param.step))
    if isinstance(param, FloatParam):
        low_f, high_f = (float(v) for v in _bounds(name, param, narrowed))  # type: ignore[arg-type]
        if param.step is None:
            return Dimension(name, param, FloatDistribution(low_f, high_f))
        count = math.floor((high_f - low_f) / param.step + 1e-9)
        return Dimension(
            name,
            param,
            FloatDistribution(low_f, low_f + count * param.step, step=param.step),
        )
    if isinstance(param, DecimalParam):
        low_d, high_d = (Decimal(v) for v in _bounds(name, param, narrowed))  # type: ignore[arg-type]
        step = param.step if param.step is not None else _grid(low_d, high_d)
        count = int((high_d - low_d) // step)
        high_d = low_d + count * step
        distribution = FloatDistribution(float(low_d), float(high_d), step=float(step))
        return Dimension(name, param, distribution, step=step, low=low_d, high=high_d)
    raise ParameterError(f"parameter {name}: {type(param).__name__} cannot be searched")


def _grid(low: Decimal, high: Decimal) -> Decimal:
    width = high - low
    if width <= 0:
        return Decimal(1)
    exponent = math.floor(math.log10(float(width))) - GRID_POINTS_LOG10
    return Decimal(1).scaleb(exponent)


def _bounds(name: str, param: Param, narrowed: str | None) -> tuple[object, object]:
    """The declared bounds, or those of ``--range`` (each validated as a parameter value)."""
    if narrowed is None:
        return getattr(param, "low"), getattr(param, "high")  # noqa: B009 -- numeric params
    low_text, sep, high_text = narrowed.partition("..")
    if not sep or not low_text.strip() or not high_text.strip():
        raise ParameterError(f"--range {name}={narrowed}: write LOW..HIGH, e.g. {name}=10..50")
    try:
        low = param.validate(name, low_text.strip())
        high = param.validate(name, high_text.strip())
    except ParameterError as exc:
        raise ParameterError(f"--range {name}={narrowed}: {exc}") from None
    if not low < high:  # type: ignore[operator]
        raise ParameterError(f"--range {name}={narrowed}: LOW must be below HIGH")
    return low, high


def _choices(name: str, param: ChoiceParam, narrowed: str) -> tuple[str | int | bool, ...]:
    picked = tuple(param.validate(name, part) for part in narrowed.split("|") if part.strip())
    if not picked:
        raise ParameterError(f"--range {name}={narrowed}: write choices as a|b")
    return tuple(dict.fromkeys(picked))


__all__ = ["Dimension", "SearchSpace", "build_space"]
