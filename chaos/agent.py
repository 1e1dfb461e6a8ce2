"""The agent as a real process: ``btcbot run --loop`` armed against the emulator, supervised.

The supervisor restarts the agent after every exit it did not ask for: a SIGKILL from a crash
event (after the event's delay) or an exit of the agent's own (recorded: a crashed loop is a
finding). A start-up that is refused (exit 2: lock still held; exit 1: start-up reconciliation
failed) is retried every second, as a service manager would, and counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections import deque
from pathlib import Path
from typing import IO

from chaos.timeline import Restart, Timeline, now_ms

START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 30.0
RETRY_DELAY_S = 1.0
STDERR_TAIL = 6


class AgentFailed(RuntimeError):
    """The agent could not be started at all (a setup problem, not a chaos finding)."""


class AgentProcess:
    def __init__(
        self,
        stage: int,
        env: dict[str, str],
        logdir: Path,
        cycle_seconds: float,
        timeline: Timeline,
    ) -> None:
        self.stage = stage
        self.env = env
        self.logdir = logdir
        self.cycle_seconds = cycle_seconds
        self.timeline = timeline
        self.cycle_ms: list[int] = []  # when each cycle line was printed (any process)
        self.processes = 0
        self._proc: asyncio.subprocess.Process | None = None
        self._killed_at: int | None = None
        self._restart_after_s = 0.0
        self._stopping = False
        self._down_since: int | None = None
        self._refusals: list[str] = []
        self._up = asyncio.Event()
        self._supervisor: asyncio.Task[None] | None = None

    # --- what the scenario calls -------------------------------------------------------------

    async def start(self) -> None:
        """Start and supervise; return once the first cycle ran."""
        self._supervisor = asyncio.create_task(self._supervise(), name="chaos-agent")
        up = asyncio.create_task(self._up.wait())
        done, _ = await asyncio.wait(
            {up, self._supervisor}, timeout=START_TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED
        )
        up.cancel()
        if self._supervisor in done:
            self._supervisor.result()  # re-raise AgentFailed
        if not self._up.is_set():
            raise AgentFailed(f"no cycle within {START_TIMEOUT_S:.0f}s (see {self.logdir})")

    @property
    def is_up(self) -> bool:
        return self._up.is_set()

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    def kill(self, restart_after_s: float) -> bool:
        """SIGKILL now (callable from an emulator hook: no awaiting); False if not running."""
        proc = self._proc
        if proc is None or proc.returncode is not None or self._killed_at is not None:
            return False
        self._killed_at = now_ms()
        self._restart_after_s = restart_after_s
        self._up.clear()
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        return True

    async def stop(self) -> int | None:
        """SIGTERM (the agent finishes its cycle); SIGKILL after a timeout. Returns the rc."""
        self._stopping = True
        proc = self._proc
        if proc is not None and proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(proc.wait(), STOP_TIMEOUT_S)
            except TimeoutError:
                proc.kill()
                await proc.wait()
                self.timeline.unexpected_exits.append(
                    f"did not stop within {STOP_TIMEOUT_S:.0f}s of SIGTERM (killed)"
                )
        if self._supervisor is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
        return None if proc is None else proc.returncode

    # --- supervision -------------------------------------------------------------------------

    async def _supervise(self) -> None:
        while not self._stopping:
            rc, ran, tail = await self._run_once()
            if self._stopping:
                return
            if self._killed_at is not None:  # our SIGKILL (maybe while it was starting up)
                self._down_since = self._down_since or self._killed_at
                await asyncio.sleep(self._restart_after_s)
            elif not ran:  # refused at start-up: retry like a service manager
                self._refusals.append(f"exit {rc}: {tail[-1] if tail else ''}"[:200])
                if len(self._refusals) * RETRY_DELAY_S > START_TIMEOUT_S:
                    raise AgentFailed(f"start-up refused: {self._refusals[-1]}")
                await asyncio.sleep(RETRY_DELAY_S)
                continue
            else:
                self._down_since = now_ms()
                self.timeline.unexpected_exits.append(
                    f"exit {rc} without being killed: {' | '.join(tail)}"[:600]
                )
                await asyncio.sleep(RETRY_DELAY_S)
            self._killed_at = None

    async def _run_once(self) -> tuple[int | None, bool, list[str]]:
        """One process from spawn to exit: (exit code, whether it ran a cycle, stderr tail)."""
        self.processes += 1
        out_path = self.logdir / f"agent-{self.processes:03d}.out"
        err_path = self.logdir / f"agent-{self.processes:03d}.err"
        with out_path.open("w", encoding="utf-8") as out, err_path.open("wb") as err:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "btcbot",
                "run",
                "--stage",
                str(self.stage),
                "--loop",
                "--cycle-seconds",
                str(self.cycle_seconds),
                stdout=asyncio.subprocess.PIPE,
                stderr=err,
                env=self.env,
                cwd=self.logdir,
            )
            self._proc = proc
            ran = await self._pump(proc, out)
            rc = await proc.wait()
        return rc, ran, _tail(err_path)

    async def _pump(self, proc: asyncio.subprocess.Process, out: IO[str]) -> bool:
        """Copy stdout to the log; mark the agent up at its first cycle line."""
        assert proc.stdout is not None
        ran = False
        while line := await proc.stdout.readline():
            text = line.decode("utf-8", "replace")
            out.write(text)
            if text.startswith("cycle "):
                at = now_ms()
                self.cycle_ms.append(at)
                if not ran:
                    ran = True
                    self._came_up(at)
        out.flush()
        return ran

    def _came_up(self, at: int) -> None:
        if self._down_since is not None:
            self.timeline.downtime.append((self._down_since, at))
            refusals = tuple(self._refusals)
            waited = at - self._down_since
            self.timeline.restarts.append(Restart(at, len(refusals), refusals, waited))
        self._down_since = None
        self._refusals = []
        self._up.set()


def _tail(path: Path) -> list[str]:
    lines: deque[str] = deque(maxlen=STDERR_TAIL)
    with path.open("rb") as handle:
        for raw in handle:
            text = raw.decode("utf-8", "replace").strip()
            if text:
                lines.append(text)
    return list(lines)
