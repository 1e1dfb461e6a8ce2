"""Prometheus metrics on a private registry, and the HTTP exporter that serves them.

Each :class:`Metrics` owns its ``CollectorRegistry`` (no global state: two instances, e.g. two
tests, never see each other's series). The runtime calls small methods; names, units and
labels follow Prometheus conventions (seconds, ``_total`` counters, ratios 0..1). Money
arrives as ``Decimal`` and becomes ``float`` only here, at the metrics boundary.

Label values are bounded: a value that is not a short identifier becomes ``invalid`` and, past
:data:`MAX_LABEL_VALUES` distinct values of one label, ``other``. No label carries a secret,
an order id or free text. The account is NOT a label here: add it as a target label in the
scrape configuration (``deploy/prometheus/prometheus.yml``), one process per account.

The exporter (:meth:`Metrics.serve`) answers ``/metrics`` and, when given a health provider,
``/healthz`` (200 ok/degraded, 503 failing, JSON body) and ``/livez`` (503 only when the loop
is stuck), for container health checks and Kubernetes probes.
"""

from __future__ import annotations

import json
import math
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from decimal import Decimal
from types import TracebackType
from typing import Final
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from wsgiref.types import StartResponse, WSGIEnvironment

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
    make_wsgi_app,
)
from prometheus_client.exposition import ThreadingWSGIServer

from btcbot.decision.modes import Mode
from btcbot.exchange.errors import (
    AuthError,
    BusinessReject,
    ExchangeError,
    InvalidNonce,
    MalformedResponse,
    NotSent,
    OrderNotFound,
    OutcomeUnknown,
    RateLimited,
    ServerError,
    TransportFailure,
)
from btcbot.obs.health import HealthReport, HealthStatus
from btcbot.risk.anomalies import ANOMALY_CODES

__all__ = [
    "MAX_LABEL_VALUES",
    "ORDER_OUTCOMES",
    "Metrics",
    "MetricsServer",
    "error_kind",
]

ORDER_OUTCOMES: Final = ("accepted", "rejected", "in_flight", "not_placed")
MAX_LABEL_VALUES: Final = 64
_LABEL_VALUE: Final = re.compile(r"[A-Za-z0-9_.:-]{1,40}")

# Seconds. The kernel decides in well under a millisecond; order resolution follows the
# in-flight ladder (first query after ~5 s, then every ~2 s); REST calls time out at 10 s.
KERNEL_BUCKETS: Final = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1)
CYCLE_BUCKETS: Final = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)
RESOLUTION_BUCKETS: Final = (0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0)
REQUEST_BUCKETS: Final = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
# Seconds a cycle waited for the client's rate limiter: zero when the budget is spent well;
# tens of seconds when a one-minute window ran dry.
RATE_WAIT_BUCKETS: Final = (0.0, 0.01, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)

HealthProvider = Callable[[], HealthReport]
_SAMPLE_SUFFIXES: Final = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum")}

# Most specific first: InvalidNonce is an AuthError, OrderNotFound a BusinessReject.
_ERROR_KINDS: Final[tuple[tuple[type[BaseException], str], ...]] = (
    (InvalidNonce, "invalid_nonce"),
    (AuthError, "auth"),
    (OrderNotFound, "order_not_found"),
    (BusinessReject, "business_reject"),
    (RateLimited, "rate_limited"),
    (NotSent, "not_sent"),
    (OutcomeUnknown, "outcome_unknown"),
    (ServerError, "server_error"),
    (TransportFailure, "transport"),
    (MalformedResponse, "malformed"),
    (ExchangeError, "other_exchange"),
)


def error_kind(exc: BaseException) -> str:
    """The bounded ``kind`` label for an exchange error (``auth``, ``rate_limited``, ...)."""
    for cls, kind in _ERROR_KINDS:
        if isinstance(exc, cls):
            return kind
    return "other"


class _Labels:
    """Keeps one label's values short identifiers and few."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, value: object) -> str:
        text = str(value)
        if not _LABEL_VALUE.fullmatch(text):
            return "invalid"
        with self._lock:
            if text not in self._seen:
                if len(self._seen) >= MAX_LABEL_VALUES:
                    return "other"
                self._seen.add(text)
        return text


class Metrics:
    """Every metric btcbot exports. Methods are cheap; free-form label values are bounded,
    never refused. The two closed sets (order outcome, risk mode) raise ``ValueError`` on an
    unknown value: that is a bug in the caller, not a new series to invent."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._clock = clock
        self._info = _Labels()
        self._mode = _Labels()
        self._symbol = _Labels()
        self._kind = _Labels()
        self._group = _Labels()
        self._source = _Labels()
        self._trip = _Labels()
        self._kill_lock = threading.Lock()
        ProcessCollector(registry=self.registry)
        r = self.registry

        self._build_info = Gauge(
            "btcbot_build_info",
            "Always 1: version, stage and execution mode of this process.",
            ("version", "stage", "mode"),
            registry=r,
        )
        self._cycle_interval = Gauge(
            "btcbot_cycle_interval_seconds", "Configured pause between cycles.", registry=r
        )
        self._max_md_age = Gauge(
            "btcbot_market_data_max_age_seconds",
            "Configured MAX_MARKET_DATA_AGE_MS: older data blocks new risk.",
            registry=r,
        )

        self._cycles = Counter(
            "btcbot_cycles_total",
            "Finished cycles by outcome (ok | failed).",
            ("stage", "mode", "outcome"),
            registry=r,
        )
        self._cycle_duration = Histogram(
            "btcbot_cycle_duration_seconds",
            "Wall time of one cycle.",
            ("stage", "mode"),
            buckets=CYCLE_BUCKETS,
            registry=r,
        )
        self._last_cycle = Gauge(
            "btcbot_last_cycle_timestamp_seconds",
            "When the last cycle finished (epoch).",
            registry=r,
        )
        self._submits = Counter("btcbot_order_submits_total", "Orders sent.", registry=r)
        self._cancels = Counter("btcbot_order_cancels_total", "Cancels sent.", registry=r)
        self._rejects = Counter(
            "btcbot_order_rejects_total",
            "Submits definitively rejected by the exchange.",
            registry=r,
        )
        self._fills = Counter("btcbot_fills_total", "Fills recorded.", registry=r)

        self._outcomes = Counter(
            "btcbot_order_outcomes_total",
            "Outcome of each submit: accepted, rejected, in_flight (ambiguous, being "
            "resolved), not_placed (resolved: never reached the book).",
            ("outcome",),
            registry=r,
        )
        for outcome in ORDER_OUTCOMES:
            self._outcomes.labels(outcome)
        self._resolution = Histogram(
            "btcbot_order_resolution_seconds",
            "Time from sending a submit to a definite outcome.",
            buckets=RESOLUTION_BUCKETS,
            registry=r,
        )
        self._in_flight = Gauge(
            "btcbot_in_flight_orders", "Orders whose fate is not yet known.", registry=r
        )
        self._in_flight_age = Gauge(
            "btcbot_in_flight_oldest_age_seconds",
            "Age of the oldest in-flight order (0 when none).",
            registry=r,
        )

        self._reconciles = Counter(
            "btcbot_reconciliations_total",
            "Reconciliations by outcome (ok | failed).",
            ("outcome",),
            registry=r,
        )
        for outcome in ("ok", "failed"):
            self._reconciles.labels(outcome)
        self._reconcile_failures = Gauge(
            "btcbot_reconcile_consecutive_failures",
            "Consecutive failed reconciliations (the kill switch trips at the threshold).",
            registry=r,
        )
        self._kill_switch = Gauge(
            "btcbot_kill_switch_active",
            "1 while a kill switch blocks new risk; source: settings, operator, or what "
            "tripped it.",
            ("source",),
            registry=r,
        )
        self._risk_mode = Gauge(
            "btcbot_risk_mode",
            "1 for the current risk mode, 0 for the others.",
            ("mode",),
            registry=r,
        )

        self._degrade_level = Gauge(
            "btcbot_degrade_level",
            "Degrade level 0..3 (profile 4): 1-2 reduce risk, 3 observe only; NaN for "
            "profiles without levels.",
            registry=r,
        )
        self._degrade_level.set(math.nan)
        self._anomalies = Counter(
            "btcbot_anomalies_total",
            "Cycles in which each anomaly was detected (profile 4).",
            ("code",),
            registry=r,
        )
        self._anomaly_active = Gauge(
            "btcbot_anomaly_active",
            "1 when the anomaly was detected in the last cycle, else 0.",
            ("code",),
            registry=r,
        )
        for code in ANOMALY_CODES:
            self._anomalies.labels(code)
            self._anomaly_active.labels(code).set(0)
        self._reject_cooldowns = Gauge(
            "btcbot_reject_cooldown_symbols",
            "Symbols cooling down after repeated FAILED_ORDER_WITH_OPEN_ORDERS rejects.",
            registry=r,
        )

        self._md_updated = Gauge(
            "btcbot_market_data_last_update_timestamp_seconds",
            "When the symbol's market data was last fresh (epoch): age = time() - value.",
            ("symbol",),
            registry=r,
        )
        self._md_fallbacks = Counter(
            "btcbot_market_data_fallbacks_total",
            "REST fallbacks while the WS feed was stale.",
            ("symbol",),
            registry=r,
        )
        self._ws_connected = Gauge(
            "btcbot_ws_connected",
            "1 while the WebSocket feed is connected, 0 when not; NaN in REST mode.",
            registry=r,
        )
        self._ws_connected.set(math.nan)
        self._ws_reconnects = Counter(
            "btcbot_ws_reconnects_total", "WebSocket reconnects.", registry=r
        )

        self._equity = Gauge("btcbot_equity_try", "Account equity in TRY.", registry=r)
        self._drawdown = Gauge(
            "btcbot_drawdown_ratio", "Drawdown from the equity peak, 0..1.", registry=r
        )
        self._realized = Gauge("btcbot_realized_pnl_try", "Realized PnL in TRY.", registry=r)

        self._exchange_errors = Counter(
            "btcbot_exchange_errors_total",
            "Exchange errors by kind (see error_kind).",
            ("kind",),
            registry=r,
        )
        self._rate_limited = Counter(
            "btcbot_rate_limited_total",
            "HTTP 429 answers by endpoint group.",
            ("endpoint_group",),
            registry=r,
        )
        self._rate_wait_seconds = Counter(
            "btcbot_rate_limit_wait_seconds_total",
            "Seconds spent waiting for the client-side rate limiter, by endpoint group.",
            ("endpoint_group",),
            registry=r,
        )
        self._rate_waits = Counter(
            "btcbot_rate_limit_waits_total",
            "Exchange calls that had to wait for the client-side rate limiter, by endpoint group.",
            ("endpoint_group",),
            registry=r,
        )
        self._cycle_rate_wait = Histogram(
            "btcbot_cycle_rate_limit_wait_seconds",
            "Seconds one cycle waited for rate limits (all endpoint groups together).",
            buckets=RATE_WAIT_BUCKETS,
            registry=r,
        )
        self._trips = Gauge(
            "btcbot_trip_active",
            "1 while a trip holds the bot back (kill switch, freeze, override, failing "
            "checks; kind as in btcbot status), 0 after it is resolved.",
            ("kind",),
            registry=r,
        )
        self._request_seconds = Histogram(
            "btcbot_exchange_request_seconds",
            "Exchange REST round trips by endpoint group.",
            ("endpoint_group",),
            buckets=REQUEST_BUCKETS,
            registry=r,
        )
        self._kernel = Histogram(
            "btcbot_kernel_latency_seconds",
            "Time the planning kernel takes to decide.",
            buckets=KERNEL_BUCKETS,
            registry=r,
        )

    # -- process ------------------------------------------------------------------------
    def run_info(
        self,
        *,
        version: str,
        stage: int,
        mode: str,
        cycle_seconds: float,
        max_market_data_age_ms: int,
    ) -> None:
        """Once at start-up: what runs, and the thresholds the alert rules compare with."""
        self._build_info.clear()
        self._build_info.labels(self._info(version), str(stage), self._mode(mode)).set(1)
        self._cycle_interval.set(cycle_seconds)
        self._max_md_age.set(max_market_data_age_ms / 1000)
        for outcome in ("ok", "failed"):  # both series exist from the start: SLO ratios
            self._cycles.labels(str(stage), self._mode(mode), outcome)
        self._last_cycle.set(self._clock())  # "no cycle since" counts from the start

    # -- cycles and orders --------------------------------------------------------------
    def cycle_finished(
        self,
        stage: int,
        mode: str,
        duration_s: float,
        *,
        submits: int = 0,
        cancels: int = 0,
        rejects: int = 0,
        fills: int = 0,
        ok: bool = True,
    ) -> None:
        """A cycle ended. ``ok=False`` for a cycle that made no plan because something failed
        (reconciliation, market data, exchange); it counts against the cycle SLO."""
        labels = (str(stage), self._mode(mode))
        self._cycles.labels(*labels, "ok" if ok else "failed").inc()
        self._cycle_duration.labels(*labels).observe(max(duration_s, 0.0))
        self._last_cycle.set(self._clock())
        self._submits.inc(max(submits, 0))
        self._cancels.inc(max(cancels, 0))
        self._rejects.inc(max(rejects, 0))
        self._fills.inc(max(fills, 0))

    def order_outcome(self, outcome: str, resolution_s: float | None = None) -> None:
        """One submit's outcome (one of :data:`ORDER_OUTCOMES`); ``resolution_s`` is the time
        from sending to that definite outcome, when known."""
        if outcome not in ORDER_OUTCOMES:
            raise ValueError(f"order outcome {outcome!r} is not one of {ORDER_OUTCOMES}")
        self._outcomes.labels(outcome).inc()
        if resolution_s is not None:
            self._resolution.observe(max(resolution_s, 0.0))

    def in_flight_orders(self, n: int, oldest_age_s: float = 0.0) -> None:
        self._in_flight.set(n)
        self._in_flight_age.set(oldest_age_s if n > 0 else 0.0)

    # -- safety -------------------------------------------------------------------------
    def reconcile(self, ok: bool) -> None:
        self._reconciles.labels("ok" if ok else "failed").inc()

    def reconcile_failures(self, n: int) -> None:
        self._reconcile_failures.set(n)

    def kill_switch(self, active: bool, source: str | None = None) -> None:
        """The effective kill switch. One series at a time: a new source replaces the old."""
        with self._kill_lock:
            self._kill_switch.clear()
            self._kill_switch.labels(self._source(source or "none")).set(1 if active else 0)

    def risk_mode(self, mode: str) -> None:
        current = Mode(mode)  # ValueError on an unknown mode: a bug, not a label to invent
        for each in Mode:
            self._risk_mode.labels(each.value).set(1 if each is current else 0)

    def degrade(self, level: int | None, anomalies: Iterable[str]) -> None:
        """The last cycle's degrade level (``None``: the profile has none) and anomalies."""
        self._degrade_level.set(math.nan if level is None else level)
        found = set(anomalies)
        unknown = found - set(ANOMALY_CODES)
        if unknown:
            raise ValueError(f"unknown anomaly code(s) {sorted(unknown)}")
        for code in ANOMALY_CODES:
            self._anomaly_active.labels(code).set(1 if code in found else 0)
            if code in found:
                self._anomalies.labels(code).inc()

    def reject_cooldowns(self, n: int) -> None:
        self._reject_cooldowns.set(n)

    # -- market data --------------------------------------------------------------------
    def market_data_age_ms(self, symbol: str, age: int | float) -> None:
        """The symbol's data is ``age`` ms old now (call it only for symbols with data);
        exported as the time it was fresh, so Prometheus sees the age grow even if this
        process stops reporting."""
        self._md_updated.labels(self._symbol(symbol)).set(self._clock() - max(age, 0) / 1000)

    def market_data_symbols(self, symbols: Iterable[str]) -> None:
        """The symbols followed now (profile 7's universe changes): the freshness series of
        any other symbol is removed, so a dropped symbol does not look stale forever."""
        keep = {self._symbol(symbol) for symbol in symbols}
        for family in self._md_updated.collect():
            for sample in family.samples:
                if sample.labels["symbol"] not in keep:
                    self._md_updated.remove(sample.labels["symbol"])

    def market_data_fallback(self, symbol: str) -> None:
        self._md_fallbacks.labels(self._symbol(symbol)).inc()

    def ws_connected(self, connected: bool) -> None:
        self._ws_connected.set(1 if connected else 0)

    def ws_reconnects(self, n: int = 1) -> None:
        """``n`` more reconnects happened (a delta, not a running total)."""
        self._ws_reconnects.inc(max(n, 0))

    # -- money (Decimal in, float out) --------------------------------------------------
    def equity_try(self, value: Decimal | int) -> None:
        self._equity.set(float(value))

    def drawdown_bps(self, value: Decimal | int) -> None:
        """Drawdown in basis points, exported as the ratio ``btcbot_drawdown_ratio``."""
        self._drawdown.set(float(Decimal(value) / 10_000))

    def realized_pnl_try(self, value: Decimal | int) -> None:
        self._realized.set(float(value))

    # -- exchange and kernel ------------------------------------------------------------
    def exchange_errors(self, kind: str) -> None:
        """One exchange error; ``kind`` from :func:`error_kind` (bounded)."""
        self._exchange_errors.labels(self._kind(kind)).inc()

    def rate_limited(self, endpoint_group: str, n: int = 1) -> None:
        """``n`` more HTTP 429 answers for ``endpoint_group``."""
        self._rate_limited.labels(self._group(endpoint_group)).inc(max(n, 0))

    def rate_limit_wait(self, endpoint_group: str, seconds: float, waits: int = 1) -> None:
        """``waits`` calls of ``endpoint_group`` waited ``seconds`` in all for the limiter."""
        group = self._group(endpoint_group)
        self._rate_wait_seconds.labels(group).inc(max(seconds, 0.0))
        self._rate_waits.labels(group).inc(max(waits, 0))

    def cycle_rate_limit_wait(self, seconds: float) -> None:
        """One cycle's total wait for rate limits (0 for a cycle that did not wait)."""
        self._cycle_rate_wait.observe(max(seconds, 0.0))

    def trips(self, active: Iterable[str]) -> None:
        """The trips in force now; every trip seen before and not listed drops to 0."""
        now = {self._trip(kind) for kind in active}
        for family in self._trips.collect():
            for sample in family.samples:
                if sample.labels["kind"] not in now:
                    self._trips.labels(sample.labels["kind"]).set(0)
        for kind in now:
            self._trips.labels(kind).set(1)

    def exchange_latency(self, endpoint_group: str, seconds: float) -> None:
        self._request_seconds.labels(self._group(endpoint_group)).observe(max(seconds, 0.0))

    def kernel_latency_seconds(self, seconds: float) -> None:
        self._kernel.observe(max(seconds, 0.0))

    # -- exposition ---------------------------------------------------------------------
    def render(self) -> bytes:
        """The text exposition format, as served on ``/metrics``."""
        return generate_latest(self.registry)

    def names(self) -> frozenset[str]:
        """Every sample name the exporter can expose, series created yet or not (for tests
        that check alert rules against it)."""
        return frozenset(
            family.name + suffix
            for family in self.registry.collect()
            for suffix in _SAMPLE_SUFFIXES.get(family.type, ("",))
        )

    def serve(
        self, port: int, host: str = "127.0.0.1", *, health: HealthProvider | None = None
    ) -> MetricsServer:
        """Start the exporter on ``host:port`` in a daemon thread (``port=0``: any free
        port, see :attr:`MetricsServer.port`). Loopback by default; bind a pod or container
        address only where the network is private to the scraper."""
        return MetricsServer(_app(make_wsgi_app(self.registry), health), host, port)


def check_listen(host: str, port: int) -> None:
    """Raise ``OSError`` when the exporter could not listen on ``host:port`` now (the port is
    in use, the address is not this host's); the caller says which setting to change."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        probe.bind((host, port))


class MetricsServer:
    """A running exporter; :meth:`stop` (or leaving the ``with`` block) shuts it down."""

    def __init__(self, app: _WsgiApp, host: str, port: int) -> None:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        server_class = _Server6 if family == socket.AF_INET6 else ThreadingWSGIServer
        self._httpd: WSGIServer = make_server(
            host, port, app, server_class=server_class, handler_class=_QuietHandler
        )
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="btcbot-metrics", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def stop(self, timeout: float = 5.0) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout)

    def __enter__(self) -> MetricsServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


_WsgiApp = Callable[[WSGIEnvironment, StartResponse], Iterable[bytes]]


class _Server6(ThreadingWSGIServer):
    address_family = socket.AF_INET6


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Scrapes every 15 s would flood standard error; the bot logs what matters."""


def _app(metrics_app: _WsgiApp, health: HealthProvider | None) -> _WsgiApp:
    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if path == "/metrics":
            return metrics_app(environ, start_response)
        if path in ("/healthz", "/livez") and health is not None:
            return _health(path, health, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"btcbot exporter: /metrics, /healthz, /livez\n"]

    return app


def _health(path: str, health: HealthProvider, start_response: StartResponse) -> list[bytes]:
    try:
        report = health()
    except Exception as exc:  # noqa: BLE001 (a probe answers 500 rather than dropping the socket)
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
        return [f"health provider failed: {type(exc).__name__}\n".encode()]
    healthy = report.live if path == "/livez" else report.status is not HealthStatus.FAILING
    body = json.dumps(report.to_dict(), sort_keys=True).encode()
    start_response(
        "200 OK" if healthy else "503 Service Unavailable",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
    )
    return [body]
