"""Order manager errors: programming or operating errors that must stop the caller.

ExecutionError
├── IntentNotPersisted ... submit() for a client order id the store never saw
├── ResubmitRefused ...... submit() for an order that is no longer PENDING_SUBMIT
└── ReconciliationFailed . start-up reconciliation failed: live trading must not start
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from btcbot.execution.reconcile import ReconcileReport


class ExecutionError(RuntimeError):
    """Base of the order manager's own errors."""


class IntentNotPersisted(ExecutionError):
    """The intent must be persisted (PENDING_SUBMIT) by the cycle before it is sent."""


class ResubmitRefused(ExecutionError):
    """An order already sent (or resolved) is never sent again: resolve it instead."""


class ReconciliationFailed(ExecutionError):
    """Start-up reconciliation could not compare with the exchange; ``report`` says why."""

    def __init__(self, report: ReconcileReport) -> None:
        super().__init__(f"start-up reconciliation failed: {report.error}")
        self.report = report
