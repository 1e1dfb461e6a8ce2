"""Valuation at marks: holdings and positions expressed in one currency (TRY by default).

A mark is the price of one unit of ``symbol.base`` in ``symbol.quote``. An asset is valued
directly (``ETH_TRY``) or through one intermediate quote (``SOL_USDT`` × ``USDT_TRY``). An asset
that cannot be valued is listed in ``missing`` and contributes nothing: callers that need a
complete number (risk, drawdown) must check :attr:`Valuation.complete` and fail closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from operator import add, is_

from btcbot.domain import Position, Symbol
from btcbot.domain.money import ONE, ZERO
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import pair_of

Marks = Mapping[Symbol, Decimal]
_IS_NONE = partial(is_, None)


@fast_init
@dataclass(frozen=True, slots=True)
class Valuation:
    total: Decimal
    missing: tuple[str, ...] = ()  # assets (or symbols) without a usable mark

    @property
    def complete(self) -> bool:
        return not self.missing


def rate(asset: str, marks: Marks, valuation: str = "TRY") -> Decimal | None:
    """Price of one ``asset`` in ``valuation``, directly or via one intermediate quote."""
    if asset == valuation:
        return ONE
    direct = marks.get(pair_of(asset, valuation))
    if direct is not None:
        return direct
    for symbol, price in sorted(marks.items()):
        if symbol.base == asset and symbol.quote != valuation:
            bridge = marks.get(pair_of(symbol.quote, valuation))
            if bridge is not None:
                return price * bridge
    return None


def value_holdings(
    holdings: Mapping[str, Decimal], marks: Marks, valuation: str = "TRY"
) -> Valuation:
    """Sum of ``amount × rate`` over assets; zero amounts need no mark."""
    total = ZERO
    missing: list[str] = []
    for asset, amount in sorted(holdings.items()):
        if amount == ZERO:
            continue
        price = rate(asset, marks, valuation)
        if price is None:
            missing.append(asset)
        else:
            total += amount * price
    return Valuation(total, tuple(missing))


def value_columns(
    holdings: Mapping[str, Decimal],
    columns: Mapping[Symbol, Sequence[Decimal | None]],
    rows: int,
    valuation: str = "TRY",
) -> list[Decimal] | None:
    """:func:`value_holdings` at each of ``rows`` rows of marks given a column per pair (the
    same sum in the same order, so the same digits); None when a held asset other than
    ``valuation`` lacks a mark of its own ``ASSET_<valuation>`` pair in some row (a bridged
    rate is left to :func:`value_holdings`)."""
    terms: list[tuple[Decimal, Sequence[Decimal | None] | None]] = []
    for asset, amount in sorted(holdings.items()):
        if amount == ZERO:
            continue
        if asset == valuation:
            terms.append((amount, None))
            continue
        column = columns.get(pair_of(asset, valuation))
        # a missing mark by identity: ``None in column`` compares each Decimal with None,
        # which asks numbers.Rational (an ABC) every time
        if column is None or len(column) < rows or any(map(_IS_NONE, column)):
            return None
        terms.append((amount, column))
    # a term at a time over every row: each row's sum still adds its terms in asset order
    totals = [ZERO] * rows
    for amount, column in terms:
        if column is None:
            cash = amount * ONE
            totals = [total + cash for total in totals]
        else:
            totals = list(map(add, totals, map(amount.__mul__, column)))  # type: ignore[arg-type]
    return totals


def compute_equity(
    cash: Mapping[str, Decimal],
    positions: Iterable[Position],
    marks: Marks,
    valuation: str = "TRY",
) -> Valuation:
    """Equity = cash balances (any asset) + each position's base quantity, valued at marks.

    Pass cash *without* the base assets the positions already hold, or they count twice.
    """
    holdings = dict(cash)
    for position in positions:
        base = position.symbol.base
        holdings[base] = holdings.get(base, ZERO) + position.quantity
    return value_holdings(holdings, marks, valuation)


def unrealized_pnl(
    positions: Iterable[Position], marks: Marks, valuation: str = "TRY"
) -> Valuation:
    """Sum of ``(mark - average_cost) × quantity`` per position, converted to ``valuation``."""
    total = ZERO
    missing: list[str] = []
    for position in positions:
        if position.is_flat:
            continue
        mark = marks.get(position.symbol)
        conversion = rate(position.symbol.quote, marks, valuation)
        if mark is None or conversion is None:
            missing.append(str(position.symbol))
        else:
            total += position.unrealized_pnl(mark) * conversion
    return Valuation(total, tuple(missing))
