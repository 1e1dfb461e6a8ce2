"""What one cycle did, as a value and as the one line an operator reads.

Besides what the cycle did, the line says what held it back: every trip in force (kill switch,
freeze, override, failing checks — each with the command that resolves it, from
:mod:`btcbot.domain.trips`) on every cycle while it lasts, and the time the cycle spent
waiting for the exchange's rate limits, by endpoint group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from btcbot.domain.money import format_decimal
from btcbot.domain.slots import fast_init
from btcbot.domain.trips import Trip
from btcbot.exchange.throttle import RateLimitTally


@fast_init
@dataclass(frozen=True, slots=True)
class CycleReport:
    cycle_id: str
    stage: int
    execution: str  # live | dry_run | replay
    started_ms: int
    duration_ms: int
    risk_mode: str | None = None  # NORMAL / REDUCE_RISK_ONLY / OBSERVE_ONLY (None: no plan)
    planned_submits: int = 0
    planned_cancels: int = 0
    accepted: int = 0
    rejected: int = 0
    in_flight: int = 0
    cancels_sent: int = 0
    fills: int = 0
    decisions: int = 0
    blocked: tuple[tuple[str, int], ...] = ()  # top reason codes of dropped/shrunk intents
    equity: Decimal | None = None
    realized_pnl: Decimal | None = None
    unrealized_pnl: Decimal | None = None
    stale_symbols: tuple[str, ...] = ()  # no book this cycle
    old_symbols: tuple[str, ...] = ()  # a book older than the freshness limit
    reconcile_ok: bool = True
    reconcile_error: str | None = None
    kill_switch: bool = False
    kill_switch_tripped: bool = False
    skipped: str | None = None  # why no plan was made this cycle
    data_ages_ms: tuple[tuple[str, int], ...] = ()  # per symbol with a book this cycle
    rejections: tuple[str, ...] = field(default_factory=tuple)
    trips: tuple[Trip, ...] = ()  # every trip in force at the end of the cycle
    rate_limits: RateLimitTally = field(default_factory=RateLimitTally)
    anomalies: tuple[str, ...] = ()  # anomaly codes detected this cycle (profile 4)
    degrade_level: int | None = None  # 0..3 (profile 4); None: the profile has no levels
    cooling_symbols: tuple[str, ...] = ()  # symbols on the 1123 reject cooldown

    @property
    def throttled(self) -> int:
        """Exchange calls the rate limits held back this cycle (waits and 429 answers)."""
        return self.rate_limits.throttled

    def line(self) -> str:
        """``cycle 12 [dry_run s3] NORMAL | orders +1 accepted, ... | fills 1 | ...``"""
        head = f"cycle {self.cycle_id} [{self.execution} s{self.stage}]"
        if self.skipped is not None:
            return " | ".join([f"{head} SKIPPED: {self.skipped}", *self._held_back()])
        parts = [
            head,
            self.risk_mode or "-",
            f"orders +{self.accepted} accepted, {self.rejected} rejected, "
            f"{self.in_flight} in flight, {self.cancels_sent} cancels",
            f"fills {self.fills}",
            f"decisions {self.decisions}",
        ]
        if self.equity is not None:
            parts.append(f"equity {_money(self.equity)}")
        if self.realized_pnl is not None:
            parts.append(f"pnl {_signed(self.realized_pnl)} real")
        if self.unrealized_pnl is not None:
            parts.append(f"{_signed(self.unrealized_pnl)} unreal")
        if self.blocked:
            parts.append("blocked " + ",".join(f"{code}x{n}" for code, n in self.blocked))
        if self.stale_symbols or self.old_symbols:
            parts.append("stale " + ",".join(sorted((*self.stale_symbols, *self.old_symbols))))
        if self.degrade_level:
            parts.append(f"DEGRADE L{self.degrade_level}")
        if self.anomalies:
            parts.append("anomalies " + ",".join(self.anomalies))
        if self.cooling_symbols:
            parts.append("reject cooldown " + ",".join(self.cooling_symbols))
        if self.kill_switch and not any(trip.is_kill_switch for trip in self.trips):
            parts.append("KILL SWITCH")
        if not self.reconcile_ok:
            parts.append(f"RECONCILE FAILED: {self.reconcile_error}")
        return " | ".join([*parts, *self._held_back()])

    def _held_back(self) -> list[str]:
        parts = []
        if self.rate_limits:
            parts.append(rate_limit_text(self.rate_limits))
        if self.kill_switch_tripped:
            parts.append("KILL SWITCH TRIPPED this cycle")
        parts.extend(trip.line() for trip in self.trips)
        return parts


def rate_limit_text(tally: RateLimitTally) -> str:
    """``waited 1.2 s for rate limits: orderbook 0.8 s, user_trades 0.4 s; 429: ticker x1``"""
    parts = []
    if tally.waited_s:
        groups = ", ".join(f"{group} {_seconds(s)}" for group, s in tally.waited_s)
        parts.append(f"waited {_seconds(tally.total_wait_s)} for rate limits: {groups}")
    if tally.refusals:
        groups = ", ".join(f"{group} x{n}" for group, n in tally.refusals)
        parts.append(f"429: {groups}")
    return "; ".join(parts)


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def top_reasons(codes: list[str], limit: int = 3) -> tuple[tuple[str, int], ...]:
    return tuple(Counter(codes).most_common(limit)) if codes else ()


def _money(value: Decimal) -> str:
    return format_decimal(value.quantize(Decimal("0.01")))


def _signed(value: Decimal) -> str:
    text = _money(value)
    return text if text.startswith("-") else f"+{text}"
