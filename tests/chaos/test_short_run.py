"""A short seeded chaos run through the harness's own entry point: the real agent as a process,
SIGKILLed and restarted, under faults, with every invariant checked from the emulator's
records. The long run (README "Reliability") is the same code with more of everything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chaos.__main__ import main
from chaos.schedule import ALL_KINDS

#: Every kind but the timeout probe: it waits RECONCILE_FAILURE_MAX_SECONDS for the kill switch,
#: too long for CI (the 5xx probe checks invariant 6 here; the long run has both).
KINDS = ",".join(kind for kind in ALL_KINDS if kind != "persistent_timeouts")


@pytest.mark.timeout(420)
def test_a_short_seeded_run_keeps_every_invariant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--seed", "101",
        "--scenarios", "1",
        "--stages", "3",
        "--seconds", "15",
        "--faults", "8",
        "--crashes", "2",
        "--quiet-seconds", "6",
        "--kinds", KINDS,
        "--workdir", str(tmp_path),
    ]  # fmt: skip
    code = main(args)
    out = capsys.readouterr().out
    assert code == 0, out
    assert "| violations | 0 |" in out
    faults = int(_row(out, "faults (fired)").split(":")[0])
    crashes = int(_row(out, "crashes (SIGKILL + restart)").split(":")[0])
    orders = int(_row(out, "agent orders / fills on the exchange").split("/")[0])
    assert faults >= 4, out
    assert crashes == 2, out  # at a hook point or, when none came, at a random instant
    assert orders > 0, out
    assert "persistent_5xx 1" in _row(out, "faults (fired)")  # invariant 6 was probed


def _row(table: str, what: str) -> str:
    match = re.search(rf"^\| {re.escape(what)} \| (.*) \|$", table, re.MULTILINE)
    assert match, f"no row {what!r} in\n{table}"
    return match.group(1)
