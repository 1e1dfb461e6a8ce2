"""Invariant 6: a persistent failure of the exchange must trip the kill switch in bounded
count and time. Runs alone (no other fault, no crash), then clears the failure, waits for the
agent to recover and releases the kill switch as an operator would after an outage."""

from __future__ import annotations

import asyncio
import time

from chaos.rig import POLL_S, Rig
from chaos.schedule import Planned
from chaos.timeline import ProbeResult, now_ms

RECOVERY_WAIT_S = 60.0


async def persistent_failure(rig: Rig, event: Planned) -> None:
    await rig.agent_up()
    op = rig.op()
    if op is not None and op.kill_switch:  # start from an open gate, or nothing is measured
        await rig.operator.kill_switch_off()
    mode = event.kind
    window = rig.timeline.open("probe", mode)
    start = now_ms()
    if mode == "persistent_5xx":
        rig.faults(http_5xx_probability=1.0, http_5xx_status=503)
    else:  # every private call times out; public market data still flows
        latency = int(rig.options.agent.rest_timeout_seconds * 1000) + 1000
        rig.faults(latency_ms=latency, latency_path_prefix="/api/v1/")
    threshold = rig.options.agent.reconcile_failure_threshold
    tripped, failures = await _wait_for_trip(rig, start, rig.options.trip_within_s + 5.0)
    rig.emu.faults.clear()
    window.close()
    rig.timeline.probes.append(ProbeResult(mode, start, tripped, failures, threshold))
    if tripped is not None:
        rig.timeline.kill_switch_trips += 1
    await rig.ok_cycle_since(now_ms(), RECOVERY_WAIT_S)
    await rig.operator.kill_switch_off()


async def _wait_for_trip(rig: Rig, start: int, timeout_s: float) -> tuple[int | None, int | None]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        op = rig.op()
        if op is not None and op.kill_switch and op.kill_switch_source == "reconcile":
            since = op.kill_switch_since_ms or now_ms()
            return max(since, start), op.reconcile_failures
        await asyncio.sleep(POLL_S)
    return None, None
