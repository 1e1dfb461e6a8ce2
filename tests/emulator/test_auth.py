import time

import httpx

from btcbot.emulator.auth import sign
from btcbot.emulator.server import Emulator
from tests.emulator.conftest import Signed, check_rest


def test_contract_test_vector() -> None:
    signature = sign("public-key", "c2VjcmV0LWtleQ==", "1700000000000")
    assert signature == "V0D6dEa9QXGiixKfPMManbW6QpDNzXYd01671itS8YI="


async def test_signed_request_is_accepted(signed: Signed) -> None:
    response = await signed.get("/api/v1/users/balances")
    assert response.status_code == 200
    check_rest(response, "/api/v1/users/balances")


async def test_stale_stamp_is_invalid_nonce_with_success_true(signed: Signed) -> None:
    stale = int(time.time() * 1000) - 6000
    response = await signed.client.get("/api/v1/users/balances", headers=signed.headers(stale))
    assert response.status_code == 401
    assert response.json() == {
        "success": True,
        "message": "Unauthorized - Invalid Nonce",
        "code": 1037,
    }


async def test_stamp_inside_window_is_accepted(signed: Signed) -> None:
    near = int(time.time() * 1000) - 4000
    response = await signed.client.get("/api/v1/users/balances", headers=signed.headers(near))
    assert response.status_code == 200


async def test_bad_signature_unknown_key_and_missing_headers(
    signed: Signed, http: httpx.AsyncClient
) -> None:
    headers = signed.headers() | {"X-Signature": "AAAA"}
    bad = await http.get("/api/v1/users/balances", headers=headers)
    assert (bad.status_code, bad.json()["message"]) == (401, "Unauthorized - Invalid Signature")
    other = Signed(http, "nobody", "c2VjcmV0LWtleQ==", signed.emu)
    unknown = await other.get("/api/v1/openOrders")
    assert unknown.json()["message"] == "Unauthorized - Invalid Public key"
    missing = await http.post("/api/v1/order", json={})
    assert missing.status_code == 401
    check_rest(missing, "/api/v1/order", "post")


async def test_clock_skew_fault_moves_server_time_and_nonce_window(
    emu: Emulator, signed: Signed, http: httpx.AsyncClient
) -> None:
    emu.faults.update({"clock_skew_ms": 60_000})
    server = (await http.get("/api/v2/server/time")).json()["serverTime"]
    assert server - time.time() * 1000 > 55_000
    rejected = await signed.get("/api/v1/users/balances")
    assert rejected.status_code == 401
    accepted = await http.get("/api/v1/users/balances", headers=signed.headers(server))
    assert accepted.status_code == 200
