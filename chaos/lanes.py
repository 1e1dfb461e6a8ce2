"""The three lanes of a schedule, each running its events one at a time at their times.

Every event opens a :class:`~chaos.timeline.Window` when it starts and closes it when its
effect is over; a one-shot fault that the agent never triggered is recorded as not fired.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from typing import TypeVar

from btcbot.emulator.faults import FaultConfig
from btcbot.emulator.hooks import Kind, Phase, RequestSeen
from chaos.foreign import MANUAL_PREFIX, ForeignClientError
from chaos.rig import POLL_S, Rig, poll
from chaos.schedule import Params, Planned
from chaos.timeline import GateWindow, Window, now_ms

T = TypeVar("T")
ONE_SHOT_WAIT_S = 10.0
HOOK_WAIT_S = 15.0
GATE_GRACE_MS = 1_000
FOREIGN_RETRY_S = 30.0


async def run_lane(
    rig: Rig, events: Sequence[Planned], run: Callable[[Planned], Awaitable[None]]
) -> None:
    for event in events:
        await rig.at(event.at_s)
        await run(event)


# --- network ------------------------------------------------------------------------------


class NetworkLane:
    """REST and WebSocket faults (the ``network`` and ``stream`` lanes)."""

    def __init__(self, rig: Rig) -> None:
        self.rig = rig

    async def run(self, event: Planned) -> None:
        window = self.rig.timeline.open(event.lane, event.kind, _params(event.params))
        try:
            await getattr(self, "_" + event.kind)(window, event.params)
        finally:
            if window.end_ms is None:
                window.close()

    async def _one_shot(
        self, window: Window, name: str, count: int, wait_s: float = ONE_SHOT_WAIT_S
    ) -> int:
        """Arm ``count`` firings of fault ``name``; wait until they fired or time is up."""
        rig = self.rig
        before = rig.fired(name)
        rig.faults(**{name: count})
        await poll(lambda: rig.fired(name) - before >= count, wait_s, POLL_S / 5)
        fired = rig.fired(name) - before
        rig.faults(**{name: 0})
        window.close(fired=fired > 0, detail=f"{window.detail} fired={fired}")
        return fired

    async def _dropped(self, window: Window, name: str, params: Params, mode: str) -> None:
        rig = self.rig
        hang = float(params.get("hang_s", 0))
        async with rig.request_lock:
            before = rig.fired(name)
            rig.faults(**{name: 1, "drop_mode": mode, "hang_seconds": hang or 30.0})
            await poll(lambda: rig.fired(name) > before, float(params["window_s"]), POLL_S / 5)
            fired = rig.fired(name) > before
            rig.faults(**{name: 0})
        if fired and mode == "hang":
            await asyncio.sleep(hang)  # the hanging response is part of the fault
        rig.faults(drop_mode="close")
        window.close(fired=fired)

    async def _drop_submit_close(self, window: Window, params: Params) -> None:
        await self._dropped(window, "drop_submit_response_next", params, "close")

    async def _drop_submit_hang(self, window: Window, params: Params) -> None:
        await self._dropped(window, "drop_submit_response_next", params, "hang")

    async def _drop_cancel_close(self, window: Window, params: Params) -> None:
        await self._dropped(window, "drop_cancel_response_next", params, "close")

    async def _drop_cancel_hang(self, window: Window, params: Params) -> None:
        await self._dropped(window, "drop_cancel_response_next", params, "hang")

    async def _http_5xx(self, window: Window, params: Params) -> None:
        self.rig.faults(http_5xx_status=int(params["status"]))
        await self._one_shot(window, "http_5xx_next", int(params["count"]))
        self.rig.faults(http_5xx_status=FaultConfig().http_5xx_status)

    async def _http_429_burst(self, window: Window, params: Params) -> None:
        await self._one_shot(window, "http_429_next", int(params["count"]))

    async def _changeset_gap(self, window: Window, params: Params) -> None:
        await self._one_shot(window, "changeset_gap_next", int(params["count"]))

    async def _fill_races_cancel(self, window: Window, params: Params) -> None:
        async with self.rig.request_lock:
            self.rig.faults(fill_before_cancel_fraction=float(params["fraction"]))
            await self._one_shot(window, "fill_before_cancel_next", 1, float(params["window_s"]))
            self.rig.faults(fill_before_cancel_fraction=1.0)

    async def _timeout(self, window: Window, params: Params) -> None:
        latency = int(self.rig.options.agent.rest_timeout_seconds * 1000) + 800
        await self._for_a_while(
            float(params["seconds"]),
            latency_ms=latency,
            latency_path_prefix=str(params["prefix"]),
        )
        await asyncio.sleep(latency / 1000)  # requests already delayed are still hanging

    async def _latency(self, window: Window, params: Params) -> None:
        await self._for_a_while(float(params["seconds"]), latency_ms=int(params["ms"]))

    async def _maintenance(self, window: Window, params: Params) -> None:
        self.rig.faults(ws_disconnect_now=True)
        await self._for_a_while(
            float(params["seconds"]), http_5xx_probability=1.0, http_5xx_status=503
        )

    async def _clock_skew(self, window: Window, params: Params) -> None:
        await self._for_a_while(float(params["seconds"]), clock_skew_ms=int(params["ms"]))

    async def _ws_disconnect(self, window: Window, params: Params) -> None:
        await self._one_shot(window, "ws_disconnect_now", 1)

    async def _ws_stall(self, window: Window, params: Params) -> None:
        seconds = float(params["seconds"])
        self.rig.faults(ws_stall_seconds=seconds)
        await asyncio.sleep(seconds)

    async def _partial_fill(self, window: Window, params: Params) -> None:
        """A counterparty takes part of one of the agent's resting orders, out of turn."""
        rig = self.rig
        exchange = rig.emu.exchange
        deadline = time.monotonic() + float(params["window_s"])
        while time.monotonic() < deadline:
            resting = [
                o
                for o in exchange.user_orders(rig.user_id)
                if o.is_open and o.method == "limit" and not o.client_id.startswith(MANUAL_PREFIX)
            ]
            if resting:
                order = resting[0]
                amount = order.left * Decimal(str(params["fraction"]))
                taken = exchange.take_resting(order.id, amount)
                window.close(fired=taken > 0, detail=f"order {order.id} took {taken}")
                return
            await asyncio.sleep(POLL_S)
        window.close(fired=False)

    async def _for_a_while(self, seconds: float, **changes: object) -> None:
        off = FaultConfig()
        defaults = {name: getattr(off, name) for name in changes}
        self.rig.faults(**changes)
        try:
            await asyncio.sleep(seconds)
        finally:
            self.rig.faults(**defaults)


# --- crashes ------------------------------------------------------------------------------

HOOK_POINTS: dict[str, tuple[Kind, Phase]] = {
    "kill_before_submit": ("submit", "received"),
    "kill_after_submit": ("submit", "processed"),
    "kill_after_submit_response": ("submit", "answered"),
    "kill_before_cancel": ("cancel", "received"),
    "kill_after_cancel": ("cancel", "processed"),
    "kill_after_cancel_response": ("cancel", "answered"),
}


class CrashLane:
    """SIGKILL at a point of the agent's cycle, fired by the exchange on the agent's next
    matching request; when no such request comes in time, a kill at a random instant."""

    def __init__(self, rig: Rig) -> None:
        self.rig = rig

    async def run(self, event: Planned) -> None:
        rig = self.rig
        await rig.agent_up()
        restart_after = float(event.params["restart_after_s"])
        point = HOOK_POINTS.get(event.kind)
        if point is not None and await self._at_point(event.kind, point, restart_after):
            return
        window = rig.timeline.open("crash", "kill_random")
        window.close(fired=rig.agent.kill(restart_after))
        await rig.agent_up()

    async def _at_point(self, name: str, point: tuple[Kind, Phase], restart_after: float) -> bool:
        rig = self.rig
        fired = asyncio.Event()
        window = Window("crash", name, now_ms())

        def kill(seen: RequestSeen) -> None:
            window.start_ms = now_ms()
            window.detail = f"order {seen.order_id}" if seen.order_id else ""
            window.close(fired=rig.agent.kill(restart_after))
            fired.set()

        async with rig.request_lock:
            hook = rig.emu.hooks.arm(point[0], point[1], kill, user_id=rig.user_id)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(fired.wait(), HOOK_WAIT_S)
            rig.emu.hooks.disarm(hook)
        if not fired.is_set():
            rig.timeline.windows.append(
                Window("crash", f"{name} (not reached)", now_ms(), now_ms(), fired=False)
            )
            return False
        rig.timeline.windows.append(window)
        await rig.agent_up()
        return window.fired


# --- account: someone else, and the operator's gates -----------------------------------------


class AccountLane:
    def __init__(self, rig: Rig) -> None:
        self.rig = rig

    async def run(self, event: Planned) -> None:
        window = self.rig.timeline.open("account", event.kind, _params(event.params))
        try:
            await getattr(self, "_" + event.kind)(window, event.params)
        except ForeignClientError as exc:
            window.close(fired=False, detail=str(exc)[:200])
        finally:
            if window.end_ms is None:
                window.close()

    async def _foreign(self, call: Callable[[], Awaitable[T]]) -> T:
        """The other client's request, retried through outages; never while a hook waits."""
        deadline = time.monotonic() + FOREIGN_RETRY_S
        while True:
            async with self.rig.request_lock:
                try:
                    return await call()
                except ForeignClientError:
                    if time.monotonic() > deadline:
                        raise
            await asyncio.sleep(1.0)

    async def _manual_limit_order(self, window: Window, params: Params) -> None:
        rig = self.rig
        pair = rig.pairs[0]
        order_id = await self._foreign(
            lambda: rig.foreign.limit_far_from_market(pair, Decimal(120))
        )
        await asyncio.sleep(float(params["hold_s"]))
        await self._foreign(lambda: rig.foreign.cancel(order_id))
        await poll(lambda: not rig.emu.exchange.orders[order_id].is_open, FOREIGN_RETRY_S)
        if rig.emu.exchange.orders[order_id].status != "Canceled":
            window.detail += f" (ended {rig.emu.exchange.orders[order_id].status})"
        await self._settle_foreign_activity()

    async def _manual_market_order(self, window: Window, params: Params) -> None:
        rig = self.rig
        quote = Decimal(int(params["quote_try"]))
        await self._foreign(lambda: rig.foreign.market_buy(rig.pairs[-1], quote))
        await asyncio.sleep(3 * rig.options.agent.cycle_seconds)
        await self._settle_foreign_activity()

    async def _deposit(self, window: Window, params: Params) -> None:
        rig = self.rig
        await rig.foreign.deposit(str(params["asset"]), Decimal(int(params["amount"])))
        await asyncio.sleep(2 * rig.options.agent.cycle_seconds)
        await self._settle_foreign_activity()

    async def _settle_foreign_activity(self) -> None:
        """What the operator does after someone else used the account, in the order the
        agent's own message says: accept the balances (``ledger rebase``), then lift the
        freeze, then release a kill switch the mismatch tripped."""
        rig = self.rig
        await rig.operator.ledger_rebase()
        await rig.ok_cycle_since(now_ms(), 20.0)
        await rig.lift_holds()
        await rig.ok_cycle_since(now_ms(), 20.0)

    async def _kill_switch(self, window: Window, params: Params) -> None:
        await self._gate(
            "runtime kill switch",
            self.rig.operator.kill_switch_on,
            self.rig.operator.kill_switch_off,
            float(params["hold_s"]),
        )

    async def _observe_only(self, window: Window, params: Params) -> None:
        await self._gate(
            "forced OBSERVE_ONLY",
            self.rig.operator.observe_only,
            self.rig.operator.clear_degrade,
            float(params["hold_s"]),
        )

    async def _gate(
        self,
        kind: str,
        close: Callable[[], Awaitable[None]],
        reopen: Callable[[], Awaitable[None]],
        hold_s: float,
    ) -> None:
        rig = self.rig
        await close()
        closed = now_ms()
        grace = GATE_GRACE_MS + rig.latency_ms()
        await asyncio.sleep(hold_s)
        grace = max(grace, GATE_GRACE_MS + rig.latency_ms())
        opening = now_ms()
        await reopen()
        rig.timeline.gates.append(GateWindow(kind, closed, opening, grace))


def _params(params: Params) -> str:
    return " ".join(f"{k}={v}" for k, v in sorted(params.items()))
