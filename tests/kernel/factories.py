"""Builders for snapshots and their parts, shared by the kernel, strategy and risk tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from btcbot.decision.snapshot import OpenOrder, Snapshot
from btcbot.domain import (
    Balance,
    BookLevel,
    Candle,
    OrderBook,
    OrderStatus,
    Position,
    Side,
    Symbol,
    SymbolRules,
    Ticker,
)

NOW = 1_700_000_000_000
BTC = Symbol("BTC", "TRY")
ETH = Symbol("ETH", "TRY")
SOL = Symbol("SOL", "TRY")

PRICES = {BTC: (Decimal(2_000_000), Decimal(2_001_000)), ETH: (Decimal(100_000), Decimal(100_050))}


def d(value: str | int) -> Decimal:
    return Decimal(value)


def rules_for(symbol: Symbol, min_value: str = "10", price_scale: int = 2) -> SymbolRules:
    return SymbolRules(
        symbol=symbol,
        numerator_scale=8,
        denominator_scale=price_scale,
        has_fraction=True,
        min_exchange_value=d(min_value),
    )


def book(symbol: Symbol, bid: Decimal | str, ask: Decimal | str) -> OrderBook:
    return OrderBook(
        symbol,
        (BookLevel(d(bid) if isinstance(bid, str) else bid, d(1)),),
        (BookLevel(d(ask) if isinstance(ask, str) else ask, d(1)),),
        NOW,
    )


def ticker(symbol: Symbol, bid: Decimal, ask: Decimal, volume: str = "1000") -> Ticker:
    mid = (bid + ask) / 2
    return Ticker(symbol, mid, bid, ask, ask, bid, d(volume), mid, NOW)


def candles(symbol: Symbol, closes: Iterable[Decimal | int]) -> tuple[Candle, ...]:
    out = []
    for i, close in enumerate(closes):
        c = Decimal(close)
        out.append(Candle(symbol, i * 60, c, c, c, c, d(1)))
    return tuple(out)


def balance(asset: str, free: str | Decimal, locked: str | Decimal = "0") -> Balance:
    return Balance(asset, Decimal(free), Decimal(locked))


def position(symbol: Symbol, qty: str, cost: str, fees: str = "0") -> Position:
    return Position(symbol, d(qty), d(cost), fees_paid=d(fees))


def open_order(
    symbol: Symbol = BTC,
    side: Side = Side.BUY,
    price: str | Decimal = "2000000",
    qty: str = "0.00005",
    *,
    cid: str = "old-1",
    filled: str = "0",
    status: OrderStatus = OrderStatus.OPEN,
    created_ms: int = NOW - 1_000,
    exchange_id: int | None = 42,
) -> OpenOrder:
    return OpenOrder(
        client_order_id=cid,
        exchange_order_id=exchange_id,
        symbol=symbol,
        side=side,
        price=Decimal(price),
        quantity=d(qty),
        filled_quantity=d(filled),
        status=status,
        created_ms=created_ms,
    )


def market(
    prices: Mapping[Symbol, tuple[Decimal, Decimal]] | None = None, age_ms: int = 1_000
) -> dict[str, Any]:
    prices = PRICES if prices is None else prices
    return {
        "books": {s: book(s, bid, ask) for s, (bid, ask) in prices.items()},
        "tickers": {s: ticker(s, bid, ask) for s, (bid, ask) in prices.items()},
        "rules": {s: rules_for(s) for s in prices},
        "data_age_ms": {s: age_ms for s in prices},
    }


def snapshot(**overrides: Any) -> Snapshot:
    fields: dict[str, Any] = {
        "cycle_id": "cycle-1",
        "now_ms": NOW,
        "balances": {"TRY": balance("TRY", "1000")},
        **market(),
    }
    fields.update(overrides)
    return Snapshot(**fields)
