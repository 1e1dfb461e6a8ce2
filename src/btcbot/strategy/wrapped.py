"""A strategy around another: it declares what the inner one declares, and a subclass decides
around it (the replay's recording and fault guards, a live run's containment)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from btcbot.decision.frames import Frame
from btcbot.strategy.api import Requirements, Strategy
from btcbot.strategy.parameters import Param, Params


class WrappedStrategy:
    """A strategy that declares what ``inner`` declares (a subclass decides around it)."""

    def __init__(self, inner: Strategy) -> None:
        self.inner = inner

    @property
    def parameters(self) -> Mapping[str, Param]:
        return self.inner.parameters

    def requirements(self, params: Params) -> Requirements:
        return self.inner.requirements(params)

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        return self.inner.indicators(frame, params)


def innermost(strategy: Strategy) -> Strategy:
    """The strategy inside any wrappers (the operator's, or a built-in one)."""
    while isinstance(strategy, WrappedStrategy):
        strategy = strategy.inner
    return strategy


__all__ = ["WrappedStrategy", "innermost"]
