"""Deterministic client order ids: the same cycle, symbol, side and ordinal give the same id.

Form ``k<12 hex of sha256(cycle_id)>-<PAIR>-<b|s><ordinal>``, at most 50 characters (BTCTurk's
limit), charset ``[A-Za-z0-9-]``; a protective stop (at most one per symbol and plan) ends in
``-p`` instead. The ordinal is unique within a plan, so truncating a very
long pair name cannot make two ids of one plan collide; the cycle hash separates cycles.
"""

from __future__ import annotations

import hashlib

from btcbot.domain import Side, Symbol

MAX_LENGTH = 50


def cycle_tag(cycle_id: str) -> str:
    return "k" + hashlib.sha256(cycle_id.encode()).hexdigest()[:12]


def client_order_id(tag: str, symbol: Symbol, side: Side, ordinal: int) -> str:
    suffix = f"-{'b' if side is Side.BUY else 's'}{ordinal}"
    room = MAX_LENGTH - len(tag) - 1 - len(suffix)
    return f"{tag}-{symbol.pair[:room]}{suffix}"


def protective_stop_id(tag: str, symbol: Symbol) -> str:
    room = MAX_LENGTH - len(tag) - 1 - 2
    return f"{tag}-{symbol.pair[:room]}-p"
