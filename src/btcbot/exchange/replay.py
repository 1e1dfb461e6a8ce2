"""``ReplayExchange``: the exchange port over a historical dataset, on a simulated clock.

Time only moves when the caller says so (:meth:`ReplayExchange.step`,
:meth:`ReplayExchange.advance_to`); nothing reads a wall clock, and every random choice is
seeded by ``seed``, the symbol and the candle, so one dataset and one seed always give the same
books, the same fills and the same balances.

The clock's steps are every candle close of every series, and through a gap in the data (an
exchange maintenance: missing candles) every candle interval as well: time goes on while no
new data comes, exactly as for a live agent.

What the port shows at time ``now``:

* the *current* candle of a symbol is the last one that has CLOSED at or before ``now`` (the
  clock starts at the first close): the replay never looks ahead;
* ``order_book`` is synthesised around that candle and stamped with the candle's close, the
  moment its data was observed: at a close the book is fresh, through a gap it grows old (its
  age reaches the risk layer, which blocks new risk on stale data); best bid/ask come from the
  dataset's ``bid``/``ask`` columns when present, else ``close`` ± half of ``spread_bps``; then
  :attr:`DepthModel.levels` levels per side, ``level_step_bps`` apart, whose sizes are a share
  of the candle's volume split with seeded weights — unless ``recorded`` books
  (:class:`~btcbot.exchange.recorded_depth.RecordedDepth`) hold one for ``now``: the last book
  received at or before ``now`` (never a later one, and only a recent one: it is taken as
  seen now), so marketable orders walk real recorded depth and fill partially where it runs
  out;
* ``tickers`` come from the candles of the last 24 h (high, low, base volume, VWAP average);
* ``exchange_rules`` are the given rules with the limit-price band moved to ``close ÷ 10 …
  close × 10``, as BTCTurk moves it with the price (API_CONTRACT §5.2), so a multi-year series
  never trips a band frozen when the rules were captured. Symbols with no closed candle yet
  are not listed.

Orders use the shared :class:`~btcbot.exchange.venue.SimulatedVenue`: a marketable order walks
the synthetic book at once (taker fee, slippage, 5 % protection); a resting limit order fills at
its price (maker fee) when a LATER candle (one that opened at or after the order was placed)
trades through it — its low at or below a buy, its high at or above a sell — for at most
:attr:`DepthModel.participation` of that candle's volume. Cancels are acknowledged at once and
take effect ``cancel_latency_ms`` later, before the candles that open after that moment.

A stop order waits until a LATER candle reaches its stop (its low at or below a sell stop, its
high at or above a buy stop), then trades at the stop price — or at the candle's open when the
candle opened beyond it (a gap) — for at most the same participation of the candle's volume; a
stop-limit that cannot fill there rests at its limit for the candles after.
"""

from __future__ import annotations

import _random
import functools
import random
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_UP, Context, Decimal
from functools import reduce
from hashlib import sha512

from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, BookLevel, Candle, OrderBook, Ticker
from btcbot.domain.money import BPS, ONE, ZERO, quantize_down, quantize_up, step_for_scale
from btcbot.domain.orders import OrderRequest, Side
from btcbot.domain.rules import SymbolRules
from btcbot.domain.slots import evolve
from btcbot.domain.symbols import Symbol
from btcbot.exchange.datasets import Bar, ReplayDataset, closed_by
from btcbot.exchange.fill_model import FillModel
from btcbot.exchange.recorded_depth import RecordedDepth
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck
from btcbot.exchange.venue import SimulatedVenue

DAY_MS = 86_400_000
TEN = Decimal(10)
_HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class DepthModel:
    """How much liquidity the replay pretends each candle had."""

    #: Levels per side of the synthetic book.
    levels: int = 5
    #: Distance between consecutive levels, in bps of the best price.
    level_step_bps: Decimal = Decimal(5)
    #: Share of the candle's base volume shown on EACH side of the book, over all levels.
    depth_fraction: Decimal = Decimal("0.5")
    #: Share of a crossing candle's volume one resting order (all of them together) may fill.
    participation: Decimal = Decimal("0.1")
    #: Floor of a level's size (base units), so zero-volume candles still quote; 0 = none.
    min_level_amount: Decimal = ZERO

    def __post_init__(self) -> None:
        if self.levels < 1:
            raise ValueError("levels must be >= 1")
        fractions = (self.depth_fraction, self.participation)
        if self.level_step_bps < ZERO or any(not ZERO <= f <= ONE for f in fractions):
            raise ValueError("level_step_bps must be >= 0 and fractions within [0, 1]")
        if self.min_level_amount < ZERO:
            raise ValueError("min_level_amount must be >= 0")


def synthesize_book(
    bar: Bar,
    rules: SymbolRules,
    *,
    spread_bps: Decimal,
    depth: DepthModel,
    seed: int,
    at_ms: int,
    rng: random.Random | None = None,
    limit: int | None = None,
    weights: Sequence[Decimal] | None = None,
) -> OrderBook:
    """The deterministic synthetic book of ``bar`` (see the module docstring); ``rng`` is a
    generator to reseed for it (one is made when None). ``limit``: only the first ``limit``
    levels of each side (exactly those of the whole book: the levels after them are not
    built); None: every level. ``weights``: the candle's :func:`book_weights`, when drawn
    already."""
    candle, levels = bar.candle, depth.levels
    if weights is None:
        weights = book_weights(bar, depth, seed, rng or random.Random())
    most = levels if limit is None else min(limit, levels)
    if most == 1:
        touch = touch_book(
            bar, rules, spread_bps=spread_bps, depth=depth, at_ms=at_ms, weights=weights
        )
        if touch is not None:
            return touch
    tick = step_for_scale(rules.price_scale)
    best_bid, best_ask = _touch(bar, tick, spread_bps)
    per_level = candle.volume * depth.depth_fraction / levels
    size_step, floor = step_for_scale(rules.numerator_scale), depth.min_level_amount
    bid_factors, ask_factors = _level_factors(levels, depth.level_step_bps)
    bids = _side(weights[:levels], best_bid, bid_factors, -tick, per_level, size_step, floor, most)
    asks = _side(weights[levels:], best_ask, ask_factors, tick, per_level, size_step, floor, most)
    return OrderBook(candle.symbol, bids, asks, at_ms)


def touch_book(
    bar: Bar,
    rules: SymbolRules,
    *,
    spread_bps: Decimal,
    depth: DepthModel,
    at_ms: int,
    weights: Sequence[Decimal],
) -> OrderBook | None:
    """The first level a side of :func:`synthesize_book`'s book when both touch levels hold
    something (their prices are the best ones); None when one is empty, so that a level
    further out leads: build the book then. ``weights``: the candle's first ``levels + 1``
    draws at least (the touch's are the first bid's and the first ask's)."""
    best_bid, best_ask = _touch(bar, step_for_scale(rules.price_scale), spread_bps)
    levels, candle = depth.levels, bar.candle
    per_level = candle.volume * depth.depth_fraction / levels
    size_step, floor = step_for_scale(rules.numerator_scale), depth.min_level_amount
    bid = _level_amount(per_level, weights[0], size_step, floor)
    ask = _level_amount(per_level, weights[levels], size_step, floor)
    if best_bid > ZERO and bid > ZERO and ask > ZERO:
        return OrderBook(
            candle.symbol, (BookLevel(best_bid, bid),), (BookLevel(best_ask, ask),), at_ms
        )
    return None


def book_weights(
    bar: Bar, depth: DepthModel, seed: int, rng: random.Random, count: int | None = None
) -> list[Decimal]:
    """The level weights of ``bar``'s synthetic book (bids' then asks'), drawn by ``rng``
    reseeded for the seed, symbol and candle; ``count``: only the first ones (the same
    draws: a prefix of the whole)."""
    whole = 2 * depth.levels
    key = f"{seed}:{bar.candle.symbol}:{bar.open_ms}"
    return _weights(key, whole if count is None else min(count, whole), rng)


def crossing_book(bar: Bar, rules: SymbolRules, depth: DepthModel) -> OrderBook:
    """What a candle offers resting orders: its low as an ask, its high as a bid."""
    amount = rules.quantize_quantity(bar.candle.volume * depth.participation)
    if amount <= ZERO:
        return OrderBook(bar.candle.symbol, (), (), bar.close_ms)
    high, low = bar.candle.high, bar.candle.low
    return OrderBook(
        bar.candle.symbol, (BookLevel(high, amount),), (BookLevel(low, amount),), bar.close_ms
    )


def stop_book(bar: Bar, stop: ExchangeOrder, rules: SymbolRules, depth: DepthModel) -> OrderBook:
    """What a stop triggered by ``bar`` trades against: one level at its stop price, or at the
    open when the candle gapped beyond it, sized like :func:`crossing_book`."""
    amount = max(
        rules.quantize_quantity(bar.candle.volume * depth.participation), depth.min_level_amount
    )
    trigger = stop.stop_price if stop.stop_price is not None else bar.candle.open
    empty = OrderBook(bar.candle.symbol, (), (), bar.close_ms)
    if amount <= ZERO:
        return empty
    if stop.side is Side.SELL:
        price = quantize_down(min(trigger, bar.candle.open), rules.price_scale)
        return evolve(empty, bids=(BookLevel(price, amount),))
    price = quantize_up(max(trigger, bar.candle.open), rules.price_scale)
    return evolve(empty, asks=(BookLevel(price, amount),))


def _touch(bar: Bar, tick: Decimal, spread_bps: Decimal) -> tuple[Decimal, Decimal]:
    """The best bid and ask of ``bar``'s book, on the price grid ``tick``."""
    if bar.bid is not None and bar.ask is not None:
        bid, ask = bar.bid.quantize(tick, ROUND_DOWN), bar.ask.quantize(tick, ROUND_UP)
    else:
        close = bar.candle.close
        half = close * spread_bps / BPS / 2
        bid = (close - half).quantize(tick, ROUND_DOWN)
        ask = (close + half).quantize(tick, ROUND_UP)
    if ask <= bid:
        ask = bid + tick
    return bid, ask


def _least_level(bar: Bar, depth: DepthModel) -> Decimal:
    """The least a level of ``bar``'s book draws before rounding: half the even split."""
    return bar.candle.volume * depth.depth_fraction / depth.levels * _HALF


def _side(
    weights: Sequence[Decimal],
    best: Decimal,
    factors: Sequence[Decimal],
    away: Decimal,
    per_level: Decimal,
    size_step: Decimal,
    floor: Decimal,
    most: int,
) -> tuple[BookLevel, ...]:
    """The first ``most`` levels moving away from ``best`` by ``factors``, on the price grid
    of the tick ``away`` (negative for bids: prices fall, rounded down; positive for asks:
    rounded up)."""
    if most == 1:  # the touch alone: its price is ``best`` (on the grid, factor one)
        amount = _level_amount(per_level, weights[0], size_step, floor)
        if best > ZERO and amount > ZERO:
            return (BookLevel(best, amount),)
    tick, rounding = (-away, ROUND_DOWN) if away < ZERO else (away, ROUND_UP)
    levels: list[BookLevel] = []
    previous: Decimal | None = None
    for factor, weight in zip(factors, weights, strict=True):
        price = (best * factor).quantize(tick, rounding)
        if previous is not None and (price - previous) * away <= ZERO:  # not away from it
            price = previous + away
        amount = _level_amount(per_level, weight, size_step, floor)
        if price > ZERO and amount > ZERO:
            levels.append(BookLevel(price, amount))
            if len(levels) == most:
                break
            previous = price
    return tuple(levels)


def _level_amount(
    per_level: Decimal, weight: Decimal, size_step: Decimal, floor: Decimal
) -> Decimal:
    """A level's size: its weighted share of the even split, rounded down to the size step,
    at least ``floor``."""
    amount = (per_level * weight).quantize(size_step, ROUND_DOWN)
    return floor if amount < floor else amount


# Random.seed of a str (version 2, the default) hashes it and seeds the Mersenne Twister with
# the int: the generator's own seeding, without the pure-Python checks around it.
_seed_generator = _random.Random.seed

# A level's size is a seeded share of 0.500 .. 1.500 of the even split.
_WEIGHTS = tuple(Decimal(n) / 1000 for n in range(500, 1501))
_DRAWN_BITS = (len(_WEIGHTS) - 1).bit_length()


def _weights(key: str, count: int, rng: random.Random) -> list[Decimal]:
    """``count`` level weights drawn by ``rng`` seeded with ``key`` (seed, symbol and candle):
    the same key always gives the same book.

    Each draw is ``rng.randint(500, 1500) - 500`` (the books of every earlier run depend on
    it), spelt as CPython's ``randint`` draws it — ``getrandbits`` of the range's bit length
    until the value falls in the range — without its per-call overhead."""
    data = key.encode()  # Random.seed(key) does exactly this, then seeds the generator
    _seed_generator(rng, int.from_bytes(data + sha512(data).digest()))
    draw = rng.getrandbits
    weights = []
    for _ in range(count):
        index = draw(_DRAWN_BITS)
        while index >= len(_WEIGHTS):
            index = draw(_DRAWN_BITS)
        weights.append(_WEIGHTS[index])
    return weights


@functools.cache
def _level_factors(
    levels: int, step_bps: Decimal
) -> tuple[tuple[Decimal, ...], tuple[Decimal, ...]]:
    """The price multiplier of each level (``1 ± index × step``): bids', then asks'."""
    bids = tuple(ONE - index * step_bps / BPS for index in range(levels))
    asks = tuple(ONE + index * step_bps / BPS for index in range(levels))
    return bids, asks


class ReplayExchange:
    """A full exchange port over ``dataset`` (see the module docstring)."""

    def __init__(
        self,
        dataset: ReplayDataset,
        rules: Mapping[Symbol, SymbolRules],
        starting_balances: Mapping[str, Decimal],
        *,
        spread_bps: Decimal = Decimal(10),
        depth: DepthModel | None = None,
        seed: int = 0,
        fill_model: FillModel | None = None,
        cancel_latency_ms: int = 0,
        start_ms: int | None = None,
        first_order_id: int = 1,
        first_trade_id: int = 1,
        recorded: RecordedDepth | None = None,
    ) -> None:
        missing = [str(s) for s in dataset.symbols if s not in rules]
        if missing:
            raise ValueError(f"no exchange rules for replayed symbols {missing}")
        if spread_bps < ZERO or cancel_latency_ms < 0:
            raise ValueError("spread_bps and cancel_latency_ms must be >= 0")
        self._series = dict(dataset.series)
        self._symbols = tuple(sorted(self._series))  # the order tickers and rules list them
        self._rules = {s: rules[s] for s in self._series}
        self._spread_bps = spread_bps
        self._depth = depth or DepthModel()
        self._seed = seed
        self._cancel_latency_ms = cancel_latency_ms
        self._closes = {s: [bar.close_ms for bar in one.bars] for s, one in self._series.items()}
        self._candles = {s: [bar.candle for bar in one.bars] for s, one in self._series.items()}
        self._timeline = timeline(dataset)
        self._now = self._timeline[0] if start_ms is None else start_ms
        self._current: dict[Symbol, int] = {}  # index of the current bar (-1: none yet)
        self._locate()
        # per symbol: the candle (open time) a synthetic book was built for, its depth, the
        # book, and its level weights (None: only the touch's were drawn)
        self._books: dict[Symbol, tuple[int, int, OrderBook, list[Decimal] | None]] = {}
        self._rules_at: dict[Symbol, tuple[int, SymbolRules]] = {}
        self._recorded = recorded
        self._rng = random.Random()  # reseeded for every synthetic book
        self._markers: dict[tuple[Symbol, bool], Callable[[int], Decimal | None]] = {}
        self._windows = {symbol: _DayWindow(one.bars) for symbol, one in self._series.items()}
        self._stepped = 0  # the timeline's points at or before the clock, at the last step
        self._day_first: dict[Symbol, int] = {}  # each 24 h window's first bar, at the last look
        self._venue = SimulatedVenue(
            starting_balances,
            fill_model or FillModel(),
            first_order_id=first_order_id,
            first_trade_id=first_trade_id,
            where="replay",
        )

    # ----------------------------------------------------------------------------- clock
    def now_ms(self) -> int:
        return self._now

    @property
    def done(self) -> bool:
        """True once the last candle of every series has closed."""
        return self._now >= self._timeline[-1]

    def step(self) -> bool:
        """Advance to the next point of the timeline (a candle close of any symbol, or one
        interval on through a gap); False when the data is exhausted."""
        index = self._stepped = closed_by(self._timeline, self._now, self._stepped)
        if index >= len(self._timeline):
            return False
        self.advance_to(self._timeline[index])
        return True

    def advance_to(self, ts_ms: int) -> tuple[Fill, ...]:
        """Move the clock to ``ts_ms``, trading resting orders against every candle that
        closes on the way; returns the fills this produced."""
        if ts_ms < self._now:
            raise ValueError(f"the replay clock never goes back ({ts_ms} < {self._now})")
        if not self._venue.resting_symbols():  # nothing rests: no candle can trade or cancel
            self._now = ts_ms
            self._locate()
            return ()
        fills: list[Fill] = []
        for bar in self._closing(ts_ms):
            self._venue.apply_cancels(bar.open_ms)
            if not self._venue.has_resting(bar.candle.symbol):
                continue  # nothing there for the candle to trade
            fills.extend(self._trigger_stops(bar))
            book = crossing_book(bar, self._rules[bar.candle.symbol], self._depth)
            fills.extend(
                self._venue.match(
                    book, bar.close_ms, placed_by_ms=bar.open_ms, carry_depletion=False
                )
            )
        self._venue.apply_cancels(ts_ms)
        self._now = ts_ms
        self._locate()
        return tuple(fills)

    def _trigger_stops(self, bar: Bar) -> list[Fill]:
        symbol, candle = bar.candle.symbol, bar.candle
        fills: list[Fill] = []
        crossed = self._venue.crossed_stops(
            symbol, candle.low, candle.high, placed_by_ms=bar.open_ms
        )
        for report in crossed:
            book = stop_book(bar, report, self._rules[symbol], self._depth)
            more, _ = self._venue.trigger(report.order_id, book, bar.close_ms)
            fills.extend(more)
        return fills

    def cycle_points(self, step: int, until_ms: int | None) -> list[int]:
        """The times of the cycles a caller would run that runs one now and then calls
        :meth:`step` ``step`` times between cycles, all before ``until_ms`` (None: to the end
        of the data)."""
        timeline = self._timeline
        end = len(timeline) if until_ms is None else bisect_left(timeline, until_ms)
        later = timeline[bisect_right(timeline, self._now) + step - 1 : end : step]
        return [self._now, *later] if until_ms is None or self._now < until_ms else []

    def marks_at(self, ts_ms: int, books: Sequence[Symbol]) -> dict[Symbol, Decimal]:
        """The valuation marks a cycle at ``ts_ms`` sees, without moving the clock: every
        series' last close (its ticker's last price) and, for ``books``, the mid of the book
        :meth:`order_book` would serve (the synthetic book's touch)."""
        marks: dict[Symbol, Decimal] = {}
        for symbol, closes in self._closes.items():
            mark = self._marker(symbol, symbol in books)(bisect_right(closes, ts_ms) - 1)
            if mark is not None:
                marks[symbol] = mark
        return marks

    def mark_series(
        self, symbol: Symbol, starts: Sequence[int], book: bool
    ) -> list[Decimal | None]:
        """``symbol``'s mark at each of ``starts`` (ascending) as :meth:`marks_at` gives it."""
        closes = self._closes[symbol]
        indexes: list[int] = []
        index = bisect_right(closes, starts[0]) - 1 if starts else -1
        last = len(closes) - 1
        for at in starts:
            while index < last and closes[index + 1] <= at:
                index += 1
            indexes.append(index)
        return list(map(self._marker(symbol, book), indexes))

    def _marker(self, symbol: Symbol, book: bool) -> Callable[[int], Decimal | None]:
        """:meth:`_make_marker`, made once per symbol and kind (what it reads never changes)."""
        marker = self._markers.get((symbol, book))
        if marker is None:
            marker = self._markers[symbol, book] = self._make_marker(symbol, book)
        return marker

    def _make_marker(self, symbol: Symbol, book: bool) -> Callable[[int], Decimal | None]:
        """The mark of ``symbol``'s bar at an index (-1: none yet): the mid of its book when
        ``book`` and the book has one, else its close when positive, else None.

        The mid is the synthetic book's touch when the first level of each side is sure to
        hold something (every weight is at least half the even split), else the book itself
        is built (a thin candle whose best level may be dropped)."""
        bars, candles = self._series[symbol].bars, self._candles[symbol]

        def close(index: int) -> Decimal | None:
            if index < 0:
                return None
            price = candles[index].close
            return price if price > ZERO else None

        if not book:
            return close
        if self._recorded is not None:
            raise RuntimeError("marks_at is for synthetic books (recorded depth: step the clock)")
        rules, depth, spread = self._rules[symbol], self._depth, self._spread_bps
        tick, size_step = step_for_scale(rules.price_scale), step_for_scale(rules.numerator_scale)
        floored = depth.min_level_amount > ZERO
        # A candle of at least this volume surely fills its first levels: the least a level
        # draws is then two size steps or more, far more than rounding to 28 digits moves it.
        sure = size_step * depth.levels * 4 / depth.depth_fraction if depth.depth_fraction else None

        def mid(index: int) -> Decimal | None:
            if index < 0:
                return None
            bar = bars[index]
            if not bar.candle.volume and not floored:  # every level draws nothing: no book
                return close(index)
            bid, ask = _touch(bar, tick, spread)
            if bid > ZERO and (
                floored
                or (sure is not None and bar.candle.volume >= sure)
                or _least_level(bar, depth).quantize(size_step, ROUND_DOWN) > ZERO
            ):
                return (bid + ask) / 2
            built = synthesize_book(
                bar,
                rules,
                spread_bps=spread,
                depth=depth,
                seed=self._seed,
                at_ms=bar.close_ms,
                rng=self._rng,
                limit=1,
            ).mid
            return close(index) if built is None else built

        return mid

    def current_bar(self, symbol: Symbol) -> Bar | None:
        """The last candle of ``symbol`` closed at or before now."""
        index = self._current.get(symbol, -1)
        return self._series[symbol].bars[index] if index >= 0 else None

    def _locate(self) -> None:
        """Each series' current bar at the clock: found on from the last look (-1: none)."""
        now, current = self._now, self._current
        for symbol, closes in self._closes.items():
            current[symbol] = closed_by(closes, now, current.get(symbol, -1) + 1) - 1

    def _closing(self, ts_ms: int) -> list[Bar]:
        bars: list[Bar] = []
        current = self._current  # the last bar closed by now: the next one closes after it
        for symbol, closes in self._closes.items():
            first, last = current[symbol] + 1, bisect_right(closes, ts_ms)
            if first < last:
                bars.extend(self._series[symbol].bars[first:last])
        return sorted(bars, key=lambda bar: (bar.close_ms, bar.candle.symbol))

    # ----------------------------------------------------------------------------- market data
    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]:
        current = ((s, self._rules_now(s)) for s in self._symbols)
        return {symbol: rules for symbol, rules in current if rules is not None}

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        book = self._book(symbol, limit)
        if len(book.bids) <= limit and len(book.asks) <= limit:
            return book
        return evolve(book, bids=book.bids[:limit], asks=book.asks[:limit])

    async def tickers(self) -> Mapping[Symbol, Ticker]:
        found = {}
        for symbol in self._symbols:
            ticker = self._ticker(symbol)
            if ticker is not None:
                found[symbol] = ticker
        return found

    def _rules_now(self, symbol: Symbol) -> SymbolRules | None:
        bar = self.current_bar(symbol)
        rules = self._rules.get(symbol)
        if bar is None or rules is None:
            return None
        cached = self._rules_at.get(symbol)
        if cached is not None and cached[0] == bar.open_ms:
            return cached[1]
        close, scale = bar.candle.close, rules.price_scale
        low, high = quantize_up(close / TEN, scale), quantize_down(close * TEN, scale)
        banded = evolve(rules, min_limit_price=low, max_limit_price=high)
        self._rules_at[symbol] = (bar.open_ms, banded)
        return banded

    def _book(self, symbol: Symbol, limit: int | None = None) -> OrderBook:
        """The current candle's book, stamped with its close (when its data was seen); a
        synthetic one holds at least its first ``limit`` levels a side (None: all of them).

        A synthetic book is built once per candle, only as deep as it has been asked for: a
        cycle reads the touch (its ticker and snapshot ask for one level), and the whole book
        is built only when an order trades against it."""
        bar = self.current_bar(symbol)
        if bar is None:
            return OrderBook(symbol, (), (), self._now)
        if self._recorded is not None:
            recorded = self._recorded.book_at(symbol, self._now)
            if recorded is not None:
                return evolve(recorded, timestamp_ms=self._now)
        depth = self._depth
        deep = depth.levels if limit is None else min(limit, depth.levels)
        cached = self._books.get(symbol)
        weights: list[Decimal] | None = None
        if cached is not None and cached[0] == bar.open_ms:
            if cached[1] >= deep:
                return cached[2]
            weights = cached[3]  # deeper than it was built: the same draws (when all drawn)
        elif deep == 1:  # a cycle's read: the touch, from the draws up to the first ask's
            drawn = book_weights(bar, depth, self._seed, self._rng, count=depth.levels + 1)
            rules = self._rules[symbol]
            spread, at_ms = self._spread_bps, bar.close_ms
            touch = touch_book(
                bar, rules, spread_bps=spread, depth=depth, at_ms=at_ms, weights=drawn
            )
            if touch is not None:
                self._books[symbol] = (bar.open_ms, 1, touch, None)
                return touch
        if weights is None:
            weights = book_weights(bar, depth, self._seed, self._rng)
        book = synthesize_book(
            bar,
            self._rules[symbol],
            spread_bps=self._spread_bps,
            depth=self._depth,
            seed=self._seed,
            at_ms=bar.close_ms,
            limit=deep,
            weights=weights,
        )
        self._books[symbol] = (bar.open_ms, deep, book, weights)
        return book

    def _ticker(self, symbol: Symbol) -> Ticker | None:
        bar = self.current_bar(symbol)
        if bar is None:
            return None
        hint = self._day_first.get(symbol, 0)
        first = self._day_first[symbol] = closed_by(self._closes[symbol], self._now - DAY_MS, hint)
        volume, traded, extremes = self._windows[symbol].figures(first, self._current[symbol] + 1)
        book = self._book(symbol, 1)  # its touch
        close = bar.candle.close
        # no candle in the last 24 h (a gap that long): nothing traded, the last price stands
        high, low = extremes or (close, close)
        return Ticker(
            symbol=symbol,
            last=close,
            bid=book.best_bid or close,
            ask=book.best_ask or close,
            high=high,
            low=low,
            volume=volume,
            average=traded / volume if volume > ZERO else close,
            timestamp_ms=self._now,
        )

    async def recent_candles(self, symbol: Symbol, count: int) -> Sequence[Candle]:
        """The last ``count`` candles closed by now (no lookahead), at the dataset's interval."""
        candles = self._candles.get(symbol)
        if candles is None or count <= 0:
            return ()
        end = self._current[symbol] + 1  # the candles closed by now
        return tuple(candles[max(0, end - count) : end])

    # ----------------------------------------------------------------------------- account
    async def balances(self) -> Mapping[str, Balance]:
        return self._venue.balances()

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]:
        return self._venue.open_orders(symbol)

    async def recent_orders(self, symbol: Symbol, since_ms: int) -> Sequence[ExchangeOrder]:
        return self._venue.recent_orders(symbol, since_ms)

    async def order(self, exchange_order_id: int) -> ExchangeOrder | None:
        return self._venue.order(exchange_order_id)

    async def fills(self, symbol: Symbol, since_ms: int) -> Sequence[Fill]:
        return self._venue.fills(symbol, since_ms)

    async def account_fills(self, since_ms: int) -> Sequence[Fill]:
        return self._venue.fills_since(since_ms)

    # ----------------------------------------------------------------------------- trading
    async def submit(self, request: OrderRequest) -> SubmitAck:
        """Validate like BTCTurk, trade against the synthetic book now, rest the remainder."""
        rules = self._rules_now(request.symbol)
        book = evolve(self._book(request.symbol), timestamp_ms=self._now)
        return self._venue.submit(request, rules, book, self._now)

    async def cancel(self, exchange_order_id: int) -> CancelAck:
        return self._venue.request_cancel(exchange_order_id, self._now, self._cancel_latency_ms)

    def all_fills(self) -> tuple[Fill, ...]:
        """Every fill so far, in execution order (reports, parity fingerprints)."""
        return self._venue.all_fills()

    def account_version(self) -> int:
        """:class:`~btcbot.exchange.port.AccountActivity`: the replay sees every change."""
        return self._venue.version


def timeline(dataset: ReplayDataset) -> list[int]:
    """The replay clock's steps: every close of every series, and every (smallest) candle
    interval from the first close on, so the clock keeps its pace through gaps in the data."""
    stamps = {bar.close_ms for one in dataset.series.values() for bar in one.bars}
    interval = min(one.interval_ms for one in dataset.series.values())
    stamps.update(range(min(stamps), max(stamps) + 1, interval))
    return sorted(stamps)


class _DayWindow:
    """The 24 h ticker's figures over a window of bars that moves forward in time.

    The window's volume and close × volume are kept as it moves: the bars that enter are
    added, the bars that leave subtracted (exact: the sums carry every digit). The high and
    low come from monotonic queues (each bar enters and leaves once). A window that moved back,
    or jumped further than its own length (a replay that slept between triggers), is read
    directly instead, and the queues fill again from its start when it next moves by less."""

    _EXACT = Context(prec=60)

    def __init__(self, bars: Sequence[Bar]) -> None:
        self._bars = bars
        self._first = self._last = 0  # the window: bars first .. last - 1
        self._volume = self._traded = ZERO  # its sums
        # (bar index, its high) with highs falling, (bar index, its low) with lows rising
        self._highs: deque[tuple[int, Decimal]] = deque()
        self._lows: deque[tuple[int, Decimal]] = deque()
        self._queued = True  # the queues hold the window (False: left empty by a direct read)
        self._add, self._subtract = self._EXACT.add, self._EXACT.subtract
        self._multiply = self._EXACT.multiply

    def figures(
        self, first: int, last: int
    ) -> tuple[Decimal, Decimal, tuple[Decimal, Decimal] | None]:
        """Volume, close × volume, and highest high and lowest low (None: no bar) of bars
        ``first`` .. ``last - 1``."""
        if first < self._first or last < self._last or first - self._first > last - first:
            return self._read(first, last)
        add, subtract, multiply = self._add, self._subtract, self._multiply
        bars, volume, traded = self._bars, self._volume, self._traded
        highs, lows, enqueue = self._highs, self._lows, self._enqueue
        if not self._queued:  # left empty by a direct read: the window's bars so far first
            for index in range(first, self._last):
                enqueue(index, bars[index].candle)
            self._queued = True
        for index in range(self._last, last):  # the bars entering: summed and queued
            candle = bars[index].candle
            volume = add(volume, candle.volume)
            traded = add(traded, multiply(candle.close, candle.volume))
            enqueue(index, candle)
        for index in range(self._first, first):  # the bars leaving
            candle = bars[index].candle
            volume = subtract(volume, candle.volume)
            traded = subtract(traded, multiply(candle.close, candle.volume))
        while highs and highs[0][0] < first:
            highs.popleft()
        while lows and lows[0][0] < first:
            lows.popleft()
        self._first, self._last, self._volume, self._traded = first, last, volume, traded
        if not highs:
            return volume, traded, None
        return volume, traded, (highs[0][1], lows[0][1])

    def _read(
        self, first: int, last: int
    ) -> tuple[Decimal, Decimal, tuple[Decimal, Decimal] | None]:
        """:meth:`figures` of bars ``first`` .. ``last - 1`` read directly: of equal highs (or
        lows) the latest, as the queues keep it. The queues are left empty."""
        add, multiply = self._EXACT.add, self._EXACT.multiply
        candles = [bar.candle for bar in self._bars[first:last]]
        volumes = [c.volume for c in candles]
        volume = reduce(add, volumes, ZERO)  # summed in bar order, as the window sums them
        traded = reduce(add, map(multiply, [c.close for c in candles], volumes), ZERO)
        extremes = (
            (max(reversed([c.high for c in candles])), min(reversed([c.low for c in candles])))
            if candles
            else None
        )
        self._first, self._last, self._volume, self._traded = first, last, volume, traded
        self._highs.clear()
        self._lows.clear()
        self._queued = False
        return volume, traded, extremes

    def _enqueue(self, index: int, candle: Candle) -> None:
        """Bar ``index`` (``candle``) joins the high/low queues (after every bar before it):
        of equal highs (lows) the latest stays."""
        highs, lows, high, low = self._highs, self._lows, candle.high, candle.low
        while highs and highs[-1][1] <= high:
            highs.pop()
        highs.append((index, high))
        while lows and lows[-1][1] >= low:
            lows.pop()
        lows.append((index, low))
