"""Settings of an operator's strategy (``btcbot run|backtest --strategy FILE.py:Class``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from btcbot.config.base import BtcbotSettings


class StrategySettings(BtcbotSettings):
    """Read only with ``--strategy``; ``--stage`` runs ignore them."""

    strategy_params: str = Field(
        "",
        description="Default empty: values of the strategy's declared parameters, "
        "'name=value,name=value' (e.g. fast=10,slow=50); --param name=value wins over it. "
        "Checked against the declared types and ranges before the run starts.",
    )
    strategy_risk_layer: Literal["none", "degrade", "budget"] | None = Field(
        None,
        description="Default unset (the strategy's own declaration, else none): the risk "
        "layer deciding the mode around the strategy: none (global gates and the per-cycle "
        "risk policy only, with the profile 3 knobs), degrade (anomalies, degrade levels and "
        "loss stops, with the profile 4 knobs) or budget (risk budget modes, with the profile "
        "7 knobs).",
    )
