"""``btcbot status`` and ``btcbot orders`` show what a dry-run ``btcbot run`` wrote."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from btcbot.commands.orders import orders_command
from btcbot.commands.status import status_command
from btcbot.config import load_config
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.loop import StopSignal, run_cycles
from btcbot.runtime.report import CycleReport
from btcbot.store import (
    DbRole,
    FillRepository,
    OpState,
    OrderRepository,
    ProcessLock,
    open_store,
    unit_of_work,
)
from btcbot.store.schema import orders
from tests.cli.rig import (
    emulator_env,
    invoke,
    isolate,
    paper_env,
    registered,
    threaded_emulator,
)
from tests.cli.runner import Result, run_cli

CYCLES = 3

app = typer.Typer()
app.command("status")(status_command)
app.command("orders")(orders_command)


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


def run(*args: str, db: Path) -> Result:
    return invoke(app, list(args), env(db))


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
    assert "kill switch: settings ON, runtime off" in out  # KILL_SWITCH defaults to true
    assert "health: DEGRADED" in out
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
    assert view["kill_switch"]["settings"] is True
    assert view["health"]["status"] == "degraded"
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


@pytest.mark.skipif(not registered("status"), reason="btcbot.cli does not register status yet")
def test_real_entry_point_status(ran: Path, tmp_path: Path) -> None:
    result = run_cli("status", "--json", cwd=tmp_path, env=env(ran))
    assert result.code == 0, result.output
    assert json.loads(result.stdout)["database"]["role"] == "dry_run"


@pytest.mark.skipif(not registered("orders"), reason="btcbot.cli does not register orders yet")
def test_real_entry_point_orders(ran: Path, tmp_path: Path) -> None:
    _, _, total = stored(ran)
    result = run_cli("orders", "--all", "--json", cwd=tmp_path, env=env(ran))
    assert result.code == 0, result.output
    assert len(json.loads(result.stdout)) == total
