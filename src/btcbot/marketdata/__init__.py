"""Market data for the snapshot: WebSocket-first, REST fallback, freshness measured per symbol."""

from btcbot.marketdata.conversion import conversion_pair, conversion_pairs
from btcbot.marketdata.rest_books import RestBooks, SharedBooksMarket
from btcbot.marketdata.service import (
    BookView,
    MarketDataRefused,
    MarketDataService,
    MarketDataUnavailable,
    MarketSnapshot,
)

__all__ = [
    "BookView",
    "MarketDataRefused",
    "MarketDataService",
    "MarketDataUnavailable",
    "MarketSnapshot",
    "RestBooks",
    "SharedBooksMarket",
    "conversion_pair",
    "conversion_pairs",
]
