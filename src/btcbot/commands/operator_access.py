"""The operator services (:mod:`btcbot.operator`) as the CLI reaches them: over the state
database opened read-only for a read, vetted for a write, acting as ``cli:<user>``."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from btcbot.commands.common import fail, inspected_store, load_common, operator_store
from btcbot.commands.lock import api_key_setting
from btcbot.config import CommonSettings
from btcbot.operator import OperatorError, OperatorServices


def cli_actor() -> str:
    """Who the audit log names for a CLI write."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a bare container)
        user = "unknown"
    return f"cli:{user}"


@contextmanager
def reading(
    env_file: Path | None, common: CommonSettings | None = None
) -> Iterator[OperatorServices]:
    common = common or load_common(env_file)
    with inspected_store(common) as engine, operator_errors():
        yield OperatorServices(common, reader=engine, api_key=api_key_setting(env_file))


@contextmanager
def writing(
    env_file: Path | None, common: CommonSettings | None = None
) -> Iterator[OperatorServices]:
    common = common or load_common(env_file)
    with operator_store(common) as engine, operator_errors():
        yield OperatorServices(
            common, reader=engine, writer=engine, api_key=api_key_setting(env_file)
        )


@contextmanager
def operator_errors() -> Iterator[None]:
    """A refusal of the services as one ``error:`` line, exit 2."""
    try:
        yield
    except OperatorError as exc:
        fail(str(exc))
