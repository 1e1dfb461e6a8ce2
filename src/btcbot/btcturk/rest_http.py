"""The REST call engine: rate limit → stamp and sign → send → classify → decode → retry.

Retry policy (RELIABILITY.md):

* **Reads** retry on :class:`RetryableError` (429 after holding the group for Retry-After,
  5xx, timeouts, transport errors, unreadable bodies) up to ``max_retries`` extra attempts,
  sleeping ``Backoff.delay`` with full jitter drawn from a per-process RNG (audit G3).
* **Mutations** (submit, cancel) are sent once. The only repeat is after a definitive
  ``Unauthorized - Invalid Nonce`` refusal: the clock is resynced and the request re-signed,
  which is safe because a 401 is decided before the order is looked at.
* A cancelled coroutine (``asyncio.CancelledError``) propagates untouched; a caller that
  cancels a submit must treat the order as in flight.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import httpx
import msgspec
import structlog

from btcbot.btcturk import endpoints, rest_decoders
from btcbot.btcturk.auth import Credentials
from btcbot.btcturk.classify import malformed, response_error, transport_error
from btcbot.btcturk.clock import ServerClock
from btcbot.btcturk.endpoints import Endpoint
from btcbot.btcturk.parse import WireError
from btcbot.btcturk.ratelimit import RateLimiter
from btcbot.exchange.backoff import Backoff, process_rng
from btcbot.exchange.errors import (
    AuthError,
    ExchangeError,
    InvalidNonce,
    NotSent,
    RateLimited,
    RetryableError,
)

R = TypeVar("R")
Decode = Callable[[bytes], R]
Params = Sequence[tuple[str, str]]
Sleep = Callable[[float], Awaitable[None]]

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_retries: int
    backoff: Backoff
    rng: random.Random | None = None  # None: the per-process RNG

    def delay(self, attempt: int) -> float:
        return self.backoff.delay(attempt, self.rng or process_rng())


@dataclass(frozen=True, slots=True)
class Call:
    endpoint: Endpoint
    path: str
    params: Params = ()
    json: Mapping[str, str] | None = None


class RestSession:
    """Owns the transport seams: httpx client, limiter, clock, retry policy, sleep."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        graph_url: str,
        credentials: Credentials | None,
        limiter: RateLimiter,
        clock: ServerClock,
        retry: RetryPolicy,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.graph_url = graph_url.rstrip("/")
        self.credentials = credentials
        self.limiter = limiter
        self.clock = clock
        self.retry = retry
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"RestSession(base_url={self.base_url!r}, graph_url={self.graph_url!r})"

    async def request(self, call: Call, decode: Decode[R]) -> R:
        if call.endpoint.mutating:
            return await self._with_resync(call, decode)
        return await self._with_retries(call, decode)

    async def server_time_ms(self) -> int:
        call = Call(endpoints.SERVER_TIME, endpoints.SERVER_TIME.path)
        return await self._with_retries(call, rest_decoders.server_time)

    async def _with_retries(self, call: Call, decode: Decode[R]) -> R:
        attempt = 0
        while True:
            try:
                return await self._with_resync(call, decode)
            except RetryableError as exc:
                if attempt >= self.retry.max_retries:
                    raise
                delay = self.retry.delay(attempt)
                log.warning(
                    "rest_retry",
                    endpoint=str(call.endpoint),
                    attempt=attempt + 1,
                    error=type(exc).__name__,
                    delay_s=round(delay, 3),
                )
                await self._sleep(delay)
                attempt += 1

    async def _with_resync(self, call: Call, decode: Decode[R]) -> R:
        try:
            return await self._attempt(call, decode)
        except InvalidNonce:
            if not call.endpoint.private:
                raise
            log.warning("rest_invalid_nonce_resync", endpoint=str(call.endpoint))
            self.clock.invalidate()
            return await self._attempt(call, decode)

    async def _attempt(self, call: Call, decode: Decode[R]) -> R:
        where = str(call.endpoint)
        await self.limiter.acquire(call.endpoint.group)
        headers = await self._headers(call.endpoint)
        try:
            response = await self.http.request(
                call.endpoint.method,
                self._url(call),
                params=list(call.params) or None,
                json=dict(call.json) if call.json is not None else None,
                headers=headers,
            )
        except httpx.TransportError as exc:
            raise transport_error(exc, mutating=call.endpoint.mutating, where=where) from None
        error = response_error(response, mutating=call.endpoint.mutating, where=where)
        if isinstance(error, RateLimited):
            self.limiter.hold(call.endpoint.group, error.retry_after)
        if error is not None:
            raise error
        return self._decode(response.content, decode, call.endpoint)

    def _decode(self, body: bytes, decode: Decode[R], endpoint: Endpoint) -> R:
        try:
            return decode(body)
        except (msgspec.DecodeError, msgspec.ValidationError, WireError) as exc:
            why = type(exc).__name__
            raise malformed(mutating=endpoint.mutating, where=str(endpoint), why=why) from exc

    async def _headers(self, endpoint: Endpoint) -> dict[str, str]:
        if not endpoint.private:
            return {}
        if self.credentials is None:
            raise AuthError(f"{endpoint}: no API key configured", reason="NO_CREDENTIALS")
        try:
            await self.clock.ensure_synced(self.server_time_ms)
        except ExchangeError as exc:
            if not endpoint.mutating:
                raise
            # Nothing of the mutation has been sent yet: say so, whatever broke the sync.
            reason = type(exc).__name__
            raise NotSent(f"{endpoint}: not sent, clock sync failed ({reason})") from exc
        return self.credentials.rest_headers(self.clock.stamp_ms())

    def _url(self, call: Call) -> str:
        root = self.graph_url if call.endpoint.graph else self.base_url
        return f"{root}{call.path}"
