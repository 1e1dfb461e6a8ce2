"""Run the real ``btcbot`` entry point in a subprocess with a controlled environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Variables a developer's shell might carry that would change what the CLI does.
_SCRUB_PREFIXES = (
    "BTCTURK_",
    "STAGE7_",
    "STATE_DB",
    "DRY_RUN",
    "KILL_SWITCH",
    "SAFE_MODE",
    "LIVE_TRADING",
    "SYMBOLS",
    "MARKET_DATA_MODE",
)


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    input_text: str | None = None,
    timeout: float = 60.0,
) -> Result:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(_SCRUB_PREFIXES)}
    clean.setdefault("LOCK_DIR", str(cwd / "locks"))  # no lock shared with other test runs
    clean.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "btcbot", *args],
        cwd=cwd,
        env=clean,
        input=input_text,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
