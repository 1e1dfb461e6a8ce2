from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sqlalchemy import Engine, text

from btcbot.domain import Fill, Side, Symbol
from btcbot.store import FillInsert, FillRepository, unit_of_work

HUGE_ID = 2**63 + 5  # beyond BIGINT: the text column keeps it exact


def make_fill(trade_id: int = HUGE_ID, ts: int = 1_700_000_000_000) -> Fill:
    return Fill(
        trade_id=trade_id,
        order_id=10938696222,
        client_order_id="c-1",
        symbol=Symbol("ETH", "TRY"),
        side=Side.SELL,
        price=Decimal("122.00"),
        quantity=Decimal("0.33840811"),
        fee=Decimal("0.06297817"),
        tax=Decimal("0.01133607"),
        timestamp_ms=ts,
    )


def test_fill_is_inserted_once(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        fills = FillRepository(conn)
        assert fills.insert_if_new(make_fill(), now_ms=1) is True
        assert fills.insert_if_new(make_fill(), now_ms=2) is False
        assert fills.all() == [make_fill()]
    typeof = (
        "pg_typeof(trade_id)::text" if engine.dialect.name == "postgresql" else "typeof(trade_id)"
    )
    with engine.connect() as conn:
        row = conn.execute(text(f"SELECT {typeof}, trade_id FROM fills")).one()
    assert tuple(row) == ("text", str(HUGE_ID))


def test_duplicate_with_different_data_is_reported_and_stored_one_kept(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        fills = FillRepository(conn)
        assert fills.insert(make_fill(), now_ms=1) is FillInsert.INSERTED
        assert fills.insert(make_fill(), now_ms=2) is FillInsert.DUPLICATE
        changed = replace(make_fill(), price=Decimal("123"))
        assert fills.insert(changed, now_ms=3) is FillInsert.CONFLICT
        assert fills.get(HUGE_ID) == make_fill()


def test_fills_come_back_in_ledger_order_and_filter_by_symbol(engine: Engine) -> None:
    late, early = make_fill(11, ts=2000), make_fill(9, ts=1000)
    same_time_higher_id = make_fill(100, ts=1000)
    with unit_of_work(engine) as conn:
        fills = FillRepository(conn)
        for fill in (late, same_time_higher_id, early):
            fills.insert_if_new(fill, now_ms=0)
        assert fills.all() == [early, same_time_higher_id, late]
        assert fills.all(since_ms=1500) == [late]
        assert fills.all(symbol=Symbol("BTC", "TRY")) == []
