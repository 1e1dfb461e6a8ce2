"""Deterministic fill simulation against an order book, shared by the paper and replay exchanges.

Two ways an order trades:

* **take** — a marketable order walks the opposite side best level first and pays the TAKER
  fee. A limit order walks while the level price is within its limit; a market order walks
  while the level is within 5 % of the best price at submission (BTCTurk's market protection,
  API_CONTRACT §5.2). ``slippage_bps`` moves each execution price further against the taker
  (rounded to a legal price, never past a limit order's own price). A market BUY spends a
  QUOTE amount (fees come on top, as BTCTurk reserves them); everything else is base-sized.
* **rest** — a resting limit order fills at its own price, paying the MAKER fee, when a later
  book crosses it (an ask at or below a resting buy, a bid at or above a resting sell), for at
  most the amount of the crossing levels: a partial fill is normal.

A triggered stop order takes like the order it becomes: a stop-limit within its limit, a
stop-market within the 5 % protection (base-sized on both sides; a stop-market BUY never above
its stop price plus the protection, which is what its funds were locked for).

Fees are in the quote currency: ``fee = notional × rate`` and ``tax = fee × tax_rate``, each
rounded half-up to 8 decimals like the emulator's (and BTCTurk's) user trades.

Every function here is pure: the same order and book always give the same executions, and the
book that comes back has the taken liquidity removed, so several orders against one book never
trade the same amount twice. Trade and order ids come from :class:`IdSequence` (plain counters),
so a replay is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from btcbot.domain.market import BookLevel, OrderBook
from btcbot.domain.money import BPS, ONE, ZERO, quantize_down, quantize_up
from btcbot.domain.orders import OrderRequest, Side
from btcbot.domain.rules import SymbolRules
from btcbot.domain.slots import evolve, fast_init

FEE_QUANTUM = Decimal("1e-8")
MARKET_PROTECTION = Decimal("0.05")


@dataclass(frozen=True, slots=True)
class FeeSchedule:
    """Maker/taker rates (CCXT's BTCTurk defaults) and tax as a fraction of the fee."""

    maker: Decimal = Decimal("0.0005")
    taker: Decimal = Decimal("0.0009")
    tax_rate: Decimal = Decimal("0.2")

    def __post_init__(self) -> None:
        for name in ("maker", "taker", "tax_rate"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not ZERO <= value < ONE:
                raise ValueError(f"{name} must be a Decimal in [0, 1), got {value!r}")

    @property
    def reserve_rate(self) -> Decimal:
        """What a buy locks on top of its notional: the larger fee plus its tax."""
        return max(self.maker, self.taker) * (ONE + self.tax_rate)

    def charge(self, notional: Decimal, *, maker: bool) -> tuple[Decimal, Decimal]:
        """``(fee, tax)`` in quote currency for one execution of ``notional``."""
        rate = self.maker if maker else self.taker
        fee = (notional * rate).quantize(FEE_QUANTUM, rounding=ROUND_HALF_UP)
        tax = (fee * self.tax_rate).quantize(FEE_QUANTUM, rounding=ROUND_HALF_UP)
        return fee, tax


@fast_init
@dataclass(frozen=True, slots=True)
class Execution:
    """One simulated trade of one order, before ids and time are attached."""

    price: Decimal
    quantity: Decimal
    fee: Decimal
    tax: Decimal
    maker: bool

    @property
    def notional(self) -> Decimal:
        return self.price * self.quantity

    @property
    def cost(self) -> Decimal:
        """Fee plus tax."""
        return self.fee + self.tax


@dataclass(frozen=True, slots=True)
class Taken:
    """What one order did against one book.

    ``remaining`` is in the order's own unit: base for limit orders and market sells, quote for
    a market BUY. ``dust`` is true when a market BUY stopped because its remaining quote cannot
    buy one quantity step (the order is then complete, as on BTCTurk). ``book`` is the input
    book minus the liquidity these executions took.
    """

    executions: tuple[Execution, ...]
    remaining: Decimal
    book: OrderBook
    dust: bool = False

    @property
    def quantity(self) -> Decimal:
        return sum((e.quantity for e in self.executions), ZERO)


class IdSequence:
    """Monotonic integer ids (orders, trades): deterministic, so replays are exact."""

    def __init__(self, first: int) -> None:
        if first < 1:
            raise ValueError(f"ids start at 1 or above, got {first}")
        self._next = first

    def next(self) -> int:
        value = self._next
        self._next += 1
        return value

    def skip_past(self, used: int) -> None:
        """Never hand out ``used`` (or anything below it) again (after a restore)."""
        self._next = max(self._next, used + 1)


@dataclass(frozen=True, slots=True)
class FillModel:
    """Fees, extra taker slippage and market protection: the whole simulated venue policy."""

    fees: FeeSchedule = field(default_factory=FeeSchedule)
    slippage_bps: Decimal = ZERO
    market_protection: Decimal = MARKET_PROTECTION

    def __post_init__(self) -> None:
        if not isinstance(self.slippage_bps, Decimal) or self.slippage_bps < ZERO:
            raise ValueError(f"slippage_bps must be a Decimal >= 0, got {self.slippage_bps!r}")
        if not isinstance(self.market_protection, Decimal) or not (
            ZERO < self.market_protection < ONE
        ):
            raise ValueError("market_protection must be a Decimal in (0, 1)")

    @classmethod
    def of_bps(cls, maker_bps: Decimal, taker_bps: Decimal, slippage_bps: Decimal) -> FillModel:
        """The base model with these fees (bps of the notional; the tax on fees as in
        :class:`FeeSchedule`) and this extra taker slippage."""
        fees = FeeSchedule(maker=maker_bps / BPS, taker=taker_bps / BPS)
        return cls(fees=fees, slippage_bps=slippage_bps)

    def take(self, request: OrderRequest, book: OrderBook, rules: SymbolRules) -> Taken:
        """Walk ``book`` with a marketable ``request`` (taker)."""
        levels = _opposite(book, request.side)
        remaining = _initial_remaining(request)
        bound = self._bound(request, levels)
        if bound is None:
            return Taken((), remaining, book)
        walk = _Walk(request, remaining, list(levels))
        for index, level in enumerate(levels):
            if not _within(request.side, level.price, bound) or walk.remaining <= ZERO:
                break
            if not self._take_level(walk, index, level, rules):
                break
        return Taken(tuple(walk.executions), walk.remaining, walk.book(book), walk.dust)

    def rest(
        self, side: Side, price: Decimal, remaining: Decimal, book: OrderBook, rules: SymbolRules
    ) -> Taken:
        """Fill a resting limit order at its own ``price`` against levels that cross it."""
        levels = _opposite(book, side)
        crossing: list[BookLevel] = []
        for level in levels:
            if not _within(side, level.price, price):
                break
            crossing.append(level)
        available = sum((level.amount for level in crossing), ZERO)
        quantity = rules.quantize_quantity(min(remaining, available))
        if quantity <= ZERO:
            return Taken((), remaining, book)
        fee, tax = self.fees.charge(price * quantity, maker=True)
        execution = Execution(price, quantity, fee, tax, maker=True)
        left = _deplete(levels, quantity)
        return Taken((execution,), remaining - quantity, _with_side(book, side, left))

    def _bound(self, request: OrderRequest, levels: tuple[BookLevel, ...]) -> Decimal | None:
        if request.method.has_limit_price:
            return request.price
        if not levels:
            return None
        best = levels[0].price
        if request.side is Side.BUY:
            if request.stop_price is not None:
                best = min(best, request.stop_price)
            return best * (ONE + self.market_protection)
        return best * (ONE - self.market_protection)

    def _take_level(self, walk: _Walk, index: int, level: BookLevel, rules: SymbolRules) -> bool:
        """Trade at one level; False when the walk must stop (market BUY dust)."""
        request = walk.request
        price = self._slipped(request, level.price, rules)
        wanted = walk.remaining / price if request.is_market_buy else walk.remaining
        if request.is_market_buy and rules.quantize_quantity(wanted) <= ZERO:
            walk.dust = True
            return False
        quantity = rules.quantize_quantity(min(level.amount, wanted))
        if quantity <= ZERO:
            return True  # a dust level (amount below one step): skip it
        fee, tax = self.fees.charge(price * quantity, maker=False)
        walk.executions.append(Execution(price, quantity, fee, tax, maker=False))
        walk.remaining -= price * quantity if request.is_market_buy else quantity
        walk.levels[index] = BookLevel(level.price, level.amount - quantity)
        if request.is_market_buy and wanted <= level.amount:
            # this level outlasted the order: what is left cannot buy one more step here
            walk.dust = walk.remaining > ZERO
            return False
        return True

    def _slipped(self, request: OrderRequest, price: Decimal, rules: SymbolRules) -> Decimal:
        if self.slippage_bps == ZERO:
            return price
        shift = self.slippage_bps / BPS
        if request.side is Side.BUY:
            moved = quantize_up(price * (ONE + shift), rules.price_scale)
            return min(moved, request.price) if request.price is not None else moved
        moved = quantize_down(price * (ONE - shift), rules.price_scale)
        return max(moved, request.price) if request.price is not None else moved


@dataclass(slots=True)
class _Walk:
    """Mutable state of one book walk (local to :meth:`FillModel.take`)."""

    request: OrderRequest
    remaining: Decimal
    levels: list[BookLevel]
    executions: list[Execution] = field(default_factory=list)
    dust: bool = False

    def book(self, original: OrderBook) -> OrderBook:
        left = tuple(level for level in self.levels if level.amount > ZERO)
        return _with_side(original, self.request.side, left)


def _initial_remaining(request: OrderRequest) -> Decimal:
    if request.is_market_buy:
        return request.quote_amount or ZERO
    return request.quantity


def _opposite(book: OrderBook, side: Side) -> tuple[BookLevel, ...]:
    return book.asks if side is Side.BUY else book.bids


def _with_side(book: OrderBook, taker_side: Side, levels: tuple[BookLevel, ...]) -> OrderBook:
    """``book`` with the side a ``taker_side`` order trades against replaced by ``levels``."""
    if taker_side is Side.BUY:
        return evolve(book, asks=levels)
    return evolve(book, bids=levels)


def _within(side: Side, level_price: Decimal, bound: Decimal) -> bool:
    return level_price <= bound if side is Side.BUY else level_price >= bound


def _deplete(levels: tuple[BookLevel, ...], quantity: Decimal) -> tuple[BookLevel, ...]:
    """Remove ``quantity`` from ``levels`` best first."""
    left: list[BookLevel] = []
    for level in levels:
        taken = min(level.amount, quantity)
        quantity -= taken
        if level.amount > taken:
            left.append(BookLevel(level.price, level.amount - taken))
    return tuple(left)
