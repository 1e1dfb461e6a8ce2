"""Risk state carried from one cycle to the next.

The kernel never stores anything: it reads the previous :class:`RiskState` from the snapshot and
returns the next one in the plan; the runtime persists it (one transaction per cycle) and may
update the fields it owns (``rejects_last_cycle`` and the reject cooldowns, see
:mod:`btcbot.risk.rejects`) with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from btcbot.decision.modes import Mode
from btcbot.domain import Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init

_NO_MIDS: Mapping[Symbol, Decimal] = MappingProxyType({})
_NO_INTS: Mapping[Symbol, int] = MappingProxyType({})
_NO_TIMES: Mapping[Symbol, tuple[int, ...]] = MappingProxyType({})
_MAPPINGS = (
    "previous_mids",
    "fills_cursor",
    "cursor_stall",
    "reject_times_ms",
    "symbol_cooldown_until_ms",
    "universe_probation",
    "universe_cooldown_until_ms",
)


@fast_init
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
    fills_cursor: Mapping[Symbol, int] = field(default_factory=lambda: _NO_INTS)
    """Newest booked trade id per symbol at the last cycle (CURSOR_STALL input)."""
    cursor_stall: Mapping[Symbol, int] = field(default_factory=lambda: _NO_INTS)
    """Consecutive cycles each symbol's fills cursor did not move."""
    reject_times_ms: Mapping[Symbol, tuple[int, ...]] = field(default_factory=lambda: _NO_TIMES)
    """When FAILED_ORDER_WITH_OPEN_ORDERS rejects happened, per symbol, within the window."""
    symbol_cooldown_until_ms: Mapping[Symbol, int] = field(default_factory=lambda: _NO_INTS)
    """Symbols cooling down after repeated rejects: no new submits until then."""
    universe: tuple[Symbol, ...] = ()
    """Profile 7: the universe the last cycle traded."""
    universe_probation: Mapping[Symbol, int] = field(default_factory=lambda: _NO_INTS)
    """Profile 7: cycles a newcomer has ranked in (probation passes)."""
    universe_cooldown_until_ms: Mapping[Symbol, int] = field(default_factory=lambda: _NO_INTS)
    """Profile 7: symbols that left the universe may not rejoin before then."""
    universe_changes: tuple[tuple[int, int], ...] = ()
    """Profile 7: (time, additions + removals) of universe changes within the last day."""
    day_start_fees_by_quote: Mapping[str, Decimal] | None = None
    """Fees paid in each quote currency other than the account's (USDT...) by the start of
    the day, in that currency (``day_start_fees`` holds the account currency's): today's are
    valued at today's rate, never all-time ones at a rate that moved or came back. None: no
    such fees at the day's start (left out of plan fingerprints while unset)."""
    strategy_state: Mapping[str, str] | None = None
    """What a strategy asked to remember for its next decision (``StrategyView.remember``);
    None for strategies that keep nothing (left out of plan fingerprints while unset)."""

    def __post_init__(self) -> None:
        for name in _MAPPINGS:
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(value)))
        for name in ("day_start_fees_by_quote", "strategy_state"):
            kept = getattr(self, name)
            if kept is not None and not isinstance(kept, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(kept)))
        if not 0 <= self.degrade_level <= 3:
            raise ValueError(f"degrade_level must be 0..3, got {self.degrade_level}")
