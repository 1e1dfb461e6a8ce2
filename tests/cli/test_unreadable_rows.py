"""An order row edited by hand or damaged on disk is named, not a traceback: ``status`` reads
everything else and fails its health on the row, ``orders`` lists the others and exits 2 with
one error line naming it (the API: ``tests/api/test_serve.py``)."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.domain import Fill, OrderMethod, OrderRequest, Side, Symbol
from btcbot.store import (
    DbRole,
    ExecutionMode,
    FillRepository,
    OrderRepository,
    make_engine,
    open_store,
    sqlite_url,
    unit_of_work,
)
from tests.cli.runner import Result, cli
from tests.helpers import free_port, isolate_settings

GOOD, BAD = "k1-BTCTRY-b0", "k1-ETHTRY-b1"
NOW = 1_700_000_000_000

# what was put into the bad row, and what the error says about it
DAMAGE = {
    "price": ("price = 'abc'", "price: not a decimal amount: 'abc'"),
    "quantity NaN": ("quantity = 'NaN'", "quantity: not a finite amount: 'NaN'"),
    "filled Infinity": ("filled_quantity = 'Infinity'", "filled_quantity: not a finite amount"),
    "side": ("side = 'up'", "'up' is not a valid Side"),
    "method": ("method = 'foo'", "'foo' is not a valid OrderMethod"),
    "created_ms text": ("created_ms = 'zz'", "created_ms: 'zz' is not an integer"),
}


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_settings(tmp_path, monkeypatch)


def with_orders(db: Path, damage: str) -> Path:
    """A live database with two open orders, one of them then damaged by ``damage`` (SQL)."""
    open_store(f"sqlite:///{db}", DbRole.LIVE).dispose()
    add_orders(db, damage)
    return db


def add_orders(db: Path, damage: str) -> None:
    """Two open orders into the state database ``db``; then ``damage`` (SQL) to the second."""
    engine = make_engine(sqlite_url(db))
    try:
        with unit_of_work(engine) as conn:
            repository = OrderRepository(conn)
            for coid, base in ((GOOD, "BTC"), (BAD, "ETH")):
                request = OrderRequest(
                    symbol=Symbol(base, "TRY"),
                    side=Side.BUY,
                    method=OrderMethod.LIMIT,
                    client_order_id=coid,
                    quantity=Decimal("0.001"),
                    price=Decimal("100000"),
                )
                repository.insert_pending(request, mode=ExecutionMode.LIVE, now_ms=NOW, reason=None)
    finally:
        engine.dispose()
    raw = sqlite3.connect(db)
    try:
        with raw:
            raw.execute(f"UPDATE orders SET {damage} WHERE client_order_id = ?", (BAD,))
    finally:
        raw.close()


def run(*args: str, db: Path) -> Result:
    return cli(*args, env={"STATE_DB_PATH": str(db)})


@pytest.mark.parametrize("damage", DAMAGE, ids=str)
def test_status_names_an_unreadable_order_row_and_reads_the_rest(
    damage: str, tmp_path: Path
) -> None:
    sql, problem = DAMAGE[damage]
    db = with_orders(tmp_path / "state.db", sql)
    shown = run("status", db=db)
    assert shown.code == 0, shown.output
    assert "Traceback" not in shown.output
    assert "health: FAILING" in shown.stdout
    assert f"unreadable order row {BAD}: {problem}" in shown.stdout
    assert "live orders: 1 (PENDING_SUBMIT 1), 1 unreadable" in shown.stdout

    document = json.loads(run("status", "--json", db=db).stdout)
    assert document["live_orders"] == {"PENDING_SUBMIT": 1}
    [row] = document["unreadable_orders"]
    assert row["client_order_id"] == BAD and problem in row["problem"]
    check = next(c for c in document["health"]["checks"] if c["name"] == "orders")
    assert check["status"] == "failing" and BAD in check["detail"]


@pytest.mark.parametrize("damage", DAMAGE, ids=str)
def test_orders_lists_the_readable_rows_and_names_the_unreadable_one(
    damage: str, tmp_path: Path
) -> None:
    sql, problem = DAMAGE[damage]
    db = with_orders(tmp_path / "state.db", sql)
    listed = run("orders", "--all", "--json", db=db)
    assert "Traceback" not in listed.output
    rows = json.loads(listed.stdout)
    if damage in ("side", "method"):  # shown as stored: a listing does not interpret them
        assert listed.code == 0, listed.output
        assert {r["client_order_id"] for r in rows} == {GOOD, BAD}
        return
    assert listed.code == 2, listed.output
    assert [r["client_order_id"] for r in rows] == [GOOD]
    [line] = listed.stderr.strip().splitlines()
    assert line.startswith("error: 1 order row(s) in the state database cannot be read")
    assert f"{BAD}: {problem}" in line


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A live database with cycles, run settings and a risk state: a short demo's."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        isolate_settings(folder, patch)
        made = cli("demo", "--cycles", "2", "--cycle-seconds", "0", cwd=folder)
    assert made.code == 0, made.output
    return folder / ".btcbot-demo" / "state.db"


def damaged_copy(demo_db: Path, into: Path, sql: str) -> Path:
    db = into / "state.db"
    db.write_bytes(demo_db.read_bytes())
    raw = sqlite3.connect(db)
    try:
        with raw:
            raw.execute(sql)
    finally:
        raw.close()
    return db


NEWEST_CYCLE = "(SELECT cycle_id FROM cycles ORDER BY started_ms DESC, cycle_id DESC LIMIT 1)"
DAMAGED_ELSEWHERE = {
    "cycle equity": (
        f"UPDATE cycles SET equity = 'abc' WHERE cycle_id = {NEWEST_CYCLE}",
        "cycles",
        "equity: not a decimal amount: 'abc'",
    ),
    "cycle summary": (
        f"UPDATE cycles SET summary = '{{bad' WHERE cycle_id = {NEWEST_CYCLE}",
        "cycles",
        "summary: not JSON",
    ),
    "cycle start": (
        f"UPDATE cycles SET started_ms = 'x' WHERE cycle_id = {NEWEST_CYCLE}",
        "cycles",
        "started_ms: 'x' is not an integer",
    ),
    "risk state": (
        "UPDATE risk_state SET state = '{bad' WHERE account_key = 'main'",
        "risk_state",
        "the risk state of account 'main' cannot be read",
    ),
    "run settings": (
        "UPDATE risk_state SET state = '[1' WHERE account_key = 'main:run-settings'",
        "run_settings",
        "the recorded run settings of account 'main' cannot be read",
    ),
}


@pytest.mark.parametrize("damage", DAMAGED_ELSEWHERE, ids=str)
def test_status_names_an_unreadable_cycle_or_state_document_and_shows_the_rest(
    damage: str, demo_db: Path, tmp_path: Path
) -> None:
    sql, check_name, problem = DAMAGED_ELSEWHERE[damage]
    db = damaged_copy(demo_db, tmp_path, sql)
    for args in (("status",), ("degrade", "status")):
        shown = run(*args, db=db)
        assert shown.code == 0, shown.output
        assert "Traceback" not in shown.output
    document = json.loads(run("status", "--json", db=db).stdout)
    assert document["health"]["status"] == "failing"
    check = next(c for c in document["health"]["checks"] if c["name"] == check_name)
    assert check["status"] == "failing" and problem in check["detail"], check
    assert document["cycles"], "the readable cycles are still listed"


def test_an_unknown_database_role_is_one_error_line(demo_db: Path, tmp_path: Path) -> None:
    db = damaged_copy(demo_db, tmp_path, "UPDATE meta SET value = 'weird' WHERE key = 'db_role'")
    for args in (("status",), ("kill-switch", "status"), ("kill-switch", "on")):
        result = run(*args, db=db)
        assert result.code == 2, (args, result.output)
        assert "Traceback" not in result.output
        [line] = result.stderr.strip().splitlines()
        assert "stamped with role 'weird', which is not one of btcbot's" in line, line


TRADES = (2**60 + 1, 2**60 + 2)  # the second is damaged


def add_fills(db: Path, damage: str) -> None:
    """Two fills of our order GOOD (its client id: no exchange id yet) into ``db``; then
    ``damage`` (SQL) to the second."""
    engine = make_engine(sqlite_url(db))
    try:
        with unit_of_work(engine) as conn:
            for at, trade in enumerate(TRADES):
                fill = Fill(
                    trade_id=trade,
                    order_id=7,
                    client_order_id=GOOD,
                    symbol=Symbol("BTC", "TRY"),
                    side=Side.BUY,
                    price=Decimal("100000"),
                    quantity=Decimal("0.0005"),
                    fee=Decimal("0.1"),
                    tax=Decimal("0"),
                    timestamp_ms=NOW + at,
                )
                FillRepository(conn).insert(fill, now_ms=NOW + at)
    finally:
        engine.dispose()
    raw = sqlite3.connect(db)
    try:
        with raw:
            raw.execute(f"UPDATE fills SET {damage} WHERE trade_id = ?", (str(TRADES[1]),))
    finally:
        raw.close()


def test_a_damaged_fill_makes_the_ledger_one_error_line_naming_it(tmp_path: Path) -> None:
    db = with_orders(tmp_path / "state.db", "reason = 'untouched'")
    add_fills(db, "price = 'abc'")
    ledger = run("ledger", "status", db=db)
    assert ledger.code == 2, ledger.output
    assert "Traceback" not in ledger.output
    [line] = ledger.stderr.strip().splitlines()
    assert f"fill {TRADES[1]} in the state database cannot be read (price: not a decimal" in line
    assert run("status", db=db).code == 0


def test_doctor_measures_the_slos_without_a_damaged_cycle_and_names_it(
    demo_db: Path, tmp_path: Path
) -> None:
    sql, _, problem = DAMAGED_ELSEWHERE["cycle equity"]
    db = damaged_copy(demo_db, tmp_path, sql)
    env = {
        "STATE_DB_PATH": str(db),
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{free_port()}",
        "BTCTURK_REST_MAX_RETRIES": "0",
    }
    result = cli("doctor", "--json", env=env)
    assert "Traceback" not in result.output
    assert result.code == 2, result.output  # the exchange is down, and the row
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["slo cycles"]["verdict"] == "FAIL" and problem in checks["slo cycles"]["detail"]
    assert checks["slo cycle latency"]["verdict"] == "PASS"


@pytest.mark.parametrize(
    "sql",
    [
        DAMAGED_ELSEWHERE["cycle equity"][0],
        DAMAGED_ELSEWHERE["cycle start"][0],  # a text time: a TypeError in the figures
        "UPDATE risk_state SET state = '{bad' WHERE account_key = 'main:ledger-baseline'",
    ],
    ids=["cycle equity", "cycle start", "ledger baseline"],
)
def test_report_over_a_damaged_row_is_one_error_line(
    sql: str, demo_db: Path, tmp_path: Path
) -> None:
    db = damaged_copy(demo_db, tmp_path, sql)
    result = run("report", db=db)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: the state database holds a row that cannot be read"), line


def test_a_run_over_an_unreadable_live_order_does_not_start_and_names_it(
    tmp_path: Path,
) -> None:
    """It was a MoneyError traceback from the first read of the live orders."""
    db = tmp_path / "state.db"
    open_store(f"sqlite:///{db}", DbRole.DRY_RUN).dispose()
    sql, problem = DAMAGE["price"]
    add_orders(db, sql)
    env = {
        "STATE_DB_PATH": str(db),
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{free_port()}",
        "BTCTURK_REST_MAX_RETRIES": "0",
    }
    result = cli("run", "--cycles", "1", "--cycle-seconds", "0", env=env)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    [line] = [text for text in result.stderr.splitlines() if text.startswith("error:")]
    assert line.startswith("error: 1 live order row(s) in the state database cannot be read")
    assert f"{BAD}: {problem}" in line and "not starting" in line
