"""``sweep --jobs N``: the worker processes log as the command does (warnings up, to stderr).

Spawned workers inherit nothing of the parent's logging set-up: unconfigured, structlog
printed every order transition of every trial on stdout, hundreds of lines a trial amid the
sweep's report (``sweep ... > report.txt`` kept them all). The command runs as a process of
its own here: the workers write to its real stdout, which an in-process runner cannot see."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO_ROOT
from tests.research.conftest import SMA, SMA_SEARCH


def test_worker_processes_keep_their_order_logs_out_of_the_report(
    wave_csv: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "btcbot", "sweep", "--strategy", SMA, "--dataset", str(wave_csv),
         "--out", str(tmp_path / "sweep"), "--trials", "4", "--jobs", "2", "--objective",
         "return", "--lookahead-cuts", "2", "--no-progress", *SMA_SEARCH],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("SWEEP "), done.stdout[:500]
    assert "order_" not in done.stdout + done.stderr
    assert "[info" not in done.stdout + done.stderr
