"""Notifications to the configured chats, off the trading cycle's path.

::

    cycle ──publish(report)──► queue ──compose──► outbox (per chat) ──deliver──► Bot API
                                 ▲      (reads the store's
    daily schedule ──────────────┘       new order events/fills)

* :meth:`Notifier.publish` is all the cycle does: a ``put_nowait`` on a bounded queue (when
  full, the oldest report is dropped: its trips are in the next one anyway). It never waits
  and never raises.
* *compose* waits ``TELEGRAM_NOTIFY_BATCH_SECONDS`` after the first report, takes everything
  queued by then and makes it **one** message: trips that came into force or went away (with
  the command that resolves them), then the orders placed, filled, cancelled or rejected since
  the last message (read from the store in a worker thread), then the daily summary when due.
* *deliver* sends each chat's messages in order. A Telegram outage (errors, timeouts, 429) is
  retried with backoff; meanwhile what is composed joins the message waiting behind the one
  being sent (up to Telegram's length, then a new one), so the backlog arrives as one or a few
  messages, not one per batch. Up to ``OUTBOX_LIMIT`` messages per chat wait, older ones are
  dropped and the next message says how many. Nothing here can stall or stop the agent: the
  tasks only log what went wrong (the token is never part of it).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import time, timedelta

import structlog
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from btcbot.operator import OperatorError
from btcbot.operator.daily import DailyFigures
from btcbot.runtime.report import CycleReport
from btcbot.telegram.activity import OrderActivity, TripWatch
from btcbot.telegram.notes import Note, SummaryNote
from btcbot.telegram.render import MAX_MESSAGE, render_notes
from btcbot.telegram.schedule import next_summary_ms
from btcbot.telegram.texts import Texts

log = structlog.get_logger(__name__)

Send = Callable[[int, str], Awaitable[object]]
QUEUE_LIMIT = 256
OUTBOX_LIMIT = 50
RETRY_BASE_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class SummaryDue:
    """The daily summary of the 24 hours before ``end_ms`` is due."""

    end_ms: int


class Notifier:
    def __init__(
        self,
        *,
        send: Send,
        chats: Sequence[int],
        texts: Texts,
        head: str,
        engine: Engine,
        activity: OrderActivity,
        daily: Callable[[int], DailyFigures],
        batch_seconds: float,
        summary_at: time | None,
        clock_ms: Callable[[], int],
        poll_seconds: float = 30.0,
    ) -> None:
        self._send = send
        self._texts = texts
        self._head = head
        self._engine = engine
        self._activity = activity
        self._daily = daily
        self._batch_seconds = batch_seconds
        self._summary_at = summary_at
        self._clock_ms = clock_ms
        self._poll_seconds = poll_seconds
        self._queue: asyncio.Queue[CycleReport | SummaryDue] = asyncio.Queue(QUEUE_LIMIT)
        self._outbox: dict[int, deque[str]] = {chat: deque() for chat in chats}
        self._dropped: dict[int, int] = dict.fromkeys(chats, 0)
        self._waiting = asyncio.Event()
        self._trips = TripWatch()
        self.delivered = 0
        self.dropped_reports = 0

    # --- the cycle's side ----------------------------------------------------------------

    def publish(self, report: CycleReport) -> None:
        """Hand a cycle report over (never blocks, never raises)."""
        self._put(report)

    def _put(self, item: CycleReport | SummaryDue) -> None:
        while True:
            try:
                self._queue.put_nowait(item)
                return
            except asyncio.QueueFull:
                with contextlib.suppress(asyncio.QueueEmpty):
                    self._queue.get_nowait()
                    self.dropped_reports += 1

    # --- the tasks -----------------------------------------------------------------------

    async def start(self) -> None:
        """Skip what the store holds already (a restart does not replay history)."""
        await asyncio.to_thread(self._start_activity)

    def _start_activity(self) -> None:
        with self._engine.connect() as conn:
            self._activity.start(conn)

    async def run(self) -> None:
        """Compose, deliver and schedule until cancelled."""
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(self._compose(), name="telegram-compose")
            tasks.create_task(self._deliver(), name="telegram-deliver")
            if self._summary_at is not None:
                tasks.create_task(self._schedule(self._summary_at), name="telegram-daily")

    async def _compose(self) -> None:
        while True:
            first = await self._queue.get()
            if self._batch_seconds:
                await asyncio.sleep(self._batch_seconds)
            items = [first]
            while not self._queue.empty():
                items.append(self._queue.get_nowait())
            notes = await self._notes(items)
            if notes:
                self._post(render_notes(self._texts, self._head, notes))

    async def _notes(self, items: list[CycleReport | SummaryDue]) -> list[Note]:
        notes: list[Note] = []
        for item in items:
            if isinstance(item, CycleReport):
                notes.extend(self._trips.update(item.trips))
        try:
            notes.extend(await asyncio.to_thread(self._read_orders))
            for item in items:
                if isinstance(item, SummaryDue):
                    figures = await asyncio.to_thread(self._daily, item.end_ms)
                    notes.append(SummaryNote(figures, self._trips.current))
        except (SQLAlchemyError, OperatorError) as exc:
            log.warning("telegram_notes_unread", error=type(exc).__name__)
        return notes

    def _read_orders(self) -> list[Note]:
        with self._engine.connect() as conn:
            return list(self._activity.read(conn))

    def _post(self, text: str) -> None:
        # A backlog (each box[0] may be on its way): the new lines join the last waiting
        # message. Every chat's outbox is a tail of the same messages, so all join or none
        # does, and every chat reads the same messages.
        body = text.partition("\n")[2]  # the lines under the message's head
        boxes = self._outbox.values()
        if body and all(len(b) >= 2 and len(b[-1]) + 1 + len(body) <= MAX_MESSAGE for b in boxes):
            for box in boxes:
                box[-1] = f"{box[-1]}\n{body}"
        else:
            for chat, box in self._outbox.items():
                if len(box) >= OUTBOX_LIMIT:
                    box.popleft()
                    self._dropped[chat] += 1
                box.append(text)
        self._waiting.set()

    async def _deliver(self) -> None:
        delay = RETRY_BASE_SECONDS
        while True:
            await self._waiting.wait()
            pending = [(chat, box) for chat, box in self._outbox.items() if box]
            if not pending:
                self._waiting.clear()
                continue
            for chat, box in pending:
                wait = await self._deliver_one(chat, box)
                if wait is not None:
                    await asyncio.sleep(wait if wait else delay)
                    delay = min(delay * 2, RETRY_MAX_SECONDS)
                    break
                delay = RETRY_BASE_SECONDS

    async def _deliver_one(self, chat: int, box: deque[str]) -> float | None:
        """Send the oldest message of ``chat``; the seconds to wait before retrying (0: back
        off), or None when it went out (or can never go out and was dropped)."""
        text = box[0]
        if self._dropped[chat]:
            text = self._texts("note.dropped", count=self._dropped[chat]) + "\n" + text
        try:
            await self._send(chat, text)
        except RetryAfter as exc:
            retry = exc.retry_after
            seconds = retry.total_seconds() if isinstance(retry, timedelta) else float(retry)
            log.warning("telegram_rate_limited", chat_id=chat, retry_after_s=seconds)
            return max(seconds, RETRY_BASE_SECONDS)
        except (BadRequest, Forbidden) as exc:
            log.warning("telegram_message_refused", chat_id=chat, error=exc.message)
            box.popleft()
            return None
        except (NetworkError, TelegramError) as exc:
            log.warning("telegram_unreachable", chat_id=chat, error=type(exc).__name__)
            return 0
        box.popleft()
        self._dropped[chat] = 0
        self.delivered += 1
        return None

    async def _schedule(self, at: time) -> None:
        due = next_summary_ms(at, self._clock_ms())
        while True:
            now = self._clock_ms()
            if now >= due:
                self._put(SummaryDue(due))
                due = next_summary_ms(at, now)
            await asyncio.sleep(min(max((due - now) / 1000, 0.0), self._poll_seconds))
