"""Order-book decode + apply throughput on one core: ours vs the cryptofeed-style C book.

Run: .venv/bin/python bench/ws_book_throughput.py [--rounds N]

Stream: real Binance BTCUSDT L2 (shared/data/binance_l2_raw/spot_btcusdt_20240808.gz)
converted to BTCTurk 431 + 432 frames (see book_stream.py); a seeded synthetic stream with the
same shape is used, and announced, when shared/ is absent. Each run starts from the 431
snapshot with a fresh book and times decode + apply of every 432 frame (bytes in, book out).

Variants:

* ours: msgspec tagged-union decode (ws_decode) + FastBook (scaled-int keys, str amounts,
  best level from a lazily pruned heap)
* orjson + order_book.OrderBook: ``Decimal`` keys/values, ``del`` on delete — how cryptofeed
  maintains books (without its delta bookkeeping, which would only slow the reference)
* msgspec + order_book.OrderBook: our decoder feeding the C book

Workloads: ``apply`` (decode + apply only) and ``apply+top`` (the peer harness's: the best bid
and ask are read after every message, as a strategy quoting off the top would).

The machine is shared and noisy, so the variants are alternated round by round (each round
runs every variant of a workload once, in a rotated order) and the verdict is the median of
the per-round ratios ours/reference, never a comparison of runs made minutes apart.
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
OURS = "ours (msgspec + FastBook)"
REFERENCE = "orjson + order_book C ext (reference)"
MSGSPEC_C = "msgspec + order_book C ext"
Runner = Callable[[Stream, bool], tuple[float, Any]]


def run_ours(stream: Stream, top: bool) -> tuple[float, FastBook]:
    snapshot = decode_frame(stream.snapshot)
    assert isinstance(snapshot, BookFullFrame)
    book = FastBook()
    book.load(snapshot.body.BO, snapshot.body.AO)
    apply, best_bid, best_ask = book.apply, book.bids.best_key, book.asks.best_key
    started = time.perf_counter()
    for raw in stream.diffs:
        body = cast(BookDiffFrame, decode_frame(raw)).body  # the stream holds only 432 frames
        apply(body.BO, body.AO)
        if top:
            best_bid(), best_ask()
    return time.perf_counter() - started, book


def _c_book_from_snapshot(body: Any) -> OrderBook:
    book = OrderBook()
    for row in body["BO"]:
        book.bids[Decimal(row["P"])] = Decimal(row["A"])
    for row in body["AO"]:
        book.asks[Decimal(row["P"])] = Decimal(row["A"])
    return book


def _c_top(book: OrderBook) -> None:
    if len(book.bids):
        book.bids.index(0)
    if len(book.asks):
        book.asks.index(0)


def run_orjson_c_book(stream: Stream, top: bool) -> tuple[float, OrderBook]:
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
        if top:
            _c_top(book)
    return time.perf_counter() - started, book


def run_msgspec_c_book(stream: Stream, top: bool) -> tuple[float, OrderBook]:
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
        if top:
            _c_top(book)
    return time.perf_counter() - started, book


VARIANTS: dict[str, Runner] = {
    OURS: run_ours,
    REFERENCE: run_orjson_c_book,
    MSGSPEC_C: run_msgspec_c_book,
}


def alternated(stream: Stream, top: bool, rounds: int) -> dict[str, list[float]]:
    """msg/s of every variant per round; round r starts with variant r mod 3 (rotated)."""
    names = list(VARIANTS)
    for name in names:
        VARIANTS[name](stream, top)  # warm-up (imports, allocator, memos); not timed
    rates: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            gc.collect()
            seconds = VARIANTS[name](stream, top)[0]
            rates[name].append(len(stream.diffs) / seconds)
    return rates


def same_final_book(stream: Stream) -> bool:
    _, ours = run_ours(stream, True)
    _, reference = run_orjson_c_book(stream, True)
    same: bool = ours.bids.as_dict() == reference.bids.to_dict() and (
        ours.asks.as_dict() == reference.asks.to_dict()
    )
    best_bid, best_ask = ours.bids.best(), ours.asks.best()
    return (
        same
        and best_bid is not None
        and best_ask is not None
        and (best_bid.price, best_ask.price)
        == (reference.bids.index(0)[0], reference.asks.index(0)[0])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="alternated rounds per workload")
    args = parser.parse_args()
    stream = load()
    assert isinstance(decode_frame(stream.diffs[0]), BookDiffFrame)
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"stream:  {stream.source}")
    rows_per_frame = stream.rows / len(stream.diffs)
    print(
        f"         {len(stream.diffs)} diff frames, {stream.rows} rows "
        f"({rows_per_frame:.1f} rows/frame); {args.rounds} alternated rounds, medians"
    )
    print(f"identical final books and top of book (ours vs reference): {same_final_book(stream)}")
    for workload, top in (("apply", False), ("apply+top", True)):
        rates = alternated(stream, top, args.rounds)
        print(f"workload {workload}:")
        for name, series in rates.items():
            rate = statistics.median(series)
            print(f"  {name:40s} {rate:>12,.0f} msg/s  {rate * rows_per_frame:>14,.0f} rows/s")
        ratios = [o / r for o, r in zip(rates[OURS], rates[REFERENCE], strict=True)]
        ratio = statistics.median(ratios)
        print(
            f"  ratio ours/reference, median of per-round ratios: {ratio:.2f}x "
            f"(rounds: {min(ratios):.2f}x..{max(ratios):.2f}x; target >= {TARGET}x): "
            f"{'MET' if ratio >= TARGET else 'NOT MET'}"
        )
        versus_c = statistics.median(
            o / m for o, m in zip(rates[OURS], rates[MSGSPEC_C], strict=True)
        )
        print(f"  ratio ours/(msgspec + C book): {versus_c:.2f}x")


if __name__ == "__main__":
    main()
