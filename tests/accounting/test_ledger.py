from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from btcbot.accounting import apply_fill, build_ledger, dedupe_fills
from btcbot.domain import Fill, Position, Side
from tests.accounting.factories import BTC_TRY, ETH_TRY, fill

BUY, SELL = Side.BUY, Side.SELL


def test_average_cost_includes_buy_fees_and_tax() -> None:
    ledger = build_ledger(
        [
            fill(1, BUY, "100", "1", fee="1", tax="0.2"),
            fill(2, BUY, "200", "1", fee="2", tax="0.4"),
        ]
    )
    position = ledger.position(BTC_TRY)
    assert position.quantity == Decimal(2)
    assert position.average_cost == Decimal("151.8")  # (100+1.2 + 200+2.4) / 2
    assert position.fees_paid == Decimal("3.6")
    assert position.realized_pnl == 0


def test_realized_pnl_is_net_of_sell_fees_and_tax() -> None:
    ledger = build_ledger(
        [
            fill(1, BUY, "100", "2", fee="2"),  # average 101
            fill(2, SELL, "110", "1", fee="1.1", tax="0.2"),
        ]
    )
    position = ledger.position(BTC_TRY)
    assert position.quantity == 1
    assert position.average_cost == Decimal(101)
    assert position.realized_pnl == Decimal("7.7")  # (110-101)*1 - 1.3
    assert ledger.realized_pnl == {"TRY": Decimal("7.7")}


def test_selling_everything_resets_average_cost() -> None:
    ledger = build_ledger([fill(1, BUY, "100", "1"), fill(2, SELL, "120", "1")])
    position = ledger.position(BTC_TRY)
    assert position.is_flat and position.average_cost == 0
    assert position.realized_pnl == Decimal(20)


def test_oversell_is_reported_not_made_negative() -> None:
    ledger = build_ledger([fill(1, BUY, "100", "1"), fill(2, SELL, "110", "3", fee="1")])
    position = ledger.position(BTC_TRY)
    assert position.quantity == 0
    assert position.realized_pnl == Decimal(9)  # 10 on the held unit, fee booked in full
    [oversell] = ledger.oversells
    assert oversell.held == 1 and oversell.sold == 3 and oversell.excess == 2
    assert oversell.symbol == BTC_TRY


def test_opening_position_covers_a_holding_that_predates_the_agent() -> None:
    opening = {BTC_TRY: Position(BTC_TRY, quantity=Decimal(1), average_cost=Decimal(90))}
    ledger = build_ledger([fill(1, SELL, "100", "1")], opening=opening)
    assert not ledger.oversells
    assert ledger.position(BTC_TRY).realized_pnl == Decimal(10)


def test_positions_are_per_symbol() -> None:
    ledger = build_ledger([fill(1, BUY, "100", "1"), fill(2, BUY, "10", "5", symbol=ETH_TRY)])
    assert ledger.position(ETH_TRY).quantity == 5
    assert ledger.position(BTC_TRY).quantity == 1


def test_apply_fill_refuses_a_fill_of_another_symbol() -> None:
    with pytest.raises(ValueError, match="BTC_TRY"):
        apply_fill(Position(ETH_TRY), fill(1, BUY, "1", "1"))


def test_duplicate_with_different_data_is_reported_and_first_kept() -> None:
    original = fill(1, BUY, "100", "1")
    changed = replace(original, price=Decimal(101))
    result = dedupe_fills([original, original, changed])
    assert result.fills == (original,)
    assert result.duplicates == 1
    [conflict] = result.conflicts
    assert conflict.kept == original and conflict.rejected == changed
    assert conflict.trade_id > 2**53


def test_known_fills_win_over_new_reports() -> None:
    stored = fill(1, BUY, "100", "1")
    result = dedupe_fills([replace(stored, fee=Decimal(5))], known=[stored])
    assert result.fills == (stored,)
    assert len(result.conflicts) == 1


_SIDE_QTY = st.tuples(
    st.sampled_from([BUY, SELL]),
    st.integers(min_value=1, max_value=10_000),  # price
    st.integers(min_value=1, max_value=500),  # quantity in 0.01
    st.integers(min_value=0, max_value=100),  # fee in 0.01
)


@st.composite
def fill_streams(draw: st.DrawFn) -> tuple[list[Fill], list[Fill]]:
    specs = draw(st.lists(_SIDE_QTY, min_size=1, max_size=25))
    fills = [
        fill(
            i,
            side,
            str(price),
            str(Decimal(qty) / 100),
            symbol=BTC_TRY if i % 3 else ETH_TRY,
            fee=str(Decimal(fee) / 100),
            ts=draw(st.integers(min_value=0, max_value=50)),  # ties on purpose
        )
        for i, (side, price, qty, fee) in enumerate(specs)
    ]
    duplicated = fills + draw(st.lists(st.sampled_from(fills), max_size=10))
    shuffled = draw(st.permutations(duplicated))
    return fills, list(shuffled)


def test_the_exchanges_trade_sequence_orders_the_ledger_not_its_clock() -> None:
    """A buy stamped in the future (the exchange's clock stepped) and the sell that came after
    it: the sell closes the buy; no oversell, no phantom position left to sell again."""
    buy = fill(1, BUY, "100", "1", ts=60)  # executed first, stamped 50 s after the sell
    sell = fill(2, SELL, "110", "1", ts=10)
    ledger = build_ledger([sell, buy])
    assert ledger.fills == (buy, sell)
    assert ledger.position(BTC_TRY).quantity == 0
    assert ledger.position(BTC_TRY).realized_pnl == Decimal(10)
    assert not ledger.oversells


@given(fill_streams())
def test_shuffled_and_duplicated_streams_give_the_same_ledger(
    streams: tuple[list[Fill], list[Fill]],
) -> None:
    original, noisy = streams
    expected = build_ledger(original)
    actual = build_ledger(noisy)
    assert dict(actual.positions) == dict(expected.positions)
    assert actual.oversells == expected.oversells
    assert actual.fills == expected.fills
    assert not actual.conflicts
    for position in actual.positions.values():
        assert position.quantity >= 0
