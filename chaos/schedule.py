"""Seeded schedules: which fault, crash and account event happens when, with which parameters.

A schedule is a pure function of (scenario seed, stage, options): the same seed gives the same
events, times and parameters. (Which cycle of the agent a fault meets still depends on timing:
the agent is a real process.) Events run in three lanes, each one event at a time:

* ``network`` — REST faults (emulator fault settings: drops, 5xx, latency, 429, skew, ...);
* ``stream`` — WebSocket faults and fills out of turn (settings no ``network`` fault uses, so
  the two lanes overlap freely);
* ``crash`` — SIGKILL of the agent at a point of its cycle, then a restart;
* ``account`` — someone else on the account (a manual order, a deposit) and gate flips through
  the real CLI (the runtime kill switch, a forced OBSERVE_ONLY).

A persistent-failure probe (invariant 6) runs alone after the lanes, when enabled.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Lane = Literal["network", "stream", "crash", "account", "probe"]
Params = dict[str, Any]


def _window(rng: random.Random) -> Params:
    return {"window_s": round(rng.uniform(5, 9), 1)}


def _hang(rng: random.Random) -> Params:
    return {**_window(rng), "hang_s": round(rng.uniform(2.5, 4.0), 1)}


NETWORK_KINDS: Mapping[str, Callable[[random.Random], Params]] = {
    "drop_submit_close": _window,
    "drop_submit_hang": _hang,
    "drop_cancel_close": _window,
    "drop_cancel_hang": _hang,
    "http_5xx": lambda r: {"count": r.randint(1, 4), "status": r.choice([500, 502, 503, 504])},
    "timeout": lambda r: {
        "seconds": round(r.uniform(2, 5), 1),
        "prefix": r.choice(["", "/api/v1/", "/api/v2/"]),
    },
    "latency": lambda r: {"ms": r.randint(100, 900), "seconds": round(r.uniform(2, 5), 1)},
    "http_429_burst": lambda r: {"count": r.randint(3, 12)},
    "maintenance": lambda r: {"seconds": round(r.uniform(2, 6), 1)},
    "ws_disconnect": lambda r: {},
    "ws_stall": lambda r: {"seconds": round(r.uniform(4, 8), 1)},
    "changeset_gap": lambda r: {"count": r.randint(1, 3)},
    "clock_skew": lambda r: {
        "ms": r.choice([-1, 1]) * r.randint(6_000, 20_000),
        "seconds": round(r.uniform(3, 7), 1),
    },
    "fill_races_cancel": lambda r: {**_window(r), "fraction": r.choice([1.0, 0.5])},
    "partial_fill": lambda r: {**_window(r), "fraction": round(r.uniform(0.2, 0.8), 2)},
}

CRASH_POINTS: tuple[str, ...] = (
    "kill_before_submit",  # the intent is persisted, the request never reaches the book
    "kill_after_submit",  # the exchange placed the order, the response never arrives
    "kill_after_submit_response",  # the response was sent, the agent dies on it
    "kill_before_cancel",
    "kill_after_cancel",
    "kill_after_cancel_response",
    "kill_random",  # at a random instant (mid-transaction, mid-sleep, mid-reconcile)
)

FOREIGN_KINDS = ("manual_limit_order", "manual_market_order", "deposit")
GATE_KINDS = ("kill_switch", "observe_only")
ACCOUNT_KINDS = FOREIGN_KINDS + GATE_KINDS
#: invariant 6 probes: every call fails with 503 / every private call times out
PROBE_KINDS = ("persistent_5xx", "persistent_timeouts")
ALL_KINDS = (*NETWORK_KINDS, *CRASH_POINTS, *ACCOUNT_KINDS, *PROBE_KINDS)
STREAM_KINDS = frozenset({"ws_disconnect", "ws_stall", "changeset_gap", "partial_fill"})


@dataclass(frozen=True)
class Planned:
    at_s: float  # seconds after the scenario's fault phase began
    lane: Lane
    kind: str
    params: Params = field(default_factory=dict)

    def describe(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"t+{self.at_s:5.1f}s {self.kind}" + (f" ({extra})" if extra else "")


@dataclass(frozen=True)
class Schedule:
    seed: int
    stage: int
    events: tuple[Planned, ...]

    def lane(self, lane: Lane) -> tuple[Planned, ...]:
        return tuple(e for e in self.events if e.lane == lane)


def unknown_kinds(kinds: tuple[str, ...]) -> list[str]:
    return [kind for kind in kinds if kind not in ALL_KINDS]


def generate(
    seed: int,
    stage: int,
    *,
    seconds: float,
    faults: int,
    crashes: int,
    kinds: tuple[str, ...] = (),
    probe: bool = True,
) -> Schedule:
    """The schedule of one scenario (``kinds`` empty: every kind)."""
    rng = random.Random(f"chaos:{seed}:{stage}")
    allowed = set(kinds or ALL_KINDS)
    account = _account_events(rng, allowed, seconds)
    network_kinds = [k for k in NETWORK_KINDS if k in allowed]
    network = [
        Planned(at, "stream" if kind in STREAM_KINDS else "network", kind, NETWORK_KINDS[kind](rng))
        for at, kind in zip(
            _times(rng, max(0, faults - len(account)), seconds),
            _spread(rng, network_kinds, max(0, faults - len(account))),
            strict=True,
        )
    ]
    points = [p for p in CRASH_POINTS if p in allowed]
    crash = [
        Planned(at, "crash", point, {"restart_after_s": round(rng.uniform(0.0, 1.5), 2)})
        for at, point in zip(
            _times(rng, crashes if points else 0, seconds),
            _spread(rng, points, crashes if points else 0),
            strict=True,
        )
    ]
    events = sorted([*network, *crash, *account], key=lambda e: (e.at_s, e.lane))
    probes = [k for k in PROBE_KINDS if k in allowed]
    if probe and probes:
        events.append(Planned(seconds, "probe", rng.choice(probes)))
    return Schedule(seed, stage, tuple(events))


def _account_events(rng: random.Random, allowed: set[str], seconds: float) -> list[Planned]:
    """One foreign event, a deposit half of the time, one gate flip — those allowed."""
    chosen: list[str] = []
    foreign = [k for k in ("manual_limit_order", "manual_market_order") if k in allowed]
    if foreign:
        chosen.append(rng.choice(foreign))
    if "deposit" in allowed and rng.random() < 0.5:
        chosen.append("deposit")
    gates = [k for k in GATE_KINDS if k in allowed]
    if gates:
        chosen.append(rng.choice(gates))
    rng.shuffle(chosen)
    params: dict[str, Callable[[], Params]] = {
        "manual_limit_order": lambda: {"hold_s": round(rng.uniform(3, 5), 1)},
        "manual_market_order": lambda: {"quote_try": rng.choice([120, 150, 200])},
        "deposit": lambda: {"asset": "TRY", "amount": rng.choice([250, 500, 1000])},
        "kill_switch": lambda: {"hold_s": round(rng.uniform(3, 6), 1)},
        "observe_only": lambda: {"hold_s": round(rng.uniform(3, 6), 1)},
    }
    times = _times(rng, len(chosen), seconds)
    return [
        Planned(at, "account", kind, params[kind]()) for at, kind in zip(times, chosen, strict=True)
    ]


def _times(rng: random.Random, count: int, seconds: float) -> list[float]:
    start, end = min(3.0, seconds), max(seconds - 3.0, min(3.0, seconds))
    return sorted(round(rng.uniform(start, end), 1) for _ in range(count))


def _spread(rng: random.Random, kinds: list[str], count: int) -> list[str]:
    """``count`` kinds, each used about equally often, in a seeded order."""
    if not kinds:
        return []
    order = list(kinds)
    rng.shuffle(order)
    picked = [order[i % len(order)] for i in range(count)]
    rng.shuffle(picked)
    return picked
