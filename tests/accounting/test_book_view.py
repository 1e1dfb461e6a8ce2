"""The ledger book's view: one immutable value while nothing is booked, a new one after every
change (so a cycle that books nothing reads the very same view, and one that books reads the
change)."""

from __future__ import annotations

from decimal import Decimal

from btcbot.accounting.book import LedgerBook
from btcbot.domain import Side
from tests.accounting.factories import BTC_TRY, fill


def test_the_view_is_kept_until_the_book_changes() -> None:
    book = LedgerBook()
    empty = book.view()
    assert book.view() is empty and empty.fills == 0
    buy = fill(1, Side.BUY, "100", "2")
    book.add(buy)
    bought = book.view()
    assert bought is not empty and bought.fills == 1 and empty.fills == 0
    assert bought.positions[BTC_TRY].quantity == Decimal(2) and book.view() is bought
    late = fill(0, Side.BUY, "50", "1")  # older than the booked one: rebuilt
    assert not book.add(late)
    book.rebuild(BTC_TRY, [late, buy])
    rebuilt = book.view()
    assert rebuilt is not bought and rebuilt.positions[BTC_TRY].quantity == Decimal(3)
    book.remove(late)
    book.rebuild(BTC_TRY, [buy])
    after = book.view()
    assert after is not rebuilt and after.fills == 1 and after.effect == bought.effect
