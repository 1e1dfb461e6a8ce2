"""Recording part files: sessions, merging small parts, and a crash halfway through a merge."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.domain.market import BookLevel
from btcbot.marketdata.recorder import RecentIds
from btcbot.marketdata.recording_files import (
    BookRow,
    EventRow,
    RecordingError,
    RecordingWriter,
    TradeRow,
    parts,
    read_books,
    read_events,
    read_trades,
    sessions,
)

D = Decimal


def book(at: int, session: int = 1) -> BookRow:
    level = (BookLevel(D(100 + at), D("0.1234567890123456")),)
    return BookRow("BTC_TRY", at, at, session, at == 0, level, level)


def trade(at: int, session: int = 1) -> TradeRow:
    return TradeRow(
        "BTC_TRY", at, at - 5, str(2**60 + at), D("3037000"), D("0.001"), "buy", session
    )


def test_flushes_merge_into_one_part_per_range_and_read_back_in_order(tmp_path: Path) -> None:
    writer = RecordingWriter(tmp_path, compact_every=3)
    for at in range(7):
        writer.add_book(book(at))
        writer.add_trade(trade(at))
        writer.flush()
    writer.add_event(EventRow("session_end", 1, 99))
    writer.flush()
    names = [path.name for path in parts(tmp_path, "books")]
    assert names == [
        "books-s000001-p000001-000003.parquet",
        "books-s000001-p000004-000006.parquet",
        "books-s000001-p000007.parquet",
    ]
    assert [row.recv_ms for row in read_books(tmp_path)] == list(range(7))
    assert read_books(tmp_path)[3] == book(3)  # exact decimals and levels round-trip
    assert [row.trade_id for row in read_trades(tmp_path, session=1)] == [
        str(2**60 + at) for at in range(7)
    ]
    assert [event.kind for event in read_events(tmp_path)] == ["session_end"]
    writer.add_book(book(7))
    writer.flush()  # the 9th: books of flushes 7 and 9 remain small
    writer.compact()  # as at a session's end
    assert [p.name for p in parts(tmp_path, "books")][-1] == "books-s000001-p000007-000009.parquet"
    assert [row.recv_ms for row in read_books(tmp_path)] == list(range(8))


def test_a_crash_between_merging_and_deleting_repeats_nothing(tmp_path: Path) -> None:
    writer = RecordingWriter(tmp_path, compact_every=100)
    for at in range(3):
        writer.add_book(book(at))
        writer.flush()
    keep = tmp_path / "before-merge"
    keep.mkdir()
    for path in parts(tmp_path, "books"):
        shutil.copy(path, keep / path.name)
    writer.compact()
    for small in keep.iterdir():  # the small parts are back, as if the deletes never ran
        shutil.copy(small, tmp_path / small.name)
    assert len(list(tmp_path.glob("books-*.parquet"))) == 4
    assert [row.recv_ms for row in read_books(tmp_path)] == [0, 1, 2]


def test_a_new_writer_is_a_new_session(tmp_path: Path) -> None:
    first = RecordingWriter(tmp_path)
    first.add_event(EventRow("session_start", first.session, 1))
    first.flush()
    second = RecordingWriter(tmp_path)
    assert (second.session, second.resumed, sessions(tmp_path)) == (2, True, [1])
    second.add_trade(trade(5, session=2))
    second.flush()
    assert [row.session for row in read_trades(tmp_path)] == [2]
    assert read_trades(tmp_path, session=1) == []


def test_a_foreign_parquet_file_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "books-s000001-p000001.parquet").write_bytes(b"not parquet")
    with pytest.raises(RecordingError, match=r"books-s000001-p000001\.parquet: not a readable"):
        read_books(tmp_path)


def test_recent_ids_forget_the_oldest() -> None:
    seen = RecentIds(2)
    assert seen.add("a") and seen.add("b") and not seen.add("a")
    assert seen.add("c")  # forgets "a"
    assert seen.add("a") and not seen.add("c")
