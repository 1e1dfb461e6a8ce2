"""Reconciliation: drift found and fixed from exchange evidence; failures counted into the
kill switch, never swallowed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from btcbot.btcturk.exchange import BtcturkExchange, NotArmed
from btcbot.config import ACK_PHRASE, CommonSettings
from btcbot.domain import OrderStatus, Symbol
from btcbot.exchange.reports import ExchangeOrder
from btcbot.execution import OmsSettings, ReconciliationFailed, store_backed_arming
from tests.execution.rig import ACCOUNT, BTC_TRY, rig
from tests.helpers import eventually


class BuggyPort(BtcturkExchange):
    """A port with a programming error (not an exchange error)."""

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]:
        raise RuntimeError("bug")


async def test_open_orders_that_are_not_ours_are_reported_unknown(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        mine = await r.resting_buy("rec-mine")
        r.persist(mine)
        await r.oms.submit(mine, "test")
        external = await r.client.submit_order(await r.resting_buy("rec-external"))
        report = await r.oms.reconcile([BTC_TRY])
    assert report.ok and report.error is None
    assert [o.order_id for o in report.unknown_orders] == [external.order_id]
    assert report.balances["TRY"].locked > 0
    assert [o.client_order_id for o in r.oms.live_orders()] == ["rec-mine"]


async def test_order_canceled_elsewhere_takes_the_exchange_state(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("rec-gone")
        r.persist(request)
        outcome = await r.oms.submit(request, "test")
        assert outcome.exchange_order_id is not None
        await r.client.cancel_order(outcome.exchange_order_id)

        async def canceled() -> bool:
            report = await r.oms.reconcile([BTC_TRY])
            return report.ok and r.stored("rec-gone").status is OrderStatus.CANCELED

        await eventually(canceled)
    assert r.oms.live_orders() == []


async def test_failures_trip_the_kill_switch_at_the_threshold_and_reset_on_success(
    tmp_path: Path,
) -> None:
    settings = OmsSettings(reconcile_failure_threshold=3)
    async with rig(tmp_path, exchange={"rest_max_retries": 0}, settings=settings) as r:
        armed = CommonSettings(
            dry_run=False,
            kill_switch=False,
            safe_mode=False,
            live_trading=True,
            live_trading_ack=ACK_PHRASE,
            account_key=ACCOUNT,
        )
        arming = store_backed_arming(r.engine, armed, has_credentials=True)
        reports = []
        with capture_logs() as logs:
            for _ in range(3):
                r.fault(http_5xx_next=1)
                reports.append(await r.oms.reconcile([BTC_TRY]))
        tripped = r.op_status()
        with pytest.raises(NotArmed):
            await BtcturkExchange(r.client, arming).submit(await r.resting_buy("after-trip"))
        recovered = await r.oms.reconcile([BTC_TRY])
        after = r.op_status()
    assert [(x.ok, x.failures, x.kill_switch_tripped) for x in reports] == [
        (False, 1, False),
        (False, 2, False),
        (False, 3, True),
    ]
    assert all(x.error and "ServerError" in x.error for x in reports)
    assert tripped.kill_switch and tripped.kill_switch_source == "reconcile"
    assert any(e["event"] == "kill_switch_tripped" and e["log_level"] == "error" for e in logs)
    assert arming().reasons == ("RUNTIME_KILL_SWITCH",)
    assert recovered.ok and after.reconcile_failures == 0
    assert after.kill_switch  # only an operator clears a tripped kill switch
    assert r.sent == {}


async def test_a_bug_in_the_reconcile_path_is_not_swallowed(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        oms = r.new_oms(BuggyPort(r.client, r.gate))
        with pytest.raises(RuntimeError, match="bug"):
            await oms.reconcile([BTC_TRY])
    assert r.op_status().reconcile_failures == 0


async def test_failed_startup_reconciliation_refuses_to_start(tmp_path: Path) -> None:
    async with rig(tmp_path, exchange={"rest_max_retries": 0}) as r:
        r.fault(http_5xx_next=1)
        with pytest.raises(ReconciliationFailed) as failed:
            await r.oms.startup([BTC_TRY])
        report = await r.oms.startup([BTC_TRY])
    assert not failed.value.report.ok and failed.value.report.failures == 1
    assert report.ok


def test_only_an_in_memory_venue_goes_without_a_pass_deadline() -> None:
    """None (the replay's venue: nothing to wait for) is accepted; a deadline of zero or less
    is a mistake, refused as before."""
    assert OmsSettings(reconcile_pass_timeout_ms=None).reconcile_pass_timeout_ms is None
    assert OmsSettings().reconcile_pass_timeout_ms == 45_000
    for bad in (0, -1):
        with pytest.raises(ValueError, match="time bounds must be positive"):
            OmsSettings(reconcile_pass_timeout_ms=bad)
