"""A small Telegram Bot API on loopback, for tests: the methods btcbot's bot calls, as the Bot API
documents them (https://core.telegram.org/bots/api).

``POST /bot<token>/<method>`` with JSON or form parameters; answers ``{"ok": true, "result":
...}`` or ``{"ok": false, "error_code": N, "description": ...}``. Served: ``getMe``,
``getUpdates`` (long polling with ``offset`` and ``timeout``), ``deleteWebhook``,
``sendMessage`` (with ``reply_markup``), ``answerCallbackQuery``, ``editMessageText``.

A test plays the users: :meth:`FakeBotApi.user_says` queues a message update,
:meth:`FakeBotApi.user_presses` a callback query on a button the bot sent; what the bot sent is
in :attr:`FakeBotApi.sent` (per chat, in order, edits applied). :meth:`FakeBotApi.go_down`
makes every call fail (``mode="error"``: HTTP 502; ``mode="hang"``: no answer until
:meth:`go_up`), to play a Telegram outage. Every request line is recorded in
:attr:`FakeBotApi.requests` (method names only, never the token).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7_000_000_001
TOKEN = "7000000001:AAFakeTokenForTestsOnly_0123456789abcdef"


@dataclass
class SentMessage:
    chat_id: int
    message_id: int
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (label, callback data)
    edits: int = 0


@dataclass
class FakeBotApi:
    token: str = TOKEN
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: dict[int, list[SentMessage]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    answered_callbacks: list[str] = field(default_factory=list)
    down: str | None = None  # None, "error" or "hang"
    url: str = ""
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    _up: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self._up.set()

    # --- what a test does ------------------------------------------------------------------

    def user_says(self, chat_id: int, text: str, *, user_id: int | None = None) -> None:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": _user(user_id or abs(chat_id)),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        self._queue({"message": message})

    def user_presses(self, chat_id: int, label: str) -> None:
        """Press the button labelled ``label`` on the newest message to ``chat_id`` having it."""
        for sent in reversed(self.sent.get(chat_id, [])):
            for text, data in sent.buttons:
                if text == label:
                    self._queue(
                        {
                            "callback_query": {
                                "id": str(next(self._update_ids) * 7),
                                "from": _user(abs(chat_id)),
                                "chat_instance": str(chat_id),
                                "message": self._message(sent),
                                "data": data,
                            }
                        }
                    )
                    return
        raise AssertionError(f"no button {label!r} in chat {chat_id}")

    def texts(self, chat_id: int) -> list[str]:
        return [message.text for message in self.sent.get(chat_id, [])]

    def go_down(self, mode: str = "error") -> None:
        self.down = mode
        if mode == "hang":
            self._up.clear()

    def go_up(self) -> None:
        self.down = None
        self._up.set()

    # --- the Bot API -----------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        self.requests.append(method)
        if self.down == "hang":
            await self._up.wait()
        if self.down == "error":
            return _error(502, "Bad Gateway")
        params = await _params(request)
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        if isinstance(result, web.StreamResponse):
            return result
        return web.json_response({"ok": True, "result": result})

    def _getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "btcbot test",
            "username": "btcbot_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    async def _getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        if offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        timeout = min(float(params.get("timeout") or 0), 1.0)  # short polls keep tests quick
        if not self.updates and timeout > 0:
            self._new_update.clear()
            try:
                async with asyncio.timeout(timeout):
                    await self._new_update.wait()
            except TimeoutError:
                pass
        limit = int(params.get("limit") or 100)
        return self.updates[:limit]

    def _sendMessage(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        text = str(params.get("text") or "")
        if not text:
            return _error(400, "Bad Request: message text is empty")
        chat_id = int(params["chat_id"])
        sent = SentMessage(chat_id, next(self._message_ids), text, _buttons(params))
        self.sent.setdefault(chat_id, []).append(sent)
        return self._message(sent)

    def _editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        for sent in self.sent.get(chat_id, []):
            if sent.message_id == message_id:
                sent.text = str(params["text"])
                sent.buttons = _buttons(params)
                sent.edits += 1
                return self._message(sent)
        return _error(400, "Bad Request: message to edit not found")

    def _answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        self.answered_callbacks.append(str(params["callback_query_id"]))
        return True

    # --- helpers ---------------------------------------------------------------------------

    def _queue(self, update: dict[str, Any]) -> None:
        self.updates.append({"update_id": next(self._update_ids), **update})
        self._new_update.set()

    def _message(self, sent: SentMessage) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": {"id": sent.chat_id, "type": "private" if sent.chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "btcbot test"},
            "text": sent.text,
        }
        if sent.buttons:
            message["reply_markup"] = {
                "inline_keyboard": [[{"text": t, "callback_data": d} for t, d in sent.buttons]]
            }
        return message


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "operator"}


def _buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not markup:
        return []
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        return dict(body) if isinstance(body, dict) else {}
    form = await request.post()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _error(status: int, description: str) -> web.Response:
    body = {"ok": False, "error_code": status, "description": description}
    return web.json_response(body, status=status)


@asynccontextmanager
async def running_bot_api(token: str = TOKEN) -> AsyncIterator[FakeBotApi]:
    """The fake Bot API on a free loopback port; ``.url`` is its root (TELEGRAM_API_BASE_URL)."""
    api = FakeBotApi(token=token)
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", api.handle)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None
    port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    api.url = f"http://127.0.0.1:{port}"
    try:
        yield api
    finally:
        api.go_up()
        await runner.cleanup()
