from __future__ import annotations

from datetime import date, timedelta, timezone
from decimal import Decimal

import pytest

from btcbot.accounting import (
    DrawdownState,
    build_ledger,
    check_balances,
    compute_equity,
    expected_holdings,
    fees_by_day,
    max_drawdown,
    rate,
    track_equity,
    unrealized_pnl,
    value_columns,
    value_holdings,
)
from btcbot.accounting.balances import LedgerMismatchError
from btcbot.domain import Balance, Side, Symbol
from tests.accounting.factories import BTC_TRY, SOL_USDT, USDT_TRY, fill

BUY, SELL = Side.BUY, Side.SELL
MARKS = {BTC_TRY: Decimal(200), USDT_TRY: Decimal(40), SOL_USDT: Decimal(150)}


def test_rate_direct_bridged_and_missing() -> None:
    assert rate("TRY", MARKS) == 1
    assert rate("BTC", MARKS) == 200
    assert rate("SOL", MARKS) == Decimal(6000)  # 150 USDT x 40 TRY
    assert rate("XRP", MARKS) is None


def test_equity_values_cash_and_positions_in_try() -> None:
    ledger = build_ledger([fill(1, BUY, "100", "2"), fill(2, BUY, "100", "1", symbol=SOL_USDT)])
    equity = compute_equity(
        {"TRY": Decimal(50), "USDT": Decimal(10)}, ledger.positions.values(), MARKS
    )
    assert equity.complete
    assert equity.total == Decimal(50 + 400 + 400 + 6000)


def test_missing_mark_is_reported_not_valued_at_zero() -> None:
    valuation = value_holdings({"TRY": Decimal(1), "XRP": Decimal(5), "DOGE": Decimal(0)}, MARKS)
    assert valuation.total == 1
    assert valuation.missing == ("XRP",)
    assert not valuation.complete


def test_value_columns_gives_value_holdings_digits_row_by_row() -> None:
    eth_try = Symbol("ETH", "TRY")
    # 28 significant digits: a sum in another order would round differently
    holdings = {
        "TRY": Decimal("123456789012345678.9012345678"),
        "BTC": Decimal("0.123456789012345678"),
        "ETH": Decimal("7.000000000000000000000000001"),
        "XRP": Decimal(0),  # held at zero: needs no mark
    }
    columns = {
        BTC_TRY: [Decimal("3456789.123456789"), Decimal("3456790.000000001")],
        eth_try: [Decimal("98765.4321"), Decimal("0.000000000000000000000000001")],
    }
    totals = value_columns(holdings, columns, 2)
    assert totals is not None
    for row, total in enumerate(totals):
        marks = {pair: column[row] for pair, column in columns.items()}
        assert str(total) == str(value_holdings(holdings, marks).total)


def test_value_columns_leaves_bridged_or_missing_marks_to_value_holdings() -> None:
    held = {"TRY": Decimal(1), "BTC": Decimal(2)}
    assert value_columns(held, {BTC_TRY: [Decimal(5), None]}, 2) is None  # a row without a mark
    assert value_columns(held, {USDT_TRY: [Decimal(40)]}, 1) is None  # BTC only bridged
    assert value_columns(held, {BTC_TRY: [Decimal(5)]}, 2) is None  # a column too short
    assert value_columns({"TRY": Decimal(3)}, {}, 2) == [Decimal(3), Decimal(3)]


def test_unrealized_pnl_converts_usdt_positions() -> None:
    ledger = build_ledger([fill(1, BUY, "100", "2"), fill(2, BUY, "100", "1", symbol=SOL_USDT)])
    pnl = unrealized_pnl(ledger.positions.values(), MARKS)
    assert pnl.total == Decimal(200 + 50 * 40)
    partial = unrealized_pnl(ledger.positions.values(), {BTC_TRY: Decimal(90)})
    assert partial.total == Decimal(-20) and partial.missing == ("SOL_USDT",)


def test_peak_and_drawdown() -> None:
    state = None
    for equity in ("100", "120", "90", "110"):
        state = track_equity(state, Decimal(equity))
    assert state == DrawdownState(peak=Decimal(120), equity=Decimal(110))
    assert state.drawdown == 10
    assert state.drawdown_bps.quantize(Decimal(1)) == Decimal(833)
    assert max_drawdown(Decimal(x) for x in ("100", "120", "90", "110")) == 30
    assert DrawdownState(Decimal(0), Decimal(-5)).drawdown_bps == 0


def test_fees_per_day_in_a_chosen_timezone() -> None:
    day = 86_400
    fills = [
        fill(1, BUY, "1", "1", fee="1", tax="0.2", ts=0),
        fill(2, BUY, "1", "1", fee="2", ts=10),
        fill(3, BUY, "1", "1", symbol=SOL_USDT, fee="0.5", ts=day),
    ]
    per_day = fees_by_day(fills)
    first = date(2023, 11, 14)
    assert per_day[first] == {"TRY": Decimal("3.2")}
    assert per_day[first + timedelta(days=1)] == {"USDT": Decimal("0.5")}
    istanbul = fees_by_day(fills, timezone(timedelta(hours=3)))
    assert istanbul[first + timedelta(days=1)] == {"TRY": Decimal("3.2")}  # 22:13 UTC = 01:13 +03


def test_balance_check_passes_within_tolerance() -> None:
    fills = [fill(1, BUY, "100", "1", fee="0.1", tax="0.02"), fill(2, SELL, "110", "0.5")]
    expected = expected_holdings(fills, baseline={"TRY": Decimal(1000)})
    assert expected == {"TRY": Decimal("954.88"), "BTC": Decimal("0.5")}
    exchange = [
        Balance("TRY", Decimal("954.87"), Decimal(0)),
        Balance("BTC", Decimal("0.3"), Decimal("0.2")),
    ]
    assert check_balances(expected, exchange, tolerance=Decimal("0.01")).ok


def test_balance_check_names_asset_and_difference() -> None:
    expected = expected_holdings([fill(1, BUY, "100", "1")], baseline={"TRY": Decimal(1000)})
    exchange = [Balance("TRY", Decimal(900), Decimal(0)), Balance("ETH", Decimal(2), Decimal(0))]
    check = check_balances(expected, exchange, tolerance={"TRY": Decimal("0.01")})
    assert not check.ok
    by_asset = {m.asset: m for m in check.mismatches}
    assert set(by_asset) == {"BTC", "ETH"}
    assert by_asset["BTC"].difference == -1
    assert by_asset["ETH"].difference == 2
    with pytest.raises(LedgerMismatchError, match=r"BTC: ledger 1, exchange 0 \(difference -1\)"):
        check.raise_on_mismatch()
