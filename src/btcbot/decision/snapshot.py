"""The immutable input of one decision: everything the kernel may look at, nothing else.

No clock, environment or I/O hides in here: ``now_ms`` is the cycle's time, read once by the
runtime. Mappings are wrapped read-only and sequences are tuples, so a plan cannot depend on
anything the caller changes afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from btcbot.decision.frames import Frame
from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.domain import (
    Balance,
    Candle,
    OrderBook,
    OrderStatus,
    Position,
    Side,
    Symbol,
    SymbolRules,
    Ticker,
)
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init

_CANCELLABLE = frozenset({OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED})
# Funds of these are already locked by the exchange, so ``Balance.free`` excludes them.
_LOCKED_ON_EXCHANGE = frozenset(
    {OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED, OrderStatus.PENDING_CANCEL}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenOrder:
    """One of our own live orders as the order manager knows it."""

    client_order_id: str
    exchange_order_id: int | None
    symbol: Symbol
    side: Side
    price: Decimal
    quantity: Decimal
    filled_quantity: Decimal
    status: OrderStatus
    created_ms: int
    stop_price: Decimal | None = None
    """Set for a stop order (``price`` then shows its limit, or the stop for a stop-market)."""

    @property
    def is_stop(self) -> bool:
        return self.stop_price is not None

    @property
    def remaining(self) -> Decimal:
        return max(self.quantity - self.filled_quantity, ZERO)

    @property
    def cancellable(self) -> bool:
        """Resting with a known exchange id (BTCTurk cancels by id only)."""
        return self.status in _CANCELLABLE and self.exchange_order_id is not None

    @property
    def funds_locked_on_exchange(self) -> bool:
        """False while submitting / in flight: its funds may still show as free."""
        return self.status in _LOCKED_ON_EXCHANGE


def _frozen(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
    if isinstance(mapping, MappingProxyType):
        return mapping
    return MappingProxyType(dict(mapping))


_MAPPINGS = (
    "books",
    "conversion_books",
    "tickers",
    "candles",
    "rules",
    "balances",
    "positions",
    "last_submit_ms",
    "data_age_ms",
    "frames",
)


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """Everything one decision may see. Missing data means "unknown", never "zero"."""

    cycle_id: str
    now_ms: int
    books: Mapping[Symbol, OrderBook] = field(default_factory=dict)
    """Books of the traded symbols (profiles 3 and 4 trade exactly these)."""
    conversion_books: Mapping[Symbol, OrderBook] = field(default_factory=dict)
    """Books fetched only to convert a quote currency into ``quote_currency`` (``USDT_TRY``
    for a ``BTC_USDT`` pair); never traded because of being here. Ages in ``data_age_ms``."""
    tickers: Mapping[Symbol, Ticker] = field(default_factory=dict)
    candles: Mapping[Symbol, tuple[Candle, ...]] = field(default_factory=dict)
    """Recent closed candles of the symbols whose strategy or universe needs them."""
    frames: Mapping[Symbol, Frame] = field(default_factory=dict)
    """A replay's candle and indicator columns computed up front, with the rows this cycle may
    see; a symbol without one gets its frame from ``candles`` (live)."""
    rules: Mapping[Symbol, SymbolRules] = field(default_factory=dict)
    balances: Mapping[str, Balance] = field(default_factory=dict)
    positions: Mapping[Symbol, Position] = field(default_factory=dict)
    open_orders: tuple[OpenOrder, ...] = ()
    last_submit_ms: Mapping[tuple[Symbol, Side], int] = field(default_factory=dict)
    data_age_ms: Mapping[Symbol, int] = field(default_factory=dict)
    risk_state: RiskState = field(default_factory=RiskState)
    unknown_order_count: int = 0
    """Orders on the account we cannot account for (the operator's sticky freeze)."""
    unresolved_orders: int = 0
    """Orders of ours whose fate the OMS is still resolving (a submit or cancel answer lost)."""
    exchange_error_streak: int = 0
    kill_switch: bool = False
    safe_mode: bool = False
    stop_entries: bool = False
    """An operator stopped new entries: every buy is dropped; sells, stops, cancels go on."""
    quote_currency: str = "TRY"
    """The currency every cap, budget, reserve and equity figure is named in."""
    # Readings the runtime measured for the anomaly detectors (None = not measured):
    previous_cycle_ms: int | None = None
    """How long the previous cycle took, end to end (EXCHANGE_LATENCY_SPIKE)."""
    clock_offset_ms: int | None = None
    """Exchange clock minus ours, as last measured (CLOCK_SKEW)."""
    fills_cursor: Mapping[Symbol, int] | None = None
    """Live runs: the newest booked trade id per symbol (CURSOR_STALL); None in dry runs."""
    pnl_divergence: Decimal | None = None
    """Exchange PnL (balances at marks minus the ledger baseline at marks) minus ledger PnL
    (realized + unrealized), in the quote currency (PNL_DIVERGENCE)."""
    mode_override: Mode | None = None
    """An operator's ``btcbot degrade override`` in force: the worse mode applies."""

    def __post_init__(self) -> None:
        for name in _MAPPINGS:
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        if self.fills_cursor is not None:
            object.__setattr__(self, "fills_cursor", _frozen(self.fills_cursor))
        if not isinstance(self.open_orders, tuple):
            object.__setattr__(self, "open_orders", tuple(self.open_orders))
        if not self.cycle_id:
            raise ValueError("cycle_id must not be empty")

    def free(self, asset: str) -> Decimal:
        balance = self.balances.get(asset)
        return balance.free if balance is not None else ZERO
