"""The emulator process: one aiohttp app serving REST, graph, WebSocket and admin on one port."""

import asyncio
import contextlib
import ipaddress
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from btcbot.emulator.account_admin import AccountAdminApi
from btcbot.emulator.accounts import Account, demo_account
from btcbot.emulator.admin_api import AdminApi
from btcbot.emulator.candles import MINUTE_MS
from btcbot.emulator.config import EmulatorConfig
from btcbot.emulator.engine import Exchange, FeeSchedule
from btcbot.emulator.faults import FaultConfig, Faults
from btcbot.emulator.graph_api import GraphApi
from btcbot.emulator.history import SeriesKnots, SymbolHistory, build_histories
from btcbot.emulator.hooks import RequestHooks
from btcbot.emulator.http_util import json_response
from btcbot.emulator.legacy_api import LegacyApi
from btcbot.emulator.market_sim import MarketSimulator, PriceSeries
from btcbot.emulator.middleware import make_gate
from btcbot.emulator.order_history import OrderHistory
from btcbot.emulator.rate_limits import RateLimiter
from btcbot.emulator.rest_api import RestApi
from btcbot.emulator.transfers import Transfers
from btcbot.emulator.ws_feed import WsFeed
from btcbot.exchange.symbol_table import load_symbol_table

SHUTDOWN_TIMEOUT_S = 1.0
FAULT_POLL_S = 0.05


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Emulator:
    """A running (after :meth:`start`) BTCTurk emulator. Build it with :func:`running_emulator`."""

    def __init__(self, config: EmulatorConfig) -> None:
        if not is_loopback(config.host) and not config.allow_non_loopback:
            raise ValueError(f"refusing non-loopback host {config.host!r} (allow_non_loopback)")
        self.config = config
        self.faults = Faults(config.seed, FaultConfig().updated(dict(config.faults)))
        fees = FeeSchedule(config.maker_fee, config.taker_fee, config.tax_rate)
        self.exchange = Exchange(load_symbol_table(config.symbols_file), fees, self.now_ms)
        self.accounts: tuple[Account, ...] = config.accounts or (demo_account(),)
        for account in self.accounts:
            self.exchange.add_account(account)
        series = self._series()
        self.simulator = MarketSimulator(
            self.exchange, config.seed, series=series, series_symbol=config.series_symbol
        )
        self.started_ms = self.now_ms()
        self.histories: dict[str, SymbolHistory] = {}
        self._attach_history(series)
        self.limiter = RateLimiter(config.rate_limit_scale)
        self.feed = WsFeed(
            self.exchange,
            self.faults,
            self.limiter,
            publish_452_on_fill=config.publish_452_on_fill,
            heartbeat_seconds=config.ws_heartbeat_seconds,
        )
        self.order_history = OrderHistory(self.exchange, self.unskewed_ms)
        self.hooks = RequestHooks()
        self.hooks.observe(self.order_history.on_request)
        self.rest = RestApi(
            self.exchange, self.faults, self.now_ms, config.cancel_delay_seconds, self.hooks
        )
        self.transfers = Transfers()
        self.transfers.record_funding(self.exchange.users.values(), self.started_ms)
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._market_paused = False
        self._last_publish = 0.0

    def _series(self) -> PriceSeries | None:
        if self.config.price_series is None:
            return None
        return PriceSeries(
            self.config.price_series, self.config.series_rows_per_step, self.config.series_start_row
        )

    def _attach_history(self, series: PriceSeries | None) -> None:
        """Candle history before ``started_ms``, ending at each pair's starting price."""
        knots: dict[str, SeriesKnots] = {}
        if series is not None:
            knots[self.simulator.series_symbol] = SeriesKnots(series.history(), series.step_minutes)
        histories = build_histories(
            self.exchange.table.symbols,
            self.exchange.ref_prices,
            seed=self.config.seed,
            start_minute=self.started_ms // MINUTE_MS,
            history_days=self.config.history_days,
            series=knots,
        )
        for name, history in histories.items():
            self.exchange.candles[name].history = history
        self.histories = histories

    def _history_start_s(self, pair: str) -> int:
        history = self.histories[pair]
        return history.first_minute * 60

    # ------------------------------------------------------------------ public surface
    def now_ms(self) -> int:
        """The exchange clock: what it stamps and checks (``clock_skew_ms`` moves it)."""
        return self.unskewed_ms() + self.faults.config.clock_skew_ms

    def unskewed_ms(self) -> int:
        """The clock the order history keeps: the injected clock, else the host's."""
        return self.config.clock_ms() if self.config.clock_ms else int(time.time() * 1000)

    @property
    def rest_url(self) -> str:
        return f"http://{self._url_host}:{self.port}"

    @property
    def graph_url(self) -> str:
        return self.rest_url

    @property
    def ws_url(self) -> str:
        return f"ws://{self._url_host}:{self.port}/"

    @property
    def _url_host(self) -> str:
        return "127.0.0.1" if self.config.host in ("0.0.0.0", "localhost") else self.config.host

    @property
    def demo_account(self) -> Account:
        return self.accounts[0]

    async def step(self, n: int = 1) -> None:
        """Advance the simulator ``n`` steps (each publishes diffs, tickers and snapshots)."""
        for _ in range(n):
            self._step_once(force_publish=True)
            await asyncio.sleep(0)

    def _step_once(self, force_publish: bool) -> None:
        self.simulator.step()
        now = time.monotonic()
        if force_publish or now - self._last_publish >= self.config.ws_publish_seconds:
            self._last_publish = now
            self.feed.publish_periodic()

    # ------------------------------------------------------------------ lifecycle
    def build_app(self) -> web.Application:
        app = web.Application(middlewares=[make_gate(self.faults, self.limiter)])
        app.add_routes(self.rest.routes())
        app.add_routes(GraphApi(self.exchange, self.now_ms).routes())
        legacy = LegacyApi(
            self.exchange, self.rest, self.transfers, self.now_ms, self._history_start_s
        )
        app.add_routes(legacy.routes())
        admin = AdminApi(
            self.exchange,
            self.faults,
            self.step,
            self.feed.disconnect_all,
            self.simulator.set_price,
        )
        app.add_routes(admin.routes())
        accounts = AccountAdminApi(self.exchange, self.order_history, self.transfers, self.now_ms)
        app.add_routes(accounts.routes())
        app.add_routes([web.get("/", self._root), web.get("/ws", self.feed.handle)])
        return app

    async def _root(self, request: web.Request) -> web.StreamResponse:
        if web.WebSocketResponse().can_prepare(request).ok:
            return await self.feed.handle(request)
        return json_response(self.describe())

    def describe(self) -> dict[str, Any]:
        return {
            "emulator": "btcbot BTCTurk emulator",
            "rest_url": self.rest_url,
            "graph_url": self.graph_url,
            "ws_url": self.ws_url,
            "admin": f"{self.rest_url}/_emulator/",
            "demo_api_key": self.demo_account.api_key,
        }

    async def start(self) -> None:
        for _ in range(self.config.warmup_steps):
            self._step_once(force_publish=False)
        self._runner = web.AppRunner(
            self.build_app(),
            handler_cancellation=True,
            shutdown_timeout=SHUTDOWN_TIMEOUT_S,
            access_log=None,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.config.host, self.config.port)
        await site.start()
        self.port = self._bound_port()
        if self.config.tick_seconds > 0:
            self._tasks.append(asyncio.create_task(self._tick_loop()))
        self._tasks.append(asyncio.create_task(self._fault_loop()))

    def _bound_port(self) -> int:
        assert self._runner is not None
        for address in self._runner.addresses:
            if isinstance(address, tuple):
                return int(address[1])
        raise RuntimeError("emulator did not bind a TCP port")

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        self.rest.cancel_pending()
        await self.feed.disconnect_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def pause_market(self) -> None:
        """Stop the simulated market (no more bot trades or price moves); the API stays up.
        ``step()`` still advances it by hand."""
        self._market_paused = True

    async def _tick_loop(self) -> None:
        while True:
            await asyncio.sleep(self.config.tick_seconds)
            if not self._market_paused:
                self._step_once(force_publish=False)

    async def _fault_loop(self) -> None:
        """Time-based WS faults: ``ws_disconnect_now``, ``ws_disconnect_every_s`` and
        ``ws_stall_seconds``."""
        last_drop = time.monotonic()
        while True:
            await asyncio.sleep(FAULT_POLL_S)
            if self.faults.take_ws_disconnect_now():
                await self.feed.disconnect_all()
            stall = self.faults.take_ws_stall()
            if stall:
                self.feed.stall(stall)
            every = self.faults.config.ws_disconnect_every_s
            now = time.monotonic()
            if every <= 0:
                last_drop = now
            elif now - last_drop >= every:
                last_drop = now
                self.faults.counters.faults["ws_disconnect_every_s"] += 1
                await self.feed.disconnect_all()


@asynccontextmanager
async def running_emulator(config: EmulatorConfig | None = None) -> AsyncIterator[Emulator]:
    """Start an emulator on loopback, yield it, and shut it down cleanly."""
    emulator = Emulator(config or EmulatorConfig())
    await emulator.start()
    try:
        yield emulator
    finally:
        await emulator.stop()
