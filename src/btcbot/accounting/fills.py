"""Fill streams as sets: deduplicated by trade id, in one canonical order.

The exchange, the WebSocket feed and our own resolution scans can each report the same trade;
reports can also arrive out of order. Everything downstream reads the output of
:func:`dedupe_fills`, so the ledger depends only on *which* trades happened, never on how often
or in what order they were reported.

The canonical order is the exchange's own sequence, the trade id, not the trade's timestamp:
timestamps come from the exchange's clock, which can step. A buy stamped 17 s in the future
(the chaos suite's clock-skew fault, seed 1 stage 3) sorted after the sells that followed it,
each sell looked like an oversell of nothing and the buy left a position the agent did not hold,
which it then sold again and again out of the account's other holdings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from btcbot.domain import Fill


@dataclass(frozen=True, slots=True)
class FillConflict:
    """Two reports of one trade id that disagree; ``kept`` is the one the ledger uses."""

    trade_id: int
    kept: Fill
    rejected: Fill


@dataclass(frozen=True, slots=True)
class DedupedFills:
    """Unique fills in canonical order (trade id) plus reported conflicts."""

    fills: tuple[Fill, ...]
    conflicts: tuple[FillConflict, ...]
    duplicates: int  # identical repeats dropped silently (normal: feeds overlap)


def canonical_key(fill: Fill) -> tuple[int, int]:
    """Sort key that makes the ledger independent of arrival order: the exchange's trade
    sequence (ids grow as the matching engine executes; the clock may not)."""
    return (fill.trade_id, fill.timestamp_ms)


def dedupe_fills(fills: Iterable[Fill], known: Iterable[Fill] = ()) -> DedupedFills:
    """Keep one fill per trade id: ``known`` (already stored) first, then first seen wins.

    A repeat with identical data is counted in ``duplicates``; a repeat that differs is reported
    as a :class:`FillConflict` and never replaces the kept fill (RELIABILITY: "a duplicate with
    different data is logged and the stored one kept").
    """
    kept: dict[int, Fill] = {fill.trade_id: fill for fill in known}
    conflicts: list[FillConflict] = []
    duplicates = 0
    for fill in fills:
        stored = kept.get(fill.trade_id)
        if stored is None:
            kept[fill.trade_id] = fill
        elif stored == fill:
            duplicates += 1
        else:
            conflicts.append(FillConflict(fill.trade_id, kept=stored, rejected=fill))
    ordered = tuple(sorted(kept.values(), key=canonical_key))
    return DedupedFills(ordered, tuple(conflicts), duplicates)
