"""Metrics land in the exposition with the right names, units and bounded labels; the exporter
serves on loopback and stops."""

from __future__ import annotations

import json
import math
import socket
import urllib.error
import urllib.request
from decimal import Decimal

import pytest
from prometheus_client.parser import text_string_to_metric_families

from btcbot.exchange.errors import (
    AuthError,
    BusinessReject,
    InvalidNonce,
    MalformedResponse,
    OutcomeUnknown,
    RateLimited,
)
from btcbot.obs.health import Check, HealthReport, HealthStatus
from btcbot.obs.metrics import MAX_LABEL_VALUES, Metrics, error_kind

NOW = 1_800_000_000.0


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(metrics.render().decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(metrics: Metrics, name: str, **labels: str) -> float:
    return samples(metrics)[(name, tuple(sorted(labels.items())))]


@pytest.fixture
def metrics() -> Metrics:
    return Metrics(clock=lambda: NOW)


def test_cycle_and_order_counters(metrics: Metrics) -> None:
    metrics.run_info(
        version="0.1.0", stage=4, mode="live", cycle_seconds=10, max_market_data_age_ms=15_000
    )
    assert value(metrics, "btcbot_cycles_total", stage="4", mode="live", outcome="failed") == 0
    metrics.cycle_finished(4, "live", 0.8, submits=3, cancels=1, rejects=1, fills=2)
    metrics.cycle_finished(4, "live", 1.2, ok=False)
    assert value(metrics, "btcbot_build_info", version="0.1.0", stage="4", mode="live") == 1
    assert value(metrics, "btcbot_cycle_interval_seconds") == 10
    assert value(metrics, "btcbot_market_data_max_age_seconds") == 15
    assert value(metrics, "btcbot_cycles_total", stage="4", mode="live", outcome="ok") == 1
    assert value(metrics, "btcbot_cycles_total", stage="4", mode="live", outcome="failed") == 1
    assert value(metrics, "btcbot_cycle_duration_seconds_count", stage="4", mode="live") == 2
    assert value(metrics, "btcbot_cycle_duration_seconds_sum", stage="4", mode="live") == 2.0
    assert value(metrics, "btcbot_last_cycle_timestamp_seconds") == NOW
    assert value(metrics, "btcbot_order_submits_total") == 3
    assert value(metrics, "btcbot_order_cancels_total") == 1
    assert value(metrics, "btcbot_order_rejects_total") == 1
    assert value(metrics, "btcbot_fills_total") == 2


def test_order_outcomes_resolution_and_in_flight(metrics: Metrics) -> None:
    assert value(metrics, "btcbot_order_outcomes_total", outcome="not_placed") == 0
    metrics.order_outcome("accepted", resolution_s=0.2)
    metrics.order_outcome("in_flight")
    metrics.order_outcome("not_placed", resolution_s=25.0)
    with pytest.raises(ValueError, match="order outcome"):
        metrics.order_outcome("lost")
    assert value(metrics, "btcbot_order_outcomes_total", outcome="accepted") == 1
    assert value(metrics, "btcbot_order_outcomes_total", outcome="in_flight") == 1
    assert value(metrics, "btcbot_order_resolution_seconds_count") == 2
    assert value(metrics, "btcbot_order_resolution_seconds_bucket", le="30.0") == 2
    assert value(metrics, "btcbot_order_resolution_seconds_bucket", le="15.0") == 1
    metrics.in_flight_orders(2, oldest_age_s=37.5)
    assert value(metrics, "btcbot_in_flight_orders") == 2
    assert value(metrics, "btcbot_in_flight_oldest_age_seconds") == 37.5
    metrics.in_flight_orders(0, oldest_age_s=99)
    assert value(metrics, "btcbot_in_flight_oldest_age_seconds") == 0


def test_safety_metrics(metrics: Metrics) -> None:
    metrics.reconcile(True)
    metrics.reconcile(False)
    metrics.reconcile_failures(2)
    assert value(metrics, "btcbot_reconciliations_total", outcome="failed") == 1
    assert value(metrics, "btcbot_reconcile_consecutive_failures") == 2
    metrics.kill_switch(True, "reconcile")
    metrics.kill_switch(True, "operator")
    kill = {k: v for k, v in samples(metrics).items() if k[0] == "btcbot_kill_switch_active"}
    assert kill == {("btcbot_kill_switch_active", (("source", "operator"),)): 1}
    metrics.kill_switch(False)
    assert value(metrics, "btcbot_kill_switch_active", source="none") == 0
    metrics.risk_mode("REDUCE_RISK_ONLY")
    assert value(metrics, "btcbot_risk_mode", mode="REDUCE_RISK_ONLY") == 1
    assert value(metrics, "btcbot_risk_mode", mode="NORMAL") == 0
    assert value(metrics, "btcbot_risk_mode", mode="OBSERVE_ONLY") == 0
    with pytest.raises(ValueError, match="PANIC"):
        metrics.risk_mode("PANIC")


def test_market_data_freshness_is_a_timestamp(metrics: Metrics) -> None:
    metrics.market_data_age_ms("BTC_TRY", 2_500)
    metrics.market_data_age_ms("ETH_TRY", 0)
    metrics.market_data_fallback("BTC_TRY")
    name = "btcbot_market_data_last_update_timestamp_seconds"
    assert value(metrics, name, symbol="BTC_TRY") == NOW - 2.5
    assert value(metrics, name, symbol="ETH_TRY") == NOW
    assert value(metrics, "btcbot_market_data_fallbacks_total", symbol="BTC_TRY") == 1
    metrics.market_data_symbols(["ETH_TRY"])
    assert (name, (("symbol", "BTC_TRY"),)) not in samples(metrics)
    assert value(metrics, name, symbol="ETH_TRY") == NOW


def test_websocket_is_nan_until_reported(metrics: Metrics) -> None:
    assert math.isnan(value(metrics, "btcbot_ws_connected"))
    metrics.ws_connected(True)
    assert value(metrics, "btcbot_ws_connected") == 1
    metrics.ws_connected(False)
    metrics.ws_reconnects()
    metrics.ws_reconnects(2)
    assert value(metrics, "btcbot_ws_connected") == 0
    assert value(metrics, "btcbot_ws_reconnects_total") == 3


def test_money_is_converted_at_the_boundary(metrics: Metrics) -> None:
    metrics.equity_try(Decimal("12345.67"))
    metrics.drawdown_bps(Decimal("1250"))
    metrics.realized_pnl_try(Decimal("-3.5"))
    assert value(metrics, "btcbot_equity_try") == 12345.67
    assert value(metrics, "btcbot_drawdown_ratio") == 0.125
    assert value(metrics, "btcbot_realized_pnl_try") == -3.5


def test_exchange_and_kernel_metrics(metrics: Metrics) -> None:
    metrics.exchange_errors(error_kind(AuthError("HTTP 401")))
    metrics.rate_limited("order_submit")
    metrics.exchange_latency("order_submit", 0.3)
    metrics.kernel_latency_seconds(0.0004)
    assert value(metrics, "btcbot_exchange_errors_total", kind="auth") == 1
    assert value(metrics, "btcbot_rate_limited_total", endpoint_group="order_submit") == 1
    assert (
        value(
            metrics,
            "btcbot_exchange_request_seconds_bucket",
            endpoint_group="order_submit",
            le="0.5",
        )
        == 1
    )
    assert value(metrics, "btcbot_kernel_latency_seconds_bucket", le="0.0005") == 1
    assert value(metrics, "btcbot_kernel_latency_seconds_bucket", le="0.00025") == 0


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (InvalidNonce("nonce"), "invalid_nonce"),
        (AuthError("401"), "auth"),
        (BusinessReject("400", reason="FAILED_MIN_TOTAL_AMOUNT"), "business_reject"),
        (RateLimited("429", retry_after=1.0), "rate_limited"),
        (OutcomeUnknown("timeout"), "outcome_unknown"),
        (MalformedResponse("body"), "malformed"),
        (RuntimeError("x"), "other"),
    ],
)
def test_error_kind(error: BaseException, kind: str) -> None:
    assert error_kind(error) == kind


def test_labels_are_bounded_and_never_free_text(metrics: Metrics) -> None:
    metrics.exchange_errors("HTTP 401 Unauthorized - key=abc")
    assert value(metrics, "btcbot_exchange_errors_total", kind="invalid") == 1
    for n in range(MAX_LABEL_VALUES + 5):
        metrics.market_data_fallback(f"S{n}_TRY")
    symbols = {
        dict(labels)["symbol"]
        for (name, labels) in samples(metrics)
        if name == "btcbot_market_data_fallbacks_total"
    }
    assert len(symbols) == MAX_LABEL_VALUES + 1
    assert "other" in symbols


def test_registries_are_private() -> None:
    first, second = Metrics(), Metrics()
    first.order_outcome("accepted")
    assert value(second, "btcbot_order_outcomes_total", outcome="accepted") == 0
    assert "process_start_time_seconds" in first.names()


def test_names_include_series_not_created_yet(metrics: Metrics) -> None:
    names = metrics.names()
    assert {"btcbot_exchange_errors_total", "btcbot_kernel_latency_seconds_bucket"} <= names
    assert not any(name.endswith("_created") for name in names)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def report(*checks: Check) -> HealthReport:
    worst = max((c.status for c in checks), key=lambda s: s.severity)
    return HealthReport(worst, checks)


def test_exporter_serves_metrics_and_health_on_loopback_then_stops(metrics: Metrics) -> None:
    current = report(Check("cycle", HealthStatus.OK, "fresh"))
    metrics.order_outcome("accepted")
    with metrics.serve(0, health=lambda: current) as server:
        assert server.host == "127.0.0.1" and server.port > 0
        status, body = fetch(f"{server.url}/metrics")
        assert status == 200
        assert b'btcbot_order_outcomes_total{outcome="accepted"} 1.0' in body
        status, body = fetch(f"{server.url}/healthz")
        assert status == 200 and json.loads(body)["status"] == "ok"

        current = report(
            Check("cycle", HealthStatus.OK, "fresh"),
            Check("kill_switch", HealthStatus.FAILING, "tripped by reconcile"),
        )
        assert fetch(f"{server.url}/healthz")[0] == 503
        assert fetch(f"{server.url}/livez")[0] == 200  # a restart would not help

        current = report(Check("cycle", HealthStatus.FAILING, "stuck"))
        assert fetch(f"{server.url}/livez")[0] == 503
        assert fetch(f"{server.url}/nope")[0] == 404
        port = server.port
    with socket.socket() as probe:
        probe.settimeout(1)
        with pytest.raises(ConnectionRefusedError):
            probe.connect(("127.0.0.1", port))


def test_exporter_without_health_and_with_a_failing_provider(metrics: Metrics) -> None:
    with metrics.serve(0) as server:
        assert fetch(f"{server.url}/healthz")[0] == 404

    def broken() -> HealthReport:
        raise RuntimeError("boom")

    with metrics.serve(0, health=broken) as server:
        status, body = fetch(f"{server.url}/healthz")
        assert status == 500 and b"RuntimeError" in body
