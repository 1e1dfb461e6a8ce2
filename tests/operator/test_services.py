"""The operator services over a real state database with no bot running (``btcbot serve``'s
situation): database writes work and are audited, agent work is refused, confirmations
expire and are single-use, a read-only surface refuses every write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from btcbot.config import CommonSettings
from btcbot.operator import Action, BadRequest, OperatorServices, Refused
from btcbot.store import DbRole, OpState, make_engine, open_store, sqlite_url
from btcbot.store.schema import operator_audit
from btcbot.telegram.desk import ServicesDesk
from btcbot.telegram.texts import Texts
from tests.cli.test_unreadable_rows import TRADES, add_fills, add_orders
from tests.helpers import isolate_settings


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    isolate_settings(tmp_path, monkeypatch)
    store = open_store(sqlite_url(tmp_path / "state.db"), DbRole.DRY_RUN)
    yield store
    store.dispose()


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000_000

    def __call__(self) -> int:
        return self.now


def services(engine: Engine, clock: Clock, *, writable: bool = True) -> OperatorServices:
    common = CommonSettings(state_db_path=Path("state.db"))
    return OperatorServices(
        common, reader=engine, writer=engine if writable else None, clock_ms=clock
    )


def audit(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(operator_audit).order_by(operator_audit.c.audit_id))
        return [(r.actor, r.action, r.outcome) for r in rows]


def test_database_writes_work_without_a_bot_and_cancel_all_is_refused(engine: Engine) -> None:
    ops = services(engine, Clock())
    done = ops.perform(Action.KILL_SWITCH_ON, {"reason": "monitor"}, actor="api:alice")
    assert done.outcome == "done"
    with engine.connect() as conn:
        assert OpState(conn).get("main").kill_switch
    with pytest.raises(Refused, match="no running bot holds this account's lock"):
        ops.perform(Action.CANCEL_ALL, {}, actor="api:alice")
    assert audit(engine) == [
        ("api:alice", "kill_switch_on", "done"),
        ("api:alice", "cancel_all", "refused"),
    ]
    assert ops.status().trips[0].kind == "kill_switch_operator"
    assert ops.audit()[0].outcome == "refused"


def test_a_confirmation_expires_and_is_used_once(engine: Engine) -> None:
    clock = Clock()
    ops = services(engine, clock)
    ops.perform(Action.STOP_ENTRIES, {}, actor="telegram:42")
    late = ops.perform(Action.RESUME_ENTRIES, {}, actor="telegram:42")
    clock.now += 121_000
    with pytest.raises(Refused, match="expired"):
        ops.confirm(late.token or "", actor="telegram:42")
    assert ops.status().stop_entries.active
    fresh = ops.perform(Action.RESUME_ENTRIES, {}, actor="telegram:42")
    with pytest.raises(Refused, match="whoever asked"):
        ops.confirm(fresh.token or "", actor="api:mallory")
    assert ops.confirm(fresh.token or "", actor="telegram:42").outcome == "done"
    assert not ops.status().stop_entries.active
    with pytest.raises(Refused, match="already used"):
        ops.confirm(fresh.token or "", actor="telegram:42")
    assert ops.request(late.request_id or 0).status == "expired"


def test_a_read_only_surface_refuses_every_write(engine: Engine) -> None:
    ops = services(engine, Clock(), writable=False)
    for action in Action:
        with pytest.raises(Refused, match="read-only"):
            ops.perform(action, {"reason": "x"}, actor="api:alice")
    assert audit(engine) == []
    with pytest.raises(BadRequest, match="choose REDUCE_RISK_ONLY or OBSERVE_ONLY"):
        services(engine, Clock()).perform(
            Action.DEGRADE_OVERRIDE, {"mode": "PANIC", "reason": "x"}, actor="cli:root"
        )


def test_a_degrade_override_forces_only_caution_for_at_most_a_week(engine: Engine) -> None:
    ops = services(engine, Clock())
    refusals = [
        ({"mode": "NORMAL", "reason": "x"}, "more cautious mode"),
        ({"mode": "OBSERVE_ONLY", "reason": "x", "minutes": 10_081}, "from 1 to 10,080"),
        ({"mode": "OBSERVE_ONLY", "reason": "x", "minutes": 0}, "from 1 to 10,080"),
        ({"mode": "OBSERVE_ONLY", "reason": "x", "minutes": "²"}, "from 1 to 10,080"),
        ({"mode": "M" * 100_000, "reason": "x"}, "choose REDUCE_RISK_ONLY or OBSERVE_ONLY"),
        ({"mode": "OBSERVE_ONLY"}, "reason: say why"),
    ]
    for params, why in refusals:
        with pytest.raises(BadRequest, match=why) as refused:
            ops.perform(Action.DEGRADE_OVERRIDE, params, actor="api:alice")
        assert len(str(refused.value)) < 300  # what was sent is not echoed whole
    with engine.connect() as conn:
        assert OpState(conn).get("main").degrade_override_mode is None
    week = {"mode": "observe_only", "reason": "incident", "minutes": 10_080}
    assert ops.perform(Action.DEGRADE_OVERRIDE, week, actor="api:alice").outcome == "done"


def test_the_audit_keeps_what_a_write_takes_and_nothing_else(engine: Engine) -> None:
    ops = services(engine, Clock())
    sent = {"reason": "monitor", "mode": "M" * 100_000, "anything": "else"}
    ops.perform(Action.KILL_SWITCH_ON, sent, actor="api:alice")
    with engine.connect() as conn:
        details = conn.execute(select(operator_audit.c.detail)).scalars().all()
    assert details == ['{"reason":"monitor"}']


def test_a_telegram_write_on_a_busy_database_is_answered_not_done(
    engine: Engine, tmp_path: Path
) -> None:
    """A database locked by another program past the busy timeout: the chat is told the
    write was not done (it used to get nothing, and the confirmation was spent)."""
    busy = make_engine(sqlite_url(tmp_path / "state.db"), busy_timeout_ms=50)
    common = CommonSettings(state_db_path=Path("state.db"))
    desk = ServicesDesk(
        OperatorServices(common, reader=busy, writer=busy, clock_ms=Clock()),
        Texts("en"),
        mode="dry-run",
    )
    write = desk.write("killswitch", ["on"])
    assert not isinstance(write, str)
    locker = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        answer = write.perform("telegram:42")
    finally:
        locker.close()
        busy.dispose()
    assert answer.startswith("Not done: the state database did not answer")
    with engine.connect() as conn:
        assert not OpState(conn).get("main").kill_switch


def test_a_telegram_read_over_a_damaged_fill_names_it(engine: Engine, tmp_path: Path) -> None:
    """/balance raised past the desk (the chat got no answer at all); it names the row."""
    add_orders(tmp_path / "state.db", "reason = 'untouched'")
    add_fills(tmp_path / "state.db", "price = 'abc'")
    desk = ServicesDesk(services(engine, Clock()), Texts("en"), mode="dry-run")
    answer = desk.read("balance", [])
    assert answer.startswith(f"Cannot answer now: fill {TRADES[1]} in the state database"), answer
    assert "Cannot answer" not in desk.read("orders", [])
