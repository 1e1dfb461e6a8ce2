"""Telegram settings (``TELEGRAM_*``): the bot that answers operators and sends notifications.

Off by default. Enabled, it needs a bot token (``TELEGRAM_BOT_TOKEN`` or, better, a file named
by ``TELEGRAM_BOT_TOKEN_FILE``) and the allow-list of chats it serves (``TELEGRAM_CHAT_IDS``):
anyone else who finds the bot gets no answer. The token is a secret: held as ``SecretStr``,
redacted from every log line, never part of an error message.
"""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, Field, SecretStr, field_validator, model_validator
from pydantic_settings import NoDecode

from btcbot.config.base import BtcbotSettings, split_csv
from btcbot.config.files import read_bounded_text
from btcbot.config.validators import HttpUrl

# BotFather hands out "<bot id>:<35 characters>"; only the shape is checked here.
_TOKEN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{20,100}")
_TOKEN_FIX = "paste the token exactly as BotFather showed it (digits, a colon, then letters)"


def _chat_ids(value: object) -> object:
    parts = split_csv(value)
    if not isinstance(parts, tuple):
        return parts
    ids = []
    for position, part in enumerate(parts, 1):
        try:
            ids.append(int(str(part)))
        except ValueError:
            raise ValueError(
                f"entry {position} is not a chat id: write numbers such as 123456789 (a "
                "group's id is negative), separated by commas"
            ) from None
    return tuple(ids)


def _utc_time(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if match is None:
        raise ValueError("not a time of day: write HH:MM in UTC, e.g. 21:00")
    return time(int(match.group(1)), int(match.group(2)))


ChatIds = Annotated[tuple[int, ...], NoDecode, BeforeValidator(_chat_ids)]
UtcTime = Annotated[time, BeforeValidator(_utc_time)]


class TelegramSettings(BtcbotSettings):
    """The Telegram bot: commands from the allowed chats, notifications to them."""

    telegram_enabled: bool = Field(
        False,
        description="Default false: no bot. True: `btcbot run` answers the allowed chats' "
        "commands (long polling, in the same process) and sends them notifications.",
    )
    telegram_bot_token: SecretStr | None = Field(
        None,
        description="Default unset: the bot's token from BotFather. A secret: never logged; "
        "prefer TELEGRAM_BOT_TOKEN_FILE.",
    )
    telegram_bot_token_file: Path | None = Field(
        None,
        description="Default unset: read the bot token from this file instead (systemd "
        "LoadCredential=, Docker/Kubernetes secrets); conflicts with TELEGRAM_BOT_TOKEN.",
    )
    telegram_chat_ids: ChatIds = Field(
        (),
        description="Default empty: CSV of the chat ids the bot serves and notifies (a "
        "group's id is negative). Every other chat gets no answer and leaves one log line.",
    )
    telegram_language: Literal["tr", "en"] = Field(
        "en",
        description="Default en: the language of answers and notifications (tr: Turkish).",
    )
    telegram_api_base_url: HttpUrl = Field(
        "https://api.telegram.org",
        description="Default https://api.telegram.org: the Bot API root (a local Bot API "
        "server, or a test double on loopback).",
    )
    telegram_confirm_seconds: int = Field(
        60,
        ge=5,
        le=600,
        description="Default 60: a write command (/stopentry, /killswitch, /freeze clear) "
        "waits this long for its confirmation (button or a 'yes' reply), then lapses.",
    )
    telegram_notify_orders: bool = Field(
        True,
        description="Default true: notify orders placed and cancelled too; false keeps fills, "
        "trips, reconciliation trouble and the daily summary only.",
    )
    telegram_notify_batch_seconds: float = Field(
        2.0,
        ge=0,
        le=60,
        description="Default 2: events arriving within this long go out as one message, so a "
        "busy cycle makes one message (Telegram allows about one a second per chat).",
    )
    telegram_daily_summary_utc: UtcTime = Field(
        time(21, 0),
        description="Default 21:00 (midnight in Istanbul): when the daily summary of the last "
        "24 hours (PnL in TRY net of fee and tax, fills, trips) goes out, in UTC.",
    )

    @model_validator(mode="before")
    @classmethod
    def _token_from_file(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        path = data.get("telegram_bot_token_file")
        if path in (None, ""):
            return data
        if data.get("telegram_bot_token") not in (None, ""):
            raise ValueError("set TELEGRAM_BOT_TOKEN or TELEGRAM_BOT_TOKEN_FILE, not both")
        try:
            token = read_bounded_text(path).strip()
        except OSError as exc:
            raise ValueError(
                f"TELEGRAM_BOT_TOKEN_FILE {path}: cannot read it ({exc.strerror})"
            ) from None
        except UnicodeDecodeError:
            raise ValueError(f"TELEGRAM_BOT_TOKEN_FILE {path} is not text: {_TOKEN_FIX}") from None
        if not token:
            raise ValueError(f"TELEGRAM_BOT_TOKEN_FILE {path} is empty")
        if _TOKEN.fullmatch(token) is None:
            raise ValueError(f"TELEGRAM_BOT_TOKEN_FILE {path} holds no bot token: {_TOKEN_FIX}")
        return {**data, "telegram_bot_token": token}

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        token = value.get_secret_value().strip()
        if _TOKEN.fullmatch(token) is None:
            raise ValueError(f"not a bot token (the value is not shown): {_TOKEN_FIX}")
        return SecretStr(token)

    @model_validator(mode="after")
    def _complete_when_enabled(self) -> Self:
        if not self.telegram_enabled:
            return self
        if self.telegram_bot_token is None:
            raise ValueError(
                "TELEGRAM_ENABLED=true needs TELEGRAM_BOT_TOKEN or TELEGRAM_BOT_TOKEN_FILE "
                "(the token BotFather gave you)"
            )
        if not self.telegram_chat_ids:
            raise ValueError(
                "TELEGRAM_ENABLED=true needs TELEGRAM_CHAT_IDS: the chat ids the bot may "
                "serve (README, Telegram, shows how to find yours)"
            )
        return self

    @property
    def token(self) -> str:
        """The bot token (only the Bot API client may hold it)."""
        if self.telegram_bot_token is None:
            raise ValueError("no TELEGRAM_BOT_TOKEN is set")
        return self.telegram_bot_token.get_secret_value()

    @classmethod
    def disabled(cls) -> TelegramSettings:
        """The defaults, without reading the environment (a run built in code)."""
        return cls.model_construct()
