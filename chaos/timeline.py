"""What the harness did and when (ms on the host's clock, the emulator's unskewed clock).

The invariants compare the emulator's records with these windows: a fault was active, the
agent was down, a gate was closed, someone else was using the account.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

Interval = tuple[int, int]


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class Window:
    """One scheduled event as it happened. ``fired`` is False for a one-shot fault the agent
    never triggered (e.g. no submit while a dropped-response fault was armed)."""

    lane: str
    kind: str
    start_ms: int
    end_ms: int | None = None
    fired: bool = True
    detail: str = ""

    def close(self, fired: bool | None = None, detail: str | None = None) -> None:
        self.end_ms = now_ms()
        if fired is not None:
            self.fired = fired
        if detail is not None:
            self.detail = detail


@dataclass(frozen=True)
class GateWindow:
    """A gate closed by the operator: no submit may reach the exchange in (start, end)."""

    kind: str
    start_ms: int  # the CLI command that closed it had returned
    end_ms: int  # the CLI command that reopens it was started
    grace_ms: int  # requests already on the wire (latency faults) may arrive this late


@dataclass(frozen=True)
class Restart:
    at_ms: int
    attempts: int  # start-ups refused before one ran (exit 2 lock held, exit 1 start-up)
    refusals: tuple[str, ...]
    waited_ms: int  # from the kill to the agent's first cycle


@dataclass(frozen=True)
class ProbeResult:
    """Invariant 6: a persistent failure must trip the kill switch within count and time."""

    mode: str
    start_ms: int
    tripped_ms: int | None
    failures_at_trip: int | None
    threshold: int


@dataclass
class Timeline:
    windows: list[Window] = field(default_factory=list)
    downtime: list[Interval] = field(default_factory=list)
    gates: list[GateWindow] = field(default_factory=list)
    foreign_order_ids: set[int] = field(default_factory=set)
    restarts: list[Restart] = field(default_factory=list)
    probes: list[ProbeResult] = field(default_factory=list)
    unexpected_exits: list[str] = field(default_factory=list)
    operator_failures: list[str] = field(default_factory=list)
    kill_switch_trips: int = 0

    def open(self, lane: str, kind: str, detail: str = "") -> Window:
        window = Window(lane, kind, now_ms(), detail=detail)
        self.windows.append(window)
        return window

    def disturbances(self) -> list[Interval]:
        """Merged intervals in which some fault, crash or account event was in progress."""
        spans = [(w.start_ms, w.end_ms or w.start_ms) for w in self.windows if w.fired]
        return merge([*spans, *self.downtime])

    def unhealthy(self) -> list[Interval]:
        """Disturbances of the exchange or the agent (account events excluded: the agent is
        expected to keep resolving its orders while someone else uses the account)."""
        spans = [
            (w.start_ms, w.end_ms or w.start_ms)
            for w in self.windows
            if w.fired and w.lane in ("network", "stream", "crash", "probe")
        ]
        return merge([*spans, *self.downtime])


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def healthy_ms(start: int, end: int, unhealthy: list[Interval]) -> int:
    """Time in [start, end] outside every unhealthy interval."""
    if end <= start:
        return 0
    covered = sum(max(0, min(end, b) - max(start, a)) for a, b in unhealthy)
    return end - start - covered
