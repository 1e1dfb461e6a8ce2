from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from btcbot.store import LockConflict, LockLost, ProcessLock
from btcbot.store.locks import lock_file_for
from tests.store.conftest import FakeClock

ACCOUNT = "main"
TTL = 180


def lock(engine: Engine, clock: FakeClock, name: str, *, file_lock: bool = False) -> ProcessLock:
    return ProcessLock(
        engine, clock_ms=clock, instance_id=name, pid=4242, host="box-1", file_lock=file_lock
    )


def test_second_writer_is_refused_with_the_holder_named(engine: Engine, clock: FakeClock) -> None:
    first = lock(engine, clock, "first")
    first.acquire(ACCOUNT, TTL)
    clock.advance(12)
    with pytest.raises(LockConflict) as info:
        lock(engine, clock, "second").acquire(ACCOUNT, TTL)
    message = str(info.value)
    for fragment in ("instance first", "pid 4242", "box-1", "12.0s ago", "live"):
        assert fragment in message
    holder = first.status(ACCOUNT)
    assert holder is not None and holder.instance_id == "first"


def test_heartbeat_keeps_the_lock_live_past_the_ttl(engine: Engine, clock: FakeClock) -> None:
    first = lock(engine, clock, "first")
    first.acquire(ACCOUNT, TTL)
    for _ in range(5):
        clock.advance(TTL - 1)
        first.heartbeat()
    with pytest.raises(LockConflict):
        lock(engine, clock, "second").acquire(ACCOUNT, TTL)


def test_stale_holder_is_taken_over_and_learns_it_lost(engine: Engine, clock: FakeClock) -> None:
    crashed = lock(engine, clock, "crashed")
    crashed.acquire(ACCOUNT, TTL)
    clock.advance(TTL)  # exactly at the TTL: still live
    with pytest.raises(LockConflict):
        lock(engine, clock, "second").acquire(ACCOUNT, TTL)
    clock.advance(0.001)
    holder = lock(engine, clock, "second").acquire(ACCOUNT, TTL)
    assert holder.instance_id == "second"
    with pytest.raises(LockLost, match="force-released or taken over"):
        crashed.heartbeat()


def test_release_lets_the_next_writer_in(engine: Engine, clock: FakeClock) -> None:
    first = lock(engine, clock, "first")
    first.acquire(ACCOUNT, TTL)
    first.release()
    first.release()  # idempotent
    assert first.status(ACCOUNT) is None
    lock(engine, clock, "second").acquire(ACCOUNT, TTL)
    with pytest.raises(LockLost, match="acquire"):
        first.heartbeat()


def test_reacquire_by_the_same_instance_refreshes(engine: Engine, clock: FakeClock) -> None:
    first = lock(engine, clock, "first")
    first.acquire(ACCOUNT, TTL)
    clock.advance(5)
    assert first.acquire(ACCOUNT, TTL).heartbeat_ms == clock.now_ms


def test_accounts_are_independent(engine: Engine, clock: FakeClock) -> None:
    lock(engine, clock, "first").acquire(ACCOUNT, TTL)
    lock(engine, clock, "second").acquire("other", TTL)


def test_force_release_returns_the_removed_holder(engine: Engine, clock: FakeClock) -> None:
    first = lock(engine, clock, "first")
    first.acquire(ACCOUNT, TTL)
    operator = lock(engine, clock, "operator")
    removed = operator.force_release(ACCOUNT)
    assert removed is not None and removed.instance_id == "first"
    assert operator.force_release(ACCOUNT) is None
    with pytest.raises(LockLost):
        first.heartbeat()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # SQLite-specific
def test_os_file_lock_guards_a_sqlite_database(
    engine: Engine, clock: FakeClock, db_path: Path
) -> None:
    first = lock(engine, clock, "first", file_lock=True)
    first.acquire(ACCOUNT, TTL)
    assert lock_file_for(db_path.resolve(), ACCOUNT).exists()
    # Even with the row gone (or stale), a live local holder keeps the kernel lock.
    lock(engine, clock, "operator").force_release(ACCOUNT)
    clock.advance(TTL * 10)
    second = lock(engine, clock, "second", file_lock=True)
    with pytest.raises(LockConflict, match=r"another process \(pid \d+\) holds"):
        second.acquire(ACCOUNT, TTL)
    assert second.status(ACCOUNT) is None  # the refused attempt wrote no row
    first.release()
    assert second.acquire(ACCOUNT, TTL).instance_id == "second"
    second.release()
