"""Kill switch, freeze, degrade override and lock commands against a real SQLite store,
through `btcbot.cli` in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.store import DbRole, OpState, ProcessLock, open_store, unit_of_work
from tests.cli.runner import cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "state.db"
    open_store(f"sqlite:///{path}", DbRole.DRY_RUN).dispose()
    return path


def env(db: Path) -> dict[str, str]:
    return {"STATE_DB_PATH": str(db)}


def test_missing_database_is_a_clear_config_error(tmp_path: Path) -> None:
    result = cli("kill-switch", "status", cwd=tmp_path, env={"STATE_DB_PATH": "nope.db"})
    assert result.code == 2
    assert "no state database at nope.db" in result.stderr


def test_kill_switch_on_status_off(db: Path, tmp_path: Path) -> None:
    on = cli("kill-switch", "on", "--reason", "maintenance", cwd=tmp_path, env=env(db))
    assert on.code == 0, on.output
    status = cli("kill-switch", "status", cwd=tmp_path, env=env(db))
    assert "runtime kill switch:  ON" in status.stdout
    assert "maintenance" in status.stdout
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        assert OpState(conn).get("main").kill_switch is True
    off = cli("kill-switch", "off", "--yes", cwd=tmp_path, env=env(db))
    assert off.code == 0
    assert "settings KILL_SWITCH=true still blocks" in off.stdout
    with unit_of_work(engine) as conn:
        assert OpState(conn).get("main").kill_switch is False


def test_kill_switch_off_without_confirmation_changes_nothing(db: Path, tmp_path: Path) -> None:
    cli("kill-switch", "on", cwd=tmp_path, env=env(db))
    refused = cli("kill-switch", "off", cwd=tmp_path, env=env(db), input_text="n\n")
    assert refused.code != 0
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        assert OpState(conn).get("main").kill_switch is True


def test_freeze_clear_requires_confirmation(db: Path, tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        OpState(conn).set_freeze("main", reason="unknown order 42", now_ms=1)
    assert "unknown order 42" in cli("freeze", "status", cwd=tmp_path, env=env(db)).stdout
    assert cli("freeze", "clear", "--yes", cwd=tmp_path, env=env(db)).code == 0
    assert "freeze: off" in cli("freeze", "status", cwd=tmp_path, env=env(db)).stdout


def test_degrade_override_and_clear(db: Path, tmp_path: Path) -> None:
    forced = cli(
        "degrade",
        "override",
        "--mode",
        "OBSERVE_ONLY",
        "--reason",
        "exchange incident",
        cwd=tmp_path,
        env=env(db),
    )
    assert forced.code == 0, forced.output
    status = cli("degrade", "status", cwd=tmp_path, env=env(db)).stdout
    assert "OBSERVE_ONLY" in status
    assert "exchange incident" in status
    kept = cli("degrade", "clear", cwd=tmp_path, env=env(db), input_text="n\n")
    assert kept.code == 1 and "let the risk layer decide" in kept.output  # asked, declined
    assert "OBSERVE_ONLY" in cli("degrade", "status", cwd=tmp_path, env=env(db)).stdout
    cli("degrade", "clear", cwd=tmp_path, env=env(db), input_text="y\n")
    assert "none" in cli("degrade", "status", cwd=tmp_path, env=env(db)).stdout


def test_lock_release_refuses_a_fresh_holder_without_force(db: Path, tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    ProcessLock(engine, file_lock=False, pid=4242, host="box").acquire("main", ttl_seconds=600)
    status = cli("lock", "status", cwd=tmp_path, env=env(db))
    assert "4242" in status.stdout
    assert "live" in status.stdout
    refused = cli("lock", "release", "--yes", cwd=tmp_path, env=env(db))
    assert refused.code == 2
    assert "heartbeat is fresh" in refused.stderr
    forced = cli("lock", "release", "--yes", "--force", cwd=tmp_path, env=env(db))
    assert forced.code == 0
    assert "lock: free" in cli("lock", "status", cwd=tmp_path, env=env(db)).stdout


def test_entries_stop_status_resume_are_audited_as_the_cli_user(db: Path, tmp_path: Path) -> None:
    from sqlalchemy import select

    from btcbot.store.schema import operator_audit

    stop = cli("entries", "stop", "--reason", "news", cwd=tmp_path, env=env(db))
    assert stop.code == 0 and "new entries stopped" in stop.stdout
    status = cli("entries", "status", cwd=tmp_path, env=env(db))
    assert "STOPPED" in status.stdout and "news" in status.stdout
    shown = cli("status", cwd=tmp_path, env=env(db))
    assert "NEW ENTRIES STOPPED" in shown.stdout and "btcbot entries resume" in shown.stdout
    refused = cli("entries", "resume", cwd=tmp_path, env=env(db), input_text="n\n")
    assert refused.code != 0
    resume = cli("entries", "resume", "--yes", cwd=tmp_path, env=env(db))
    assert resume.code == 0
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        assert OpState(conn).get("main").stop_entries is False
        rows = list(conn.execute(select(operator_audit).order_by(operator_audit.c.audit_id)))
    engine.dispose()
    assert [(r.action, r.outcome) for r in rows] == [
        ("stop_entries", "done"),
        ("resume_entries", "done"),
    ]
    assert all(r.actor.startswith("cli:") for r in rows)
