"""Server-clock offset: midpoint of the round trip, periodic resync, invalidation."""

from __future__ import annotations

from btcbot.btcturk.clock import ServerClock


class Wall:
    def __init__(self, now_ms: int) -> None:
        self.now_ms = now_ms

    def __call__(self) -> int:
        return self.now_ms


async def test_offset_uses_the_midpoint_of_the_round_trip() -> None:
    wall = Wall(1_000_000)
    clock = ServerClock(wall_ms=wall, monotonic=lambda: 0.0)

    async def server() -> int:
        wall.now_ms += 200  # 200 ms round trip; the server stamps at the middle
        return 1_000_100 + 7_000

    assert await clock.sync(server) == 7_000
    assert clock.last_rtt_ms == 200
    assert clock.stamp_ms() == wall.now_ms + 7_000


async def test_resync_is_due_after_the_interval_or_when_invalidated() -> None:
    mono = [0.0]
    clock = ServerClock(sync_interval_s=60, wall_ms=Wall(0), monotonic=lambda: mono[0])
    calls = 0

    async def server() -> int:
        nonlocal calls
        calls += 1
        return 0

    await clock.ensure_synced(server)
    await clock.ensure_synced(server)
    assert calls == 1
    mono[0] = 61.0
    await clock.ensure_synced(server)
    assert calls == 2
    clock.invalidate()
    await clock.ensure_synced(server)
    assert calls == 3


async def test_stamp_over_loopback_tracks_a_skewed_server() -> None:
    from tests.btcturk.rest_fake_server import loopback_client

    async with loopback_client() as h:
        h.fake.skew_ms = -45_000
        offset = await h.client.sync_clock()
    assert abs(offset + 45_000) < 1_000
