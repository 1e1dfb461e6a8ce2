"""Jittered retries: per-process randomness (audit G3), reads retry, mutations never do."""

from __future__ import annotations

import subprocess
import sys

import pytest

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.domain import Symbol
from btcbot.exchange.backoff import Backoff
from btcbot.exchange.errors import OutcomeUnknown
from tests.btcturk.rest_fake_server import FakeTime, Fault, fast_settings, running_fake
from tests.btcturk.test_rest_client import LIMIT_BUY

DRAW = (
    "from btcbot.exchange.backoff import Backoff;"
    "print([round(Backoff(0.4, 4.0).delay(n), 9) for n in range(6)])"
)


def test_two_processes_draw_different_jitter() -> None:
    runs = [
        subprocess.run(
            [sys.executable, "-c", DRAW], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] != runs[1]


async def test_two_clients_in_one_process_do_not_retry_in_lockstep() -> None:
    """No rng injected: both clients draw from the per-process RNG, never a fixed seed."""
    sequences: list[list[float]] = []
    async with running_fake() as fake:
        for _ in range(2):
            fake.script("GET", "/api/v2/ticker", *[Fault(status=503)] * 3)
            clock = FakeTime()
            settings = fast_settings(fake.url, rest_max_retries=3)
            client = BtcturkRestClient.from_settings(settings, sleep=clock.sleep, monotonic=clock)
            async with client:
                await client.ticker(Symbol("BTC", "TRY"))
            sequences.append(clock.sleeps)
    assert len(sequences[0]) == len(sequences[1]) == 3
    assert sequences[0] != sequences[1]


async def test_read_backoff_stays_under_the_exponential_ceiling() -> None:
    backoff = Backoff(0.1, 0.8)
    async with running_fake() as fake:
        fake.script("GET", "/api/v2/ticker", *[Fault(status=500)] * 4)
        clock = FakeTime()
        settings = fast_settings(fake.url, rest_max_retries=4)
        async with BtcturkRestClient.from_settings(
            settings, sleep=clock.sleep, monotonic=clock
        ) as client:
            await client.ticker()
    assert len(clock.sleeps) == 4
    assert all(0 <= s <= backoff.ceiling(n) for n, s in enumerate(clock.sleeps))


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_submit_is_never_retried_even_with_many_retries_configured(status: int) -> None:
    async with running_fake() as fake:
        fake.script("POST", "/api/v1/order", Fault(status=status))
        clock = FakeTime()
        settings = fast_settings(fake.url, rest_max_retries=10)
        async with BtcturkRestClient.from_settings(
            settings, sleep=clock.sleep, monotonic=clock
        ) as client:
            with pytest.raises(OutcomeUnknown):
                await client.submit_order(LIMIT_BUY)
    assert fake.hits("POST", "/api/v1/order") == 1
    assert clock.sleeps == []
