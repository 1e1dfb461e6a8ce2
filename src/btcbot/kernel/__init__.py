"""The planning kernel: one pure decision function shared by every strategy profile.

Public surface: :class:`~btcbot.kernel.snapshot.Snapshot`, :class:`~btcbot.kernel.snapshot.
OpenOrder`, :class:`~btcbot.kernel.plan.Plan` and its parts, the parameter models in
:mod:`btcbot.kernel.params`, and ``btcbot.kernel.kernel.PlanningKernel`` (imported from its
module so that strategy modules can use these value types without an import cycle).
"""

from btcbot.kernel.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
)
from btcbot.kernel.plan import Action, Decision, Layer, Plan, PlannedCancel, PlannedSubmit
from btcbot.kernel.snapshot import OpenOrder, Snapshot
from btcbot.risk.modes import Mode
from btcbot.risk.state import RiskState

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
