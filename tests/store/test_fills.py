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


def test_ours_and_foreign_follow_our_orders_at_read_time(engine: Engine) -> None:
    """A fill is ours when its order id is one of our orders' exchange ids, or its client
    id is that of our order still waiting for its id; everything else is foreign."""
    from btcbot.domain import OrderEvent, OrderMethod, OrderRequest
    from btcbot.store import ExecutionMode, OrderRepository

    ours_by_id = replace(make_fill(1), order_id=501, client_order_id="whatever")
    ours_by_client = replace(make_fill(2), order_id=502, client_order_id="mine-waiting")
    foreign = replace(make_fill(3), order_id=503, client_order_id="BtcTurk API")
    foreign_no_client = replace(make_fill(4), order_id=504, client_order_id=None)
    request = OrderRequest(
        Symbol("ETH", "TRY"), Side.SELL, OrderMethod.LIMIT, "mine-placed", Decimal(1), Decimal(1)
    )
    with unit_of_work(engine) as conn:
        orders = OrderRepository(conn)
        orders.insert_pending(request, mode=ExecutionMode.LIVE, now_ms=1)
        orders.apply_event("mine-placed", OrderEvent.ACCEPTED, now_ms=2, exchange_order_id=501)
        waiting = replace(request, client_order_id="mine-waiting")
        orders.insert_pending(waiting, mode=ExecutionMode.LIVE, now_ms=1)
        repo = FillRepository(conn)
        for fill in (ours_by_id, ours_by_client, foreign, foreign_no_client):
            repo.insert(fill, now_ms=fill.trade_id * 10)
        assert [f.trade_id for f in repo.ours()] == [1, 2]
        assert [f.trade_id for f in repo.foreign()] == [3, 4]
        assert [f.trade_id for f in repo.foreign(recorded_since_ms=40)] == [4]
        assert len(repo.all()) == 4  # every fill stays stored for the record
        # the waiting order learns another id: its client id no longer claims fill 2
        orders.apply_event("mine-waiting", OrderEvent.ACCEPTED, now_ms=3, exchange_order_id=777)
        assert [f.trade_id for f in repo.foreign()] == [2, 3, 4]
