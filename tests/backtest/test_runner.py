"""Backtests of every profile through the live cycle runner on a replayed exchange."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import (
    BacktestResult,
    BacktestSetupError,
    UnknownSymbolRules,
    run_backtest,
)
from btcbot.backtest.parity import nonzero
from btcbot.config.params import Profile3Params, ProfileParams, ProtectiveStopParams
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset
from btcbot.runtime.report import CycleReport
from btcbot.store import DbRole, make_engine, open_store, peek_role, sqlite_url
from tests.backtest.factories import (
    BTC_TRY,
    HOUR_MS,
    START,
    T0,
    lively,
    wave_dataset,
    wave_series,
)

D = Decimal
HOURS = 96


async def backtest(
    out: Path,
    stage: int = 3,
    *,
    seed: int = 1,
    params: ProfileParams | None = None,
    dataset: ReplayDataset | None = None,
    **options: object,
) -> BacktestResult:
    return await run_backtest(
        dataset or wave_dataset(HOURS),
        stage=stage,
        params=params or lively(stage),
        out_db=out,
        starting_balances=START,
        seed=seed,
        spread_bps=D(10),
        **options,  # type: ignore[arg-type]
    )


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def table(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("stage", [3, 4, 7])
async def test_each_profile_trades_end_to_end_and_the_ledger_equals_the_venue(
    stage: int, tmp_path: Path
) -> None:
    reports: list[CycleReport] = []
    out = tmp_path / "run.db"
    result = await backtest(out, stage, on_report=reports.append)
    summary = result.summary
    assert result.cycles == len(reports) == HOURS  # first close .. last close
    assert result.exhausted and result.skipped == 0, [r.line() for r in reports if r.skipped]
    assert all(r.execution == "replay" and r.stage == stage for r in reports)
    assert summary.cycles == HOURS and summary.planned_submits > 0
    assert summary.fills > 0 and summary.buys > 0 and summary.sells > 0
    assert summary.orders == sum(summary.orders_by_status.values()) > 0
    # the ledger (baseline + every booked fill) explains the replayed venue's balances
    assert summary.final_balances == nonzero(result.venue_balances)
    assert summary.final_balances != START
    fees = sum(summary.fees.values(), D(0))
    assert fees > 0
    assert summary.initial_equity == D(10_000) and summary.final_equity is not None
    assert summary.max_drawdown >= 0 and summary.modes
    engine = make_engine(sqlite_url(out))
    try:
        assert peek_role(engine) is DbRole.REPLAY
    finally:
        engine.dispose()
    modes = table(out, "select distinct mode from orders union select distinct mode from cycles")
    assert modes == [("replay",)]
    assert table(out, "select count(*) from cycles where plan_fingerprint is null") == [(0,)]
    # the cycle runner completes each row with its outcome: the equity curve is in the file
    assert table(out, "select count(*) from cycles where equity is null") == [(0,)]


async def test_same_inputs_give_identical_databases_and_fingerprints(tmp_path: Path) -> None:
    first = await backtest(tmp_path / "a.db")
    second = await backtest(tmp_path / "b.db")
    assert first.summary.fingerprint == second.summary.fingerprint
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")  # ids, timestamps, everything


@pytest.mark.parametrize("stage", [3, 4])
async def test_another_seed_changes_the_fingerprint(stage: int, tmp_path: Path) -> None:
    one = await backtest(tmp_path / "one.db", stage, seed=1)
    two = await backtest(tmp_path / "two.db", stage, seed=2)
    assert one.summary.fingerprint != two.summary.fingerprint


async def test_another_parameter_changes_the_fingerprint(tmp_path: Path) -> None:
    params = lively(3)
    assert isinstance(params, Profile3Params)
    tighter = replace(params, strategy=replace(params.strategy, offset_bps=D(5)))
    base = await backtest(tmp_path / "base.db", params=params)
    changed = await backtest(tmp_path / "changed.db", params=tighter)
    assert base.summary.fingerprint != changed.summary.fingerprint


async def test_window_step_and_cycle_limit(tmp_path: Path) -> None:
    start, end = T0 + 10 * HOUR_MS, T0 + 40 * HOUR_MS
    window = await backtest(tmp_path / "w.db", start_ms=start, end_ms=end, step_bars=3)
    assert window.start_ms == start and not window.exhausted
    started = [row[0] for row in table(tmp_path / "w.db", "select started_ms from cycles")]
    assert started == list(range(start, end + 1, 3 * HOUR_MS))
    limited = await backtest(tmp_path / "l.db", max_cycles=5)
    assert limited.cycles == 5 and not limited.exhausted
    assert limited.final_ms == T0 + 6 * HOUR_MS  # the last cycle's step still trades


async def test_an_existing_database_is_never_overwritten_unless_asked(tmp_path: Path) -> None:
    out = tmp_path / "run.db"
    assert (await backtest(out, max_cycles=3)).summary.cycles == 3
    with pytest.raises(BacktestSetupError, match="already exists"):
        await backtest(out, max_cycles=2)
    result = await backtest(out, max_cycles=2, overwrite=True)  # its own (replay) database
    assert result.summary.cycles == 2


async def test_overwrite_never_replaces_a_file_a_backtest_did_not_write(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    with pytest.raises(BacktestSetupError, match="is not a SQLite database"):
        await backtest(text, max_cycles=2, overwrite=True)
    assert text.read_text() == "not a database"
    for role in (DbRole.LIVE, DbRole.DRY_RUN):
        state = tmp_path / f"{role.value}.db"
        open_store(sqlite_url(state), role).dispose()
        before = state.read_bytes()
        with pytest.raises(BacktestSetupError, match=f"is a {role.value} state database"):
            await backtest(state, max_cycles=2, overwrite=True)
        assert state.read_bytes() == before
    empty = tmp_path / "empty.db"
    empty.touch()
    assert (await backtest(empty, max_cycles=2, overwrite=True)).summary.cycles == 2


async def test_bad_inputs_are_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "run.db"
    with pytest.raises(BacktestSetupError, match="stage 4"):
        await backtest(out, 4, params=lively(3))
    with pytest.raises(BacktestSetupError, match="traded symbols"):
        await backtest(out, symbols=(Symbol("ETH", "TRY"),))
    with pytest.raises(BacktestSetupError, match="window"):
        await backtest(out, start_ms=T0 + 50 * HOUR_MS, end_ms=T0 + 20 * HOUR_MS)
    with pytest.raises(BacktestSetupError, match="is a directory"):
        await backtest(tmp_path, overwrite=True)
    assert not out.exists()
    out.write_text("kept")
    odd = ReplayDataset.of(wave_series(10, symbol=Symbol("DOGE", "TRY")))
    with pytest.raises(UnknownSymbolRules, match="DOGE_TRY"):
        await backtest(out, dataset=odd, overwrite=True)
    assert out.read_text() == "kept"


async def test_two_symbols_replay_together(tmp_path: Path) -> None:
    eth = wave_series(48, symbol=Symbol("ETH", "TRY"), base=100_000, volume="0.5", seed=3)
    dataset = ReplayDataset.of(wave_series(48), eth)
    result = await backtest(tmp_path / "two.db", 7, dataset=dataset)
    assert result.summary.final_balances == nonzero(result.venue_balances)
    traded = table(tmp_path / "two.db", "select distinct symbol from fills order by 1")
    assert [row[0] for row in traded] == ["BTC_TRY", "ETH_TRY"]
    assert set(result.final_marks) == {BTC_TRY, Symbol("ETH", "TRY")}


async def test_protective_stops_trade_in_a_backtest_and_the_ledger_still_holds(
    tmp_path: Path,
) -> None:
    """With PROTECTIVE_STOP_BPS the replay places stop-market sells under each position; the
    wave's dips trigger some, and every fill (stops included) is booked exactly."""
    base = lively(3)
    assert isinstance(base, Profile3Params)
    params = replace(base, protective_stop=ProtectiveStopParams(bps=D(100)))
    out = tmp_path / "stops.db"
    result = await backtest(out, params=params)
    assert result.skipped == 0
    stops = table(
        out,
        "select status, count(*) from orders where method = 'stopmarket' group by status",
    )
    by_status = dict(stops)
    assert by_status.get("FILLED", 0) > 0, stops  # a dip sold a position on the exchange
    stop_fills = table(
        out,
        "select count(*) from fills join orders on fills.order_id = orders.exchange_order_id "
        "where orders.method = 'stopmarket'",
    )
    assert stop_fills[0][0] > 0
    assert result.summary.final_balances == nonzero(result.venue_balances)
    again = await backtest(tmp_path / "again.db", params=params)
    assert again.summary.fingerprint == result.summary.fingerprint
