"""The operator: the real ``btcbot`` CLI run against the agent's state database.

These are the steps a careful operator takes (and the README tells them to): flip the runtime
kill switch, force OBSERVE_ONLY, clear the unknown-order freeze once the foreign order is gone,
rebase the ledger after a deposit or a fill that was not the agent's, release a kill switch
that an outage tripped. Each runs as its own process, like a human at a shell.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

from chaos.timeline import Timeline

COMMAND_TIMEOUT_S = 60.0
ATTEMPTS = 3


@dataclass(frozen=True)
class CommandResult:
    args: tuple[str, ...]
    rc: int
    output: str


class Operator:
    def __init__(self, env: dict[str, str], cwd: str, timeline: Timeline) -> None:
        self.env = env
        self.cwd = cwd
        self.timeline = timeline
        self.commands: list[CommandResult] = []

    async def kill_switch_on(self) -> None:
        await self.run("kill-switch", "on", "--reason", "chaos: operator drill")

    async def kill_switch_off(self) -> None:
        await self.run("kill-switch", "off", "--yes")

    async def observe_only(self, minutes: int = 5) -> None:
        await self.run(
            "degrade",
            "override",
            "--mode",
            "OBSERVE_ONLY",
            "--reason",
            "chaos: operator drill",
            "--minutes",
            str(minutes),
        )

    async def clear_degrade(self) -> None:
        await self.run("degrade", "clear", "--yes")

    async def freeze_clear(self) -> None:
        await self.run("freeze", "clear", "--yes")

    async def ledger_rebase(self) -> None:
        await self.run("ledger", "rebase", "--yes")

    async def run(self, *args: str) -> CommandResult:
        """Run ``btcbot ARGS``; a failure is retried, then recorded (the CLI is product too)."""
        result = CommandResult(args, -1, "")
        for _ in range(ATTEMPTS):
            result = await self._once(args)
            if result.rc == 0:
                break
            await asyncio.sleep(0.5)
        self.commands.append(result)
        if result.rc != 0:
            self.timeline.operator_failures.append(
                f"btcbot {' '.join(args)} exited {result.rc}: {result.output[-300:]}"
            )
        return result

    async def _once(self, args: tuple[str, ...]) -> CommandResult:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "btcbot",
            *args,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=self.env,
            cwd=self.cwd,
        )
        try:
            output, _ = await asyncio.wait_for(proc.communicate(), COMMAND_TIMEOUT_S)
        except TimeoutError:
            proc.kill()
            output, _ = await proc.communicate()
        rc = proc.returncode if proc.returncode is not None else -1
        return CommandResult(args, rc, output.decode("utf-8", "replace"))
