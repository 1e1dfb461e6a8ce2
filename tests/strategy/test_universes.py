"""Profile 7's book request: the most traded trading candidates, then every held pair."""

from __future__ import annotations

from dataclasses import replace

from btcbot.config.params import RiskBudgetParams, UniverseParams
from btcbot.domain import Symbol
from btcbot.strategy.universes import RankedUniverse
from tests.kernel.factories import BTC, ETH, SOL, balance, d, rules_for, ticker

AVAX = Symbol("AVAX", "TRY")
XRP = Symbol("XRP", "TRY")
BTC_USDT = Symbol("BTC", "USDT")


def test_book_symbols_ranks_trading_candidates_by_quote_volume_then_adds_holdings():
    rule = RankedUniverse(UniverseParams(size=3), RiskBudgetParams())
    tickers = {
        s: ticker(Symbol(s.base, s.quote), d(99), d(101), volume)  # equal, not identical, keys
        for s, volume in (
            (BTC, "10"),
            (ETH, "30"),
            (SOL, "20"),
            (AVAX, "20"),  # ties SOL on volume: the symbol breaks it (AVAX first)
            (XRP, "50"),  # not trading
            (BTC_USDT, "99"),  # another quote
        )
    }
    rules = {s: rules_for(s) for s in (BTC, ETH, SOL, AVAX, XRP, BTC_USDT)}
    rules[XRP] = replace(rules[XRP], status="HALTED")
    balances = {
        "TRY": balance("TRY", "100"),
        "BTC": balance("BTC", "0", "1"),  # held (locked only): its book is wanted
        "DOGE": balance("DOGE", "5"),  # no rules: no book
        "XRP": balance("XRP", "0"),  # nothing held
    }
    got = rule.book_symbols((SOL,), rules, tickers, balances)
    assert got == (SOL, ETH, AVAX, BTC)
