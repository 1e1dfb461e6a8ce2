"""The client-side limiter, driven by a fake monotonic clock (no real waiting)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from structlog.testing import capture_logs

from btcbot.btcturk.ratelimit import (
    BUCKETS,
    GROUPS,
    MUTATIONS,
    Limit,
    RateLimiter,
    priority_of,
    scaled,
)
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


# --- waits are visible ----------------------------------------------------------------------


async def test_waits_are_tallied_by_group_logged_at_info_and_taken_once() -> None:
    rl, _ = limiter(1.0, buckets={"b": (Limit(1, 2),)}, groups={"g": ("b",)})
    with capture_logs() as logs:
        await rl.acquire("g")
        waited = await rl.acquire("g")
    assert waited == pytest.approx(2.0)
    assert [(e["event"], e["log_level"], e["group"], e["wait_ms"]) for e in logs] == [
        ("rate_limit_wait", "info", "g", 2000)
    ]
    tally = rl.take_tally()
    assert tally.waited_s == (("g", pytest.approx(2.0)),)
    assert tally.waits == (("g", 1),)
    assert tally.throttled == 1 and tally.total_wait_s == pytest.approx(2.0)
    assert not rl.take_tally()  # taken: the next cycle starts from zero


async def test_a_429_counts_as_a_refusal_and_its_hold_as_a_wait() -> None:
    rl, _ = limiter()
    rl.hold("orderbook", 3)
    await rl.acquire("orderbook")
    tally = rl.take_tally()
    assert tally.refusals == (("orderbook", 1),)
    assert tally.waited_s == (("orderbook", pytest.approx(3.0)),)
    assert tally.throttled == 2


async def test_a_call_that_did_not_wait_is_not_tallied() -> None:
    rl, fake = limiter()
    await rl.acquire("ticker")
    assert fake.sleeps == [] and not rl.take_tally()


# --- mutations never wait behind reads -------------------------------------------------------


async def test_cancels_and_submits_do_not_wait_while_every_read_is_exhausted_or_held() -> None:
    rl, fake = limiter(0.8)
    for group in GROUPS:
        if group in MUTATIONS or group == "server_time":
            continue
        while rl.spare(group, reserve=0.0):
            await rl.acquire(group)
    rl.hold("user_trades", 60)
    rl.hold_all(30)  # a hold on every read group: mutations keep their own budgets
    before = fake.now
    assert await rl.acquire("order_cancel") == 0.0
    assert await rl.acquire("order_submit") == 0.0
    assert await rl.acquire("server_time") == 0.0  # the clock sync a signed call may need
    assert fake.now == before
    assert priority_of("order_cancel") < priority_of("order_submit") < priority_of("balances")


async def test_waiters_on_a_shared_bucket_are_served_cancel_then_submit_then_reads() -> None:
    clock = SteppedTime()
    rl = RateLimiter(
        1.0,
        buckets={"shared": (Limit(1, 1),)},
        groups={"read": ("shared",), "order_submit": ("shared",), "order_cancel": ("shared",)},
        clock=clock,
        sleep=clock.sleep,
    )
    await rl.acquire("read")  # the one slot of this second is taken
    served: list[str] = []

    async def call(group: str) -> None:
        await rl.acquire(group)
        served.append(group)

    tasks = [asyncio.create_task(call(g)) for g in ("read", "read", "order_submit")]
    await clock.settle()
    tasks.append(asyncio.create_task(call("order_cancel")))  # arrives last
    await clock.run(until=lambda: len(served) == 4)
    await asyncio.gather(*tasks)
    assert served == ["order_cancel", "order_submit", "read", "read"]
    assert rl.take_tally().waits == (("order_cancel", 1), ("order_submit", 1), ("read", 2))


# --- optional reads ask first ---------------------------------------------------------------


async def test_spare_keeps_a_reserve_for_required_reads_and_says_no_during_a_hold() -> None:
    rl, _ = limiter(1.0, buckets={"b": (Limit(8, 60),)}, groups={"g": ("b",)})
    taken = 0
    while rl.spare("g"):  # default reserve: the last quarter of the window
        await rl.acquire("g")
        taken += 1
    assert taken == 6
    assert await rl.acquire("g") == 0.0  # a required read still goes ahead at once
    rl.hold("g", 5)
    assert not rl.spare("g", reserve=0.0)


class SteppedTime:
    """A monotonic clock whose ``sleep`` really suspends: :meth:`run` wakes sleepers in
    deadline order, so concurrent waiters interleave as they would in real time."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = 0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._order += 1
        self._sleepers.append((self.now + seconds, self._order, future))
        await future

    async def settle(self) -> None:
        for _ in range(20):
            await asyncio.sleep(0)

    async def run(self, until: Callable[[], bool], steps: int = 1000) -> None:
        for _ in range(steps):
            await self.settle()
            if until():
                return
            self._sleepers.sort(key=lambda s: (s[0], s[1]))
            wake, _, future = self._sleepers.pop(0)
            self.now = max(self.now, wake)
            future.set_result(None)
        raise AssertionError("waiters never finished")
