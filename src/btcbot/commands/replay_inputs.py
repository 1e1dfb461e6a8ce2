"""What the commands that replay a dataset (backtest, sweep, lookahead) settle before its
candles load: the exchange rules of its pairs, and how far into it a run can reach."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from btcbot.backtest import (
    DatasetOutline,
    RulesFileError,
    UnknownSymbolRules,
    read_rules_file,
    venue_rules,
)
from btcbot.commands.common import fail
from btcbot.domain import Symbol, SymbolRules

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


def reach_ms(outline: DatasetOutline | None, end_ms: int | None, intervals: int) -> int | None:
    """:meth:`DatasetOutline.reach_ms`, None without an outline."""
    return None if outline is None else outline.reach_ms(end_ms, intervals)


__all__ = ["REPLAY_REACH", "checked_rules", "reach_ms"]
