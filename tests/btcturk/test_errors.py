"""BTCTurk outcomes to the port's error classes: message-based classification, mutating vs read."""

from __future__ import annotations

import httpx
import pytest

from btcbot.btcturk.classify import response_error, transport_error
from btcbot.btcturk.errors import KNOWN_REJECTS
from btcbot.exchange import errors as e


def body(message: str, code: int = 0, success: bool = False) -> bytes:
    return httpx.Response(200, json={"success": success, "message": message, "code": code}).content


def classify(status: int, content: bytes, *, mutating: bool) -> e.ExchangeError | None:
    response = httpx.Response(status, content=content)
    return response_error(response, mutating=mutating, where="POST /api/v1/order")


@pytest.mark.parametrize(
    ("status", "content", "mutating", "expected"),
    [
        (400, body("FAILED_MIN_TOTAL_AMOUNT", 1123), True, e.BusinessReject),
        (400, body("FAILED_ORDER_WITH_OPEN_ORDERS", 1122), True, e.BusinessReject),
        (400, body("FAILED_ORDER_WITH_OPEN_ORDERS", 1123), True, e.BusinessReject),
        (400, body("NO_ORDER_MATCHES_YOUR_REQUEST"), True, e.OrderNotFound),
        (404, body("Order not found", 1152), False, e.OrderNotFound),
        (200, body("Order not found", 1152), False, e.OrderNotFound),
        (400, body("SOMETHING_NEW_WE_NEVER_SAW"), True, e.BusinessReject),
        (401, body("Unauthorized - Invalid Nonce", 1037, success=True), True, e.InvalidNonce),
        (401, body("Unauthorized - Invalid Signature", 1037, True), True, e.AuthError),
        (401, b"", True, e.AuthError),
        (429, body("TOO_MANY_REQUESTS", 429), True, e.RateLimited),
        (429, b"", False, e.RateLimited),
        (500, body("x"), True, e.OutcomeUnknown),
        (503, b"maintenance", True, e.OutcomeUnknown),
        (500, body("x"), False, e.ServerError),
        (503, b"maintenance", False, e.ServerError),
        (404, b"<html>", True, e.OutcomeUnknown),
        (404, b"<html>", False, e.BusinessReject),
    ],
)
def test_response_classification(
    status: int, content: bytes, mutating: bool, expected: type[e.ExchangeError]
) -> None:
    assert type(classify(status, content, mutating=mutating)) is expected


def test_message_wins_over_renumbered_code() -> None:
    old = classify(400, body("FAILED_ORDER_WITH_OPEN_ORDERS", 1123), mutating=True)
    new = classify(400, body("FAILED_ORDER_WITH_OPEN_ORDERS", 1122), mutating=True)
    assert old is not None and new is not None and old.reason == new.reason


def test_success_bodies_are_not_errors() -> None:
    assert classify(200, body("SUCCESS", success=True), mutating=True) is None
    assert classify(200, b"not json at all", mutating=True) is None  # decoding decides later


@pytest.mark.parametrize(
    ("exc", "mutating", "expected"),
    [
        (httpx.ConnectError("refused"), True, e.NotSent),
        (httpx.ConnectTimeout("slow"), True, e.NotSent),
        (httpx.PoolTimeout("busy"), True, e.NotSent),
        (httpx.ReadTimeout("slow"), True, e.OutcomeUnknown),
        (httpx.WriteError("half"), True, e.OutcomeUnknown),
        (httpx.WriteTimeout("half"), True, e.OutcomeUnknown),
        (httpx.RemoteProtocolError("dropped"), True, e.OutcomeUnknown),
        (httpx.ReadError("reset"), True, e.OutcomeUnknown),
        (httpx.ReadTimeout("slow"), False, e.TransportFailure),
        (httpx.RemoteProtocolError("dropped"), False, e.TransportFailure),
        (httpx.ConnectError("refused"), False, e.NotSent),
    ],
)
def test_transport_classification(
    exc: httpx.TransportError, mutating: bool, expected: type[e.ExchangeError]
) -> None:
    assert type(transport_error(exc, mutating=mutating, where="x")) is expected


def test_known_rejects_cover_the_contract_catalogue() -> None:
    for name in ("FAILED_MIN_TOTAL_AMOUNT", "FAILED_INVALID_PRICE_SCALE", "ORDER_CANCEL_BLOCKED"):
        assert name in KNOWN_REJECTS
