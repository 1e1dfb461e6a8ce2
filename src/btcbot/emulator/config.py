"""EmulatorConfig: every knob of the emulator, with its default and why."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from btcbot.emulator.accounts import Account


@dataclass(frozen=True)
class EmulatorConfig:
    #: Bind address. Loopback only unless ``allow_non_loopback`` (the emulator has no real auth).
    host: str = "127.0.0.1"
    #: TCP port; 0 picks a free one (tests), the CLI default is 8765.
    port: int = 0
    #: Seed of the market simulator and of probabilistic faults.
    seed: int = 1
    #: Seconds between simulator steps; 0 = manual (``await emu.step()``), for exact tests.
    tick_seconds: float = 0.2
    #: Simulator steps run before the server starts answering, so books are never empty.
    warmup_steps: int = 3
    #: Accounts to create; empty → the one documented demo account (``demo_account.py``).
    accounts: tuple[Account, ...] = ()
    #: Real price series (CSV with a Close column) driving ``series_symbol``; None = random walk.
    price_series: Path | None = None
    series_symbol: str = "BTCTRY"
    #: Series rows consumed per simulator step (replay speed together with ``tick_seconds``).
    series_rows_per_step: int = 1
    series_start_row: int = 0
    #: UTC days of seeded candle history before the start (graph API, legacy OHLC); a price
    #: series' rows before ``series_start_row`` reach further back when they are longer.
    history_days: int = 730
    #: Initial fault settings (names in ``faults.py``); changeable at runtime via the admin API.
    faults: Mapping[str, Any] = field(default_factory=dict)
    #: Fees (CCXT's hard-coded BTCTurk maker/taker) and tax as a fraction of the fee.
    maker_fee: Decimal = Decimal("0.0005")
    taker_fee: Decimal = Decimal("0.0009")
    tax_rate: Decimal = Decimal("0.2")
    #: Multiplier of the documented rate limits; None or 0 disables rate limiting.
    rate_limit_scale: float | None = 1.0
    #: Send WS 452 when an order fills completely (unverified on the real exchange: off).
    publish_452_on_fill: bool = False
    #: Delay between the 200 ack of a cancel and the cancel itself (BTCTurk is asynchronous).
    cancel_delay_seconds: float = 0.02
    #: Minimum seconds between periodic WS publications (402/401 tickers, 431 on ``orderbook``)
    #: when the simulator ticks by itself; manual steps always publish.
    ws_publish_seconds: float = 1.0
    #: Server-side WebSocket protocol ping interval (no application heartbeat exists).
    ws_heartbeat_seconds: float | None = 20.0
    #: Alternative symbol table (same format as ``btcbot/exchange/data/symbols.json``).
    symbols_file: Path | None = None
    #: Injectable wall clock in ms (the ``clock_skew_ms`` fault is added on top).
    clock_ms: Callable[[], int] | None = None
    allow_non_loopback: bool = False

    def __post_init__(self) -> None:
        if self.history_days < 0:
            raise ValueError(f"history_days must be >= 0, got {self.history_days}")
