"""The state one cycle decides on: read once, shared by the ledger guard and the kernel.

What an operator may change while the agent runs (kill switch, freeze, degrade override, the
ledger baseline) is read from the store in one short session per cycle — a few rows by key.
Everything else is carried in memory by its owner and only copied here: order state and the
cooldown input by the OMS journal, positions and the balance effect of our fills by its ledger
book, the risk state by the cycle runner (which alone writes it). Nothing read per cycle grows
with the number of orders, fills or cycles ever made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from btcbot.accounting import LedgerView
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import OpenOrder
from btcbot.domain import OrderStatus, Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init
from btcbot.execution.journal import Journal
from btcbot.runtime.ledger_guard import Baseline, LedgerGuard
from btcbot.runtime.risk_state_codec import decode_risk_state
from btcbot.store import OpStatus, StateSession, StoredOrder

UNRESOLVED = frozenset({OrderStatus.PENDING_SUBMIT, OrderStatus.IN_FLIGHT})


@fast_init
@dataclass(frozen=True, slots=True)
class StateView:
    op: OpStatus
    risk: RiskState
    ledger: LedgerView
    live: tuple[StoredOrder, ...]
    last_submit_ms: Mapping[tuple[Symbol, Side], int]
    baseline: Baseline | None = None  # the ledger check's (None: not taken yet, or no check)

    @property
    def unresolved(self) -> int:
        """Orders whose fate is not known yet (new risk waits for them: ``order_unresolved``)."""
        return sum(1 for stored in self.live if stored.status in UNRESOLVED)

    def open_orders(self) -> tuple[OpenOrder, ...]:
        return tuple(_open_order(stored) for stored in self.live)


def read_state(
    session: StateSession,
    account_key: str,
    journal: Journal,
    *,
    risk: RiskState | None,
    guard: LedgerGuard | None,
) -> StateView:
    """The cycle's state: switches and baseline from ``session``; the rest from memory
    (``risk`` None: not carried yet, read it too)."""
    if risk is None:
        risk = decode_risk_state(session.documents.get(account_key))
    return StateView(
        op=session.op_state.get(account_key),
        risk=risk,
        ledger=journal.book.ledger(),  # foreign fills are not ours
        live=tuple(journal.live()),
        last_submit_ms=journal.last_submits(),
        baseline=None if guard is None else guard.read_baseline(session),
    )


def _open_order(stored: StoredOrder) -> OpenOrder:
    order = stored.order
    request = order.request
    price = request.price or request.stop_price or request.quote_amount or ZERO
    return OpenOrder(
        client_order_id=request.client_order_id,
        exchange_order_id=order.exchange_order_id,
        symbol=request.symbol,
        side=request.side,
        price=price,
        quantity=request.quantity,
        filled_quantity=order.filled_quantity,
        status=order.status,
        created_ms=stored.created_ms,
        stop_price=request.stop_price,
    )
