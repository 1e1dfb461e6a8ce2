"""``btcbot report`` on a dry-run state database written by a real ``btcbot run`` cycle loop
against the emulator: "what did the bot do?", read-only."""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from btcbot.cli import app
from btcbot.config import load_config
from btcbot.domain import Fill, Side, Symbol
from btcbot.obs.logging import reset_logging
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.loop import StopSignal, run_cycles
from btcbot.runtime.report import CycleReport
from btcbot.store import DbRole, FillRepository, open_store, sqlite_url, unit_of_work
from tests.cli.rig import emulator_env, isolate, paper_env, threaded_emulator
from tests.cli.runner import Result

CYCLES = 4
EMPTY = hashlib.sha256(b"").hexdigest()


async def _dry_run() -> list[CycleReport]:
    reports: list[CycleReport] = []
    async with open_runtime(load_config(3)) as runtime:
        await run_cycles(
            runtime.runner, cycles=CYCLES, cycle_seconds=0.0, stop=StopSignal(),
            on_report=reports.append,
        )  # fmt: skip
    return reports


@pytest.fixture(scope="module")
def state_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("dry")
    db = workdir / "state.db"
    with threaded_emulator() as emu, pytest.MonkeyPatch.context() as patch:
        isolate(patch, workdir)
        for name, value in {**emulator_env(emu), **paper_env(db)}.items():
            patch.setenv(name, value)
        reports = asyncio.run(_dry_run())
        assert sum(r.fills for r in reports) > 0, [r.line() for r in reports]
    return db


def btcbot(*args: str, env: dict[str, str] | None = None) -> Result:
    try:
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    finally:
        reset_logging()
    return Result(result.exit_code, result.stdout, result.stderr)


def files(db: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in db.parent.iterdir()
        if p.name.startswith(db.name) and not p.name.endswith("-shm")
    }


def test_the_configured_state_database_is_reported_read_only(
    state_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(monkeypatch, tmp_path)
    before = files(state_db)
    result = btcbot("report", "--format", "json", env={"STATE_DB_PATH": str(state_db)})
    assert result.code == 0, result.output
    report = json.loads(result.stdout)
    assert report["role"] == "dry_run" and report["stage"] is None  # no backtest manifest
    assert report["figures"]["fills"] == len(report["fills"]) > 0
    assert report["figures"]["samples"] == CYCLES
    assert not any("fill prices only" in note for note in report["notes"])  # no chart in it
    after = files(state_db)
    assert {name: after[name] for name in before} == before  # not one byte written
    created = set(after) - set(before)  # a SQLite reader may add an empty WAL beside it
    assert created <= {"state.db-wal"} and all(after[n] == EMPTY for n in created)
    text = btcbot("report", str(state_db), "--last", "7d")
    assert text.code == 0 and "role dry_run, account main" in text.stdout, text.output
    html = btcbot("report", str(state_db), "--format", "html", "--out", str(tmp_path / "r.html"))
    assert html.code == 0, html.output
    page = (tmp_path / "r.html").read_text()
    assert 'id="price-trace-buys-' in page and "<script" not in page
    assert "the price chart shows fill prices only" in page  # a live database names no data


def test_without_a_database_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(monkeypatch, tmp_path)
    result = btcbot("report", env={"STATE_DB_PATH": str(tmp_path / "state.db")})
    assert result.code == 2 and "no state database at" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_foreign_fills_stay_out_of_the_report(
    state_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(monkeypatch, tmp_path)
    copy = tmp_path / "copy.db"
    shutil.copy(state_db, copy)
    engine = open_store(sqlite_url(copy), DbRole.DRY_RUN)
    foreign = Fill(
        9_000_000_000_000_000_001,
        777_777,
        None,
        Symbol("BTC", "TRY"),
        Side.BUY,
        Decimal(1_000_000),
        Decimal(1),
        Decimal(5),
        Decimal(1),
        1_704_067_200_000,
    )
    with unit_of_work(engine) as conn:
        FillRepository(conn).insert(foreign, now_ms=1)
    engine.dispose()
    plain = json.loads(btcbot("report", str(state_db), "--format", "json").stdout)
    report = json.loads(btcbot("report", str(copy), "--format", "json").stdout)
    assert report["figures"] == plain["figures"] and report["fills"] == plain["fills"]
    assert any("1 fill(s) of orders the agent did not place" in n for n in report["notes"])
