"""Everything one scenario drives: the emulator, the agent, the operator, the other client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from btcbot.emulator import Emulator
from btcbot.store import OpStatus
from chaos.agent import AgentProcess
from chaos.agent_db import AgentDb
from chaos.config import RunOptions
from chaos.foreign import ForeignClient
from chaos.operator import Operator
from chaos.timeline import Timeline

POLL_S = 0.25


async def poll(predicate: Callable[[], bool], timeout_s: float, every_s: float = POLL_S) -> bool:
    """Check ``predicate`` until it holds (True) or ``timeout_s`` passed (False). The harness
    polls state other processes own (the agent's database, the emulator's counters)."""
    deadline = time.monotonic() + timeout_s
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(every_s)


@dataclass
class Rig:
    emu: Emulator
    agent: AgentProcess
    operator: Operator
    foreign: ForeignClient
    db: AgentDb
    timeline: Timeline
    options: RunOptions
    user_id: int
    pairs: tuple[str, ...]  # the agent's symbols in exchange spelling (BTCTRY)
    #: held while something waits for the agent's next submit or cancel (a crash hook, a
    #: dropped-response or racing-fill fault) and while the other client sends a request on
    #: the account: what is armed for the agent must never fire on someone else's request
    request_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    started: float = field(default_factory=time.monotonic)

    async def at(self, offset_s: float) -> None:
        """Sleep until ``offset_s`` seconds after :attr:`started`."""
        delay = self.started + offset_s - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)

    def faults(self, **changes: Any) -> None:
        self.emu.faults.update(changes)

    def fired(self, name: str) -> int:
        return self.emu.faults.counters.faults[name]

    def op(self) -> OpStatus | None:
        return self.db.op_state()

    async def lift_holds(self) -> None:
        """The operator lifts the freeze, then releases a tripped kill switch (through the CLI)."""
        op = self.op()
        if op is not None and op.freeze_active:
            await self.operator.freeze_clear()
        if op is not None and op.kill_switch:
            self.timeline.kill_switch_trips += 1
            await self.operator.kill_switch_off()

    async def ok_cycle_since(self, since_ms: int, timeout_s: float) -> bool:
        """Wait for a successful agent cycle that started at or after ``since_ms``."""
        return await poll(lambda: self.db.ok_cycle_since(since_ms) is not None, timeout_s)

    async def agent_up(self, timeout_s: float = 120.0) -> None:
        await poll(lambda: self.agent.is_up, timeout_s)

    def latency_ms(self) -> int:
        return self.emu.faults.config.latency_ms
