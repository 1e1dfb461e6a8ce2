"""REST round-trip overhead against the loopback emulator (no network, no rate limits).

Run: .venv/bin/python bench/rest_roundtrip.py [--requests N]

Measures, per request, median and p99 in µs of: GET /api/v2/ticker, GET /api/v2/orderbook and
the signed GET /api/v1/users/balances, (a) with a bare keep-alive ``httpx.AsyncClient`` and
(b) through ``BtcturkRestClient`` (decode to domain types, limiter, retry policy) when it can be
built from ``ExchangeSettings``. The client's own BTCTurk rate limiter stays on in (b), so
its figures include any limiter waits (visible as a high p99). Emulator and client share one
event loop and one core, so the figures are the whole stack's CPU cost per call, server
included.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import time
from collections.abc import Awaitable, Callable

import httpx
import structlog

from btcbot.btcturk.auth import Credentials, Secret
from btcbot.domain import Symbol
from btcbot.emulator import EmulatorConfig, running_emulator

BTCTRY = Symbol("BTC", "TRY")


async def measure(call: Callable[[], Awaitable[object]], n: int) -> tuple[float, float]:
    for _ in range(20):
        await call()
    samples = []
    for _ in range(n):
        started = time.perf_counter_ns()
        await call()
        samples.append((time.perf_counter_ns() - started) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def report(name: str, figures: tuple[float, float]) -> None:
    print(f"  {name:55s} median {figures[0]:8.0f} µs   p99 {figures[1]:8.0f} µs")


async def bare_httpx(emu: object, creds: Credentials, n: int) -> None:
    base = emu.rest_url  # type: ignore[attr-defined]
    async with httpx.AsyncClient(base_url=base) as http:

        async def ticker() -> object:
            return (await http.get("/api/v2/ticker", params={"pairSymbol": "BTCTRY"})).json()

        async def book() -> object:
            return (await http.get("/api/v2/orderbook", params={"pairSymbol": "BTCTRY"})).json()

        async def balances() -> object:
            headers = creds.rest_headers(time.time_ns() // 1_000_000)
            return (await http.get("/api/v1/users/balances", headers=headers)).json()

        report("httpx GET /api/v2/ticker", await measure(ticker, n))
        report("httpx GET /api/v2/orderbook (limit 100)", await measure(book, n))
        report("httpx signed GET /api/v1/users/balances", await measure(balances, n))


async def rest_client(emu: object, creds: Credentials, n: int) -> None:
    try:
        from btcbot.btcturk.rest_client import BtcturkRestClient
        from btcbot.config.exchange import ExchangeSettings

        settings = ExchangeSettings(
            base_url=emu.rest_url,  # type: ignore[attr-defined]
            graph_url=emu.graph_url,  # type: ignore[attr-defined]
            api_key=creds.api_key,
            api_secret=creds.api_secret.reveal(),
        )
        client = BtcturkRestClient.from_settings(settings)
    except (ImportError, TypeError, ValueError) as exc:
        print(f"  (BtcturkRestClient not measured: {exc!r})")
        return
    async with client:
        report("BtcturkRestClient.ticker(BTCTRY)", await measure(lambda: client.ticker(BTCTRY), n))
        report(
            "BtcturkRestClient.order_book(BTCTRY)",
            await measure(lambda: client.order_book(BTCTRY), n),
        )
        report("BtcturkRestClient.balances() (signed)", await measure(client.balances, n))


async def main_async(n: int) -> None:
    config = EmulatorConfig(seed=7, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(config) as emu:
        account = emu.demo_account
        creds = Credentials(account.api_key, Secret(account.api_secret))
        await bare_httpx(emu, creds, n)
        await rest_client(emu, creds, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"{args.requests} sequential requests per case after 20 warm-up calls, loopback")
    asyncio.run(main_async(args.requests))


if __name__ == "__main__":
    main()
