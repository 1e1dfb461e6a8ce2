"""The last word on bad input: a known input error that escaped a command becomes one
``error:`` line and an exit code, never a traceback.

Commands map the errors they expect themselves, with context; this catches the same classes
wherever else they surface (2 = fix the settings or the input, 1 = a server did not answer).
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import typer

from btcbot.commands.common import EXIT_CONFIG, EXIT_RUNTIME, fail
from btcbot.config import ConfigError
from btcbot.store import (
    DatabaseRoleError,
    DatabaseUnreachable,
    DatabaseUnusable,
    LockConflict,
    SchemaVersionError,
)

_BAD_INPUT = (ConfigError, DatabaseRoleError, DatabaseUnusable, LockConflict, SchemaVersionError)


def exit_for(exc: BaseException) -> None:
    """Exit (via :func:`fail`) when ``exc`` is a known bad-input error; return otherwise."""
    if isinstance(exc, typer.Exit):
        return
    if isinstance(exc, DatabaseUnreachable):
        fail(str(exc), EXIT_RUNTIME)
    if isinstance(exc, _BAD_INPUT):
        fail(str(exc), EXIT_CONFIG)
