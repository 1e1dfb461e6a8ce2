"""Accounting: a pure ledger from fills to positions, PnL, equity, drawdown and fees.

Nothing here reads a clock, the network or the database: the runtime passes fills, marks and
balances in and decides what to do with the results (e.g. raise on a :class:`LedgerMismatch`).
"""

from btcbot.accounting.balances import (
    BalanceCheck,
    LedgerMismatch,
    LedgerMismatchError,
    check_balances,
    expected_holdings,
    with_effect,
)
from btcbot.accounting.book import LedgerBook, LedgerView
from btcbot.accounting.fills import DedupedFills, FillConflict, canonical_key, dedupe_fills
from btcbot.accounting.ledger import LedgerState, Oversell, apply_fill, build_ledger
from btcbot.accounting.performance import (
    DrawdownState,
    fees_by_day,
    max_drawdown,
    track_equity,
)
from btcbot.accounting.valuation import (
    Marks,
    Valuation,
    compute_equity,
    rate,
    unrealized_pnl,
    value_columns,
    value_holdings,
)

__all__ = [
    "BalanceCheck",
    "DedupedFills",
    "DrawdownState",
    "FillConflict",
    "LedgerBook",
    "LedgerMismatch",
    "LedgerMismatchError",
    "LedgerState",
    "LedgerView",
    "Marks",
    "Oversell",
    "Valuation",
    "apply_fill",
    "build_ledger",
    "canonical_key",
    "check_balances",
    "compute_equity",
    "dedupe_fills",
    "expected_holdings",
    "fees_by_day",
    "max_drawdown",
    "rate",
    "track_equity",
    "unrealized_pnl",
    "value_columns",
    "value_holdings",
    "with_effect",
]
