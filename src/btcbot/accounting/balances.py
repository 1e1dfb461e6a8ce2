"""Ledger vs exchange: do the fills we booked explain the balances the exchange reports?

Expected holdings = ``baseline`` (balances when tracking started, plus any deposits or
withdrawals the operator recorded) + the effect of every fill:

* BUY: base ``+quantity``; quote ``-(price × quantity + fee + tax)``
* SELL: base ``-quantity``; quote ``+(price × quantity - fee - tax)``

An asset whose expected and reported totals (free + locked) differ by more than its tolerance
is a :class:`LedgerMismatch`. This module only reports; the runtime raises
(:meth:`BalanceCheck.raise_on_mismatch`) and stops trading on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from btcbot.domain import Balance, Fill, Side
from btcbot.domain.money import ZERO, format_decimal
from btcbot.domain.slots import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class LedgerMismatch:
    asset: str
    expected: Decimal  # from baseline + fills
    actual: Decimal  # exchange total (free + locked)

    @property
    def difference(self) -> Decimal:
        """Exchange minus ledger: positive means the exchange holds more than we booked."""
        return self.actual - self.expected

    def describe(self) -> str:
        return (
            f"{self.asset}: ledger {format_decimal(self.expected)}, exchange "
            f"{format_decimal(self.actual)} (difference {format_decimal(self.difference)})"
        )


class LedgerMismatchError(RuntimeError):
    """Raised by the runtime when the ledger cannot explain the exchange balances."""

    def __init__(self, mismatches: tuple[LedgerMismatch, ...]) -> None:
        self.mismatches = mismatches
        detail = "; ".join(m.describe() for m in mismatches)
        super().__init__(f"ledger disagrees with exchange balances: {detail}")


@fast_init
@dataclass(frozen=True, slots=True)
class BalanceCheck:
    mismatches: tuple[LedgerMismatch, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatches

    def raise_on_mismatch(self) -> None:
        if self.mismatches:
            raise LedgerMismatchError(self.mismatches)


def expected_holdings(
    fills: Iterable[Fill], baseline: Mapping[str, Decimal] | None = None
) -> Mapping[str, Decimal]:
    """Baseline plus the effect of every fill (pass deduplicated fills)."""
    holdings: dict[str, Decimal] = dict(baseline or {})
    for fill in fills:
        add_effect(holdings, fill, 1)
    return MappingProxyType(holdings)


def add_effect(holdings: dict[str, Decimal], fill: Fill, times: int) -> None:
    """Add ``times`` × the fill's effect on balances to ``holdings`` (-1 takes it back)."""
    sign = 1 if fill.side is Side.BUY else -1
    base, quote = fill.symbol.base, fill.symbol.quote
    holdings[base] = holdings.get(base, ZERO) + times * sign * fill.quantity
    holdings[quote] = holdings.get(quote, ZERO) - times * sign * fill.notional - times * fill.cost


def with_effect(
    baseline: Mapping[str, Decimal], effect: Mapping[str, Decimal]
) -> Mapping[str, Decimal]:
    """Expected holdings: ``baseline`` plus the summed effect of the booked fills."""
    holdings = dict(baseline)
    for asset, change in effect.items():
        holdings[asset] = holdings.get(asset, ZERO) + change
    return MappingProxyType(holdings)


def check_balances(
    expected: Mapping[str, Decimal],
    balances: Iterable[Balance],
    tolerance: Decimal | Mapping[str, Decimal] = ZERO,
) -> BalanceCheck:
    """Compare per asset; an asset missing on either side counts as zero there."""
    actual = {balance.asset: balance.total for balance in balances}
    mismatches = []
    for asset in sorted(expected.keys() | actual.keys()):
        booked, held = expected.get(asset, ZERO), actual.get(asset, ZERO)
        if abs(held - booked) > _tolerance_for(asset, tolerance):
            mismatches.append(LedgerMismatch(asset, booked, held))
    return BalanceCheck(tuple(mismatches))


def _tolerance_for(asset: str, tolerance: Decimal | Mapping[str, Decimal]) -> Decimal:
    if isinstance(tolerance, Decimal):
        return tolerance
    return tolerance.get(asset, ZERO)
