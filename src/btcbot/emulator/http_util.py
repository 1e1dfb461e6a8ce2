"""Small aiohttp helpers: JSON responses and merged request parameters."""

import json
from decimal import Decimal
from typing import Any

from aiohttp import web
from multidict import MultiDict, MultiDictProxy

from btcbot.emulator.wire import dumps


def json_response(
    payload: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.Response(
        body=dumps(payload), status=status, content_type="application/json", headers=headers
    )


async def merged_params(request: web.Request) -> MultiDict[Any]:
    """Body (JSON object, or form) then query string; on a clash the query wins."""
    params: MultiDict[Any] = MultiDict()
    if request.can_read_body:
        params.extend(await _body_params(request))
    for key in set(request.query.keys()):
        params.popall(key, None)
    params.extend(request.query)
    return params


async def _body_params(request: web.Request) -> MultiDict[Any]:
    raw = await request.read()
    if not raw.strip():
        return MultiDict()
    if request.content_type == "application/x-www-form-urlencoded":
        form: MultiDictProxy[Any] = await request.post()
        return MultiDict(form)
    try:
        body = json.loads(raw, parse_float=Decimal)
    except ValueError:
        return MultiDict()
    if not isinstance(body, dict):
        return MultiDict()
    return MultiDict(body)


def client_ip(request: web.Request) -> str:
    return request.remote or "unknown"
