"""Rate limits of API_CONTRACT.md §4.3: fixed windows starting at the first request.

Each rule counts per identity (the client IP for ``ip`` policies, the API key for ``account``);
an exhausted window blocks until it ends. ``scale`` multiplies every limit (0.01 makes them tiny
for tests); a scale of ``None`` or 0 turns rate limiting off.
"""

import math
import re
from dataclasses import dataclass
from typing import Any, Literal

Policy = Literal["ip", "account"]


@dataclass(frozen=True)
class RateRule:
    name: str
    method: str
    pattern: re.Pattern[str]
    limit: int
    period_s: int
    policy: Policy

    @property
    def period_label(self) -> str:
        if self.period_s % 60 == 0:
            return f"{self.period_s // 60}m"
        return f"{self.period_s}s"


def _rule(name: str, method: str, path: str, limit: int, period: int, policy: Policy) -> RateRule:
    return RateRule(name, method, re.compile(path, re.IGNORECASE), limit, period, policy)


RULES: tuple[RateRule, ...] = (
    _rule("balances", "GET", r"^/api/v1/users/balances$", 120, 60, "ip"),
    _rule("order_post", "POST", r"^/api/v1/order$", 300, 60, "account"),
    _rule("order_post_1s", "POST", r"^/api/v1/order$", 10, 1, "ip"),
    _rule("order_delete", "DELETE", r"^/api/v1/order$", 300, 60, "account"),
    _rule("order_delete_1s", "DELETE", r"^/api/v1/order$", 10, 1, "ip"),
    _rule("order_get", "GET", r"^/api/v1/order/[^/]+$", 900, 60, "account"),
    _rule("order_get_1s", "GET", r"^/api/v1/order/[^/]+$", 30, 1, "ip"),
    _rule("orders", "GET", r"^/api/v1/(openOrders|allOrders)$", 300, 60, "ip"),
    _rule("trades", "GET", r"^/api/v[12]/trades$", 90, 60, "ip"),
    _rule("user_trades", "GET", r"^/api/v1/users/transactions/trade$", 120, 60, "ip"),
    _rule("transfers", "GET", r"^/api/v1/users/transactions/(crypto|fiat)$", 90, 60, "ip"),
    _rule("transfers", "POST", r"^/api/v1/users/transactions/(crypto|fiat)$", 90, 60, "ip"),
    _rule("ticker", "GET", r"^/api/v2/ticker(/currency)?$", 600, 60, "ip"),
    _rule("orderbook", "GET", r"^/api/v2/orderbook$", 180, 60, "ip"),
    _rule("graph_ohlcs", "GET", r"^/v1/ohlcs$", 120, 60, "ip"),
    _rule("graph", "GET", r"^/v1/", 600, 600, "ip"),
)
WS_CONNECT_RULE = _rule("ws_connect", "GET", r"^/(ws)?$", 15, 60, "ip")


@dataclass(frozen=True)
class Refusal:
    rule: RateRule
    limit: int
    retry_after_s: int

    def body(self) -> dict[str, Any]:
        details = f"Quota exceeded. Maximum allowed: {self.limit} per {self.rule.period_label}."
        if self.rule.policy == "account":
            details += f" Please try again in {self.retry_after_s} second(s)."
        return {
            "message": "TOO_MANY_REQUESTS",
            "success": False,
            "code": 429,
            "details": details,
            "limit": str(self.limit),
            "period": self.rule.period_label,
            "policy": self.rule.policy,
        }


@dataclass
class _Window:
    start: float
    count: int


class RateLimiter:
    def __init__(self, scale: float | None) -> None:
        self.scale = scale
        self._windows: dict[tuple[str, str], _Window] = {}

    @property
    def enabled(self) -> bool:
        return bool(self.scale)

    def limit_of(self, rule: RateRule) -> int:
        return max(1, int(rule.limit * (self.scale or 1)))

    def check(self, method: str, path: str, ip: str, key: str | None, now: float) -> Refusal | None:
        """Count the request against every matching rule; the first exhausted one refuses."""
        if not self.enabled:
            return None
        rules = [r for r in RULES if r.method == method and r.pattern.search(path)]
        return self._check_rules(rules, ip, key, now)

    def check_ws_connect(self, ip: str, now: float) -> Refusal | None:
        if not self.enabled:
            return None
        return self._check_rules([WS_CONNECT_RULE], ip, None, now)

    def _check_rules(
        self, rules: list[RateRule], ip: str, key: str | None, now: float
    ) -> Refusal | None:
        for rule in rules:
            identity = key if rule.policy == "account" and key else ip
            refusal = self._count(rule, identity, now)
            if refusal is not None:
                return refusal
        return None

    def _count(self, rule: RateRule, identity: str, now: float) -> Refusal | None:
        window = self._windows.get((rule.name, identity))
        if window is None or now - window.start >= rule.period_s:
            window = self._windows[(rule.name, identity)] = _Window(now, 0)
        limit = self.limit_of(rule)
        if window.count >= limit:
            retry = max(1, math.ceil(window.start + rule.period_s - now))
            return Refusal(rule, limit, retry)
        window.count += 1
        return None
