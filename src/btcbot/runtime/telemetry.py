"""Cycle reports → Prometheus metrics and the health verdict served at ``/healthz``."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from btcbot import __version__
from btcbot.config import AppConfig
from btcbot.obs.health import HealthInputs, HealthReport, assess_health
from btcbot.obs.metrics import Metrics
from btcbot.runtime.report import CycleReport
from btcbot.runtime.state_view import UNRESOLVED
from btcbot.store import OpState, OrderRepository, unit_of_work


class Telemetry:
    def __init__(
        self,
        metrics: Metrics,
        config: AppConfig,
        engine: Engine,
        *,
        execution: str,
        cycle_seconds: float,
        clock_ms: Callable[[], int],
        ws_connected: Callable[[], bool] = lambda: False,
    ) -> None:
        self.metrics = metrics
        self._common = config.common
        self._stage = config.params.stage
        self._execution = execution
        self._cycle_seconds = cycle_seconds
        self._engine = engine
        self._clock = clock_ms
        self._ws_connected = ws_connected
        self._started_ms = clock_ms()
        self._last_cycle_ms: int | None = None
        self._ages: dict[str, int | None] = {}
        metrics.run_info(
            version=__version__,
            stage=self._stage,
            mode=execution,
            cycle_seconds=cycle_seconds,
            max_market_data_age_ms=self._common.max_market_data_age_ms,
        )

    def on_report(self, report: CycleReport) -> None:
        m = self.metrics
        m.cycle_finished(
            report.stage,
            report.execution,
            report.duration_ms / 1000,
            submits=report.accepted + report.in_flight,
            cancels=report.cancels_sent,
            rejects=report.rejected,
            fills=report.fills,
            ok=report.skipped is None,
        )
        for outcome, count in (
            ("accepted", report.accepted),
            ("rejected", report.rejected),
            ("in_flight", report.in_flight),
        ):
            for _ in range(count):
                m.order_outcome(outcome)
        self._rate_limits(report)
        m.trips(trip.kind.value for trip in report.trips)
        m.reconcile(report.reconcile_ok)
        if report.risk_mode is not None:
            m.risk_mode(report.risk_mode)
            m.degrade(report.degrade_level, report.anomalies)
            m.reject_cooldowns(len(report.cooling_symbols))
        if report.equity is not None:
            m.equity_try(report.equity)
        if report.realized_pnl is not None:
            m.realized_pnl_try(report.realized_pnl)
        self._ages = {symbol: None for symbol in report.stale_symbols}
        for symbol, age in report.data_ages_ms:
            m.market_data_age_ms(symbol, age)
            self._ages[symbol] = age
        if self._common.market_data_mode == "ws":
            m.ws_connected(self._ws_connected())
        self._record_state()
        self._last_cycle_ms = report.started_ms + report.duration_ms

    def _rate_limits(self, report: CycleReport) -> None:
        tally = report.rate_limits
        waits = dict(tally.waits)
        for group, seconds in tally.waited_s:
            self.metrics.rate_limit_wait(group, seconds, waits.get(group, 0))
        for group, n in tally.refusals:
            self.metrics.rate_limited(group, n)
        self.metrics.cycle_rate_limit_wait(tally.total_wait_s)

    def _record_state(self) -> None:
        now = self._clock()
        with unit_of_work(self._engine) as conn:
            op = OpState(conn).get(self._common.account_key)
            live = OrderRepository(conn).live_orders()
        unresolved = [order for order in live if order.status in UNRESOLVED]
        oldest = max((now - order.created_ms for order in unresolved), default=0)
        self.metrics.in_flight_orders(len(unresolved), oldest / 1000)
        self.metrics.reconcile_failures(op.reconcile_failures)
        active, source = self._kill_switch(op.kill_switch, op.kill_switch_source)
        self.metrics.kill_switch(active, source)

    def _kill_switch(self, runtime: bool, runtime_source: str | None) -> tuple[bool, str | None]:
        if runtime:
            return True, runtime_source
        if self._common.kill_switch:
            return True, "settings"
        return False, None

    def health(self) -> HealthReport:
        with unit_of_work(self._engine) as conn:
            op = OpState(conn).get(self._common.account_key)
        active, source = self._kill_switch(op.kill_switch, op.kill_switch_source)
        return assess_health(
            HealthInputs(
                now_ms=self._clock(),
                started_ms=self._started_ms,
                cycle_seconds=self._cycle_seconds,
                last_cycle_ms=self._last_cycle_ms,
                kill_switch_active=active,
                kill_switch_source=source,
                reconcile_failures=op.reconcile_failures,
                reconcile_failure_threshold=self._common.reconcile_failure_threshold,
                max_market_data_age_ms=self._common.max_market_data_age_ms,
                market_data_age_ms=dict(self._ages),
                ws_mode=self._common.market_data_mode == "ws",
                ws_connected=self._ws_connected(),
            )
        )
