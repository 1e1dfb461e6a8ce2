"""Fault injection: what to break, and counters of everything that happened.

Faults (names as used by ``--fault name=value``, the JSON file and ``PUT /_emulator/faults``):

=============================  ==========================================================
``latency_ms``                 added delay before every matching REST/graph request
``latency_path_prefix``        only delay paths starting with this ("" = all)
``http_429_next``              the next N REST/graph requests get a 429
``http_5xx_next``              the next N REST/graph requests get ``http_5xx_status``
``http_5xx_probability``       each request fails with 5xx with this probability (seeded)
``http_5xx_status``            status used for injected 5xx (default 503)
``http_5xx_route``             only inject 5xx into this route ("METHOD /path" as counted,
                               e.g. ``DELETE /api/v1/order`` = cancels; "" = every route)
``drop_submit_response_next``  next N submits: order IS placed, response is dropped
``drop_cancel_response_next``  next N cancels: cancel IS done, response is dropped
``drop_mode``                  ``close`` (close the connection) or ``hang`` (wait
                               ``hang_seconds``, then close)
``hang_seconds``               see ``drop_mode``
``ws_disconnect_now``          true → drop every WS connection now (then resets)
``ws_disconnect_every_s``      drop every WS connection every N seconds (0 = off)
``changeset_gap_next``         the next N order-book diff batches skip one CS number
``clock_skew_ms``              offset of the emulator clock (server time, stamp checks,
                               timestamps); negative: the exchange runs behind
``ws_stall_seconds``           next: send no WS frame for N seconds, sockets left open and
                               protocol pings answered (a silent stall; then resets)
``fill_before_cancel_next``    next N accepted cancels: after the ack and before the cancel
                               takes effect, a counterparty fills the order's
                               ``fill_before_cancel_fraction`` (default 1) of what is left
=============================  ==========================================================

Counters: ``faults`` (firings by fault name), ``requests`` ("METHOD /route"), ``mutating``
(``submit`` / ``cancel`` attempts, whatever their outcome), ``rate_limited`` (by rule) and
``ws`` (connects, logins, refused).
"""

import random
from collections import Counter
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

DropMode = Literal["close", "hang"]


@dataclass(frozen=True)
class FaultConfig:
    latency_ms: int = 0
    latency_path_prefix: str = ""
    http_429_next: int = 0
    http_5xx_next: int = 0
    http_5xx_probability: float = 0.0
    http_5xx_status: int = 503
    http_5xx_route: str = ""
    drop_submit_response_next: int = 0
    drop_cancel_response_next: int = 0
    drop_mode: DropMode = "close"
    hang_seconds: float = 30.0
    ws_disconnect_now: bool = False
    ws_disconnect_every_s: float = 0.0
    changeset_gap_next: int = 0
    clock_skew_ms: int = 0
    ws_stall_seconds: float = 0.0
    fill_before_cancel_next: int = 0
    fill_before_cancel_fraction: float = 1.0

    def updated(self, changes: dict[str, Any]) -> "FaultConfig":
        """A copy with ``changes`` applied; values may be text (CLI) or JSON values."""
        types = {f.name: f.type for f in fields(self)}
        coerced: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in types:
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(sorted(types))}")
            coerced[name] = _coerce(name, value, getattr(self, name))
        return replace(self, **coerced)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _coerce(name: str, value: Any, current: Any) -> Any:
    if isinstance(current, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if name == "drop_mode":
        if value not in ("close", "hang"):
            raise ValueError("drop_mode must be 'close' or 'hang'")
        return value
    kind = type(current)
    try:
        result = kind(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"fault {name!r}: cannot read {value!r} as {kind.__name__}") from exc
    if isinstance(result, int | float) and result < 0 and name != "clock_skew_ms":
        raise ValueError(f"fault {name!r} must not be negative")
    return result


def parse_fault_args(items: list[str]) -> dict[str, str]:
    """``["latency_ms=50", "http_429_next=2"]`` → ``{"latency_ms": "50", …}``."""
    parsed: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"fault must be name=value, got {item!r}")
        parsed[name.strip()] = value.strip()
    return parsed


class Counters:
    def __init__(self) -> None:
        self.faults: Counter[str] = Counter()
        self.requests: Counter[str] = Counter()
        self.mutating: Counter[str] = Counter()
        self.rate_limited: Counter[str] = Counter()
        self.ws: Counter[str] = Counter()

    def reset(self) -> None:
        for counter in (self.faults, self.requests, self.mutating, self.rate_limited, self.ws):
            counter.clear()

    @property
    def mutating_total(self) -> int:
        return sum(self.mutating.values())

    def snapshot(self) -> dict[str, Any]:
        return {
            "faults": dict(self.faults),
            "requests": dict(self.requests),
            "mutating": dict(self.mutating),
            "mutating_total": self.mutating_total,
            "rate_limited": dict(self.rate_limited),
            "ws": dict(self.ws),
        }


class Faults:
    """The live fault configuration plus counters; consuming a fault counts it."""

    def __init__(self, seed: int, config: FaultConfig | None = None) -> None:
        self.config = config or FaultConfig()
        self.counters = Counters()
        self._rng = random.Random(seed ^ 0x5EED)

    def update(self, changes: dict[str, Any]) -> FaultConfig:
        self.config = self.config.updated(changes)
        return self.config

    def clear(self) -> None:
        self.config = FaultConfig()

    def _take(self, name: str) -> bool:
        remaining = int(getattr(self.config, name))
        if remaining <= 0:
            return False
        changes: dict[str, Any] = {name: remaining - 1}
        self.config = replace(self.config, **changes)
        self.counters.faults[name] += 1
        return True

    def latency_seconds(self, path: str) -> float:
        if self.config.latency_ms <= 0 or not path.startswith(self.config.latency_path_prefix):
            return 0.0
        self.counters.faults["latency_ms"] += 1
        return self.config.latency_ms / 1000

    def take_429(self) -> bool:
        return self._take("http_429_next")

    def take_5xx(self, route: str = "") -> bool:
        """Whether this request (``route`` as counted, "METHOD /path") gets a 5xx."""
        wanted = self.config.http_5xx_route
        if wanted and route != wanted:
            return False
        if self._take("http_5xx_next"):
            return True
        probability = self.config.http_5xx_probability
        if probability > 0 and self._rng.random() < probability:
            self.counters.faults["http_5xx_probability"] += 1
            return True
        return False

    def take_drop_submit(self) -> bool:
        return self._take("drop_submit_response_next")

    def take_drop_cancel(self) -> bool:
        return self._take("drop_cancel_response_next")

    def take_changeset_gap(self) -> bool:
        return self._take("changeset_gap_next")

    def take_fill_before_cancel(self) -> bool:
        return self._take("fill_before_cancel_next")

    def take_ws_stall(self) -> float:
        """Seconds of silence to start now (0: none); the setting resets once taken."""
        seconds = self.config.ws_stall_seconds
        if seconds <= 0:
            return 0.0
        self.config = replace(self.config, ws_stall_seconds=0.0)
        self.counters.faults["ws_stall_seconds"] += 1
        return seconds

    def take_ws_disconnect_now(self) -> bool:
        if not self.config.ws_disconnect_now:
            return False
        self.config = replace(self.config, ws_disconnect_now=False)
        self.counters.faults["ws_disconnect_now"] += 1
        return True
