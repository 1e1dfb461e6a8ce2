"""Exchange-aware settings check (phase 3): every pair the settings name is listed.

Run at start-up once exchangeinfo is known: a pair the exchange does not list (``FOO_TRY``, a
typo such as ``BTC_TRT``) would otherwise run for ever as a symbol whose data is "stale". The
refusal names the variable, the pair and the closest listed pairs.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

from btcbot.config.errors import ConfigError
from btcbot.config.loader import AppConfig
from btcbot.config.stages import Stage7Settings
from btcbot.domain import Symbol


class UnlistedSymbols(ConfigError):
    """A configured pair is not listed on the exchange (exit code 2)."""


def check_listed(config: AppConfig, listed: Collection[Symbol]) -> None:
    """Raise :class:`UnlistedSymbols` unless every configured pair is in ``listed``."""
    by_pair = {symbol.pair: symbol for symbol in listed}
    problems = [
        _describe("SYMBOLS", symbol, by_pair)
        for symbol in config.common.symbols
        if symbol.pair not in by_pair
    ]
    stage = config.stage
    if isinstance(stage, Stage7Settings):
        problems += _pairs("STAGE7_UNIVERSE_WHITELIST", stage.stage7_universe_whitelist, by_pair)
        targets = (pair for pair, _ in stage.portfolio_targets)
        problems += _pairs("PORTFOLIO_TARGETS", targets, by_pair)
        quote = stage.stage7_universe_quote_ccy.upper()
        quotes = sorted({symbol.quote for symbol in listed})
        if quotes and quote not in quotes:  # an empty universe for ever, not an error
            problems.append(
                f"STAGE7_UNIVERSE_QUOTE_CCY: no listed pair is quoted in {quote} (the exchange "
                f"quotes in {', '.join(quotes)}); correct it"
            )
    if problems:
        raise UnlistedSymbols("; ".join(problems))


def _pairs(variable: str, pairs: Iterable[str], by_pair: dict[str, Symbol]) -> list[str]:
    return [
        _describe(variable, Symbol.parse(pair), by_pair) for pair in pairs if pair not in by_pair
    ]


def _describe(variable: str, symbol: Symbol, by_pair: dict[str, Symbol]) -> str:
    close = difflib.get_close_matches(symbol.pair, list(by_pair), n=3, cutoff=0.6)
    hint = (
        "did you mean " + " or ".join(by_pair[pair].normalized for pair in close) + "?"
        if close
        else "no listed pair is close"
    )
    return (
        f"{variable}: {symbol.normalized} is not listed on the exchange ({hint}); remove it "
        "or correct it"
    )
