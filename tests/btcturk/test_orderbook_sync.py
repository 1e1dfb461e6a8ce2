"""Order-book sync: buffering before the snapshot, stale drops, gap → resnapshot, reset."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from btcbot.btcturk.book import BookError
from btcbot.btcturk.orderbook_sync import BookNotSynced, OrderBookSync, SyncState
from btcbot.btcturk.ws_schemas import BookDiff, BookFull, DiffRow, Level
from btcbot.domain import Symbol

BTCTRY = Symbol("BTC", "TRY")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def full(cs: int, bids: dict[str, str], asks: dict[str, str]) -> BookFull:
    return BookFull(
        CS=cs,
        BO=[Level(A=a, P=p) for p, a in bids.items()],
        AO=[Level(A=a, P=p) for p, a in asks.items()],
        PS="BTCTRY",
    )


def diff(
    cs: int,
    bids: Sequence[tuple[int, str, str]] = (),
    asks: Sequence[tuple[int, str, str]] = (),
) -> BookDiff:
    return BookDiff(
        CS=cs,
        BO=[DiffRow(CP=cp, P=p, A=a) for cp, p, a in bids],
        AO=[DiffRow(CP=cp, P=p, A=a) for cp, p, a in asks],
        PS="BTCTRY",
    )


@pytest.fixture
def requests() -> list[Symbol]:
    return []


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sync(requests: list[Symbol], clock: FakeClock) -> OrderBookSync:
    return OrderBookSync(BTCTRY, requests.append, clock=clock)


def test_not_synced_refuses_views(sync: OrderBookSync) -> None:
    assert sync.state is SyncState.AWAITING_SNAPSHOT
    with pytest.raises(BookNotSynced):
        sync.order_book()
    with pytest.raises(BookNotSynced):
        sync.best_bid()


def test_snapshot_then_next_diffs_apply(sync: OrderBookSync, clock: FakeClock) -> None:
    sync.on_snapshot(full(10, {"100": "1"}, {"101": "2"}))
    clock.now += 1
    assert sync.on_diff(diff(11, bids=[(1, "100.5", "3")], asks=[(3, "101", "0")]))
    book = sync.order_book()
    assert book.sequence == 11
    assert book.best_bid == Decimal("100.5")
    assert book.asks == ()
    assert book.timestamp_ms == 1_001_000
    assert sync.age_seconds() == 0.0


def test_diffs_before_the_snapshot_are_buffered_and_stale_ones_dropped(
    sync: OrderBookSync,
) -> None:
    for cs, price in ((9, "1"), (10, "2"), (11, "3"), (12, "4")):
        assert not sync.on_diff(diff(cs, bids=[(1, price, "1")]))
    sync.on_snapshot(full(10, {"50": "1"}, {}))
    assert sync.sequence == 12
    assert set(sync.as_dicts()[0]) == {Decimal(50), Decimal(3), Decimal(4)}
    assert sync.stale_dropped == 2


def test_late_diff_at_or_below_sequence_is_dropped(sync: OrderBookSync) -> None:
    sync.on_snapshot(full(10, {"100": "1"}, {}))
    assert not sync.on_diff(diff(10, bids=[(0, "100", "9")]))
    assert not sync.on_diff(diff(7, bids=[(0, "100", "9")]))
    assert sync.order_book().bids[0].amount == 1
    assert sync.stale_dropped == 2


def test_gap_requests_resnapshot_and_refuses_until_it_arrives(
    sync: OrderBookSync, requests: list[Symbol]
) -> None:
    sync.on_snapshot(full(10, {"100": "1"}, {}))
    assert not sync.on_diff(diff(12, bids=[(0, "100", "9")]))
    assert requests == [BTCTRY]
    assert sync.gaps == 1
    with pytest.raises(BookNotSynced):
        sync.order_book()
    sync.on_diff(diff(21, bids=[(1, "7", "1")]))  # buffered, then replayed after the 431
    sync.on_snapshot(full(20, {"100": "5"}, {}))
    assert sync.is_synced and sync.sequence == 21
    assert sync.as_dicts()[0] == {Decimal(100): Decimal(5), Decimal(7): Decimal(1)}


def test_gap_inside_the_buffer_requests_another_resnapshot(
    sync: OrderBookSync, requests: list[Symbol]
) -> None:
    sync.on_diff(diff(11))
    sync.on_diff(diff(13))
    sync.on_snapshot(full(10, {}, {}))
    assert requests == [BTCTRY]
    assert not sync.is_synced


def test_reset_on_reconnect_waits_for_a_fresh_snapshot(
    sync: OrderBookSync, requests: list[Symbol]
) -> None:
    sync.on_snapshot(full(10, {"100": "1"}, {}))
    sync.reset("reconnect")
    assert not sync.is_synced
    assert requests == []  # the reconnect's resubscribe brings the 431; nothing to request
    sync.on_snapshot(full(500, {"90": "1"}, {}))
    assert sync.order_book().best_bid == Decimal(90)
    assert sync.snapshots == 2


def test_depth_limited_view(sync: OrderBookSync) -> None:
    sync.on_snapshot(full(1, {str(p): "1" for p in range(100, 200)}, {"300": "1"}))
    book = sync.order_book(depth=3)
    assert [level.price for level in book.bids] == [199, 198, 197]
    assert book.spread_bps is not None


def test_a_diff_that_cannot_be_applied_stops_trusting_the_book(
    sync: OrderBookSync, requests: list[Symbol]
) -> None:
    sync.on_snapshot(full(10, {"100": "1"}, {"101": "1"}))
    # the first row is applied before the second (18 decimals) is refused: half a diff
    bad = diff(11, bids=[(0, "100.5", "2"), (0, "100.000000000000000001", "1")])
    with pytest.raises(BookError):
        sync.on_diff(bad)
    assert not sync.is_synced
    assert requests == [BTCTRY]
    with pytest.raises(BookNotSynced):
        sync.order_book()
    sync.on_snapshot(full(20, {"99": "1"}, {"101": "1"}))
    assert sync.order_book().best_bid == Decimal(99)
