"""The values one decision reads and writes, shared by the kernel, the strategies and the risk
layers (so that those three form no import cycle).

Snapshot and open orders (:mod:`~btcbot.decision.snapshot`), the market and account views a
strategy and the risk layers look through (:mod:`~btcbot.decision.market`,
:mod:`~btcbot.decision.account`), intents (:mod:`~btcbot.decision.intents`), the plan and its
decision log (:mod:`~btcbot.decision.plan`), and modes and the risk state carried between
cycles (:mod:`~btcbot.decision.modes`, :mod:`~btcbot.decision.risk_state`). The parameters a
decision runs with are built from the settings and live with them (:mod:`btcbot.config.params`).

This package imports only :mod:`btcbot.domain` (an import-linter contract in ``pyproject.toml``
keeps it so).
"""
