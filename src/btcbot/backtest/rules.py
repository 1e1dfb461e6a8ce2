"""Exchange rules for replayed symbols: from the symbol table the project ships, or from a
saved BTCTurk ``exchangeinfo`` response (``--rules FILE``) for any other pair.

A dataset carries prices only; the scales and the minimum order value a backtest must respect
come from the exchange. The shipped table (``btcbot/exchange/data/symbols.json``, the one the
emulator serves) knows a handful of pairs; a rules file knows every pair BTCTurk lists. It is
the body of ``GET /api/v2/server/exchangeinfo`` as the exchange sends it (see
:data:`RULES_HINT`), read by the decoder the live adapter reads it with.

The replay takes each pair's scales, fraction flag and minimum order value, as from the
shipped table. It moves the limit-price band with the replayed price itself (BTCTurk moves it
with the price), and a file's trading status and order-size cap, a snapshot of the day it was
saved, are not carried into the past.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from btcbot.btcturk.rest_decoders import symbol_rules
from btcbot.domain import Symbol, SymbolRules
from btcbot.domain.money import format_decimal
from btcbot.exchange.symbol_table import SymbolRule, load_symbol_table

EXCHANGE_INFO_URL = "https://api.btcturk.com/api/v2/server/exchangeinfo"
RULES_HINT = f"curl -o exchangeinfo.json {EXCHANGE_INFO_URL} saves one"


class UnknownSymbolRules(LookupError):
    """A replayed symbol has no rules (neither in the shipped table nor in the given ones)."""


class RulesFileError(ValueError):
    """A ``--rules`` file that cannot be read as a BTCTurk ``exchangeinfo`` response."""


def read_rules_file(path: Path) -> dict[Symbol, SymbolRules]:
    """Each pair's rules from a saved ``exchangeinfo`` response (:class:`RulesFileError`
    names the file and what is wrong with it)."""
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        raise RulesFileError(f"--rules {path}: no such file ({RULES_HINT})") from None
    except OSError as exc:
        raise RulesFileError(f"--rules {path}: cannot be read: {exc.strerror}") from None
    try:
        rules = symbol_rules(body)
    except ValueError as exc:  # malformed JSON, a wrong shape, an absurd number
        raise RulesFileError(
            f"--rules {path}: not a BTCTurk exchangeinfo response ({exc}); {RULES_HINT}"
        ) from None
    if not rules:
        raise RulesFileError(f"--rules {path}: the response lists no pairs; {RULES_HINT}")
    return {rule.symbol: _replayed(rule.symbol, rule) for rule in rules}


def venue_rules(
    symbols: Iterable[Symbol], rules: Mapping[Symbol, SymbolRules] | None = None
) -> Mapping[Symbol, SymbolRules]:
    """Rules for each of ``symbols``: from ``rules`` when given (:func:`read_rules_file`),
    else from the shipped table; :class:`UnknownSymbolRules` names any that are missing."""
    if rules is None:
        table = load_symbol_table()
        known = {Symbol(rule.numerator, rule.denominator): rule for rule in table.symbols}
        rules = {symbol: _replayed(symbol, rule) for symbol, rule in known.items()}
        where = f"the shipped symbol table knows only {', '.join(s.normalized for s in known)}"
    else:
        where = f"the rules given list {len(rules)} pair(s)"
    found: dict[Symbol, SymbolRules] = {}
    missing: list[str] = []
    for symbol in symbols:
        rule = rules.get(symbol)
        if rule is None:
            missing.append(symbol.normalized)
        else:
            found[symbol] = rule
    if missing:
        raise UnknownSymbolRules(
            f"no exchange rules for {', '.join(missing)} ({where}): pass --rules FILE, a saved "
            f"BTCTurk exchangeinfo response listing every replayed pair ({RULES_HINT})"
        )
    return found


def described(rules: Mapping[Symbol, SymbolRules]) -> dict[str, dict[str, object]]:
    """What the replay takes of each pair's rules, JSON-ready by pair name (a run's manifest
    records it; a sweep's study is tied to it)."""
    return {
        symbol.normalized: {
            "numerator_scale": rule.numerator_scale,
            "denominator_scale": rule.denominator_scale,
            "has_fraction": rule.has_fraction,
            "min_exchange_value": format_decimal(rule.min_exchange_value),
        }
        for symbol, rule in sorted(rules.items(), key=lambda item: item[0].normalized)
    }


def _replayed(symbol: Symbol, rule: SymbolRule | SymbolRules) -> SymbolRules:
    """What the replay takes of a pair's rules, the shipped table's or an exchange's (the
    module docstring)."""
    return SymbolRules(
        symbol=symbol,
        numerator_scale=rule.numerator_scale,
        denominator_scale=rule.denominator_scale,
        has_fraction=rule.has_fraction,
        min_exchange_value=rule.min_exchange_value,
    )


__all__ = [
    "EXCHANGE_INFO_URL",
    "RULES_HINT",
    "RulesFileError",
    "UnknownSymbolRules",
    "described",
    "read_rules_file",
    "venue_rules",
]
