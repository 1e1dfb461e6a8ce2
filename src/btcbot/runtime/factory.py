"""Build the real components for a run: live (armed BTCTurk port) or dry-run (paper port over
live public market data), with the state database, process lock, market data and OMS.

Order: database → single-writer lock (exchange account, :mod:`btcbot.runtime.writer_lock`) and
its heartbeat thread → exchange clients → market data and start-up reconciliation, retried
while the exchange is down (:mod:`btcbot.runtime.startup`) → cycle runner. Everything is torn
down in reverse order on exit, even when start-up fails half way.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

import structlog
from sqlalchemy import Engine, func, select

from btcbot.btcturk.auth import Credentials
from btcbot.btcturk.exchange import BtcturkExchange, evidence_from_ws
from btcbot.btcturk.rest_client import BtcturkRestClient, credentials_from
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsClientConfig, WsError
from btcbot.config import AppConfig, CommonSettings, ConfigError
from btcbot.config.exchange import ExchangeSettings
from btcbot.config.listing import check_listed
from btcbot.exchange.fill_model import FillModel
from btcbot.exchange.paper import PaperExchange
from btcbot.exchange.port import ExchangePort, MarketDataPort
from btcbot.exchange.read_budget import UNLIMITED
from btcbot.exchange.reports import ExchangeOrder
from btcbot.exchange.sim_state import Overdrawn
from btcbot.execution import OmsSettings, OrderManager, store_backed_arming
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.profile import Profile
from btcbot.marketdata import MarketDataService, RestBooks, SharedBooksMarket, conversion_pairs
from btcbot.runtime.adaptation import ParamsAdapter
from btcbot.runtime.contained import contained
from btcbot.runtime.cycle import CycleRunner, CycleSettings
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.runtime.loop import StopSignal
from btcbot.runtime.run_settings import (
    record_run_settings,
    refuse_changed_paper_balance,
    refuse_renamed_account,
)
from btcbot.runtime.startup import StartupWait, wait_for_exchange
from btcbot.runtime.writer_lock import LockHeartbeat, lock_identity
from btcbot.store import (
    DamagedRow,
    DbRole,
    ExecutionMode,
    FillRepository,
    LockIdentity,
    OrderRepository,
    ProcessLock,
    SqlStateStore,
    StoredOrder,
    database_url,
    open_store,
    sqlite_file,
    stamp_role,
    unit_of_work,
)
from btcbot.store.schema import fills, orders

log = structlog.get_logger(__name__)

WS_READY_TIMEOUT_SECONDS = 15.0


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class Runtime:
    runner: CycleRunner
    engine: Engine
    lock: ProcessLock
    heartbeat: LockHeartbeat
    execution: ExecutionMode
    feed: BtcturkWsClient | None = None

    def ws_connected(self) -> bool:
        return self.feed is not None and self.feed.is_connected and not self.feed.is_stale


def ws_config(exchange: ExchangeSettings) -> WsClientConfig:
    return WsClientConfig(
        url=exchange.ws_url,
        stale_after_seconds=exchange.ws_stale_after_seconds,
        reconnect_base_delay_ms=exchange.ws_reconnect_base_delay_ms,
        reconnect_max_delay_ms=exchange.ws_reconnect_max_delay_ms,
        max_connects_per_minute=exchange.ws_max_connects_per_minute,
        ping_interval_seconds=exchange.ws_ping_interval_seconds,
    )


@asynccontextmanager
async def open_runtime(
    config: AppConfig,
    *,
    clock_ms: Callable[[], int] = wall_clock_ms,
    stop: StopSignal | None = None,
    profile: Profile | None = None,
) -> AsyncIterator[Runtime]:
    """Everything one ``btcbot run`` needs, live or dry-run, decided by the settings.

    ``profile`` is what plans (default: the built-in profile of the settings' stage); the
    symbols are those its strategy declares, else the ``SYMBOLS`` setting.

    ``stop`` (SIGTERM/SIGINT, or the lock heartbeat finding the lock lost) ends a start-up
    that is waiting for the exchange with :class:`~btcbot.runtime.startup.StartupStopped`.
    """
    common = config.common
    stop = stop or StopSignal()
    profile = contained(profile or builtin_profile(config.params))  # a strategy's raise: no crash
    symbols = profile.requirements.symbols or common.symbols
    dry_run = not config.arming.live_account  # KILL_SWITCH alone: live, cancels only
    execution = ExecutionMode.DRY_RUN if dry_run else ExecutionMode.LIVE
    async with AsyncExitStack() as stack:
        role = DbRole.DRY_RUN if dry_run else DbRole.LIVE
        # vetted for the role now; stamped with it once the start-up checks pass
        engine = _open_engine(config, role)
        stack.callback(engine.dispose)
        _refuse_damaged_orders(engine)
        lock, heartbeat, identity = _take_lock(stack, engine, config, clock_ms, stop)
        if not dry_run:  # another live writer was refused first, by the lock
            refuse_renamed_account(engine, common.account_key, identity)
        else:
            refuse_changed_paper_balance(engine, config)
        credentials = None if dry_run else credentials_from(config.exchange)
        rest = await stack.enter_async_context(BtcturkRestClient.from_settings(config.exchange))
        arming = store_backed_arming(
            engine,
            common,
            has_credentials=config.has_credentials,
            lock_held=heartbeat.still_held,
        )
        live_port = BtcturkExchange(rest, arming)
        books = RestBooks(  # one cache of REST books for the snapshot and the paper account
            live_port,
            ttl_ms=common.orderbook_ttl_ms,
            max_staleness_ms=common.orderbook_max_staleness_ms,
            budget=live_port,
        )
        feed = await _start_feed(stack, config, credentials)
        port: ExchangePort = live_port
        wait, waiting_since = _startup_wait(config), time.monotonic()
        listed = await wait_for_exchange(
            live_port.exchange_rules, wait=wait, stop=stop, started=waiting_since
        )
        check_listed(config, listed.keys())  # a pair the exchange does not list: exit 2
        with unit_of_work(engine) as connection:
            stamp_role(connection, role)  # refused above: a new database stays unclaimed
        record_run_settings(engine, config, clock_ms(), identity)  # for `btcbot status`
        if dry_run:
            shared = SharedBooksMarket(live_port, books)
            port = await wait_for_exchange(
                lambda: _paper_port(engine, shared, common, clock_ms),
                wait=wait,
                stop=stop,
                started=waiting_since,
            )
        oms = OrderManager(
            engine,
            port,
            mode=execution,
            clock_ms=clock_ms,
            account_key=common.account_key,
            settings=OmsSettings(
                reconcile_failure_threshold=common.reconcile_failure_threshold,
                reconcile_failure_max_ms=common.reconcile_failure_max_seconds * 1000,
                reconcile_pass_timeout_ms=int(common.reconcile_pass_timeout_seconds * 1000),
            ),
            budget=UNLIMITED if dry_run else live_port,  # paper account reads cost no budget
        )
        if feed is not None and credentials is not None:
            _follow_private_events(stack, feed, oms)
        market = MarketDataService(
            mode=common.market_data_mode,
            rest=books,
            feed=feed,
            rest_fallback=common.ws_market_data_rest_fallback,
        )

        # the books that turn a USDT (or other non-TRY) quote into TRY for the caps, too
        conversions = conversion_pairs(symbols, "TRY", listed.keys())
        streamed = tuple(dict.fromkeys((*symbols, *conversions)))

        async def start_trading_state() -> None:
            await market.start(streamed, WS_READY_TIMEOUT_SECONDS)
            await oms.startup(symbols)  # raises ReconciliationFailed: do not trade

        await wait_for_exchange(start_trading_state, wait=wait, stop=stop, started=waiting_since)
        profile, adapter = _adaptation(engine, profile, clock_ms())
        runner = CycleRunner(
            store=SqlStateStore(engine),
            port=port,
            oms=oms,
            market=market,
            profile=profile,
            settings=CycleSettings(
                stage=profile.stage,
                mode=execution,
                account_key=common.account_key,
                symbols=symbols,
                kill_switch=common.kill_switch,
                safe_mode=common.safe_mode,
                reconcile_failure_threshold=common.reconcile_failure_threshold,
            ),
            clock_ms=clock_ms,
            heartbeat=heartbeat.check,
            ledger=LedgerGuard(engine, common.account_key, common.reconcile_failure_threshold),
            adapter=adapter,
            rate_limits=rest.session.limiter.take_tally,
            clock_offset=_clock_offset(rest),
        )
        yield Runtime(runner, engine, lock, heartbeat, execution, feed)


def _take_lock(
    stack: AsyncExitStack,
    engine: Engine,
    config: AppConfig,
    clock_ms: Callable[[], int],
    stop: StopSignal,
) -> tuple[ProcessLock, LockHeartbeat, LockIdentity]:
    """The single-writer lock of the exchange account (or of ACCOUNT_KEY without keys), kept
    fresh by a heartbeat thread from now on: also while start-up waits for the exchange."""
    common = config.common
    api_key = config.exchange.api_key if config.has_credentials else None
    identity = lock_identity(common, api_key, sqlite_file(engine))
    lock = ProcessLock(engine, clock_ms=clock_ms, account_key=common.account_key)
    lock.acquire(identity, common.process_instance_ttl_seconds)
    stack.callback(lock.release)
    loop = asyncio.get_running_loop()

    def on_lost(reason: str) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is already closed: nothing to stop
            loop.call_soon_threadsafe(stop.lose_lock, reason)

    heartbeat = LockHeartbeat(
        lock,
        interval_seconds=common.process_instance_heartbeat_interval_seconds,
        ttl_seconds=common.process_instance_ttl_seconds,
        on_lost=on_lost,
    )
    heartbeat.start()
    stack.callback(heartbeat.stop)  # runs before lock.release (last in, first out)
    return lock, heartbeat, identity


def _startup_wait(config: AppConfig) -> StartupWait:
    common = config.common
    return StartupWait(
        max_wait_seconds=common.startup_exchange_wait_seconds,
        base_delay_seconds=common.startup_retry_base_seconds,
        max_delay_seconds=common.startup_retry_max_seconds,
    )


def _clock_offset(rest: BtcturkRestClient) -> Callable[[], Awaitable[int | None]]:
    """The exchange clock's offset from ours, re-measured every
    BTCTURK_CLOCK_SYNC_INTERVAL_SECONDS (the same measurement that stamps private calls)."""
    session = rest.session

    async def measure() -> int | None:
        await session.clock.ensure_synced(session.server_time_ms)
        return session.clock.offset_ms

    return measure


def _adaptation(
    engine: Engine, profile: Profile, now_ms: int
) -> tuple[Profile, ParamsAdapter | None]:
    """The profile's active parameters and their adapter, when it adapts them."""
    if profile.adaptation is None:
        return profile, None
    adapter = ParamsAdapter(engine)
    return adapter.start(profile, now_ms), adapter


def _refuse_damaged_orders(engine: Engine) -> None:
    """:class:`DamagedRow` naming each live order row that does not read back (edited by hand,
    damaged): the bot cannot reconcile or protect an order it cannot read, so it does not
    start (this was a traceback from the first read of the live orders)."""
    with engine.connect() as conn:
        _, unreadable = OrderRepository(conn).live_orders_readable()
    if unreadable:
        shown = "; ".join(u.describe() for u in unreadable[:3])
        raise DamagedRow(
            f"{len(unreadable)} live order row(s) in the state database cannot be read ({shown}): "
            "not starting; restore the database from a backup (`btcbot db restore`) or correct "
            "the row, and check the order on the exchange"
        )


def _open_engine(config: AppConfig, role: DbRole) -> Engine:
    common = config.common
    url = common.state_db_url.get_secret_value() if common.state_db_url else None
    return open_store(database_url(common.state_db_path, url), role, stamp=False)


async def _start_feed(
    stack: AsyncExitStack, config: AppConfig, credentials: Credentials | None
) -> BtcturkWsClient | None:
    if config.common.market_data_mode != "ws":
        return None
    feed = BtcturkWsClient(ws_config(config.exchange), credentials)
    await stack.enter_async_context(feed)
    return feed


def _follow_private_events(stack: AsyncExitStack, feed: BtcturkWsClient, oms: OrderManager) -> None:
    """Private WS events (fills, inserts, deletes) feed the OMS as evidence."""

    async def pump() -> None:
        try:
            async for event in feed.private_events():
                evidence = evidence_from_ws(event)
                if evidence is not None:
                    oms.on_private_event(evidence)
        except WsError:  # the feed stopped for good (logged as ws_fatal); REST reads go on
            return

    task = asyncio.create_task(pump(), name="btcbot-private-events")

    async def stop() -> None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    stack.push_async_callback(stop)


async def _paper_port(
    engine: Engine, market: MarketDataPort, common: CommonSettings, clock_ms: Callable[[], int]
) -> PaperExchange:
    """The paper account (its balance, fees and slippage from the settings), rebuilt from the
    dry-run database after a restart."""
    with unit_of_work(engine) as conn:
        stored_fills = FillRepository(conn).all()
        live = OrderRepository(conn).live_orders(ExecutionMode.DRY_RUN)
        max_order = conn.execute(select(func.max(orders.c.exchange_order_id))).scalar() or 0
        max_trade = conn.execute(select(func.max(fills.c.trade_id))).scalar() or 0
    costs = FillModel.of_bps(
        common.dry_run_maker_fee_bps, common.dry_run_taker_fee_bps, common.dry_run_slippage_bps
    )
    paper = PaperExchange(
        market,
        {"TRY": common.dry_run_try_balance},
        fill_model=costs,
        clock_ms=clock_ms,
        first_order_id=int(max_order) + 1,
        first_trade_id=int(max_trade) + 1,
    )
    resting = [report for report in map(_as_report, live) if report is not None]
    what = "cannot rebuild the paper account from this dry run's database"
    try:
        await paper.restore(stored_fills, resting)
    except Overdrawn as exc:  # the stored dry run spent more than the paper account is given
        raise ConfigError(
            f"{what}: {exc} with DRY_RUN_TRY_BALANCE={common.dry_run_try_balance}; set "
            "DRY_RUN_TRY_BALANCE back to what this dry run started with, or start a new dry run "
            "on another STATE_DB_PATH"
        ) from exc
    except ValueError as exc:  # e.g. a live order on a pair the market no longer lists
        raise ConfigError(f"{what}: {exc}; start a new dry run on another STATE_DB_PATH") from exc
    return paper


def _as_report(stored: StoredOrder) -> ExchangeOrder | None:
    order = stored.order
    request = order.request
    shown = request.price if request.price is not None else request.stop_price
    if order.exchange_order_id is None or shown is None:
        return None  # a market order never rests
    return ExchangeOrder(
        order_id=order.exchange_order_id,
        client_order_id=request.client_order_id,
        symbol=request.symbol,
        side=request.side,
        method=request.method,
        venue_method=request.method.value,
        status=order.status,
        price=shown,
        quantity=request.quantity,
        left_amount=request.quantity - order.filled_quantity,
        stop_price=request.stop_price,
        created_ms=stored.created_ms,
        updated_ms=stored.updated_ms,
    )
