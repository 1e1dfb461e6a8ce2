"""``btcbot doctor`` and ``btcbot preflight`` against the emulator over loopback and real
SQLite files: every check that talks to the exchange only reads."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from btcbot.commands import probes
from btcbot.commands.slo import slo_checks
from btcbot.domain import OrderMethod, OrderRequest, OrderStatus, Side, Symbol
from btcbot.emulator import Emulator
from btcbot.store import (
    CycleRecord,
    CycleRepository,
    DbRole,
    ExecutionMode,
    OpState,
    OrderRepository,
    open_store,
    unit_of_work,
)
from tests.cli.rig import (
    armed_env,
    closed_port,
    emulator_env,
    isolate,
    paper_env,
    threaded_emulator,
)
from tests.cli.runner import Result, cli


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with threaded_emulator() as emulator:
        yield emulator


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture(autouse=True)
def _never_mutates(emu: Emulator) -> Iterator[None]:
    before = emu.faults.counters.mutating_total
    yield
    assert emu.faults.counters.mutating_total == before, "a doctor check sent an order/cancel"


def doctor(*args: str, env: dict[str, str]) -> Result:
    return cli(*args, env=env)


def checks_of(result: Result) -> dict[str, dict[str, Any]]:
    document = json.loads(result.stdout)
    return {check["name"]: check for check in document["checks"]}


def test_dead_exchange_url_fails_reachability_with_a_clear_message(tmp_path: Path) -> None:
    port = closed_port()
    env = {**paper_env(tmp_path / "state.db"), "BTCTURK_BASE_URL": f"http://127.0.0.1:{port}"}
    result = doctor("doctor", env=env)
    assert result.code == 2, result.output
    assert "FAIL  exchange" in result.stdout
    assert f"unreachable at http://127.0.0.1:{port}" in result.stdout
    assert "check BTCTURK_BASE_URL" in result.stdout
    assert "doctor: FAILED" in result.stdout
    assert not (tmp_path / "state.db").exists(), "the doctor never creates the database"


@pytest.mark.parametrize("stage", ["3", "4", "7"])
def test_armed_doctor_passes_the_credential_check_with_zero_mutating_calls(
    emu: Emulator, tmp_path: Path, stage: str
) -> None:
    balances_before = emu.faults.counters.requests["GET /api/v1/users/balances"]
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db")}
    result = doctor("doctor", "--stage", stage, "--json", env=env)
    assert result.code == 0, result.output
    checks = checks_of(result)
    assert checks["credentials"]["verdict"] == "PASS"
    assert checks["gates"]["detail"].startswith("ARMED")
    assert checks["exchange"]["verdict"] == "PASS"
    assert checks["rules BTC_TRY"]["verdict"] == "PASS"
    assert json.loads(result.stdout)["arming"] == {"armed": True, "reasons": []}
    assert emu.faults.counters.requests["GET /api/v1/users/balances"] == balances_before + 1


def test_armed_preflight_is_ready_and_sends_nothing(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db")}
    result = doctor("preflight", "--stage", "4", env=env)
    assert result.code == 0, result.output
    assert "preflight: OK" in result.stdout
    assert "PASS  credentials" in result.stdout


def test_preflight_fails_when_not_armed_and_names_the_missing_gates(
    emu: Emulator, tmp_path: Path
) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db")}
    assert doctor("doctor", env=env).code == 0  # a dry run is a fine thing to doctor
    result = doctor("preflight", "--json", env=env)
    assert result.code == 2
    gates = checks_of(result)["gates"]
    assert gates["verdict"] == "FAIL"
    for named in ("DRY_RUN", "set DRY_RUN=false", "NOT_ARMED", "set LIVE_TRADING=true"):
        assert named in gates["detail"]
    assert "ACK_MISSING (set LIVE_TRADING_ACK=I_UNDERSTAND)" in gates["detail"]
    assert "NO_CREDENTIALS" in gates["detail"]
    assert "KILL_SWITCH" not in gates["detail"]  # paper_env releases it


def test_default_settings_name_every_gate(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), "STATE_DB_PATH": str(tmp_path / "state.db")}
    result = doctor("preflight", env=env)
    assert result.code == 2
    line = next(x for x in result.stdout.splitlines() if x.startswith("FAIL  gates"))
    for gate in ("DRY_RUN", "KILL_SWITCH", "SAFE_MODE", "NOT_ARMED", "ACK_MISSING"):
        assert gate in line


def test_rejected_credentials_fail_when_armed(emu: Emulator, tmp_path: Path) -> None:
    wrong = base64.b64encode(b"not-the-secret").decode()
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db", secret=wrong)}
    result = doctor("doctor", "--json", env=env)
    assert result.code == 2
    credentials = checks_of(result)["credentials"]
    assert credentials["verdict"] == "FAIL"
    assert "rejected by the exchange" in credentials["detail"]
    assert wrong not in result.output


def test_database_of_the_other_role_fails(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    open_store(f"sqlite:///{db}", DbRole.DRY_RUN).dispose()
    env = {**emulator_env(emu), **armed_env(db)}
    result = doctor("doctor", "--json", env=env)
    assert result.code == 2
    database = checks_of(result)["database"]
    assert database["verdict"] == "FAIL"
    assert "role dry_run but these settings run live" in database["detail"]


def test_runtime_kill_switch_blocks_preflight_but_not_doctor(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    engine = open_store(f"sqlite:///{db}", DbRole.LIVE)
    with unit_of_work(engine) as conn:
        OpState(conn).set_kill_switch(
            "main", active=True, source="reconcile", reason="3 failures", now_ms=1
        )
    engine.dispose()
    env = {**emulator_env(emu), **armed_env(db)}
    looked = doctor("doctor", "--json", env=env)
    assert looked.code == 0, looked.output
    checks = checks_of(looked)
    assert checks["switches"]["verdict"] == "WARN"
    assert "btcbot kill-switch off" in checks["switches"]["detail"]
    assert "RUNTIME_KILL_SWITCH" in checks["gates"]["detail"]
    strict = doctor("preflight", "--json", env=env)
    assert strict.code == 2
    assert checks_of(strict)["switches"]["verdict"] == "FAIL"


def test_budget_below_min_notional_warns_and_fails_preflight(emu: Emulator, tmp_path: Path) -> None:
    env = {
        **emulator_env(emu),
        **armed_env(tmp_path / "state.db"),
        "SYMBOLS": "BTC_TRY",
        "ENTRY_NOTIONAL_TRY": "50",
    }
    looked = doctor("doctor", "--json", env=env)
    assert looked.code == 0
    rules = checks_of(looked)["rules BTC_TRY"]
    assert rules["verdict"] == "WARN"
    assert "per-order budget 50 TRY" in rules["detail"]
    assert "minimum order value 99.91 TRY" in rules["detail"]
    assert doctor("preflight", env=env).code == 2


def test_unlisted_symbol_fails(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db"), "SYMBOLS": "BTC_TRY,DOGE_TRY"}
    result = doctor("doctor", env=env)
    assert result.code == 2
    assert "FAIL  rules DOGE_TRY  not listed on the exchange" in result.stdout


def test_ws_mode_without_a_feed_fails(
    emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probes, "WS_READY_SECONDS", 0.5)
    env = {
        **emulator_env(emu),
        **paper_env(tmp_path / "state.db"),
        "MARKET_DATA_MODE": "ws",
        "BTCTURK_WS_URL": f"ws://127.0.0.1:{closed_port()}/",
    }
    result = doctor("doctor", "--json", env=env)
    assert result.code == 2
    market = checks_of(result)["market data"]
    assert market["verdict"] == "FAIL"
    assert "MARKET_DATA_MODE=ws" in market["detail"]


def test_ws_mode_with_a_live_feed_passes(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db"), "MARKET_DATA_MODE": "ws"}
    result = doctor("doctor", "--json", env=env)
    assert result.code == 0, result.output
    assert checks_of(result)["market data"]["verdict"] == "PASS"


def test_contradictory_gates_fail_the_config_check(tmp_path: Path) -> None:
    env = {"STATE_DB_PATH": str(tmp_path / "s.db"), "LIVE_TRADING": "true", "DRY_RUN": "false"}
    result = doctor("doctor", env=env)
    assert result.code == 2
    assert "FAIL  config" in result.stdout
    assert "LIVE_TRADING_ACK=I_UNDERSTAND" in result.stdout


def _order(conn: Any, coid: str, status: OrderStatus, now: int) -> None:
    request = OrderRequest(
        symbol=Symbol("BTC", "TRY"),
        side=Side.BUY,
        method=OrderMethod.LIMIT,
        client_order_id=coid,
        quantity=Decimal("0.0001"),
        price=Decimal(3_000_000),
    )
    repo = OrderRepository(conn)
    repo.insert_pending(request, mode=ExecutionMode.DRY_RUN, now_ms=now)
    repo.update_status(coid, status, now_ms=now, note="test")


def test_slo_reject_rate_over_recent_cycles(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        assert slo_checks(conn)[0].detail.startswith("no cycles recorded")
        for n in range(4):
            cycle = CycleRecord(f"c{n}", 3, 1_000 + n, ExecutionMode.DRY_RUN, ended_ms=1_100 + n)
            CycleRepository(conn).record(cycle)
        for n, status in enumerate([OrderStatus.OPEN] * 8 + [OrderStatus.REJECTED] * 2):
            _order(conn, f"o{n}", status, 1_001)
        checks = {c.name: c for c in slo_checks(conn)}
    engine.dispose()
    assert checks["slo reject rate"].verdict.value == "FAIL"
    assert "2/10 orders rejected" in checks["slo reject rate"].detail
    assert checks["slo cycle latency"].verdict.value == "PASS"
    assert "slo skipped cycles" not in checks  # not recorded: left out, not passed


def test_schema_newer_than_this_btcbot_fails(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    env = {**emulator_env(emu), **paper_env(db)}
    result = doctor("doctor", "--json", env=env)
    assert result.code == 2
    database = checks_of(result)["database"]
    assert "unknown to this btcbot" in database["detail"]
    assert checks_of(result)["lock"]["verdict"] == "SKIP"


def test_unreadable_database_fails_without_crashing(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    db.write_bytes(b"this is not a sqlite database, just bytes" * 100)
    env = {**emulator_env(emu), **paper_env(db)}
    result = doctor("doctor", "--json", env=env)
    assert result.code == 2, result.output
    database = checks_of(result)["database"]
    assert database["verdict"] == "FAIL"
    assert database["detail"].startswith(f"cannot read {db}: DatabaseError")


def test_ws_mode_fails_when_the_feed_refuses_the_login_the_run_would_make(
    emu: Emulator, tmp_path: Path
) -> None:
    wrong = base64.b64encode(b"wrong-secret").decode()
    env = {
        **emulator_env(emu),
        **armed_env(tmp_path / "state.db", key=emu.demo_account.api_key, secret=wrong),
        "MARKET_DATA_MODE": "ws",
    }
    result = doctor("doctor", "--json", env=env)
    assert result.code == 2
    market = checks_of(result)["market data"]
    assert market["verdict"] == "FAIL", market
    assert "refused the WebSocket login" in market["detail"]
