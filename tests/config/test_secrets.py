from __future__ import annotations

import pytest

from btcbot.config import ConfigError, load_config

SECRET = "cGw0bnRlZC1TM0NSRVQtdmFsdWU="  # base64 of "pl4nted-S3CRET-value"


def _texts(obj: object) -> str:
    return repr(obj) + str(obj)


def test_planted_secrets_never_appear_in_repr_or_str(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BTCTURK_API_KEY", "key")
    monkeypatch.setenv("BTCTURK_API_SECRET", SECRET)
    monkeypatch.setenv("STATE_DB_URL", f"postgresql+psycopg://bot:{SECRET}@db/btcbot")
    config = load_config(7)
    for obj in (config, config.common, config.exchange, config.stage, config.params):
        assert SECRET.lower() not in _texts(obj).lower()
    assert config.common.state_db_url is not None
    assert SECRET in config.common.state_db_url.get_secret_value()


@pytest.mark.parametrize(
    "name",
    ["LIVE_TRADING_ACK", "METRICS_PORT", "TTL_SECONDS", "SYMBOLS", "BTCTURK_REST_TIMEOUT_SECONDS"],
)
def test_a_secret_pasted_into_the_wrong_variable_stays_out_of_errors(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, SECRET)
    with pytest.raises(ConfigError) as info:
        load_config(3)
    assert name in str(info.value)
    assert SECRET.lower() not in str(info.value).lower()
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_gate_errors_do_not_echo_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BTCTURK_API_KEY", "key")
    monkeypatch.setenv("BTCTURK_API_SECRET", SECRET)
    monkeypatch.setenv("LIVE_TRADING", "true")
    with pytest.raises(ConfigError) as info:
        load_config(3)
    assert SECRET not in str(info.value)
