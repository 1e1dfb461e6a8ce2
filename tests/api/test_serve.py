"""``btcbot serve`` through its real entry point (a subprocess), over a dry-run state database
no bot is running on: its writes reach the database whatever other programs do with the file,
and a database locked past its busy timeout is a 503, not a 500."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from btcbot.store import DbRole, open_store, sqlite_url
from tests.cli.runner import cli, lock_dir
from tests.cli.test_unreadable_rows import BAD, DAMAGE, GOOD, TRADES, add_fills, add_orders
from tests.helpers import free_port, is_setting, isolate_settings

TOKEN = "carol-token-0123456789abcdef"


@dataclass
class Served:
    url: str
    db: Path

    def post(self, action: str, **body: object) -> httpx.Response:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        return httpx.post(
            f"{self.url}/api/actions/{action}", json=body, headers=headers, timeout=30
        )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    db = tmp_path / "state.db"
    open_store(sqlite_url(db), DbRole.DRY_RUN).dispose()  # the bot ran once, and stopped
    with serving(db, tmp_path) as running:
        yield running


@contextmanager
def serving(db: Path, tmp_path: Path, **settings: str) -> Iterator[Served]:
    """``btcbot serve`` over ``db`` (and these settings) until the block ends."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env.update({"STATE_DB_PATH": str(db), "API_TOKEN": TOKEN, "LOCK_DIR": lock_dir(tmp_path)})
    env.update(settings)
    proc = subprocess.Popen(
        [sys.executable, "-m", "btcbot", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield Served(url, db)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_until_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"btcbot serve exited with {proc.returncode}")
        try:
            httpx.get(f"{url}/api/health", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("btcbot serve did not come up")


def _outside(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Another program (sqlite3, a backup, the bot starting) opens the file, reads, closes."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_writes_reach_the_database_whatever_other_programs_do_with_it(served: Served) -> None:
    assert served.post("kill_switch_on", reason="first").json()["outcome"] == "done"
    assert _outside(served.db, "SELECT kill_switch_reason FROM op_state") == [("first",)]
    # serve's reader and writer both hold the file: another program closing it must not take
    # itself for the last user (it would delete the write-ahead log under them)
    assert served.post("kill_switch_on", reason="second").json()["outcome"] == "done"
    assert served.post("stop_entries", reason="maintenance").json()["outcome"] == "done"
    assert _outside(served.db, "SELECT kill_switch_reason, stop_entries FROM op_state") == [
        ("second", 1)
    ]
    actions = _outside(served.db, "SELECT action FROM operator_audit ORDER BY audit_id")
    assert actions == [("kill_switch_on",), ("kill_switch_on",), ("stop_entries",)]


def test_a_database_locked_past_its_busy_timeout_is_a_503(served: Served) -> None:
    locker = sqlite3.connect(served.db, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")  # another program holds the file (5 s busy timeout)
        refused = served.post("kill_switch_on", reason="locked out")
    finally:
        locker.close()
    assert refused.status_code == 503, refused.text
    assert "did not answer" in refused.json()["detail"]
    assert _outside(served.db, "SELECT count(*) FROM operator_audit") == [(0,)]
    assert served.post("kill_switch_on", reason="again").json()["outcome"] == "done"


def test_an_unreadable_order_row_is_named_not_a_500(served: Served) -> None:
    """A live order row edited by hand or damaged: status answers with its health failing on
    the row, orders lists the others and names it in a header."""
    sql, problem = DAMAGE["price"]
    add_orders(served.db, sql)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    status = httpx.get(f"{served.url}/api/status", headers=headers, timeout=30)
    assert status.status_code == 200, status.text
    body = status.json()
    assert body["live_orders"] == {"PENDING_SUBMIT": 1}
    assert body["unreadable_orders"] == [{"client_order_id": BAD, "problem": problem}]
    assert body["health"]["status"] == "failing"
    health = httpx.get(f"{served.url}/api/health", headers=headers, timeout=30)
    assert health.status_code == 200 and health.json()["status"] == "failing"
    orders = httpx.get(f"{served.url}/api/orders", headers=headers, timeout=30)
    assert orders.status_code == 200, orders.text
    assert [o["client_order_id"] for o in orders.json()] == [GOOD]
    assert orders.headers["X-Unreadable-Orders"] == BAD
    for page in ("/", "/history"):
        shown = httpx.get(f"{served.url}{page}", headers=headers, timeout=30)
        assert shown.status_code == 200, shown.text
        assert f"<code>{BAD}</code>: {problem}" in shown.text.replace("&#39;", "'")


def test_a_reason_with_a_lone_surrogate_or_a_nul_is_refused_not_a_500(served: Served) -> None:
    """JSON may escape a lone surrogate ("\\ud800"): the 422 that echoed it could not be
    encoded and became a 500. A NUL (valid JSON) is refused by the reason check."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    for action in ("stop_entries", "kill_switch_on"):
        reply = httpx.post(
            f"{served.url}/api/actions/{action}",
            content=b'{"reason": "\\ud800 x"}',  # escaped in the JSON text itself
            headers=headers,
            timeout=30,
        )
        assert reply.status_code == 422, reply.text
        assert reply.json()["detail"][0]["loc"] == ["body", "reason"]
    reply = served.post("degrade_override", mode="OBSERVE_ONLY", reason="a\x00b", minutes=5)
    assert reply.status_code == 400, reply.text
    assert "one line of plain text" in reply.json()["detail"]
    stored = _outside(served.db, "SELECT kill_switch, stop_entries FROM op_state")
    assert all(not any(row) for row in stored), stored


def test_a_damaged_fill_is_named_not_a_500(served: Served) -> None:
    """The ledger cannot be built without the fill: /api/ledger names it (503), the fills list
    shows the others, and the dashboard shows everything else with the ledger's error."""
    add_orders(served.db, "reason = 'untouched'")
    add_fills(served.db, "price = 'abc'")
    headers = {"Authorization": f"Bearer {TOKEN}"}
    ledger = httpx.get(f"{served.url}/api/ledger", headers=headers, timeout=30)
    assert ledger.status_code == 503, ledger.text
    assert f"fill {TRADES[1]} in the state database cannot be read" in ledger.json()["detail"]
    listed = httpx.get(f"{served.url}/api/fills", headers=headers, timeout=30)
    assert listed.status_code == 200, listed.text
    assert [f["trade_id"] for f in listed.json()] == [TRADES[0]]
    for page in ("/", "/history"):
        shown = httpx.get(f"{served.url}{page}", headers=headers, timeout=30)
        assert shown.status_code == 200, (page, shown.text)
    assert f"fill {TRADES[1]}" in httpx.get(f"{served.url}/", headers=headers, timeout=30).text


def test_a_damaged_cycle_row_is_named_not_a_500(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest cycle's equity edited to 'abc': the cycle lists, the equity series, the
    decisions page and the status leave it out or name it; the cycle itself is a 503 naming it."""
    isolate_settings(tmp_path, monkeypatch)
    made = cli("demo", "--cycles", "3", "--cycle-seconds", "0", cwd=tmp_path)
    assert made.code == 0, made.output
    db = tmp_path / ".btcbot-demo" / "state.db"
    [(cycle_id,)] = _outside(db, "SELECT cycle_id FROM cycles ORDER BY started_ms DESC LIMIT 1")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE cycles SET equity = 'abc' WHERE cycle_id = ?", (cycle_id,))
    conn.close()
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with serving(db, tmp_path) as served:
        for path in ("/api/cycles", "/api/equity", "/api/status", "/decisions", "/"):
            reply = httpx.get(f"{served.url}{path}", headers=headers, timeout=30)
            assert reply.status_code == 200, (path, reply.text)
        listed = httpx.get(f"{served.url}/api/cycles", headers=headers, timeout=30).json()
        assert listed and cycle_id not in {c["cycle_id"] for c in listed}
        one = httpx.get(f"{served.url}/api/cycles/{cycle_id}", headers=headers, timeout=30)
        assert one.status_code == 503, one.text
        assert f"cycle {cycle_id} in the state database cannot be read" in one.json()["detail"]


@pytest.mark.parametrize("where", ["a file", "missing"])
def test_a_reports_dir_that_is_not_a_directory_is_named(tmp_path: Path, where: str) -> None:
    """API_REPORTS_DIR naming a file or a missing directory listed 'no reports'."""
    db = tmp_path / "state.db"
    open_store(sqlite_url(db), DbRole.DRY_RUN).dispose()
    reports = tmp_path / "reports"
    if where == "a file":
        reports.write_text("not a directory")
    what = "is not a directory" if where == "a file" else "does not exist"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with serving(db, tmp_path, API_REPORTS_DIR=str(reports)) as served:
        listed = httpx.get(f"{served.url}/api/reports", headers=headers, timeout=30)
        assert listed.status_code == 404, listed.text
        assert f"API_REPORTS_DIR {reports} {what}" in listed.json()["detail"]
        page = httpx.get(f"{served.url}/reports", headers=headers, timeout=30)
        assert page.status_code == 200 and f"API_REPORTS_DIR {reports} {what}" in page.text
