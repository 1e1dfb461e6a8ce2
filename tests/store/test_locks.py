from __future__ import annotations

import fcntl
import hashlib
import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine
from structlog.testing import capture_logs

from btcbot.store import (
    DbRole,
    Liveness,
    LockConflict,
    LockHolder,
    LockIdentity,
    LockLost,
    LockUnavailable,
    ProcessLock,
    account_fingerprint,
    assess_holder,
    exchange_account_identity,
    open_store,
    sqlite_url,
)
from btcbot.store.locks import FileLock, LockFileRecord, lock_file_for, this_host
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
    for fragment in ("instance first", "pid 4242", "box-1", "12.0s ago", "heartbeat fresh"):
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
    first = lock(engine, clock, "first")
    first.acquire(ACCOUNT, TTL)
    assert lock(engine, clock, "second").acquire("other", TTL).instance_id == "second"
    holders = {key: first.status(key) for key in (ACCOUNT, "other")}
    assert {key: h.instance_id for key, h in holders.items() if h} == {
        ACCOUNT: "first",
        "other": "second",
    }


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
    with pytest.raises(LockConflict, match=r"another process \(pid 4242, instance first\) holds"):
        second.acquire(ACCOUNT, TTL)
    assert second.status(ACCOUNT) is None  # the refused attempt wrote no row
    first.release()
    assert second.acquire(ACCOUNT, TTL).instance_id == "second"
    second.release()


# --- the exchange account's lock -------------------------------------------------------------

API_KEY = "0f3c2a9e-5b1d-4e8f-9a7c-6d2b1e0f4a3c"


def account_lock(
    engine: Engine,
    clock: FakeClock,
    name: str,
    *,
    host: str | None = None,
    pid: int = 4242,
    file_lock: bool = True,
) -> ProcessLock:
    return ProcessLock(
        engine, clock_ms=clock, instance_id=name, pid=pid, host=host, file_lock=file_lock
    )


def test_the_fingerprint_names_the_account_without_revealing_the_key() -> None:
    fingerprint = account_fingerprint(API_KEY)
    assert fingerprint == account_fingerprint(API_KEY)  # stable across processes and hosts
    assert fingerprint != account_fingerprint(API_KEY + "x")
    assert API_KEY not in fingerprint and API_KEY[:8] not in fingerprint
    plain = hashlib.sha256(API_KEY.encode()).hexdigest()
    assert fingerprint.removeprefix("api-") not in plain  # a domain-tagged hash, not sha256(key)
    assert len(fingerprint) <= 64  # fits the lock row's key column


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_same_api_key_is_refused_across_databases_and_account_keys(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    """Two state databases on one host: the DB rows cannot see each other, the host's lock
    file does."""
    other = open_store(sqlite_url(tmp_path / "other.db"), DbRole.DRY_RUN)
    try:
        identity = exchange_account_identity(API_KEY, tmp_path / "locks")
        first = ProcessLock(engine, clock_ms=clock, instance_id="first", account_key="alpha")
        first.acquire(identity, TTL)
        second = ProcessLock(other, clock_ms=clock, instance_id="second", account_key="beta")
        with pytest.raises(LockConflict) as info:
            second.acquire(identity, TTL)
        message = str(info.value)
        assert "instance first" in message and "ACCOUNT_KEY 'alpha'" in message
        assert identity.key in message and API_KEY not in message
        first.release()
        assert second.acquire(identity, TTL).instance_id == "second"
        second.release()
    finally:
        other.dispose()


def test_same_api_key_is_refused_in_one_database_with_another_lock_dir(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    """Different LOCK_DIRs (or hosts): the shared database's row still refuses."""
    first = account_lock(engine, clock, "first")
    first.acquire(exchange_account_identity(API_KEY, tmp_path / "a"), TTL)
    with pytest.raises(LockConflict, match="instance first"):
        account_lock(engine, clock, "second").acquire(
            exchange_account_identity(API_KEY, tmp_path / "b"), TTL
        )
    first.release()


def dead_holder(engine: Engine, clock: FakeClock, identity: LockIdentity, *, host: str) -> None:
    """What a process killed with SIGKILL leaves: its row (fresh heartbeat) and its lock file
    naming it, with no process holding the file any more."""
    ProcessLock(
        engine, clock_ms=clock, instance_id="killed", pid=999_999, host=host, file_lock=False
    ).acquire(identity, TTL)
    assert identity.lock_file is not None
    identity.lock_file.parent.mkdir(parents=True, exist_ok=True)
    record = LockFileRecord(pid=999_999, instance_id="killed", host=host, account_key="main")
    identity.lock_file.write_text(record.to_text(), encoding="utf-8")


def test_a_provably_dead_holder_on_this_host_is_taken_over_at_once(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    dead_holder(engine, clock, identity, host=this_host())
    clock.advance(2)  # well within the TTL
    restarted = account_lock(engine, clock, "restarted")
    with capture_logs() as logs:
        holder = restarted.acquire(identity, TTL)
    assert holder.instance_id == "restarted"
    (event,) = [e for e in logs if e["event"] == "lock_taken_over"]
    assert event["log_level"] == "warning"
    assert (event["old_instance"], event["old_pid"]) == ("killed", 999_999)
    assert "OS file lock" in event["why"]
    restarted.release()


def test_a_crashed_holder_stays_provably_gone_after_others_used_the_lock_file(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    """After the crash a bot of another database took the lock file and released it: the
    file still remembers the crashed instance among its holders."""
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    dead_holder(engine, clock, identity, host=this_host())
    other = open_store(sqlite_url(tmp_path / "other.db"), DbRole.DRY_RUN)
    try:
        passer_by = ProcessLock(other, clock_ms=clock, instance_id="passer-by")
        passer_by.acquire(identity, TTL)
        passer_by.release()
    finally:
        other.dispose()
    view = assess_holder(holder_of(engine, identity), identity.lock_file, clock.now_ms)
    assert view.liveness is Liveness.DEAD and view.takeover_now
    restarted = account_lock(engine, clock, "restarted")
    assert restarted.acquire(identity, TTL).instance_id == "restarted"
    restarted.release()


def test_a_same_host_holder_is_not_taken_over_without_the_lock_file_naming_it(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    """The lock file was wiped (or another LOCK_DIR was used): no proof, so the TTL rule."""
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    dead_holder(engine, clock, identity, host=this_host())
    assert identity.lock_file is not None
    identity.lock_file.unlink()
    clock.advance(2)
    with pytest.raises(LockConflict, match="pid 999999 is not running on this host"):
        account_lock(engine, clock, "restarted").acquire(identity, TTL)
    clock.advance(TTL)
    restarted = account_lock(engine, clock, "restarted")
    assert restarted.acquire(identity, TTL).instance_id == "restarted"
    restarted.release()


def test_a_holder_on_another_host_follows_the_ttl_even_if_the_lock_file_names_it(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    """A lock directory shared between hosts proves nothing about the other host."""
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    dead_holder(engine, clock, identity, host="box-2")
    clock.advance(TTL)
    with pytest.raises(LockConflict, match="on box-2") as info:
        account_lock(engine, clock, "here").acquire(identity, TTL)
    assert "PROCESS_INSTANCE_TTL_SECONDS" in str(info.value)
    clock.advance(0.001)
    here = account_lock(engine, clock, "here")
    with capture_logs() as logs:
        here.acquire(identity, TTL)
    assert [e["old_host"] for e in logs if e["event"] == "lock_taken_over"] == ["box-2"]
    here.release()


# --- looking at a holder (read-only) ----------------------------------------------------------


def holder_of(engine: Engine, identity: LockIdentity) -> LockHolder:
    holder = ProcessLock(engine, file_lock=False).status(identity.key)
    assert holder is not None
    return holder


def test_a_live_local_holder_is_live_and_a_killed_one_is_dead(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    running = account_lock(engine, clock, "running", pid=os.getpid())
    running.acquire(identity, TTL)
    view = assess_holder(holder_of(engine, identity), identity.lock_file, clock.now_ms)
    assert view.liveness is Liveness.LIVE and "holding its lock file" in view.evidence
    running.release()
    dead_holder(engine, clock, identity, host=this_host())
    view = assess_holder(holder_of(engine, identity), identity.lock_file, clock.now_ms)
    assert view.liveness is Liveness.DEAD and view.takeover_now
    assert "released its lock file" in view.evidence


def test_a_local_holder_whose_pid_is_gone_is_dead_but_not_taken_over_by_a_run(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    account_lock(engine, clock, "vanished", pid=999_999, file_lock=False).acquire(identity, TTL)
    view = assess_holder(
        holder_of(engine, identity), identity.lock_file, clock.now_ms, is_running=lambda _: False
    )
    assert view.liveness is Liveness.DEAD and not view.takeover_now
    assert view.evidence == "pid 999999 is not running on this host"
    alive = assess_holder(
        holder_of(engine, identity), identity.lock_file, clock.now_ms, is_running=lambda _: True
    )
    assert alive.liveness is Liveness.LIVE


def test_a_remote_holder_is_judged_by_its_heartbeat_alone(
    engine: Engine, clock: FakeClock, tmp_path: Path
) -> None:
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    account_lock(engine, clock, "remote", host="box-2", file_lock=False).acquire(identity, TTL)
    fresh = assess_holder(holder_of(engine, identity), identity.lock_file, clock.now_ms)
    assert fresh.liveness is Liveness.LIVE and not fresh.takeover_now
    clock.advance(TTL + 1)
    stale = assess_holder(holder_of(engine, identity), identity.lock_file, clock.now_ms)
    assert stale.liveness is Liveness.STALE and stale.takeover_now


def test_looking_creates_no_file(engine: Engine, clock: FakeClock, tmp_path: Path) -> None:
    identity = exchange_account_identity(API_KEY, tmp_path / "locks")
    account_lock(engine, clock, "local", file_lock=False).acquire(identity, TTL)
    assess_holder(holder_of(engine, identity), identity.lock_file, clock.now_ms)
    assert not (tmp_path / "locks").exists()


def test_a_start_is_not_refused_because_someone_looked_at_that_moment(tmp_path: Path) -> None:
    """A read-only probe holds the file shared for an instant; acquiring waits it out."""
    path = tmp_path / "locks" / "api-x.lock"
    path.parent.mkdir()
    path.write_text("", encoding="utf-8")
    looker = path.open("r", encoding="utf-8")
    fcntl.flock(looker.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    done = threading.Timer(0.05, looker.close)  # closing drops the shared lock
    done.start()
    file_lock = FileLock(path)
    try:
        assert file_lock.acquire(LockFileRecord(pid=1, instance_id="me")) == ()
    finally:
        done.join()
        file_lock.release()
    assert LockFileRecord.parse(path.read_text(encoding="utf-8")) == LockFileRecord(
        pid=1, instance_id="me"
    )


def test_an_unwritable_lock_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(LockUnavailable, match="set LOCK_DIR to a local directory"):
        FileLock(blocker / "api-x.lock").acquire(LockFileRecord(pid=1))
