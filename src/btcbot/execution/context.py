"""What every order manager component shares."""

from __future__ import annotations

from dataclasses import dataclass

from btcbot.exchange.port import ExchangePort
from btcbot.exchange.read_budget import UNLIMITED, ReadBudget
from btcbot.execution.failures import ReconcileFailures
from btcbot.execution.journal import Journal
from btcbot.execution.settings import OmsSettings


@dataclass(frozen=True, slots=True)
class OmsContext:
    port: ExchangePort
    journal: Journal
    failures: ReconcileFailures
    settings: OmsSettings
    budget: ReadBudget = UNLIMITED  # asked before optional reads (sweeps of idle symbols)
