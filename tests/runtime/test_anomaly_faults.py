"""Each anomaly and each degrade level driven by the emulator's faults, end to end: the cycle
line, ``btcbot status`` and the Prometheus metrics all show it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from btcbot.cli import app
from btcbot.config import load_config
from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from btcbot.obs.metrics import Metrics
from btcbot.runtime.factory import open_runtime, wall_clock_ms
from btcbot.runtime.report import CycleReport
from btcbot.runtime.risk_state_codec import decode_risk_state
from btcbot.runtime.telemetry import Telemetry
from btcbot.store import RiskStateRepository, unit_of_work
from tests.runtime.conftest import arm, paper, point_at


async def run_stage4(
    emulator: Emulator, cycles: int, faults: dict[str, object]
) -> tuple[list[CycleReport], str]:
    config = load_config(4)
    reports: list[CycleReport] = []
    async with open_runtime(config) as runtime:
        telemetry = Telemetry(
            Metrics(),
            config,
            runtime.engine,
            execution=runtime.execution.value,
            cycle_seconds=0.05,
            clock_ms=wall_clock_ms,
        )
        emulator.faults.update(faults)  # after start-up: only the cycles meet them
        for _ in range(cycles):
            report = await runtime.runner.run_once()
            telemetry.on_report(report)
            reports.append(report)
        emulator.faults.clear()
    return reports, telemetry.metrics.render().decode()


def status() -> dict[str, object]:
    result = CliRunner().invoke(app, ["status", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def stage4(workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    # no orders: a paper fill landing between two reads would skip a cycle (ledger check)
    # and shift the level sequence these tests pin; the detectors do not need trades
    monkeypatch.setenv("MAX_ORDERS_PER_CYCLE", "0")
    return emulator


async def test_latency_spikes_raise_levels_one_then_two(
    stage4: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LATENCY_SPIKE_MS", "150")
    monkeypatch.setenv(
        "DEGRADE_WARN_CODES_CSV", "STALE_MARKET_DATA,ORDER_REJECT_SPIKE,EXCHANGE_LATENCY_SPIKE"
    )
    reports, metrics = await run_stage4(stage4, 8, {"latency_ms": 160})
    lines = [r.line() for r in reports]
    assert all(r.skipped is None for r in reports), lines
    assert "EXCHANGE_LATENCY_SPIKE" not in reports[0].anomalies  # no previous cycle yet
    assert all("EXCHANGE_LATENCY_SPIKE" in r.anomalies for r in reports[1:]), lines
    levels = [r.degrade_level for r in reports]
    assert levels == [0, 0, 0, 1, 1, 1, 2, 2], lines
    assert "DEGRADE L2" in lines[-1] and "anomalies EXCHANGE_LATENCY_SPIKE" in lines[-1]
    assert reports[-1].risk_mode == "REDUCE_RISK_ONLY"
    assert "btcbot_degrade_level 2.0" in metrics
    assert 'btcbot_anomaly_active{code="EXCHANGE_LATENCY_SPIKE"} 1.0' in metrics
    assert 'btcbot_anomalies_total{code="EXCHANGE_LATENCY_SPIKE"} 7.0' in metrics
    risk = status()["risk"]
    assert risk["degrade_level"] == 2 and risk["mode"] == "REDUCE_RISK_ONLY"
    assert "EXCHANGE_LATENCY_SPIKE" in risk["anomalies"] and risk["degrade_held_until"]


async def test_latency_is_reported_but_does_not_degrade_by_default(
    stage4: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LATENCY_SPIKE_MS", "150")
    reports, _ = await run_stage4(stage4, 5, {"latency_ms": 160})
    assert all("EXCHANGE_LATENCY_SPIKE" in r.anomalies for r in reports[1:])
    assert [r.degrade_level for r in reports] == [0] * 5


async def test_server_errors_drive_level_three_observe_only(
    stage4: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BTCTURK_REST_MAX_RETRIES", "0")
    reports, metrics = await run_stage4(stage4, 5, {"http_5xx_next": 3})
    lines = [r.line() for r in reports]
    assert [r.skipped is not None for r in reports] == [True, True, True, False, False], lines
    fourth = reports[3]
    assert fourth.degrade_level == 3 and fourth.risk_mode == "OBSERVE_ONLY", lines
    assert "EXCHANGE_DEGRADED" in fourth.anomalies and "DEGRADE L3" in fourth.line()
    assert reports[4].degrade_level == 3  # held for its 1800 s cooldown
    assert reports[3].accepted == reports[4].accepted == 0
    assert "btcbot_degrade_level 3.0" in metrics
    assert 'btcbot_risk_mode{mode="OBSERVE_ONLY"} 1.0' in metrics
    assert 'btcbot_anomalies_total{code="EXCHANGE_DEGRADED"} 1.0' in metrics
    risk = status()["risk"]
    assert risk["degrade_level"] == 3 and risk["mode"] == "OBSERVE_ONLY"


async def test_a_skewed_exchange_clock_raises_clock_skew(stage4: Emulator) -> None:
    reports, metrics = await run_stage4(stage4, 2, {"clock_skew_ms": 45_000})
    lines = [r.line() for r in reports]
    assert all("CLOCK_SKEW" in r.anomalies for r in reports), lines
    assert "anomalies CLOCK_SKEW" in lines[-1]
    assert 'btcbot_anomaly_active{code="CLOCK_SKEW"} 1.0' in metrics
    assert "CLOCK_SKEW" in status()["risk"]["anomalies"]
    calm, _ = await run_stage4(stage4, 1, {})  # a new process measures the clock afresh
    assert "CLOCK_SKEW" not in calm[0].anomalies


async def test_an_armed_run_that_trades_shows_no_false_pnl_divergence(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ledger PnL and exchange PnL agree while the ledger explains the balances, so a real
    trading run raises no PNL_DIVERGENCE; its fills cursors are tracked (live only)."""
    stepped = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emulator:
        point_at(monkeypatch, emulator)
        arm(monkeypatch, emulator)
        monkeypatch.setenv("TTL_SECONDS", "1")
        reports = []
        async with open_runtime(load_config(4)) as runtime:
            for _ in range(10):
                reports.append(await runtime.runner.run_once())
                await emulator.step(5)
            with unit_of_work(runtime.engine) as conn:
                state = decode_risk_state(RiskStateRepository(conn).get("main"))
    lines = [r.line() for r in reports]
    assert sum(r.fills for r in reports) > 0, lines
    assert not any("PNL_DIVERGENCE" in r.anomalies for r in reports), lines
    assert state.fills_cursor, "live runs track the newest booked fill per symbol"
