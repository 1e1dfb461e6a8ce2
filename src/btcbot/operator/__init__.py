"""Operator services: the one layer the CLI, the HTTP API, the dashboard and the Telegram bot
share for reading the bot's state and for every operator write (see :mod:`.services`).

It sits above ``store`` and ``runtime`` and below the surfaces (``commands``, ``api``).
Modules: :mod:`.services` (the facade), :mod:`.views` (typed answers), :mod:`.status`,
:mod:`.history`, :mod:`.ledger` (reads), :mod:`.actions`, :mod:`.confirm`, :mod:`.requests`
(writes, two-step confirmations, work queued for the running agent), :mod:`.errors`.
"""

from btcbot.operator.actions import NEEDS_CONFIRMATION, Action
from btcbot.operator.errors import BadRequest, NotFound, OperatorError, Refused
from btcbot.operator.requests import RequestExecutor
from btcbot.operator.services import OperatorServices

__all__ = [
    "NEEDS_CONFIRMATION",
    "Action",
    "BadRequest",
    "NotFound",
    "OperatorError",
    "OperatorServices",
    "Refused",
    "RequestExecutor",
]
