"""Recorded market data on disk: Parquet part files of order books, trades and events.

A recording is a directory of part files, one per kind, recorder session and flush::

    books-s000001-p000001.parquet   trades-s000001-p000001.parquet   events-s000001-p000001.parquet

Every part appears whole or not at all (written under a temporary name, then renamed), so an
interrupted recorder loses only the rows it had not flushed yet. Each run of the recorder into
the directory is a new *session* (numbered on from the highest one there): recording resumes
by appending parts, never by rewriting one. So that a long recording does not become tens of
thousands of small files, a session's flushes are merged every ``compact_every`` flushes and at
its end into one part named for the range it holds (``books-s000001-p000001-000120.parquet``);
the merged part is written before the small ones are deleted, and a reader ignores any part
that a merged one covers, so a crash in between neither loses nor repeats a row.

Schemas (file metadata ``btcbot.recording`` = ``"1"``; prices and amounts are
``decimal128(38, 16)``, exact: BTCTurk sends at most 16 decimals; times are epoch ms, UTC):

``books``  ``symbol`` (``BTC_TRY``), ``recv_ms`` (when the recorder had the book),
           ``exchange_ms`` (always null: 431/432 frames carry no time), ``sequence`` (the
           changeset ``CS`` the book reflects), ``session``, ``snapshot`` (true for the first
           book after a fresh 431: the start, a reconnect, a resync after a gap),
           ``bid_price``/``bid_amount``/``ask_price``/``ask_amount`` (lists, best first).
           One row per book change, and at least one every ``keepalive`` seconds while the
           feed is healthy.
``trades`` ``symbol``, ``recv_ms``, ``exchange_ms`` (the trade's ``D``), ``trade_id`` (string:
           ids exceed 2**53), ``price``, ``amount``, ``side`` (taker ``buy``/``sell``, null when
           the frame has none), ``session``. A trade appears once, however often the feed
           repeats it (421 lists after every (re)join).
``events`` ``kind``, ``session``, ``recv_ms``, ``symbol`` (null for the whole session),
           ``from_ms``/``to_ms``, ``detail``. Kinds: ``session_start`` / ``session_end``;
           ``disconnect`` and ``changeset_gap`` (no trustworthy book of ``symbol`` from
           ``from_ms`` until the resnapshot at ``to_ms``; after a disconnect trades may be
           missing too); ``events_dropped`` (the client's queue overflowed: books and trades
           between ``from_ms`` and ``to_ms`` may be missing).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from btcbot.domain.market import BookLevel

FORMAT_VERSION = "1"
VERSION_KEY = b"btcbot.recording"
KINDS = ("books", "trades", "events")
DECIMAL = pa.decimal128(38, 16)
_PART = re.compile(r"^(books|trades|events)-s(\d{6})-p(\d{6})(?:-(\d{6}))?\.parquet$")
COMPACT_EVERY = 120  # flushes: ten minutes at the recorder's 5 s

BOOKS_SCHEMA = pa.schema(
    [
        pa.field("symbol", pa.string(), nullable=False),
        pa.field("recv_ms", pa.int64(), nullable=False),
        pa.field("exchange_ms", pa.int64()),
        pa.field("sequence", pa.int64()),
        pa.field("session", pa.int32(), nullable=False),
        pa.field("snapshot", pa.bool_(), nullable=False),
        pa.field("bid_price", pa.list_(DECIMAL), nullable=False),
        pa.field("bid_amount", pa.list_(DECIMAL), nullable=False),
        pa.field("ask_price", pa.list_(DECIMAL), nullable=False),
        pa.field("ask_amount", pa.list_(DECIMAL), nullable=False),
    ],
    metadata={VERSION_KEY: FORMAT_VERSION.encode()},
)
TRADES_SCHEMA = pa.schema(
    [
        pa.field("symbol", pa.string(), nullable=False),
        pa.field("recv_ms", pa.int64(), nullable=False),
        pa.field("exchange_ms", pa.int64(), nullable=False),
        pa.field("trade_id", pa.string(), nullable=False),
        pa.field("price", DECIMAL, nullable=False),
        pa.field("amount", DECIMAL, nullable=False),
        pa.field("side", pa.string()),
        pa.field("session", pa.int32(), nullable=False),
    ],
    metadata={VERSION_KEY: FORMAT_VERSION.encode()},
)
EVENTS_SCHEMA = pa.schema(
    [
        pa.field("kind", pa.string(), nullable=False),
        pa.field("session", pa.int32(), nullable=False),
        pa.field("recv_ms", pa.int64(), nullable=False),
        pa.field("symbol", pa.string()),
        pa.field("from_ms", pa.int64()),
        pa.field("to_ms", pa.int64()),
        pa.field("detail", pa.string(), nullable=False),
    ],
    metadata={VERSION_KEY: FORMAT_VERSION.encode()},
)
SCHEMAS = {"books": BOOKS_SCHEMA, "trades": TRADES_SCHEMA, "events": EVENTS_SCHEMA}


class RecordingError(ValueError):
    """A recording directory or part file that cannot be used; the message names it."""


@dataclass(frozen=True, slots=True)
class BookRow:
    symbol: str
    recv_ms: int
    sequence: int | None
    session: int
    snapshot: bool
    bids: tuple[BookLevel, ...]
    asks: tuple[BookLevel, ...]


@dataclass(frozen=True, slots=True)
class TradeRow:
    symbol: str
    recv_ms: int
    exchange_ms: int
    trade_id: str
    price: Decimal
    amount: Decimal
    side: str | None
    session: int


@dataclass(frozen=True, slots=True)
class EventRow:
    kind: str
    session: int
    recv_ms: int
    symbol: str | None = None
    from_ms: int | None = None
    to_ms: int | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class _Part:
    kind: str
    session: int
    first: int
    last: int
    path: Path


def _scan(directory: Path) -> list[_Part]:
    found = []
    for path in directory.iterdir() if directory.is_dir() else ():
        match = _PART.match(path.name)
        if match:
            kind, session, first, last = match.groups()
            found.append(_Part(kind, int(session), int(first), int(last or first), path))
    return found


def parts(directory: Path, kind: str, session: int | None = None) -> list[Path]:
    """The part files of ``kind`` (of one ``session``, or all), in session and flush order;
    parts a merged part covers are left out."""
    mine = [p for p in _scan(directory) if p.kind == kind]
    mine = [p for p in mine if session is None or p.session == session]
    kept = [
        part
        for part in mine
        if not any(
            other is not part
            and other.session == part.session
            and other.first <= part.first
            and part.last <= other.last
            and (other.first, other.last) != (part.first, part.last)
            for other in mine
        )
    ]
    return [part.path for part in sorted(kept, key=lambda p: (p.session, p.first))]


def sessions(directory: Path) -> list[int]:
    """Session numbers present in ``directory`` (any kind), ascending."""
    return sorted({part.session for part in _scan(directory)})


class RecordingWriter:
    """Buffers rows and writes them as new part files of one new session."""

    def __init__(self, directory: Path, *, compact_every: int = COMPACT_EVERY) -> None:
        if compact_every < 1:
            raise ValueError("compact_every must be >= 1")
        if directory.exists() and not directory.is_dir():
            raise RecordingError(f"{directory} exists and is not a directory")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RecordingError(
                f"cannot create the recording directory {directory}: "
                f"{exc.strerror or exc}; choose another --out"
            ) from None
        self.directory = directory
        self.previous_sessions = sessions(directory)
        self.session = (self.previous_sessions[-1] if self.previous_sessions else 0) + 1
        self._part = 0
        self._compacted = 0  # flushes up to this one are merged
        self._compact_every = compact_every
        self._rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
        self.written = dict.fromkeys(KINDS, 0)

    @property
    def resumed(self) -> bool:
        return bool(self.previous_sessions)

    @property
    def pending(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    def add_book(self, row: BookRow) -> None:
        self._rows["books"].append(
            {
                "symbol": row.symbol,
                "recv_ms": row.recv_ms,
                "exchange_ms": None,
                "sequence": row.sequence,
                "session": row.session,
                "snapshot": row.snapshot,
                "bid_price": [level.price for level in row.bids],
                "bid_amount": [level.amount for level in row.bids],
                "ask_price": [level.price for level in row.asks],
                "ask_amount": [level.amount for level in row.asks],
            }
        )

    def add_trade(self, row: TradeRow) -> None:
        self._rows["trades"].append(
            {
                "symbol": row.symbol,
                "recv_ms": row.recv_ms,
                "exchange_ms": row.exchange_ms,
                "trade_id": row.trade_id,
                "price": row.price,
                "amount": row.amount,
                "side": row.side,
                "session": row.session,
            }
        )

    def add_event(self, row: EventRow) -> None:
        self._rows["events"].append(
            {
                "kind": row.kind,
                "session": row.session,
                "recv_ms": row.recv_ms,
                "symbol": row.symbol,
                "from_ms": row.from_ms,
                "to_ms": row.to_ms,
                "detail": row.detail,
            }
        )

    def flush(self) -> int:
        """Write every buffered row (one new part per kind that has rows); returns how many.
        Every ``compact_every`` flushes the session's parts are merged."""
        if not self.pending:
            return 0
        self._part += 1
        count = 0
        for kind in KINDS:
            rows, self._rows[kind] = self._rows[kind], []
            if rows:
                _write(self.directory / _name(kind, self.session, self._part), kind, rows)
                self.written[kind] += len(rows)
                count += len(rows)
        if self._part - self._compacted >= self._compact_every:
            self.compact()
        return count

    def compact(self) -> None:
        """Merge the parts flushed since the last merge into one part per kind."""
        first, last = self._compacted + 1, self._part
        if last <= first:
            self._compacted = last
            return
        for kind in KINDS:
            small = sorted(
                (
                    part
                    for part in _scan(self.directory)
                    if part.kind == kind
                    and part.session == self.session
                    and first <= part.first <= part.last <= last
                ),
                key=lambda part: part.first,
            )
            if len(small) < 2:
                continue
            merged = pa.concat_tables([_read_part(part.path, kind) for part in small])
            name = f"{kind}-s{self.session:06d}-p{first:06d}-{last:06d}.parquet"
            _write_table(self.directory / name, merged)
            for part in small:
                part.path.unlink(missing_ok=True)
        self._compacted = last


def _name(kind: str, session: int, part: int) -> str:
    return f"{kind}-s{session:06d}-p{part:06d}.parquet"


def _write(path: Path, kind: str, rows: list[dict[str, Any]]) -> None:
    _write_table(path, pa.Table.from_pylist(rows, schema=SCHEMAS[kind]))


def _write_table(path: Path, table: pa.Table) -> None:
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(table, temporary, compression="zstd")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


# --- reading -------------------------------------------------------------------------------


def read_table(directory: Path, kind: str, session: int | None = None) -> pa.Table:
    """Every part of ``kind`` (of one ``session``, or all) as one table (empty, with the
    schema, when there is none)."""
    tables = [_read_part(path, kind) for path in parts(directory, kind, session)]
    if not tables:
        return SCHEMAS[kind].empty_table()
    return pa.concat_tables(tables)


def _read_part(path: Path, kind: str) -> pa.Table:
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise RecordingError(f"{path}: not a readable Parquet file: {exc}") from None
    meta = table.schema.metadata or {}
    if meta.get(VERSION_KEY) != FORMAT_VERSION.encode():
        raise RecordingError(f"{path}: not a btcbot recording part (format {meta!r:.60})")
    return table.select(SCHEMAS[kind].names).cast(SCHEMAS[kind])


def read_books(directory: Path, symbol: str | None = None) -> list[BookRow]:
    rows = _pylist(read_table(directory, "books"), symbol)
    return [
        BookRow(
            row["symbol"],
            row["recv_ms"],
            row["sequence"],
            row["session"],
            row["snapshot"],
            _levels(row["bid_price"], row["bid_amount"]),
            _levels(row["ask_price"], row["ask_amount"]),
        )
        for row in rows
    ]


def read_trades(
    directory: Path, symbol: str | None = None, session: int | None = None
) -> list[TradeRow]:
    table = read_table(directory, "trades", session)
    return [TradeRow(**row) for row in _pylist(table, symbol)]


def read_events(directory: Path) -> list[EventRow]:
    return [EventRow(**row) for row in read_table(directory, "events").to_pylist()]


def _pylist(table: pa.Table, symbol: str | None) -> list[dict[str, Any]]:
    rows = table.to_pylist()
    return [row for row in rows if symbol is None or row["symbol"] == symbol]


def _levels(prices: Sequence[Decimal], amounts: Sequence[Decimal]) -> tuple[BookLevel, ...]:
    return tuple(BookLevel(p, a) for p, a in zip(prices, amounts, strict=True))
