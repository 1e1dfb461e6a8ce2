from typing import Any

import httpx
import pytest
import websockets

from btcbot.emulator import running_emulator
from tests.emulator.conftest import Signed, check_rest


async def test_balances_429_with_retry_after(make_config: Any) -> None:
    async with (
        running_emulator(make_config(rate_limit_scale=0.02)) as emu,
        httpx.AsyncClient(base_url=emu.rest_url) as client,
    ):
        account = emu.demo_account
        signed = Signed(client, account.api_key, account.api_secret, emu)
        statuses = [(await signed.get("/api/v1/users/balances")).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        refused = await signed.get("/api/v1/users/balances")
        body = check_rest(refused, "/api/v1/users/balances")
        assert body["details"] == "Quota exceeded. Maximum allowed: 2 per 1m."
        assert (body["limit"], body["period"], body["policy"]) == ("2", "1m", "ip")
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        order = await signed.submit(orderType="buy", quantity="0.001", price="3000000")
        assert order.status_code == 200  # separate rule, separate window
        assert emu.faults.counters.rate_limited["balances"] == 2


async def test_account_policy_message_and_ws_connect_limit(make_config: Any) -> None:
    async with running_emulator(make_config(rate_limit_scale=0.004)) as emu:
        async with httpx.AsyncClient(base_url=emu.rest_url) as client:
            account = emu.demo_account
            signed = Signed(client, account.api_key, account.api_secret, emu)
            await signed.submit(orderType="buy", quantity="0.001", price="3000000")
            refused = await signed.submit(orderType="buy", quantity="0.001", price="3000000")
            assert refused.status_code == 429
            assert refused.json()["policy"] == "account"
            assert "Please try again in" in refused.json()["details"]
        async with websockets.connect(emu.ws_url):
            pass
        with pytest.raises(websockets.InvalidStatus) as refused_ws:
            async with websockets.connect(emu.ws_url):
                pass
        assert refused_ws.value.response.status_code == 429
        assert emu.faults.counters.ws["refused"] == 1
