"""Trading modes and how they combine.

``NORMAL`` may add and reduce risk, ``REDUCE_RISK_ONLY`` may only sell and cancel,
``OBSERVE_ONLY`` submits nothing (cancels of our own stale orders stay allowed, except in
safe mode). When several layers disagree the worse mode wins.
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    NORMAL = "NORMAL"
    REDUCE_RISK_ONLY = "REDUCE_RISK_ONLY"
    OBSERVE_ONLY = "OBSERVE_ONLY"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @property
    def allows_buy(self) -> bool:
        return self is Mode.NORMAL

    @property
    def allows_sell(self) -> bool:
        return self is not Mode.OBSERVE_ONLY


_SEVERITY = {Mode.NORMAL: 0, Mode.REDUCE_RISK_ONLY: 1, Mode.OBSERVE_ONLY: 2}


def combine_modes(*modes: Mode) -> Mode:
    """The worst of ``modes`` (``NORMAL`` when none is given)."""
    worst = Mode.NORMAL
    for mode in modes:
        if _SEVERITY[mode] > _SEVERITY[worst]:
            worst = mode
    return worst
