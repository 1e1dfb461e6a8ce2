"""OMS: client order ids persisted before sending, in-flight and lost orders resolved by
evidence, cancels proven, fills deduplicated, reconciliation failures counted into the kill
switch.

Public surface: :class:`OrderManager`, :func:`persist_intents`, :func:`store_backed_arming`,
the outcome/report types and :class:`OmsSettings`.
"""

from btcbot.exchange.events import (
    OrderDeleteSeen,
    OrderInsertSeen,
    OrderMatchSeen,
    PrivateEvidence,
    StreamGap,
)
from btcbot.execution.arming import store_backed_arming
from btcbot.execution.cancels import PendingCancelReport
from btcbot.execution.errors import (
    ExecutionError,
    IntentNotPersisted,
    ReconciliationFailed,
    ResubmitRefused,
)
from btcbot.execution.failures import FailureRecord
from btcbot.execution.fills import FillSyncReport
from btcbot.execution.intents import Intent, persist_intents
from btcbot.execution.oms import OrderManager
from btcbot.execution.outcomes import CancelOutcome, CancelResult, SubmitOutcome, SubmitResult
from btcbot.execution.private_events import EventResult
from btcbot.execution.reconcile import ReconcileReport
from btcbot.execution.resolution import Resolution, ResolveReport
from btcbot.execution.settings import OmsSettings

__all__ = [
    "CancelOutcome",
    "CancelResult",
    "EventResult",
    "ExecutionError",
    "FailureRecord",
    "FillSyncReport",
    "Intent",
    "IntentNotPersisted",
    "OmsSettings",
    "OrderDeleteSeen",
    "OrderInsertSeen",
    "OrderManager",
    "OrderMatchSeen",
    "PendingCancelReport",
    "PrivateEvidence",
    "ReconcileReport",
    "ReconciliationFailed",
    "Resolution",
    "ResolveReport",
    "ResubmitRefused",
    "StreamGap",
    "SubmitOutcome",
    "SubmitResult",
    "persist_intents",
    "store_backed_arming",
]
