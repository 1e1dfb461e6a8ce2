"""The fast mutable book: exact keys, lazy sorting, and equality with a reference dict book."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from btcbot.btcturk.book import BookError, FastBook, scaled_price, unscaled_price
from btcbot.btcturk.ws_schemas import DiffRow, Level
from btcbot.domain.market import BookLevel


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6921", "6921"),
        ("61837.64000000", "61837.64"),
        ("0.0457300000000000", "0.04573"),
        ("5.12345678901234560000", "5.1234567890123456"),
        ("1E+3", "1000"),
        (" 12.5", "12.5"),
        ("-5.5", "-5.5"),
    ],
)
def test_price_keys_are_exact(text: str, value: str) -> None:
    assert unscaled_price(scaled_price(text)) == Decimal(value)
    assert str(unscaled_price(scaled_price(text))) == value


@pytest.mark.parametrize("text", ["0.00000000000000001", "abc", "NaN", "1_000", "1.2.3"])
def test_inexact_or_malformed_prices_are_refused(text: str) -> None:
    with pytest.raises(BookError):
        scaled_price(text)


def test_equal_prices_in_different_spellings_are_one_level() -> None:
    book = FastBook()
    book.load([Level(A="1", P="100")], [])
    book.apply([DiffRow(CP=0, P="100.0000000000000000", A="2")], [])
    assert book.bids.as_dict() == {Decimal(100): Decimal(2)}


def test_sides_are_sorted_best_first_and_best_tracks_changes() -> None:
    book = FastBook()
    book.load(
        [Level(A="1", P="99"), Level(A="2", P="100"), Level(A="3", P="98")],
        [Level(A="1", P="102"), Level(A="2", P="101")],
    )
    assert [level.price for level in book.bids.levels()] == [100, 99, 98]
    assert [level.price for level in book.asks.levels()] == [101, 102]
    book.apply([DiffRow(CP=1, P="100.5", A="4")], [DiffRow(CP=3, P="101", A="0")])
    assert book.bids.best() == BookLevel(Decimal("100.5"), Decimal(4))
    assert book.asks.best() == BookLevel(Decimal(102), Decimal(1))
    book.apply([DiffRow(CP=3, P="100.5", A="0")], [])
    assert book.bids.best() == BookLevel(Decimal(100), Decimal(2))
    assert [level.price for level in book.bids.levels(depth=2)] == [100, 99]


def test_delete_of_an_unknown_level_is_harmless_and_update_of_one_adds_it() -> None:
    book = FastBook()
    book.apply([DiffRow(CP=3, P="1", A="0")], [DiffRow(CP=0, P="2", A="5")])
    assert len(book.bids) == 0
    assert book.asks.as_dict() == {Decimal(2): Decimal(5)}


def test_zero_amount_levels_are_hidden_from_views() -> None:
    book = FastBook()
    book.load([Level(A="0", P="10"), Level(A="1", P="9")], [])
    assert [level.price for level in book.bids.levels()] == [9]


_prices = st.integers(min_value=1, max_value=400).map(lambda n: f"{n / 4:.8f}")
_amounts = st.integers(min_value=1, max_value=10**9).map(lambda n: f"{n / 10**8:.8f}")
_ops = st.lists(st.tuples(st.booleans(), _prices, st.sampled_from([0, 1, 3]), _amounts))


def _reference_apply(side: dict[Decimal, Decimal], price: str, cp: int, amount: str) -> None:
    if cp == 3:
        side.pop(Decimal(price), None)
    else:
        side[Decimal(price)] = Decimal(amount)


@settings(max_examples=150, deadline=None)
@given(
    snapshot=st.dictionaries(_prices, _amounts, max_size=30),
    messages=st.lists(_ops, max_size=25),
)
def test_random_diff_stream_equals_reference_dict_book(
    snapshot: dict[str, str], messages: list[list[tuple[bool, str, int, str]]]
) -> None:
    book = FastBook()
    levels = [Level(A=a, P=p) for p, a in snapshot.items()]
    book.load(levels, levels)
    bids = {Decimal(p): Decimal(a) for p, a in snapshot.items()}
    asks = dict(bids)
    for message in messages:
        bid_rows = [DiffRow(CP=cp, P=p, A=a) for is_bid, p, cp, a in message if is_bid]
        ask_rows = [DiffRow(CP=cp, P=p, A=a) for is_bid, p, cp, a in message if not is_bid]
        book.apply(bid_rows, ask_rows)
        for is_bid, price, cp, amount in message:
            _reference_apply(bids if is_bid else asks, price, cp, amount)
        assert book.bids.as_dict() == bids
        assert book.asks.as_dict() == asks
        best_bid, best_ask = book.bids.best(), book.asks.best()
        assert (best_bid.price if best_bid else None) == (max(bids) if bids else None)
        assert (best_ask.price if best_ask else None) == (min(asks) if asks else None)
    assert [lvl.price for lvl in book.bids.levels()] == sorted(bids, reverse=True)
    assert [lvl.price for lvl in book.asks.levels()] == sorted(asks)


def test_best_after_deleting_the_best_comes_from_the_heap_and_deleted_keys_do_not_pile_up() -> None:
    book = FastBook()
    book.load([], [Level(A="1", P="100")])
    for step in range(5_000):  # levels come and go behind the best
        price = str(101 + step)
        book.apply([], [DiffRow(CP=1, P=price, A="2")])
        book.apply([], [DiffRow(CP=3, P=price, A="0")])
    assert book.asks.best() == BookLevel(Decimal(100), Decimal(1))
    assert len(book.asks._heap) <= 2 * len(book.asks) + 1024  # rebuilt, not grown without end
    book.apply([], [DiffRow(CP=1, P="100.5", A="3"), DiffRow(CP=3, P="100", A="0")])
    assert book.asks.best() == BookLevel(Decimal("100.5"), Decimal(3))
    book.apply([], [DiffRow(CP=3, P="100.5", A="0")])
    assert book.asks.best() is None and book.asks.best_key() is None
