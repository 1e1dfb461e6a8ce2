"""REST signing: the contract's worked test vector, and secrets never leak."""

from __future__ import annotations

import pytest

from btcbot.btcturk.auth import Credentials, Secret
from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings


def test_contract_vector() -> None:
    creds = Credentials("public-key", Secret("c2VjcmV0LWtleQ=="))
    headers = creds.rest_headers(1700000000000)
    assert headers == {
        "X-PCK": "public-key",
        "X-Stamp": "1700000000000",
        "X-Signature": "V0D6dEa9QXGiixKfPMManbW6QpDNzXYd01671itS8YI=",
    }


async def test_secret_never_in_settings_client_or_session_repr() -> None:
    secret = "c2VjcmV0LWtleQ=="
    settings = ExchangeSettings(api_key="public-key", api_secret=secret)
    async with BtcturkRestClient.from_settings(settings) as client:
        texts = [
            repr(settings),
            str(settings),
            repr(client.session),
            repr(client.session.credentials),
        ]
    assert not any(secret in text for text in texts)


def test_half_configured_credentials_are_refused() -> None:
    with pytest.raises(ValueError, match="both"):
        ExchangeSettings(api_key="only-the-key")


async def test_planted_secret_never_reaches_logs_or_errors() -> None:
    from structlog.testing import capture_logs

    from btcbot.exchange.errors import ExchangeError
    from tests.btcturk.rest_fake_server import API_SECRET, Fault, loopback_client

    async with loopback_client() as h:
        h.fake.script("GET", "/api/v1/users/balances", *[Fault(status=503)] * 2)
        h.fake.script("POST", "/api/v1/order", Fault(drop=True))
        with capture_logs() as logs:
            await h.client.balances()
            signatures = {
                s.headers["X-Signature"] for s in h.fake.seen if "X-Signature" in s.headers
            }
            from tests.btcturk.test_rest_client import LIMIT_BUY

            with pytest.raises(ExchangeError) as caught:
                await h.client.submit_order(LIMIT_BUY)
    assert logs and signatures
    text = repr(logs) + str(caught.value) + repr(caught.value)
    assert API_SECRET not in text
    assert not any(signature in text for signature in signatures)
