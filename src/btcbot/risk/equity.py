"""Equity, the day's PnL, drawdown from peak and fees paid today, from balances at mid.

Equity is every balance (free + locked) valued at its ``ASSET/quote`` mid (the account
currency, TRY; an asset quoted only in USDT is valued through the fresh ``USDT_TRY`` rate).
When a held asset has no mark the reading is unknown (``None``), never understated: a missing
price must not fake a loss, nor lift the peak. Fees paid today are summed in TRY too: a
position's fees are paid in its quote currency, so the day's start is kept per currency (in
that currency) and only what each paid since counts, at its current rate; a currency without a
rate is left out of the sum until one is known again (its fees of earlier days never count as
today's when it comes back, nor when the rate moves).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from btcbot.decision.risk_state import RiskState
from btcbot.domain import Balance, Position, Symbol
from btcbot.domain.money import BPS, ZERO

DAY_MS = 86_400_000


@dataclass(frozen=True, slots=True)
class EquityReading:
    equity: Decimal | None
    daily_pnl: Decimal | None
    drawdown_bps: Decimal | None
    fees_today: Decimal
    peak_equity: Decimal | None
    day_key: int
    day_start_equity: Decimal | None
    day_start_fees: Decimal
    day_start_fees_by_quote: Mapping[str, Decimal] | None = None


def value_balances(
    balances: Mapping[str, Balance], marks_by_base: Mapping[str, Decimal], quote: str
) -> Decimal | None:
    total = ZERO
    for asset, balance in balances.items():
        amount = balance.total
        if asset == quote:
            total += amount
        elif amount > ZERO:
            mark = marks_by_base.get(asset)
            if mark is None:
                return None
            total += amount * mark
    return total


def fees_by_currency(
    positions: Mapping[Symbol, Position], account: str | None
) -> tuple[Decimal, dict[str, Decimal]]:
    """Fees paid in the account currency (every position's when ``account`` is None), and
    in each other quote currency, in that currency."""
    own = ZERO
    other: dict[str, Decimal] = {}
    for symbol, position in positions.items():
        if account is None or symbol.quote == account:
            own += position.fees_paid
        else:
            other[symbol.quote] = other.get(symbol.quote, ZERO) + position.fees_paid
    return own, other


def read_equity(
    equity: Decimal | None,
    positions: Mapping[Symbol, Position],
    now_ms: int,
    prev: RiskState,
    rates: Mapping[str, Decimal] | None = None,
    account: str | None = None,
) -> EquityReading:
    """``rates``: the ``account``-currency value of each other quote currency (None, or no
    ``account``: every fee is already in the account currency)."""
    own, other = fees_by_currency(positions, account if rates is not None else None)
    day = now_ms // DAY_MS
    if prev.day_key != day:
        day_start_equity, day_start_fees = equity, own
        started: Mapping[str, Decimal] | None = other or None
    else:
        day_start_equity = prev.day_start_equity if prev.day_start_equity is not None else equity
        day_start_fees = prev.day_start_fees
        started = prev.day_start_fees_by_quote
    peak = prev.peak_equity
    if equity is not None and (peak is None or equity > peak):
        peak = equity
    daily = None
    if equity is not None and day_start_equity is not None:
        daily = equity - day_start_equity
    drawdown = None
    if equity is not None and peak is not None and peak > ZERO:
        drawdown = (peak - equity) / peak * BPS
    fees_today = max(own - day_start_fees, ZERO)
    for currency, fees in other.items():
        rate = None if rates is None else rates.get(currency)
        paid = fees - (ZERO if started is None else started.get(currency, ZERO))
        if rate is not None and paid > ZERO:
            fees_today += paid * rate
    return EquityReading(
        equity,
        daily,
        drawdown,
        fees_today,
        peak,
        day,
        day_start_equity,
        day_start_fees,
        started,
    )


def value_moved(
    moved: Mapping[str, Decimal], marks_by_base: Mapping[str, Decimal], quote: str
) -> Decimal | None:
    """What ``moved`` (asset -> amount, negative: out) is worth at the marks equity is valued
    at (:func:`value_balances`'); None when a moved asset has no mark."""
    total = ZERO
    for asset, amount in moved.items():
        if asset == quote:
            total += amount
            continue
        mark = marks_by_base.get(asset)
        if mark is None:
            return None
        total += amount * mark
    return total


def moved_in(state: RiskState, amount: Decimal) -> RiskState:
    """``state`` after ``amount`` (account currency) came into the account from outside (a
    deposit; negative: a withdrawal): the day's starting equity and the equity peak move by
    it, so the day's PnL and the drawdown are what they were before."""
    start, peak = state.day_start_equity, state.peak_equity
    return replace(
        state,
        day_start_equity=None if start is None else start + amount,
        peak_equity=None if peak is None else peak + amount,
    )
