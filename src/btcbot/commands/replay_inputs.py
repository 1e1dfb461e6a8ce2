"""What the commands that replay a dataset (backtest, sweep, lookahead) share and settle before
its candles load: the exchange rules of its pairs, the replayed venue's costs, and how far
into the dataset a run can reach."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from btcbot.backtest import (
    DatasetOutline,
    RulesFileError,
    UnknownSymbolRules,
    read_rules_file,
    venue_rules,
)
from btcbot.commands.common import decimal_option, fail
from btcbot.domain import Symbol, SymbolRules
from btcbot.domain.money import BPS, ZERO, format_decimal
from btcbot.exchange.fill_model import FeeSchedule, FillModel

RulesFile = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        help="Exchange rules of the replayed pairs: a saved BTCTurk exchangeinfo response "
        "(curl -o exchangeinfo.json https://api.btcturk.com/api/v2/server/exchangeinfo). "
        "Default: the symbol table btcbot ships (a few major pairs).",
    ),
]
MakerFeeBps = Annotated[
    str,
    typer.Option(
        "--maker-fee-bps",
        help="The replayed venue's maker fee, bps of the notional (your BTCTurk tier; the "
        "20 % tax on fees comes on top).",
    ),
]
TakerFeeBps = Annotated[
    str, typer.Option("--taker-fee-bps", help="The replayed venue's taker fee, bps.")
]
SlippageBps = Annotated[
    str,
    typer.Option(
        "--slippage-bps",
        help="Extra price a taker pays beyond the synthetic book, bps (a pessimistic fill).",
    ),
]
_BASE = FeeSchedule()
MAKER_FEE_BPS = format_decimal(_BASE.maker * BPS)  # BTCTurk's base tier
TAKER_FEE_BPS = format_decimal(_BASE.taker * BPS)

MAX_BALANCE_TRY = Decimal(1_000_000_000_000)
"""The largest starting balance a replay takes (a trillion TRY): far above any account, and
far below where the ledger's 28 significant digits would start rounding its amounts."""


def balance_option(text: str) -> Decimal:
    """``--balance-try``: a starting TRY balance above 0 and at most :data:`MAX_BALANCE_TRY`;
    anything else exits 2 saying so."""
    value = decimal_option(text, "--balance-try")
    if not ZERO < value <= MAX_BALANCE_TRY:
        fail(
            f"--balance-try {text}: give a starting TRY balance above 0 and at most "
            f"{MAX_BALANCE_TRY:,} (1e12)"
        )
    return value


REPLAY_REACH = 3
"""Candle intervals after its ``--end`` a sweep's or a lookahead check's replay reads: its
window's data end two candles on (``ReplayBench.window_data``), and one to spare."""


def checked_rules(
    path: Path | None, outline: DatasetOutline | None
) -> Mapping[Symbol, SymbolRules] | None:
    """The ``--rules`` file's rules (None: the shipped table's), checked against the pairs the
    dataset's outline names before its candles load (a year of them takes a minute): an
    unreadable file or a pair without rules is refused at once (exit 2)."""
    try:
        rules = None if path is None else read_rules_file(path)
        if outline is not None:
            venue_rules(outline.pairs, rules)
    except (RulesFileError, UnknownSymbolRules) as exc:
        fail(str(exc))
    return rules


def venue_costs(maker_bps: str, taker_bps: str, slippage_bps: str) -> FillModel:
    """The replayed venue's fees and extra taker slippage from the options (exit 2 naming an
    unusable one)."""
    maker = decimal_option(maker_bps, "--maker-fee-bps")
    taker = decimal_option(taker_bps, "--taker-fee-bps")
    slippage = decimal_option(slippage_bps, "--slippage-bps")
    for value, option in ((maker, "--maker-fee-bps"), (taker, "--taker-fee-bps")):
        if value >= BPS:  # decimal_option refused a negative one
            fail(f"{option} {value}: a fee in bps, under 10000 (the whole notional)")
    if slippage >= BPS:  # the whole price: a sell's price at or below zero
        fail(f"--slippage-bps {slippage}: a slippage in bps, under 10000 (the whole price)")
    return FillModel.of_bps(maker, taker, slippage)


def spread_option(text: str) -> Decimal:
    """``--spread-bps``: the synthetic spread, under 10,000 bps (a spread of the whole price
    puts the bid at or below zero: no book); exit 2 naming the option otherwise."""
    spread = decimal_option(text, "--spread-bps")
    if spread >= BPS:
        fail(f"--spread-bps {spread}: a spread in bps around the close, under 10000")
    return spread


def describe_costs(model: FillModel) -> str:
    """The venue's costs as a run's banner states them."""
    fees = model.fees
    maker, taker = (format_decimal(rate * BPS) for rate in (fees.maker, fees.taker))
    tax = format_decimal(fees.tax_rate * 100)
    slippage = f"slippage {format_decimal(model.slippage_bps)} bps"
    if model.slippage_bps:  # a limit order at the touch pays none: say so beside the figure
        slippage += " (takers only, never past a limit order's price)"
    return f"maker {maker} / taker {taker} bps + {tax} % tax on fees, {slippage}"


def reach_ms(outline: DatasetOutline | None, end_ms: int | None, intervals: int) -> int | None:
    """:meth:`DatasetOutline.reach_ms`, None without an outline."""
    return None if outline is None else outline.reach_ms(end_ms, intervals)


__all__ = [
    "MAKER_FEE_BPS",
    "REPLAY_REACH",
    "TAKER_FEE_BPS",
    "MakerFeeBps",
    "RulesFile",
    "SlippageBps",
    "TakerFeeBps",
    "checked_rules",
    "describe_costs",
    "reach_ms",
    "spread_option",
    "venue_costs",
]
