"""The process lock: only one writer trades an exchange account.

The lock these commands look at is the one ``btcbot run`` takes with the same settings: the
exchange account's (a fingerprint of ``BTCTURK_API_KEY``; the private key is not needed) or,
without a key, ``ACCOUNT_KEY`` in the state database. A holder is reported live, stale (no
heartbeat within its TTL) or dead (on this host and provably gone: its lock file is released
or its pid does not exist). Looking never creates or writes a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import Engine

from btcbot.commands.common import (
    EnvFile,
    Yes,
    fail,
    inspected_store,
    load_common,
    now_ms,
    operator_store,
)
from btcbot.config.loader import read_environment
from btcbot.operator.status import current_lock
from btcbot.store import (
    HolderView,
    Liveness,
    LockHolder,
    LockIdentity,
    ProcessLock,
)
from btcbot.store.locks import read_all_holders

lock_app = typer.Typer(help="The single-writer process lock.", no_args_is_help=True)


def api_key_setting(env_file: Path | None) -> str | None:
    """``BTCTURK_API_KEY`` as a run would read it (the environment wins over the file)."""
    path = env_file if env_file is not None else Path(".env")
    value = read_environment(path if path.is_file() else None).get("BTCTURK_API_KEY", "")
    return value.strip() or None


def other_holders(engine: Engine, identity: LockIdentity) -> list[LockHolder]:
    """Lock rows in this database for other keys (other accounts, or an older btcbot)."""
    return [h for h in read_all_holders(engine) if h.account_key != identity.key]


def describe_view(view: HolderView, now: int) -> str:
    tag = "live" if view.liveness is Liveness.LIVE else view.liveness.value.upper()
    return f"held by {view.describe(now)} [{tag}]"


@lock_app.command("status")
def lock_status(env_file: EnvFile = None) -> None:
    """Show who holds the account's lock: live, stale or dead."""
    common = load_common(env_file)
    now = now_ms()
    with inspected_store(common) as engine:
        identity, view = current_lock(engine, common, api_key_setting(env_file), now)
        others = other_holders(engine, identity)
    if view is None:
        typer.echo(f"lock: free ({identity.label})")
    else:
        typer.echo(f"lock: {identity.label} {describe_view(view, now)}")
    for holder in others:
        typer.echo(f"  other lock in this database: {holder.account_key} {holder.describe(now)}")


@lock_app.command("release")
def lock_release(
    yes: Yes = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Also release a lock whose holder looks live."),
    ] = False,
    env_file: EnvFile = None,
) -> None:
    """Release a lock left by a crashed bot (a live holder needs --force)."""
    common = load_common(env_file)
    now = now_ms()
    with operator_store(common) as engine:
        identity, view = current_lock(engine, common, api_key_setting(env_file), now)
        if view is None:
            typer.echo("lock: already free")
            return
        if view.liveness is Liveness.LIVE and not force:
            fail(
                f"the lock is held by {view.describe(now)}; its heartbeat is fresh: stop that "
                "bot first, or pass --force if you are sure it is gone"
            )
        if not yes:
            typer.confirm(f"Release the lock held by {view.describe(now)}?", abort=True)
        ProcessLock(engine, file_lock=False).force_release(identity.key)
    typer.echo("lock released")
