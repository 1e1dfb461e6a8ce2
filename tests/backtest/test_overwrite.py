"""``--overwrite`` replaces the previous run only with a complete one: the new run writes
beside ``--out`` and takes its place in one rename when it completes; a run that fails or is
interrupted leaves the previous database byte for byte and no file of its own. A run killed
before it could clean up (its ``<out>.<pid>.partial`` file) is an unfinished run, and
``report`` / ``parity`` say so instead of showing its figures as a run's."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import run_backtest
from btcbot.backtest import runner as runner_module
from btcbot.runtime.report import CycleReport
from tests.backtest.factories import START, lively, wave_dataset, write_wave
from tests.cli.runner import Result, cli

FAILS_LATE = """
from btcbot.strategy.api import BaseStrategy, DataKind, Requirements


class FailsLate(BaseStrategy):
    def requirements(self, params):
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h")

    def decide(self, view):
        if view.bars(view.symbols[0]) > 20:
            raise RuntimeError("late")
        return []
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """What a run wrote and left (the -wal/-shm a read-only look leaves beside a database are
    SQLite's, empty, and no run's)."""
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


def backtest(data: Path, out: Path, *extra: str) -> Result:
    return cli("backtest", "--data", str(data), "--out", str(out), "--overwrite", *extra)


@pytest.mark.parametrize("engine", ["fast", "db"])
def test_a_failed_overwrite_leaves_the_previous_run_and_no_file_of_its_own(
    workdir: Path, engine: str
) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    out = workdir / "run.db"
    first = backtest(data, out, "--engine", engine)
    assert first.code == 0, first.output
    before = digest(out)
    shutil.copy(out, workdir / "copy.db")
    (workdir / "late.py").write_text(FAILS_LATE)
    failed = backtest(data, out, "--engine", engine, "--strategy", f"{workdir}/late.py:FailsLate")
    assert failed.code == 2 and "RuntimeError: late" in failed.stderr, failed.output
    assert digest(out) == before  # the previous run, byte for byte
    assert leftovers(workdir) == []
    same = cli("parity", str(out), str(workdir / "copy.db"))
    assert same.code == 0 and "MATCH" in same.stdout


def test_a_completed_overwrite_replaces_the_previous_run(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    out = workdir / "run.db"
    assert backtest(data, out).code == 0
    other = backtest(data, out, "--spread-bps", "30", "--engine", "db")
    assert other.code == 0, other.output
    fresh = backtest(data, workdir / "fresh.db", "--spread-bps", "30")
    assert cli("parity", str(out), str(workdir / "fresh.db")).code == 0
    assert leftovers(workdir) == [], fresh.output


class Interrupted(Exception):
    pass


def interrupt_at(cycle: int):  # type: ignore[no-untyped-def]
    seen = 0

    def on_report(report: CycleReport) -> None:
        nonlocal seen
        seen += 1
        if seen == cycle:
            raise Interrupted

    return on_report


async def replay(out: Path, engine: str, *, stop_at: int | None = None) -> None:
    await run_backtest(
        wave_dataset(48),
        stage=3,
        params=lively(3),
        out_db=out,
        starting_balances=START,
        seed=1,
        spread_bps=Decimal(10),
        overwrite=True,
        engine=engine,  # type: ignore[arg-type]
        on_report=None if stop_at is None else interrupt_at(stop_at),
    )


@pytest.mark.parametrize("engine", ["fast", "db"])
async def test_a_run_interrupted_midway_leaves_the_previous_run(
    tmp_path: Path, engine: str
) -> None:
    out = tmp_path / "run.db"
    await replay(out, engine)
    before = digest(out)
    with pytest.raises(Interrupted):
        await replay(out, engine, stop_at=10)
    assert digest(out) == before and leftovers(tmp_path) == []


@pytest.mark.parametrize("engine", ["fast", "db"])
async def test_a_killed_runs_database_is_reported_unfinished(
    workdir: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a kill: the run stops mid-way and nothing of it cleans up after it
    monkeypatch.setattr(runner_module, "_discard", lambda work: None)
    with pytest.raises(Interrupted):
        await replay(workdir / "run.db", engine, stop_at=10)
    said_unfinished(workdir)


def said_unfinished(folder: Path) -> None:
    assert not (folder / "run.db").exists()
    partial = next(iter(sorted(folder.glob("run.db.*.partial"))))
    report = cli("report", str(partial))
    assert report.code == 2, report.output
    assert f"error: {partial} is an unfinished backtest" in report.stderr
    parity = cli("parity", str(partial), str(partial))
    assert parity.code == 2 and "unfinished backtest" in parity.stderr
    assert "MATCH" not in parity.stdout
