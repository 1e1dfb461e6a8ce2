"""The process lock: only one writer trades an account."""

from __future__ import annotations

from typing import Annotated

import typer

from btcbot.commands.common import EnvFile, existing_store, fail, load_common, now_ms
from btcbot.store import ProcessLock

lock_app = typer.Typer(help="The single-writer process lock.", no_args_is_help=True)


@lock_app.command("status")
def lock_status(env_file: EnvFile = None) -> None:
    """Show who holds the account's lock and how fresh its heartbeat is."""
    common = load_common(env_file)
    with existing_store(common) as engine:
        holder = ProcessLock(engine, file_lock=False).status(common.account_key)
    if holder is None:
        typer.echo(f"lock: free (account {common.account_key!r})")
        return
    now = now_ms()
    state = "STALE" if holder.is_stale(now) else "live"
    typer.echo(f"lock: held by {holder.describe(now)} [{state}]")


@lock_app.command("release")
def lock_release(
    yes: Annotated[bool, typer.Option("--yes", help="Confirm without a prompt.")] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Also release a lock whose heartbeat is still fresh."),
    ] = False,
    env_file: EnvFile = None,
) -> None:
    """Release a stale lock left by a crashed bot (a live one needs --force)."""
    common = load_common(env_file)
    with existing_store(common) as engine:
        lock = ProcessLock(engine, file_lock=False)
        holder = lock.status(common.account_key)
        if holder is None:
            typer.echo("lock: already free")
            return
        now = now_ms()
        if not holder.is_stale(now) and not force:
            fail(
                f"the lock is held by {holder.describe(now)} and its heartbeat is fresh: "
                "stop that bot first, or pass --force if you are sure it is gone"
            )
        if not yes:
            typer.confirm(f"Release the lock held by {holder.describe(now)}?", abort=True)
        lock.force_release(common.account_key)
    typer.echo("lock released")
