"""``btcbot serve``: the control API and dashboard over a state database, without trading.

A monitor beside (or instead of) a running bot: it reads the state database read-only and
never talks to the exchange. Writes that only change the database (kill switch on/off, stop
or resume entries, freeze clear, degrade override/clear, ledger rebase) are allowed, audited
and picked up by the bot at its next cycle, exactly as the same CLI commands. Cancelling every
open order needs the process that holds the account's lock: with a bot running it is queued
for that bot's next cycle; with none it is refused. ``--read-only`` refuses every write.
"""

from __future__ import annotations

import asyncio
from contextlib import ExitStack
from typing import Annotated

import typer
from sqlalchemy import Engine

from btcbot.commands.api_hosting import ApiPlan, plan_api, serving
from btcbot.commands.common import (
    EnvFile,
    config_url_secrets,
    db_setting,
    db_url,
    load_common,
    store_errors,
)
from btcbot.commands.lock import api_key_setting
from btcbot.commands.logs import configure_logs, environment_secrets
from btcbot.config import CommonSettings
from btcbot.runtime.loop import stop_on_signals
from btcbot.store import open_for_inspection, open_for_operator

DEFAULT_PORT = 8780


def serve_command(
    port: Annotated[
        int | None,
        typer.Option("--port", min=0, max=65535, help="Port (default API_PORT, else 8780)."),
    ] = None,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse every write (a pure monitor).")
    ] = False,
    env_file: EnvFile = None,
) -> None:
    """Serve the control API and web dashboard over the state database (no trading)."""
    common = load_common(env_file)
    configure_logs(common.log_level, environment_secrets())
    plan = plan_api(env_file, port if port is not None else _default_port(env_file))
    with ExitStack() as stack, store_errors():
        reader = open_for_inspection(db_url(common), db_setting(common))
        stack.callback(reader.dispose)
        writer = None if read_only else _writer(common)
        if writer is not None:
            stack.callback(writer.dispose)
        asyncio.run(_serve(plan, common, reader, writer, api_key_setting(env_file)))
    typer.echo("stopped")


def _default_port(env_file: EnvFile) -> int:
    from btcbot.config.api import ApiSettings
    from btcbot.config.loader import build, env_path

    return build(ApiSettings, env_path(env_file)).api_port or DEFAULT_PORT


def _writer(common: CommonSettings) -> Engine:
    return open_for_operator(db_url(common), db_setting(common))


async def _serve(
    plan: ApiPlan,
    common: CommonSettings,
    reader: Engine,
    writer: Engine | None,
    api_key: str | None,
) -> None:
    with stop_on_signals() as stop:
        async with serving(
            plan,
            common,
            reader=reader,
            writer=writer,
            api_key=api_key,
            in_agent=False,
            wake=None,
            secrets=environment_secrets() + config_url_secrets(common),
        ):
            if writer is None:
                typer.echo("read-only: every write is refused")
            await stop.event.wait()
