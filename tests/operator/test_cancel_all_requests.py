"""An operator's cancel-all, executed by the agent's OMS against the emulator over loopback:
an order still in flight when it runs is cancelled once the exchange shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from btcbot.domain import OrderStatus
from btcbot.operator import RequestExecutor
from btcbot.operator.requests import REQUEST_TTL_MS, queue_cancel_all
from btcbot.store import ExecutionMode, unit_of_work
from btcbot.store.operator_log import OperatorRequests, RequestStatus
from tests.execution.rig import ACCOUNT, Rig, rig


async def resting_and_in_flight(r: Rig) -> tuple[str, str]:
    """One order resting on the book, one sent whose reply was lost (no exchange id yet)."""
    resting = await r.resting_buy("ca-rest")
    r.persist(resting)
    await r.oms.submit(resting, "test")
    lost = await r.resting_buy("ca-lost")
    r.persist(lost)
    r.fault(drop_submit_response_next=1)
    await r.oms.submit(lost, "test")
    assert r.stored("ca-rest").status is OrderStatus.OPEN
    assert r.stored("ca-lost").status is OrderStatus.IN_FLIGHT
    return "ca-rest", "ca-lost"


def queued(r: Rig) -> tuple[RequestExecutor, int]:
    with unit_of_work(r.engine) as conn:
        request_id = queue_cancel_all(conn, ACCOUNT, actor="cli:test", now_ms=r.clock())
    return RequestExecutor(r.engine, r.oms, ACCOUNT, ExecutionMode.LIVE, r.clock), request_id


def request(r: Rig, request_id: int) -> tuple[RequestStatus, dict[str, Any]]:
    with unit_of_work(r.engine) as conn:
        found = OperatorRequests(conn).get(request_id)
    assert found is not None and found.outcome is not None
    return found.status, dict(found.outcome)


async def test_an_order_in_flight_is_cancelled_once_the_exchange_shows_it(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        resting, lost = await resting_and_in_flight(r)
        executor, request_id = queued(r)
        assert await executor.run_pending() == 1
        first = request(r, request_id)
        r.clock.advance(5)
        await r.oms.resolve_in_flight()  # the ladder finds it on the book
        found = r.stored(lost).status
        assert await executor.run_pending() == 1
        last = request(r, request_id)
        assert await executor.run_pending() == 0  # done: nothing left to run
        cancelling = {r.stored(resting).status, r.stored(lost).status}
    status, outcome = first
    assert status is RequestStatus.PENDING  # not done while an order waits for its id
    assert outcome["cancel_sent"] == [resting] and outcome["in_flight"] == [lost]
    assert (
        "1 in flight (sent, no exchange id yet): cancelled once the exchange shows them"
        in (outcome["message"])
    )
    assert found is OrderStatus.OPEN
    status, outcome = last
    assert status is RequestStatus.DONE
    assert outcome["cancel_sent"] == [resting, lost] and outcome["in_flight"] == []
    assert outcome["message"] == "cancel sent for 2 order(s)"
    assert cancelling <= {OrderStatus.PENDING_CANCEL, OrderStatus.CANCELED}


async def test_time_up_with_an_order_still_in_flight_says_so(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await resting_and_in_flight(r)
        executor, request_id = queued(r)
        await executor.run_pending()
        r.clock.advance(REQUEST_TTL_MS / 1000 + 1)
        assert await executor.run_pending() == 0
        timed_out = request(r, request_id)
    status, outcome = timed_out
    assert status is RequestStatus.FAILED and outcome["in_flight"] == ["ca-lost"]
    assert "time up with 1 order(s) still in flight: not cancelled" in outcome["message"]


async def test_an_order_proven_never_placed_meanwhile_counts_as_finished(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await r.submit_refused_unseen(await r.resting_buy("ca-never"))
        executor, request_id = queued(r)
        await executor.run_pending()
        await r.run_the_ladder()
        proven = r.stored("ca-never").status
        await executor.run_pending()
        done = request(r, request_id)
    assert proven is OrderStatus.NOT_PLACED
    status, outcome = done
    assert status is RequestStatus.DONE and outcome["already_finished"] == ["ca-never"]
    assert outcome["cancel_sent"] == [] and outcome["in_flight"] == []
