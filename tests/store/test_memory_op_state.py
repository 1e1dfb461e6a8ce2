"""The in-memory store's operational switches: a read after a change sees the change (the
fast replay keeps each row's value between changes)."""

from __future__ import annotations

from btcbot.store import MemoryStateStore


def test_a_switch_changed_after_a_read_is_read_changed() -> None:
    store = MemoryStateStore()
    with store.session() as session:
        before = session.op_state.get("main")
        session.op_state.set_kill_switch(
            "main", active=True, source="operator", reason="test", now_ms=1
        )
        after = session.op_state.get("main")
        session.op_state.set_freeze("main", reason="foreign order", now_ms=2)
        frozen = session.op_state.get("main")
    assert not before.kill_switch and after.kill_switch and not after.freeze_active
    assert frozen.freeze_active and frozen.kill_switch
    assert session.op_state.get("other").kill_switch is False
