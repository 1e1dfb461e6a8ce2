"""A cycle's valuation: equity, realized and unrealized PnL in the account's currency."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from btcbot.accounting import Valuation, rate, unrealized_pnl, value_holdings
from btcbot.domain import Balance, Symbol
from btcbot.runtime.state_view import StateView


def cycle_valuation(
    balances: Mapping[str, Balance],
    marks: Mapping[Symbol, Decimal],
    state: StateView,
    account: str,
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """Equity, realized and unrealized PnL of the cycle report, all in ``account`` (TRY);
    None where a currency has no mark (a USDT pair's PnL is converted through USDT_TRY)."""
    holdings = {asset: balance.total for asset, balance in balances.items()}
    equity = value_holdings(holdings, marks, account)
    positions = state.ledger.positions.values()
    unrealized = unrealized_pnl(positions, marks, account)
    realized = realized_pnl(state, marks, account)
    if realized is None:
        return complete(equity), None, complete(unrealized)
    return complete(equity), realized, complete(unrealized)


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


__all__ = ["complete", "cycle_valuation", "equity", "realized_pnl"]
