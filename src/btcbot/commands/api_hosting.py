"""Hosting the control API: settings and tokens checked before anything starts (exit 2), then
the app served in this process's event loop for as long as the bot (or ``btcbot serve``) runs.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import typer
from sqlalchemy import Engine

from btcbot.api.app import create_app
from btcbot.api.auth import Authenticator
from btcbot.api.server import ApiServer, bind
from btcbot.commands.common import fail
from btcbot.config import CommonSettings, ConfigError
from btcbot.config.api import ApiSettings, check_exposure, load_tokens
from btcbot.config.loader import build, env_path
from btcbot.obs.logging import RecentLogs
from btcbot.operator import OperatorServices


@dataclass(frozen=True)
class ApiPlan:
    """What to serve, checked: settings, tokens (token -> name), where."""

    settings: ApiSettings
    tokens: dict[str, str]
    host: str
    port: int


def plan_api(env_file: Path | None, port: int | None = None) -> ApiPlan:
    """The API's settings and tokens, or exit 2 naming what is wrong."""
    try:
        settings = build(ApiSettings, env_path(env_file))
        tokens = load_tokens(settings)
        check_exposure(settings, tokens)
    except ConfigError as exc:
        fail(str(exc))
    chosen = port if port is not None else settings.api_port
    if chosen is None:
        fail("no API port: set API_PORT or pass --port")
    if not tokens:
        fail(
            "no API token: set API_TOKENS_FILE (name:token lines) or API_TOKEN; every request "
            "to the API needs one"
        )
    return ApiPlan(settings, tokens, settings.api_host, chosen)


def bind_or_exit(plan: ApiPlan) -> socket.socket:
    try:
        return bind(plan.host, plan.port)
    except OSError as exc:
        why = exc.strerror or str(exc)
        fail(
            f"API_PORT={plan.port}: cannot serve the API on {plan.host}:{plan.port} ({why}): "
            "stop what uses the port or choose another API_PORT (and check API_HOST)"
        )


@asynccontextmanager
async def serving(
    plan: ApiPlan,
    common: CommonSettings,
    *,
    reader: Engine,
    writer: Engine | None,
    api_key: str | None,
    in_agent: bool,
    wake: Callable[[], None] | None,
    secrets: list[str],
) -> AsyncIterator[ApiServer]:
    """Serve the API (and dashboard) until the block ends; log events kept for /api/logs."""
    logs = RecentLogs(plan.settings.api_log_events, secrets + list(plan.tokens))
    logs.attach()
    services = OperatorServices(
        common,
        reader=reader,
        writer=writer,
        api_key=api_key,
        in_agent=in_agent,
        wake_agent=wake,
        logs=logs,
        reports_dir=plan.settings.api_reports_dir,
    )
    sock = bind_or_exit(plan)
    server = ApiServer(create_app(services, Authenticator(plan.tokens)), sock)
    try:
        await server.start()
        typer.echo(f"control API and dashboard on {server.url}")
        yield server
    finally:
        await server.stop()
        logs.detach()


def thread_safe_setter(event: asyncio.Event) -> Callable[[], None]:
    """``event.set`` callable from any thread (API handlers run in a thread pool)."""
    loop = asyncio.get_running_loop()

    def wake() -> None:
        loop.call_soon_threadsafe(event.set)

    return wake
