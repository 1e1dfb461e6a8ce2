"""The planning kernel: one pure decision function shared by every strategy profile.

Public surface: the value types it plans with (re-exported from :mod:`btcbot.decision`), and
``btcbot.kernel.kernel.PlanningKernel`` with the profiles it runs
(:mod:`btcbot.kernel.profile`).
"""

from btcbot.config.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
)
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Action, Decision, Layer, Plan, PlannedCancel, PlannedSubmit
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import OpenOrder, Snapshot

__all__ = [
    "Action",
    "Decision",
    "Layer",
    "Mode",
    "OpenOrder",
    "Plan",
    "PlannedCancel",
    "PlannedSubmit",
    "Profile3Params",
    "Profile4Params",
    "Profile7Params",
    "ProfileParams",
    "RiskState",
    "Snapshot",
]
