"""The two catalogues, money formatting, settings and the summary schedule."""

from __future__ import annotations

import string
from datetime import UTC, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.config import ConfigError, load_config
from btcbot.domain.trips import TripKind
from btcbot.obs.logging import Redactor
from btcbot.telegram.catalogue_en import MESSAGES as EN
from btcbot.telegram.catalogue_tr import MESSAGES as TR
from btcbot.telegram.schedule import next_summary_ms
from btcbot.telegram.texts import Texts
from tests.helpers import isolate_settings
from tests.telegram.fake_bot_api import TOKEN


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogues_have_the_same_keys_and_placeholders() -> None:
    assert set(EN) == set(TR)
    for key in EN:
        assert fields(EN[key]) == fields(TR[key]), key


def test_every_trip_has_its_texts_in_both_languages() -> None:
    for kind in TripKind:
        for suffix in ("headline", "resolve"):
            assert f"trip.{kind.value}.{suffix}" in TR


def test_commands_in_turkish_resolutions_are_the_english_ones() -> None:
    for kind in TripKind:
        english, turkish = EN[f"trip.{kind.value}.resolve"], TR[f"trip.{kind.value}.resolve"]
        commands = [w for w in english.split() if w.startswith(("btcbot", "kill-switch"))]
        for command in commands:
            assert command in turkish, (kind, command)


@pytest.mark.parametrize(
    ("language", "value", "signed", "expected"),
    [
        ("en", Decimal("12345.678"), False, "12,345.68 TRY"),
        ("tr", Decimal("12345.678"), False, "12.345,68 TRY"),
        ("en", Decimal("-0.004"), True, "0.00 TRY"),
        ("en", Decimal("5.5"), True, "+5.50 TRY"),
        ("tr", Decimal("-1234567.5"), True, "-1.234.567,50 TRY"),
    ],
)
def test_money_is_decimal_in_try(
    language: str, value: Decimal, signed: bool, expected: str
) -> None:
    assert Texts(language).try_amount(value, signed=signed) == expected  # type: ignore[arg-type]


def test_quantities_stay_exact() -> None:
    assert Texts("en").number(Decimal("0.00012300")) == "0.000123"
    assert Texts("tr").number(Decimal("0.5")) == "0,5"


def test_the_summary_is_due_at_the_next_utc_time_of_day() -> None:
    def ms(text: str) -> int:
        return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)

    assert next_summary_ms(time(21, 0), ms("2026-03-01T20:59:59")) == ms("2026-03-01T21:00:00")
    assert next_summary_ms(time(21, 0), ms("2026-03-01T21:00:00")) == ms("2026-03-02T21:00:00")


def test_a_bot_token_is_redacted_from_any_text() -> None:
    url = f"POST https://api.telegram.org/bot{TOKEN}/getMe failed"
    assert Redactor().text(url) == "POST https://api.telegram.org/bot***/getMe failed"
    assert Redactor().text("cycle main-s3-1700000000000-7 at 12:00:01") == (
        "cycle main-s3-1700000000000-7 at 12:00:01"
    )


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolate_settings(tmp_path, monkeypatch)


def test_enabled_settings_need_a_token_and_chats(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_ENABLED", "true")
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        load_config(3)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    with pytest.raises(ConfigError, match="TELEGRAM_CHAT_IDS"):
        load_config(3)
    monkeypatch.setenv("TELEGRAM_CHAT_IDS", "42, -100123")
    config = load_config(3)
    assert config.telegram.telegram_chat_ids == (42, -100123)
    assert TOKEN not in repr(config) + repr(config.telegram)


def test_the_token_file_is_read_and_a_bad_token_is_not_echoed(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean / "token").write_text(TOKEN + "\n")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_FILE", str(clean / "token"))
    assert load_config(3).telegram.token == TOKEN
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    with pytest.raises(ConfigError, match="not both"):
        load_config(3)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN_FILE")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "secret-looking-but-wrong")
    with pytest.raises(ConfigError) as caught:
        load_config(3)
    assert "TELEGRAM_BOT_TOKEN" in str(caught.value)
    assert "secret-looking-but-wrong" not in str(caught.value)
