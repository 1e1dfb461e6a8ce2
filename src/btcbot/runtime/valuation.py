"""A cycle's valuation: equity, realized and unrealized PnL in the account's currency."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from btcbot.accounting import Valuation, rate, unrealized_pnl, value_holdings
from btcbot.domain import Balance, Symbol
from btcbot.runtime.state_view import StateView


@dataclass(frozen=True, slots=True)
class HeldValue:
    """A cycle's holdings (balance totals) and open positions' unrealized PnL at its marks, in
    the account's currency: valued once, read by the PnL-divergence reading and the report."""

    holdings: Valuation
    unrealized: Valuation


def held_value(
    balances: Mapping[str, Balance],
    marks: Mapping[Symbol, Decimal],
    state: StateView,
    account: str,
) -> HeldValue:
    holdings = {asset: balance.total for asset, balance in balances.items()}
    return HeldValue(
        value_holdings(holdings, marks, account),
        unrealized_pnl(state.ledger.positions.values(), marks, account),
    )


def cycle_valuation(
    balances: Mapping[str, Balance],
    marks: Mapping[Symbol, Decimal],
    state: StateView,
    account: str,
    held: HeldValue | None = None,
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """Equity, realized and unrealized PnL of the cycle report, all in ``account`` (TRY);
    None where a currency has no mark (a USDT pair's PnL is converted through USDT_TRY).
    ``held``: :func:`held_value` of the same arguments, when valued already."""
    if held is None:
        held = held_value(balances, marks, state, account)
    realized = realized_pnl(state, marks, account)
    return complete(held.holdings), realized, complete(held.unrealized)


def realized_pnl(state: StateView, marks: Mapping[Symbol, Decimal], account: str) -> Decimal | None:
    """Realized PnL of every position in ``account`` (None: one has no conversion mark)."""
    realized = Decimal(0)
    for position in state.ledger.positions.values():
        conversion = rate(position.symbol.quote, marks, account)
        if conversion is None:
            if position.realized_pnl:
                return None
            continue
        realized += position.realized_pnl * conversion
    return realized


def equity(
    balances: Mapping[str, Balance], marks: Mapping[Symbol, Decimal], account: str
) -> Decimal | None:
    """The equity part of :func:`cycle_valuation` alone."""
    holdings = {asset: balance.total for asset, balance in balances.items()}
    return complete(value_holdings(holdings, marks, account))


def complete(valuation: Valuation) -> Decimal | None:
    return valuation.total if valuation.complete else None


__all__ = ["HeldValue", "complete", "cycle_valuation", "equity", "held_value", "realized_pnl"]
