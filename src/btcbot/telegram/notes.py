"""What the operator is told: one value per event worth a notification.

* :class:`OrderNote`: an order of ours placed, (partly) filled, cancelled or rejected;
* :class:`TripNote`: a trip (kill switch, freeze, failing reconciliation, ledger mismatch, ...)
  came into force, with the command that resolves it, or was cleared;
* :class:`SummaryNote`: the daily summary.

:mod:`.activity` derives them from what the runtime already records (the cycle report's trips,
the store's order events and fills); :mod:`.notifier` batches and sends them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from btcbot.domain.trips import Trip
from btcbot.operator.daily import DailyFigures


class OrderChange(StrEnum):
    PLACED = "placed"
    FILLED = "filled"
    PARTIAL = "partial"
    CANCELED = "canceled"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class OrderNote:
    change: OrderChange
    client_order_id: str
    symbol: str
    side: str  # buy | sell
    quantity: Decimal  # ordered, or filled (fills)
    price: Decimal | None  # limit price, average fill price; None for a market order
    stop_price: Decimal | None = None
    value: Decimal | None = None  # fills: price x quantity, in the quote currency
    cost: Decimal | None = None  # fills: fee + tax, in the quote currency
    quote: str = "TRY"
    reason: str | None = None  # rejections


@dataclass(frozen=True, slots=True)
class TripNote:
    trip: Trip
    cleared: bool = False


@dataclass(frozen=True, slots=True)
class SummaryNote:
    figures: DailyFigures
    trips: tuple[Trip, ...] = ()


Note = OrderNote | TripNote | SummaryNote
