"""Order-book decode + apply throughput on one core: ours vs the cryptofeed-style C book.

Run: .venv/bin/python bench/ws_book_throughput.py [--repeats N]

Stream: real Binance BTCUSDT L2 (shared/data/binance_l2_raw/spot_btcusdt_20240808.gz)
converted to BTCTurk 431 + 432 frames (see book_stream.py); a seeded synthetic stream with the
same shape is used, and announced, when shared/ is absent. Each repeat starts from the 431
snapshot with a fresh book and times decode + apply of every 432 frame (bytes in, book out).

* ours: msgspec tagged-union decode (ws_decode) + FastBook (scaled-int keys, str amounts)
* orjson + order_book.OrderBook: ``Decimal`` keys/values, ``del`` on delete — how cryptofeed
  maintains books (without its delta bookkeeping, which would only slow the reference)
* msgspec + order_book.OrderBook: our decoder feeding the C book
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

import orjson
from order_book import OrderBook

from book_stream import Stream, load
from btcbot.btcturk.book import FastBook
from btcbot.btcturk.ws_decode import decode_frame
from btcbot.btcturk.ws_schemas import BookDiffFrame, BookFullFrame

TARGET = 1.8


def run_ours(stream: Stream) -> tuple[float, FastBook]:
    snapshot = decode_frame(stream.snapshot)
    assert isinstance(snapshot, BookFullFrame)
    book = FastBook()
    book.load(snapshot.body.BO, snapshot.body.AO)
    apply = book.apply
    started = time.perf_counter()
    for raw in stream.diffs:
        body = cast(BookDiffFrame, decode_frame(raw)).body  # the stream holds only 432 frames
        apply(body.BO, body.AO)
    return time.perf_counter() - started, book


def _c_book_from_snapshot(body: Any) -> OrderBook:
    book = OrderBook()
    for row in body["BO"]:
        book.bids[Decimal(row["P"])] = Decimal(row["A"])
    for row in body["AO"]:
        book.asks[Decimal(row["P"])] = Decimal(row["A"])
    return book


def run_orjson_c_book(stream: Stream) -> tuple[float, OrderBook]:
    book = _c_book_from_snapshot(orjson.loads(stream.snapshot)[1])
    started = time.perf_counter()
    for raw in stream.diffs:
        msg = orjson.loads(raw)[1]
        for side, key in ((book.bids, "BO"), (book.asks, "AO")):
            for row in msg[key]:
                price = Decimal(row["P"])
                if row["CP"] == 3:
                    if price in side:
                        del side[price]
                else:
                    side[price] = Decimal(row["A"])
    return time.perf_counter() - started, book


def run_msgspec_c_book(stream: Stream) -> tuple[float, OrderBook]:
    book = _c_book_from_snapshot(orjson.loads(stream.snapshot)[1])
    started = time.perf_counter()
    for raw in stream.diffs:
        body = cast(BookDiffFrame, decode_frame(raw)).body
        for side, rows in ((book.bids, body.BO), (book.asks, body.AO)):
            for row in rows:
                price = Decimal(row.P)
                if row.CP == 3:
                    if price in side:
                        del side[price]
                else:
                    side[price] = Decimal(row.A)
    return time.perf_counter() - started, book


def median_rate(
    runner: Callable[[Stream], tuple[float, Any]], stream: Stream, repeats: int
) -> float:
    runner(stream)  # warm-up (imports, allocator); not timed
    seconds = []
    for _ in range(repeats):
        gc.collect()
        seconds.append(runner(stream)[0])
    return len(stream.diffs) / statistics.median(seconds)


def same_final_book(stream: Stream) -> bool:
    _, ours = run_ours(stream)
    _, reference = run_orjson_c_book(stream)
    same: bool = ours.bids.as_dict() == reference.bids.to_dict() and (
        ours.asks.as_dict() == reference.asks.to_dict()
    )
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    stream = load()
    assert isinstance(decode_frame(stream.diffs[0]), BookDiffFrame)
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"stream:  {stream.source}")
    print(
        f"         {len(stream.diffs)} diff frames, {stream.rows} rows "
        f"({stream.rows / len(stream.diffs):.1f} rows/frame), median of {args.repeats} repeats"
    )
    rates = {
        "ours (msgspec + FastBook)": median_rate(run_ours, stream, args.repeats),
        "orjson + order_book C ext (reference)": median_rate(
            run_orjson_c_book, stream, args.repeats
        ),
        "msgspec + order_book C ext": median_rate(run_msgspec_c_book, stream, args.repeats),
    }
    rows_per_frame = stream.rows / len(stream.diffs)
    for name, rate in rates.items():
        print(f"  {name:40s} {rate:>12,.0f} msg/s  {rate * rows_per_frame:>14,.0f} rows/s")
    ratio = rates["ours (msgspec + FastBook)"] / rates["orjson + order_book C ext (reference)"]
    print(f"identical final books (ours vs reference): {same_final_book(stream)}")
    verdict = "MET" if ratio >= TARGET else "NOT MET"
    print(f"ratio ours/reference: {ratio:.2f}x (target >= {TARGET}x): {verdict}")


if __name__ == "__main__":
    main()
