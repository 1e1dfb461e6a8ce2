"""The client-side limiter, driven by a fake monotonic clock (no real waiting)."""

from __future__ import annotations

import asyncio

import pytest

from btcbot.btcturk.ratelimit import BUCKETS, GROUPS, Limit, RateLimiter, scaled
from tests.btcturk.rest_fake_server import FakeTime


def limiter(margin: float = 0.8, **kwargs: object) -> tuple[RateLimiter, FakeTime]:
    fake = FakeTime()
    return RateLimiter(margin, clock=fake, sleep=fake.sleep, **kwargs), fake  # type: ignore[arg-type]


async def test_margin_scales_every_documented_limit() -> None:
    rl, _ = limiter(0.8)
    assert rl.allowance("order_submit") == (240, 8)  # 300/60 s and 10/1 s
    assert rl.allowance("balances") == (96,)
    assert scaled(Limit(1, 1), 0.1) == 1  # never zero


async def test_submit_burst_is_paced_by_the_one_second_window() -> None:
    rl, fake = limiter(0.8)
    for _ in range(8):
        await rl.acquire("order_submit")
    assert fake.sleeps == []
    await rl.acquire("order_submit")
    assert fake.sleeps == [pytest.approx(1.0)]


async def test_sixty_second_window_binds_after_the_per_second_one() -> None:
    rl, fake = limiter(1.0, buckets={"b": (Limit(3, 60), Limit(2, 1))}, groups={"g": ("b",)})
    for _ in range(3):
        await rl.acquire("g")
    assert fake.sleeps == [pytest.approx(1.0)]
    await rl.acquire("g")  # 4th call waits for the first to leave the 60 s window
    assert fake.now - 1000.0 == pytest.approx(60.0)


async def test_graph_calls_share_the_ten_minute_host_budget() -> None:
    rl, _ = limiter(1.0)
    await rl.acquire("graph_ohlcs")
    await rl.acquire("graph_klines")
    windows = rl._buckets["graph_all"].windows
    assert len(windows[0]._times) == 2


async def test_hold_after_429_delays_only_that_group() -> None:
    rl, fake = limiter()
    rl.hold("ticker", 30)
    await rl.acquire("balances")
    assert fake.sleeps == []
    await rl.acquire("ticker")
    assert sum(fake.sleeps) == pytest.approx(30)


async def test_hold_all() -> None:
    rl, fake = limiter()
    rl.hold_all(5)
    await rl.acquire("orderbook")
    assert sum(fake.sleeps) == pytest.approx(5)


async def test_concurrent_acquires_never_exceed_the_window() -> None:
    rl, fake = limiter(1.0, buckets={"b": (Limit(5, 1),)}, groups={"g": ("b",)})
    stamps: list[float] = []

    async def one() -> None:
        await rl.acquire("g")
        stamps.append(fake.now)

    await asyncio.gather(*(one() for _ in range(12)))
    for start in stamps:
        assert sum(1 for s in stamps if start <= s < start + 1) <= 5


def test_every_group_uses_known_buckets_and_bad_inputs_fail() -> None:
    assert all(set(members) <= set(BUCKETS) for members in GROUPS.values())
    with pytest.raises(ValueError, match="margin"):
        RateLimiter(0)
    with pytest.raises(ValueError, match="unknown"):
        RateLimiter().hold("nope", 1)
