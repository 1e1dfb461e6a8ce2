"""Value types only: money, symbols, exchange rules, orders and their lifecycle, fills, books.

Nothing here performs I/O, reads a clock or the environment; every other package imports
inward toward this one.
"""

from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, BookLevel, Candle, OrderBook, PublicTrade, Ticker
from btcbot.domain.money import MoneyError, format_decimal, to_decimal
from btcbot.domain.orders import (
    IllegalTransition,
    Order,
    OrderEvent,
    OrderMethod,
    OrderRequest,
    OrderStatus,
    Side,
    next_status,
)
from btcbot.domain.positions import Position
from btcbot.domain.rules import RuleCheck, SymbolRules, Violation
from btcbot.domain.symbols import Symbol, SymbolError

__all__ = [
    "Balance",
    "BookLevel",
    "Candle",
    "Fill",
    "IllegalTransition",
    "MoneyError",
    "Order",
    "OrderBook",
    "OrderEvent",
    "OrderMethod",
    "OrderRequest",
    "OrderStatus",
    "Position",
    "PublicTrade",
    "RuleCheck",
    "Side",
    "Symbol",
    "SymbolError",
    "SymbolRules",
    "Ticker",
    "Violation",
    "format_decimal",
    "next_status",
    "to_decimal",
]
