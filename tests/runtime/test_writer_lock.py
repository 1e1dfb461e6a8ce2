"""The run's single-writer lock: which lock the settings pick, and its heartbeat thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from btcbot.config import ACK_PHRASE, BlockReason, CommonSettings
from btcbot.execution.arming import store_backed_arming
from btcbot.runtime.writer_lock import FALLBACK_LOCK_DIR, LockHeartbeat, lock_dir, lock_identity
from btcbot.store import (
    DbRole,
    LockLost,
    ProcessLock,
    account_fingerprint,
    exchange_account_identity,
    open_store,
    sqlite_url,
)
from tests.helpers import eventually

TTL = 60


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_store(sqlite_url(tmp_path / "state.db"), DbRole.LIVE)
    yield engine
    engine.dispose()


def common(**values: object) -> CommonSettings:
    return CommonSettings.model_validate(values)


def test_with_an_api_key_the_lock_is_the_exchange_account_in_lock_dir(tmp_path: Path) -> None:
    settings = common(account_key="alpha", lock_dir=tmp_path / "locks")
    identity = lock_identity(settings, "key-1", tmp_path / "state.db")
    assert identity.key == account_fingerprint("key-1")
    assert identity.lock_file == (tmp_path / "locks" / f"{identity.key}.lock")
    other_name = lock_identity(
        common(account_key="beta", lock_dir=tmp_path / "locks"), "key-1", None
    )
    assert other_name == identity  # ACCOUNT_KEY and the database do not change the account


def test_without_a_key_the_lock_is_the_account_key_in_this_database(tmp_path: Path) -> None:
    identity = lock_identity(common(account_key="alpha"), None, tmp_path / "state.db")
    assert identity.key == "alpha"
    assert identity.lock_file == tmp_path / "state.db.alpha.lock"
    assert lock_identity(common(account_key="alpha"), None, None).lock_file is None  # PostgreSQL


def test_lock_dir_defaults(tmp_path: Path) -> None:
    assert lock_dir(common(lock_dir=tmp_path), {"XDG_RUNTIME_DIR": "/run/user/7"}) == tmp_path
    assert lock_dir(common(), {"XDG_RUNTIME_DIR": "/run/user/7"}) == Path("/run/user/7/btcbot")
    assert lock_dir(common(), {}) == FALLBACK_LOCK_DIR


async def test_the_heartbeat_thread_keeps_the_row_fresh_on_its_own(
    engine: Engine, tmp_path: Path
) -> None:
    """Nothing else touches the lock: the thread alone moves the heartbeat."""
    now = [1_000_000]
    lock = ProcessLock(engine, clock_ms=lambda: now[0], instance_id="me")
    identity = exchange_account_identity("key-1", tmp_path / "locks")
    lock.acquire(identity, TTL)
    heartbeat = LockHeartbeat(lock, interval_seconds=0.01, ttl_seconds=TTL)
    heartbeat.start()
    try:
        now[0] = 2_000_000
        holder = await eventually(
            lambda: (h := lock.status(identity.key)) is not None and h.heartbeat_ms == now[0] and h
        )
        assert holder.instance_id == "me"
        assert heartbeat.beats >= 1 and not heartbeat.lost
        heartbeat.check()  # does not raise while held
    finally:
        heartbeat.stop()
        lock.release()


async def test_a_force_released_lock_is_lost_at_once_and_says_so(
    engine: Engine, tmp_path: Path
) -> None:
    lock = ProcessLock(engine, instance_id="me")
    identity = exchange_account_identity("key-1", tmp_path / "locks")
    lock.acquire(identity, TTL)
    reasons: list[str] = []
    heartbeat = LockHeartbeat(lock, interval_seconds=0.01, ttl_seconds=TTL, on_lost=reasons.append)
    heartbeat.start()
    try:
        ProcessLock(engine, file_lock=False).force_release(identity.key)
        await eventually(lambda: heartbeat.lost and reasons)  # on_lost runs just after lost
        assert "force-released or taken over" in reasons[0]
        with pytest.raises(LockLost, match="force-released or taken over"):
            heartbeat.check()
    finally:
        heartbeat.stop()
        lock.release()


async def test_an_order_after_a_force_release_is_blocked_before_the_next_heartbeat(
    engine: Engine, tmp_path: Path
) -> None:
    """`lock release --force` on a live holder: the arming check before the very next submit
    reads the lock row, so nothing is sent in the seconds until the heartbeat would notice."""
    lock = ProcessLock(engine, instance_id="me")
    identity = exchange_account_identity("key-1", tmp_path / "locks")
    lock.acquire(identity, TTL)
    reasons: list[str] = []
    heartbeat = LockHeartbeat(lock, interval_seconds=3600, ttl_seconds=TTL, on_lost=reasons.append)
    heartbeat.start()  # its first beat is an hour away
    armed = common(
        dry_run=False,
        kill_switch=False,
        safe_mode=False,
        live_trading=True,
        live_trading_ack=ACK_PHRASE,
    )
    arming = store_backed_arming(
        engine, armed, has_credentials=True, lock_held=heartbeat.still_held
    )
    try:
        assert arming().armed
        ProcessLock(engine, file_lock=False).force_release(identity.key)
        blocked = arming()
        assert not blocked.armed and not blocked.cancel_allowed
        assert blocked.reasons == (BlockReason.LOCK_LOST.value,)
        assert heartbeat.lost and heartbeat.beats == 0  # found by the arming, not a beat
        assert len(reasons) == 1 and "force-released or taken over" in reasons[0]
        assert not arming().armed and len(reasons) == 1  # the run is stopped once
        with pytest.raises(LockLost, match="force-released or taken over"):
            heartbeat.check()
    finally:
        heartbeat.stop()
        lock.release()


class FlakyLock:
    """A lock whose database fails ``failures`` times; each attempt moves the clock 1 s."""

    instance_id = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.now = 0.0
        self.calls = 0

    def heartbeat(self) -> None:
        self.calls += 1
        self.now += 1.0
        if self.calls <= self.failures:
            raise OperationalError("UPDATE process_locks", {}, Exception("database is locked"))

    def monotonic(self) -> float:
        return self.now


async def test_a_heartbeat_that_cannot_reach_the_database_for_a_ttl_gives_the_lock_up() -> None:
    flaky = FlakyLock(failures=1_000)
    reasons: list[str] = []
    heartbeat = LockHeartbeat(
        flaky,
        interval_seconds=0.001,
        ttl_seconds=5,
        on_lost=reasons.append,
        monotonic=flaky.monotonic,
    )
    heartbeat.start()
    try:
        await eventually(lambda: heartbeat.lost)
    finally:
        heartbeat.stop()
    assert flaky.calls == 5  # gave up once 5 s (the TTL) passed without a heartbeat
    assert "could not refresh the single-writer lock for 5s" in reasons[0]


async def test_a_database_hiccup_shorter_than_the_ttl_is_ridden_out() -> None:
    flaky = FlakyLock(failures=3)
    heartbeat = LockHeartbeat(
        flaky, interval_seconds=0.001, ttl_seconds=5, monotonic=flaky.monotonic
    )
    heartbeat.start()
    try:
        await eventually(lambda: heartbeat.beats >= 3)
    finally:
        heartbeat.stop()
    assert not heartbeat.lost
