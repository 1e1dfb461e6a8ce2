"""The Telegram surface of a running agent: the bot and the notifier, started and stopped with
the run, in its event loop.

::

    async with telegram_surface(settings, services, engine, mode="live") as publish:
        ... run cycles, calling publish(report) after each one ...

``publish`` only queues the report (:meth:`.notifier.Notifier.publish`). The bot and the
notifier run as background tasks: a Telegram outage or a bug in them is logged and never
reaches the trading loop.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import structlog
from sqlalchemy import Engine

from btcbot.config import AppConfig
from btcbot.config.telegram import TelegramSettings
from btcbot.operator import OperatorServices
from btcbot.runtime.report import CycleReport
from btcbot.store import make_engine
from btcbot.telegram.activity import OrderActivity
from btcbot.telegram.app import TelegramBot
from btcbot.telegram.desk import ServicesDesk
from btcbot.telegram.notifier import Notifier
from btcbot.telegram.texts import Texts

log = structlog.get_logger(__name__)

Publish = Callable[[CycleReport], None]


@asynccontextmanager
async def telegram_surface(
    settings: TelegramSettings,
    services: OperatorServices,
    engine: Engine,
    *,
    mode: str,
    clock_ms: Callable[[], int],
    poll_seconds: float = 30.0,
) -> AsyncIterator[Publish]:
    """Run the bot and the notifier until the block ends (``services``: the operator services
    over the run's state database; ``engine``: that database, whose new order events and fills
    the notifier reads; ``mode``: the run's execution mode, live or dry_run)."""
    texts = Texts(settings.telegram_language)
    desk = ServicesDesk(services, texts, mode=mode)
    bot = TelegramBot(settings, desk, clock_ms=clock_ms)
    notifier = Notifier(
        send=lambda chat, text: bot.application.bot.send_message(chat, text),
        chats=settings.telegram_chat_ids,
        texts=bot.texts,
        head=texts("note.head", account=services.common.account_key, mode=mode),
        engine=engine,
        activity=OrderActivity(mode, notify_orders=settings.telegram_notify_orders),
        daily=services.daily,
        batch_seconds=settings.telegram_notify_batch_seconds,
        summary_at=settings.telegram_daily_summary_utc,
        clock_ms=clock_ms,
        poll_seconds=poll_seconds,
    )
    await notifier.start()
    tasks = [
        asyncio.create_task(_guarded("bot", bot.run()), name="telegram-bot"),
        asyncio.create_task(_guarded("notifier", notifier.run()), name="telegram-notifier"),
    ]
    try:
        yield notifier.publish
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def _guarded(part: str, work: object) -> None:
    """Run ``work``; an unexpected failure is logged, never raised into the agent."""
    assert asyncio.iscoroutine(work)
    try:
        await work
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("telegram_stopped", part=part)


@asynccontextmanager
async def run_surface(
    config: AppConfig,
    engine: Engine,
    *,
    mode: str,
    clock_ms: Callable[[], int],
    poll_seconds: float = 30.0,
) -> AsyncIterator[Publish | None]:
    """What ``btcbot run`` starts beside its cycles: the Telegram surface when
    ``TELEGRAM_ENABLED=true`` (None otherwise). Reads go through a read-only engine on the
    run's database, writes through the run's own (``engine``)."""
    settings = config.telegram
    if not settings.telegram_enabled:
        yield None
        return
    reader = make_engine(str(engine.url.render_as_string(hide_password=False)), read_only=True)
    services = OperatorServices(
        config.common,
        reader=reader,
        writer=engine,
        api_key=config.exchange.api_key if config.has_credentials else None,
        clock_ms=clock_ms,
        in_agent=True,
    )
    try:
        async with telegram_surface(
            settings, services, reader, mode=mode, clock_ms=clock_ms, poll_seconds=poll_seconds
        ) as publish:
            yield publish
    finally:
        reader.dispose()
