"""What ``submit`` and ``cancel`` report back to the runtime."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from btcbot.domain import OrderStatus
from btcbot.domain.slots import fast_init


class SubmitResult(StrEnum):
    ACCEPTED = "accepted"  # 200 with an exchange id
    REJECTED = "rejected"  # definitive: refused, or not sent (gates, connect failure, 429)
    IN_FLIGHT = "in_flight"  # outcome unknown: resolved later by evidence, never resubmitted


class CancelResult(StrEnum):
    REQUESTED = "requested"  # acknowledged: PENDING_CANCEL until the exchange proves it
    UNKNOWN = "unknown"  # the reply was lost: PENDING_CANCEL, proven later
    REFUSED = "refused"  # not sent or refused; the order's real state was looked up
    DEFERRED = "deferred"  # no exchange id yet (in flight): resolve first, then cancel
    FINISHED = "finished"  # already terminal, nothing to cancel


@fast_init
@dataclass(frozen=True, slots=True)
class SubmitOutcome:
    client_order_id: str
    result: SubmitResult
    status: OrderStatus
    exchange_order_id: int | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class CancelOutcome:
    client_order_id: str
    result: CancelResult
    status: OrderStatus
    reason: str | None = None
