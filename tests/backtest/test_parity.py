"""Run fingerprints and ``compare_runs``."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from btcbot.backtest import RunDatabaseError, compare_runs, existing_run, read_run
from btcbot.backtest.parity import run_fingerprint
from tests.backtest.conftest import finished_run


async def test_identical_runs_match_wherever_their_files_are(tmp_path: Path) -> None:
    a = await finished_run(tmp_path / "a.db")
    (tmp_path / "elsewhere").mkdir()
    b = await finished_run(tmp_path / "elsewhere" / "b.db")
    result = compare_runs(a, b)
    assert result.match and result.divergence is None
    assert result.cycles_a == result.cycles_b == 48
    assert result.lines()[-1].startswith("MATCH")


async def test_a_copied_database_matches_its_original(tmp_path: Path) -> None:
    a = await finished_run(tmp_path / "a.db")
    shutil.copy(a, tmp_path / "copy.db")
    assert compare_runs(a, tmp_path / "copy.db").match


async def test_different_runs_name_the_first_divergent_cycle(tmp_path: Path) -> None:
    a = await finished_run(tmp_path / "a.db", seed=1)
    b = await finished_run(tmp_path / "b.db", seed=2)
    result = compare_runs(a, b)
    assert not result.match
    assert result.divergence is not None
    divergence = result.divergence
    assert divergence.a is not None and divergence.b is not None
    assert divergence.a.plan_fingerprint != divergence.b.plan_fingerprint
    text = "\n".join(result.lines())
    assert f"first divergence at cycle #{divergence.index + 1}" in text
    assert text.endswith("DIFFER")


async def test_a_shorter_run_diverges_where_it_ends(tmp_path: Path) -> None:
    a = await finished_run(tmp_path / "a.db", hours=48)
    b = await finished_run(tmp_path / "b.db", hours=40)
    result = compare_runs(a, b)
    assert not result.match
    assert result.divergence is not None
    assert result.divergence.index == 40 and result.divergence.b is None


async def test_the_fingerprint_covers_plans_and_balances(tmp_path: Path) -> None:
    a = await finished_run(tmp_path / "a.db")
    with existing_run(a) as engine:
        before = run_fingerprint(read_run(engine))
    connection = sqlite3.connect(a)
    with connection:
        connection.execute("update fills set quantity = '0.00000001' where rowid = 1")
    connection.close()
    with existing_run(a) as engine:
        assert run_fingerprint(read_run(engine)) != before
    connection = sqlite3.connect(a)
    with connection:
        connection.execute("update cycles set summary = '{}', equity = NULL")  # not plans
    connection.close()
    shutil.copy(a, tmp_path / "b.db")
    assert compare_runs(a, tmp_path / "b.db").match


def test_missing_or_foreign_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RunDatabaseError, match="no such database"):
        compare_runs(tmp_path / "nope.db", tmp_path / "nope.db")
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(RunDatabaseError, match=r"empty\.db"):
        compare_runs(empty, empty)
