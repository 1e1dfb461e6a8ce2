"""A real emulator on loopback, the live exchange port, a real SQLite store and an OMS."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from btcbot.btcturk.exchange import BtcturkExchange
from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings
from btcbot.config.gates import ArmingDecision
from btcbot.domain import OrderMethod, OrderRequest, Side, Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.emulator.orders import OrderRequest as VenueRequest
from btcbot.emulator.server import Emulator
from btcbot.exchange.port import ExchangePort
from btcbot.execution import OmsSettings, OrderManager, persist_intents
from btcbot.store import (
    DbRole,
    OpState,
    OpStatus,
    StoredOrder,
    open_store,
    sqlite_url,
    unit_of_work,
)
from btcbot.store.orders import OrderRepository
from tests.btcturk.rest_fake_server import FakeTime

BTC_TRY = Symbol("BTC", "TRY")
QTY = Decimal("0.001")
ACCOUNT = "main"
ARMED = ArmingDecision(armed=True, reasons=())


class FakeClock:
    """Epoch ms that only moves when a test says so (starts at the real time, so the
    exchange's time filters agree with it)."""

    def __init__(self) -> None:
        self.now_ms = int(time.time() * 1000)

    def __call__(self) -> int:
        return self.now_ms

    def advance(self, seconds: float) -> None:
        self.now_ms += int(seconds * 1000)


@dataclass
class Gate:
    """The injected arming check; tests flip ``decision``."""

    decision: ArmingDecision = ARMED
    calls: int = 0

    def __call__(self) -> ArmingDecision:
        self.calls += 1
        return self.decision


@dataclass
class Rig:
    emu: Emulator
    client: BtcturkRestClient
    port: BtcturkExchange
    gate: Gate
    engine: Engine
    clock: FakeClock
    settings: OmsSettings
    oms: OrderManager = field(init=False)

    def __post_init__(self) -> None:
        self.oms = self.new_oms()

    def new_oms(self, port: ExchangePort | None = None) -> OrderManager:
        """A fresh order manager on the same database (a restarted process)."""
        return OrderManager(
            self.engine,
            port or self.port,
            mode="live",
            clock_ms=self.clock,
            account_key=ACCOUNT,
            settings=self.settings,
        )

    def persist(self, *requests: OrderRequest) -> None:
        with unit_of_work(self.engine) as conn:
            persist_intents(conn, requests, "live", self.clock())

    def stored(self, client_order_id: str) -> StoredOrder:
        with unit_of_work(self.engine) as conn:
            return OrderRepository(conn).require(client_order_id)

    def op_status(self) -> OpStatus:
        with unit_of_work(self.engine) as conn:
            return OpState(conn).get(ACCOUNT)

    async def submit_refused_unseen(self, request: OrderRequest) -> None:
        """Persist and send ``request`` with the send answered 5xx before the matching
        engine saw it (an ambiguous outcome: in flight, no exchange id)."""
        self.persist(request)
        self.fault(http_5xx_next=1)
        await self.oms.submit(request, "test")

    async def run_the_ladder(self) -> None:
        """Let the resolution ladder take every look it has (5, every 5 s)."""
        for _ in range(5):
            self.clock.advance(5)
            await self.oms.resolve_in_flight()

    def fault(self, **changes: Any) -> None:
        self.emu.faults.update(changes)

    @property
    def sent(self) -> dict[str, int]:
        return dict(self.emu.faults.counters.mutating)

    async def resting_buy(self, client_order_id: str, *, at_top: bool = False) -> OrderRequest:
        """A limit buy that rests: 5 % under the bid, or one lira over it (best bid)."""
        book = await self.client.order_book(BTC_TRY, 5)
        assert book.best_bid is not None
        price = book.best_bid + 1 if at_top else (book.best_bid * Decimal("0.95")).quantize(1)
        return limit(client_order_id, price)

    async def marketable_buy(self, client_order_id: str) -> OrderRequest:
        """A limit buy over the ask: fills completely at once, never rests."""
        book = await self.client.order_book(BTC_TRY, 5)
        assert book.best_ask is not None
        return limit(client_order_id, (book.best_ask * Decimal("1.01")).quantize(1))

    def fill_from_outside(self, price: Decimal, quantity: Decimal = QTY) -> None:
        """The simulator's taker sells into our resting buy (which must be the best bid)."""
        request = VenueRequest("BTCTRY", "sell", "limit", quantity, price, None)
        self.emu.exchange.submit(self.emu.simulator.taker.user_id, request)


def limit(client_order_id: str, price: Decimal, side: Side = Side.BUY) -> OrderRequest:
    return OrderRequest(
        BTC_TRY, side, OrderMethod.LIMIT, client_order_id, quantity=QTY, price=price
    )


@asynccontextmanager
async def rig(
    tmp_path: Path,
    *,
    exchange: dict[str, object] | None = None,
    emulator: dict[str, Any] | None = None,
    settings: OmsSettings | None = None,
) -> AsyncIterator[Rig]:
    config = EmulatorConfig(
        seed=7, port=0, tick_seconds=0.0, rate_limit_scale=None, **(emulator or {})
    )
    async with running_emulator(config) as emu:
        values: dict[str, object] = {
            "base_url": emu.rest_url,
            "graph_url": emu.graph_url,
            "api_key": emu.demo_account.api_key,
            "api_secret": emu.demo_account.api_secret,
            "rest_timeout_seconds": 2.0,
            **(exchange or {}),
        }
        fake_time = FakeTime()
        client = BtcturkRestClient.from_settings(
            ExchangeSettings.model_validate(values), sleep=fake_time.sleep, monotonic=fake_time
        )
        engine = open_store(sqlite_url(tmp_path / "state.db"), DbRole.LIVE)
        async with client:
            await client.sync_clock()  # else the first private call's sync eats a 5xx fault
            gate = Gate()
            yield Rig(
                emu,
                client,
                BtcturkExchange(client, gate),
                gate,
                engine,
                FakeClock(),
                settings or OmsSettings(),
            )
        engine.dispose()
