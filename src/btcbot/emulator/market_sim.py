"""Seeded market simulator: market-maker and taker bots around a reference price.

Every step, per symbol (in table order): the reference price moves (seeded Gaussian random
walk with weak mean reversion, or the next row of a real price series for one symbol), the
market maker cancels its quotes and re-quotes ``levels`` bids and asks around it, and with some
probability a taker bot sends a market order. All randomness comes from one
``random.Random(seed)``, so a seed plus the same sequence of steps (and user orders) gives the
same books and trades. User orders resting in the book trade against the bots like on a real
exchange. :meth:`MarketSimulator.set_price` moves a random-walk symbol's price at once (the
admin API's price driver), e.g. to make a fall trigger sell stops.
"""

import csv
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import pairwise
from pathlib import Path

from btcbot.emulator.accounts import Account
from btcbot.emulator.engine import Exchange
from btcbot.emulator.errors import OrderRejected
from btcbot.emulator.orders import OrderRequest, Side
from btcbot.exchange.symbol_table import SymbolRule

BOT_BALANCE = Decimal("1e12")
MAKER_KEY = "emulator-bot-maker"
TAKER_KEY = "emulator-bot-taker"
BOT_SECRET = "ZW11bGF0b3ItYm90LW5vdC1mb3ItY2xpZW50cw=="
DEFAULT_STEP_MINUTES = 60


@dataclass(frozen=True)
class SimSettings:
    volatility: float = 0.0008
    mean_reversion: float = 0.002
    levels: int = 8
    half_spread: Decimal = Decimal("0.0005")
    level_step: Decimal = Decimal("0.0004")
    taker_probability: float = 0.5


class PriceSeries:
    """Close prices of a CSV with an ``Open_Time,Open,High,Low,Close,Volume`` header.

    ``step_minutes`` is the series' own interval (the most common step of its time column,
    ``Open_Time``/``time``/``timestamp``/``ts``: ISO text or epoch s/ms), 60 when it has none;
    the candle history puts the rows before the start row that far apart."""

    def __init__(self, path: Path, rows_per_step: int = 1, start_row: int = 0) -> None:
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                names = list(reader.fieldnames or [])
                column, time_column = _close_column(names), _time_column(names)
                rows = [(reader.line_num, row) for row in reader if row.get(column)]
        except UnicodeDecodeError:
            raise ValueError(f"{path}: not UTF-8 text: expected a CSV with a Close column") from (
                None
            )
        except csv.Error as exc:
            raise ValueError(f"{path}: not a CSV file ({exc})") from None
        except OSError as exc:
            raise ValueError(f"{path}: cannot read it ({exc.strerror})") from None
        self.closes = [_price(path, line, row[column]) for line, row in rows]
        if not self.closes:
            raise ValueError(f"{path}: no prices")
        times = [row.get(time_column, "") for _, row in rows[:500]] if time_column else []
        self.step_minutes = _step_minutes(times)
        self.rows_per_step = max(1, rows_per_step)
        self.position = min(max(0, start_row), len(self.closes) - 1)

    def current(self) -> Decimal:
        return self.closes[self.position]

    def history(self) -> tuple[Decimal, ...]:
        """The closes up to the current row (the candle history's knots)."""
        return tuple(self.closes[: self.position + 1])

    def advance(self) -> Decimal:
        self.position = min(self.position + self.rows_per_step, len(self.closes) - 1)
        return self.current()


def _time_column(names: list[str]) -> str | None:
    wanted = ("open_time", "time", "timestamp", "ts", "date")
    found = {name.strip().lower(): name for name in names}
    return next((found[key] for key in wanted if key in found), None)


def _step_minutes(times: list[str]) -> int:
    """The most common positive step between consecutive times, in minutes (default 60)."""
    seconds = [s for s in map(_epoch_seconds, times) if s is not None]
    steps: dict[int, int] = {}
    for before, after in pairwise(seconds):
        if after > before:
            steps[after - before] = steps.get(after - before, 0) + 1
    if not steps:
        return DEFAULT_STEP_MINUTES
    step = max(steps, key=lambda value: (steps[value], -value))
    return max(1, step // 60)


def _epoch_seconds(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        value = int(text)
        return value // 1000 if value > 100_000_000_000 else value
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def _price(path: Path, line: int, text: str | None) -> Decimal:
    try:
        price = Decimal(text or "")
    except ArithmeticError:
        raise ValueError(f"{path}:{line}: the Close value is not a number") from None
    if not price.is_finite() or price <= 0:
        raise ValueError(f"{path}:{line}: the Close value must be a price > 0")
    return price


def _close_column(names: list[str]) -> str:
    for name in names:
        if name.strip().lower() == "close":
            return name
    raise ValueError(f"price series has no Close column (columns: {names})")


class MarketSimulator:
    def __init__(
        self,
        exchange: Exchange,
        seed: int,
        settings: SimSettings | None = None,
        series: PriceSeries | None = None,
        series_symbol: str = "BTCTRY",
    ) -> None:
        self.exchange = exchange
        self.rng = random.Random(seed)
        self.settings = settings or SimSettings()
        self.series = series
        self.series_symbol = series_symbol.replace("_", "").upper()
        balances = {cur.symbol: BOT_BALANCE for cur in exchange.table.currencies}
        self.maker = exchange.add_account(Account(MAKER_KEY, BOT_SECRET, balances), is_bot=True)
        self.taker = exchange.add_account(Account(TAKER_KEY, BOT_SECRET, balances), is_bot=True)
        self.anchors = dict(exchange.ref_prices)
        self.refs = dict(exchange.ref_prices)
        if series is not None:
            self._set_ref(self.series_symbol, series.current())
            self.anchors[self.series_symbol] = series.current()
        self.quotes: dict[str, list[int]] = {name: [] for name in self.refs}
        self.steps = 0

    def step(self) -> None:
        with self.exchange.batch():
            for rule in self.exchange.table.symbols:
                self._move(rule)
                self._requote(rule)
                self._maybe_take(rule)
        self.steps += 1

    def set_price(self, pair: str, price: Decimal) -> str:
        """Move ``pair``'s reference price (and the level it reverts to) to ``price``; the next
        step quotes and trades around it. Returns the pair's name. Raises ``ValueError`` for an
        unknown pair, a non-positive price, or the pair a price series drives."""
        rule = self.exchange.table.find(pair)
        if rule is None:
            raise ValueError(f"unknown pair {pair!r}")
        if not price.is_finite() or price <= 0:
            raise ValueError("price must be a positive number")
        if self.series is not None and rule.name == self.series_symbol:
            raise ValueError(f"{rule.name} follows the price series; it cannot be set")
        self.anchors[rule.name] = price
        self._set_ref(rule.name, price)
        return rule.name

    def _set_ref(self, name: str, price: Decimal) -> None:
        self.refs[name] = price
        rule = self.exchange.table.find(name)
        if rule is not None:
            self.exchange.ref_prices[name] = rule.quantize_price(price) or price

    def _move(self, rule: SymbolRule) -> None:
        if self.series is not None and rule.name == self.series_symbol:
            self._set_ref(rule.name, self.series.advance())
            return
        ref = self.refs[rule.name]
        shock = Decimal(repr(round(self.rng.gauss(0.0, self.settings.volatility), 8)))
        pull = (self.anchors[rule.name] - ref) / ref * Decimal(repr(self.settings.mean_reversion))
        self._set_ref(rule.name, (ref * (1 + shock + pull)).quantize(Decimal("1e-10")))

    def _requote(self, rule: SymbolRule) -> None:
        for order_id in self.quotes[rule.name]:
            self.exchange.cancel(order_id)
        self.quotes[rule.name] = []
        for level in range(self.settings.levels):
            offset = self.settings.half_spread + self.settings.level_step * level
            self._quote(rule, "buy", self._level_price(rule, 1 - offset, ROUND_FLOOR))
            self._quote(rule, "sell", self._level_price(rule, 1 + offset, ROUND_CEILING))

    def _level_price(self, rule: SymbolRule, factor: Decimal, rounding: str) -> Decimal:
        step = Decimal(1).scaleb(-rule.price_scale)
        return (self.refs[rule.name] * factor).quantize(step, rounding=rounding)

    def _quote(self, rule: SymbolRule, side: Side, price: Decimal) -> None:
        notional = rule.min_exchange_value * self._uniform(20, 200)
        quantity = rule.quantize_quantity(notional / price)
        request = OrderRequest(rule.name, side, "limit", quantity, price, None)
        try:
            order = self.exchange.submit(self.maker.user_id, request)
        except OrderRejected:
            return
        if order.is_open:
            self.quotes[rule.name].append(order.id)

    def _maybe_take(self, rule: SymbolRule) -> None:
        if self.rng.random() >= self.settings.taker_probability:
            return
        side: Side = "buy" if self.rng.random() < 0.5 else "sell"
        notional = rule.min_exchange_value * self._uniform(1.2, 8)
        if side == "buy":
            quantity = notional.quantize(Decimal(1).scaleb(-rule.denominator_scale))
        else:
            quantity = rule.quantize_quantity(notional / self.refs[rule.name])
        request = OrderRequest(rule.name, side, "market", quantity, None, None)
        try:
            self.exchange.submit(self.taker.user_id, request)
        except OrderRejected:
            return

    def _uniform(self, low: float, high: float) -> Decimal:
        return Decimal(repr(round(self.rng.uniform(low, high), 4)))
