"""Each invariant check finds the violation it exists for, and stays quiet on clean records."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from chaos.agent_db import AgentCycle, AgentEvent, AgentOrder, LedgerResult
from chaos.timeline import GateWindow, ProbeResult, healthy_ms, merge

from btcbot.accounting import BalanceCheck, LedgerMismatch
from btcbot.emulator.order_history import RequestRecord
from chaos import invariants as inv
from tests.chaos.factories import agent, exchange, fill, limits, order

D = Decimal


def test_one_order_per_intent() -> None:
    twice = exchange([order(1, "a", opened=(0, 1)), order(2, "a", opened=(5, 2))])
    (found,) = inv.one_order_per_intent(twice)
    assert found.invariant == 1 and "client order id a produced 2" in found.what
    distinct = exchange([order(1, "a", opened=(0, 1)), order(2, "b", opened=(5, 2))])
    assert inv.one_order_per_intent(distinct) == []
    manual = exchange([order(1, "manual-1", opened=(0, 1)), order(2, "manual-1", opened=(5, 2))])
    assert inv.one_order_per_intent(manual) == []  # someone else's orders are not intents


def test_every_order_known_within_the_window_of_healthy_time() -> None:
    records = exchange([order(1, "c1", opened=(1_000, 1)), order(2, "c2", opened=(2_000, 2))])
    on_time = agent(known={1: 1_500, 2: 21_000})
    assert inv.orders_known(records, on_time, [], 20_000, 60_000) == []
    late = agent(known={1: 1_500, 2: 30_000})
    (found,) = inv.orders_known(records, late, [], 20_000, 60_000)
    assert "id=2" in found.what and "28000 ms of healthy time" in found.what
    # the agent was down (or the exchange failing) for 15 s of it: still in time
    assert inv.orders_known(records, late, [(5_000, 20_000)], 20_000, 60_000) == []
    never = agent(known={1: 1_500})
    (found,) = inv.orders_known(records, never, [], 20_000, 60_000)
    assert "id=2" in found.what and "never known" in found.what


def test_an_order_marked_not_placed_while_it_existed_is_found() -> None:
    records = exchange([order(1, "c1", opened=(1_000, 1))])
    wrong = agent(events=[AgentEvent("c1", "NOT_PLACED", 9_000, None)])
    (found,) = inv.never_failed_while_live(records, wrong)
    assert found.invariant == 2 and "c1 marked NOT_PLACED" in found.what
    never_sent = agent(events=[AgentEvent("c9", "NOT_PLACED", 9_000, None)])
    assert inv.never_failed_while_live(records, never_sent) == []


def test_ledger_must_equal_balances_and_book_exactly_its_own_fills() -> None:
    assert inv.ledger_matches(LedgerResult(BalanceCheck(()))) == []
    (missing,) = inv.ledger_matches(LedgerResult(None))
    assert "never took a ledger baseline" in missing.what
    off = BalanceCheck((LedgerMismatch("TRY", D(100), D(99)),))
    (found,) = inv.ledger_matches(LedgerResult(off))
    assert "TRY: ledger 100, exchange 99" in found.what
    records = exchange(
        [order(1, "c1", opened=(0, 1)), order(2, "manual-1", opened=(0, 2))],
        [fill(11, 1, seq=3), fill(12, 2, seq=4)],
    )
    assert inv.own_fills_booked(records, agent(booked={11})) == []
    foreign, lost = inv.own_fills_booked(records, agent(booked={12}))
    assert "someone else booked as own: trade 12" in foreign.what
    assert "own fill(s) never booked: trade 11" in lost.what


def test_open_orders_per_symbol_counted_from_open_and_close_sequence() -> None:
    replaced_late = exchange(
        [
            order(1, "old", opened=(0, 1), closed=(1_015, 4)),
            order(2, "new", opened=(1_000, 3), closed=(5_000, 9)),
        ]
    )
    (found,) = inv.open_orders_per_symbol(replaced_late, 1)
    assert "2 orders open at once on BTCTRY for ~15 ms" in found.what
    replaced_after = exchange(
        [
            order(1, "old", opened=(0, 1), closed=(1_000, 3)),
            order(2, "new", opened=(1_000, 4)),
            order(3, "other", opened=(1_000, 5), symbol="ETHTRY"),
            order(4, "manual-1", opened=(1_000, 6)),
        ]
    )
    assert inv.open_orders_per_symbol(replaced_after, 1) == []
    assert inv.open_orders_per_symbol(replaced_late, 2) == []


def test_notional_cap_holds_in_try_on_every_pair() -> None:
    records = exchange(
        [
            order(1, "try", opened=(0, 1), price="100", quantity="4"),
            order(
                2,
                "usdt",
                opened=(0, 2),
                symbol="BTCUSDT",
                quote="USDT",
                price="10",
                quantity="1",
                quote_in_try="42",
            ),
            order(3, "unpriced", opened=(0, 3), symbol="BTCXYZ", quote="XYZ", quote_in_try=None),
            order(4, "msell", opened=(0, 4), method="market", side="sell", price="0", quantity="5"),
        ],
        [fill(1, 4, seq=5, side="sell", amount="5", price="90")],
    )
    found = inv.notional_caps(records, D(400))
    assert [v.what.split(" ")[1] for v in found] == ["2", "3", "4"]
    assert "worth 420.00 TRY > cap 400 TRY (10 USDT)" in found[0].what
    assert "no TRY rate" in found[1].what
    assert "worth 450.00 TRY" in found[2].what
    assert inv.notional_caps(records, D(0)) == []  # no cap configured


def test_sells_never_exceed_what_the_agents_own_fills_bought() -> None:
    bought_then_sold = exchange(
        [
            order(1, "buy", opened=(0, 1), closed=(1, 2)),
            order(2, "sell", opened=(5, 4), side="sell", quantity="1", closed=(6, 5)),
        ],
        [fill(1, 1, seq=2), fill(2, 2, seq=5, side="sell")],
    )
    assert inv.sells_within_own_inventory(bought_then_sold) == []
    double_sell = exchange(
        [
            order(1, "buy", opened=(0, 1), closed=(1, 2)),
            order(2, "sell-a", opened=(5, 4), side="sell"),
            order(3, "sell-b", opened=(6, 5), side="sell", closed=(8, 7)),
        ],
        [
            fill(1, 1, seq=2),
            fill(2, 3, seq=7, side="sell"),
            fill(3, 2, seq=9, side="sell"),
            fill(4, 2, seq=10, side="sell", amount="0"),
        ],
    )
    committed, short = inv.sells_within_own_inventory(double_sell)
    assert "makes 2 committed to sells while the agent's own fills hold 1" in committed.what
    assert "took the agent's own inventory to -1" in short.what  # reported once, not per fill
    foreign_inventory = exchange(
        [order(2, "sell", opened=(5, 4), side="sell"), order(1, "manual-1", opened=(0, 1))],
        [fill(1, 1, seq=2)],
    )
    (found,) = inv.sells_within_own_inventory(foreign_inventory)
    assert "own fills hold 0" in found.what


def test_no_submit_reaches_the_exchange_behind_a_closed_gate() -> None:
    gate = GateWindow("runtime kill switch", 10_000, 20_000, 1_000)
    requests = [
        RequestRecord("submit", 7, 10_500, 1),  # already on the wire: within the grace
        RequestRecord("cancel", 7, 15_000, 2),  # cancels stay allowed
        RequestRecord("submit", 7, 20_500, 3),  # after the gate reopened
    ]
    assert inv.no_submit_behind_gates(requests, [gate]) == []
    late = [*requests, RequestRecord("submit", 7, 12_000, 4)]
    (found,) = inv.no_submit_behind_gates(late, [gate])
    assert "1 submit(s) reached the exchange while runtime kill switch was on" in found.what


def test_persistent_failure_trips_the_kill_switch_at_the_threshold_and_in_time() -> None:
    ok = ProbeResult("persistent_5xx", 0, 9_000, 3, 3)
    assert inv.kill_switch_trips([ok], 3, 60_000) == []
    never = ProbeResult("persistent_timeouts", 0, None, None, 3)
    late = ProbeResult("persistent_timeouts", 0, 70_000, 3, 3)
    counted_past = ProbeResult("persistent_5xx", 0, 9_000, 5, 3)
    found = inv.kill_switch_trips([never, late, counted_past], 3, 60_000)
    assert [v.what for v in found] == [
        "persistent_timeouts: the kill switch never tripped (60000 ms)",
        "persistent_timeouts: tripped after 70000 ms (> 60000)",
        "persistent_5xx: tripped at 5 consecutive failures (threshold 3)",
    ]


def test_recovery_is_measured_from_the_fault_clearing_to_the_next_good_cycle() -> None:
    cycles = [
        AgentCycle(1_000, 1_100, True),
        AgentCycle(5_500, 5_600, False),  # still failing after the fault cleared
        AgentCycle(6_500, 6_700, True),
        AgentCycle(31_000, 31_200, True),
    ]
    found, measured = inv.recovery([(2_000, 5_000), (30_000, 30_500)], cycles, 45_000, 100_000)
    assert (found, measured) == ([], [1_700, 700])
    interrupted, measured = inv.recovery(
        [(2_000, 5_000), (6_000, 6_100)], cycles[:2], 45_000, 7_000
    )
    assert (interrupted, measured) == ([], [])  # the next fault began before any good cycle
    stuck, _ = inv.recovery([(2_000, 5_000)], cycles[:2], 45_000, 100_000)
    assert "no successful cycle in 95000 ms after 5000" in stuck[0].what
    slow, _ = inv.recovery([(2_000, 5_000)], cycles, 1_000, 100_000)
    assert "recovered 1700 ms after" in slow[0].what


def test_check_all_on_a_clean_run_finds_nothing() -> None:
    records = exchange(
        [order(1, "c1", opened=(1_000, 1), closed=(2_000, 3))],
        [fill(5, 1, seq=2)],
        [RequestRecord("submit", 7, 999, 1)],
    )
    state = agent(
        known={1: 1_010},
        cycles=[AgentCycle(3_000, 3_100, True)],
        booked={5},
        orders=[_row("c1", 1, "FILLED", "1")],
        fill_totals={1: D(1)},
    )
    findings = inv.check_all(
        records,
        state,
        LedgerResult(BalanceCheck(())),
        limits=limits(),
        unhealthy=[],
        disturbances=[(1_500, 2_500)],
        gates=[],
        probes=[],
        end_ms=10_000,
    )
    assert findings.violations == []
    assert findings.recoveries_ms == [600]
    assert findings.in_flight_at_end == 0


def _row(
    client: str, exchange_id: int | None, status: str, filled: str = "0", **extra: object
) -> AgentOrder:
    return AgentOrder(
        client, exchange_id, "BTC_TRY", "buy", status, 0,
        quantity=D(str(extra.get("quantity", "1"))),
        filled_quantity=D(filled),
        quote_amount=None if extra.get("quote") is None else D(str(extra["quote"])),
        method=str(extra.get("method", "limit")),
    )  # fmt: skip


def test_each_order_agrees_with_the_exchange_at_the_end() -> None:
    records = exchange(
        [
            order(1, "c1", opened=(0, 1), closed=(2_000, 4)),  # filled
            replace(order(2, "c2", opened=(0, 2)), status="Partial"),  # resting, half filled
            replace(order(3, "c3", opened=(0, 3), closed=(3_000, 6)), status="Canceled"),
            order(4, "manual-1", opened=(0, 5)),  # someone else's: not compared
        ],
        [
            fill(11, 1, seq=4, amount="0.4"),
            fill(12, 1, seq=5, amount="0.6"),
            fill(13, 2, seq=6, amount="0.5"),
        ],
    )
    cycles = [AgentCycle(9_000, 9_500, True)]
    agreed = agent(
        cycles=cycles,
        orders=[
            _row("c1", 1, "FILLED", "1"),
            _row("c2", 2, "PARTIALLY_FILLED", "0.5"),
            _row("c3", 3, "CANCELED"),
            _row("c9", None, "NOT_PLACED"),  # never reached the exchange
        ],
        fill_totals={1: D(1), 2: D("0.5")},
    )
    assert inv.orders_agree(records, agreed) == []

    stale = agent(
        cycles=cycles,
        orders=[
            _row("c1", 1, "PENDING_CANCEL", "1"),  # the fill closed it long before
            _row("c2", 2, "PARTIALLY_FILLED", "0.4"),  # missed a slice
            _row("c3", 3, "CANCELED"),
        ],
        fill_totals={1: D(1), 2: D("0.5")},
    )
    status, short, stored = inv.orders_agree(records, stale)
    assert status.invariant == 8
    assert status.what == (
        "status PENDING_CANCEL against Closed: order id=1 client=c1 BTCTRY buy limit 1; "
        "exchange: Closed filled 1.0 closed 2000; database: PENDING_CANCEL filled 1 of 1 "
        "(client=c1 id=1 BTC_TRY buy)"
    )
    assert short.what.startswith("filled 0.4 against 0.5: order id=2 client=c2")
    assert "fills of the order sum to 0.5, its filled quantity is 0.4" in stored.what

    lost = agent(cycles=cycles, orders=[_row("c1", 1, "FILLED", "1")], fill_totals={1: D(1)})
    missing = [v.what for v in inv.orders_agree(records, lost)]
    assert missing == [
        "order id=2 client=c2 BTCTRY buy limit 1; exchange: Partial filled 0.5 closed never; "
        "database: none",
        "order id=3 client=c3 BTCTRY buy limit 1; exchange: Canceled filled 0 closed 3000; "
        "database: none",
    ]


def test_a_close_after_the_agents_last_look_is_allowed_and_nothing_else() -> None:
    records = exchange(
        [replace(order(3, "c3", opened=(0, 1), closed=(9_200, 2)), status="Canceled")]
    )
    pending = agent(
        orders=[_row("c3", 3, "PENDING_CANCEL")], cycles=[AgentCycle(9_000, 9_500, True)]
    )
    assert inv.orders_agree(records, pending) == []  # its cancel went out in the last cycle
    looked_after = agent(
        orders=[_row("c3", 3, "PENDING_CANCEL")],
        cycles=[AgentCycle(9_000, 9_500, True), AgentCycle(12_000, 12_500, True)],
    )
    (found,) = inv.orders_agree(records, looked_after)
    assert found.what.startswith("status PENDING_CANCEL against Canceled: order id=3")
    failed_cycle = agent(
        orders=[_row("c3", 3, "PENDING_CANCEL")],
        cycles=[AgentCycle(9_000, 9_500, True), AgentCycle(12_000, 12_500, False)],
    )
    assert inv.orders_agree(records, failed_cycle) == []  # a failed cycle did not look
    open_row = agent(orders=[_row("c3", 3, "OPEN")], cycles=[AgentCycle(9_000, 9_500, True)])
    (found,) = inv.orders_agree(records, open_row)  # it sent no cancel: who closed it?
    assert found.what.startswith("status OPEN against Canceled: order id=3")
    rejected = agent(orders=[_row("c3", 3, "REJECTED")], cycles=[AgentCycle(9_000, 9_500, True)])
    (found,) = inv.orders_agree(records, rejected)
    assert found.what.startswith("status REJECTED against Canceled")


def test_no_order_is_filled_beyond_its_quantity_on_either_side() -> None:
    records = exchange(
        [
            order(1, "c1", opened=(0, 1), closed=(1_000, 4)),
            order(2, "c2", opened=(0, 2), closed=(1_000, 6), method="market", quantity="150"),
        ],
        [
            fill(11, 1, seq=3, amount="1"),
            fill(12, 1, seq=4, amount="0.5"),
            fill(13, 2, seq=5, amount="1", price="100"),
            fill(14, 2, seq=6, amount="1"),
        ],
    )
    state = agent(
        orders=[
            _row("c1", 1, "FILLED", "1.5"),
            _row("c2", 2, "FILLED", "2", quantity="0", quote="150", method="market"),
        ],
        fill_totals={1: D("1.5"), 2: D(2)},
    )
    found = [v.what for v in inv.orders_agree(records, state)]
    assert found == [
        "filled beyond its quantity on the exchange: order id=1 client=c1 BTCTRY buy limit 1; "
        "exchange: Closed filled 1.5 closed 1000",
        "filled beyond its quantity on the exchange: order id=2 client=c2 BTCTRY buy market 150; "
        "exchange: Closed filled 2 closed 1000",
        "filled beyond its quantity in the database: FILLED filled 1.5 of 1 (client=c1 id=1 "
        "BTC_TRY buy)",
    ]
    state_ok = agent(orders=[_row("c9", 9, "OPEN")], fill_totals={9: D(0)})
    (ghost,) = inv.orders_agree(exchange([]), state_ok)
    assert ghost.what == (
        "database: OPEN filled 0 of 1 (client=c9 id=9 BTC_TRY buy); exchange: no order of ours "
        "with this id"
    )


def test_interval_helpers() -> None:
    assert merge([(5, 9), (0, 2), (1, 3), (9, 10)]) == [(0, 3), (5, 10)]
    assert healthy_ms(0, 10, [(2, 4), (8, 20)]) == 6
    assert healthy_ms(10, 5, []) == 0
