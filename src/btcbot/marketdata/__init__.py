"""Market data for the snapshot: WebSocket-first, REST fallback, freshness measured per symbol."""

from btcbot.marketdata.conversion import conversion_pair, conversion_pairs
from btcbot.marketdata.service import (
    BookView,
    MarketDataService,
    MarketDataUnavailable,
    MarketSnapshot,
)

__all__ = [
    "BookView",
    "MarketDataService",
    "MarketDataUnavailable",
    "MarketSnapshot",
    "conversion_pair",
    "conversion_pairs",
]
