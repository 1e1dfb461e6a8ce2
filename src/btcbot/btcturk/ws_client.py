"""BTCTurk WebSocket client: connect, log in, subscribe, stay alive, emit typed events.

One background task owns the connection loop::

    limiter.acquire → connect → expect 991 → [114 login → expect 114 ok] → reset books,
    push StreamReset → send every 151 subscription → read frames (watchdog) → … on any drop:
    jittered exponential backoff → again

Frames are decoded once (:mod:`btcbot.btcturk.ws_decode`) and routed: 402/421/422, book
changes and book invalidations (a drop, a changeset gap) to :meth:`market_events`,
423/441/451/452/201 to :meth:`private_events` (single consumer each), 431/432 to the
:class:`~btcbot.btcturk.orderbook_sync.OrderBookSync` of the pair (resnapshotted on a gap, and
again while its 431 does not come). A refused login or
subscription is fatal: the iterators raise it and the loop stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import Generic, TypeVar

import structlog
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidURI, WebSocketException

from btcbot.btcturk import ws_events as ev
from btcbot.btcturk import ws_schemas as ws
from btcbot.btcturk.auth import Credentials
from btcbot.btcturk.orderbook_sync import OrderBookSync
from btcbot.btcturk.ws_config import (
    WsAuthError,
    WsClientConfig,
    WsError,
    WsProtocolError,
    WsSubscriptionError,
)
from btcbot.btcturk.ws_decode import UnknownFrame, WsDecodeError, decode_frame
from btcbot.btcturk.ws_limiter import ConnectLimiter
from btcbot.domain.symbols import Symbol
from btcbot.exchange.backoff import Backoff, process_rng

log = structlog.get_logger(__name__)

_T = TypeVar("_T")
_RECONNECTABLE = (OSError, TimeoutError, WebSocketException, WsProtocolError)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class _Stream(Generic[_T]):
    """A single-consumer event queue that can end with an error; optionally bounded."""

    def __init__(self, maxsize: int | None = None) -> None:
        self._items: deque[_T] = deque(maxlen=maxsize)
        self._wakeup = asyncio.Event()
        self._closed = False
        self._error: BaseException | None = None
        self.dropped = 0

    def put(self, item: _T) -> None:
        if self._items.maxlen is not None and len(self._items) == self._items.maxlen:
            self.dropped += 1
        self._items.append(item)
        self._wakeup.set()

    def close(self, error: BaseException | None = None) -> None:
        self._closed, self._error = True, self._error or error
        self._wakeup.set()

    async def __aiter__(self) -> AsyncIterator[_T]:
        while True:
            while self._items:
                yield self._items.popleft()
            if self._closed:
                if self._error is not None:
                    raise self._error
                return
            self._wakeup.clear()
            await self._wakeup.wait()


class BtcturkWsClient:
    def __init__(
        self,
        config: WsClientConfig,
        credentials: Credentials | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock_ms: Callable[[], int] = _wall_ms,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.config = config
        self._credentials = credentials
        self._clock = clock
        self._wall_ms = wall_clock_ms
        self._sleep = sleep
        self._rng = rng or process_rng()
        self._backoff = Backoff(
            config.reconnect_base_delay_ms / 1000, config.reconnect_max_delay_ms / 1000
        )
        self._limiter = ConnectLimiter(config.max_connects_per_minute, clock=clock, sleep=sleep)
        self._subscriptions: dict[tuple[str, str], None] = {}
        self._pending_acks: deque[tuple[str, str, bool]] = deque()
        self._books: dict[str, OrderBookSync] = {}
        self._resnapshots: dict[str, None] = {}
        self._joined_at: dict[str, float] = {}  # pair -> when its obdiff join was last sent
        self._snapshots_checked_at = 0.0
        self._market: _Stream[ev.MarketEvent] = _Stream(config.market_queue_size)
        self._private: _Stream[ev.PrivateEvent] = _Stream()
        self._ws: ClientConnection | None = None
        self._ready = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._error: WsError | None = None
        self._last_message_at: float | None = None
        self.connects = 0
        self.sessions = 0
        self.decode_errors = 0
        self.user_id: int | None = None

    # --- lifecycle -----------------------------------------------------------------------

    async def __aenter__(self) -> BtcturkWsClient:
        self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="btcturk-ws")

    async def aclose(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._market.close()
        self._private.close()

    async def wait_ready(self) -> None:
        """Until a session is logged in and has sent its subscriptions (or the client failed).

        Bound it with ``asyncio.timeout`` at the call site."""
        await self._ready.wait()
        if self._error is not None:
            raise self._error

    # --- state ---------------------------------------------------------------------------

    @property
    def is_connected(self) -> bool:
        return self._ready.is_set() and self._error is None

    @property
    def error(self) -> WsError | None:
        return self._error

    @property
    def last_message_at(self) -> float | None:
        """Clock time of the last frame received (any type)."""
        return self._last_message_at

    @property
    def is_stale(self) -> bool:
        """True when not connected or silent for longer than ``stale_after_seconds``."""
        if not self.is_connected or self._last_message_at is None:
            return True
        limit = self.config.stale_after_seconds
        return limit is not None and self._clock() - self._last_message_at > limit

    @property
    def market_events_dropped(self) -> int:
        return self._market.dropped

    # --- subscriptions and outputs -------------------------------------------------------

    async def subscribe(self, channel: str, event: str) -> None:
        """Join ``channel``/``event`` now (if connected) and after every reconnect."""
        key = (channel, event)
        if key in self._subscriptions:
            return
        self._subscriptions[key] = None
        if self._ws is not None and self._ready.is_set():
            try:
                await self._send_subscription(self._ws, channel, event, join=True)
            except (OSError, WebSocketException) as exc:
                # the connection is going down and the read loop has not seen it yet: the
                # reconnect sends every subscription, this one included
                joining = f"{channel}:{event}"
                log.info("ws_subscribe_deferred", subscription=joining, error=repr(exc))

    async def subscribe_ticker(self, symbol: Symbol) -> None:
        await self.subscribe("ticker", symbol.pair)

    async def subscribe_trades(self, symbol: Symbol) -> None:
        await self.subscribe("trade", symbol.pair)

    async def order_book(self, symbol: Symbol) -> OrderBookSync:
        """The synced book of ``symbol`` (joins ``obdiff``; resnapshots on gaps/reconnects)."""
        sync = self._books.get(symbol.pair)
        if sync is None:
            sync = OrderBookSync(symbol, self._request_resnapshot)
            self._books[symbol.pair] = sync
            self._joined_at[symbol.pair] = self._clock()
            await self.subscribe("obdiff", symbol.pair)
        return sync

    def market_events(self) -> AsyncIterator[ev.MarketEvent]:
        """Tickers, public trades, :class:`BookUpdated`, :class:`BookInvalidated` (bounded:
        oldest dropped when full)."""
        return aiter(self._market)

    def private_events(self) -> AsyncIterator[ev.PrivateEvent]:
        """Fills, order match/insert/delete, balance hints, :class:`StreamReset` (never drops)."""
        return aiter(self._private)

    # --- connection loop -----------------------------------------------------------------

    async def _run(self) -> None:
        attempt = 0
        while True:
            await self._limiter.acquire()
            self.connects += 1
            sessions_before = self.sessions
            try:
                await self._connect_once()
            except (WsAuthError, WsSubscriptionError, InvalidURI) as exc:
                self._fail(exc if isinstance(exc, WsError) else WsError(str(exc)))
                return
            except _RECONNECTABLE as exc:
                log.warning("ws_disconnected", error=repr(exc), attempt=attempt)
                self._invalidate_books("disconnect")
            finally:
                self._ws = None
                self._ready.clear()
            if self.sessions > sessions_before:  # it was healthy once: start backoff afresh
                attempt = 0
            await self._sleep(self._backoff.delay(attempt, self._rng))
            attempt += 1

    async def _connect_once(self) -> None:
        """One connection's life, until it drops (raises) or the task is cancelled."""
        cfg = self.config
        async with connect(
            cfg.url,
            open_timeout=cfg.open_timeout_seconds,
            close_timeout=cfg.close_timeout_seconds,
            ping_interval=cfg.ping_interval_seconds,
            ping_timeout=cfg.ping_timeout_seconds,
            max_size=None,
            compression=None,
        ) as conn:
            self._ws = conn
            await self._handshake(conn)
            self._start_session(conn)
            await self._resubscribe_all(conn)
            self._ready.set()
            await self._read_loop(conn)

    async def _handshake(self, conn: ClientConnection) -> None:
        timeout = self.config.handshake_timeout_seconds
        hello = await self._expect(conn, ws.HelloFrame, timeout)
        log.info("ws_connected", url=self.config.url, server_version=hello.body.current)
        if self._credentials is None:
            return
        payload = self._credentials.ws_login_payload(self._wall_ms(), self.config.login_nonce)
        await conn.send(ws.login_frame(payload).decode())
        reply = await self._expect(conn, ws.LoginFrame, timeout)
        if not reply.body.ok:
            raise WsAuthError(f"BTCTurk refused the WebSocket login: {reply.body.message}")
        self.user_id = reply.body.id
        log.info("ws_logged_in")

    async def _expect(self, conn: ClientConnection, kind: type[_T], within: float) -> _T:
        """Read until a frame of ``kind`` arrives, handling anything else on the way."""
        async with asyncio.timeout(within):
            while True:
                frame = await self._receive(conn)
                if isinstance(frame, kind):
                    return frame
                if isinstance(frame, ws.HelloFrame | ws.LoginFrame):
                    raise WsProtocolError(f"unexpected frame while waiting: {frame!r}")
                await self._dispatch(conn, frame)

    def _start_session(self, conn: ClientConnection) -> None:
        self.sessions += 1
        self._pending_acks.clear()
        self._resnapshots.clear()
        for pair, sync in self._books.items():
            sync.reset("reconnect")
            self._joined_at[pair] = self._clock()  # the resubscription below joins it again
        self._private.put(ev.StreamReset(self.sessions))

    async def _resubscribe_all(self, conn: ClientConnection) -> None:
        for channel, event in list(self._subscriptions):
            await self._send_subscription(conn, channel, event, join=True)

    async def _send_subscription(
        self, conn: ClientConnection, channel: str, event: str, *, join: bool
    ) -> None:
        self._pending_acks.append((channel, event, join))
        await conn.send(ws.subscribe_frame(channel, event, join=join).decode())

    async def _read_loop(self, conn: ClientConnection) -> None:
        stale_after = self.config.stale_after_seconds
        while True:
            try:
                async with asyncio.timeout(stale_after):
                    frame = await self._receive(conn)
            except TimeoutError:
                log.warning("ws_stale", silent_for=stale_after)
                raise WsProtocolError(f"no frame for {stale_after}s: feed is stale") from None
            await self._dispatch(conn, frame)
            self._ask_again_for_lost_snapshots()
            if self._resnapshots:
                await self._flush_resnapshots(conn)

    async def _receive(self, conn: ClientConnection) -> ws.Frame | UnknownFrame | None:
        """The next decodable frame; ``None`` for one that failed to decode (counted)."""
        data = await conn.recv()
        self._last_message_at = self._clock()
        try:
            return decode_frame(data)
        except WsDecodeError as exc:
            self._bad_frame(exc)
            return None

    def _bad_frame(self, exc: WsDecodeError) -> None:
        """Dropped, counted and logged; the connection and its other frames go on."""
        self.decode_errors += 1
        log.warning("ws_bad_frame", error=str(exc))

    def _fail(self, exc: WsError) -> None:
        log.error("ws_fatal", error=str(exc))
        self._error = exc
        self._ready.set()  # wake wait_ready() so it raises
        self._market.close(exc)
        self._private.close(exc)

    # --- routing -------------------------------------------------------------------------

    async def _dispatch(
        self, conn: ClientConnection, frame: ws.Frame | UnknownFrame | None
    ) -> None:
        try:
            self._route(frame)
        except (ValueError, ArithmeticError) as exc:
            # translation to domain values refused a value (MoneyError, SymbolError, an unknown
            # enum, a decimal that is no number): the frame is bad, not the connection
            why = f"bad {type(frame).__name__} values ({type(exc).__name__}: {exc})"
            self._bad_frame(WsDecodeError(why))

    def _route(self, frame: ws.Frame | UnknownFrame | None) -> None:
        match frame:
            case ws.BookDiffFrame(body=body):
                self._on_book_diff(body)
            case ws.BookFullFrame(body=body):
                self._on_book_full(body)
            case ws.ResultFrame(body=body):
                self._on_result(body)
            case ws.TickerFrame() | ws.TradeFrame() | ws.TradeListFrame():
                self._on_market(frame)
            case (
                ws.UserTradeFrame()
                | ws.OrderMatchFrame()
                | ws.OrderInsertFrame()
                | ws.OrderDeleteFrame()
                | ws.BalanceFrame()
            ):
                self._on_private(frame)
            case UnknownFrame(type=frame_type):
                log.debug("ws_unhandled_frame", type=frame_type)
            case _:
                pass

    def _on_book_full(self, body: ws.BookFull) -> None:
        if body.channel not in (None, "obdiff"):  # the 1 s "orderbook" channel is not ours
            return
        sync = self._books.get(body.event or body.PS or "")
        if sync is not None:
            sync.on_snapshot(body)
            self._market.put(ev.BookUpdated(sync.symbol, body.CS, snapshot=True))

    def _on_book_diff(self, body: ws.BookDiff) -> None:
        sync = self._books.get(body.event or body.PS or "")
        if sync is not None and sync.on_diff(body):
            self._market.put(ev.BookUpdated(sync.symbol, body.CS, snapshot=False))

    def _on_result(self, body: ws.Result) -> None:
        if not self._pending_acks:
            log.info("ws_unsolicited_result", ok=body.ok, message=body.message)
            return
        channel, event, join = self._pop_ack(body.message)
        if not body.ok:
            verb = "join" if join else "leave"
            raise WsSubscriptionError(
                f"BTCTurk refused to {verb} {channel}:{event}: {body.message}"
            )

    def _pop_ack(self, message: str | None) -> tuple[str, str, bool]:
        """The pending subscription a 100 answers: matched on ``"join|channel:event"`` when the
        message names one we sent, else the oldest (acks come back in order)."""
        verb, _, target = (message or "").partition("|")
        channel, _, event = target.partition(":")
        wanted = (channel, event, verb != "leave")
        for pending in self._pending_acks:
            if pending == wanted:
                self._pending_acks.remove(pending)
                return pending
        return self._pending_acks.popleft()

    def _on_market(self, frame: ws.TickerFrame | ws.TradeFrame | ws.TradeListFrame) -> None:
        match frame:
            case ws.TickerFrame(body=body):
                self._market.put(ev.ticker_from_wire(body, self._wall_ms()))
            case ws.TradeFrame(body=body):
                self._market.put(ev.trade_from_wire(body, Symbol.parse(body.PS)))
            case ws.TradeListFrame(body=body):
                symbol = Symbol.parse(body.symbol)
                for item in reversed(body.items):  # the list arrives newest first
                    self._market.put(ev.trade_from_wire(item, symbol))

    def _on_private(
        self,
        frame: ws.UserTradeFrame
        | ws.OrderMatchFrame
        | ws.OrderInsertFrame
        | ws.OrderDeleteFrame
        | ws.BalanceFrame,
    ) -> None:
        match frame:
            case ws.UserTradeFrame(body=body):
                self._private.put(ev.fill_from_wire(body))
            case ws.OrderMatchFrame(body=body):
                self._private.put(ev.match_from_wire(body))
            case ws.OrderInsertFrame(body=body) if body.id != 0:  # id 0: public-socket filler
                self._private.put(ev.order_state_from_wire(body, ev.OrderInserted))
            case ws.OrderDeleteFrame(body=body) if body.id != 0:
                self._private.put(ev.order_state_from_wire(body, ev.OrderDeleted))
            case ws.BalanceFrame(body=body):
                self._private.put(ev.BalanceChanged(body.userId))

    # --- resnapshot ----------------------------------------------------------------------

    def _request_resnapshot(self, symbol: Symbol) -> None:
        self._resnapshots[symbol.pair] = None
        self._market.put(ev.BookInvalidated(symbol, "changeset_gap", self._wall_ms()))

    def _invalidate_books(self, reason: str) -> None:
        at_ms = self._wall_ms()
        for sync in self._books.values():
            self._market.put(ev.BookInvalidated(sync.symbol, reason, at_ms))

    def _ask_again_for_lost_snapshots(self) -> None:
        """A book whose 431 has not come ``snapshot_timeout_seconds`` after its join is
        resnapshotted again (frames of other pairs keep the connection, and so the watchdog,
        alive)."""
        now, timeout = self._clock(), self.config.snapshot_timeout_seconds
        if now - self._snapshots_checked_at < timeout / 4:  # not on every frame: a hot path
            return
        self._snapshots_checked_at = now
        for pair, sync in self._books.items():
            if not sync.is_synced and now - self._joined_at.get(pair, now) > timeout:
                log.warning("orderbook_snapshot_lost", symbol=pair, waited_s=timeout)
                self._resnapshots[pair] = None

    async def _flush_resnapshots(self, conn: ClientConnection) -> None:
        pairs, self._resnapshots = list(self._resnapshots), {}
        for pair in pairs:
            log.info("orderbook_resnapshot", symbol=pair)
            self._joined_at[pair] = self._clock()
            await self._send_subscription(conn, "obdiff", pair, join=False)
            await self._send_subscription(conn, "obdiff", pair, join=True)
