"""Run the real ``btcbot`` command line: in-process (``cli``, the default for tests) or as a
subprocess of ``python -m btcbot`` (``run_cli``, for the few smoke tests that need a real
process: signals, the console entry point, import costs)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from btcbot.obs.logging import reset_logging
from tests.helpers import is_setting


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def cli(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    input_text: str | None = None,
) -> Result:
    """``btcbot ARGS`` in this process through ``btcbot.cli.app``, with none of the caller's
    btcbot settings in the environment except ``env``, in ``cwd`` (default: the current one).
    Exceptions other than the command's exit propagate (a traceback fails the test)."""
    from btcbot.cli import app

    overrides: dict[str, str | None] = {name: None for name in os.environ if is_setting(name)}
    overrides["LOCK_DIR"] = lock_dir(cwd or Path.cwd())  # no lock shared with other test runs
    overrides.update(env or {})
    where = contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext()
    try:
        with where:
            result = CliRunner().invoke(
                app, list(args), env=overrides, input=input_text, catch_exceptions=False
            )
    finally:
        reset_logging()  # the command bound its log handler to the runner's closed stderr
    return Result(result.exit_code, result.stdout, result.stderr)


def lock_dir(cwd: Path) -> str:
    """The test's lock directory (``isolate_settings`` sets one), else one under ``cwd``."""
    return os.environ.get("LOCK_DIR") or str(cwd / "locks")


def run_cli(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    input_text: str | None = None,
    timeout: float = 60.0,
    wrapper: Sequence[str] = (),
) -> Result:
    """``python -m btcbot ARGS`` in a subprocess (smoke tests only: it costs ~1 s each),
    started through ``wrapper`` when given (e.g. ``setpriv`` to drop root's privileges)."""
    clean = {k: v for k, v in os.environ.items() if not is_setting(k)}
    clean["LOCK_DIR"] = lock_dir(cwd)  # no lock shared with other test runs
    clean.update(env or {})
    proc = subprocess.run(
        [*wrapper, sys.executable, "-m", "btcbot", *args],
        cwd=cwd,
        env=clean,
        input=input_text,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
