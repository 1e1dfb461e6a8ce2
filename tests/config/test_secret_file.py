"""BTCTURK_API_SECRET_FILE: the private key read from a credentials file."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.config import ConfigError, ExchangeSettings
from btcbot.config.loader import build

SECRET = "c2VjcmV0LWtleQ=="


def test_secret_is_read_from_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret_file = tmp_path / "btcturk_secret"
    secret_file.write_text(SECRET + "\n")
    monkeypatch.setenv("BTCTURK_API_KEY", "public-key")
    monkeypatch.setenv("BTCTURK_API_SECRET_FILE", str(secret_file))
    settings = build(ExchangeSettings, None)
    assert settings.api_secret is not None
    assert settings.api_secret.get_secret_value() == SECRET
    assert SECRET not in repr(settings)


def test_both_secret_sources_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret_file = tmp_path / "btcturk_secret"
    secret_file.write_text(SECRET)
    monkeypatch.setenv("BTCTURK_API_KEY", "public-key")
    monkeypatch.setenv("BTCTURK_API_SECRET", SECRET)
    monkeypatch.setenv("BTCTURK_API_SECRET_FILE", str(secret_file))
    with pytest.raises(ConfigError, match="not both") as caught:
        build(ExchangeSettings, None)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("content", [None, ""])
def test_missing_or_empty_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None
) -> None:
    secret_file = tmp_path / "btcturk_secret"
    if content is not None:
        secret_file.write_text(content)
    monkeypatch.setenv("BTCTURK_API_KEY", "public-key")
    monkeypatch.setenv("BTCTURK_API_SECRET_FILE", str(secret_file))
    with pytest.raises(ConfigError, match="BTCTURK_API_SECRET_FILE"):
        build(ExchangeSettings, None)
