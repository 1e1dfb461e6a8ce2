"""Request gate for exchange paths (``/api/…``, ``/v1/…``): counting, latency, 429s, 5xx."""

import asyncio
import time
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

from btcbot.emulator.faults import Faults
from btcbot.emulator.http_util import client_ip, json_response
from btcbot.emulator.rate_limits import RateLimiter

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
EXCHANGE_PREFIXES = ("/api/", "/v1/")
MUTATING_ROUTES = {"POST /api/v1/order": "submit", "DELETE /api/v1/order": "cancel"}
INJECTED_429 = {
    "message": "TOO_MANY_REQUESTS",
    "success": False,
    "code": 429,
    "details": "Quota exceeded. Maximum allowed: 120 per 1m.",
    "limit": "120",
    "period": "1m",
    "policy": "ip",
}


def route_key(request: web.Request) -> str:
    resource = request.match_info.route.resource
    return f"{request.method} {resource.canonical if resource is not None else request.path}"


def make_gate(faults: Faults, limiter: RateLimiter) -> Middleware:
    @web.middleware
    async def gate(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(EXCHANGE_PREFIXES):
            return await handler(request)
        key = route_key(request)
        faults.counters.requests[key] += 1
        if key in MUTATING_ROUTES:
            faults.counters.mutating[MUTATING_ROUTES[key]] += 1
        delay = faults.latency_seconds(request.path)
        if delay:
            await asyncio.sleep(delay)
        if faults.take_429():
            return json_response(INJECTED_429, status=429, headers={"Retry-After": "1"})
        refusal = limiter.check(
            request.method,
            request.path,
            client_ip(request),
            request.headers.get("X-PCK"),
            time.monotonic(),
        )
        if refusal is not None:
            faults.counters.rate_limited[refusal.rule.name] += 1
            headers = {"Retry-After": str(refusal.retry_after_s)}
            return json_response(refusal.body(), status=429, headers=headers)
        if faults.take_5xx(key):
            status = faults.config.http_5xx_status
            body = {"success": False, "message": "Service Unavailable", "code": status}
            return json_response(body, status=status)
        return await handler(request)

    return gate
