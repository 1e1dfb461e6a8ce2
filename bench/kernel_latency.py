"""Decision latency of PlanningKernel.plan for a 20-symbol snapshot, per profile.

Run: .venv/bin/python bench/kernel_latency.py [cycles]   (default 3000)
Prints p50/p99/max in microseconds; the target is p99 < 500 us. Not asserted in tests.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from decimal import Decimal

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
from btcbot.kernel.kernel import PlanningKernel
from btcbot.kernel.params import Profile3Params, Profile4Params, Profile7Params, ProfileParams
from btcbot.kernel.snapshot import OpenOrder, Snapshot

NOW = 1_700_000_000_000
BASES = "BTC ETH SOL AVAX XRP ADA DOGE DOT LINK LTC TRX ATOM NEAR APT ARB OP FET SHIB PEPE UNI"


def _symbol_data(i: int, base: str) -> dict[str, object]:
    s = Symbol(base, "TRY")
    bid = Decimal(1000 + 137 * i)
    ask = bid + Decimal(1)
    book = OrderBook(
        s,
        tuple(BookLevel(bid - k, Decimal(1)) for k in range(10)),
        tuple(BookLevel(ask + k, Decimal(1)) for k in range(10)),
        NOW,
    )
    mid = (bid + ask) / 2
    ticker = Ticker(s, mid, bid, ask, ask, bid, Decimal(1000 + i), mid, NOW)
    closes = [mid * (1 + Decimal((k * 7 + i) % 11 - 5) / 1000) for k in range(21)]
    candles = tuple(Candle(s, k * 60, c, c, c, c, Decimal(1)) for k, c in enumerate(closes))
    rules = SymbolRules(s, 8, 2, True, Decimal(10))
    return {"symbol": s, "book": book, "ticker": ticker, "candles": candles, "rules": rules}


def build_snapshot() -> Snapshot:
    data = [_symbol_data(i, b) for i, b in enumerate(BASES.split())]
    symbols = [d["symbol"] for d in data]
    balances = {"TRY": Balance("TRY", Decimal(50_000), Decimal(0))}
    positions, orders = {}, []
    for i, s in enumerate(symbols[:8]):
        assert isinstance(s, Symbol)
        balances[s.base] = Balance(s.base, Decimal("0.5"), Decimal(0))
        positions[s] = Position(s, Decimal("0.5"), Decimal(900 + 150 * i))
    for i, s in enumerate(symbols[8:14]):
        assert isinstance(s, Symbol)
        orders.append(
            OpenOrder(
                client_order_id=f"o{i}",
                exchange_order_id=100 + i,
                symbol=s,
                side=Side.BUY,
                price=Decimal(1000),
                quantity=Decimal("0.05"),
                filled_quantity=Decimal(0),
                status=OrderStatus.OPEN,
                created_ms=NOW - 60_000 * i,
            )
        )
    return Snapshot(
        cycle_id="bench",
        now_ms=NOW,
        books={d["symbol"]: d["book"] for d in data},  # type: ignore[misc]
        tickers={d["symbol"]: d["ticker"] for d in data},  # type: ignore[misc]
        candles={d["symbol"]: d["candles"] for d in data},  # type: ignore[misc]
        rules={d["symbol"]: d["rules"] for d in data},  # type: ignore[misc]
        balances=balances,
        positions=positions,
        open_orders=tuple(orders),
        data_age_ms={s: 500 for s in symbols},  # type: ignore[misc]
    )


def measure(params: ProfileParams, base: Snapshot, cycles: int) -> list[float]:
    kernel = PlanningKernel()
    snaps = [replace(base, cycle_id=f"c{i}", now_ms=NOW + i * 10_000) for i in range(cycles)]
    state = base.risk_state
    samples = []
    for snap in snaps[:200]:  # warm-up
        kernel.plan(replace(snap, risk_state=state), params)
    for snap in snaps:
        snap = replace(snap, risk_state=state)
        start = time.perf_counter_ns()
        plan = kernel.plan(snap, params)
        samples.append((time.perf_counter_ns() - start) / 1000)
        state = plan.next_risk_state
    return samples


def main() -> None:
    cycles = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    base = build_snapshot()
    print(f"PlanningKernel.plan, 20 symbols, {cycles} cycles (us)")
    for params in (Profile3Params(), Profile4Params(), Profile7Params()):
        samples = sorted(measure(params, base, cycles))
        p50 = statistics.median(samples)
        p99 = samples[int(len(samples) * 0.99) - 1]
        print(f"profile {params.stage}: p50 {p50:8.1f}  p99 {p99:8.1f}  max {samples[-1]:8.1f}")


if __name__ == "__main__":
    main()
