"""The WebSocket feed: subscriptions, public channels, HMAC login and private frames.

Order-book diffs (432): the feed keeps the book it last *published* per symbol. After each
engine operation it compares the touched symbols' books with that copy and sends one 432 per
symbol with rows ``{"CP": 0|1|3, "P": price, "A": amount}`` — CP 1 = level added, 0 = level
updated, 3 = level deleted. **Assumption (undocumented by BTCTurk, I#204):** ``A`` is the
level's NEW TOTAL amount; on a delete it carries the level's last total (as in the I#204
capture), and the level must simply be removed. ``CS`` grows by exactly 1 per batch (unless the
``changeset_gap_next`` fault skips one). A 431 snapshot is the published book at its ``CS``, so
applying every later 432 with a higher CS to it reproduces the REST order book.
"""

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from btcbot.emulator import ws_frames
from btcbot.emulator.auth import INVALID_PUBLIC_KEY, signature_matches
from btcbot.emulator.engine import Exchange
from btcbot.emulator.events import (
    BookTouched,
    Event,
    OrderInserted,
    OrderMatched,
    OrderRemoved,
    TradePrinted,
    UserFilled,
)
from btcbot.emulator.faults import Faults
from btcbot.emulator.http_util import client_ip, json_response
from btcbot.emulator.orders import Order
from btcbot.emulator.rate_limits import RateLimiter
from btcbot.emulator.wire import dec_str, loads
from btcbot.exchange.symbol_table import SymbolRule

CHANNELS = frozenset({"ticker", "trade", "orderbook", "obdiff"})
TRADE_LIST_SIZE = 50
MAX_QUEUED_FRAMES = 20_000
INVALID_REQUEST = "Unauthorized - Invalid Request"


class WsClient:
    """One connection: an outgoing queue drained by a writer task, in order. While ``muted()``
    (the ``ws_stall_seconds`` fault) frames are dropped, not queued."""

    def __init__(
        self, ws: web.WebSocketResponse, muted: Callable[[], bool] = lambda: False
    ) -> None:
        self.ws = ws
        self.muted = muted
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self.user_id: int | None = None
        self.subscriptions: set[tuple[str, str]] = set()

    def send(self, data: bytes) -> None:
        if self.muted():
            return
        if self.queue.qsize() < MAX_QUEUED_FRAMES:
            self.queue.put_nowait(data)

    async def write_loop(self) -> None:
        while (data := await self.queue.get()) is not None:
            try:
                await self.ws.send_str(data.decode())
            except ConnectionResetError:
                return


@dataclass
class PublishedBook:
    cs: int = 1
    asks: dict[Decimal, Decimal] = field(default_factory=dict)
    bids: dict[Decimal, Decimal] = field(default_factory=dict)


class WsFeed:
    def __init__(
        self,
        exchange: Exchange,
        faults: Faults,
        limiter: RateLimiter,
        *,
        publish_452_on_fill: bool,
        heartbeat_seconds: float | None,
    ) -> None:
        self.exchange = exchange
        self.faults = faults
        self.limiter = limiter
        self.publish_452_on_fill = publish_452_on_fill
        self.heartbeat_seconds = heartbeat_seconds
        self.clients: set[WsClient] = set()
        self.published = {rule.name: PublishedBook() for rule in exchange.table.symbols}
        self._stalled_until = 0.0
        exchange.subscribe(self.on_event)

    def stall(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (sockets stay open): a silent feed stall."""
        self._stalled_until = time.monotonic() + seconds

    def is_stalled(self) -> bool:
        return time.monotonic() < self._stalled_until

    # ------------------------------------------------------------------ connections
    async def handle(self, request: web.Request) -> web.StreamResponse:
        refusal = self.limiter.check_ws_connect(client_ip(request), time.monotonic())
        if refusal is not None:
            self.faults.counters.ws["refused"] += 1
            headers = {"Retry-After": str(refusal.retry_after_s)}
            return json_response(refusal.body(), status=429, headers=headers)
        ws = web.WebSocketResponse(heartbeat=self.heartbeat_seconds)
        await ws.prepare(request)
        self.faults.counters.ws["connects"] += 1
        client = WsClient(ws, self.is_stalled)
        self.clients.add(client)
        writer = asyncio.create_task(client.write_loop())
        client.send(ws_frames.HELLO)
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    self._on_text(client, message.data)
        finally:
            self.clients.discard(client)
            client.queue.put_nowait(None)
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(writer, timeout=1.0)
        return ws

    async def disconnect_all(self) -> int:
        """Close every connection (fault or shutdown); returns how many were closed."""
        clients = list(self.clients)
        for client in clients:
            await client.ws.close(code=WSCloseCode.GOING_AWAY, message=b"emulator disconnect")
        return len(clients)

    # ------------------------------------------------------------------ inbound
    def _on_text(self, client: WsClient, text: str) -> None:
        try:
            message = loads(text)
        except ValueError:
            return
        if not (isinstance(message, list) and len(message) == 2 and isinstance(message[1], dict)):
            return
        kind, body = message
        if kind == 151:
            self._subscribe(client, body)
        elif kind == 114:
            self._login(client, body)

    def _subscribe(self, client: WsClient, body: dict[str, Any]) -> None:
        channel, event = str(body.get("channel", "")), str(body.get("event", ""))
        join = body.get("join", True) is not False
        rule = self.exchange.table.find(event)
        valid = channel in CHANNELS and (
            (rule is not None and event == rule.name) or (channel == "ticker" and event == "all")
        )
        if not valid:
            client.send(ws_frames.result(False, f"{'join' if join else 'leave'}|{channel}:{event}"))
            return
        if not join:
            client.subscriptions.discard((channel, event))
            client.send(ws_frames.result(True, f"leave|{channel}:{event}"))
            return
        client.subscriptions.add((channel, event))
        client.send(ws_frames.result(True, f"join|{channel}:{event}"))
        self._send_initial(client, channel, event, rule)

    def _send_initial(
        self, client: WsClient, channel: str, event: str, rule: SymbolRule | None
    ) -> None:
        if channel == "ticker":
            if rule is None:
                client.send(ws_frames.ticker_all(self.exchange))
            else:
                client.send(ws_frames.ticker_pair(self.exchange, rule))
        elif rule is not None and channel == "trade":
            trades = list(self.exchange.trades[rule.name])[-TRADE_LIST_SIZE:]
            client.send(ws_frames.trade_list(rule, trades))
        elif rule is not None:
            client.send(self._snapshot(channel, rule))

    def _snapshot(self, channel: str, rule: SymbolRule) -> bytes:
        book = self.published[rule.name]
        asks = sorted(book.asks.items())
        bids = sorted(book.bids.items(), reverse=True)
        return ws_frames.book_full(channel, rule, book.cs, asks, bids)

    def _login(self, client: WsClient, body: dict[str, Any]) -> None:
        key = str(body.get("publicKey", ""))
        user = self.exchange.user_by_key(key)
        if user is None or user.is_bot:
            client.send(ws_frames.login_failed(INVALID_PUBLIC_KEY))
            return
        suffix = str(body.get("nonce", ""))
        if not signature_matches(
            key, user.account.api_secret, suffix, str(body.get("signature", ""))
        ):
            client.send(ws_frames.login_failed(INVALID_REQUEST))
            return
        client.user_id = user.user_id
        self.faults.counters.ws["logins"] += 1
        client.send(ws_frames.login_ok(user.user_id))

    # ------------------------------------------------------------------ outbound
    def _to_subscribers(self, channel: str, event: str, data: bytes) -> None:
        for client in self.clients:
            if (channel, event) in client.subscriptions:
                client.send(data)

    def _to_user(self, user_id: int, data_factory: Callable[[], bytes]) -> None:
        targets = [c for c in self.clients if c.user_id == user_id]
        if targets:
            data = data_factory()
            for client in targets:
                client.send(data)

    def on_event(self, event: Event) -> None:
        if isinstance(event, BookTouched):
            for name in sorted(event.symbols):
                self._publish_diff(name)
        elif isinstance(event, TradePrinted):
            name = event.trade.rule.name
            self._to_subscribers("trade", name, ws_frames.trade_single(event.trade))
        elif isinstance(event, OrderInserted):
            order = event.order
            self._to_user(
                order.user_id, lambda: ws_frames.order_event(451, order, self._denom_left(order))
            )
        elif isinstance(event, OrderMatched):
            match = event
            self._to_user(
                match.order.user_id,
                lambda: ws_frames.order_match(match.order, match.amount, match.price),
            )
        elif isinstance(event, UserFilled):
            fill = event.fill
            self._to_user(fill.user_id, lambda: ws_frames.user_trade(fill))
        elif isinstance(event, OrderRemoved):
            self._on_removed(event)

    def _on_removed(self, event: OrderRemoved) -> None:
        if event.reason == "filled" and not self.publish_452_on_fill:
            return
        order = event.order
        self._to_user(
            order.user_id, lambda: ws_frames.order_event(452, order, self._denom_left(order))
        )

    def _denom_left(self, order: Order) -> Decimal:
        if order.side == "buy":
            if order.is_open:
                return order.locked
            return order.left * order.price * (1 + self.exchange.fees.reserve_rate)
        return order.left * order.price * (1 - self.exchange.fees.reserve_rate)

    def _publish_diff(self, name: str) -> None:
        book = self.exchange.books[name]
        published = self.published[name]
        asks, published.asks = _diff_rows(published.asks, dict(book.asks.depth()), False)
        bids, published.bids = _diff_rows(published.bids, dict(book.bids.depth()), True)
        if not asks and not bids:
            return
        published.cs += 2 if self.faults.take_changeset_gap() else 1
        rule = self.exchange.rule(name)
        self._to_subscribers("obdiff", name, ws_frames.book_diff(rule, published.cs, asks, bids))

    def publish_periodic(self) -> None:
        """Tickers (402 per pair, 401 for ``all``) and full books on the ``orderbook`` channel."""
        wanted = set().union(*(c.subscriptions for c in self.clients)) if self.clients else set()
        if ("ticker", "all") in wanted:
            self._to_subscribers("ticker", "all", ws_frames.ticker_all(self.exchange))
        for rule in self.exchange.table.symbols:
            if ("ticker", rule.name) in wanted:
                self._to_subscribers(
                    "ticker", rule.name, ws_frames.ticker_pair(self.exchange, rule)
                )
            if ("orderbook", rule.name) in wanted:
                self._to_subscribers("orderbook", rule.name, self._snapshot("orderbook", rule))


def _diff_rows(
    old: dict[Decimal, Decimal], new: dict[Decimal, Decimal], best_high: bool
) -> tuple[list[dict[str, Any]], dict[Decimal, Decimal]]:
    rows: list[tuple[Decimal, dict[str, Any]]] = []
    for price, amount in new.items():
        if price not in old:
            rows.append((price, {"CP": 1, "P": dec_str(price), "A": dec_str(amount)}))
        elif old[price] != amount:
            rows.append((price, {"CP": 0, "P": dec_str(price), "A": dec_str(amount)}))
    for price, amount in old.items():
        if price not in new:
            rows.append((price, {"CP": 3, "P": dec_str(price), "A": dec_str(amount)}))
    rows.sort(key=lambda row: row[0], reverse=best_high)
    return [row for _, row in rows], new
