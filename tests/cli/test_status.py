"""``btcbot status`` and ``btcbot orders`` show what a dry-run ``btcbot run`` wrote."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.config import load_config
from btcbot.domain import OrderMethod, OrderRequest, Side, Symbol
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.loop import StopSignal, run_cycles
from btcbot.runtime.report import CycleReport
from btcbot.store import (
    DbRole,
    ExecutionMode,
    FillRepository,
    OpState,
    OrderRepository,
    ProcessLock,
    open_store,
    unit_of_work,
)
from btcbot.store.schema import orders
from tests.cli.rig import emulator_env, isolate, paper_env, threaded_emulator
from tests.cli.runner import Result, cli, run_cli

CYCLES = 3


async def _dry_run() -> list[CycleReport]:
    reports: list[CycleReport] = []
    async with open_runtime(load_config(3)) as runtime:
        await run_cycles(
            runtime.runner,
            cycles=CYCLES,
            cycle_seconds=0.0,
            stop=StopSignal(),
            on_report=reports.append,
        )
    return reports


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A state database written by a real dry run of profile 3 against the emulator."""
    workdir = tmp_path_factory.mktemp("ran")
    db = workdir / "state.db"
    with threaded_emulator() as emu, pytest.MonkeyPatch.context() as patch:
        isolate(patch, workdir)
        for name, value in {**emulator_env(emu), **paper_env(db)}.items():
            patch.setenv(name, value)
        filled = asyncio.run(_dry_run())  # entries at the ask: paper fills
        patch.setenv("SYMBOLS", "XRP_TRY,AVAX_TRY")
        patch.setenv("OFFSET_BPS", "0")  # entries at mid in a quiet market: they rest
        resting = asyncio.run(_dry_run())
        reports = filled + resting
        assert sum(r.accepted for r in reports) > 0, [r.line() for r in reports]
        assert emu.faults.counters.mutating_total == 0
        live, fills, _ = stored(db)
        assert live and fills, (live, fills)
        yield db


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)


def env(db: Path) -> dict[str, str]:
    return {"STATE_DB_PATH": str(db)}


def run(*args: str, db: Path, **extra: str) -> Result:
    return cli(*args, env={**env(db), **extra})


def stored(db: Path) -> tuple[Counter[str], int, int]:
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        live = Counter(s.status.value for s in OrderRepository(conn).live_orders())
        fills = len(FillRepository(conn).all())
        total = len(conn.execute(orders.select()).fetchall())
    engine.dispose()
    return live, fills, total


def test_status_shows_the_dry_run(ran: Path) -> None:
    live, fills, _ = stored(ran)
    result = run("status", db=ran)
    assert result.code == 0, result.output
    out = result.stdout
    assert f"state database: {ran} (role dry_run, schema " in out
    assert "last 5 cycle(s):" in out
    assert f"live orders: {sum(live.values())} " in out
    assert f"fills: {fills}" in out
    # the settings the dry run started with (paper_env), not this shell's defaults
    assert "run settings: as started by pid " in out
    assert ": stage 3, DRY RUN (not armed: DRY_RUN, NOT_ARMED" in out
    assert "KILL_SWITCH=false" in out and "SAFE_MODE=false" in out
    assert "kill switch: settings off, runtime off" in out
    assert "health: OK" in out
    assert "lock: free (account 'main')" in out


def test_status_json_matches_the_database(ran: Path) -> None:
    live, fills, _ = stored(ran)
    result = run("status", "--json", "--cycles", "2", db=ran)
    assert result.code == 0, result.output
    view = json.loads(result.stdout)
    assert view["database"]["role"] == "dry_run"
    assert view["database"]["schema"]
    assert len(view["cycles"]) == 2
    assert {c["stage"] for c in view["cycles"]} == {3}
    assert {c["mode"] for c in view["cycles"]} == {"dry_run"}
    assert view["live_orders"] == dict(live)
    assert view["fills"] == fills
    assert view["kill_switch"]["settings"] is False  # as the run started, not the shell's
    assert view["run_settings"]["settings"]["DRY_RUN_TRY_BALANCE"] == "5000"
    assert view["run_settings"]["armed"] is False
    assert view["health"]["status"] == "ok"
    names = {check["name"] for check in view["health"]["checks"]}
    assert names == {"kill_switch", "reconcile", "process"}


def test_orders_lists_live_orders_by_default_and_all_with_all(ran: Path) -> None:
    live, _, total = stored(ran)
    default = json.loads(run("orders", "--json", db=ran).stdout)
    assert len(default) == sum(live.values())
    assert all(o["status"] in live for o in default)
    everything = run("orders", "--all", "--json", db=ran)
    rows = json.loads(everything.stdout)
    assert len(rows) == total
    first = rows[0]
    for key in (
        "client_order_id",
        "exchange_order_id",
        "symbol",
        "side",
        "price",
        "quantity",
        "filled",
        "status",
        "age_s",
        "reason",
    ):
        assert key in first
    assert [o["created"] for o in rows] == sorted((o["created"] for o in rows), reverse=True)
    text = run("orders", "--all", "--limit", "1", db=ran)
    assert text.code == 0
    assert first["client_order_id"] in text.stdout
    assert "1 all order(s)" in text.stdout


def test_orders_filters_by_status(ran: Path) -> None:
    live, _, _ = stored(ran)
    status = next(iter(live))
    rows = json.loads(run("orders", "--status", status.lower(), "--json", db=ran).stdout)
    assert len(rows) == live[status]
    assert {o["status"] for o in rows} == {status}
    bad = run("orders", "--status", "LOST", db=ran)
    assert bad.code == 2
    assert "choose one of" in bad.stderr


def test_status_shows_switches_and_a_stale_lock_as_failing(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    engine = open_store(f"sqlite:///{db}", DbRole.LIVE)
    with unit_of_work(engine) as conn:
        state = OpState(conn)
        state.set_kill_switch("main", active=True, source="operator", reason="maint", now_ms=1)
        state.set_freeze("main", reason="unknown order 42", now_ms=1)
    ProcessLock(engine, file_lock=False, clock_ms=lambda: 1_000, pid=4242, host="box").acquire(
        "main", ttl_seconds=60
    )
    engine.dispose()
    result = run("status", db=db)
    assert result.code == 0, result.output
    out = result.stdout
    assert "role live" in out
    assert "runtime ON" in out
    assert "source operator" in out and "maint" in out
    assert "freeze: ON" in out and "unknown order 42" in out
    assert "pid 4242 on box" in out and "[STALE]" in out
    assert "health: FAILING" in out
    assert "cycles: none recorded yet" in out
    assert "live orders: 0 (none)" in out


def test_missing_database_is_reported_and_not_created(tmp_path: Path) -> None:
    result = run("status", db=tmp_path / "nope.db")
    assert result.code == 2
    assert "no state database at" in result.stderr
    assert not (tmp_path / "nope.db").exists()
    assert run("orders", db=tmp_path / "nope.db").code == 2


def test_status_reports_the_run_settings_not_the_shells(ran: Path) -> None:
    """The operator's shell says KILL_SWITCH=true and another cycle time; status still shows
    what the instance started with."""
    shell = run("status", "--json", db=ran, KILL_SWITCH="true", CYCLE_SECONDS="999")
    view = json.loads(shell.stdout)
    assert view["kill_switch"]["settings"] is False
    assert view["run_settings"]["settings"]["CYCLE_SECONDS"] == "10.0"


def test_status_without_recorded_settings_says_so(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    open_store(f"sqlite:///{db}", DbRole.DRY_RUN).dispose()
    result = run("status", db=db)
    assert result.code == 0, result.output
    assert "run settings: none recorded" in result.stdout
    assert "kill switch: settings ON" in result.stdout  # this shell's default, said so above


def test_real_entry_point_status_json_is_clean_on_stdout(ran: Path, tmp_path: Path) -> None:
    """Smoke test through ``python -m btcbot``: logs never mix into the JSON on stdout."""
    result = run_cli("status", "--json", cwd=tmp_path, env=env(ran))
    assert result.code == 0, result.output
    assert json.loads(result.stdout)["database"]["role"] == "dry_run"


def test_orders_shows_a_stop_orders_stop_price(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    engine = open_store(f"sqlite:///{db}", DbRole.LIVE)
    stop = OrderRequest(
        Symbol("BTC", "TRY"),
        Side.SELL,
        OrderMethod.STOP_MARKET,
        "kstop-BTCTRY-s0",
        quantity=Decimal("0.001"),
        stop_price=Decimal("2900000"),
    )
    with unit_of_work(engine) as conn:
        OrderRepository(conn).insert_pending(
            stop, mode=ExecutionMode.LIVE, now_ms=1, reason="protective_stop"
        )
    engine.dispose()
    table = run("orders", db=db)
    assert table.code == 0, table.output
    assert "stop@2900000" in table.stdout, table.stdout
    listed = json.loads(run("orders", "--json", db=db).stdout)
    assert listed[0]["stop_price"] == "2900000", listed


def test_a_missing_database_named_by_url_names_the_url_setting_first(tmp_path: Path) -> None:
    """It said 'set STATE_DB_URL (or STATE_DB_URL)'."""
    missing = tmp_path / "nope.db"
    result = cli("status", env={"STATE_DB_URL": f"sqlite:///{missing}"})
    assert result.code == 2, result.output
    assert f"no state database at {missing}: set STATE_DB_URL (or STATE_DB_PATH)" in result.stderr
    plain = run("status", db=missing)
    assert "set STATE_DB_PATH (or STATE_DB_URL)" in plain.stderr
