"""Private stream evidence the order manager accepts (the adapter maps its WS frames here).

A :class:`~btcbot.domain.fills.Fill` is a 423 user trade. The other types carry only what the
order manager needs from 451 (insert), 452 (delete) and 441 (match), plus a marker for a
reconnect, after which events in the gap may be lost and REST must reconcile.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain import Fill, Symbol


@dataclass(frozen=True, slots=True)
class OrderInsertSeen:
    """451: the order is on the book."""

    order_id: int
    symbol: Symbol
    client_order_id: str | None
    remaining: Decimal


@dataclass(frozen=True, slots=True)
class OrderDeleteSeen:
    """452: the order left the book; ``remaining`` never filled (0: filled completely)."""

    order_id: int
    symbol: Symbol
    client_order_id: str | None
    remaining: Decimal


@dataclass(frozen=True, slots=True)
class OrderMatchSeen:
    """441: the order matched (the quantities come from the 423 fill, deduplicated)."""

    order_id: int
    symbol: Symbol
    client_order_id: str | None


@dataclass(frozen=True, slots=True)
class StreamGap:
    """The private stream (re)connected: anything sent while away is lost."""

    connection: int = 0


OrderSeen = OrderInsertSeen | OrderDeleteSeen | OrderMatchSeen
PrivateEvidence = Fill | OrderInsertSeen | OrderDeleteSeen | OrderMatchSeen | StreamGap
