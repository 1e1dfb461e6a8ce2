"""ExchangeSettings: env names, documentation, validation, and (audit G2) proof that every
reliability knob changes what the running client does over real loopback HTTP."""

from __future__ import annotations

import random

import pytest

from btcbot.config import ExchangeSettings
from btcbot.exchange.errors import ServerError, TransportFailure
from tests.btcturk.rest_fake_server import Fault, loopback_client

ENV = {
    "BTCTURK_BASE_URL": ("base_url", "http://127.0.0.1:1"),
    "BTCTURK_GRAPH_URL": ("graph_url", "http://127.0.0.1:2"),
    "BTCTURK_WS_URL": ("ws_url", "ws://127.0.0.1:3"),
    "BTCTURK_API_KEY": ("api_key", "k"),
    "BTCTURK_REST_TIMEOUT_SECONDS": ("rest_timeout_seconds", 1.5),
    "BTCTURK_REST_CONNECT_TIMEOUT_SECONDS": ("rest_connect_timeout_seconds", 0.5),
    "BTCTURK_REST_MAX_RETRIES": ("rest_max_retries", 2),
    "BTCTURK_REST_BASE_DELAY_MS": ("rest_base_delay_ms", 50),
    "BTCTURK_REST_MAX_DELAY_MS": ("rest_max_delay_ms", 500),
    "BTCTURK_RATE_LIMIT_MARGIN": ("rate_limit_margin", 0.5),
    "BTCTURK_CLOCK_SYNC_INTERVAL_SECONDS": ("clock_sync_interval_seconds", 30.0),
    "BTCTURK_WS_STALE_AFTER_SECONDS": ("ws_stale_after_seconds", 7.0),
    "BTCTURK_WS_RECONNECT_BASE_DELAY_MS": ("ws_reconnect_base_delay_ms", 100),
    "BTCTURK_WS_RECONNECT_MAX_DELAY_MS": ("ws_reconnect_max_delay_ms", 1000),
    "BTCTURK_WS_MAX_CONNECTS_PER_MINUTE": ("ws_max_connects_per_minute", 10),
    "BTCTURK_WS_PING_INTERVAL_SECONDS": ("ws_ping_interval_seconds", 15.0),
}


def test_env_names_and_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = ExchangeSettings()
    assert defaults.base_url == "https://api.btcturk.com"
    assert (defaults.rest_max_retries, defaults.rest_base_delay_ms) == (4, 400)
    assert (defaults.rest_max_delay_ms, defaults.rate_limit_margin) == (4000, 0.8)
    assert defaults.ws_max_connects_per_minute == 12
    for env, (_, value) in ENV.items():
        monkeypatch.setenv(env, str(value))
    monkeypatch.setenv("BTCTURK_API_SECRET", "c2VjcmV0LWtleQ==")
    loaded = ExchangeSettings()
    for field, value in ENV.values():
        assert getattr(loaded, field) == value, field
    assert loaded.api_secret is not None and "c2Vj" not in repr(loaded)


def test_every_field_documents_its_default_and_reason() -> None:
    for name, field in ExchangeSettings.model_fields.items():
        assert field.description and field.description.startswith("Default"), name


def test_frozen_and_validated() -> None:
    settings = ExchangeSettings()
    with pytest.raises(ValueError, match="frozen"):
        settings.rest_max_retries = 9  # type: ignore[misc]
    with pytest.raises(ValueError, match="MAX_DELAY"):
        ExchangeSettings(rest_base_delay_ms=500, rest_max_delay_ms=100)
    with pytest.raises(ValueError, match="less than or equal to 1"):
        ExchangeSettings(rate_limit_margin=1.5)


# --- each knob changes the running client ----------------------------------------------------


@pytest.mark.parametrize(("seconds", "fails"), [(0.05, True), (2.0, False)])
async def test_knob_rest_timeout(seconds: float, fails: bool) -> None:
    async with loopback_client(rest_timeout_seconds=seconds, rest_max_retries=0) as h:
        h.fake.script("GET", "/api/v2/ticker", Fault(delay_s=0.2))
        if fails:
            with pytest.raises(TransportFailure):
                await h.client.ticker()
        else:
            assert await h.client.ticker()


@pytest.mark.parametrize("retries", [0, 1, 4])
async def test_knob_max_retries(retries: int) -> None:
    async with loopback_client(rest_max_retries=retries) as h:
        h.fake.script("GET", "/api/v2/ticker", *[Fault(status=500)] * 10)
        with pytest.raises(ServerError):
            await h.client.ticker()
    assert h.fake.hits("GET", "/api/v2/ticker") == retries + 1


class CeilingRng(random.Random):
    """Always draws the top of the jitter range, exposing the backoff ceilings."""

    def uniform(self, a: float, b: float) -> float:
        return b


@pytest.mark.parametrize(
    ("base_ms", "max_ms", "expected"),
    [(100, 250, [0.1, 0.2, 0.25]), (50, 1000, [0.05, 0.1, 0.2])],
)
async def test_knob_backoff_base_and_max(base_ms: int, max_ms: int, expected: list[float]) -> None:
    async with loopback_client(
        CeilingRng(), rest_max_retries=3, rest_base_delay_ms=base_ms, rest_max_delay_ms=max_ms
    ) as h:
        h.fake.script("GET", "/api/v2/ticker", *[Fault(status=503)] * 3)
        await h.client.ticker()
    assert h.sleeps == pytest.approx(expected)


@pytest.mark.parametrize(("margin", "waits"), [(1.0, False), (0.01, True)])
async def test_knob_rate_limit_margin(margin: float, waits: bool) -> None:
    """Ticker allows 600/60 s: at margin 0.01 only 6 calls fit a minute, so the 7th waits."""
    async with loopback_client(rate_limit_margin=margin) as h:
        for _ in range(7):
            await h.client.ticker()
    assert (sum(h.sleeps) >= 59) is waits
    assert h.fake.hits("GET", "/api/v2/ticker") == 7


async def test_knob_clock_sync_interval() -> None:
    async with loopback_client(clock_sync_interval_seconds=10) as h:
        await h.client.balances()
        await h.client.balances()
        assert h.fake.hits("GET", "/api/v2/server/time") == 1
        h.time.now += 11
        await h.client.balances()
    assert h.fake.hits("GET", "/api/v2/server/time") == 2
