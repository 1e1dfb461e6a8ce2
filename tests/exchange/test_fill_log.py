"""The simulated venue's fill log answers "every fill since T" exactly, in execution order,
whether the fills came in time order (found by bisection) or not."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from btcbot.domain import Fill, Side, Symbol
from btcbot.exchange.sim_state import FillLog

PAIRS = (Symbol("BTC", "TRY"), Symbol("ETH", "TRY"))


def fill(trade_id: int, symbol: Symbol, at_ms: int) -> Fill:
    one = Decimal(1)
    return Fill(trade_id, trade_id, None, symbol, Side.BUY, one, one, one, one, at_ms)


def logged(stamps: list[tuple[int, int]]) -> tuple[FillLog, list[Fill]]:
    log, added = FillLog(), []
    for trade_id, (pair, at_ms) in enumerate(stamps, start=1):
        added.append(fill(trade_id, PAIRS[pair], at_ms))
        log.add(added[-1])
    return log, added


stamps = st.lists(st.tuples(st.integers(0, 1), st.integers(0, 50)), max_size=40)


@given(stamps, st.integers(-1, 52))
def test_all_since_is_every_fill_at_or_after_the_time_in_execution_order(
    raw: list[tuple[int, int]], since_ms: int
) -> None:
    for ordered in (sorted(raw, key=lambda stamp: stamp[1]), raw):  # in time order, or not
        log, added = logged(ordered)
        assert log.all_since(since_ms) == [f for f in added if f.timestamp_ms >= since_ms]


def test_a_fill_older_than_the_last_one_still_answers_later_queries() -> None:
    log, added = logged([(0, 10), (1, 20), (0, 15), (1, 30)])
    assert log.all_since(15) == [added[1], added[2], added[3]]
    assert log.all_since(31) == []
