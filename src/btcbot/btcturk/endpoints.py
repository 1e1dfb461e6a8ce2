"""The REST endpoints we call, with their rate-limit group and safety class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    group: str  # rate-limit group, see ratelimit.GROUPS
    private: bool = False  # needs HMAC headers
    mutating: bool = False  # never retried blindly; failures after send are ambiguous
    graph: bool = False  # served by graph-api, not api.btcturk.com

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


SERVER_TIME: Final = Endpoint("GET", "/api/v2/server/time", "server_time")
EXCHANGE_INFO: Final = Endpoint("GET", "/api/v2/server/exchangeinfo", "public_other")
TICKER: Final = Endpoint("GET", "/api/v2/ticker", "ticker")
ORDER_BOOK: Final = Endpoint("GET", "/api/v2/orderbook", "orderbook")
TRADES: Final = Endpoint("GET", "/api/v2/trades", "trades")
OHLCS: Final = Endpoint("GET", "/v1/ohlcs", "graph_ohlcs", graph=True)
KLINES: Final = Endpoint("GET", "/v1/klines/history", "graph_klines", graph=True)
BALANCES: Final = Endpoint("GET", "/api/v1/users/balances", "balances", private=True)
OPEN_ORDERS: Final = Endpoint("GET", "/api/v1/openOrders", "order_lists", private=True)
ALL_ORDERS: Final = Endpoint("GET", "/api/v1/allOrders", "order_lists", private=True)
ORDER: Final = Endpoint("GET", "/api/v1/order/{order_id}", "order_query", private=True)
USER_TRADES: Final = Endpoint(
    "GET", "/api/v1/users/transactions/trade", "user_trades", private=True
)
SUBMIT: Final = Endpoint("POST", "/api/v1/order", "order_submit", private=True, mutating=True)
CANCEL: Final = Endpoint("DELETE", "/api/v1/order", "order_cancel", private=True, mutating=True)
