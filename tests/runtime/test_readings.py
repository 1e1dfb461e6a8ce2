"""PnL divergence and fills cursors, measured from real values."""

from __future__ import annotations

from decimal import Decimal

from btcbot.accounting import unrealized_pnl, value_holdings
from btcbot.domain import Balance, Position, Side, Symbol
from btcbot.domain.fills import Fill
from btcbot.runtime.readings import fills_cursor, pnl_divergence

BTC_USDT = Symbol("BTC", "USDT")
USDT_TRY = Symbol("USDT", "TRY")
D = Decimal


def bal(asset: str, total: str) -> Balance:
    return Balance(asset, D(total), D(0))


def divergence(
    balances: dict[str, Balance],
    baseline: dict[str, Decimal],
    positions: dict[Symbol, Position],
    marks: dict[Symbol, Decimal],
) -> Decimal | None:
    """The reading as a cycle takes it: the balances and positions valued once, at ``marks``."""
    held = value_holdings({asset: b.total for asset, b in balances.items()}, marks, "TRY")
    unrealized = unrealized_pnl(positions.values(), marks, "TRY")
    return pnl_divergence(held, unrealized, baseline, positions, marks)


def test_exchange_and_ledger_pnl_agree_on_a_usdt_pair_in_try():
    # bought 0.01 BTC at 60000 USDT (cost 600), sold half at 62000 (realized +10 USDT)
    baseline = {"USDT": D(1000), "TRY": D(500)}
    balances = {"USDT": bal("USDT", "710"), "BTC": bal("BTC", "0.005"), "TRY": bal("TRY", "500")}
    position = Position(BTC_USDT, D("0.005"), D(60000), realized_pnl=D(10))
    marks = {BTC_USDT: D(61000), USDT_TRY: D(40)}
    assert divergence(balances, baseline, {BTC_USDT: position}, marks) == 0
    missing = Position(BTC_USDT, D("0.005"), D(60000), realized_pnl=D(-40))  # 50 USDT off
    assert divergence(balances, baseline, {BTC_USDT: missing}, marks) == 50 * 40


def test_no_reading_without_a_mark_for_the_quote_currency():
    position = Position(BTC_USDT, D(0), D(0), realized_pnl=D(10))
    assert divergence({}, {}, {BTC_USDT: position}, {BTC_USDT: D(61000)}) is None


def test_fills_cursor_is_the_newest_trade_id_per_symbol():
    def fill(trade_id: int, symbol: Symbol) -> Fill:
        return Fill(trade_id, 1, None, symbol, Side.BUY, D(1), D(1), D(0), D(0), 0)

    cursor = fills_cursor([fill(2**60 + 5, BTC_USDT), fill(7, USDT_TRY), fill(2**60 + 1, BTC_USDT)])
    assert cursor == {BTC_USDT: 2**60 + 5, USDT_TRY: 7}
