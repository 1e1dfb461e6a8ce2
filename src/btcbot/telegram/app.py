"""The Telegram bot: python-telegram-bot's long polling, inside the agent's event loop.

Every update passes the allow-list first: a chat not in ``TELEGRAM_CHAT_IDS`` gets no answer and
leaves one log line (``telegram_chat_refused``). Commands then go to a :class:`Desk`, the
bot's view of the operator services: reads answer at once, writes are asked back (buttons,
or a "yes" reply, :mod:`.confirm`) and done through the services with the actor
``telegram:<chat id>`` (the services audit-log it and apply the same gates as every surface).

The bot never holds logic of its own and never stalls the agent: the services' reads and
writes run in a worker thread, and :meth:`TelegramBot.run` keeps retrying (with backoff) while
Telegram cannot be reached, logging only the error's kind (python-telegram-bot puts the token
into some of its messages).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Protocol

import structlog
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from btcbot.config.telegram import TelegramSettings
from btcbot.telegram.confirm import Confirmations, Write
from btcbot.telegram.texts import Texts
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

log = structlog.get_logger(__name__)

READS = ("help", "start", "status", "orders", "balance", "profit", "daily")
WRITES = ("stopentry", "killswitch", "freeze")
POLL_TIMEOUT_SECONDS = 20  # long polling: Telegram holds getUpdates open this long
RETRY_BASE_SECONDS = 2.0
RETRY_MAX_SECONDS = 120.0

Context = ContextTypes.DEFAULT_TYPE


class Desk(Protocol):
    """What the bot answers from (see :mod:`.desk`): texts in the configured language."""

    def read(self, command: str, args: Sequence[str]) -> str:
        """The answer to a read command."""
        ...

    def write(self, command: str, args: Sequence[str]) -> Write | str:
        """The write a command asks for, or the usage text when its arguments are wrong."""
        ...

    def unknown(self, command: str) -> str:
        """The answer to a command the bot does not have."""
        ...


def build_application(settings: TelegramSettings) -> Application:  # type: ignore[type-arg]
    base = settings.telegram_api_base_url.rstrip("/")
    return (
        Application.builder()
        .token(settings.token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .request(HTTPXRequest(connect_timeout=5.0, read_timeout=10.0, write_timeout=10.0))
        .get_updates_request(
            HTTPXRequest(connect_timeout=5.0, read_timeout=POLL_TIMEOUT_SECONDS + 10.0)
        )
        .build()
    )


class TelegramBot:
    def __init__(
        self,
        settings: TelegramSettings,
        desk: Desk,
        *,
        clock_ms: Callable[[], int],
        application: Application | None = None,  # type: ignore[type-arg]
    ) -> None:
        self.texts = Texts(settings.telegram_language)
        self.allowed = frozenset(settings.telegram_chat_ids)
        self.desk = desk
        self.confirmations = Confirmations(settings.telegram_confirm_seconds, clock_ms)
        self.application = application or build_application(settings)
        self.refused = 0
        self._add_handlers()

    # --- lifecycle -----------------------------------------------------------------------

    async def run(self) -> None:
        """Poll until cancelled; while Telegram cannot be reached, retry with backoff."""
        app = self.application
        delay = RETRY_BASE_SECONDS
        while True:
            try:
                await app.initialize()
                break
            except InvalidToken:
                log.error("telegram_token_refused", fix="check TELEGRAM_BOT_TOKEN(_FILE)")
            except TelegramError as exc:
                log.warning("telegram_unreachable", error=type(exc).__name__, retry_s=delay)
            await app.bot.shutdown()  # close its connections while waiting
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX_SECONDS)
        try:
            await app.start()
            assert app.updater is not None  # built with an updater
            await app.updater.start_polling(
                timeout=POLL_TIMEOUT_SECONDS,
                bootstrap_retries=-1,
                allowed_updates=["message", "callback_query"],
                error_callback=_polling_error,
            )
            log.info("telegram_bot_started", chats=len(self.allowed))
            await asyncio.Event().wait()  # until cancelled
        finally:
            await self._stop()

    async def _stop(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    # --- handlers ------------------------------------------------------------------------

    def _add_handlers(self) -> None:
        app = self.application
        app.add_handler(TypeHandler(Update, self._gate), group=-1)
        app.add_handler(CommandHandler(list(READS), self._on_read))
        app.add_handler(CommandHandler(list(WRITES), self._on_write))
        app.add_handler(MessageHandler(filters.COMMAND, self._on_unknown))  # after the known
        app.add_handler(CallbackQueryHandler(self._on_button))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self._on_text))
        app.add_error_handler(self._on_error)

    async def _gate(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is not None and chat.id in self.allowed:
            return
        self.refused += 1
        log.warning("telegram_chat_refused", chat_id=None if chat is None else chat.id)
        raise ApplicationHandlerStop

    async def _on_read(self, update: Update, context: Context) -> None:
        command, args = _command(update, context)
        name = "help" if command == "start" else command
        text = await asyncio.to_thread(self.desk.read, name, args)
        await self._reply(update, text)

    async def _on_unknown(self, update: Update, context: Context) -> None:
        command, _ = _command(update, context)
        await self._reply(update, self.desk.unknown(command))

    async def _on_write(self, update: Update, context: Context) -> None:
        command, args = _command(update, context)
        chat = update.effective_chat
        assert chat is not None  # the gate let it through
        write = await asyncio.to_thread(self.desk.write, command, args)
        if isinstance(write, str):
            await self._reply(update, write)
            return
        pending = self.confirmations.ask(chat.id, write)
        buttons = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self.texts("confirm.yes"), callback_data=f"yes:{pending.nonce}"
                    ),
                    InlineKeyboardButton(
                        self.texts("confirm.no"), callback_data=f"no:{pending.nonce}"
                    ),
                ]
            ]
        )
        prompt = self.texts(
            "confirm.prompt",
            action=self.texts(f"action.{write.key}"),
            seconds=self.confirmations.seconds,
        )
        message = await context.bot.send_message(chat.id, prompt, reply_markup=buttons)
        self.confirmations.shown(chat.id, pending.nonce, message.message_id)

    async def _on_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        chat = update.effective_chat
        assert query is not None and chat is not None
        await query.answer()
        answer, _, nonce = (query.data or "").partition(":")
        pending, lapsed = self.confirmations.take(chat.id, nonce)
        if pending is None:
            text = self.texts("confirm.nothing")
        elif lapsed:
            text = self.texts("confirm.expired")
        elif answer == "yes":
            text = await self._perform(pending.write, chat.id)
        else:
            text = self.texts("confirm.cancelled", action=self.texts(f"action.{pending.write.key}"))
        await query.edit_message_text(text)

    async def _on_text(self, update: Update, context: Context) -> None:
        message, chat = update.effective_message, update.effective_chat
        assert message is not None and chat is not None
        word = (message.text or "").strip().lower()
        if word not in self.texts.words("confirm.words"):
            return  # chatter: commands are how the bot is asked
        pending, lapsed = self.confirmations.take(chat.id)
        if pending is None:
            text = self.texts("confirm.nothing")
        elif lapsed:
            text = self.texts("confirm.expired")
        else:
            text = await self._perform(pending.write, chat.id)
            if pending.message_id is not None:
                await context.bot.edit_message_text(text, chat.id, pending.message_id)
        await self._reply(update, text)

    async def _perform(self, write: Write, chat_id: int) -> str:
        return await asyncio.to_thread(write.perform, f"telegram:{chat_id}")

    async def _reply(self, update: Update, text: str) -> None:
        message = update.effective_message
        if message is not None:
            await message.reply_text(text)

    async def _on_error(self, update: object, context: Context) -> None:
        error = context.error
        log.error(
            "telegram_handler_failed",
            error=type(error).__name__,
            exc_info=None if isinstance(error, TelegramError) else error,
        )
        if isinstance(error, TelegramError) or not isinstance(update, Update):
            return  # the answer itself failed, or no chat asked: nothing to answer
        chat = update.effective_chat
        if chat is None or chat.id not in self.allowed:
            return
        try:  # an operator's command is never met with silence
            await self._reply(update, self.texts("error.internal"))
        except TelegramError:
            log.warning("telegram_error_reply_failed")


def _command(update: Update, context: Context) -> tuple[str, list[str]]:
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    command = text.split()[0].lstrip("/").split("@")[0].lower() if text else ""
    return command, list(context.args or [])


def _polling_error(error: TelegramError) -> None:
    log.warning("telegram_polling_failed", error=type(error).__name__)
