"""Exchange rules for replayed symbols, from the BTCTurk-shaped symbol table the project ships.

A dataset carries prices only; the scales and the minimum order value a backtest must respect
come from the same table the emulator serves (``btcbot/exchange/data/symbols.json``, shapes as
BTCTurk's ``exchangeinfo``). The replay exchange moves the limit-price band with the price
itself, so the table's reference prices do not matter here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from btcbot.domain import Symbol, SymbolRules
from btcbot.exchange.symbol_table import SymbolRule, load_symbol_table


class UnknownSymbolRules(LookupError):
    """A replayed symbol is not in the symbol table."""


def venue_rules(symbols: Iterable[Symbol]) -> Mapping[Symbol, SymbolRules]:
    """Rules for each of ``symbols``; :class:`UnknownSymbolRules` names any that are missing."""
    table = load_symbol_table()
    found: dict[Symbol, SymbolRules] = {}
    missing: list[str] = []
    for symbol in symbols:
        rule = table.find(symbol.normalized)
        if rule is None:
            missing.append(symbol.normalized)
        else:
            found[symbol] = _rules(symbol, rule)
    if missing:
        known = ", ".join(rule.normalized for rule in table.symbols)
        raise UnknownSymbolRules(
            f"no exchange rules for {', '.join(missing)}; the symbol table knows {known}"
        )
    return found


def _rules(symbol: Symbol, rule: SymbolRule) -> SymbolRules:
    return SymbolRules(
        symbol=symbol,
        numerator_scale=rule.numerator_scale,
        denominator_scale=rule.denominator_scale,
        has_fraction=rule.has_fraction,
        min_exchange_value=rule.min_exchange_value,
    )
