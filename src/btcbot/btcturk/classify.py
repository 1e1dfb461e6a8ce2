"""HTTP outcome → error class (the table in :mod:`btcbot.btcturk.errors`, applied).

``mutating`` decides the ambiguous cases: after a POST/DELETE may have reached the exchange,
anything short of a positive answer is :class:`OutcomeUnknown`; the same failure on a GET is
merely retryable.

Which transport errors prove "not sent"? httpx raises ``ConnectError``/``ConnectTimeout``
only while opening a new connection, and ``PoolTimeout`` while waiting for one — before any
request byte is written (httpcore re-dispatches on a dead pooled connection only when nothing
was sent). ``UnsupportedProtocol`` fails before connecting. Every other transport error
(``WriteError``, ``WriteTimeout``, ``ReadTimeout``, ``ReadError``, ``RemoteProtocolError``,
``LocalProtocolError`` …) may come after the server has the full request, so it is ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import httpx

from btcbot.btcturk.errors import INVALID_NONCE, reject_for_message
from btcbot.btcturk.wire_schemas import ErrorBody, decode_error_body
from btcbot.exchange.errors import (
    AuthError,
    BusinessReject,
    ExchangeError,
    InvalidNonce,
    MalformedResponse,
    NotSent,
    OutcomeUnknown,
    RateLimited,
    ServerError,
    TransportFailure,
)

_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
_TRY_AGAIN = re.compile(r"try again in (\d+(?:\.\d+)?) second", re.IGNORECASE)
_PERIOD = re.compile(r"^(\d+(?:\.\d+)?)\s*([smh])$", re.IGNORECASE)
_UNIT = {"s": 1.0, "m": 60.0, "h": 3600.0}
DEFAULT_RETRY_AFTER_S = 1.0


def transport_error(exc: httpx.TransportError, *, mutating: bool, where: str) -> ExchangeError:
    name = type(exc).__name__
    if isinstance(exc, _NOT_SENT):
        return NotSent(f"{where}: not sent ({name})")
    if mutating:
        return OutcomeUnknown(f"{where}: {name} after the request may have been sent")
    return TransportFailure(f"{where}: {name}")


def malformed(*, mutating: bool, where: str, why: str) -> ExchangeError:
    if mutating:
        return OutcomeUnknown(f"{where}: unreadable success response ({why})")
    return MalformedResponse(f"{where}: unreadable response ({why})")


def retry_after_seconds(headers: Mapping[str, str], body: ErrorBody | None) -> float:
    """Retry-After header → "try again in N second(s)" → the quota period → 1 s."""
    header = headers.get("retry-after")
    if header is not None:
        try:
            return max(0.0, float(header))
        except ValueError:
            pass  # an HTTP-date: fall through to the body
    if body is not None and body.details:
        match = _TRY_AGAIN.search(body.details)
        if match:
            return float(match.group(1))
    if body is not None and body.period:
        match = _PERIOD.match(body.period.strip())
        if match:
            return float(match.group(1)) * _UNIT[match.group(2).lower()]
    return DEFAULT_RETRY_AFTER_S


def response_error(response: httpx.Response, *, mutating: bool, where: str) -> ExchangeError | None:
    """The error a response stands for, or ``None`` when it is a success to decode."""
    status = response.status_code
    body = decode_error_body(response.content)
    message = body.message.strip() if body is not None and body.message else None
    if status == 429 or message == "TOO_MANY_REQUESTS":
        seconds = retry_after_seconds(response.headers, body)
        return RateLimited(f"{where}: HTTP {status} TOO_MANY_REQUESTS", retry_after=seconds)
    if status >= 500:
        detail = f"{where}: HTTP {status}"
        return (
            OutcomeUnknown(detail, http_status=status)
            if mutating
            else ServerError(detail, http_status=status)
        )
    if status == 401:
        return _auth_error(message, status, where)
    if 200 <= status < 300:
        if message and body is not None and body.success is False:
            return reject_for_message(message, http_status=status, where=where)
        return None
    if message:
        return reject_for_message(message, http_status=status, where=where)
    if mutating:
        return OutcomeUnknown(
            f"{where}: HTTP {status} without a readable message", http_status=status
        )
    return BusinessReject(f"{where}: HTTP {status}", reason=f"HTTP_{status}", http_status=status)


def _auth_error(message: str | None, status: int, where: str) -> AuthError:
    """401 is checked before the request is processed, so it is always definitive."""
    text = message or "Unauthorized"
    cls = InvalidNonce if text == INVALID_NONCE else AuthError
    return cls(f"{where}: HTTP {status} {text}", reason=text, http_status=status)
