"""The bot over a fake Bot API on loopback: allow-list, reads, confirmed writes, outages.

The desk here is a hand-written fake (the emulator-backed tests in ``test_run.py`` use the
real operator services); what is tested is the bot's own behaviour.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field

import pytest

from btcbot.config.telegram import TelegramSettings
from btcbot.obs.logging import configure_logging, reset_logging
from btcbot.telegram.app import TelegramBot
from btcbot.telegram.confirm import Write
from tests.helpers import eventually
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi, running_bot_api

OPERATOR = 4242
STRANGER = 666


@dataclass
class FakeDesk:
    writes: list[tuple[str, str]] = field(default_factory=list)  # (key, actor)

    def read(self, command: str, args: Sequence[str]) -> str:
        return f"read {command} {' '.join(args)}".strip()

    def write(self, command: str, args: Sequence[str]) -> Write | str:
        if command == "killswitch" and list(args) in (["on"], ["off"]):
            key = f"killswitch_{args[0]}"
            return Write(key, lambda actor: self._done(key, actor))
        return f"usage of {command}"

    def unknown(self, command: str) -> str:
        return f"no {command}"

    def _done(self, key: str, actor: str) -> str:
        self.writes.append((key, actor))
        return f"done {key}"


class Clock:
    def __init__(self) -> None:
        self.ms = 1_700_000_000_000

    def __call__(self) -> int:
        return self.ms


def settings(api: FakeBotApi, **extra: object) -> TelegramSettings:
    values: dict[str, object] = {
        "telegram_enabled": True,
        "telegram_bot_token": TOKEN,
        "telegram_chat_ids": (OPERATOR,),
        "telegram_api_base_url": api.url,
        **extra,
    }
    return TelegramSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging("DEBUG", json=True, secrets=[TOKEN], stream=stream)
    yield stream
    reset_logging()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with running_bot_api() as fake:
        yield fake


async def running(bot: TelegramBot) -> asyncio.Task[None]:
    task = asyncio.create_task(bot.run())
    await eventually(
        lambda: bot.application.updater is not None and bot.application.updater.running
    )
    return task


async def stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_reads_answer_the_allowed_chat_and_strangers_get_nothing(
    api: FakeBotApi, log_stream: io.StringIO
) -> None:
    desk = FakeDesk()
    bot = TelegramBot(settings(api), desk, clock_ms=Clock())
    task = await running(bot)
    try:
        api.user_says(STRANGER, "/status")
        api.user_says(OPERATOR, "/status")
        await eventually(lambda: api.texts(OPERATOR) == ["read status"])
        api.user_says(STRANGER, "/killswitch off")
        api.user_says(OPERATOR, "/orders")
        await eventually(lambda: api.texts(OPERATOR)[-1:] == ["read orders"])
        api.user_says(STRANGER, "/kilswitch on")
        api.user_says(OPERATOR, "/kilswitch on")  # a typo: answered, never silently dropped
        await eventually(lambda: api.texts(OPERATOR)[-1:] == ["no kilswitch"])
    finally:
        await stop(task)
    assert STRANGER not in api.sent, "a chat off the allow-list gets no answer"
    assert bot.refused == 3
    assert log_stream.getvalue().count("telegram_chat_refused") == 3
    assert desk.writes == []


async def test_a_write_waits_for_the_button_and_names_the_chat(api: FakeBotApi) -> None:
    desk = FakeDesk()
    bot = TelegramBot(settings(api), desk, clock_ms=Clock())
    task = await running(bot)
    try:
        api.user_says(OPERATOR, "/killswitch on")
        prompt = await eventually(lambda: api.sent.get(OPERATOR))
        assert "kill switch ON" in prompt[0].text
        assert [label for label, _ in prompt[0].buttons] == ["Confirm", "Cancel"]
        assert desk.writes == [], "nothing done before the confirmation"
        api.user_presses(OPERATOR, "Confirm")
        await eventually(lambda: desk.writes)
        await eventually(lambda: api.sent[OPERATOR][0].text == "done killswitch_on")
    finally:
        await stop(task)
    assert desk.writes == [("killswitch_on", f"telegram:{OPERATOR}")]
    assert api.answered_callbacks, "the button press was answered"
    assert api.sent[OPERATOR][0].buttons == [], "the prompt lost its buttons"


async def test_a_yes_reply_confirms_and_cancel_or_lapse_do_nothing(api: FakeBotApi) -> None:
    desk, clock = FakeDesk(), Clock()
    bot = TelegramBot(settings(api, telegram_confirm_seconds=30), desk, clock_ms=clock)
    task = await running(bot)
    try:
        api.user_says(OPERATOR, "/killswitch off")
        await eventually(lambda: len(api.texts(OPERATOR)) == 1)
        api.user_presses(OPERATOR, "Cancel")
        await eventually(lambda: api.texts(OPERATOR)[0].startswith("Cancelled"))

        api.user_says(OPERATOR, "/killswitch off")
        await eventually(lambda: len(api.texts(OPERATOR)) == 2)
        clock.ms += 31_000
        api.user_says(OPERATOR, "yes")
        await eventually(lambda: "lapsed" in api.texts(OPERATOR)[-1])

        api.user_says(OPERATOR, "/killswitch off")
        await eventually(lambda: api.texts(OPERATOR)[-1].startswith("Turn the kill switch OFF"))
        api.user_says(OPERATOR, "Yes")
        await eventually(lambda: desk.writes)
        api.user_says(OPERATOR, "/killswitch maybe")
        await eventually(lambda: api.texts(OPERATOR)[-1] == "usage of killswitch")
    finally:
        await stop(task)
    assert desk.writes == [("killswitch_off", f"telegram:{OPERATOR}")]


async def test_turkish_prompts(api: FakeBotApi) -> None:
    bot = TelegramBot(settings(api, telegram_language="tr"), FakeDesk(), clock_ms=Clock())
    task = await running(bot)
    try:
        api.user_says(OPERATOR, "/killswitch on")
        prompt = await eventually(lambda: api.sent.get(OPERATOR))
        assert "onaylayın" in prompt[0].text
        api.user_says(OPERATOR, "evet")
        await eventually(lambda: "done killswitch_on" in api.texts(OPERATOR))
    finally:
        await stop(task)


async def test_a_refused_token_is_retried_and_never_logged(log_stream: io.StringIO) -> None:
    async with running_bot_api(token="7000000001:AAAnotherTokenTheServerKnows_0123456789") as api:
        bot = TelegramBot(settings(api), FakeDesk(), clock_ms=Clock())
        task = asyncio.create_task(bot.run())
        await eventually(lambda: "telegram_token_refused" in log_stream.getvalue())
        await stop(task)
    assert TOKEN not in log_stream.getvalue()
    assert TOKEN.split(":")[1] not in log_stream.getvalue()


@dataclass
class BrokenDesk(FakeDesk):
    def read(self, command: str, args: Sequence[str]) -> str:
        raise RuntimeError("a bug in a read")


async def test_a_command_whose_handler_fails_is_answered_not_met_with_silence(
    api: FakeBotApi, log_stream: io.StringIO
) -> None:
    bot = TelegramBot(settings(api), BrokenDesk(), clock_ms=Clock())
    task = await running(bot)
    try:
        api.user_says(OPERATOR, "/status")
        await eventually(lambda: bool(api.texts(OPERATOR)))
        api.user_says(STRANGER, "/status")
        api.user_says(OPERATOR, "/help")  # still serving
        await eventually(lambda: len(api.texts(OPERATOR)) == 2)
    finally:
        await stop(task)
    assert api.texts(OPERATOR)[0].startswith("Could not answer: an internal error")
    assert STRANGER not in api.sent
    assert log_stream.getvalue().count('"event": "telegram_handler_failed"') == 2
