"""Metrics and health from real cycles: what an operator's Prometheus would scrape."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from btcbot.config import load_config
from btcbot.emulator import Emulator
from btcbot.obs.metrics import Metrics
from btcbot.runtime.factory import open_runtime, wall_clock_ms
from btcbot.runtime.loop import StopSignal, run_cycles
from btcbot.runtime.report import CycleReport
from btcbot.runtime.telemetry import Telemetry
from btcbot.store import OpState, unit_of_work
from tests.helpers import free_port
from tests.runtime.conftest import paper, point_at


async def test_cycles_feed_metrics_and_health(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("MARKET_DATA_MODE", "ws")
    config = load_config(3)
    async with open_runtime(config) as runtime:
        telemetry = Telemetry(
            Metrics(),
            config,
            runtime.engine,
            execution=runtime.execution.value,
            cycle_seconds=0.05,
            clock_ms=wall_clock_ms,
            ws_connected=runtime.ws_connected,
        )
        await run_cycles(
            runtime.runner,
            cycles=3,
            cycle_seconds=0.05,
            stop=StopSignal(),
            on_report=telemetry.on_report,
        )
        text = telemetry.metrics.render().decode()
        with telemetry.metrics.serve(free_port(), health=telemetry.health) as server:
            async with httpx.AsyncClient() as client:
                healthz = await client.get(f"{server.url}/healthz")
                scraped = await client.get(f"{server.url}/metrics")
    assert 'btcbot_cycles_total{mode="dry_run",outcome="ok",stage="3"} 3.0' in text
    assert 'btcbot_risk_mode{mode="NORMAL"} 1.0' in text
    assert "btcbot_equity_try" in text
    assert 'btcbot_market_data_last_update_timestamp_seconds{symbol="BTC_TRY"}' in text
    assert "btcbot_ws_connected 1.0" in text
    assert healthz.status_code == 200
    assert healthz.json()["status"] == "ok", healthz.json()
    assert "btcbot_cycles_total" in scraped.text


async def test_a_tripped_kill_switch_makes_health_failing(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    config = load_config(3)
    async with open_runtime(config) as runtime:
        telemetry = Telemetry(
            Metrics(),
            config,
            runtime.engine,
            execution="dry_run",
            cycle_seconds=1,
            clock_ms=wall_clock_ms,
        )
        with unit_of_work(runtime.engine) as conn:
            OpState(conn).set_kill_switch(
                "main", active=True, source="reconcile", reason="3 failures", now_ms=1
            )
        await run_cycles(
            runtime.runner,
            cycles=1,
            cycle_seconds=0,
            stop=StopSignal(),
            on_report=telemetry.on_report,
        )
        report = telemetry.health()
    assert report.status.value == "failing", report.to_dict()
    text = telemetry.metrics.render().decode()
    assert 'btcbot_kill_switch_active{source="reconcile"} 1.0' in text
    assert 'btcbot_trip_active{kind="kill_switch_reconcile"} 1.0' in text


async def test_rate_limit_waits_and_429s_of_a_cycle_are_counted(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("BTCTURK_REST_BASE_DELAY_MS", "10")
    config = load_config(3)
    async with open_runtime(config) as runtime:
        telemetry = Telemetry(
            Metrics(),
            config,
            runtime.engine,
            execution="dry_run",
            cycle_seconds=0,
            clock_ms=wall_clock_ms,
        )
        emulator.faults.update({"http_429_next": 1})  # Retry-After: 1 on the next call
        reports: list[CycleReport] = []

        def on_report(report: CycleReport) -> None:
            reports.append(report)
            telemetry.on_report(report)

        await run_cycles(
            runtime.runner, cycles=2, cycle_seconds=0, stop=StopSignal(), on_report=on_report
        )
    text = telemetry.metrics.render().decode()
    first, second = reports
    ((group, refused),) = first.rate_limits.refusals
    assert refused == 1 and first.throttled == 2  # the 429 and the wait it caused
    assert not second.rate_limits
    (waited,) = [s for g, s in first.rate_limits.waited_s if g == group]
    assert f'btcbot_rate_limited_total{{endpoint_group="{group}"}} 1.0' in text
    assert f'btcbot_rate_limit_waits_total{{endpoint_group="{group}"}} 1.0' in text
    assert f'btcbot_rate_limit_wait_seconds_total{{endpoint_group="{group}"}} {waited}' in text
    assert "btcbot_cycle_rate_limit_wait_seconds_count 2.0" in text
