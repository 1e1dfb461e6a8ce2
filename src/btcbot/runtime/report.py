"""What one cycle did, as a value and as the one line an operator reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from btcbot.domain.money import format_decimal


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
    stale_symbols: tuple[str, ...] = ()
    reconcile_ok: bool = True
    reconcile_error: str | None = None
    kill_switch: bool = False
    kill_switch_tripped: bool = False
    skipped: str | None = None  # why no plan was made this cycle
    data_ages_ms: tuple[tuple[str, int], ...] = ()  # per symbol with a book this cycle
    rejections: tuple[str, ...] = field(default_factory=tuple)

    def line(self) -> str:
        """``cycle 12 [dry_run s3] NORMAL  submits 1/2 cancels 0/0 fills 1 ...``"""
        head = f"cycle {self.cycle_id} [{self.execution} s{self.stage}]"
        if self.skipped is not None:
            return f"{head} SKIPPED: {self.skipped}"
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
        if self.stale_symbols:
            parts.append("stale " + ",".join(self.stale_symbols))
        if self.kill_switch:
            parts.append("KILL SWITCH")
        if not self.reconcile_ok:
            parts.append(f"RECONCILE FAILED: {self.reconcile_error}")
        if self.kill_switch_tripped:
            parts.append("KILL SWITCH TRIPPED by reconciliation failures")
        return " | ".join(parts)


def top_reasons(codes: list[str], limit: int = 3) -> tuple[tuple[str, int], ...]:
    return tuple(Counter(codes).most_common(limit))


def _money(value: Decimal) -> str:
    return format_decimal(value.quantize(Decimal("0.01")))


def _signed(value: Decimal) -> str:
    text = _money(value)
    return text if text.startswith("-") else f"+{text}"
