"""The ledger as the agent books it: baseline, balances it explains, positions."""

from __future__ import annotations

from sqlalchemy import Connection

from btcbot.accounting import build_ledger, expected_holdings
from btcbot.domain.money import to_decimal
from btcbot.operator.views import LedgerView, PositionView
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import DamagedRow, FillRepository, RiskStateRepository


def read_ledger(conn: Connection, account_key: str) -> LedgerView:
    """Balances are baseline + the effect of our fills (what the ledger check expects the
    exchange to hold); positions are built from our fills only."""
    ours = FillRepository(conn).ours_checked()
    try:
        stored = RiskStateRepository(conn).get(baseline_key(account_key))
        baseline = None if stored is None else {a: to_decimal(v) for a, v in stored.items()}
    except (ValueError, TypeError, AttributeError) as exc:
        raise DamagedRow(
            f"the ledger baseline of account {account_key!r} in the state database cannot be "
            f"read ({type(exc).__name__}: {str(exc)[:200]}): restore the database from a backup "
            "or set a new one (`btcbot ledger rebase`)"
        ) from None
    balances = dict(expected_holdings(ours, baseline)) if baseline is not None else {}
    ledger = build_ledger(ours)
    positions = tuple(
        PositionView(
            symbol=symbol.normalized,
            quantity=position.quantity,
            average_cost=position.average_cost,
            realized_pnl=position.realized_pnl,
            fees_paid=position.fees_paid,
        )
        for symbol, position in sorted(ledger.positions.items(), key=lambda kv: kv[0].normalized)
    )
    return LedgerView(
        baseline=None if baseline is None else dict(sorted(baseline.items())),
        balances=dict(sorted(balances.items())),
        positions=positions,
    )
