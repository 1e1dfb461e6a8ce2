"""Fill factory for ledger tests (Decimal money, int trade ids beyond 2**53)."""

from __future__ import annotations

from decimal import Decimal

from btcbot.domain import Fill, Side, Symbol

BTC_TRY = Symbol("BTC", "TRY")
ETH_TRY = Symbol("ETH", "TRY")
SOL_USDT = Symbol("SOL", "USDT")
USDT_TRY = Symbol("USDT", "TRY")
BIG_ID = 2**53 + 1


def fill(
    trade_id: int,
    side: Side,
    price: str,
    quantity: str,
    *,
    symbol: Symbol = BTC_TRY,
    fee: str = "0",
    tax: str = "0",
    ts: int | None = None,
) -> Fill:
    return Fill(
        trade_id=BIG_ID + trade_id,
        order_id=1000 + trade_id,
        client_order_id=f"c{trade_id}",
        symbol=symbol,
        side=side,
        price=Decimal(price),
        quantity=Decimal(quantity),
        fee=Decimal(fee),
        tax=Decimal(tax),
        timestamp_ms=1_700_000_000_000 + (trade_id if ts is None else ts) * 1000,
    )
