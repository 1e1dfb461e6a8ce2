"""Optional reads ask the venue's rate budget first.

Some reads a cycle can do without for a while: an order book younger than the staleness
limit can be served from the cache, and the sweep of symbols where the agent has no live
order (fills and open orders of someone else) can wait for the next cycle. Before such a read
the caller asks :meth:`ReadBudget.spare`; the live adapter answers from its rate limiter
(room left beyond a reserve, no 429 hold), venues without rate limits always say yes. Reads
the cycle needs (its own live orders, books past the staleness limit) never ask.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class ReadKind(StrEnum):
    ORDER_BOOK = "order_book"
    OPEN_ORDERS = "open_orders"
    FILLS = "fills"


class ReadBudget(Protocol):
    def spare(self, read: ReadKind) -> bool:
        """Whether an optional read of this kind can be made now without waiting and without
        eating into what the required reads need."""
        ...


class Unlimited:
    """No rate limits (paper account reads, replay): every optional read goes ahead."""

    def spare(self, read: ReadKind) -> bool:
        return True


UNLIMITED = Unlimited()
