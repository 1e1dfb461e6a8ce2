"""Risk state carried from one cycle to the next.

The kernel never stores anything: it reads the previous :class:`RiskState` from the snapshot and
returns the next one in the plan; the runtime persists it (one transaction per cycle) and may
update the fields it owns (``rejects_last_cycle``) with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from btcbot.domain import Symbol
from btcbot.domain.money import ZERO
from btcbot.risk.modes import Mode

_NO_MIDS: Mapping[Symbol, Decimal] = MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskState:
    """Everything a decision remembers between cycles.

    Times are epoch milliseconds from ``Snapshot.now_ms``; ``day_key`` is the UTC day number
    (``now_ms // 86_400_000``) that ``day_start_equity``/``day_start_fees`` belong to.
    """

    mode: Mode = Mode.NORMAL
    mode_reasons: tuple[str, ...] = ()
    mode_cooldown_until_ms: int = 0
    degrade_level: int = 0
    degrade_cooldown_until_ms: int = 0
    warn_history: tuple[int, ...] = ()
    stable_cycles: int = 0
    anomalies: tuple[str, ...] = ()
    peak_equity: Decimal | None = None
    day_key: int | None = None
    day_start_equity: Decimal | None = None
    day_start_fees: Decimal = ZERO
    fees_today: Decimal = ZERO
    previous_mids: Mapping[Symbol, Decimal] = field(default_factory=lambda: _NO_MIDS)
    rejects_last_cycle: int = 0
    params_version: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.previous_mids, MappingProxyType):
            object.__setattr__(self, "previous_mids", MappingProxyType(dict(self.previous_mids)))
        if not 0 <= self.degrade_level <= 3:
            raise ValueError(f"degrade_level must be 0..3, got {self.degrade_level}")
